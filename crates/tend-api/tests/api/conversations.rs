//! The conversation over the API: replies and notes, who may write and read them, a reply as
//! the first response (once), and the refusals.

use jiff::SignedDuration;
use serde_json::{Value, json};

use crate::helpers::{NOW, TestApp, spawn_app};

async fn post(app: &TestApp, id: i64, token: &str, body: &Value) -> crate::helpers::Reply {
    let path = format!("/api/v1/complaints/{id}/messages");
    app.post_json(&path, token, body).await
}

async fn messages(app: &TestApp, id: i64) -> Vec<Value> {
    let path = format!("/api/v1/complaints/{id}/messages");
    let body = app.get(&path, &app.viewer.token).await.expect(200);
    body.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_reply_is_the_first_response_once_and_a_note_is_not() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let id = c["id"].as_i64().unwrap();
    assert_eq!(messages(&app, id).await, Vec::<Value>::new());

    let note = json!({"kind": "note", "body": "Customer sounded upset; check the courier."});
    let res = post(&app, id, &app.agent.token, &note).await.expect(201);
    assert_eq!(res["kind"], "note");
    assert_eq!(res["via"], "staff");
    assert_eq!(res["author_id"], app.agent.id);
    assert!(app.complaint(id).await["first_response_at"].is_null());

    app.clock.advance(SignedDuration::from_mins(30));
    let first =
        (NOW.parse::<jiff::Timestamp>().unwrap() + SignedDuration::from_mins(30)).to_string();
    let reply = json!({"kind": "reply", "body": "We are sorry.\nA new jar ships today."});
    let res = post(&app, id, &app.agent.token, &reply).await.expect(201);
    assert_eq!(res["kind"], "reply");
    assert_eq!(res["body"], "We are sorry.\nA new jar ships today.");
    assert_eq!(app.complaint(id).await["first_response_at"], first);

    // A later reply leaves the first response where it was.
    app.clock.advance(SignedDuration::from_hours(2));
    let again = json!({"kind": "reply", "body": "Tracking: 123"});
    post(&app, id, &app.manager.token, &again).await.expect(201);
    let now = app.complaint(id).await;
    assert_eq!(now["first_response_at"], first);

    let all = messages(&app, id).await;
    let kinds: Vec<&str> = all.iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["note", "reply", "reply"]);
    assert_eq!(all[2]["author_id"], app.manager.id);
    assert_eq!(all[2]["author"], app.manager.name);

    // The timeline names each message's kind (never its words) and the first response once.
    let timeline = app.timeline(id).await;
    let added: Vec<&str> = timeline
        .iter()
        .filter(|e| e["action"] == "message_added")
        .map(|e| e["new_value"].as_str().unwrap())
        .collect();
    assert_eq!(added, ["note", "reply", "reply"]);
    let replied: Vec<&Value> = timeline
        .iter()
        .filter(|e| e["action"] == "replied")
        .collect();
    assert_eq!(replied.len(), 1, "{timeline:#?}");
    assert_eq!(replied[0]["field"], "first_response_at");
    assert!(!timeline.iter().any(|e| e["new_value"] == "Tracking: 123"));
}

#[tokio::test]
async fn only_staff_who_work_complaints_write_and_bad_messages_are_refused() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let ok = json!({"kind": "note", "body": "x"});

    let res = post(&app, id, &app.viewer.token, &ok).await;
    assert_eq!(res.status, 403, "{}", res.text);
    let res = post(&app, id, "not-a-token", &ok).await;
    assert_eq!(res.status, 401, "{}", res.text);
    let res = app
        .get(&format!("/api/v1/complaints/{id}/messages"), "nope")
        .await;
    assert_eq!(res.status, 401);

    let agent = &app.agent.token;
    let customer_kind = json!({"kind": "customer", "body": "I am the customer"});
    post(&app, id, agent, &customer_kind).await.expect_error(
        422,
        "validation_failed",
        Some("kind"),
    );
    post(&app, id, agent, &json!({"kind": "reply", "body": "   "}))
        .await
        .expect_error(422, "validation_failed", Some("body"));
    let long = "é".repeat(10_001);
    post(&app, id, agent, &json!({"kind": "note", "body": long}))
        .await
        .expect_error(422, "validation_failed", Some("body"));
    let res = post(
        &app,
        id,
        agent,
        &json!({"kind": "note", "body": "x", "to": "a@b"}),
    )
    .await;
    assert_eq!(res.status, 422, "{}", res.text);
    let res = post(&app, 999_999, agent, &ok).await;
    assert_eq!(res.status, 404, "{}", res.text);
    assert_eq!(
        app.get("/api/v1/complaints/999999/messages", agent)
            .await
            .status,
        404
    );
    // Nothing refused was stored, and the version did not move.
    assert!(messages(&app, id).await.is_empty());
    assert_eq!(app.complaint(id).await["version"], 1);

    // A closed complaint takes notes but no replies.
    let close = json!({"action": "close", "reason": "Duplicate of another complaint"});
    app.act(id, &close).await.expect(200);
    post(&app, id, agent, &json!({"kind": "reply", "body": "Hello?"}))
        .await
        .expect_error(409, "invalid_transition", Some("kind"));
    post(&app, id, agent, &ok).await.expect(201);
    assert_eq!(messages(&app, id).await.len(), 1);
}

#[tokio::test]
async fn canned_replies_are_kept_per_language_and_filled_in_for_a_complaint() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let canned = json!({"language": "es", "title": "Envío",
        "body": "Hola {name}: su reclamación {reference} está en camino. {otro}"});
    let saved = app
        .post_json("/api/v1/canned-replies", m, &canned)
        .await
        .expect(201);
    assert_eq!(saved["language"], "es");
    let english = json!({"language": "en", "title": "Shipping", "body": "Hi {name}"});
    app.post_json("/api/v1/canned-replies", m, &english)
        .await
        .expect(201);
    // Agents use them; managers keep them. A title is unique per language.
    let res = app
        .post_json("/api/v1/canned-replies", &app.agent.token, &english)
        .await;
    assert_eq!(res.status, 403);
    app.post_json("/api/v1/canned-replies", m, &english)
        .await
        .expect_error(409, "conflict", Some("title"));
    let bad = json!({"language": "de", "title": "", "body": ""});
    let res = app.post_json("/api/v1/canned-replies", m, &bad).await;
    res.expect_error(422, "validation_failed", Some("language"));
    for f in ["title", "body"] {
        assert!(res.body["error"]["fields"][f].is_string(), "{}", res.text);
    }
    let es = app
        .get("/api/v1/canned-replies?language=es", &app.viewer.token)
        .await;
    let es = es.expect(200);
    assert_eq!(es.as_array().unwrap().len(), 1);
    assert_eq!(es[0]["body"], canned["body"]);

    let body = json!({"name": "Ana <b>Pérez</b>", "email": "ana@example.com",
                      "preferred_language": "es"});
    let ana = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    let c = app
        .create_complaint(ana.expect(201)["id"].as_i64().unwrap())
        .await;
    let path = format!("/api/v1/complaints/{}/canned-replies", c["id"]);
    let filled = app.get(&path, &app.viewer.token).await.expect(200);
    let filled = filled.as_array().unwrap();
    assert_eq!(filled.len(), 1, "only the customer's language: {filled:?}");
    let want = format!(
        "Hola Ana <b>Pérez</b>: su reclamación {} está en camino. {{otro}}",
        c["reference"].as_str().unwrap()
    );
    assert_eq!(filled[0]["body"], want);
}
