//! Every measure by hand over February (closed, frozen) and March (open, live), then late
//! February data that leaves the frozen values alone, a change (a new version), and March
//! frozen in April under that version.

use serde_json::{Value, json};

use super::scenario::{complaint, purchase, s, scenario, seen};
use crate::helpers::spawn_app;

#[tokio::test]
async fn every_measure_by_hand_over_two_periods_with_february_frozen() {
    let app = spawn_app().await;
    let (calls, abandoned) = scenario(&app).await;
    let m = &app.manager.token;
    let product = app
        .post_json("/api/v1/products", m, &json!({"name": "Kettle"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    // Goals are set on 10 February, so February is their first period.
    app.clock.set("2026-02-10T12:00:00Z".parse().unwrap());
    let owner = app.manager.id;
    let goal = |measure: &str, target: f64, direction: &str, extra: Value| {
        let mut g = json!({"measure": measure, "target": target, "direction": direction,
            "period": "month", "owner_id": owner});
        g.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        g
    };
    let goals = [
        goal(
            "first_response_within_standard",
            80.0,
            "at_least",
            json!({"channel": "phone"}),
        ),
        goal("resolution_within_standard", 70.0, "at_least", json!({})),
        goal("return_rate", 30.0, "at_most", json!({})),
        goal("complainants_satisfied", 60.0, "at_least", json!({})),
        goal(
            "repurchase_after_resolution",
            40.0,
            "at_least",
            json!({"days": 3}),
        ),
        goal("csat", 50.0, "at_least", json!({})),
        goal("nps", 0.0, "at_least", json!({})),
        goal(
            "complaints_per_thousand_orders",
            1000.0,
            "at_most",
            json!({}),
        ),
        goal(
            "complaints_per_thousand_orders",
            1000.0,
            "at_most",
            json!({"channel": "phone"}),
        ),
        goal(
            "calls_answered_within",
            85.0,
            "at_least",
            json!({"minutes": 2, "figure_id": calls}),
        ),
        goal("figure", 10.0, "at_most", json!({"figure_id": abandoned})),
        goal("csat", 50.0, "at_least", json!({"product_id": product})),
    ];
    let mut ids = Vec::new();
    for g in &goals {
        let made = app.post_json("/api/v1/goals", m, g).await.expect(201);
        assert_eq!(made["version"], 1);
        ids.push(made["id"].as_i64().unwrap());
    }
    app.clock.set(crate::helpers::now());

    // (February frozen, March live) per goal, computed by hand.
    let expected = [
        // A on time, B late, C never answered (past due); E is January's. March: D, F, H, K on
        // time; G not yet due.
        (
            (Some(33.33), 1, 3, s("missed")),
            (Some(100.0), 4, 4, s("on_track")),
        ),
        // A on time, B late, C past due. March: D, F, K on time, H past due, G not yet due.
        (
            (Some(33.33), 1, 3, s("missed")),
            (Some(75.0), 3, 4, s("on_track")),
        ),
        // 1 of 4 purchases returned; March: 1 of 3 (28 Feb 21:30Z is March in Istanbul).
        (
            (Some(25.0), 1, 4, s("met")),
            (Some(33.33), 1, 3, s("at_risk")),
        ),
        // A satisfied, B not. March: D by CSAT 5, F not (no answer, CSAT 2), K satisfied.
        (
            (Some(50.0), 1, 2, s("missed")),
            (Some(66.67), 2, 3, s("on_track")),
        ),
        // A bought again within 3 days, B after 4. March: D yes, F no, K too late.
        (
            (Some(50.0), 1, 2, s("met")),
            (Some(33.33), 1, 3, s("at_risk")),
        ),
        // Ratings 4 and 3; March 5, 2 and 1.
        (
            (Some(50.0), 1, 2, s("met")),
            (Some(33.33), 1, 3, s("at_risk")),
        ),
        // 10, 9, 7, 3: (2 − 1) / 4; March 0, 6, 10: (1 − 2) / 3.
        (
            (Some(25.0), 1, 4, s("met")),
            (Some(-33.33), -1, 3, s("at_risk")),
        ),
        // 3 complaints / 4 orders; March 6 (D, F, G, H, K and the e-mail one) / 3.
        (
            (Some(750.0), 3, 4, s("met")),
            (Some(2000.0), 6, 3, s("at_risk")),
        ),
        // By phone: March 5 / 3.
        (
            (Some(750.0), 3, 4, s("met")),
            (Some(1666.67), 5, 3, s("at_risk")),
        ),
        (
            (Some(80.0), 80, 100, s("missed")),
            (Some(90.0), 45, 50, s("on_track")),
        ),
        // A count figure: its value, n = the values summed.
        (
            (Some(12.0), 12, 1, s("missed")),
            (Some(7.0), 7, 1, s("on_track")),
        ),
        ((None, 0, 0, s("no_data")), (None, 0, 0, s("no_data"))),
    ];
    let list = app
        .get("/api/v1/goals", &app.viewer.token)
        .await
        .expect(200);
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), expected.len());
    for (i, (feb, march)) in expected.iter().enumerate() {
        let g = &items[i];
        assert_eq!(g["id"], ids[i]);
        assert_eq!(g["current"]["label"], "2026-03", "{g}");
        assert_eq!(
            &seen(&g["current"]),
            march,
            "goal {} march: {g}",
            g["measure"]
        );
        let trend = g["trend"].as_array().unwrap();
        assert_eq!(trend.len(), 1, "{g}");
        assert_eq!(trend[0]["label"], "2026-02");
        assert_eq!(&seen(&trend[0]), feb, "goal {} february: {g}", g["measure"]);
        assert!(!g["definition"].as_str().unwrap().is_empty());
    }
    assert_eq!(items[0]["current"]["start"], "2026-02-28T21:00:00Z");
    assert_eq!(items[0]["unit"], "percent");
    assert_eq!(items[6]["unit"], "points");
    assert_eq!(items[7]["unit"], "per_thousand");
    assert_eq!(items[10]["unit"], "sum");
    assert!(
        items[4]["definition"]
            .as_str()
            .unwrap()
            .contains("within 3 days")
    );
    assert_eq!(
        items[0]["records"],
        format!("/api/v1/goals/{}/records?period=2026-03-01", ids[0])
    );
    assert_eq!(
        items[9]["records"],
        format!("/api/v1/figures/{calls}/values?from=2026-03-01&to=2026-04-01")
    );
    let rec = app
        .get(items[0]["records"].as_str().unwrap(), &app.viewer.token)
        .await
        .expect(200);
    let counted: Vec<(i64, bool)> = rec["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_i64().unwrap(),
                r["in_numerator"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counted,
        [(105, true), (106, true), (108, true), (111, true)]
    );

    // Late data for February: an answer on time, a returned purchase, a corrected figure.
    let late = (
        112,
        1,
        "phone",
        "complaint",
        "2026-02-20T10:00:00Z",
        Some("2026-02-20T10:10:00Z"),
        None,
        None,
    );
    complaint(&app, late).await;
    purchase(&app, 1, "2026-02-25T10:00:00Z", true).await;
    let fix = json!({"values": [{"period": "2026-02-01", "numerator": 95, "denominator": 100}]});
    app.post_json("/api/v1/figures/calls_2min/values", m, &fix)
        .await
        .expect(200);
    let live = format!("/api/v1/goals/{}/records?period=2026-02-01", ids[0]);
    let live = app.get(&live, &app.viewer.token).await.expect(200);
    assert_eq!(live["n"], json!({"numerator": 2, "denominator": 4}));
    for (i, feb) in [
        (0, (Some(33.33), 1, 3)),
        (2, (Some(25.0), 1, 4)),
        (9, (Some(80.0), 80, 100)),
    ] {
        let h = app
            .get(
                &format!("/api/v1/goals/{}/history", ids[i]),
                &app.viewer.token,
            )
            .await
            .expect(200);
        let p = &h["periods"][0];
        assert_eq!(
            (
                p["actual"].as_f64(),
                p["n"]["numerator"].as_i64().unwrap(),
                p["n"]["denominator"].as_i64().unwrap()
            ),
            feb
        );
        assert_eq!(p["frozen_at"], crate::helpers::NOW);
        assert_eq!(p["version"], 1);
    }

    // A change is a new version; February keeps the target it was measured against.
    let changed = app
        .patch_json(
            &format!("/api/v1/goals/{}", ids[0]),
            m,
            &json!({"target": 90}),
        )
        .await
        .expect(200);
    assert_eq!(
        (changed["version"].as_i64(), changed["target"].as_f64()),
        (Some(2), Some(90.0))
    );
    assert_eq!(changed["channel"], "phone");
    assert_eq!(changed["trend"][0]["target"], 80.0);

    // In April, March closes under version 2: G was never answered, so 4 of 5 (80 < 90).
    app.clock.set("2026-04-02T00:00:00Z".parse().unwrap());
    let h = app
        .get(
            &format!("/api/v1/goals/{}/history", ids[0]),
            &app.viewer.token,
        )
        .await
        .expect(200);
    let versions: Vec<i64> = h["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_i64().unwrap())
        .collect();
    assert_eq!(versions, [1, 2]);
    assert_eq!(h["versions"][0]["target"], 80.0);
    let periods = h["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2);
    assert_eq!(seen(&periods[0]), (Some(33.33), 1, 3, s("missed")));
    assert_eq!(seen(&periods[1]), (Some(80.0), 4, 5, s("missed")));
    assert_eq!(
        (
            periods[1]["version"].as_i64(),
            periods[1]["target"].as_f64()
        ),
        (Some(2), Some(90.0))
    );

    for statement in [
        "UPDATE goal_versions SET target_hundredths = 1",
        "DELETE FROM goal_versions",
        "UPDATE goal_results SET numerator = 3",
        "DELETE FROM goal_results",
    ] {
        let refused = tend_store::testing::execute(&app.database_url, statement).await;
        assert!(
            refused.is_err_and(|e| e.contains("append-only")),
            "{statement}"
        );
    }
}
