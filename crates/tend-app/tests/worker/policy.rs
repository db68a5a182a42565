//! The policy review reminder: queued with the approval, mailed to the owner (the
//! administrator) 14 days before an area's next review date, once, only inside the e-mail
//! channel's hours, in the owner's language, through the test kit's real SMTP server; nothing
//! for a superseded version.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{madrid, madrid_office, recipients, run_at, worker};
use tend_app::mail::Mailer;
use tend_domain::kernel::ids::EmployeeId;

/// The review reminders received.
fn reminders(inbox: &[Value]) -> Vec<Value> {
    inbox
        .iter()
        .filter(|m| {
            let s = m["subject"].as_str().unwrap_or("");
            s.contains("is due for review") || s.contains("gözden geçirilmesi gerekiyor")
        })
        .cloned()
        .collect()
}

/// A version with the returns area due for review on `review_on`, approved from `from`.
async fn approved(app: &TestApp, review_on: &str, from: &str) -> i64 {
    let draft = json!({"note": "Returns", "areas": [{"area": "returns", "review_on": review_on,
        "texts": {"en": "Returns within 30 days."}}]});
    let v = app
        .post_json("/api/v1/policy", &app.manager.token, &draft)
        .await
        .expect(201);
    let id = v["id"].as_i64().unwrap();
    let body = json!({"effective_from": from});
    let path = format!("/api/v1/policy/{id}/approve");
    app.post_json(&path, &app.manager.token, &body)
        .await
        .expect(200);
    id
}

#[tokio::test]
async fn the_review_reminder_is_mailed_once_inside_hours_14_days_before() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    madrid_office(&app, "email", false).await;
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    // Review on Wednesday 1 April: the reminder is due on Wednesday 18 March, 00:00 in
    // Madrid, and goes out when the e-mail channel opens at 09:00.
    approved(&app, "2026-04-01", "2026-03-06").await;
    run_at(&app, &w, madrid("2026-03-17 23:59")).await;
    assert!(reminders(&smtp.inbox()).is_empty(), "not before its day");
    run_at(&app, &w, madrid("2026-03-18 00:00")).await;
    run_at(&app, &w, madrid("2026-03-18 08:59")).await;
    assert!(reminders(&smtp.inbox()).is_empty(), "nothing while closed");
    run_at(&app, &w, madrid("2026-03-18 09:00")).await;
    run_at(&app, &w, madrid("2026-03-18 12:00")).await;
    run_at(&app, &w, madrid("2026-03-25 09:00")).await;
    let got = reminders(&smtp.inbox());
    assert_eq!(recipients(&got), ["admin@tend.test"], "once, to the owner");
    assert_eq!(
        got[0]["subject"],
        "The policy area \"Returns\" is due for review on Apr 1, 2026"
    );
    let text = got[0]["text"].as_str().unwrap();
    assert!(text.contains("/plan/policy"), "{text}");
    assert!(text.contains("Hello Ada Admin"), "{text}");
}

#[tokio::test]
async fn a_superseded_version_is_not_reminded_and_the_owner_reads_their_language() {
    let app = spawn_app().await;
    let owner = EmployeeId(app.admin.id);
    app.store.set_employee_language(owner, "tr").await.unwrap();
    let smtp = SmtpServer::start();
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    approved(&app, "2026-04-01", "2026-03-06").await;
    // Version 2 takes effect on 10 March with a later review date (reminded 1 May).
    approved(&app, "2026-05-15", "2026-03-10").await;
    run_at(&app, &w, "2026-03-20T12:00:00Z".parse().unwrap()).await;
    assert!(reminders(&smtp.inbox()).is_empty(), "{:#?}", smtp.inbox());
    run_at(&app, &w, "2026-05-01T12:00:00Z".parse().unwrap()).await;
    let got = reminders(&smtp.inbox());
    assert_eq!(recipients(&got), ["admin@tend.test"]);
    assert_eq!(
        got[0]["subject"],
        "\"İadeler\" politika alanının 15.05.2026 tarihinde gözden geçirilmesi gerekiyor"
    );
}
