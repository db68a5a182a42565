//! The help article review reminder: queued when an owner and a review date are saved, mailed
//! to the owner once when the date arrives (inside the e-mail channel's hours), in their
//! language; nothing for a date changed meanwhile.

use serde_json::{Value, json};
use tend_domain::help::Visibility;
use tend_domain::kernel::ids::EmployeeId;
use tend_store::ArticleSettings;

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{madrid, madrid_office, recipients, run_at, worker};
use tend_app::help::review::plan_review;
use tend_app::mail::Mailer;

fn reminders(inbox: &[Value]) -> Vec<Value> {
    inbox
        .iter()
        .filter(|m| {
            let s = m["subject"].as_str().unwrap_or("");
            s.contains("help article") || s.contains("yardım makalesinin")
        })
        .cloned()
        .collect()
}

/// A public article titled "Refunds" (en) and "İadeler" (tr).
async fn article(app: &TestApp) -> i64 {
    let m = &app.manager.token;
    let id = app
        .post_json("/api/v1/articles", m, &json!({"visibility": "public"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    for (lang, title) in [("en", "Refunds"), ("tr", "İadeler")] {
        let t = json!({"lang": lang, "title": title, "body": "Text", "status": "published"});
        let path = format!("/api/v1/articles/{id}/translations");
        app.post_json(&path, m, &t).await.expect(200);
    }
    id
}

fn public() -> ArticleSettings {
    ArticleSettings {
        visibility: Visibility::Public,
        category_id: None,
        product_id: None,
    }
}

#[tokio::test]
async fn help_review_reminder_is_mailed_once_to_the_owner_when_the_date_arrives() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    madrid_office(&app, "email", false).await;
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    let id = article(&app).await;
    let owner = Some(EmployeeId(app.agent.id));
    let on = "2026-03-18".parse().ok();
    plan_review(&app.state, id, &public(), owner, on)
        .await
        .unwrap();
    // Saving the same date again queues nothing more.
    plan_review(&app.state, id, &public(), owner, on)
        .await
        .unwrap();
    run_at(&app, &w, madrid("2026-03-17 23:59")).await;
    assert!(reminders(&smtp.inbox()).is_empty(), "not before its day");
    run_at(&app, &w, madrid("2026-03-18 08:59")).await;
    assert!(reminders(&smtp.inbox()).is_empty(), "nothing while closed");
    run_at(&app, &w, madrid("2026-03-18 09:00")).await;
    run_at(&app, &w, madrid("2026-03-19 12:00")).await;
    run_at(&app, &w, madrid("2026-03-25 09:00")).await;
    let got = reminders(&smtp.inbox());
    assert_eq!(recipients(&got), ["agent@tend.test"], "once, to the owner");
    assert_eq!(
        got[0]["subject"],
        "The help article \"Refunds\" was due for review on Mar 18, 2026"
    );
    let text = got[0]["text"].as_str().unwrap();
    assert!(text.contains(&format!("/help/articles/{id}")), "{text}");
    assert!(text.contains("Hello Arturo Agent"), "{text}");
}

#[tokio::test]
async fn help_review_a_changed_date_is_not_reminded_and_the_owner_reads_turkish() {
    let app = spawn_app().await;
    let owner = EmployeeId(app.admin.id);
    app.store.set_employee_language(owner, "tr").await.unwrap();
    let smtp = SmtpServer::start();
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    let id = article(&app).await;
    let first = "2026-03-10".parse().ok();
    plan_review(&app.state, id, &public(), Some(owner), first)
        .await
        .unwrap();
    let later = "2026-04-01".parse().ok();
    plan_review(&app.state, id, &public(), Some(owner), later)
        .await
        .unwrap();
    run_at(&app, &w, "2026-03-20T12:00:00Z".parse().unwrap()).await;
    assert!(reminders(&smtp.inbox()).is_empty(), "{:#?}", smtp.inbox());
    run_at(&app, &w, "2026-04-01T12:00:00Z".parse().unwrap()).await;
    let got = reminders(&smtp.inbox());
    assert_eq!(recipients(&got), ["admin@tend.test"]);
    assert_eq!(
        got[0]["subject"],
        "\"İadeler\" yardım makalesinin 01.04.2026 tarihinde gözden geçirilmesi gerekiyordu"
    );
}
