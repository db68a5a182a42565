//! Refusals naming the field (and storing nothing), and who may write.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn refusals_name_the_field_and_only_managers_write() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let base = json!({"measure": "csat", "target": 80, "direction": "at_least", "period": "quarter",
        "owner_id": app.agent.id});
    let cases = [
        (
            json!({"target": 120}),
            "target",
            "from 0 to 100 with at most 2 decimals (got 120)",
        ),
        (json!({"target": 80.125}), "target", "at most 2 decimals"),
        (
            json!({"measure": "happiness"}),
            "measure",
            "must be one of first_response_within_standard",
        ),
        (
            json!({"owner_id": 999}),
            "owner_id",
            "no employee with id 999",
        ),
        (
            json!({"measure": "nps", "target": -20, "channel": "phone"}),
            "channel",
            "does not apply to the measure nps",
        ),
        (
            json!({"measure": "repurchase_after_resolution"}),
            "days",
            "is required",
        ),
        (
            json!({"measure": "calls_answered_within", "minutes": 2, "figure_id": 7}),
            "figure_id",
            "must be a ratio figure",
        ),
        (
            json!({"period": "week"}),
            "period",
            "must be one of month, quarter, year",
        ),
    ];
    for (change, field, text) in &cases {
        let mut body = base.clone();
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        let r = app.post_json("/api/v1/goals", m, &body).await;
        r.expect_error(422, "validation_failed", Some(field));
        let said = r.body["error"]["fields"][field].as_str().unwrap();
        assert!(said.contains(text), "{field}: {said}");
    }
    let r = app
        .post_json(
            "/api/v1/goals",
            m,
            &json!({"measure": "csat", "colour": "red"}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 422);
    assert_eq!(
        app.get("/api/v1/goals", &app.viewer.token)
            .await
            .expect(200)["items"],
        json!([])
    );

    for token in [&app.agent.token, &app.viewer.token] {
        let r = app.post_json("/api/v1/goals", token, &base).await;
        assert_eq!(r.status.as_u16(), 403);
    }
    let made = app
        .post_json("/api/v1/goals", &app.admin_token, &base)
        .await
        .expect(201);
    let path = format!("/api/v1/goals/{}", made["id"]);
    assert_eq!(made["current"]["label"], "2026-Q1");
    assert_eq!(made["current"]["status"], "no_data");
    let r = app
        .patch_json(&path, &app.agent.token, &json!({"target": 70}))
        .await;
    assert_eq!(r.status.as_u16(), 403);
    let r = app.patch_json(&path, m, &json!({"target": -1})).await;
    r.expect_error(422, "validation_failed", Some("target"));
    let r = app
        .patch_json(&path, m, &json!({"rolling": true, "name": "CSAT, rolling"}))
        .await
        .expect(200);
    assert_eq!(r["current"]["label"], "2025-12-07 – 2026-03-06");
    assert_eq!(r["name"], "CSAT, rolling");
    assert_eq!(r["records"], format!("{path}/records"));
    let h = app
        .get(&format!("{path}/history"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(h["versions"].as_array().unwrap().len(), 2);
    assert_eq!(
        app.get("/api/v1/goals/999", &app.viewer.token)
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(app.get("/api/v1/goals", "nope").await.status.as_u16(), 401);
    let doc = app
        .get("/api/openapi.json", &app.viewer.token)
        .await
        .expect(200);
    for p in [
        "/api/v1/goals",
        "/api/v1/goals/{id}",
        "/api/v1/goals/{id}/history",
    ] {
        assert!(doc["paths"].get(p).is_some(), "{p}");
    }
}
