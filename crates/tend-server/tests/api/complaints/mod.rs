//! `/api/v1/complaints` and `/api/v1/complaints/{id}`: logging, reading and editing complaints.

mod lifecycle;
mod list;

use serde_json::{Value, json};

use crate::helpers::{at, spawn_app};

/// `C-YYYY-NNNNNN`: the year received and the id, at least six digits.
fn assert_reference(reference: &str, year: &str, id: i64) {
    let expected = format!("C-{year}-{id:06}");
    assert_eq!(reference, expected);
    let digits: Vec<&str> = reference.split('-').collect();
    assert_eq!(digits.len(), 3, "{reference}");
    assert!(
        digits[2].len() >= 6 && digits[2].chars().all(|c| c.is_ascii_digit()),
        "{reference}"
    );
}

#[tokio::test]
async fn create_with_every_draft_field_then_read_by_id_and_reference() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let mgr = &app.manager.token;
    let category = app
        .post_json("/api/v1/categories", mgr, &json!({"name": "Delivery"}))
        .await
        .expect(201)["id"]
        .clone();
    let product = app
        .post_json(
            "/api/v1/products",
            mgr,
            &json!({"name": "Olive oil 1 L", "sku": "OO-1L"}),
        )
        .await
        .expect(201)["id"]
        .clone();
    let draft = json!({
        "kind": "complaint",
        "customer_id": customer,
        "channel": "email",
        "received_at": at(-6),
        "category_id": category,
        "product_id": product,
        "subject": "Cracked jar",
        "description": "The jar arrived cracked; oil leaked over the rest of the order.",
        "priority": "high",
        "tier": 2,
        "assignee_id": app.agent.id,
        "follow_up_at": at(48),
        "prevention_suggestion": "Wrap jars in bubble film.",
        "external_id": "ZD-4411",
    });

    let res = app
        .post_json("/api/v1/complaints", &app.agent.token, &draft)
        .await;
    let location = res
        .headers
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned());
    let created = res.expect(201);
    let id = created["id"].as_i64().expect("id");
    assert_eq!(
        location.as_deref(),
        Some(format!("/api/v1/complaints/{id}").as_str())
    );
    assert_reference(created["reference"].as_str().unwrap(), "2026", id);
    for (field, value) in draft.as_object().unwrap() {
        assert_eq!(
            &created[field], value,
            "field {field} was not stored as sent"
        );
    }
    assert_eq!(created["status"], "received");
    assert_eq!(created["version"], 1);
    assert_eq!(
        created["received_by"], app.agent.id,
        "received_by defaults to the caller"
    );
    assert_eq!(created["source"], "api");
    assert_eq!(created["escalated"], false);

    let by_id = app.complaint(id).await;
    assert_eq!(by_id, created);
    let reference = created["reference"].as_str().unwrap();
    let by_ref = app
        .get(
            &format!("/api/v1/complaints/{reference}"),
            &app.viewer.token,
        )
        .await
        .expect(200);
    assert_eq!(by_ref, created);

    let timeline = app.timeline(id).await;
    assert_eq!(timeline.len(), 1, "{timeline:?}");
    assert_eq!(timeline[0]["action"], "created");
    assert_eq!(timeline[0]["field"], "reference");
    assert_eq!(timeline[0]["new_value"], reference);
    assert_eq!(timeline[0]["actor"], app.agent.name);
    assert_eq!(timeline[0]["actor_id"], app.agent.id);
}

#[tokio::test]
async fn defaults_fill_what_the_draft_leaves_out() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    assert_eq!(c["kind"], "complaint");
    assert_eq!(c["priority"], "normal");
    assert_eq!(c["tier"], 1);
    assert_eq!(c["received_at"], crate::helpers::NOW);
    assert_eq!(c["subject"], Value::Null);
    assert_eq!(c["assignee_id"], Value::Null);
}

#[tokio::test]
async fn a_reference_with_the_wrong_year_is_not_found() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let right = format!("/api/v1/complaints/C-2026-{id:06}");
    app.get(&right, &app.viewer.token).await.expect(200);
    let wrong = format!("/api/v1/complaints/C-1999-{id:06}");
    app.get(&wrong, &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
}

#[tokio::test]
async fn a_duplicate_external_id_is_a_conflict() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let draft = json!({"customer_id": customer, "channel": "web", "description": "x", "external_id": "ZD-1"});
    app.create_complaint_with(&draft).await;
    let res = app
        .post_json("/api/v1/complaints", &app.agent.token, &draft)
        .await;
    res.expect_error(409, "conflict", Some("external_id"));
}

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
async fn patch_refuses_progress_fields_required_nulls_and_stale_versions() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let id = c["id"].as_i64().unwrap();
    let path = format!("/api/v1/complaints/{id}");
    let token = &app.agent.token;

    let res = app
        .patch_json(&path, token, &json!({"status": "closed"}))
        .await;
    res.expect_error(422, "validation_failed", Some("status"));
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
    let res = crate::helpers::Reply::send(stale).await;
    res.expect_error(409, "conflict", Some("version"));
    assert_eq!(app.complaint(id).await["priority"], "high");

    let fresh = app
        .client
        .patch(app.url(&path))
        .bearer_auth(token)
        .header("if-match", "\"2\"")
        .json(&json!({"priority": "low"}));
    let ok = crate::helpers::Reply::send(fresh).await.expect(200);
    assert_eq!(
        (ok["priority"].as_str(), ok["version"].as_i64()),
        (Some("low"), Some(3))
    );
}
