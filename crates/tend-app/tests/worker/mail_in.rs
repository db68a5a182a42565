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

const TEND: &str = "Tend <help@tend.test>";

fn mail(from: &str, subject: &str, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: help@tend.test\r\nSubject: {subject}\r\nDate: Fri, 06 Mar 2026 14:00:00 +0000\r\n{headers}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

async fn conversation(app: &TestApp, id: i64) -> Vec<Value> {
    let path = format!("/api/v1/complaints/{id}/messages");
    let all = app.get(&path, &app.viewer.token).await.expect(200);
    all.as_array().unwrap().clone()
}

async fn count(app: &TestApp) -> usize {
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

#[tokio::test]
async fn turkish_western_and_japanese_charsets_read_correctly() {
    let app = spawn_app().await;
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    let cases: [(&str, &str, &[u8], &str, &str); 4] = [
        (
            "utf-8",
            "=?UTF-8?B?w5xyw7xuIGJvenVr?=",
            "Ürün bozuk, şikâyetim var.".as_bytes(),
            "Ürün bozuk",
            "Ürün bozuk, şikâyetim var.",
        ),
        (
            "iso-8859-9",
            "=?ISO-8859-9?Q?=DEikayet?=",
            b"\xdeik\xe2yet: \xf0\xfc\xfe\xfd\xf6\xe7 \xdd",
            "Şikayet",
            "Şikâyet: ğüşıöç İ",
        ),
        (
            "windows-1252",
            "=?windows-1252?Q?Caf=E9?=",
            b"Caf\xe9 \x96 \x93quotes\x94 \x80",
            "Café",
            "Café – “quotes” €",
        ),
        (
            "iso-2022-jp",
            "=?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=",
            b"\x1b$B$3$s$K$A$O!\"CmJ8\x1b(B",
            "こんにちは",
            "こんにちは、注文",
        ),
    ];
    for (n, (charset, subject, body, want_subject, want_body)) in cases.iter().enumerate() {
        let mut m = format!(
            "From: buyer{n}@example.com\r\nSubject: {subject}\r\nMessage-ID: <cs{n}@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        )
        .into_bytes();
        m.extend_from_slice(body);
        m.extend_from_slice(b"\r\n");
        let r = deliver_one(lmtp, &format!("buyer{n}@example.com"), &m).await;
        assert!(r.starts_with("250"), "{r}");
        let id = *app.list_ids("limit=200").await.iter().max().unwrap();
        let c = app.complaint(id).await;
        assert_eq!(c["subject"], *want_subject, "{charset}");
        assert_eq!(c["description"], *want_body, "{charset}");
    }
}

/// A relay that speaks only SMTP (here lettre's client) delivers to the same listener.
#[tokio::test]
async fn an_smtp_client_delivers_to_the_listener_too() {
    use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
    let app = spawn_app().await;
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    let relay = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(lmtp.port())
        .build();
    let m = Message::builder()
        .from("Zoë Çelik <zoe@example.com>".parse().unwrap())
        .to("help@tend.test".parse().unwrap())
        .subject("Kırık kapak")
        .body("Kapak kırık geldi.".to_owned())
        .unwrap();
    relay.send(m).await.expect("accepted");
    let id = app.list_ids("limit=1").await[0];
    let c = app.complaint(id).await;
    assert_eq!(
        (c["subject"].as_str(), c["channel"].as_str()),
        (Some("Kırık kapak"), Some("email"))
    );
    assert_eq!(c["description"], "Kapak kırık geldi.");
    let who = app
        .get(
            &format!("/api/v1/customers/{}", c["customer_id"]),
            &app.viewer.token,
        )
        .await;
    let who = who.expect(200);
    assert_eq!(
        (who["name"].as_str(), who["email"].as_str()),
        (Some("Zoë Çelik"), Some("zoe@example.com"))
    );
}

/// Intake throughput: `N` new complaints by mail over one LMTP connection, each from its own
/// sender; prints messages per second. A measurement, not a check: run it with
/// `--run-ignored only`.
#[tokio::test]
#[ignore]
async fn lmtp_intake_throughput() {
    const N: usize = 300;
    let app = spawn_app().await;
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    let mut c = Lmtp::connect(lmtp).await;
    let started = std::time::Instant::now();
    for n in 0..N {
        let from = format!("buyer{n}@example.com");
        let m = mail(
            &from,
            &format!("Order {n}"),
            &format!("Message-ID: <t{n}@example.com>\r\n"),
            "The lid is broken.",
        );
        let r = c.deliver(&from, &["help@tend.test"], &m).await;
        assert!(r[0].starts_with("250"), "{r:?}");
    }
    let took = started.elapsed();
    c.quit().await;
    assert_eq!(app.store.inbound_mail().await.unwrap().len(), N);
    println!(
        "LMTP intake: {N} new complaints in {:.2} s = {:.0} messages/s",
        took.as_secs_f64(),
        N as f64 / took.as_secs_f64()
    );
}

/// Anonymising a customer erases what they wrote in the conversation and the mail they sent
/// (kept raw until then); staff's replies lose their name.
#[tokio::test]
async fn anonymising_a_customer_erases_their_messages_and_their_mail() {
    let app = spawn_app().await;
    let (lmtp, _stop) = start_listener(app.state.clone(), TEND).await;
    let ana = customer(&app, "Ana Pérez", "ana@example.com", false, "es").await;
    let c = app.create_complaint(ana).await;
    let (id, reference) = (c["id"].as_i64().unwrap(), c["reference"].as_str().unwrap());
    let path = format!("/api/v1/complaints/{id}/messages");
    let reply = serde_json::json!({"kind": "reply", "body": "Hola Ana Pérez, va en camino."});
    app.post_json(&path, &app.agent.token, &reply)
        .await
        .expect(201);
    let words = "Mi vecina Lucía Gómez lo recogió.";
    let answer = mail(
        "ana@example.com",
        &format!("Re: {reference}"),
        "Message-ID: <p1@example.com>\r\n",
        words,
    );
    deliver_one(lmtp, "ana@example.com", &answer).await;
    let another = mail(
        "ana@example.com",
        "Otro problema",
        "Message-ID: <p2@example.com>\r\n",
        "Otra cosa rota",
    );
    deliver_one(lmtp, "ana@example.com", &another).await;
    assert_eq!(conversation(&app, id).await.len(), 2);
    let url = &app.database_url;
    assert!(
        !tend_store::testing::text_columns_containing(url, "Lucía Gómez")
            .await
            .is_empty()
    );

    // Their export carries the conversation and the mail they sent.
    let export = format!("/api/v1/customers/{ana}/export");
    let export = app.get(&export, &app.admin.token).await.expect(200);
    assert_eq!(
        export["complaints"][0]["messages"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(export["mail_received"].as_array().unwrap().len(), 2);

    let anonymise = format!("/api/v1/customers/{ana}/anonymise");
    app.post_json(&anonymise, &app.admin.token, &serde_json::json!({}))
        .await
        .expect(200);
    let all = conversation(&app, id).await;
    assert_eq!(all[1]["body"], "[anonymised]");
    assert!(
        !all[0]["body"].as_str().unwrap().contains("Ana Pérez"),
        "{all:?}"
    );
    for needle in [
        "Lucía Gómez",
        "Otra cosa rota",
        "ana@example.com",
        "Otro problema",
    ] {
        let found = tend_store::testing::text_columns_containing(url, needle).await;
        assert!(found.is_empty(), "{needle} still in {found:?}");
    }
    let mail = app.store.inbound_mail().await.unwrap();
    assert_eq!(mail.len(), 2);
    assert!(
        mail.iter().all(|(_, _, raw)| raw.is_empty()),
        "raw mail erased"
    );
}
