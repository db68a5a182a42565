//! `GET /api/v1/customers/profile`: the average customer of a known set, against medians,
//! most common values, distributions and the complaint rate computed by hand.

use serde_json::{Value, json};

use crate::helpers::{at, spawn_app};

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap();
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

#[tokio::test]
async fn customers_profile_matches_hand_computed_medians_and_distributions() {
    let app = spawn_app().await;
    let empty = app
        .get("/api/v1/customers/profile", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(
        (&empty["customers"], &empty["age"]["median"]),
        (&json!(0), &json!(null))
    );
    // The clock says 2026: ages 36, 46, 26, 30 and one unknown.
    let people = [
        json!({"name": "Ana", "birth_year": 1990, "country": "ES", "region": "Madrid", "city": "Madrid",
            "gender": "female", "education_level": "bachelor", "preferred_language": "es", "preferred_channel": "phone"}),
        json!({"name": "Ben", "birth_year": 1980, "country": "ES", "region": "Andalucía", "city": "Sevilla",
            "gender": "male", "education_level": "master", "preferred_language": "es", "preferred_channel": "email"}),
        json!({"name": "Can", "birth_year": 2000, "country": "TR", "region": "İstanbul", "city": "İstanbul",
            "gender": "male", "preferred_language": "tr", "preferred_channel": "phone"}),
        json!({"name": "Dee", "birth_year": 1996, "gender": "female", "preferred_language": "en"}),
        json!({"name": "Eve"}),
    ];
    let mut ids = Vec::new();
    for p in &people {
        ids.push(
            app.post_json("/api/v1/customers", &app.agent.token, p)
                .await
                .expect(201)["id"]
                .as_i64()
                .unwrap(),
        );
    }
    // Three complaints in the last 365 days, one older (not counted).
    for id in &ids[..3] {
        app.create_complaint(*id).await;
    }
    let old = json!({"customer_id": ids[3], "channel": "phone", "description": "Old.", "received_at": at(-400 * 24)});
    app.create_complaint_with(&old).await;

    let p = app
        .get("/api/v1/customers/profile", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(p["customers"], 5);
    // Ages 26, 30, 36, 46: (30 + 36) / 2.
    assert_eq!(p["age"], json!({"median": 33.0, "n": 4, "missing": 1}));
    assert_eq!(
        (
            &p["country"]["most_common"]["value"],
            &p["country"]["most_common"]["customers"]
        ),
        (&json!("ES"), &json!(2))
    );
    assert_eq!(
        (&p["country"]["n"], &p["country"]["missing"]),
        (&json!(3), &json!(2))
    );
    close(&p["country"]["most_common"]["share"], 2.0 / 3.0);
    // Every city once: the first in text order.
    assert_eq!(p["city"]["most_common"]["value"], "Madrid");
    let values = |d: &Value| -> Vec<(String, i64)> {
        d["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["value"].as_str().unwrap().to_owned(),
                    v["customers"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        values(&p["gender"]),
        vec![("female".into(), 2), ("male".into(), 2)]
    );
    assert_eq!(
        (&p["gender"]["n"], &p["gender"]["missing"]),
        (&json!(4), &json!(1))
    );
    close(&p["gender"]["values"][0]["share"], 0.5);
    assert_eq!(
        values(&p["preferred_language"]),
        vec![("es".into(), 2), ("en".into(), 1), ("tr".into(), 1)]
    );
    assert_eq!(
        values(&p["preferred_channel"]),
        vec![("phone".into(), 2), ("email".into(), 1)]
    );
    assert_eq!(p["preferred_channel"]["missing"], 2);
    assert_eq!(
        values(&p["education_level"]),
        vec![("bachelor".into(), 1), ("master".into(), 1)]
    );
    assert_eq!(p["education_level"]["missing"], 3);
    // 3 complaints in the year ÷ 5 customers.
    assert_eq!(
        (
            &p["complaint_rate"]["complaints"],
            &p["complaint_rate"]["customers"]
        ),
        (&json!(3), &json!(5))
    );
    close(&p["complaint_rate"]["per_customer_per_year"], 0.6);
}
