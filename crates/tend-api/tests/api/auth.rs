//! Bearer tokens and roles: who may read, who may work complaints, who may manage the catalog.

use serde_json::json;

use tend_domain::staff::Role;

use crate::helpers::{Reply, spawn_app};

#[tokio::test]
async fn no_token_is_401_with_a_bearer_challenge() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/complaints",
        "/api/v1/customers",
        "/api/v1/channels",
        "/api/v1/complaints/1/timeline",
    ] {
        let res = Reply::send(app.client.get(app.url(path))).await;
        let challenge = res
            .headers
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        res.expect_error(401, "unauthorized", None);
        assert_eq!(challenge.as_deref(), Some("Bearer"), "{path}");
    }
    let post = app
        .client
        .post(app.url("/api/v1/customers"))
        .json(&json!({"name": "Ana"}));
    Reply::send(post)
        .await
        .expect_error(401, "unauthorized", None);
    let page = app
        .get("/api/v1/customers", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(
        page["items"],
        json!([]),
        "an unauthenticated create stored a customer"
    );
}

#[tokio::test]
async fn a_bad_or_malformed_token_is_401() {
    let app = spawn_app().await;
    let bad = format!("{}x", app.agent.token);
    let headers = [
        format!("Bearer {bad}"),
        "Bearer tend_not-a-real-token".to_owned(),
        "Bearer ".to_owned(),
        format!("Basic {}", app.agent.token),
        app.agent.token.clone(),
        format!("Bearer {}", "a".repeat(500)),
    ];
    for h in headers {
        let req = app
            .client
            .get(app.url("/api/v1/complaints"))
            .header("authorization", &h);
        let res = Reply::send(req).await;
        assert!(res.headers.contains_key("www-authenticate"), "{h}");
        res.expect_error(401, "unauthorized", None);
    }
}

#[tokio::test]
async fn a_viewer_reads_but_cannot_write() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let c = app.create_complaint(customer).await;
    let v = &app.viewer.token;
    app.get("/api/v1/complaints", v).await.expect(200);
    app.get(&format!("/api/v1/complaints/{}", c["id"]), v)
        .await
        .expect(200);
    app.get(&format!("/api/v1/complaints/{}/timeline", c["id"]), v)
        .await
        .expect(200);
    app.get(&format!("/api/v1/customers/{customer}"), v)
        .await
        .expect(200);
    app.get("/api/v1/categories", v).await.expect(200);
    app.get("/api/v1/employees", v).await.expect(200);

    let draft = json!({"customer_id": customer, "channel": "phone", "description": "x"});
    app.post_json("/api/v1/complaints", v, &draft)
        .await
        .expect_error(403, "forbidden", None);
    app.post_json("/api/v1/customers", v, &json!({"name": "Ana"}))
        .await
        .expect_error(403, "forbidden", None);
    let act = json!({"action": "understand", "facts": "x"});
    let path = format!("/api/v1/complaints/{}", c["id"]);
    app.post_json(&format!("{path}/actions"), v, &act)
        .await
        .expect_error(403, "forbidden", None);
    app.post_json(&format!("{path}/steps"), v, &json!({"text": "x"}))
        .await
        .expect_error(403, "forbidden", None);
    app.patch_json(&path, v, &json!({"priority": "high"}))
        .await
        .expect_error(403, "forbidden", None);
    app.patch_json(
        &format!("/api/v1/customers/{customer}"),
        v,
        &json!({"city": "Rome"}),
    )
    .await
    .expect_error(403, "forbidden", None);

    assert_eq!(
        app.complaint(c["id"].as_i64().unwrap()).await,
        c,
        "the viewer changed the complaint"
    );
    assert_eq!(
        app.list_ids("").await.len(),
        1,
        "the viewer logged a complaint"
    );
}

#[tokio::test]
async fn an_agent_works_complaints_but_cannot_manage_the_catalog() {
    let app = spawn_app().await;
    let a = &app.agent.token;
    let customer = app
        .post_json("/api/v1/customers", a, &json!({"name": "Ana"}))
        .await
        .expect(201)["id"]
        .clone();
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "x"});
    app.post_json("/api/v1/complaints", a, &draft)
        .await
        .expect(201);
    app.post_json("/api/v1/categories", a, &json!({"name": "Delivery"}))
        .await
        .expect_error(403, "forbidden", None);
    app.post_json("/api/v1/products", a, &json!({"name": "Jar"}))
        .await
        .expect_error(403, "forbidden", None);
    let categories = app.get("/api/v1/categories", a).await.expect(200);
    assert_eq!(categories, json!([]), "the agent created a category");
}

/// What each role may do: `(role, POST /customers, POST /complaints, POST /categories,
/// POST /products)`.
const MATRIX: [(Role, [u16; 4]); 4] = [
    (Role::Viewer, [403, 403, 403, 403]),
    (Role::Agent, [201, 201, 403, 403]),
    (Role::Manager, [201, 201, 201, 201]),
    (Role::Admin, [201, 201, 201, 201]),
];

#[tokio::test]
async fn each_role_may_do_what_its_rank_allows() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    for (role, want) in MATRIX {
        let token = app.token(role);
        let name = format!("{role:?} thing");
        let complaint = json!({"customer_id": customer, "channel": "web", "description": "x"});
        let got = [
            ("/api/v1/customers", json!({"name": name})),
            ("/api/v1/complaints", complaint),
            ("/api/v1/categories", json!({"name": name})),
            ("/api/v1/products", json!({"name": name})),
        ];
        for ((path, body), want) in got.into_iter().zip(want) {
            let res = app.post_json(path, token, &body).await;
            assert_eq!(
                res.status.as_u16(),
                want,
                "{role:?} POST {path}: {}",
                res.text
            );
            if want == 403 {
                res.expect_error(403, "forbidden", None);
            }
        }
    }
    let categories = app.get("/api/v1/categories", &app.viewer.token).await;
    assert_eq!(categories.expect(200).as_array().unwrap().len(), 2);
}
