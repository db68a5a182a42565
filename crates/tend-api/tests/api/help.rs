//! `/api/v1/articles` and `/articles/{id}/translations`: linked language versions, their
//! status, the "source changed" flag and the history; managers write, staff read.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

async fn article(app: &TestApp, body: &Value) -> i64 {
    app.post_json("/api/v1/articles", &app.manager.token, body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap()
}

async fn translate(app: &TestApp, id: i64, body: &Value) -> Value {
    app.post_json(
        &format!("/api/v1/articles/{id}/translations"),
        &app.manager.token,
        body,
    )
    .await
    .expect(200)
}

#[tokio::test]
async fn help_translations_are_linked_with_status_and_source_changed_flag() {
    let app = spawn_app().await;
    let cat = app
        .post_json(
            "/api/v1/categories",
            &app.manager.token,
            &json!({"name": "Refunds"}),
        )
        .await
        .expect(201)["id"]
        .clone();
    let id = article(
        &app,
        &json!({"visibility": "public", "source_lang": "en", "category_id": cat}),
    )
    .await;
    // A translation before its source is refused, naming the field.
    app.post_json(
        &format!("/api/v1/articles/{id}/translations"),
        &app.manager.token,
        &json!({"lang": "es", "title": "Reembolsos", "body": "Texto"}),
    )
    .await
    .expect_error(422, "validation_failed", Some("lang"));
    let en = translate(&app, id, &json!({"lang": "en", "title": "Refunds", "body": "Keep the *receipt*.", "status": "published"})).await;
    assert_eq!(
        (en["version"].clone(), en["source_version"].clone()),
        (json!(1), json!(1))
    );
    let es = translate(
        &app,
        id,
        &json!({"lang": "es", "title": "Reembolsos", "body": "Guarde el recibo."}),
    )
    .await;
    assert_eq!(
        (es["status"].as_str(), es["source_version"].as_i64()),
        (Some("draft"), Some(1))
    );
    // The source changes: the Spanish version is now stale, Turkish is missing.
    translate(&app, id, &json!({"lang": "en", "title": "Refunds", "body": "Keep the receipt for 30 days.", "status": "published"})).await;
    let all = app
        .get(
            &format!("/api/v1/articles/{id}/translations"),
            &app.viewer.token,
        )
        .await
        .expect(200);
    let by = |l: &str| {
        all.as_array()
            .unwrap()
            .iter()
            .find(|t| t["lang"] == l)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            by("en")["version"].as_i64(),
            by("en")["source_changed"].as_bool()
        ),
        (Some(2), Some(false))
    );
    assert_eq!(
        (
            by("es")["source_version"].as_i64(),
            by("es")["source_changed"].as_bool()
        ),
        (Some(1), Some(true))
    );
    assert_eq!(
        (by("tr")["status"].as_str(), by("tr")["version"].as_i64()),
        (Some("missing"), Some(0))
    );
    // Saving the Spanish again against source version 2 clears the flag.
    let es = translate(&app, id, &json!({"lang": "es", "title": "Reembolsos", "body": "Guarde el recibo 30 días.", "status": "published"})).await;
    assert_eq!(
        (
            es["version"].as_i64(),
            es["source_version"].as_i64(),
            es["source_changed"].as_bool()
        ),
        (Some(2), Some(2), Some(false))
    );
    // Every save is kept: two English versions, two Spanish.
    assert_eq!(app.store.article_versions(id, "en").await.unwrap(), 2);
    assert_eq!(app.store.article_versions(id, "es").await.unwrap(), 2);
    let got = app
        .get(&format!("/api/v1/articles/{id}"), &app.agent.token)
        .await
        .expect(200);
    assert_eq!(
        (got["visibility"].as_str(), got["category_id"].clone()),
        (Some("public"), cat)
    );
}

#[tokio::test]
async fn help_articles_staff_read_managers_write_and_bad_fields_are_named() {
    let app = spawn_app().await;
    app.post_json("/api/v1/articles", &app.agent.token, &json!({}))
        .await
        .expect_error(403, "forbidden", None);
    app.post_json(
        "/api/v1/articles",
        &app.manager.token,
        &json!({"visibility": "secret"}),
    )
    .await
    .expect_error(422, "validation_failed", Some("visibility"));
    app.post_json(
        "/api/v1/articles",
        &app.manager.token,
        &json!({"source_lang": "de"}),
    )
    .await
    .expect_error(422, "validation_failed", Some("source_lang"));
    app.post_json(
        "/api/v1/articles",
        &app.manager.token,
        &json!({"category_id": 999}),
    )
    .await
    .expect_error(422, "validation_failed", Some("category_id"));
    let id = article(&app, &json!({})).await;
    let bad = app
        .post_json(
            &format!("/api/v1/articles/{id}/translations"),
            &app.manager.token,
            &json!({"lang": "en", "title": "", "body": "x", "status": "live"}),
        )
        .await;
    bad.expect_error(422, "validation_failed", Some("title"));
    assert!(
        bad.body["error"]["fields"]["status"].is_string(),
        "{}",
        bad.text
    );
    // Nothing half-written: the article still has no translation.
    let list = app
        .get("/api/v1/articles", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(list[0]["visibility"], "draft");
    assert!(
        list[0]["translations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["status"] == "missing")
    );
    app.put_json(
        &format!("/api/v1/articles/{id}"),
        &app.agent.token,
        &json!({"visibility": "public"}),
    )
    .await
    .expect_error(403, "forbidden", None);
    let changed = app
        .put_json(
            &format!("/api/v1/articles/{id}"),
            &app.manager.token,
            &json!({"visibility": "internal"}),
        )
        .await
        .expect(200);
    assert_eq!(changed["visibility"], "internal");
    app.get("/api/v1/articles/4040", &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
}
