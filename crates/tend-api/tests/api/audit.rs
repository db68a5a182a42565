//! `GET /api/v1/audit`: every staff action (token, role, activation, channel setting) leaves one
//! row naming who, what and when, newest first; admins only; paged by cursor.

use serde_json::{Value, json};
use tend_domain::catalog::ChannelCode;

use crate::helpers::{now, spawn_app};

fn row(v: &Value) -> (String, String, String, String) {
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    (s("actor"), s("action"), s("subject"), s("detail"))
}

#[tokio::test]
async fn staff_actions_are_audited_newest_first_for_admins_only() {
    let app = spawn_app().await;
    // The four test tokens, issued by the test set-up.
    let start = app.get("/api/v1/audit", &app.admin_token).await.expect(200);
    let items = start["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(
        row(&items[0]),
        (
            "tests".into(),
            "token_created".into(),
            "viewer@tend.test".into(),
            "tests".into()
        )
    );
    assert!(items[0]["actor_id"].is_null());
    assert_eq!(items[0]["at"], now().to_string());

    let revoke = format!("/api/v1/employees/{}/tokens/revoke", app.agent.id);
    app.post_json(&revoke, &app.admin_token, &json!({"label": "tests"}))
        .await
        .expect(200);
    let active = format!("/api/v1/employees/{}/active", app.viewer.id);
    let res = app
        .put_json(&active, &app.admin_token, &json!({"active": false}))
        .await;
    assert_eq!(res.status.as_u16(), 204);
    let std =
        json!({"targets": {"normal": {"first_response_minutes": 240, "resolution_minutes": 960}}});
    app.put_json(
        "/api/v1/channels/phone/response-standards",
        &app.manager.token,
        &std,
    )
    .await
    .expect(200);
    // A refused change writes nothing.
    app.put_json(&active, &app.manager.token, &json!({"active": true}))
        .await
        .expect_error(403, "forbidden", None);

    let page = app
        .get("/api/v1/audit?limit=3", &app.admin_token)
        .await
        .expect(200);
    let got: Vec<_> = page["items"].as_array().unwrap().iter().map(row).collect();
    let stored = app
        .store
        .response_standards(&ChannelCode::parse("phone").unwrap())
        .await
        .unwrap();
    assert_eq!(
        got,
        vec![
            (
                "Mona Manager".into(),
                "response_standards_set".into(),
                "phone".into(),
                serde_json::to_string(&stored).unwrap()
            ),
            (
                "Ada Admin".into(),
                "employee_deactivated".into(),
                "viewer@tend.test".into(),
                String::new()
            ),
            (
                "Ada Admin".into(),
                "tokens_revoked".into(),
                "agent@tend.test".into(),
                "label=tests n=1".into()
            ),
        ]
    );
    assert_eq!(page["items"][1]["actor_id"], app.admin.id);
    let cursor = page["next_cursor"].as_str().unwrap().to_owned();
    let rest = app
        .get(
            &format!("/api/v1/audit?limit=200&cursor={cursor}"),
            &app.admin_token,
        )
        .await
        .expect(200);
    assert_eq!(
        rest["items"].as_array().unwrap().len(),
        4,
        "the set-up's tokens"
    );
    assert!(rest["next_cursor"].is_null());

    app.get("/api/v1/audit", &app.manager.token)
        .await
        .expect_error(403, "forbidden", None);
    app.get("/api/v1/audit?limit=0", &app.admin_token)
        .await
        .expect_error(422, "validation_failed", Some("limit"));
    app.get("/api/v1/audit?cursor=x", &app.admin_token)
        .await
        .expect_error(422, "validation_failed", Some("cursor"));
}
