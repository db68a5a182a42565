//! Membership, the segment's profile, complaint rate and satisfaction against hand counts.

use serde_json::{Value, json};
use tend_domain::segments::SegmentDraft;
use tend_store::Members;

use super::people::{People, at, scenario};
use crate::helpers::{TestApp, spawn_app};

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

/// Creates the segment (as the manager) and returns its id and the members' ids, from the
/// store's one query.
async fn segment(app: &TestApp, body: Value) -> (i64, Vec<i64>) {
    let made = app
        .post_json("/api/v1/segments", &app.manager.token, &body)
        .await
        .expect(201);
    let draft: SegmentDraft = serde_json::from_value(made["definition"].clone()).unwrap();
    let rule = draft.validate().unwrap().rule;
    let ids = app
        .store
        .segment_members(&Members::new(rule, at()))
        .await
        .unwrap();
    assert_eq!(made["members"], json!(ids.len()), "{made}");
    (made["id"].as_i64().unwrap(), ids)
}

fn values(d: &Value) -> Vec<(String, i64)> {
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
}

fn v(pairs: &[(&str, i64)]) -> Vec<(String, i64)> {
    pairs.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

#[tokio::test]
async fn spanish_under_35_buying_on_the_web_has_its_hand_computed_members_and_profile() {
    let app = spawn_app().await;
    let p: People = scenario(&app).await;
    // ES, age ≤ 34 (born 1992 or later), prefers web, ≥ 1 purchase not returned in 365 days:
    // Ana (31), Bea (34, bought 100 days ago) and Gema (22). Not Carlos (35), Dani (only a
    // returned purchase), Elif (TR), Fer (bought 400 days ago), Hugo (no birth year), Iker
    // (prefers phone).
    let (id, members) = segment(
        &app,
        json!({"name": "Spanish under 35 buying on the web",
        "country": "ES", "max_age": 34, "preferred_channel": "web",
        "min_purchases": 1, "purchase_days": 365}),
    )
    .await;
    assert_eq!(members, vec![p.id('A'), p.id('B'), p.id('G')]);
    let prof = app
        .get(&format!("/api/v1/segments/{id}/profile"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(prof["customers"], 3);
    // Ages 22, 31, 34.
    assert_eq!(prof["age"], json!({"median": 31.0, "n": 3, "missing": 0}));
    assert_eq!(prof["country"]["most_common"]["value"], "ES");
    close(&prof["country"]["most_common"]["share"], 1.0);
    assert_eq!(prof["city"]["most_common"]["value"], "Madrid");
    assert_eq!(prof["city"]["most_common"]["customers"], 2);
    assert_eq!(
        prof["region"],
        json!({"most_common": null, "n": 0, "missing": 3})
    );
    assert_eq!(values(&prof["gender"]), v(&[("female", 3)]));
    assert_eq!(
        values(&prof["education_level"]),
        v(&[("bachelor", 1), ("master", 1), ("vocational", 1)])
    );
    assert_eq!(
        values(&prof["preferred_language"]),
        v(&[("es", 2), ("ca", 1)])
    );
    close(&prof["preferred_language"]["values"][0]["share"], 2.0 / 3.0);
    // Complaints in the year: Ana's 901 and 902, Gema's feedback 906 (907 merged into 901;
    // Bea's 903 is 400 days old): 3 ÷ 3 customers.
    assert_eq!(prof["complaint_rate"]["complaints"], 3);
    assert_eq!(prof["complaint_rate"]["customers"], 3);
    close(&prof["complaint_rate"]["per_customer_per_year"], 1.0);
    // CSAT in the year: Ana's 5 and 2 (Carlos's 5 is not theirs; Bea's 4 is 399 days old).
    assert_eq!(prof["satisfaction"]["answers"], 2);
    assert_eq!(prof["satisfaction"]["satisfied"], 1);
    close(&prof["satisfaction"]["share_satisfied"], 0.5);
    assert!(
        prof["definitions"]
            .as_str()
            .unwrap()
            .contains("complaint rate")
    );

    // The whole business, for contrast: 9 customers; complaints 901, 902, 904, 906 = 4;
    // CSAT 5, 2, 5 = 2 of 3.
    let all = app
        .get("/api/v1/customers/profile", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(all["complaint_rate"]["complaints"], 4);
    assert_eq!(all["customers"], 9);
    assert_eq!(
        (
            &all["satisfaction"]["satisfied"],
            &all["satisfaction"]["answers"]
        ),
        (&json!(2), &json!(3))
    );
}

#[tokio::test]
async fn purchases_and_behaviour_count_only_what_counts() {
    let app = spawn_app().await;
    let p = scenario(&app).await;
    // ≥ 2 complaints in 30 days: Ana (901, 902; 907 is merged). Carlos has 904 and 905, but
    // 905 is deleted; Gema's 906 is feedback.
    let (_, twice) = segment(
        &app,
        json!({"name": "Complained twice",
        "min_complaints": 2, "complaint_days": 30}),
    )
    .await;
    assert_eq!(twice, vec![p.id('A')]);
    // ≥ 1 complaint in 30 days: Ana, Carlos.
    let (_, once) = segment(
        &app,
        json!({"name": "Complained",
        "min_complaints": 1, "complaint_days": 30}),
    )
    .await;
    assert_eq!(once, vec![p.id('A'), p.id('C')]);
    // ≥ 50.00 EUR in 365 days, returned purchases excluded: Bea 80, Carlos 60. Ana 30, Dani's
    // 100 returned, Gema 10 EUR (her 100 USD is another currency), Fer's 20 too old.
    let (_, spent) = segment(
        &app,
        json!({"name": "Spent 50 EUR",
        "min_spent": "50", "currency": "EUR", "purchase_days": 365}),
    )
    .await;
    assert_eq!(spent, vec![p.id('B'), p.id('C')]);
    // ≥ 2 purchases in 365 days: Bea and Gema.
    let (_, twice_bought) = segment(
        &app,
        json!({"name": "Bought twice",
        "min_purchases": 2, "purchase_days": 365}),
    )
    .await;
    assert_eq!(twice_bought, vec![p.id('B'), p.id('G')]);
    // 30–35, female, bachelor: Ana only (Bea has a master's, Carlos is male).
    let (_, band) = segment(
        &app,
        json!({"name": "Band", "min_age": 30, "max_age": 35,
        "gender": "female", "education_level": "bachelor"}),
    )
    .await;
    assert_eq!(band, vec![p.id('A')]);
    // City and language: Madrid, es → Ana, Bea, Fer, Iker.
    let (_, madrid) = segment(
        &app,
        json!({"name": "Madrid", "city": "Madrid",
        "preferred_language": "es"}),
    )
    .await;
    assert_eq!(madrid, vec![p.id('A'), p.id('B'), p.id('F'), p.id('I')]);
    // No criterion: everyone.
    let (_, all) = segment(&app, json!({"name": "Everyone"})).await;
    assert_eq!(all.len(), 9);
}
