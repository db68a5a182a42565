//! The audit log page: admins only; a role changed on the settings page shows there with who
//! did it, in the reader's language, escaped; the menu links admins to it and to dead jobs.

use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::text::Tier;
use tend_domain::staff::Role;
use tend_store::Actor;

use crate::browser::signed_in;
use crate::helpers::{now, spawn_app};

#[tokio::test]
async fn admins_read_the_audit_log_of_staff_actions() {
    let app = spawn_app().await;
    let by = Actor::employee(EmployeeId(app.admin.id), "Ada <b>Admin</b>");
    let agent = EmployeeId(app.agent.id);
    app.store
        .set_employee_role(agent, Role::Manager, Tier::FRONT_LINE, now(), &by)
        .await
        .unwrap();

    for role in [Role::Manager, Role::Agent, Role::Viewer] {
        let other = signed_in(&app, role).await;
        assert_eq!(other.get("/settings/audit").await.status, 403, "{role:?}");
        let inbox = other.get("/inbox").await;
        assert!(!inbox.html.contains("href=\"/settings/audit\""), "{role:?}");
    }

    let admin = signed_in(&app, Role::Admin).await;
    let page = admin.get("/settings/audit").await;
    assert_eq!(page.status, 200, "{}", page.html);
    // The four test tokens of the set-up and the role change.
    assert!(page.html.contains("Entries listed: 5"), "{}", page.html);
    assert!(page.html.contains("Role changed"), "{}", page.html);
    assert!(page.html.contains("agent@tend.test"));
    assert!(page.html.contains("manager tier 1"));
    assert!(
        page.html.contains("Ada &#60;b&#62;Admin&#60;/b&#62;"),
        "escaped"
    );
    assert!(page.html.contains("href=\"/settings/audit\""));
    assert!(page.html.contains("href=\"/settings/jobs\""));

    let mut admin = admin;
    admin.accept_language = Some("es".into());
    let es = admin.get("/settings/audit").await;
    assert!(es.html.contains("Rol cambiado"), "{}", es.html);
}
