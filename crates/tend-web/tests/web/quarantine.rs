//! The quarantine and the per-sender limit, end to end through the real LMTP listener and the
//! managers' pages: an auto-reply is held, listed (en/es/tr), released into a new complaint or
//! deleted (its content erased), each decision audited, managers only, CSRF checked; the limit
//! set on `/settings/mail-in` (refusals in the reader's language) holds a sender's next message.

use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::Role;
use tend_testkit::lmtp::{deliver_one, start_listener};

use crate::browser::signed_in;
use crate::helpers::{TestApp, spawn_app};

const QUARANTINE: &str = "/settings/mail-in/quarantine";

fn mail(from: &str, subject: &str, headers: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: help@tend.test\r\nSubject: {subject}\r\nDate: Fri, 06 Mar 2026 14:00:00 +0000\r\n{headers}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// The held messages' ids as the page lists them, newest first.
fn held(html: &str) -> Vec<i64> {
    html.match_indices("id=\"held-")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

async fn audited(app: &TestApp) -> Vec<(String, String, String)> {
    let log = app.store.audit_log(50, None).await.unwrap();
    log.into_iter()
        .map(|e| (e.action, e.subject, e.detail))
        .collect()
}

#[tokio::test]
async fn held_mail_is_listed_released_or_deleted_by_managers_and_audited() {
    let app = spawn_app().await;
    let (lmtp, _stop) = start_listener(app.state.clone(), "Tend <help@tend.test>").await;
    let auto = "Auto-Submitted: auto-replied\r\n";
    for (from, subject, body) in [
        (
            "ana@example.com",
            "Out of office",
            "Actually my jar is broken, please help.",
        ),
        ("bob@example.com", "Away", "Spam spam spam"),
    ] {
        let r = deliver_one(lmtp, from, &mail(from, subject, auto, body)).await;
        assert!(r.starts_with("250"), "{r}");
    }
    assert!(
        app.list_ids("limit=10").await.is_empty(),
        "nothing is taken"
    );

    let manager = signed_in(&app, Role::Manager).await;
    let page = manager.get(QUARANTINE).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("Held: 2"), "{}", page.html);
    assert!(page.html.contains("(auto_submitted)"), "{}", page.html);
    let ids = held(&page.html);
    assert_eq!(ids.len(), 2);
    let (bob, ana) = (ids[0], ids[1]);
    for (lang, words) in [("es", "Retenidos: 2"), ("tr", "Bekleyen: 2")] {
        manager.set_cookie("lang", lang);
        assert!(manager.get(QUARANTINE).await.html.contains(words));
    }
    manager.set_cookie("lang", "en");

    // Agents neither see nor decide; a decision needs the session's CSRF token.
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get(QUARANTINE).await.status, 403);
    let release = format!("{QUARANTINE}/{ana}/release");
    assert_eq!(agent.submit("/inbox", &release, &[]).await.status, 403);
    assert_eq!(manager.post_raw(&release, &[]).await.status, 403);

    let res = manager.submit(QUARANTINE, &release, &[]).await;
    assert_eq!(res.status, 303, "{}", res.html);
    let to = res.location().to_owned();
    let id: i64 = to
        .strip_prefix("/complaints/")
        .and_then(|r| r.split('#').next())
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(app.list_ids("limit=10").await, [id]);
    let c = app.complaint(id).await;
    assert_eq!(c["channel"], "email");
    assert!(
        c["description"]
            .as_str()
            .unwrap()
            .contains("my jar is broken")
    );
    // Decided once: a second release finds nothing waiting.
    assert_eq!(manager.submit(QUARANTINE, &release, &[]).await.status, 404);

    let delete = format!("{QUARANTINE}/{bob}/delete");
    assert_eq!(manager.submit(QUARANTINE, &delete, &[]).await.status, 303);
    let page = manager.get(QUARANTINE).await;
    assert!(held(&page.html).is_empty() && page.html.contains("No mail is held."));
    let stored = app.store.inbound_mail().await.unwrap();
    assert!(
        stored[1].2.is_empty(),
        "the deleted message's bytes are erased"
    );
    assert!(!stored[0].2.is_empty());

    let log = audited(&app).await;
    assert!(log.contains(&(
        "mail_released".into(),
        format!("inbound {ana}"),
        format!("complaint={id}")
    )));
    assert!(log.contains(&(
        "mail_deleted".into(),
        format!("inbound {bob}"),
        String::new()
    )));
    assert!(
        app.store
            .conversation(ComplaintId(id), false)
            .await
            .unwrap()
            .is_empty(),
        "the released mail opened the complaint"
    );
}

#[tokio::test]
async fn the_per_sender_limit_is_set_by_managers_and_holds_the_next_message() {
    let app = spawn_app().await;
    let (lmtp, _stop) = start_listener(app.state.clone(), "Tend <help@tend.test>").await;
    let manager = signed_in(&app, Role::Manager).await;
    let page = "/settings/mail-in";
    let shown = manager.get(page).await;
    assert!(
        shown
            .html
            .contains("name=\"per_sender_per_hour\" min=\"1\" max=\"10000\" value=\"20\""),
        "{}",
        shown.html
    );

    manager.set_cookie("lang", "es");
    let res = manager
        .submit(page, page, &[("per_sender_per_hour", "0")])
        .await;
    assert_eq!(res.status, 422, "{}", res.html);
    assert!(
        res.html
            .contains("debe estar entre 1 y 10000 (recibido: 0)"),
        "{}",
        res.html
    );
    assert!(res.html.contains("value=\"0\""));
    let res = manager
        .submit(page, page, &[("per_sender_per_hour", "dos")])
        .await;
    assert_eq!(res.status, 422);
    assert!(
        res.html.contains("debe ser un número entero"),
        "{}",
        res.html
    );
    manager.set_cookie("lang", "en");
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(
        agent
            .submit("/inbox", page, &[("per_sender_per_hour", "1")])
            .await
            .status,
        403
    );
    assert_eq!(app.store.mail_in_limit().await.unwrap(), 20);

    let res = manager
        .submit(page, page, &[("per_sender_per_hour", "2")])
        .await;
    assert_eq!(res.status, 303, "{}", res.html);
    assert_eq!(app.store.mail_in_limit().await.unwrap(), 2);
    assert!(audited(&app).await.contains(&(
        "mail_in_limit_set".into(),
        "mail_in".into(),
        "per_sender_per_hour=2".into()
    )));

    // Two messages an hour from eve are taken; the third is held; others are not affected.
    for n in 1..=3 {
        let m = mail("eve@example.com", &format!("Problem {n}"), "", "Help");
        let r = deliver_one(lmtp, "eve@example.com", &m).await;
        assert!(r.starts_with("250"), "{r}");
    }
    let m = mail("ana@example.com", "My own problem", "", "Help");
    deliver_one(lmtp, "ana@example.com", &m).await;
    assert_eq!(app.list_ids("limit=10").await.len(), 3);
    let listed = manager.get(QUARANTINE).await.html;
    assert_eq!(held(&listed).len(), 1, "{listed}");
    assert!(listed.contains("Problem 3") && listed.contains("more than 2 messages an hour"));
    assert!(listed.contains("over the sender"), "{listed}");
}
