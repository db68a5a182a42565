//! The error contract: every refusal has the right status and the JSON shape
//! `{"error": {"code", "message", "fields"}}`, names the field at fault, and stores nothing.

use serde_json::{Value, json};

use crate::helpers::{Reply, TestApp, spawn_app};

/// Posts raw bytes with a content type, as the agent.
async fn post_raw(
    app: &TestApp,
    path: &str,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> Reply {
    let req = app
        .client
        .post(app.url(path))
        .bearer_auth(&app.agent.token)
        .header("content-type", content_type);
    Reply::send(req.body(body)).await
}

async fn assert_no_complaints(app: &TestApp) {
    let page = app
        .get("/api/v1/complaints", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(
        page["items"],
        json!([]),
        "a refused request stored something"
    );
}

#[tokio::test]
async fn malformed_json_is_400() {
    let app = spawn_app().await;
    let res = post_raw(
        &app,
        "/api/v1/complaints",
        "application/json",
        r#"{"customer_id": 1, "#,
    )
    .await;
    res.expect_error(400, "malformed_json", Some("body"));
    let res = post_raw(
        &app,
        "/api/v1/customers",
        "application/json; charset=utf-8",
        "not json",
    )
    .await;
    res.expect_error(400, "malformed_json", None);
    let res = post_raw(&app, "/api/v1/complaints", "application/json", "").await;
    res.expect_error(400, "malformed_json", None);
    assert_no_complaints(&app).await;
}

#[tokio::test]
async fn wrong_types_bad_values_and_missing_fields_are_422_naming_the_field() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let ok = json!({"customer_id": customer, "channel": "phone", "description": "Cracked jar."});
    let with = |k: &str, v: Value| {
        let mut d = ok.clone();
        d[k] = v;
        d
    };
    let without = |k: &str| {
        let mut d = ok.clone();
        d.as_object_mut().unwrap().remove(k);
        d
    };
    let cases = [
        (with("customer_id", json!("abc")), "customer_id"),
        (with("received_at", json!("last tuesday")), "received_at"),
        (
            with("received_at", json!("2099-01-01T00:00:00Z")),
            "received_at",
        ),
        (with("priority", json!("meh")), "priority"),
        (with("tier", json!(7)), "tier"),
        (with("description", json!("   ")), "description"),
        (with("channel", json!("carrier/pigeon")), "channel"),
        (with("channel", json!("fax")), "channel"),
        (with("category_id", json!(424242)), "category_id"),
        (with("product_id", json!(424242)), "product_id"),
        (with("assignee_id", json!(424242)), "assignee_id"),
        (with("customer_id", json!(424242)), "customer_id"),
        (
            with("follow_up_at", json!("2020-01-01T00:00:00Z")),
            "follow_up_at",
        ),
        (without("description"), "description"),
        (without("customer_id"), "customer_id"),
        (without("channel"), "channel"),
    ];
    for (body, field) in cases {
        let res = app
            .post_json("/api/v1/complaints", &app.agent.token, &body)
            .await;
        assert_eq!(res.status.as_u16(), 422, "{body} → {}", res.text);
        res.expect_error(422, "validation_failed", Some(field));
    }
    assert_no_complaints(&app).await;
    app.create_complaint_with(&ok).await;
}

#[tokio::test]
async fn bad_action_bodies_name_the_field() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let cases = [
        (json!({"action": "teleport"}), "action"),
        (json!({"facts": "no action"}), "action"),
        (json!({"action": "understand"}), "facts"),
        (
            json!({"action": "understand", "facts": "x", "mood": "calm"}),
            "mood",
        ),
    ];
    for (body, field) in cases {
        let res = app.act(id, &body).await;
        assert_eq!(res.status.as_u16(), 422, "{body} → {}", res.text);
        res.expect_error(422, "validation_failed", Some(field));
    }
    assert_eq!(app.complaint(id).await["version"], 1);
}

#[tokio::test]
async fn bad_values_inside_an_action_name_their_field() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    app.act(id, &json!({"action": "understand", "facts": "ok"}))
        .await
        .expect(200);
    let cases = [
        (json!({"action": "understand", "facts": 42}), "facts"),
        (
            json!({"action": "identify_cause", "root_cause": "x", "responsible_party": "aliens"}),
            "responsible_party",
        ),
        (
            json!({"action": "escalate", "reason": "x", "to": "the boss"}),
            "to",
        ),
        (
            json!({"action": "identify_cause", "root_cause": ["x"], "responsible_party": "vendor"}),
            "root_cause",
        ),
    ];
    for (body, field) in cases {
        let res = app.act(id, &body).await;
        assert_eq!(res.status.as_u16(), 422, "{body} → {}", res.text);
        res.expect_error(422, "validation_failed", Some(field));
    }
    assert_eq!(app.complaint(id).await["version"], 2, "nothing changed");
}

#[tokio::test]
async fn unknown_fields_are_refused_naming_them() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let (agent, mgr) = (&app.agent.token, &app.manager.token);
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "x"});
    for extra in ["mood", "status"] {
        let mut body = draft.clone();
        body[extra] = json!("grumpy");
        let res = app.post_json("/api/v1/complaints", agent, &body).await;
        res.expect_error(422, "validation_failed", Some(extra));
    }
    assert_no_complaints(&app).await;
    let colour = json!({"name": "X", "colour": "red"});
    let res = app.post_json("/api/v1/categories", mgr, &colour).await;
    res.expect_error(422, "validation_failed", Some("colour"));
    let res = app.post_json("/api/v1/products", mgr, &colour).await;
    res.expect_error(422, "validation_failed", Some("colour"));
    let c = app.create_complaint(customer).await;
    let path = format!("/api/v1/complaints/{}", c["id"]);
    let step = json!({"text": "x", "mood": "calm"});
    let res = app.post_json(&format!("{path}/steps"), agent, &step).await;
    res.expect_error(422, "validation_failed", Some("mood"));
    let res = app.patch_json(&path, agent, &json!({"mood": "calm"})).await;
    res.expect_error(422, "validation_failed", Some("mood"));
    assert_eq!(app.complaint(c["id"].as_i64().unwrap()).await, c);
}

#[tokio::test]
async fn a_body_over_256_kib_is_413() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let big =
        json!({"customer_id": customer, "channel": "phone", "description": "x".repeat(257 * 1024)});
    let res = app
        .post_json("/api/v1/complaints", &app.agent.token, &big)
        .await;
    res.expect_error(413, "payload_too_large", None);
    assert_no_complaints(&app).await;

    // The longest description, in four-byte characters, still fits; one more character does not.
    let long =
        json!({"customer_id": customer, "channel": "phone", "description": "🫙".repeat(20_000)});
    app.create_complaint_with(&long).await;
    let longer =
        json!({"customer_id": customer, "channel": "phone", "description": "🫙".repeat(20_001)});
    let res = app
        .post_json("/api/v1/complaints", &app.agent.token, &longer)
        .await;
    res.expect_error(422, "validation_failed", Some("description"));
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let body = json!({"customer_id": customer, "channel": "phone", "description": "x"}).to_string();
    let res = post_raw(&app, "/api/v1/complaints", "text/plain", body.clone()).await;
    res.expect_error(415, "unsupported_media_type", None);
    let req = app
        .client
        .post(app.url("/api/v1/complaints"))
        .bearer_auth(&app.agent.token)
        .body(body);
    Reply::send(req)
        .await
        .expect_error(415, "unsupported_media_type", None);
    let res = post_raw(
        &app,
        "/api/v1/customers",
        "application/x-www-form-urlencoded",
        "name=Ana",
    )
    .await;
    res.expect_error(415, "unsupported_media_type", None);
    assert_no_complaints(&app).await;
}

#[tokio::test]
async fn unknown_routes_and_objects_are_404_json() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/nope",
        "/api/v2/complaints",
        "/nope",
        "/api/v1/complaints/1/nope",
    ] {
        let res = app.get(path, &app.viewer.token).await;
        assert_eq!(
            res.headers
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/json"),
            "{path}"
        );
        res.expect_error(404, "not_found", None);
    }
    for path in [
        "/api/v1/complaints/999999",
        "/api/v1/complaints/C-2026-999999",
        "/api/v1/complaints/abc",
    ] {
        app.get(path, &app.viewer.token)
            .await
            .expect_error(404, "not_found", None);
    }
    let res = app
        .act(999_999, &json!({"action": "understand", "facts": "x"}))
        .await;
    res.expect_error(404, "not_found", None);
    let res = app
        .patch_json(
            "/api/v1/complaints/999999",
            &app.agent.token,
            &json!({"priority": "high"}),
        )
        .await;
    res.expect_error(404, "not_found", None);
}

#[tokio::test]
async fn a_method_a_route_does_not_take_is_405_json() {
    let app = spawn_app().await;
    let req = app
        .client
        .delete(app.url("/api/v1/complaints"))
        .bearer_auth(&app.admin_token);
    Reply::send(req)
        .await
        .expect_error(405, "method_not_allowed", None);
    let req = app
        .client
        .put(app.url("/api/v1/customers/1"))
        .bearer_auth(&app.admin_token)
        .json(&json!({}));
    Reply::send(req)
        .await
        .expect_error(405, "method_not_allowed", None);
}
