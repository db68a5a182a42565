//! The status page's satisfaction question and the mailed CSAT link are one instrument: one
//! answer per resolution whichever way it comes — answered on the status page first, the
//! mail does not go; answered by mail first, the status page refuses — and both take the
//! business's own reasons.

use std::collections::BTreeMap;

use jiff::SignedDuration;
use tend_app::csat::answer::{answer, answer_on_status_page};
use tend_app::mail::Mailer;
use tend_domain::csat::{CsatReason, CsatReasons};
use tend_domain::kernel::clock::Clock;
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{Actor, StoreError};

use crate::csat::{csat_mails, csat_token, form, resolved_at};
use crate::helpers::spawn_app;
use crate::smtp::SmtpServer;
use crate::{customer, recipients, run_at, worker};

fn reason(code: &str, en: &str) -> CsatReason {
    let labels: BTreeMap<String, String> = [("en", en), ("es", en), ("tr", en)]
        .into_iter()
        .map(|(l, t)| (l.to_owned(), format!("{t} ({l})")))
        .collect();
    CsatReason {
        code: code.to_owned(),
        labels,
    }
}

fn answered_already(r: &Result<tend_store::Complaint, StoreError>) -> bool {
    matches!(r, Err(StoreError::Conflict { field: "token", reason }) if reason.to_string().contains("answered already"))
}

#[tokio::test]
async fn the_status_page_and_the_mailed_link_are_one_csat_question() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    let ana = customer(&app, "Ana Pérez", "ana@example.com", true, "es").await;
    let own = CsatReasons::new(vec![
        reason("broken_again", "It broke again"),
        reason("rude", "Rude"),
    ])
    .unwrap();
    let by = Actor::system("tests");
    app.store
        .set_csat_reasons(&own, app.clock.now(), &by)
        .await
        .unwrap();
    let start = app.clock.now();

    // Answered on the status page two hours after the resolution: satisfied, so the
    // follow-up has its outcome; the question mailed 24 h later is not sent.
    let first = resolved_at(&app, ana, start).await;
    app.clock.set(start + SignedDuration::from_hours(2));
    let id = ComplaintId(first);
    answer_on_status_page(&app.state, id, form(5, None, None))
        .await
        .unwrap();
    let c = app.complaint(first).await;
    assert_eq!(c["follow_up_outcome"], "satisfied");
    assert_eq!(c["satisfaction_rating"], 5);
    let again = answer_on_status_page(&app.state, id, form(1, None, None)).await;
    assert!(answered_already(&again), "{again:?}");
    run_at(&app, &w, start + SignedDuration::from_hours(24)).await;
    assert!(csat_mails(&smtp.inbox()).is_empty(), "answered already");

    // Another complaint: asked by mail first, answered 2 with one of the business's reasons;
    // the status page then refuses, and a standard reason the business dropped is refused.
    let later = start + SignedDuration::from_hours(48);
    let second = resolved_at(&app, ana, later).await;
    run_at(&app, &w, later + SignedDuration::from_hours(24)).await;
    let asked = csat_mails(&smtp.inbox());
    assert_eq!(recipients(&asked), ["ana@example.com"]);
    let token = csat_token(&asked[0]);
    let dropped = answer(&app.state, &token, form(2, Some("too_slow"), None)).await;
    assert!(
        matches!(&dropped, Err(StoreError::Domain(e)) if e.to_string().contains("reason")),
        "{dropped:?}"
    );
    let why = Some("Se volvió a romper");
    answer(&app.state, &token, form(2, Some("broken_again"), why))
        .await
        .unwrap();
    let late = answer_on_status_page(&app.state, ComplaintId(second), form(5, None, None)).await;
    assert!(answered_already(&late), "{late:?}");
    let c = app.complaint(second).await;
    assert_eq!(c["satisfaction_rating"], 2);
    assert!(
        c["follow_up_outcome"].is_null(),
        "dissatisfied: follow-up open again"
    );
    let url = &app.database_url;
    assert_eq!(tend_store::testing::count(url, "csat_answers").await, 2);
    let stored = "csat_answers WHERE reason = 'broken_again'";
    assert_eq!(tend_store::testing::count(url, stored).await, 1);

    // Not resolved (reopened): the status page has no question to answer.
    let reopen = serde_json::json!({"action": "reopen", "reason": "Still broken"});
    app.act(second, &reopen).await.expect(200);
    let none = answer_on_status_page(&app.state, ComplaintId(second), form(4, None, None)).await;
    assert!(
        matches!(&none, Err(StoreError::Domain(e)) if e.to_string().contains("rating")),
        "{none:?}"
    );
}
