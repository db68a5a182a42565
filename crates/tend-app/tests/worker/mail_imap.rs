//! Mail in over IMAP from a real Dovecot (Debian's `dovecot-imapd`, started by the test kit):
//! a new message creates a complaint and is marked seen; the customer's answer to Tend's
//! acknowledgement threads into that complaint; an out-of-office answer creates and sends
//! nothing; the same messages taken again (unseen once more) add nothing; a wrong password
//! is retried and never written to the log.

use std::time::Duration;

use tend_app::conversations::imap::{Mailbox, watch};
use tend_app::conversations::inbound::MailIn;
use tend_app::mail::Mailer;
use tend_domain::kernel::clock::Clock;
use tend_testkit::dovecot::{Dovecot, PASSWORD};

use crate::helpers::{TestApp, spawn_app};
use crate::mail_in::{TEND, conversation, count, mail};
use crate::smtp::SmtpServer;
use crate::{run_at, worker};

/// Waits (up to 20 s) until `done` holds.
async fn until<F: AsyncFn() -> bool>(what: &str, done: F) {
    for _ in 0..200 {
        if done().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting until {what}");
}

fn start(app: &TestApp, url: &str) -> tokio::sync::oneshot::Sender<()> {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let mailbox = Mailbox::from_url(url, 1).expect("a mailbox");
    tokio::spawn(watch(
        app.state.clone(),
        MailIn::for_sender(TEND),
        mailbox,
        async move {
            let _ = stopped.await;
        },
    ));
    stop
}

#[tokio::test]
async fn dovecot_mail_creates_threads_and_ignores_auto_replies() {
    let Some(dovecot) = Dovecot::start().await else {
        return;
    };
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    let _stop = start(&app, &dovecot.url());

    // A new message: a complaint on channel e-mail, and the message marked seen.
    let first = mail(
        "Ana Pérez <ana@example.com>",
        "My order never came",
        "Message-ID: <imap1@example.com>\r\n",
        "Order 1234 has not arrived.",
    );
    dovecot.deliver(&first).await;
    until("the complaint is created", async || count(&app).await == 1).await;
    until("the message is seen", async || {
        dovecot.unseen_of().await == (0, 1)
    })
    .await;
    let id = *app.list_ids("limit=10").await.first().unwrap();
    let created = app.complaint(id).await;
    assert_eq!(created["channel"], "email");
    assert_eq!(created["description"], "Order 1234 has not arrived.");

    // Tend acknowledges; Ana answers the acknowledgement: it joins that complaint.
    run_at(&app, &w, app.clock.now()).await;
    let sent = smtp.inbox();
    assert_eq!(sent.len(), 1, "the acknowledgement");
    let ack = sent[0]["message_id"].as_str().unwrap().to_owned();
    let answer = mail(
        "ana@example.com",
        "Re: your complaint",
        &format!("Message-ID: <imap2@example.com>\r\nIn-Reply-To: {ack}\r\nReferences: {ack}\r\n"),
        "It is order 1234, sent on Monday.",
    );
    dovecot.deliver(&answer).await;
    until("the answer threads", async || {
        conversation(&app, id)
            .await
            .iter()
            .any(|m| m["body"] == "It is order 1234, sent on Monday." && m["via"] == "email")
    })
    .await;
    assert_eq!(count(&app).await, 1);

    // An out-of-office answer to the acknowledgement: nothing created, nothing sent.
    let ooo = mail(
        "ana@example.com",
        "Out of office",
        &format!(
            "Message-ID: <imap3@example.com>\r\nAuto-Submitted: auto-replied\r\nIn-Reply-To: {ack}\r\n"
        ),
        "I am away.",
    );
    dovecot.deliver(&ooo).await;
    until("all three are seen", async || {
        dovecot.unseen_of().await == (0, 3)
    })
    .await;
    run_at(&app, &w, app.clock.now()).await;
    assert_eq!(count(&app).await, 1);
    assert_eq!(
        smtp.inbox().len(),
        1,
        "nothing sent but the acknowledgement"
    );
    let messages = conversation(&app, id).await.len();

    // All three taken again (as after a crash before marking them): nothing changes.
    dovecot.mark_all_unseen().await;
    until("all three are seen again", async || {
        dovecot.unseen_of().await == (0, 3)
    })
    .await;
    run_at(&app, &w, app.clock.now()).await;
    assert_eq!(count(&app).await, 1);
    assert_eq!(conversation(&app, id).await.len(), messages);
    assert_eq!(smtp.inbox().len(), 1);
    let outcomes: Vec<String> = (app.store.inbound_mail().await.unwrap().into_iter())
        .map(|(o, _, _)| o)
        .collect();
    assert_eq!(
        outcomes,
        [
            "created",
            "threaded",
            "automatic",
            "duplicate",
            "duplicate",
            "automatic"
        ]
    );
}

#[tokio::test]
async fn a_wrong_password_is_retried_and_never_logged() {
    let Some(dovecot) = Dovecot::start().await else {
        return;
    };
    let app = spawn_app().await;
    let logs = tend_testkit::logs::capture();
    let wrong = dovecot.url().replace(PASSWORD, "wrong-pa55word-xyz");
    let _stop = start(&app, &wrong);
    dovecot
        .deliver(&mail("a@example.com", "Hi", "", "Hello"))
        .await;
    until("a failure is logged", async || {
        logs.text().contains("IMAP mailbox failed")
    })
    .await;
    let text = logs.text();
    assert!(!text.contains("wrong-pa55word-xyz"), "{text}");
    assert!(text.contains("imap://help@tend.test@127.0.0.1"), "{text}");
    assert_eq!(count(&app).await, 0);
    assert_eq!(dovecot.unseen_of().await, (1, 1));
}
