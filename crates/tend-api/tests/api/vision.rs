//! `/api/v1/vision`: each save is a new version with its author and date, the current one is
//! the newest, managers write and staff read, only the owner (administrator) sets the public
//! choice, refusals name the field and store nothing, and the table refuses UPDATE/DELETE.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn vision_versions_keep_author_and_date_and_stay_append_only() {
    let app = spawn_app().await;
    let empty = app
        .get("/api/v1/vision", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(empty, json!({"current": null, "history": []}));

    let first = json!({
        "success": ["Loyal customers", " ", "Fast answers"],
        "customer_view": ["They answer the same day"],
        "steps": ["Service hours published"],
        "elements": ["speed", "care"],
        "verbs": ["answer", "care"],
        "statement": "  We answer every customer the same day, with care. "
    });
    let v1 = app
        .post_json("/api/v1/vision", &app.manager.token, &first)
        .await
        .expect(201);
    assert_eq!(v1["success"], json!(["Loyal customers", "Fast answers"]));
    assert_eq!(
        v1["statement"],
        "We answer every customer the same day, with care."
    );
    // "We answer every customer the same day, with care." = 9 words.
    assert_eq!(v1["statement_words"], 9);
    assert_eq!(v1["hint_words"], 25);
    assert_eq!(v1["show_public"], false);
    assert_eq!(v1["author_id"], app.manager.id);
    assert!(v1["saved_at"].as_str().unwrap().starts_with("2026-"));

    // The owner saves a second version and makes it public.
    let second = json!({"statement": "Every customer heard the same day.", "show_public": true});
    let v2 = app
        .post_json("/api/v1/vision", &app.admin_token, &second)
        .await
        .expect(201);
    assert_eq!(v2["show_public"], true);
    assert!(v2["id"].as_i64() > v1["id"].as_i64());
    // A manager's later save keeps the owner's choice; a manager may not set it.
    let third = json!({"statement": "Every customer heard the same day, by name."});
    let v3 = app
        .post_json("/api/v1/vision", &app.manager.token, &third)
        .await
        .expect(201);
    assert_eq!(v3["show_public"], true);
    let choose = json!({"statement": "x", "show_public": false});
    let r = app
        .post_json("/api/v1/vision", &app.manager.token, &choose)
        .await;
    assert_eq!(r.status.as_u16(), 403);
    // Staff read, but do not write.
    let r = app
        .post_json("/api/v1/vision", &app.agent.token, &third)
        .await;
    assert_eq!(r.status.as_u16(), 403);

    let got = app
        .get("/api/v1/vision", &app.agent.token)
        .await
        .expect(200);
    assert_eq!(got["current"]["id"], v3["id"]);
    let ids: Vec<&serde_json::Value> = got["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["id"])
        .collect();
    assert_eq!(ids, vec![&v3["id"], &v2["id"], &v1["id"]]);
    assert_eq!(got["history"][2]["verbs"], json!(["answer", "care"]));
    assert_eq!(got["history"][2]["author_name"], v1["author_name"]);

    for sql in [
        "UPDATE vision_versions SET statement = 'rewritten'",
        "DELETE FROM vision_versions",
    ] {
        let refused = tend_store::testing::execute(&app.database_url, sql).await;
        assert!(refused.is_err_and(|e| e.contains("append-only")), "{sql}");
    }
}

#[tokio::test]
async fn vision_refusals_name_the_field_and_store_nothing() {
    let app = spawn_app().await;
    let bad = json!({"verbs": ["a", "b", "c", "d", "e", "f"], "steps": ["ok", "x\ny"]});
    let r = app
        .post_json("/api/v1/vision", &app.manager.token, &bad)
        .await;
    r.expect_error(422, "validation_failed", Some("statement"));
    r.expect_error(422, "validation_failed", Some("verbs"));
    r.expect_error(422, "validation_failed", Some("steps.2"));
    assert!(
        r.text.contains("must list at most 5 items (got 6)"),
        "{}",
        r.text
    );
    let got = app
        .get("/api/v1/vision", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(got["history"], json!([]));
}
