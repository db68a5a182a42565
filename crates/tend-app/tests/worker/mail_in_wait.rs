//! The customer's answer by mail to a complaint waiting on them puts it back with its agents,
//! in the message's transaction: the wait ends (`customer_replied`, by the customer, on the
//! timeline right after the message), the pause is counted in service time and the warning
//! moves by it — as when an agent records the answer by hand (`sla.rs`). An answer to a
//! complaint not waiting is a message and nothing more.

use serde_json::json;
use tend_domain::kernel::ids::ComplaintId;
use tend_testkit::lmtp::{deliver_one, start_listener};

use crate::helpers::{TestApp, spawn_app};
use crate::mail_in::{TEND, conversation, mail};
use crate::smtp::SmtpServer;
use crate::{customer, madrid, madrid_office, recipients, run_at, worker};

/// The messages the agent was sent.
fn to_agent(smtp: &SmtpServer) -> usize {
    (recipients(&smtp.inbox()).iter())
        .filter(|r| *r == "agent@tend.test")
        .count()
}

/// The timeline's actions at `at`, each once, in order, with who did them.
async fn actions_at(app: &TestApp, id: i64, at: jiff::Timestamp) -> Vec<(String, String)> {
    let all = app.store.timeline(ComplaintId(id)).await.unwrap();
    let mut done: Vec<(String, String)> = (all.into_iter())
        .filter(|e| e.at == at)
        .map(|e| (e.action, e.actor))
        .collect();
    done.dedup();
    done
}

#[tokio::test]
async fn an_emailed_answer_ends_the_wait_and_the_warning_moves_by_the_pause() {
    let (app, smtp) = (spawn_app().await, SmtpServer::start());
    madrid_office(&app, "phone", false).await;
    let ana = customer(&app, "Ana Pérez", "ana@example.com", false, "es").await;
    app.clock.set(madrid("2026-03-09 09:00"));
    let draft = json!({"customer_id": ana, "channel": "phone",
        "description": "Where is my refund?", "assignee_id": app.agent.id});
    let c = app.create_complaint_with(&draft).await;
    let (id, reference) = (c["id"].as_i64().unwrap(), c["reference"].as_str().unwrap());
    let mailer = tend_app::mail::Mailer::new(&smtp.settings()).unwrap();
    let w = worker(&app, Some(mailer), "w1");
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    run_at(&app, &w, madrid("2026-03-09 10:00")).await;
    assert_eq!(to_agent(&smtp), 1, "the assignment only");

    let wait = json!({"action": "wait_for_customer", "reason": "¿Cuál es el número de pedido?"});
    app.act(id, &wait).await.expect(200);
    run_at(&app, &w, madrid("2026-03-11 10:00")).await;
    assert_eq!(to_agent(&smtp), 1, "no warning while paused");

    // Wednesday 10:00: Ana answers by mail, the reference in the subject.
    let answer = mail(
        "Ana Pérez <ana@example.com>",
        &format!("Re: {reference}"),
        "Message-ID: <pedido@example.com>\r\n",
        "El pedido es el A-1001.",
    );
    let said = deliver_one(lmtp, "ana@example.com", &answer).await;
    assert!(said.starts_with("250"), "{said}");
    let now = madrid("2026-03-11 10:00");
    let after = app.store.complaint(ComplaintId(id)).await.unwrap().record;
    assert!(after.waiting.is_none(), "back with the agents");
    // Paused Monday 10:00 to Wednesday 10:00: two service days of 8 hours.
    assert_eq!(after.paused_minutes, 960);
    let customer = || "customer".to_owned();
    assert_eq!(
        actions_at(&app, id, now).await,
        [
            ("message_added".to_owned(), customer()),
            ("customer_replied".to_owned(), customer())
        ]
    );
    assert_eq!(
        conversation(&app, id).await.last().unwrap()["body"],
        "El pedido es el A-1001."
    );

    // The watcher follows the running clock: the resolution warning (768 of 960 service
    // minutes, Tuesday 13:48 without the pause) comes on Thursday at 13:48.
    run_at(&app, &w, madrid("2026-03-12 13:47")).await;
    assert_eq!(to_agent(&smtp), 1, "{:#?}", smtp.inbox());
    run_at(&app, &w, madrid("2026-03-12 13:48")).await;
    assert_eq!(to_agent(&smtp), 2, "{:#?}", smtp.inbox());
    let due = app.complaint(id).await["resolution"]["due_at"].clone();
    assert_eq!(due, madrid("2026-03-12 17:00").to_string());

    // Another answer, with nothing awaited: a message only; delivered again, nothing.
    let more = mail(
        "ana@example.com",
        &format!("Re: {reference}"),
        "Message-ID: <foto@example.com>\r\n",
        "Adjunto la foto.",
    );
    for _ in 0..2 {
        let said = deliver_one(lmtp, "ana@example.com", &more).await;
        assert!(said.starts_with("250"), "{said}");
    }
    let later = madrid("2026-03-12 13:48");
    assert_eq!(
        actions_at(&app, id, later).await,
        [("message_added".to_owned(), customer())]
    );
    assert_eq!(conversation(&app, id).await.len(), 2);
    let timeline = app.store.timeline(ComplaintId(id)).await.unwrap();
    let ends: Vec<_> = (timeline.iter())
        .filter(|e| e.action == "customer_replied")
        .map(|e| e.at)
        .collect();
    assert!(
        !ends.is_empty() && ends.iter().all(|at| *at == now),
        "one end of the wait: {ends:?}"
    );
}
