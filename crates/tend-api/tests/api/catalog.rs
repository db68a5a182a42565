//! `/api/v1/channels`, `/categories`, `/products` and `/employees`: what complaints are filed against.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_seven_built_in_channels_are_listed() {
    let app = spawn_app().await;
    let channels = app
        .get("/api/v1/channels", &app.viewer.token)
        .await
        .expect(200);
    let codes: BTreeSet<&str> = channels
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    let want: BTreeSet<&str> = [
        "phone",
        "email",
        "web",
        "chat",
        "social",
        "in_person",
        "self_service",
    ]
    .into();
    assert_eq!(codes, want);
    assert_eq!(channels.as_array().unwrap().len(), 7);
    assert!(
        channels
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == &json!({"code": "email", "name": "E-mail"}))
    );
}

#[tokio::test]
async fn categories_form_a_tree() {
    let app = spawn_app().await;
    let mgr = &app.manager.token;
    let delivery = app
        .post_json("/api/v1/categories", mgr, &json!({"name": "Delivery"}))
        .await
        .expect(201);
    assert_eq!(delivery["parent_id"], Value::Null);
    let damaged = json!({"name": "  Damaged ", "parent_id": delivery["id"]});
    let damaged = app
        .post_json("/api/v1/categories", mgr, &damaged)
        .await
        .expect(201);
    assert_eq!(
        (&damaged["name"], &damaged["parent_id"]),
        (&json!("Damaged"), &delivery["id"])
    );
    let late = app
        .post_json(
            "/api/v1/categories",
            mgr,
            &json!({"name": "Late", "parent_id": delivery["id"]}),
        )
        .await
        .expect(201);

    let listed = app
        .get("/api/v1/categories", &app.viewer.token)
        .await
        .expect(200);
    let mut listed = listed.as_array().unwrap().clone();
    listed.sort_by_key(|c| c["id"].as_i64());
    assert_eq!(listed, [delivery.clone(), damaged, late]);

    let res = app
        .post_json(
            "/api/v1/categories",
            mgr,
            &json!({"name": "Orphan", "parent_id": 999_999}),
        )
        .await;
    res.expect_error(422, "validation_failed", Some("parent_id"));
    let res = app
        .post_json("/api/v1/categories", mgr, &json!({"name": "   "}))
        .await;
    res.expect_error(422, "validation_failed", Some("name"));
    assert_eq!(
        app.get("/api/v1/categories", mgr)
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn a_duplicate_category_name_under_the_same_parent_is_409() {
    let app = spawn_app().await;
    let mgr = &app.manager.token;
    let delivery = app
        .post_json("/api/v1/categories", mgr, &json!({"name": "Delivery"}))
        .await
        .expect(201);
    let billing = app
        .post_json("/api/v1/categories", mgr, &json!({"name": "Billing"}))
        .await
        .expect(201);
    let under = |parent: &Value| json!({"name": "Other", "parent_id": parent});
    app.post_json("/api/v1/categories", mgr, &under(&delivery["id"]))
        .await
        .expect(201);
    let res = app
        .post_json("/api/v1/categories", mgr, &under(&delivery["id"]))
        .await;
    res.expect_error(409, "conflict", Some("name"));
    app.post_json("/api/v1/categories", mgr, &under(&billing["id"]))
        .await
        .expect(201);
    let res = app
        .post_json("/api/v1/categories", mgr, &json!({"name": "Delivery"}))
        .await;
    res.expect_error(409, "conflict", Some("name"));
    assert_eq!(
        app.get("/api/v1/categories", mgr)
            .await
            .expect(200)
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[tokio::test]
async fn products_are_created_and_listed() {
    let app = spawn_app().await;
    let mgr = &app.manager.token;
    let oil = app
        .post_json(
            "/api/v1/products",
            mgr,
            &json!({"name": "Olive oil 1 L", "sku": "OO-1L"}),
        )
        .await
        .expect(201);
    assert_eq!(
        (&oil["name"], &oil["sku"]),
        (&json!("Olive oil 1 L"), &json!("OO-1L"))
    );
    let jar = app
        .post_json("/api/v1/products", mgr, &json!({"name": "Honey jar"}))
        .await
        .expect(201);
    assert_eq!(jar["sku"], Value::Null);
    let listed = app
        .get("/api/v1/products", &app.viewer.token)
        .await
        .expect(200);
    let mut listed = listed.as_array().unwrap().clone();
    listed.sort_by_key(|p| p["id"].as_i64());
    assert_eq!(listed, [oil, jar]);

    let res = app
        .post_json("/api/v1/products", mgr, &json!({"name": "Honey jar"}))
        .await;
    res.expect_error(409, "conflict", Some("name"));
    let res = app
        .post_json(
            "/api/v1/products",
            mgr,
            &json!({"name": "Long", "sku": "x".repeat(65)}),
        )
        .await;
    res.expect_error(422, "validation_failed", Some("sku"));
    let res = app
        .post_json("/api/v1/products", mgr, &json!({"sku": "X"}))
        .await;
    res.expect_error(422, "validation_failed", Some("name"));
}

#[tokio::test]
async fn employees_are_listed_with_their_roles() {
    let app = spawn_app().await;
    let listed = app
        .get("/api/v1/employees", &app.viewer.token)
        .await
        .expect(200);
    let got: BTreeSet<(i64, String, String)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_i64().unwrap(),
                e["name"].as_str().unwrap().to_owned(),
                e["role"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want: BTreeSet<(i64, String, String)> = [
        (&app.admin, "admin"),
        (&app.manager, "manager"),
        (&app.agent, "agent"),
        (&app.viewer, "viewer"),
    ]
    .into_iter()
    .map(|(s, r)| (s.id, s.name.clone(), r.to_owned()))
    .collect();
    assert_eq!(got, want);
    assert!(
        listed.to_string().find("password").is_none(),
        "no password hash leaves the server"
    );
}
