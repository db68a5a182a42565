//! Consent to later contact kept apart from updates about the case: the public form's choice
//! is unticked and separate, every change is in the append-only consent log with how it came
//! about (public form, status page, mail link, staff edit, API), and it is withdrawable from
//! the status page and from the link every mail carries.

use serde_json::json;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;

/// `(given, via)` of each entry of a customer's consent log, oldest first.
async fn log(app: &crate::helpers::TestApp, id: i64) -> Vec<(bool, ConsentVia)> {
    let entries = app.store.consent_log(CustomerId(id)).await.unwrap();
    entries.into_iter().map(|e| (e.given, e.via)).collect()
}

/// Sends the public form as `email`, with or without the later-contact choice; returns the
/// status link and the new customer's id.
async fn complain(
    app: &crate::helpers::TestApp,
    b: &Browser,
    email: &str,
    later: bool,
) -> (String, i64) {
    let mut fields = vec![
        ("kind", "complaint"),
        ("name", "Jane Doe"),
        ("email", email),
        ("description", "The lid broke on day one."),
        ("website", ""),
    ];
    if later {
        fields.push(("later_contact", "1"));
    }
    let res = b.submit("/complain", "/complain", &fields).await;
    assert_eq!(res.status, 303, "{}", res.html);
    let link = b.get(res.location()).await.href_of("status-link");
    let found = app
        .get(&format!("/api/v1/customers?q={email}"), &app.viewer.token)
        .await
        .expect(200);
    (
        link,
        found["items"][0]["id"].as_i64().expect("the customer"),
    )
}

#[tokio::test]
async fn the_public_form_asks_consent_apart_and_unticked() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let form = b.get("/complain").await;
    assert!(
        form.html
            .contains("We will send you updates about this case")
    );
    assert!(
        form.html.contains("name=\"later_contact\" value=\"1\">"),
        "unticked"
    );
    assert!(!form.html.contains("checked"), "nothing ticked in advance");
    assert!(!form.html.contains("name=\"updates\""));

    let (_, silent) = complain(&app, &b, "silent@example.com", false).await;
    let stored = app
        .get(&format!("/api/v1/customers/{silent}"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(stored["consent_to_contact"], false);
    assert!(log(&app, silent).await.is_empty());

    let (_, agreed) = complain(&app, &b, "agreed@example.com", true).await;
    assert_eq!(log(&app, agreed).await, [(true, ConsentVia::PublicForm)]);
}

#[tokio::test]
async fn consent_is_withdrawn_on_the_status_page() {
    let app = spawn_app().await;
    let b = Browser::new(&app);
    let (link, id) = complain(&app, &b, "jane@example.com", true).await;
    let status = b.get(&link).await;
    assert!(
        status
            .html
            .contains("You agreed that we may contact you later")
    );
    let res = b.submit(&link, &format!("{link}/consent"), &[]).await;
    assert_eq!(res.status, 303, "{}", res.html);
    let status = b.get(&link).await;
    assert!(
        status
            .html
            .contains("We will only write to you about this case.")
    );
    assert_eq!(
        log(&app, id).await,
        [
            (true, ConsentVia::PublicForm),
            (false, ConsentVia::StatusPage)
        ]
    );
    // Without the form's token nothing changes; withdrawing twice logs once.
    let res = b.post_raw(&format!("{link}/consent"), &[]).await;
    assert_eq!(res.status, 403);
    b.submit(&link, &format!("{link}/consent"), &[]).await;
    assert_eq!(log(&app, id).await.len(), 2);
}

#[tokio::test]
async fn the_mail_link_confirms_then_withdraws() {
    let app = spawn_app().await;
    let body = json!({"name": "Ana Pérez", "email": "ana@example.com", "consent_to_contact": true});
    let id = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let token = app.store.consent_token(CustomerId(id)).await.unwrap();
    let b = Browser::new(&app);
    let link = format!("/consent/{token}");
    // Following the link (as a mail scanner would) changes nothing.
    let page = b.get(&link).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("Stop all later contact from us"));
    assert_eq!(log(&app, id).await, [(true, ConsentVia::Api)]);
    let done = b.submit(&link, &link, &[]).await;
    assert_eq!(done.status, 200, "{}", done.html);
    assert!(done.html.contains("we will not contact you later"));
    assert_eq!(
        log(&app, id).await,
        [(true, ConsentVia::Api), (false, ConsentVia::MailLink)]
    );
    // A forged or another kind of token is not found.
    let forged = format!("{id}.{}", "A".repeat(43));
    assert_eq!(b.get(&format!("/consent/{forged}")).await.status, 404);
    let complaint = app.create_complaint(id).await["id"].as_i64().unwrap();
    let status = app
        .store
        .status_token(tend_domain::kernel::ids::ComplaintId(complaint))
        .await
        .unwrap();
    assert_eq!(b.get(&format!("/consent/{status}")).await.status, 404);
}

#[tokio::test]
async fn staff_and_api_changes_are_logged_with_how() {
    let app = spawn_app().await;
    let id = app.create_customer().await;
    assert!(log(&app, id).await.is_empty());
    let patch = json!({"consent_to_contact": true});
    app.patch_json(&format!("/api/v1/customers/{id}"), &app.agent.token, &patch)
        .await
        .expect(200);
    // A change of something else logs nothing.
    let patch = json!({"city": "Sevilla"});
    app.patch_json(&format!("/api/v1/customers/{id}"), &app.agent.token, &patch)
        .await
        .expect(200);
    let agent = signed_in(&app, Role::Agent).await;
    let edit = format!("/customers/{id}/edit");
    let res = agent
        .submit(
            &edit,
            &edit,
            &[("name", "Ayşe Yılmaz"), ("city", "Sevilla")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert_eq!(
        log(&app, id).await,
        [(true, ConsentVia::Api), (false, ConsentVia::StaffEdit)]
    );
    // The log is append-only in the database itself.
    for sql in [
        "UPDATE customer_consent_log SET via = 'api'",
        "DELETE FROM customer_consent_log",
    ] {
        let refused = tend_store::testing::execute(&app.database_url, sql).await;
        assert!(refused.is_err_and(|e| e.contains("append-only")), "{sql}");
    }
}
