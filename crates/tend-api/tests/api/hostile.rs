//! The security suite: replays the hostile-input corpus (`tests/corpus/*.json`, one kind per
//! file) against the real server and asserts refusal — never a 5xx — and that nothing stored
//! changed. Kinds that must be stored verbatim (markup, SQL) are checked to round-trip exactly.

use serde_json::{Value, json};

use crate::helpers::{Reply, TestApp, spawn_app};

/// The strings of one corpus file.
fn corpus(kind: &str) -> Vec<String> {
    let path = format!("{}/tests/corpus/{kind}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the corpus file");
    serde_json::from_str(&text).expect("a JSON array of strings")
}

/// What is stored, as the API lists it: customers and complaints.
async fn stored(app: &TestApp) -> (Value, Value) {
    let v = &app.viewer.token;
    let customers = app.get("/api/v1/customers?limit=200", v).await.expect(200);
    let complaints = app.get("/api/v1/complaints?limit=200", v).await.expect(200);
    (customers["items"].clone(), complaints["items"].clone())
}

fn percent(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

async fn post_raw(app: &TestApp, path: &str, body: &str) -> Reply {
    let req = app
        .client
        .post(app.url(path))
        .bearer_auth(&app.agent.token)
        .header("content-type", "application/json")
        .body(body.to_owned());
    Reply::send(req).await
}

#[tokio::test]
async fn control_characters_are_refused_in_every_text_and_search() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let before = stored(&app).await;
    for s in corpus("control") {
        let res = app
            .post_json("/api/v1/customers", &app.agent.token, &json!({"name": s}))
            .await;
        res.expect_error(422, "validation_failed", Some("name"));
        let draft = json!({"customer_id": customer, "channel": "phone", "description": s});
        let res = app
            .post_json("/api/v1/complaints", &app.agent.token, &draft)
            .await;
        res.expect_error(422, "validation_failed", Some("description"));
        for path in ["/api/v1/customers", "/api/v1/complaints"] {
            let res = app
                .get(&format!("{path}?q={}", percent(&s)), &app.viewer.token)
                .await;
            let status = res.status.as_u16();
            if s.contains('\0') {
                res.expect_error(422, "validation_failed", Some("q"));
            } else {
                assert!(status < 500, "{path} q={s:?}: {}", res.text);
            }
        }
    }
    assert_eq!(stored(&app).await, before, "nothing stored changed");
}

#[tokio::test]
async fn one_line_fields_refuse_line_breaks() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let before = stored(&app).await;
    for s in corpus("single_line") {
        let res = app
            .post_json("/api/v1/customers", &app.agent.token, &json!({"name": s}))
            .await;
        res.expect_error(422, "validation_failed", Some("name"));
        let draft = json!({"customer_id": customer, "channel": "phone",
            "description": "Fine.", "subject": s});
        let res = app
            .post_json("/api/v1/complaints", &app.agent.token, &draft)
            .await;
        res.expect_error(422, "validation_failed", Some("subject"));
        let res = app
            .post_json("/api/v1/products", &app.manager.token, &json!({"name": s}))
            .await;
        res.expect_error(422, "validation_failed", Some("name"));
    }
    // A description is many lines, and keeps them.
    let draft = json!({"customer_id": customer, "channel": "phone",
        "description": "First line.\nSecond line."});
    let c = app.create_complaint_with(&draft).await;
    assert_eq!(c["description"], "First line.\nSecond line.");
    let (customers, _) = stored(&app).await;
    assert_eq!(customers, before.0);
}

#[tokio::test]
async fn addresses_that_cannot_be_mailed_are_refused() {
    let app = spawn_app().await;
    let before = stored(&app).await;
    for s in corpus("emails") {
        let body = json!({"name": "Ana", "email": s});
        let res = app
            .post_json("/api/v1/customers", &app.agent.token, &body)
            .await;
        res.expect_error(422, "validation_failed", Some("email"));
    }
    assert_eq!(stored(&app).await, before);
}

#[tokio::test]
async fn instants_out_of_range_are_refused() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let before = stored(&app).await;
    for s in corpus("instants") {
        let draft = json!({"customer_id": customer, "channel": "phone",
            "description": "Late.", "received_at": s});
        let res = app
            .post_json("/api/v1/complaints", &app.agent.token, &draft)
            .await;
        res.expect_error(422, "validation_failed", Some("received_at"));
    }
    assert_eq!(stored(&app).await, before);
}

#[tokio::test]
async fn json_bodies_must_be_one_clean_value() {
    let app = spawn_app().await;
    let before = stored(&app).await;
    for body in corpus("json_bodies") {
        let res = post_raw(&app, "/api/v1/customers", &body).await;
        let status = res.status.as_u16();
        assert!(
            status == 400 || status == 422,
            "{body:?} → {status}: {}",
            res.text
        );
    }
    let res = post_raw(&app, "/api/v1/customers", r#"{"name":"A"}{"name":"B"}"#).await;
    res.expect_error(400, "malformed_json", Some("body"));
    let res = post_raw(&app, "/api/v1/customers", r#"{"name":"A\u0000"}"#).await;
    res.expect_error(422, "validation_failed", Some("name"));
    // White space after the value is fine.
    post_raw(&app, "/api/v1/customers", "{\"name\":\"Ana\"}\n \r\n")
        .await
        .expect(201);
    let (customers, _) = stored(&app).await;
    assert_eq!(
        customers.as_array().unwrap().len(),
        before.0.as_array().unwrap().len() + 1
    );
}

#[tokio::test]
async fn markup_and_sql_are_stored_verbatim_and_break_nothing() {
    let app = spawn_app().await;
    for s in corpus("xss").into_iter().chain(corpus("sqli")) {
        let res = app
            .post_json("/api/v1/customers", &app.agent.token, &json!({"name": s}))
            .await;
        let body = res.expect(201);
        assert_eq!(body["name"], s.trim());
        let q = percent(&s);
        for path in ["/api/v1/customers", "/api/v1/complaints"] {
            let res = app.get(&format!("{path}?q={q}"), &app.viewer.token).await;
            let status = res.status.as_u16();
            assert!(
                status == 200 || status == 422,
                "{path} q={s:?}: {}",
                res.text
            );
        }
    }
    let (customers, complaints) = stored(&app).await;
    let n = corpus("xss").len() + corpus("sqli").len();
    assert_eq!(customers.as_array().unwrap().len(), n, "every table intact");
    assert_eq!(complaints, json!([]));
}

#[tokio::test]
async fn traversal_and_header_injection_answer_json_refusals() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    app.create_complaint(customer).await;
    let before = stored(&app).await;
    for s in corpus("traversal")
        .into_iter()
        .chain(corpus("header_injection"))
    {
        for (path, json) in [
            (format!("/api/v1/complaints/{}", percent(&s)), true),
            (format!("/api/v1/customers/{}", percent(&s)), true),
            // As a client would send it unencoded: the URL parser may fold it elsewhere.
            (format!("/api/v1/complaints/{s}"), false),
        ] {
            let Ok(url) = reqwest::Url::parse(&app.url(&path)) else {
                continue;
            };
            let res = Reply::send(app.client.get(url).bearer_auth(&app.viewer.token)).await;
            let status = res.status.as_u16();
            if json {
                assert!((400..500).contains(&status), "{path:?} → {status}");
                assert!(res.body["error"].is_object(), "{path:?}: {}", res.text);
            } else {
                // The client resolves `..` first (`C-2026-../../1` is `/complaints/1`).
                assert!(status < 500, "{path:?} → {status}");
            }
            assert!(!res.headers.contains_key("x-evil"));
        }
    }
    assert_eq!(stored(&app).await, before);
}
