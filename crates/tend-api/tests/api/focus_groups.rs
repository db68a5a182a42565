//! `/api/v1/focus-groups`: a manager plans a session with customers, keeps notes and records
//! findings (at most as many raisers as participants); refusals name the field and store
//! nothing; agents and viewers read but do not write; unknown ids are 404.

use serde_json::json;
use tend_store::testing::count;

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_session_is_planned_noted_and_its_findings_recorded() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let ana = app.create_customer_named("Ana Pérez").await;
    let bob = app.create_customer_named("Bob Brown").await;
    let cat = app
        .post_json("/api/v1/categories", m, &json!({"name": "Delivery"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();

    // Refused by field, nothing stored: no topic; an unknown audience; a participant who is
    // nobody; a start in 1969 or beyond the planning horizon; an unknown field.
    let base = json!({"topic": "Late deliveries", "audience": "customers",
        "starts_at": "2026-03-10T15:00:00Z", "participants": [ana, bob],
        "questions": "What happened?\nWhat did you expect?"});
    for (field, patch) in [
        ("topic", json!({"topic": " "})),
        ("audience", json!({"audience": "everyone"})),
        ("participants", json!({"participants": [ana, 999_999]})),
        ("starts_at", json!({"starts_at": "1969-12-31T23:59:59Z"})),
        ("starts_at", json!({"starts_at": "2040-01-01T00:00:00Z"})),
    ] {
        let mut body = base.clone();
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        app.post_json("/api/v1/focus-groups", m, &body)
            .await
            .expect_error(422, "validation_failed", Some(field));
    }
    let mut extra = base.clone();
    extra["moderator"] = json!(1);
    assert_eq!(
        app.post_json("/api/v1/focus-groups", m, &extra)
            .await
            .status,
        422
    );
    assert_eq!(count(&app.database_url, "focus_groups").await, 0);
    assert_eq!(
        count(&app.database_url, "focus_group_participants").await,
        0
    );
    // Agents do not plan.
    app.post_json("/api/v1/focus-groups", &app.agent.token, &base)
        .await
        .expect_error(403, "forbidden", None);

    let made = app
        .post_json("/api/v1/focus-groups", m, &base)
        .await
        .expect(201);
    let id = made["id"].as_i64().unwrap();
    assert_eq!(made["audience"], "customers");
    assert_eq!(made["moderator_id"], app.manager.id);
    assert_eq!(made["participants"].as_array().unwrap().len(), 2);
    assert_eq!(made["participants"][0]["name"], "Ana Pérez");

    // Findings: at most 2 raisers (the participants); a category that does not exist is refused.
    let path = format!("/api/v1/focus-groups/{id}/findings");
    let finding = json!({"statement": "Nobody said when it would come", "quote": "I waited a week",
        "raised_by": 2, "severity": "high", "category_id": cat});
    let mut three = finding.clone();
    three["raised_by"] = json!(3);
    app.post_json(&path, m, &three)
        .await
        .expect_error(422, "validation_failed", Some("raised_by"));
    let mut sev = finding.clone();
    sev["severity"] = json!("urgent");
    app.post_json(&path, m, &sev)
        .await
        .expect_error(422, "validation_failed", Some("severity"));
    let mut nowhere = finding.clone();
    nowhere["category_id"] = json!(999_999);
    app.post_json(&path, m, &nowhere).await.expect_error(
        422,
        "validation_failed",
        Some("category_id"),
    );
    assert_eq!(count(&app.database_url, "focus_group_findings").await, 0);
    let f = app.post_json(&path, m, &finding).await.expect(201);
    assert_eq!(f["category"], "Delivery");
    assert_eq!(f["raised_by"], 2);
    let low = json!({"statement": "The box was fine", "raised_by": 1, "severity": "low"});
    app.post_json(&path, m, &low).await.expect(201);

    // Notes replace; more than 20,000 characters are refused.
    let notes = format!("/api/v1/focus-groups/{id}/notes");
    app.put_json(&notes, m, &json!({"notes": "x".repeat(20_001)}))
        .await
        .expect_error(422, "validation_failed", Some("notes"));
    let noted = app
        .put_json(&notes, m, &json!({"notes": "  Two customers came.  "}))
        .await
        .expect(200);
    assert_eq!(noted["notes"], "Two customers came.");

    // A viewer reads the session and the list, most severe finding first.
    let one = app
        .get(&format!("/api/v1/focus-groups/{id}"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(one["findings"][0]["severity"], "high");
    assert_eq!(one["findings"][1]["statement"], "The box was fine");
    let listed = app.get(&path, &app.viewer.token).await.expect(200);
    assert_eq!(listed, one["findings"]);
    app.get("/api/v1/focus-groups/999/findings", &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
    let all = app
        .get("/api/v1/focus-groups", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(all.as_array().unwrap().len(), 1);
    app.put_json(&notes, &app.viewer.token, &json!({"notes": "no"}))
        .await
        .expect_error(403, "forbidden", None);
    app.get("/api/v1/focus-groups/999", &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
    app.get("/api/v1/focus-groups/abc", &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
}
