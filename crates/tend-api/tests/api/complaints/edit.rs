//! `PATCH /api/v1/complaints/{id}`: JSON merge patches of a complaint's own fields, recorded on
//! the timeline; progress fields, bad values and stale versions refused.

use serde_json::{Value, json};

use crate::helpers::{Reply, TestApp, spawn_app};

/// The `edited` entries of a complaint's timeline as `(field, old, new)`, sorted by field.
async fn edits(app: &TestApp, id: i64) -> Vec<(String, Value, Value)> {
    let timeline = app.timeline(id).await;
    let edited = timeline.iter().filter(|e| e["action"] == "edited");
    let mut got: Vec<_> = edited
        .map(|e| {
            let field = e["field"].as_str().unwrap().to_owned();
            (field, e["old_value"].clone(), e["new_value"].clone())
        })
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    got
}

#[tokio::test]
async fn patch_merges_and_records_each_change_on_the_timeline() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "Cracked jar.",
        "subject": "Broken jar"});
    let c = app.create_complaint_with(&draft).await;
    let id = c["id"].as_i64().unwrap();
    let path = format!("/api/v1/complaints/{id}");
    let token = &app.agent.token;

    let patch = json!({"priority": "urgent", "subject": "Broken jar, again"});
    let after = app.patch_json(&path, token, &patch).await.expect(200);
    assert_eq!(after["priority"], "urgent");
    assert_eq!(after["subject"], "Broken jar, again");
    assert_eq!(
        after["description"], "Cracked jar.",
        "fields not in the patch stay"
    );
    assert_eq!(after["version"], 2);
    assert_eq!(app.complaint(id).await, after);
    let want = vec![
        ("priority".to_owned(), json!("normal"), json!("urgent")),
        (
            "subject".to_owned(),
            json!("Broken jar"),
            json!("Broken jar, again"),
        ),
    ];
    assert_eq!(
        edits(&app, id).await,
        want,
        "exactly the changed fields are recorded"
    );
    let timeline = app.timeline(id).await;
    let entry = timeline.iter().find(|e| e["action"] == "edited").unwrap();
    assert_eq!(
        (&entry["actor"], &entry["actor_id"]),
        (&json!(app.agent.name), &json!(app.agent.id))
    );

    // The same patch again changes nothing: no new version, no new entries.
    let same = app.patch_json(&path, token, &patch).await.expect(200);
    assert_eq!(same["version"], 2);
    assert_eq!(app.timeline(id).await.len(), timeline.len());

    // null clears an optional field.
    let cleared = app
        .patch_json(&path, token, &json!({"subject": null}))
        .await;
    assert_eq!(cleared.expect(200)["subject"], Value::Null);
    let last = app.timeline(id).await.pop().unwrap();
    assert_eq!(last["field"], "subject");
    assert_eq!(
        (&last["old_value"], &last["new_value"]),
        (&json!("Broken jar, again"), &Value::Null)
    );
}

#[tokio::test]
async fn patch_with_status_is_refused_naming_status() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let path = format!("/api/v1/complaints/{}", c["id"]);
    for patch in [
        json!({"status": "closed"}),
        json!({"status": "resolved", "priority": "high"}),
    ] {
        let res = app.patch_json(&path, &app.agent.token, &patch).await;
        res.expect_error(422, "validation_failed", Some("status"));
    }
    let now = app.complaint(c["id"].as_i64().unwrap()).await;
    assert_eq!(now, c, "a refused patch changes nothing");
}

#[tokio::test]
async fn patch_refuses_required_nulls_bad_values_and_stale_versions() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let id = c["id"].as_i64().unwrap();
    let path = format!("/api/v1/complaints/{id}");
    let token = &app.agent.token;

    for (patch, field) in [
        (json!({"description": null}), "description"),
        (json!({"customer_id": null}), "customer_id"),
        (json!({"tier": 9}), "tier"),
        (json!({"priority": "meh"}), "priority"),
        (json!({"customer_id": 999_999}), "customer_id"),
        (json!({"assignee_id": 999_999}), "assignee_id"),
    ] {
        let res = app.patch_json(&path, token, &patch).await;
        res.expect_error(422, "validation_failed", Some(field));
    }
    assert_eq!(app.complaint(id).await, c, "refused patches change nothing");
    assert_eq!(app.timeline(id).await.len(), 1);

    // Someone else edits: version 1 is now stale.
    app.patch_json(&path, token, &json!({"priority": "high"}))
        .await
        .expect(200);
    let low = json!({"priority": "low"});
    let stale = app
        .client
        .patch(app.url(&path))
        .bearer_auth(token)
        .header("if-match", "\"1\"");
    let res = Reply::send(stale.json(&low)).await;
    res.expect_error(409, "conflict", Some("version"));
    assert_eq!(app.complaint(id).await["priority"], "high");

    let fresh = app
        .client
        .patch(app.url(&path))
        .bearer_auth(token)
        .header("if-match", "\"2\"");
    let ok = Reply::send(fresh.json(&low)).await.expect(200);
    assert_eq!(
        (&ok["priority"], &ok["version"]),
        (&json!("low"), &json!(3))
    );
}
