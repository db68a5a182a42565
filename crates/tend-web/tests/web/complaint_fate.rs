//! The complaint page's manager forms: merge into another complaint of the same customer, and
//! delete with a reason and a ticked confirmation. Agents see neither and are refused.

use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn managers_merge_and_delete_from_the_complaint_page_agents_cannot() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let a = app.create_complaint(customer).await;
    let (a, ref_a) = (
        a["id"].as_i64().unwrap(),
        a["reference"].as_str().unwrap().to_owned(),
    );
    let b = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let c = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let agent = signed_in(&app, Role::Agent).await;
    let page = agent.get(&format!("/complaints/{b}")).await;
    assert!(
        !page.html.contains("/merge\""),
        "an agent sees no merge form"
    );
    let r = agent
        .submit(
            &format!("/complaints/{b}"),
            &format!("/complaints/{b}/merge"),
            &[("into", &ref_a)],
        )
        .await;
    assert_eq!(r.status, 403);

    let manager = signed_in(&app, Role::Manager).await;
    let from = format!("/complaints/{b}");
    assert!(
        manager
            .get(&from)
            .await
            .html
            .contains(&format!("/complaints/{b}/merge"))
    );
    let own = manager
        .submit(
            &from,
            &format!("/complaints/{b}/merge"),
            &[("into", &b.to_string())],
        )
        .await;
    assert_eq!(own.status, 422, "{}", own.html);
    assert!(own.html.contains("cannot be merged into itself"));
    let merged = manager
        .submit(
            &from,
            &format!("/complaints/{b}/merge"),
            &[("into", &ref_a)],
        )
        .await;
    assert_eq!(merged.status, 303, "{}", merged.html);
    assert_eq!(app.list_ids("").await, vec![c, a]);

    let from = format!("/complaints/{c}");
    let unconfirmed = manager
        .submit(
            &from,
            &format!("/complaints/{c}/delete"),
            &[("reason", "spam")],
        )
        .await;
    assert_eq!(unconfirmed.status, 422, "{}", unconfirmed.html);
    assert_eq!(app.list_ids("").await, vec![c, a]);
    let deleted = manager
        .submit(
            &from,
            &format!("/complaints/{c}/delete"),
            &[("reason", "spam"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(deleted.status, 303, "{}", deleted.html);
    assert_eq!(app.list_ids("").await, vec![a]);
    assert_eq!(manager.get(&from).await.status, 404);
}
