//! Mail in over LMTP, what it carries: charsets read right (UTF-8, ISO-8859-9, Windows-1252,
//! ISO-2022-JP), an SMTP relay delivers too, anonymisation erases the mail a customer sent,
//! and the intake throughput measurement.

use tend_testkit::lmtp::{Lmtp, deliver_one, start_listener};

use crate::customer;
use crate::helpers::spawn_app;
use crate::mail_in::{TEND, conversation, mail};

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
