//! Revoking a token, deactivating an employee and demoting one take effect at once — on this
//! server and on any other sharing the database — although verified tokens are cached.

use serde_json::json;
use tend_app::AppState;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::text::Tier;
use tend_domain::staff::Role;
use tend_store::{Store, StoreOptions};
use tend_web::WebConfig;

use crate::helpers::{Reply, now, serve, spawn_app};

async fn get(client: &reqwest::Client, url: String, token: &str) -> u16 {
    Reply::send(client.get(url).bearer_auth(token))
        .await
        .status
        .as_u16()
}

#[tokio::test]
async fn changes_to_who_may_do_what_take_effect_at_once_on_every_server() {
    let app = spawn_app().await;
    // A second server on the same database, with its own store handle and token cache.
    let other = Store::open(&StoreOptions::new(app.database_url.clone()))
        .await
        .unwrap();
    let second = serve(
        AppState::new(other, app.clock.clone()),
        WebConfig::default(),
    )
    .await;
    let c = &app.client;
    let on = |base: &str| format!("{base}/api/v1/complaints");
    let servers = [app.address.clone(), second.clone()];

    // Warm both caches.
    for base in &servers {
        assert_eq!(get(c, on(base), &app.agent.token).await, 200);
        assert_eq!(get(c, on(base), &app.viewer.token).await, 200);
    }

    // Demoted: the agent may no longer work complaints, at once, on both servers.
    let agent = EmployeeId(app.agent.id);
    app.store
        .set_employee_role(agent, Role::Viewer, Tier::FRONT_LINE, now(), &cli())
        .await
        .unwrap();
    let customer = json!({"name": "Ana"});
    for base in &servers {
        let res = Reply::send(
            c.post(format!("{base}/api/v1/customers"))
                .bearer_auth(&app.agent.token)
                .json(&customer),
        )
        .await;
        res.expect_error(403, "forbidden", None);
    }

    // Revoked: 401 at once on both servers; other employees' tokens still work.
    let n = app
        .store
        .revoke_tokens(agent, None, now(), &cli())
        .await
        .unwrap();
    assert_eq!(n, 1);
    for base in &servers {
        assert_eq!(get(c, on(base), &app.agent.token).await, 401);
        assert_eq!(get(c, on(base), &app.viewer.token).await, 200);
    }

    // Deactivated: the viewer's token stops at once too, and comes back on reactivation.
    let viewer = EmployeeId(app.viewer.id);
    app.store
        .set_employee_active(viewer, false, now(), &cli())
        .await
        .unwrap();
    for base in &servers {
        assert_eq!(get(c, on(base), &app.viewer.token).await, 401);
    }
    app.store
        .set_employee_active(viewer, true, now(), &cli())
        .await
        .unwrap();
    assert_eq!(get(c, on(&second), &app.viewer.token).await, 200);
    // The revoked token stays revoked.
    app.store
        .set_employee_role(agent, Role::Agent, Tier::FRONT_LINE, now(), &cli())
        .await
        .unwrap();
    assert_eq!(get(c, on(&second), &app.agent.token).await, 401);
}

#[tokio::test]
async fn revoking_by_label_leaves_other_tokens() {
    let app = spawn_app().await;
    let id = EmployeeId(app.manager.id);
    let now = now();
    let ci = app
        .store
        .create_token(id, Some("ci"), now, &cli())
        .await
        .unwrap();
    let laptop = app
        .store
        .create_token(id, Some("laptop"), now, &cli())
        .await
        .unwrap();
    let url = app.url("/api/v1/complaints");
    assert_eq!(get(&app.client, url.clone(), &ci).await, 200);
    let n = app
        .store
        .revoke_tokens(id, Some("ci"), now, &cli())
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(get(&app.client, url.clone(), &ci).await, 401);
    assert_eq!(get(&app.client, url.clone(), &laptop).await, 200);
    assert_eq!(get(&app.client, url, &app.manager.token).await, 200);
    assert!(
        app.store
            .set_employee_active(EmployeeId(999_999), false, now, &cli())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn admins_revoke_and_deactivate_over_the_api() {
    let app = spawn_app().await;
    let url = app.url("/api/v1/complaints");
    let revoke = format!("/api/v1/employees/{}/tokens/revoke", app.agent.id);
    let active = format!("/api/v1/employees/{}/active", app.viewer.id);

    // Only admins.
    app.post_json(&revoke, &app.manager.token, &json!({}))
        .await
        .expect_error(403, "forbidden", None);
    assert_eq!(get(&app.client, url.clone(), &app.agent.token).await, 200);

    let body = app
        .post_json(&revoke, &app.admin_token, &json!({}))
        .await
        .expect(200);
    assert_eq!(body["revoked"], 1);
    assert_eq!(get(&app.client, url.clone(), &app.agent.token).await, 401);
    app.post_json(
        "/api/v1/employees/999999/tokens/revoke",
        &app.admin_token,
        &json!({}),
    )
    .await
    .expect_error(404, "not_found", None);

    app.put_json(&active, &app.admin_token, &json!({"active": "no"}))
        .await
        .expect_error(422, "validation_failed", Some("active"));
    let res = app
        .put_json(&active, &app.admin_token, &json!({"active": false}))
        .await;
    assert_eq!(res.status.as_u16(), 204, "{}", res.text);
    assert_eq!(get(&app.client, url.clone(), &app.viewer.token).await, 401);
    let res = app
        .put_json(&active, &app.admin_token, &json!({"active": true}))
        .await;
    assert_eq!(res.status.as_u16(), 204);
    assert_eq!(get(&app.client, url, &app.viewer.token).await, 200);
}

fn cli() -> tend_store::Actor {
    tend_store::Actor::system("cli")
}
