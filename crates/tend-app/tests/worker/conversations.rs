//! Replies by mail: an agent's reply reaches the customer in their language, threaded under
//! the acknowledgement (signed `Message-ID`, `In-Reply-To`, `References`, the reference in the
//! subject), written by a person (no `Auto-Submitted`, which Tend's automatic mail carries);
//! notes are never mailed; each reply goes once.

use jiff::SignedDuration;
use serde_json::{Value, json};
use tend_app::mail::Mailer;
use tend_domain::kernel::clock::Clock;
use tend_domain::kernel::ids::ComplaintId;

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{customer, run_at, worker};

async fn say(app: &TestApp, id: i64, kind: &str, body: &str) -> Value {
    let path = format!("/api/v1/complaints/{id}/messages");
    let msg = json!({"kind": kind, "body": body});
    app.post_json(&path, &app.agent.token, &msg)
        .await
        .expect(201)
}

#[tokio::test]
async fn replies_are_mailed_threaded_in_the_customers_language_and_notes_are_not() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let ana = customer(&app, "Ana Pérez", "ana@example.com", false, "es").await;
    let c = app.create_complaint(ana).await;
    let (id, reference) = (c["id"].as_i64().unwrap(), c["reference"].as_str().unwrap());
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    run_at(&app, &w, app.clock.now()).await;
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 1, "the acknowledgement: {inbox:#?}");
    let ack = &inbox[0];
    assert_eq!(ack["auto_submitted"], "auto-generated", "{ack:#?}");
    let ack_id = ack["message_id"].as_str().unwrap().to_owned();

    say(&app, id, "note", "Internal: check the courier").await;
    say(&app, id, "reply", "Lo sentimos.\nEl nuevo tarro sale hoy.").await;
    run_at(&app, &w, app.clock.now() + SignedDuration::from_mins(1)).await;
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 2, "the reply, not the note: {inbox:#?}");
    let first = &inbox[1];
    assert_eq!(first["rcpt_tos"][0], "ana@example.com");
    let subject = first["subject"].as_str().unwrap();
    assert_eq!(subject, format!("Re: su reclamación {reference}"));
    let text = first["text"].as_str().unwrap().replace("\r\n", "\n");
    assert!(text.contains("Estimado/a Ana Pérez"), "{text}");
    assert!(
        text.contains("Lo sentimos.\nEl nuevo tarro sale hoy."),
        "{text}"
    );
    assert!(!text.contains("Internal"), "{text}");
    let html = first["html"].as_str().unwrap().replace("\r\n", "\n");
    assert!(
        html.contains("Lo sentimos.<br>\nEl nuevo tarro sale hoy."),
        "{html}"
    );
    assert!(
        first["auto_submitted"].is_null(),
        "a person wrote it: {first:#?}"
    );
    assert_eq!(first["in_reply_to"], ack_id.as_str());
    assert_eq!(first["references"], ack_id.as_str());
    let first_id = first["message_id"].as_str().unwrap().to_owned();
    let named = app.store.complaint_for_message_id(&first_id).await.unwrap();
    assert_eq!(named, Some(ComplaintId(id)));

    say(&app, id, "reply", "Número de seguimiento: 123").await;
    run_at(&app, &w, app.clock.now() + SignedDuration::from_mins(2)).await;
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 3, "{inbox:#?}");
    let second = &inbox[2];
    assert_eq!(second["in_reply_to"], first_id.as_str());
    assert_eq!(second["references"], format!("{ack_id} {first_id}"));
    assert_ne!(second["message_id"], first_id.as_str());

    // Each reply goes once.
    run_at(&app, &w, app.clock.now() + SignedDuration::from_hours(1)).await;
    assert_eq!(smtp.inbox().len(), 3);
}

#[tokio::test]
async fn a_forged_or_moved_message_id_names_no_complaint() {
    let app = spawn_app().await;
    let someone = app.create_customer().await;
    let a = app.create_complaint(someone).await["id"].as_i64().unwrap();
    let b = app.create_complaint(someone).await["id"].as_i64().unwrap();
    let store = &app.store;
    let real = store.signed_message_id(ComplaintId(a), 5).await.unwrap();
    assert_eq!(
        store.complaint_for_message_id(&real).await.unwrap(),
        Some(ComplaintId(a))
    );
    // The same tag under another complaint or message number, or one character changed.
    let moved = real.replacen(&format!("<c{a}."), &format!("<c{b}."), 1);
    let renumbered = real.replacen(".m5.", ".m6.", 1);
    let at = real.find(".m5.").unwrap() + 4;
    let flip = if &real[at..=at] == "A" { "B" } else { "A" };
    let tampered = format!("{}{flip}{}", &real[..at], &real[at + 1..]);
    for forged in [moved, renumbered, tampered, format!("<c{a}.m5.x@tend>")] {
        assert_eq!(
            store.complaint_for_message_id(&forged).await.unwrap(),
            None,
            "{forged}"
        );
    }
}
