//! SPF, DKIM and DMARC on mail in over LMTP, offline: the DNS records the checks read are
//! pre-loaded. A message signed with a key whose record is published passes DKIM and DMARC and
//! is taken; the same message altered fails both and, its domain asking to reject, waits in the
//! quarantine until a manager releases it; a domain without DMARC is `none` and taken.

use tend_app::conversations::inbound::{self, MailIn};
use tend_domain::kernel::ids::EmployeeId;
use tend_store::{Actor, MailAuthResult};
use tend_testkit::dkim::{Dkim, offline};
use tend_testkit::lmtp::{deliver_one, start_listener_with};

use crate::helpers::spawn_app;
use crate::mail_in::{TEND, count, mail};

fn auth(spf: &str, dkim: &str, dmarc: &str, policy: Option<&str>) -> MailAuthResult {
    MailAuthResult {
        spf: Some(spf.into()),
        dkim: Some(dkim.into()),
        dmarc: Some(dmarc.into()),
        dmarc_policy: policy.map(str::to_owned),
    }
}

#[tokio::test]
async fn dkim_and_dmarc_decide_what_is_taken_and_what_waits() {
    let app = spawn_app().await;
    let dkim = Dkim::new("signed.example");
    let records = [
        (dkim.name.as_str(), dkim.record.as_str()),
        ("_dmarc.signed.example", "v=DMARC1; p=reject"),
        ("plain.example", "v=spf1 ip4:192.0.2.1 -all"),
    ];
    let mut cfg = MailIn::for_sender(TEND);
    cfg.auth = Some(offline(&records));
    let (lmtp, _stop) = start_listener_with(app.state.clone(), cfg).await;

    // Signed by signed.example with the key its record publishes: taken.
    let body = mail(
        "Ana <ana@signed.example>",
        "The heater",
        "Message-ID: <s1@signed.example>\r\n",
        "It does not heat.",
    );
    let signed = dkim.sign(&body);
    let r = deliver_one(lmtp, "ana@signed.example", &signed).await;
    assert!(r.starts_with("250"), "{r}");
    assert_eq!(count(&app).await, 1);

    // The same message with its body altered: DKIM fails, DMARC fails, and p=reject holds it.
    let altered = String::from_utf8(signed.clone())
        .unwrap()
        .replace("It does not heat.", "Send your password.");
    let r = deliver_one(lmtp, "ana@signed.example", altered.as_bytes()).await;
    assert!(r.starts_with("250"), "{r}");
    assert_eq!(count(&app).await, 1);

    // No DMARC record, no signature; SPF passes from the address the MTA saw: taken.
    let plain = mail(
        "bob@plain.example",
        "Late parcel",
        "X-Original-Client-IP: 192.0.2.1\r\nMessage-ID: <p1@plain.example>\r\n",
        "Where is it?",
    );
    assert!(
        deliver_one(lmtp, "bob@plain.example", &plain)
            .await
            .starts_with("250")
    );
    assert_eq!(count(&app).await, 2);

    let logged = app.store.inbound_auth().await.unwrap();
    assert_eq!(
        logged,
        vec![
            (
                "created".into(),
                None,
                auth("none", "pass", "pass", Some("reject"))
            ),
            (
                "automatic".into(),
                Some("dmarc_failed".into()),
                auth("none", "fail", "fail", Some("reject"))
            ),
            ("created".into(), None, auth("pass", "none", "none", None)),
        ]
    );

    // The held message is in the quarantine, as such, and a manager may release it.
    let held = app.store.quarantine(10).await.unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].held_reason.as_deref(), Some("dmarc_failed"));
    assert_eq!(held[0].auth.dkim.as_deref(), Some("fail"));
    let by = Actor::employee(EmployeeId(app.manager.id), "Mona Manager");
    let first = app.list_ids("limit=10").await;
    // Its Message-ID is the signed message's: released, it goes to that complaint.
    let c = inbound::release(&app.state, held[0].id, &by).await.unwrap();
    assert!(first.contains(&c.0), "{first:?} {c:?}");
    assert_eq!(count(&app).await, 2);
    assert!(app.store.quarantine(10).await.unwrap().is_empty());
}
