//! Mail in over LMTP, end to end: a customer's answer to Tend's reply threads into its
//! complaint; a reference in the subject threads only for that complaint's customer; a forged
//! In-Reply-To starts a new complaint; auto-replies, bounces and Tend's own mail create nothing
//! and send nothing (no loop); a sender's new complaints are limited; charsets read right.

use serde_json::Value;
use tend_app::mail::Mailer;
use tend_domain::kernel::clock::Clock;
use tend_testkit::lmtp::{Lmtp, deliver_one, start_listener};

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{customer, run_at, worker};

pub(crate) const TEND: &str = "Tend <help@tend.test>";

pub(crate) fn mail(from: &str, subject: &str, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: help@tend.test\r\nSubject: {subject}\r\nDate: Fri, 06 Mar 2026 14:00:00 +0000\r\n{headers}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

pub(crate) async fn conversation(app: &TestApp, id: i64) -> Vec<Value> {
    let path = format!("/api/v1/complaints/{id}/messages");
    let all = app.get(&path, &app.viewer.token).await.expect(200);
    all.as_array().unwrap().clone()
}

pub(crate) async fn count(app: &TestApp) -> usize {
    app.list_ids("limit=200").await.len()
}

#[tokio::test]
async fn answers_thread_by_signed_ids_and_subjects_only_for_their_customer() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    let ana = customer(&app, "Ana Pérez", "ana@example.com", false, "es").await;
    let c = app.create_complaint(ana).await;
    let (id, reference) = (c["id"].as_i64().unwrap(), c["reference"].as_str().unwrap());
    let path = format!("/api/v1/complaints/{id}/messages");
    let reply = serde_json::json!({"kind": "reply", "body": "¿Nos manda una foto?"});
    app.post_json(&path, &app.agent.token, &reply)
        .await
        .expect(201);
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    run_at(&app, &w, app.clock.now()).await;
    let sent = smtp.inbox();
    let ours = (sent.iter())
        .find(|m| m["subject"].as_str().unwrap().starts_with("Re: "))
        .map(|m| m["message_id"].as_str().unwrap().to_owned())
        .expect("the reply was sent");

    // Ana answers Tend's reply: it joins the conversation, by e-mail.
    let answer = mail(
        "Ana Pérez <Ana@Example.com>",
        &format!("Re: su reclamación {reference}"),
        &format!("Message-ID: <a1@example.com>\r\nIn-Reply-To: {ours}\r\nReferences: {ours}\r\n"),
        "Aquí está la foto.",
    );
    assert!(
        deliver_one(lmtp, "ana@example.com", &answer)
            .await
            .starts_with("250")
    );
    let all = conversation(&app, id).await;
    let last = all.last().unwrap();
    assert_eq!(
        (last["kind"].as_str(), last["via"].as_str()),
        (Some("customer"), Some("email"))
    );
    assert_eq!(last["body"], "Aquí está la foto.");
    assert_eq!(count(&app).await, 1);

    // The same message delivered again adds nothing.
    assert!(
        deliver_one(lmtp, "ana@example.com", &answer)
            .await
            .starts_with("250")
    );
    assert_eq!(conversation(&app, id).await.len(), all.len());

    // The reference in the subject threads for Ana, not for someone else.
    let by_ana = mail(
        "ana@example.com",
        &format!("About {reference}"),
        "Message-ID: <a2@example.com>\r\n",
        "One more thing.",
    );
    deliver_one(lmtp, "ana@example.com", &by_ana).await;
    assert_eq!(conversation(&app, id).await.len(), all.len() + 1);
    let other = mail(
        "mallory@example.com",
        &format!("Re: {reference}"),
        "Message-ID: <m1@example.com>\r\n",
        "Cancel my order",
    );
    deliver_one(lmtp, "mallory@example.com", &other).await;
    assert_eq!(
        conversation(&app, id).await.len(),
        all.len() + 1,
        "not threaded"
    );
    assert_eq!(count(&app).await, 2, "a complaint of its own");

    // A forged In-Reply-To (our shape, a bad signature) threads nothing.
    let forged = ours.replacen(".m", ".m9", 1);
    assert_ne!(forged, ours);
    let bad = mail(
        "ana@example.com",
        "Hello",
        &format!("Message-ID: <a3@example.com>\r\nIn-Reply-To: {forged}\r\n"),
        "Forged",
    );
    deliver_one(lmtp, "ana@example.com", &bad).await;
    assert_eq!(conversation(&app, id).await.len(), all.len() + 1);
    assert_eq!(count(&app).await, 3);

    // A message answering one received before threads into that message's complaint.
    let newest = *app.list_ids("limit=200").await.iter().max().unwrap();
    let follow = mail(
        "ana@example.com",
        "more",
        "Message-ID: <a4@example.com>\r\nReferences: <a3@example.com>\r\n",
        "Follow-up",
    );
    deliver_one(lmtp, "ana@example.com", &follow).await;
    assert_eq!(count(&app).await, 3);
    let theirs = conversation(&app, newest).await;
    assert_eq!(theirs.last().unwrap()["body"], "Follow-up");
    let created = app.complaint(newest).await;
    assert_eq!(created["channel"], "email");
    assert_eq!(created["description"], "Forged");
    assert_eq!(created["received_at"], "2026-03-06T14:00:00Z");
}

#[tokio::test]
async fn auto_replies_bounces_and_our_own_mail_create_nothing_and_never_loop() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    let bob = customer(&app, "Bob", "bob@example.com", false, "en").await;
    app.create_complaint(bob).await;
    run_at(&app, &w, app.clock.now()).await;
    let ack = smtp.inbox()[0]["message_id"].as_str().unwrap().to_owned();
    let mut c = Lmtp::connect(lmtp).await;
    // Ten rounds of an out-of-office answering the acknowledgement: nothing taken, nothing sent.
    for round in 0..10 {
        let ooo = mail(
            "bob@example.com",
            "Out of office",
            &format!(
                "Message-ID: <ooo{round}@example.com>\r\nAuto-Submitted: auto-replied\r\nIn-Reply-To: {ack}\r\n"
            ),
            "I am away.",
        );
        let r = c
            .deliver("bob@example.com", &["help@tend.test"], &ooo)
            .await;
        assert!(r[0].starts_with("250"), "{r:?}");
        run_at(&app, &w, app.clock.now()).await;
    }
    let report = b"From: postmaster@example.com\r\nSubject: DSN\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nFailed\r\n--b--\r\n".to_vec();
    let noise = [
        (
            "x@example.com",
            mail("x@example.com", "News", "Precedence: bulk\r\n", "Sale!"),
        ),
        (
            "x@example.com",
            mail("x@example.com", "Away", "X-Autoreply: yes\r\n", "Away"),
        ),
        (
            "",
            mail("MAILER-DAEMON@example.com", "Undelivered", "", "Bounce"),
        ),
        ("help@tend.test", mail(TEND, "Loop?", "", "Our own")),
    ];
    for (from, m) in &noise {
        c.deliver(from, &["help@tend.test"], m).await;
    }
    c.deliver("postmaster@example.com", &["help@tend.test"], &report)
        .await;
    c.quit().await;
    run_at(&app, &w, app.clock.now()).await;
    assert_eq!(count(&app).await, 1, "nothing created");
    assert_eq!(
        smtp.inbox().len(),
        1,
        "nothing sent but the first acknowledgement"
    );
    let outcomes: Vec<String> = (app.store.inbound_mail().await.unwrap().into_iter())
        .map(|(o, _, _)| o)
        .collect();
    assert_eq!(
        outcomes.iter().filter(|o| *o == "automatic").count(),
        14,
        "{outcomes:?}"
    );
    assert_eq!(
        outcomes.iter().filter(|o| *o == "own").count(),
        1,
        "{outcomes:?}"
    );

    // Five new complaints an hour from one sender; the sixth is logged, not taken.
    for n in 0..6 {
        let m = mail(
            "eve@example.com",
            &format!("Problem {n}"),
            &format!("Message-ID: <e{n}@example.com>\r\n"),
            "Help",
        );
        deliver_one(lmtp, "eve@example.com", &m).await;
    }
    assert_eq!(count(&app).await, 6);
    let last = app.store.inbound_mail().await.unwrap().pop().unwrap();
    assert_eq!(last.0, "rate_limited");
}
