//! A goal scoped to a segment counts only its members: hand-computed actuals for a
//! complaint-based and a purchase-based measure, against the whole business; NPS and the figure
//! measures refuse a segment, naming the field.

use serde_json::{Value, json};

use super::people::scenario;
use crate::helpers::{TestApp, spawn_app};

async fn goal(app: &TestApp, measure: &str, segment: Option<i64>) -> i64 {
    let mut g = json!({"measure": measure, "target": 10.0, "direction": "at_most",
        "period": "month", "owner_id": app.manager.id});
    if let Some(s) = segment {
        g["segment_id"] = json!(s);
    }
    app.post_json("/api/v1/goals", &app.manager.token, &g)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap()
}

async fn tally(app: &TestApp, id: i64) -> (Value, Value) {
    let g = app
        .get(&format!("/api/v1/goals/{id}"), &app.viewer.token)
        .await
        .expect(200);
    let n = &g["current"]["n"];
    (n["numerator"].clone(), n["denominator"].clone())
}

#[tokio::test]
async fn a_goal_scoped_to_a_segment_counts_only_its_members() {
    let app = spawn_app().await;
    scenario(&app).await;
    let seg = app
        .post_json(
            "/api/v1/segments",
            &app.manager.token,
            &json!({"name": "Spanish under 35 buying on the web",
            "country": "ES", "max_age": 34, "preferred_channel": "web",
            "min_purchases": 1, "purchase_days": 365}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    // March 2026 (UTC) up to the clock, 6 March 15:30.
    // Complaints per 1,000 orders, members Ana, Bea, Gema: complaints of kind complaint
    // received in March — Ana's 901 (4 March); orders in March — Gema's two (5 and 4 March;
    // Ana's is 24 February): 1 / 2.
    let scoped = goal(&app, "complaints_per_thousand_orders", Some(seg)).await;
    assert_eq!(tally(&app, scoped).await, (json!(1), json!(2)));
    // The whole business: 901 and Carlos's 904 (905 deleted, 906 feedback) over the orders of
    // Carlos, Dani (returned, still an order), Elif, Gema ×2, Hugo and Iker: 2 / 7.
    let whole = goal(&app, "complaints_per_thousand_orders", None).await;
    assert_eq!(tally(&app, whole).await, (json!(2), json!(7)));
    // Return rate, members: Gema's two purchases, none returned: 0 / 2; the business: Dani's
    // returned one of 7.
    let scoped = goal(&app, "return_rate", Some(seg)).await;
    assert_eq!(tally(&app, scoped).await, (json!(0), json!(2)));
    let whole = goal(&app, "return_rate", None).await;
    assert_eq!(tally(&app, whole).await, (json!(1), json!(7)));
    // CSAT in March, members: Ana's 5 (5 March); the business adds Carlos's 5.
    let scoped = goal(&app, "csat", Some(seg)).await;
    assert_eq!(tally(&app, scoped).await, (json!(1), json!(1)));
    // The goal says its scope; an unknown segment and a measure without one are refused.
    let g = app
        .get(&format!("/api/v1/goals/{scoped}"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(g["segment_id"], seg, "{g}");
    let bad = json!({"measure": "csat", "target": 10.0, "direction": "at_most",
        "period": "month", "owner_id": app.manager.id, "segment_id": 999});
    app.post_json("/api/v1/goals", &app.manager.token, &bad)
        .await
        .expect_error(422, "validation_failed", Some("segment_id"));
    let nps = json!({"measure": "nps", "target": 10.0, "direction": "at_least",
        "period": "month", "owner_id": app.manager.id, "segment_id": seg});
    app.post_json("/api/v1/goals", &app.manager.token, &nps)
        .await
        .expect_error(422, "validation_failed", Some("segment_id"));
}

#[tokio::test]
async fn nps_and_figure_goals_refuse_a_segment_on_create_and_on_change() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let spain = json!({"name": "Spain", "country": "ES"});
    let seg = app
        .post_json("/api/v1/segments", m, &spain)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    // NPS and the figure measures take no segment: refused, naming the field, on create and on
    // change (a goal made without one may not gain one).
    let ratio = json!({"code": "calls_2min", "name": "Calls answered within 2 minutes",
        "definition": "Calls answered within 2 minutes ÷ calls.", "unit": "percent", "ratio": true,
        "grain": "month", "source": "internal"});
    let calls = app
        .post_json("/api/v1/figures", m, &ratio)
        .await
        .expect(201)["id"]
        .clone();
    let abandoned = app
        .get("/api/v1/figures/calls_abandoned", m)
        .await
        .expect(200)["id"]
        .clone();
    for extra in [
        json!({"measure": "nps", "target": 10.0}),
        json!({"measure": "calls_answered_within", "target": 80.0, "minutes": 2,
            "figure_id": calls}),
        json!({"measure": "figure", "target": 10.0, "figure_id": abandoned}),
    ] {
        let mut g = json!({"direction": "at_least", "period": "month",
            "owner_id": app.manager.id});
        g.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let made = app.post_json("/api/v1/goals", m, &g).await.expect(201);
        g["segment_id"] = json!(seg);
        app.post_json("/api/v1/goals", m, &g).await.expect_error(
            422,
            "validation_failed",
            Some("segment_id"),
        );
        let path = format!("/api/v1/goals/{}", made["id"]);
        app.patch_json(&path, m, &json!({"segment_id": seg}))
            .await
            .expect_error(422, "validation_failed", Some("segment_id"));
    }
}
