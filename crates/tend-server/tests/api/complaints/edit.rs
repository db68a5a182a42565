//! `PATCH /api/v1/complaints/{id}`: JSON merge patches of a complaint's own fields, recorded on
//! the timeline; progress fields, bad values and stale versions refused.

use serde_json::{Value, json};

use crate::helpers::{Reply, spawn_app};

/// The `edited` entries of a timeline as `(field, old, new)`.
fn edits(timeline: &[Value]) -> Vec<(String, Value, Value)> {
    timeline
        .iter()
        .filter(|e| e["action"] == "edited")
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["old_value"].clone(),
                e["new_value"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn patch_merges_and_records_each_change_on_the_timeline() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "Cracked jar.", "subject": "Broken jar"});
    let c = app.create_complaint_with(&draft).await;
    let path = format!("/api/v1/complaints/{}", c["id"]);

    let patch = json!({"priority": "urgent", "subject": "Broken jar, again"});
    let after = app
        .patch_json(&path, &app.agent.token, &patch)
        .await
        .expect(200);
    assert_eq!(after["priority"], "urgent");
    assert_eq!(after["subject"], "Broken jar, again");
    assert_eq!(
        after["description"], "Cracked jar.",
        "fields not in the patch stay"
    );
    assert_eq!(after["version"], 2);
    assert_eq!(app.complaint(c["id"].as_i64().unwrap()).await, after);

    let timeline = app.timeline(c["id"].as_i64().unwrap()).await;
    let mut got = edits(&timeline);
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        vec![
            ("priority".into(), json!("normal"), json!("urgent")),
            (
                "subject".into(),
                json!("Broken jar"),
                json!("Broken jar, again")
            ),
        ],
        "exactly the two changed fields are recorded: {timeline:?}"
    );
    let entry = timeline.iter().find(|e| e["action"] == "edited").unwrap();
    assert_eq!(entry["actor"], app.agent.name);

    // The same patch again changes nothing: no new version, no new entries.
    let same = app
        .patch_json(&path, &app.agent.token, &patch)
        .await
        .expect(200);
    assert_eq!(same["version"], 2);
    assert_eq!(
        app.timeline(c["id"].as_i64().unwrap()).await.len(),
        timeline.len()
    );

    // null clears an optional field.
    let cleared = app
        .patch_json(&path, &app.agent.token, &json!({"subject": null}))
        .await
        .expect(200);
    assert_eq!(cleared["subject"], Value::Null);
    let last = app.timeline(c["id"].as_i64().unwrap()).await.pop().unwrap();
    assert_eq!(
        (&last["field"], &last["old_value"], &last["new_value"]),
        (&json!("subject"), &json!("Broken jar, again"), &Value::Null)
    );
}

#[tokio::test]
async fn patch_with_status_is_refused_naming_status() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let path = format!("/api/v1/complaints/{}", c["id"]);
    let patches = [
        json!({"status": "closed"}),
        json!({"status": "resolved", "priority": "high"}),
    ];
    for patch in patches {
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

    let res = app
        .patch_json(&path, token, &json!({"description": null}))
        .await;
    res.expect_error(422, "validation_failed", Some("description"));
    let res = app.patch_json(&path, token, &json!({"tier": 9})).await;
    res.expect_error(422, "validation_failed", Some("tier"));
    let res = app
        .patch_json(&path, token, &json!({"customer_id": 999_999}))
        .await;
    res.expect_error(422, "validation_failed", Some("customer_id"));
    assert_eq!(app.complaint(id).await, c, "refused patches change nothing");
    assert_eq!(app.timeline(id).await.len(), 1);

    // Someone else edits: version 1 is now stale.
    app.patch_json(&path, token, &json!({"priority": "high"}))
        .await
        .expect(200);
    let stale = app
        .client
        .patch(app.url(&path))
        .bearer_auth(token)
        .header("if-match", "\"1\"")
        .json(&json!({"priority": "low"}));
    let res = Reply::send(stale).await;
    res.expect_error(409, "conflict", Some("version"));
    assert_eq!(app.complaint(id).await["priority"], "high");

    let fresh = app
        .client
        .patch(app.url(&path))
        .bearer_auth(token)
        .header("if-match", "\"2\"")
        .json(&json!({"priority": "low"}));
    let ok = Reply::send(fresh).await.expect(200);
    assert_eq!(
        (ok["priority"].as_str(), ok["version"].as_i64()),
        (Some("low"), Some(3))
    );
}
