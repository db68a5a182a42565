//! `/api/v1/complaints/{id}/actions` refusals: steps out of order, missing or bad fields and
//! stale versions are refused, and leave the complaint and its timeline as they were.

use serde_json::{Value, json};

use crate::helpers::{Reply, TestApp, at, spawn_app};

/// Sends each action, expects it refused with `status` naming `field`, and checks the complaint
/// and its timeline are unchanged. 409 is a step the method does not allow now
/// (`invalid_transition`); 422 a missing or bad field (`validation_failed`).
async fn refused(app: &TestApp, id: i64, cases: &[(Value, u16, &str)]) {
    for (action, status, field) in cases {
        let before = app.complaint(id).await;
        let seen = app.timeline(id).await.len();
        let code = if *status == 409 {
            "invalid_transition"
        } else {
            "validation_failed"
        };
        let res = app.act(id, action).await;
        assert_eq!(res.status.as_u16(), *status, "{action}: {}", res.text);
        res.expect_error(*status, code, Some(field));
        let after = app.complaint(id).await;
        assert_eq!(after, before, "a refused {action} changed the complaint");
        let entries = app.timeline(id).await.len();
        assert_eq!(entries, seen, "a refused {action} wrote the timeline");
    }
}

/// Takes an action that must succeed.
async fn take(app: &TestApp, id: i64, action: Value) -> Value {
    app.act(id, &action).await.expect(200)
}

#[tokio::test]
async fn steps_out_of_order_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let resolve = json!({"action": "resolve", "corrective_action": "Sent a new jar"});
    let cause =
        json!({"action": "identify_cause", "root_cause": "x", "responsible_party": "company"});
    let at_received = [
        (resolve.clone(), 409, "agreed_solution"),
        (
            json!({"action": "follow_up", "outcome": "satisfied"}),
            409,
            "outcome",
        ),
        (cause.clone(), 409, "action"),
        (
            json!({"action": "agree_solution", "agreed_solution": "x", "solution_mode": "on_the_spot"}),
            409,
            "action",
        ),
        (json!({"action": "reopen", "reason": "x"}), 409, "action"),
        (json!({"action": "close"}), 422, "reason"),
        (
            json!({"action": "escalate", "reason": "x", "to": 999_999}),
            422,
            "to",
        ),
    ];
    refused(&app, id, &at_received).await;

    take(
        &app,
        id,
        json!({"action": "understand", "facts": "Cracked."}),
    )
    .await;
    take(&app, id, cause).await;
    let promised = |by: Option<String>| json!({"action": "agree_solution", "agreed_solution": "New jar", "solution_mode": "promised", "promised_by": by});
    let on_the_spot = json!({"action": "agree_solution", "agreed_solution": "x", "solution_mode": "on_the_spot", "promised_by": at(5)});
    refused(
        &app,
        id,
        &[
            (promised(None), 422, "promised_by"),
            (promised(Some(at(-48))), 422, "promised_by"),
            (on_the_spot, 422, "promised_by"),
        ],
    )
    .await;

    take(&app, id, promised(Some(at(24)))).await;
    let money = json!({"kind": "refund", "amount": "ten", "currency": "EUR"});
    refused(
        &app,
        id,
        &[
            (
                json!({"action": "resolve", "follow_up_at": at(-1)}),
                422,
                "follow_up_at",
            ),
            (
                json!({"action": "resolve", "compensation": money}),
                422,
                "compensation.amount",
            ),
        ],
    )
    .await;

    take(&app, id, resolve.clone()).await;
    let rating = json!({"action": "follow_up", "outcome": "satisfied", "satisfaction_rating": 6});
    refused(
        &app,
        id,
        &[
            (resolve, 409, "action"),
            (rating, 422, "satisfaction_rating"),
        ],
    )
    .await;

    take(
        &app,
        id,
        json!({"action": "follow_up", "outcome": "not_satisfied", "note": "Cross"}),
    )
    .await;
    refused(
        &app,
        id,
        &[
            (json!({"action": "close"}), 422, "reason"),
            (json!({"action": "close", "reason": "  "}), 422, "reason"),
        ],
    )
    .await;

    let closed = take(
        &app,
        id,
        json!({"action": "close", "reason": "Stopped answering"}),
    )
    .await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["close_reason"], "Stopped answering");
    let more = json!({"action": "understand", "facts": "More"});
    refused(&app, id, &[(more, 409, "action")]).await;
}

#[tokio::test]
async fn a_stale_if_match_refuses_an_action() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    take(
        &app,
        id,
        json!({"action": "understand", "facts": "Cracked."}),
    )
    .await;

    let path = app.url(&format!("/api/v1/complaints/{id}/actions"));
    let other = json!({"action": "understand", "facts": "Other"});
    let req = app.client.post(&path).bearer_auth(&app.agent.token);
    let res = Reply::send(req.header("if-match", "1").json(&other)).await;
    res.expect_error(409, "conflict", Some("version"));
    assert_eq!(app.complaint(id).await["facts"], "Cracked.");

    let req = app.client.post(&path).bearer_auth(&app.agent.token);
    let res = Reply::send(req.header("if-match", "\"2\"").json(&other)).await;
    assert_eq!(res.expect(200)["facts"], "Other");
}
