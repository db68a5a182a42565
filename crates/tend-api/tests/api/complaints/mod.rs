//! `POST /api/v1/complaints` and `GET /api/v1/complaints/{id}`: logging complaints and reading
//! them back by id or reference.

mod counted;
mod edit;
mod fate;
mod lifecycle;
mod list;
mod refusals;
mod stable_reference;

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
