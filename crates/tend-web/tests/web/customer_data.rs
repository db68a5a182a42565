//! A customer's data from their page: managers and admins export it as JSON; only admins
//! anonymise, after a confirmation step.

use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn managers_export_and_admins_anonymise_after_confirming() {
    let app = spawn_app().await;
    let id = app.create_customer_named("Zebulon Quartermaine").await;
    app.create_complaint(id).await;
    let page = format!("/customers/{id}");
    let export = format!("/customers/{id}/export");
    let confirm = format!("/customers/{id}/anonymise");

    let agent = signed_in(&app, Role::Agent).await;
    assert!(!agent.get(&page).await.html.contains("id=\"export\""));
    assert_eq!(agent.get(&export).await.status, 403);

    let manager = signed_in(&app, Role::Manager).await;
    let shown = manager.get(&page).await;
    assert!(shown.html.contains("id=\"export\""));
    assert!(!shown.html.contains("id=\"anonymise\""));
    let file = manager.get(&export).await;
    assert_eq!(file.status, 200);
    assert!(
        file.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains(&format!("customer-{id}.json"))
    );
    let doc: serde_json::Value = serde_json::from_str(&file.html).unwrap();
    assert_eq!(doc["customer"]["name"], "Zebulon Quartermaine");
    assert_eq!(doc["complaints"].as_array().unwrap().len(), 1);
    assert_eq!(manager.get(&confirm).await.status, 403);

    let admin = signed_in(&app, Role::Admin).await;
    assert!(admin.get(&page).await.html.contains("id=\"anonymise\""));
    let form = admin.get(&confirm).await;
    assert!(form.html.contains("This cannot be undone."));
    // Not confirmed: refused, nothing changed.
    let res = admin.submit(&confirm, &confirm, &[]).await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(res.html.contains("Tick the box to confirm."));
    let stored = app
        .get(&format!("/api/v1/customers/{id}"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(stored["name"], "Zebulon Quartermaine");
    // Without the form's token: refused.
    let res = admin.post_raw(&confirm, &[("understood", "1")]).await;
    assert_eq!(res.status, 403);
    let res = admin
        .submit(&confirm, &confirm, &[("understood", "1")])
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert_eq!(res.location(), page);
    let stored = app
        .get(&format!("/api/v1/customers/{id}"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(stored["name"], "Anonymised customer");
    assert!(!admin.get(&page).await.html.contains("Zebulon"));
}
