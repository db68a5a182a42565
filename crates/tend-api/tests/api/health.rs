//! `/healthz`, `/readyz` and the OpenAPI document: open to all, no token needed.

use serde_json::Value;

use crate::helpers::{Reply, spawn_app};

#[tokio::test]
async fn health_and_readiness_answer_200_without_a_token() {
    let app = spawn_app().await;
    let res = Reply::send(app.client.get(app.url("/healthz"))).await;
    assert_eq!((res.status.as_u16(), res.text.as_str()), (200, "ok"));
    let res = Reply::send(app.client.get(app.url("/readyz"))).await;
    assert_eq!((res.status.as_u16(), res.text.as_str()), (200, "ready"));
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.store.close().await;
    let res = Reply::send(app.client.get(app.url("/readyz"))).await;
    assert_eq!(res.status.as_u16(), 503, "{}", res.text);
    let res = Reply::send(app.client.get(app.url("/healthz"))).await;
    assert_eq!(res.status.as_u16(), 200, "the process still answers");
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = spawn_app().await;
    let res = Reply::send(app.client.get(app.url("/api/openapi.json"))).await;
    let doc = res.expect(200);
    let version = doc["openapi"].as_str().expect("an openapi version");
    assert!(version.starts_with("3."), "{version}");
    let paths = doc["paths"].as_object().expect("paths");
    for p in [
        "/api/v1/complaints",
        "/api/v1/complaints/{id}",
        "/api/v1/complaints/{id}/actions",
        "/api/v1/complaints/{id}/steps",
        "/api/v1/complaints/{id}/timeline",
        "/api/v1/customers",
        "/api/v1/customers/{id}",
        "/api/v1/categories",
        "/api/v1/products",
        "/api/v1/channels",
        "/healthz",
        "/readyz",
    ] {
        assert!(
            paths.contains_key(p),
            "{p} is missing from {:?}",
            paths.keys().collect::<Vec<_>>()
        );
    }
    assert!(paths["/api/v1/complaints"]["post"].is_object());
    assert!(paths["/api/v1/complaints/{id}/actions"]["post"].is_object());
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    assert!(
        doc["components"]["schemas"]["Action"] != Value::Null,
        "the Action schema is published"
    );
}

#[tokio::test]
async fn the_documents_enums_are_the_values_the_server_speaks() {
    let app = spawn_app().await;
    let doc = Reply::send(app.client.get(app.url("/api/openapi.json")))
        .await
        .expect(200);
    let schemas = &doc["components"]["schemas"];
    for (name, values) in [
        ("Priority", vec!["low", "normal", "high", "urgent"]),
        (
            "Kind",
            vec!["complaint", "feedback", "question", "suggestion", "praise"],
        ),
        ("SolutionMode", vec!["on_the_spot", "promised"]),
        (
            "FollowUpOutcome",
            vec!["satisfied", "not_satisfied", "no_answer"],
        ),
        (
            "Status",
            vec![
                "received",
                "understood",
                "cause_identified",
                "solution_agreed",
                "resolved",
                "closed",
            ],
        ),
        (
            "ResponsibleParty",
            vec!["company", "customer", "vendor", "shipping", "other"],
        ),
        (
            "CompensationKind",
            vec!["refund", "credit", "replacement", "coupon", "other"],
        ),
    ] {
        assert_eq!(schemas[name]["enum"], serde_json::json!(values), "{name}");
    }
    // And the server takes them: a complaint with priority "high" is stored.
    let customer = app.create_customer().await;
    let draft = serde_json::json!({"customer_id": customer, "channel": "phone",
        "description": "Loud.", "priority": "high", "kind": "question"});
    let c = app.create_complaint_with(&draft).await;
    assert_eq!(c["priority"], "high");
}
