//! Taking access away from the settings page: an admin deactivates an employee (their open
//! session and their API tokens stop working at once), reactivates them, and revokes an
//! employee's tokens; each is in the audit log. Managers cannot; nobody deactivates themselves.

use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn admins_deactivate_reactivate_and_revoke_tokens_from_the_settings_page() {
    let app = spawn_app().await;
    let admin = signed_in(&app, Role::Admin).await;
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get("/inbox").await.status, 200);
    let id = app.agent.id;
    let token = app.agent.token.clone();
    assert_eq!(app.get("/api/v1/complaints", &token).await.status, 200);

    // A manager sees no buttons and is refused.
    let manager = signed_in(&app, Role::Manager).await;
    let page = manager.get("/settings").await;
    assert!(!page.html.contains(&format!("id=\"deactivate-{id}\"")));
    let path = format!("/settings/employees/{id}/active");
    let res = manager.submit("/settings", &path, &[("active", "0")]).await;
    assert_eq!(res.status, 403);
    // Without the CSRF token nothing happens.
    let res = admin.post_raw(&path, &[("active", "0")]).await;
    assert_eq!(res.status, 403);
    assert_eq!(app.get("/api/v1/complaints", &token).await.status, 200);

    // Revoking the agent's tokens: the token is refused at once, the session still works.
    let page = admin.get("/settings").await;
    assert!(page.html.contains(&format!("id=\"revoke-{id}\"")));
    let revoke = format!("/settings/employees/{id}/revoke-tokens");
    let res = admin.submit("/settings", &revoke, &[]).await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert_eq!(app.get("/api/v1/complaints", &token).await.status, 401);

    // Deactivating the agent signed in above: their next page is the sign-in page.
    let agent_id = {
        let staff = app.store.employees().await.unwrap();
        staff
            .iter()
            .find(|e| e.name.starts_with("Web agent"))
            .unwrap()
            .id
            .0
    };
    let path = format!("/settings/employees/{agent_id}/active");
    let res = admin.submit("/settings", &path, &[("active", "0")]).await;
    assert_eq!(res.status, 303, "{}", res.html);
    let after = agent.get("/inbox").await;
    assert_ne!(after.status, 200, "a deactivated employee's session stops");
    let page = admin.get("/settings").await;
    assert!(page.html.contains(&format!("id=\"inactive-{agent_id}\"")));
    assert!(page.html.contains(&format!("id=\"reactivate-{agent_id}\"")));
    let res = admin.submit("/settings", &path, &[("active", "1")]).await;
    assert_eq!(res.status, 303);
    assert!(
        !admin
            .get("/settings")
            .await
            .html
            .contains(&format!("id=\"inactive-{agent_id}\""))
    );

    // Nobody deactivates themselves.
    let me = {
        let staff = app.store.employees().await.unwrap();
        staff
            .iter()
            .find(|e| e.name.starts_with("Web admin"))
            .unwrap()
            .id
            .0
    };
    let page = admin.get("/settings").await;
    assert!(!page.html.contains(&format!("id=\"deactivate-{me}\"")));
    let path = format!("/settings/employees/{me}/active");
    let res = admin.submit("/settings", &path, &[("active", "0")]).await;
    assert_eq!(res.status, 403);

    // Each action is in the audit log.
    let audit = admin.get("/settings/audit").await;
    assert_eq!(audit.status, 200);
    for action in [
        "API tokens revoked",
        "Employee deactivated",
        "Employee reactivated",
    ] {
        let cell = format!("data-label=\"Action\">{action}<");
        assert!(audit.html.contains(&cell), "{action}: {}", audit.html);
    }
}
