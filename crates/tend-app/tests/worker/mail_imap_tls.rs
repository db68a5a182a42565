//! Mail in over IMAPS from a real Dovecot serving a self-signed certificate made for the
//! test: a mailbox that trusts it (`ca_file`) takes the message; one left on the Web PKI roots
//! refuses the server — an error counted (`tend_imap_errors_total`), no message taken, none
//! marked seen.

use std::time::Duration;

use metrics_exporter_prometheus::PrometheusBuilder;
use tend_app::conversations::imap::{Mailbox, watch};
use tend_app::conversations::inbound::MailIn;
use tend_testkit::dovecot::Dovecot;

use crate::helpers::{TestApp, spawn_app};
use crate::mail_in::{TEND, count, mail};

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

fn start(app: &TestApp, mailbox: Mailbox) -> tokio::sync::oneshot::Sender<()> {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let cfg = MailIn::for_sender(TEND);
    tokio::spawn(watch(app.state.clone(), cfg, mailbox, async move {
        let _ = stopped.await;
    }));
    stop
}

/// The value of counter `name` in the exposition `text` (0 when absent).
fn counter(text: &str, name: &str) -> u64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or(0)
}

#[tokio::test]
async fn imaps_with_a_trusted_self_signed_certificate_and_not_without() {
    let Some(dovecot) = Dovecot::start_tls().await else {
        return;
    };
    let app = spawn_app().await;
    // This test's thread records the metrics its tasks (the watchers) write.
    let recorder = PrometheusBuilder::new().build_recorder();
    let metrics = recorder.handle();
    let _recording = metrics::set_default_local_recorder(&recorder);
    dovecot
        .deliver(&mail(
            "ana@example.com",
            "Broken lid",
            "Message-ID: <tls1@example.com>\r\n",
            "The lid broke.",
        ))
        .await;

    // The Web PKI roots do not vouch for the test's certificate: refused, counted, not taken.
    let untrusted = Mailbox::from_url(&dovecot.tls_url(), 1).unwrap();
    let stop = start(&app, untrusted);
    until("the refusal is counted", async || {
        counter(&metrics.render(), "tend_imap_errors_total") >= 1
    })
    .await;
    stop.send(()).unwrap();
    assert_eq!(count(&app).await, 0);
    assert_eq!(dovecot.unseen_of().await, (1, 1));
    assert!(app.store.inbound_mail().await.unwrap().is_empty());

    // Trusting the certificate's file (`ca_file`): the message is taken over TLS.
    let trusted = Mailbox::from_url(&dovecot.tls_url(), 1)
        .unwrap()
        .trusting(&dovecot.ca_file())
        .unwrap();
    let _stop = start(&app, trusted);
    until("the complaint is created", async || count(&app).await == 1).await;
    until("the message is seen", async || {
        dovecot.unseen_of().await == (0, 1)
    })
    .await;
    let id = app.list_ids("limit=10").await[0];
    assert_eq!(app.complaint(id).await["description"], "The lid broke.");

    // A plain mailbox cannot be given a certificate to trust; nor can a file with none.
    let plain = Mailbox::from_url(&dovecot.url(), 1).unwrap();
    assert!(plain.trusting(&dovecot.ca_file()).is_err());
    let empty = std::env::temp_dir().join(format!("tend-no-cert-{}.pem", std::process::id()));
    std::fs::write(&empty, "not a certificate\n").unwrap();
    let tls = Mailbox::from_url(&dovecot.tls_url(), 1).unwrap();
    let e = tls.trusting(&empty).unwrap_err();
    assert!(e.contains("no PEM certificate"), "{e}");
    std::fs::remove_file(&empty).unwrap();
}
