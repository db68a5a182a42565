//! The OpenAPI document describes what the server does: every parameter is where the server
//! reads it, every operation lists the error answers it can give, and the documented text and
//! cursor rules are the server's (schemathesis checks the rest: `scripts/api-fuzz`).

use serde_json::{Value, json};

use crate::helpers::{Reply, spawn_app};

fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            out.push((method.clone(), path.clone(), op.clone()));
        }
    }
    out
}

#[tokio::test]
async fn parameters_are_where_the_server_reads_them_and_errors_are_documented() {
    let app = spawn_app().await;
    let doc = Reply::send(app.client.get(app.url("/api/openapi.json")))
        .await
        .expect(200);
    for (method, path, op) in operations(&doc) {
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        for p in &params {
            let name = p["name"].as_str().unwrap();
            let in_path = path.contains(&format!("{{{name}}}"));
            assert_eq!(
                p["in"] == "path",
                in_path,
                "{method} {path}: parameter {name} is declared in {}",
                p["in"]
            );
        }
        let responses = op["responses"].as_object().expect("responses");
        let has = |s: &str| responses.contains_key(s);
        if op["security"].as_array().is_some_and(|s| !s.is_empty()) {
            assert!(has("401") && has("403"), "{method} {path}: 401/403");
        }
        if path.contains('{') {
            assert!(has("404"), "{method} {path}: 404");
        }
        if !op["requestBody"].is_null() {
            for s in ["400", "413", "415", "422"] {
                assert!(has(s), "{method} {path}: {s}");
            }
        }
    }
}

#[tokio::test]
async fn cursors_and_integers_follow_their_documented_form() {
    let app = spawn_app().await;
    let t = &app.agent.token;
    for bad in ["-1", "+1", "01", "1a", "", "1234567890123456789"] {
        let q = format!("/api/v1/customers?cursor={bad}");
        app.get(&q, t)
            .await
            .expect_error(422, "validation_failed", Some("cursor"));
    }
    app.get("/api/v1/customers?cursor=0", t).await.expect(200);
    for bad in ["1", "1_", "_1", "01_1", "1_-1", "MTox"] {
        let q = format!("/api/v1/complaints?cursor={bad}");
        app.get(&q, t)
            .await
            .expect_error(422, "validation_failed", Some("cursor"));
    }
    app.get("/api/v1/complaints?cursor=0_0", t)
        .await
        .expect(200);
    // JSON Schema's integer: 365.0 is 365; 1.5 is not an integer.
    let category = app
        .post_json(
            "/api/v1/categories",
            &app.manager.token,
            &json!({"name": "Lids"}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/categories/{category}/follow-up");
    let m = &app.manager.token;
    app.put_json(&path, m, &json!({"follow_up_days": 30.0}))
        .await
        .expect(204);
    app.put_json(&path, m, &json!({"follow_up_days": 1.5}))
        .await
        .expect_error(422, "validation_failed", Some("follow_up_days"));
}
