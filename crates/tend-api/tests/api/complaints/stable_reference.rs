//! A reference, once given, never changes: correcting `received_at` (even across a year) keeps
//! the reference the customer was mailed, and it still finds the complaint. Instants outside
//! the accepted range are refused on PATCH as on POST.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn correcting_received_at_keeps_the_reference() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let id = c["id"].as_i64().unwrap();
    let reference = c["reference"].as_str().unwrap().to_owned();
    let year = &reference[2..6];
    let path = format!("/api/v1/complaints/{id}");
    let token = &app.agent.token;

    let patch = json!({"received_at": "2020-06-01T10:00:00Z"});
    let after = app.patch_json(&path, token, &patch).await.expect(200);
    assert_eq!(after["received_at"], "2020-06-01T10:00:00Z");
    assert_eq!(after["reference"], reference, "the reference stays");
    let by_ref = app
        .get(&format!("/api/v1/complaints/{reference}"), token)
        .await
        .expect(200);
    assert_eq!(by_ref["id"], id);
    assert_eq!(by_ref["reference"], reference);
    // The year the received_at now has names no complaint.
    let other = reference.replace(&format!("C-{year}-"), "C-2020-");
    app.get(&format!("/api/v1/complaints/{other}"), token)
        .await
        .expect(404);

    // Out of range: refused, nothing changes.
    for bad in [
        "-001000-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z",
        "2999-01-01T00:00:00Z",
    ] {
        let res = app
            .patch_json(&path, token, &json!({"received_at": bad}))
            .await;
        res.expect_error(422, "validation_failed", Some("received_at"));
    }
    let now = app.complaint(id).await;
    assert_eq!(now["received_at"], "2020-06-01T10:00:00Z");
    assert_eq!(now["reference"], reference);
}

#[tokio::test]
async fn the_epoch_is_the_earliest_instant_accepted() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "Old.",
        "received_at": "1970-01-01T00:00:00Z"});
    let c = app.create_complaint_with(&draft).await;
    let id = c["id"].as_i64().unwrap();
    assert_eq!(c["reference"], format!("C-1970-{id:06}"));
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "Older.",
        "received_at": "1969-12-31T23:59:59.999999Z"});
    let res = app
        .post_json("/api/v1/complaints", &app.agent.token, &draft)
        .await;
    res.expect_error(422, "validation_failed", Some("received_at"));
    let reason = res.body["error"]["fields"]["received_at"].as_str().unwrap();
    assert!(reason.contains("1970-01-01T00:00:00Z"), "{reason}");
}
