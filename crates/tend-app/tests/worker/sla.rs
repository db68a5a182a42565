//! Response standards: warnings and breaches reach the assignee once, at the right service
//! time; waiting on the customer holds them back; a breach escalates when the channel says so.

use serde_json::json;
use tend_domain::kernel::clock::Clock;

use tend_app::jobs::Worker;

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{madrid, madrid_office, recipients, run_at, worker};

#[tokio::test]
async fn warning_and_breach_reach_the_assignee_once_at_the_right_service_time() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    madrid_office(&app, "phone", true).await;
    // The company reads in Madrid: the agent, with no zone of their own, too.
    let by = tend_store::Actor::system("tests");
    let at = madrid("2026-03-06 16:00");
    let set = app
        .store
        .set_company_settings("Tend", "Europe/Madrid", at, &by);
    set.await.unwrap();
    let customer = app.create_customer().await;
    // Friday 16:30 in Madrid: first response due Monday 12:30, warned at 11:42.
    let draft = json!({"customer_id": customer, "channel": "phone",
        "description": "The kettle leaks.", "assignee_id": app.agent.id});
    let c = app.create_complaint_with(&draft).await;
    let id = c["id"].as_i64().unwrap();
    let w = worker(
        &app,
        Some(tend_app::mail::Mailer::new(&smtp.settings()).unwrap()),
        "w1",
    );

    run_at(&app, &w, madrid("2026-03-06 16:30")).await;
    assert_eq!(
        recipients(&smtp.inbox()),
        ["agent@tend.test"],
        "the assignment"
    );
    run_at(&app, &w, madrid("2026-03-09 11:41")).await;
    assert_eq!(
        smtp.inbox().len(),
        1,
        "no warning before 80 % of the service time"
    );

    run_at(&app, &w, madrid("2026-03-09 11:42")).await;
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 2, "{inbox:#?}");
    assert_eq!(inbox[1]["rcpt_tos"][0], "agent@tend.test");
    let text = inbox[1]["text"].as_str().unwrap();
    assert!(text.contains(c["reference"].as_str().unwrap()), "{text}");
    assert!(
        text.contains("Mar 9, 2026 12:30 CET"),
        "the due time, in the reader's zone (the company's), named: {text}"
    );

    run_at(&app, &w, madrid("2026-03-09 12:29")).await;
    assert_eq!(smtp.inbox().len(), 2, "the warning fired once");
    run_at(&app, &w, madrid("2026-03-09 12:30")).await;
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 3, "the breach: {inbox:#?}");
    assert_ne!(inbox[2]["subject"], inbox[1]["subject"]);
    // Escalated one tier up by Tend, once.
    let after = app.complaint(id).await;
    assert_eq!(after["escalation"]["to"], app.manager.id, "to the manager");
    let escalations = app
        .timeline(id)
        .await
        .into_iter()
        .filter(|e| e["action"] == "escalate" && e["field"] == "tier")
        .count();
    assert_eq!(escalations, 1);
    assert_eq!(after["first_response"]["state"], "breached");

    run_at(&app, &w, madrid("2026-03-10 16:59")).await;
    // Only the resolution warning (Tuesday 13:18) came since: the breach did not repeat.
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 4, "{inbox:#?}");
    let counts = app.store.job_counts(app.clock.now()).await.unwrap();
    assert_eq!(counts.dead, 0);
}

#[tokio::test]
async fn waiting_on_the_customer_holds_the_warning_back_by_the_pause() {
    let (app, smtp) = (spawn_app().await, SmtpServer::start());
    let (id, w) = assigned_on_monday(&app, &smtp, false, "Where is my refund?").await;
    run_at(&app, &w, madrid("2026-03-09 10:00")).await;
    assert_eq!(smtp.inbox().len(), 1, "the assignment only");

    let wait = json!({"action": "wait_for_customer", "reason": "Asked for the order number"});
    app.act(id, &wait).await.expect(200);
    // Asking the customer was the first response. Resolution would be warned at 768 of 960
    // service minutes, Tuesday 13:48; the complaint waits on the customer instead.
    run_at(&app, &w, madrid("2026-03-11 10:00")).await;
    assert_eq!(smtp.inbox().len(), 1, "no warning while paused");
    app.act(id, &json!({"action": "customer_replied"}))
        .await
        .expect(200);
    // Paused for two service days (Monday 10:00 to Wednesday 10:00: 16 hours), so the warning
    // moves from Tuesday 13:48 to Thursday 13:48.
    run_at(&app, &w, madrid("2026-03-12 13:47")).await;
    assert_eq!(smtp.inbox().len(), 1, "{:#?}", smtp.inbox());
    run_at(&app, &w, madrid("2026-03-12 13:48")).await;
    let inbox = smtp.inbox();
    assert_eq!(
        recipients(&inbox),
        ["agent@tend.test", "agent@tend.test"],
        "{inbox:#?}"
    );
    let due = app.complaint(id).await["resolution"]["due_at"].clone();
    assert_eq!(
        due,
        madrid("2026-03-12 17:00").to_string(),
        "960 + 960 service minutes"
    );
}

#[tokio::test]
async fn an_escalation_at_breach_names_the_manager_and_keeps_the_watcher_armed() {
    let (app, smtp) = (spawn_app().await, SmtpServer::start());
    let (id, w) = assigned_on_monday(&app, &smtp, true, "The kettle leaks.").await;
    // First response due at 13:00: the breach escalates one tier up, to the manager.
    run_at(&app, &w, madrid("2026-03-09 13:00")).await;
    let after = app.complaint(id).await;
    assert_eq!(after["escalation"]["to"], app.manager.id, "{after:#}");
    assert_eq!(after["tier"], 2);
    let by_tend = app
        .timeline(id)
        .await
        .into_iter()
        .any(|e| e["action"] == "escalate" && e["actor"] == "Tend (response standards)");
    assert!(by_tend, "the escalation is on the timeline, by Tend");
    // Escalating names the manager but does not assign them: the assignee keeps the
    // complaint, and the assignment mail (sent to assignees only) is the agent's from intake.
    assert_eq!(after["assignee_id"], app.agent.id);
    let inbox = smtp.inbox();
    assert_eq!(
        recipients(&inbox),
        ["agent@tend.test", "agent@tend.test"],
        "the assignment and the breach: {inbox:#?}"
    );
    // The watcher looks again at the resolution warning: 768 of 960 service minutes from
    // Monday 09:00 is Tuesday 13:48.
    let next = app
        .store
        .pending_job_at(&format!("sla:{id}"))
        .await
        .unwrap();
    assert_eq!(next, Some(madrid("2026-03-10 13:48")));
}

/// A phone complaint assigned to the agent on Monday 09:00 in a Madrid office (escalating on
/// breach if `escalate`), and a worker that mails through `smtp`.
async fn assigned_on_monday(
    app: &TestApp,
    smtp: &SmtpServer,
    escalate: bool,
    description: &str,
) -> (i64, Worker) {
    madrid_office(app, "phone", escalate).await;
    let customer = app.create_customer().await;
    app.clock.set(madrid("2026-03-09 09:00"));
    let draft = json!({"customer_id": customer, "channel": "phone",
        "description": description, "assignee_id": app.agent.id});
    let id = app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap();
    let mailer = tend_app::mail::Mailer::new(&smtp.settings()).unwrap();
    (id, worker(app, Some(mailer), "w1"))
}
