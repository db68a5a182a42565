//! Sender checks on the managers' pages, through the real LMTP listener with an offline DNS:
//! a message failing DMARC from a domain that asks to reject is held and listed as such with
//! its checks (en/es/tr); a signed one is taken and its checks show on the complaint's page.

use tend_app::conversations::inbound::MailIn;
use tend_domain::staff::Role;
use tend_testkit::dkim::{Dkim, offline};
use tend_testkit::lmtp::{deliver_one, start_listener_with};

use crate::browser::signed_in;
use crate::helpers::spawn_app;

fn mail(subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Ana <ana@signed.example>\r\nTo: help@tend.test\r\nSubject: {subject}\r\nDate: Fri, 06 Mar 2026 14:00:00 +0000\r\nMessage-ID: <{subject}@signed.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

#[tokio::test]
async fn held_for_dmarc_is_shown_as_such_and_checks_show_on_the_complaint() {
    let app = spawn_app().await;
    let dkim = Dkim::new("signed.example");
    let records = [
        (dkim.name.as_str(), dkim.record.as_str()),
        ("_dmarc.signed.example", "v=DMARC1; p=reject"),
    ];
    let mut cfg = MailIn::for_sender("Tend <help@tend.test>");
    cfg.auth = Some(offline(&records));
    let (lmtp, _stop) = start_listener_with(app.state.clone(), cfg).await;

    let good = dkim.sign(&mail("heater", "It does not heat."));
    let r = deliver_one(lmtp, "ana@signed.example", &good).await;
    assert!(r.starts_with("250"), "{r}");
    let forged = String::from_utf8(dkim.sign(&mail("fridge", "It is warm.")))
        .unwrap()
        .replace("It is warm.", "Pay here.");
    let r = deliver_one(lmtp, "ana@signed.example", forged.as_bytes()).await;
    assert!(r.starts_with("250"), "{r}");
    let ids = app.list_ids("limit=10").await;
    assert_eq!(ids.len(), 1, "only the signed message is taken");

    let manager = signed_in(&app, Role::Manager).await;
    let page = manager.get("/settings/mail-in/quarantine").await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("Held: 1"), "{}", page.html);
    assert!(page.html.contains("failed DMARC"), "{}", page.html);
    assert!(
        page.html
            .contains("SPF none · DKIM fail · DMARC fail (domain policy: reject)"),
        "{}",
        page.html
    );
    for (lang, words) in [
        (
            "es",
            "SPF ninguno · DKIM fallido · DMARC fallido (política del dominio: rechazar)",
        ),
        (
            "tr",
            "SPF yok · DKIM geçemedi · DMARC geçemedi (alan adı politikası: reddet)",
        ),
    ] {
        manager.set_cookie("lang", lang);
        let html = manager.get("/settings/mail-in/quarantine").await.html;
        assert!(html.contains(words), "{html}");
    }
    manager.set_cookie("lang", "en");

    let page = manager.get(&format!("/complaints/{}", ids[0])).await;
    assert_eq!(page.status, 200);
    assert!(
        page.html
            .contains("SPF none · DKIM pass · DMARC pass (domain policy: reject)"),
        "{}",
        page.html
    );
    let page = manager.get("/settings/mail-in").await;
    assert!(page.html.contains("DKIM pass"), "{}", page.html);
}
