//! Saving, validating, changing and archiving segments; who may do what.

use serde_json::json;

use crate::helpers::{Reply, spawn_app};

#[tokio::test]
async fn segments_are_validated_versioned_and_archived_by_managers_only() {
    let app = spawn_app().await;
    let (m, agent, viewer) = (&app.manager.token, &app.agent.token, &app.viewer.token);
    // Every bad field named.
    let bad = app
        .post_json(
            "/api/v1/segments",
            m,
            &json!({"min_age": 40, "max_age": 30,
            "country": "Spain", "gender": "robot", "min_spent": "10", "min_complaints": 2}),
        )
        .await;
    bad.expect_error(422, "validation_failed", Some("name"));
    for f in [
        "max_age",
        "country",
        "gender",
        "min_spent",
        "purchase_days",
        "complaint_days",
    ] {
        assert!(
            bad.body["error"]["fields"][f].is_string(),
            "{f}: {}",
            bad.text
        );
    }
    // Unknown fields are refused.
    app.post_json(
        "/api/v1/segments",
        m,
        &json!({"name": "x", "shoe_size": 42}),
    )
    .await
    .expect_error(422, "validation_failed", None);
    // Agents and viewers read, never write.
    let body = json!({"name": "Young Spaniards", "country": "es", "max_age": 34});
    app.post_json("/api/v1/segments", agent, &body)
        .await
        .expect_error(403, "forbidden", None);
    let made = app
        .post_json("/api/v1/segments", m, &body)
        .await
        .expect(201);
    let id = made["id"].as_i64().unwrap();
    assert_eq!(made["definition"]["country"], "ES");
    assert_eq!(
        (&made["version"], &made["created_by"]),
        (&json!(1), &json!(app.manager.id))
    );
    let list = app.get("/api/v1/segments", viewer).await.expect(200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    app.get(&format!("/api/v1/segments/{id}"), viewer)
        .await
        .expect(200);
    app.get("/api/v1/segments/999", viewer)
        .await
        .expect_error(404, "not_found", None);
    // A change merges and is a new version; null clears a criterion.
    let path = format!("/api/v1/segments/{id}");
    app.patch_json(&path, agent, &json!({"max_age": 30}))
        .await
        .expect_error(403, "forbidden", None);
    let changed = app
        .patch_json(&path, m, &json!({"max_age": null, "min_age": 18}))
        .await
        .expect(200);
    assert_eq!(changed["version"], 2);
    assert_eq!(changed["definition"]["min_age"], 18);
    assert!(changed["definition"]["max_age"].is_null());
    assert_eq!(changed["definition"]["country"], "ES");
    app.patch_json(&path, m, &json!({"min_age": 200}))
        .await
        .expect_error(422, "validation_failed", Some("min_age"));
    // Archiving: out of the list, its own paths 404 (as a deleted complaint), a third version.
    let del = Reply::send(app.client.delete(app.url(&path)).bearer_auth(agent)).await;
    assert_eq!(del.status.as_u16(), 403);
    let del = Reply::send(app.client.delete(app.url(&path)).bearer_auth(m)).await;
    let archived = del.expect(200);
    assert_eq!(
        (&archived["archived"], &archived["version"]),
        (&json!(true), &json!(3))
    );
    let list = app.get("/api/v1/segments", viewer).await.expect(200);
    assert!(list.as_array().unwrap().is_empty());
    let with = app
        .get("/api/v1/segments?archived=true", viewer)
        .await
        .expect(200);
    assert_eq!(with.as_array().unwrap().len(), 1);
    assert_eq!(with[0]["archived"], true);
    for gone in [
        path.clone(),
        format!("{path}/history"),
        format!("{path}/profile"),
    ] {
        app.get(&gone, viewer)
            .await
            .expect_error(404, "not_found", None);
    }
    // A PATCH restores it, with every version kept.
    let back = app
        .patch_json(&path, m, &json!({"name": "Young Spaniards"}))
        .await
        .expect(200);
    assert_eq!(
        (&back["archived"], &back["version"]),
        (&json!(false), &json!(4))
    );
    let history = app
        .get(&format!("{path}/history"), viewer)
        .await
        .expect(200);
    let h = history.as_array().unwrap();
    assert_eq!(h.len(), 4);
    assert_eq!(h[0]["definition"]["max_age"], 34);
    assert_eq!(h[2]["archived"], true);
    assert_eq!(h[2]["saved_by_name"], app.manager.name.as_str());
    app.get(&format!("{path}/profile"), viewer)
        .await
        .expect(200);
}
