//! `/api/v1/complaints/{id}/actions`, `/steps` and `/timeline`: working a complaint through the
//! whole method, with every change on the timeline.

use serde_json::{Value, json};

use crate::helpers::{NOW, TestApp, at, spawn_app};

/// View keys that change with every write, or are derived from other keys, or are nested
/// (checked by hand): not one timeline entry each.
const NOT_FIELDS: [&str; 5] = [
    "version",
    "updated_at",
    "escalated",
    "escalation",
    "compensation",
];

fn text(v: &Value) -> Value {
    match v {
        Value::Number(n) => Value::String(n.to_string()),
        Value::Bool(b) => Value::String(b.to_string()),
        other => other.clone(),
    }
}

/// Takes `action` as the agent and checks the timeline gained an entry, under the action's name
/// and the agent's name, for every field of the complaint that changed, with old and new values.
/// Returns the complaint after the action and the new entries.
async fn step(app: &TestApp, id: i64, action: Value) -> (Value, Vec<Value>) {
    let name = action["action"].as_str().unwrap().to_owned();
    let before = app.complaint(id).await;
    let seen = app.timeline(id).await.len();
    let after = app.act(id, &action).await.expect(200);
    assert_eq!(
        app.complaint(id).await,
        after,
        "{name}: the reply is what GET shows"
    );
    assert_eq!(
        after["version"],
        before["version"].as_i64().unwrap() + 1,
        "{name}: version"
    );
    let entries: Vec<Value> = app.timeline(id).await.split_off(seen);
    assert!(!entries.is_empty(), "{name}: no timeline entry");
    for e in &entries {
        assert_eq!(e["action"], name.as_str(), "{e}");
        assert_eq!(e["actor"], app.agent.name, "{e}");
        assert_eq!(e["actor_id"], app.agent.id, "{e}");
    }
    for (key, new) in after.as_object().unwrap() {
        let old = &before[key];
        if old == new || NOT_FIELDS.contains(&key.as_str()) {
            continue;
        }
        let entry = entries.iter().find(|e| e["field"] == key.as_str());
        let entry = entry.unwrap_or_else(|| {
            panic!("{name}: {key} changed but is not on the timeline: {entries:?}")
        });
        assert_eq!(entry["old_value"], text(old), "{name}: {key} old value");
        assert_eq!(entry["new_value"], text(new), "{name}: {key} new value");
    }
    (after, entries)
}

fn entry<'a>(entries: &'a [Value], field: &str) -> &'a Value {
    entries
        .iter()
        .find(|e| e["field"] == field)
        .unwrap_or_else(|| panic!("no {field} entry in {entries:?}"))
}

#[tokio::test]
async fn the_whole_method_then_reopen_and_escalate_all_on_the_timeline() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "Cracked jar.",
        "received_at": at(-2), "tier": 1, "prevention_suggestion": "Pack better."});
    let c = app.create_complaint_with(&draft).await;
    let id = c["id"].as_i64().unwrap();
    // Acting by reference works as acting by id.
    let by_ref = format!(
        "/api/v1/complaints/{}/actions",
        c["reference"].as_str().unwrap()
    );

    let (c, _) = step(
        &app,
        id,
        json!({"action": "understand", "facts": "Jar cracked on arrival; box fine."}),
    )
    .await;
    assert_eq!(
        (&c["status"], &c["first_response_at"]),
        (&json!("understood"), &json!(NOW))
    );

    let cause = json!({"action": "identify_cause", "root_cause": "No padding in the box", "responsible_party": "shipping"});
    let (c, _) = step(&app, id, cause).await;
    assert_eq!(
        (&c["status"], &c["responsible_party"]),
        (&json!("cause_identified"), &json!("shipping"))
    );

    let agree = json!({"action": "agree_solution", "agreed_solution": "Refund and new jar", "solution_mode": "promised",
        "promised_by": at(24), "customer_proposal": "A refund"});
    let (c, _) = step(&app, id, agree).await;
    assert_eq!(
        (&c["status"], &c["promised_by"]),
        (&json!("solution_agreed"), &json!(at(24)))
    );

    let resolve = json!({"action": "resolve", "corrective_action": "Sent a new jar",
        "compensation": {"kind": "refund", "amount": "10.00", "currency": "EUR"},
        "prevention_suggestion": "Pad every jar.", "follow_up_at": at(72)});
    let (c, entries) = step(&app, id, resolve).await;
    assert_eq!(c["status"], "resolved");
    assert_eq!(c["resolved_at"], NOW);
    assert_eq!(
        c["compensation"],
        json!({"kind": "refund", "amount": "10.00", "currency": "EUR", "note": null})
    );
    assert_eq!(entry(&entries, "compensation.kind")["new_value"], "refund");
    assert_eq!(
        entry(&entries, "compensation.amount")["new_value"],
        "10.00 EUR"
    );
    assert_eq!(
        entry(&entries, "prevention_suggestion")["old_value"],
        "Pack better."
    );

    let (c, _) = step(
        &app,
        id,
        json!({"action": "follow_up", "outcome": "satisfied", "satisfaction_rating": 5}),
    )
    .await;
    assert_eq!(
        (
            &c["status"],
            &c["follow_up_outcome"],
            &c["satisfaction_rating"]
        ),
        (&json!("resolved"), &json!("satisfied"), &json!(5))
    );

    let (c, _) = step(&app, id, json!({"action": "close"})).await;
    assert_eq!(
        (&c["status"], &c["closed_at"]),
        (&json!("closed"), &json!(NOW))
    );

    let reopened = app
        .post_json(
            &by_ref,
            &app.agent.token,
            &json!({"action": "reopen", "reason": "Second jar cracked too"}),
        )
        .await;
    let c = reopened.expect(200);
    assert_eq!(
        (&c["status"], &c["closed_at"], &c["follow_up_outcome"]),
        (&json!("understood"), &Value::Null, &Value::Null)
    );
    let reopen_entries: Vec<Value> = app
        .timeline(id)
        .await
        .into_iter()
        .filter(|e| e["action"] == "reopen")
        .collect();
    assert_eq!(entry(&reopen_entries, "status")["old_value"], "closed");
    assert_eq!(
        entry(&reopen_entries, "reopen_reason")["new_value"],
        "Second jar cracked too"
    );

    let escalate = json!({"action": "escalate", "reason": "Repeat failure", "to": app.manager.id});
    let (c, entries) = step(&app, id, escalate).await;
    assert_eq!((&c["escalated"], &c["tier"]), (&json!(true), &json!(2)));
    assert_eq!(
        c["escalation"],
        json!({"to": app.manager.id, "at": NOW, "reason": "Repeat failure"})
    );
    assert_eq!(
        entry(&entries, "escalated_to")["new_value"],
        app.manager.id.to_string()
    );
    assert_eq!(entry(&entries, "tier")["old_value"], "1");

    let actions: Vec<String> = app
        .timeline(id)
        .await
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    for a in [
        "created",
        "understand",
        "identify_cause",
        "agree_solution",
        "resolve",
        "follow_up",
        "close",
        "reopen",
        "escalate",
    ] {
        assert!(
            actions.iter().any(|x| x == a),
            "no {a} entry in {actions:?}"
        );
    }
}

#[tokio::test]
async fn steps_are_listed_and_recorded_on_the_timeline() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let id = c["id"].as_i64().unwrap();
    let path = format!("/api/v1/complaints/{id}/steps");

    let added = app
        .post_json(
            &path,
            &app.agent.token,
            &json!({"text": "  Called the warehouse  "}),
        )
        .await
        .expect(201);
    assert_eq!(
        (&added["text"], &added["author_id"]),
        (&json!("Called the warehouse"), &json!(app.agent.id))
    );
    app.post_json(
        &path,
        &app.agent.token,
        &json!({"text": "Replacement ships today"}),
    )
    .await
    .expect(201);

    let steps = app.get(&path, &app.viewer.token).await.expect(200);
    let texts: Vec<&str> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Called the warehouse", "Replacement ships today"]);
    assert_eq!(steps[0]["id"], added["id"]);
    assert_eq!(app.complaint(id).await["version"], 3, "a step is a change");

    let timeline = app.timeline(id).await;
    let step_entries: Vec<&Value> = timeline
        .iter()
        .filter(|e| e["action"] == "step_added")
        .collect();
    assert_eq!(step_entries.len(), 2, "{timeline:?}");
    assert_eq!(step_entries[0]["new_value"], "Called the warehouse");
    assert_eq!(step_entries[0]["actor"], app.agent.name);

    let res = app
        .post_json(&path, &app.agent.token, &json!({"text": "   "}))
        .await;
    res.expect_error(422, "validation_failed", Some("text"));
    let res = app
        .post_json(
            "/api/v1/complaints/999999/steps",
            &app.agent.token,
            &json!({"text": "x"}),
        )
        .await;
    res.expect_error(404, "not_found", None);
    app.get("/api/v1/complaints/999999/steps", &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
    app.get("/api/v1/complaints/999999/timeline", &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
}
