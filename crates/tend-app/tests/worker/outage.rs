//! Two workers on one database while the mail server is down, then back: every message goes
//! out exactly once, none is lost, none is dead.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use jiff::SignedDuration;
use tend_app::AppState;
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::Mailer;
use tend_domain::kernel::clock::Clock;
use tend_store::{Store, StoreOptions, backoff};

use crate::customer;
use crate::helpers::spawn_app;
use crate::smtp::{SmtpServer, free_port, settings_for};

const CUSTOMERS: usize = 24;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_send_every_message_once_through_an_smtp_outage() {
    let app = spawn_app().await;
    for n in 0..CUSTOMERS {
        let email = format!("customer{n}@example.com");
        let id = customer(&app, &format!("Customer {n}"), &email, true, "en").await;
        app.create_complaint(id).await;
    }
    // A second handle on the database, as a second machine would have.
    let other = Store::open(&StoreOptions::new(&app.database_url))
        .await
        .unwrap();
    let clock = app.clock.clone() as Arc<dyn Clock>;
    let port = free_port();
    let mailer =
        || Some(Mailer::with_timeout(&settings_for(port), Duration::from_secs(5)).unwrap());
    let w1 = Worker::new(app.state.clone(), mailer(), WorkerConfig::new("worker-1"));
    let w2 = Worker::new(
        AppState::new(other, clock),
        mailer(),
        WorkerConfig::new("worker-2"),
    );
    let both = || async {
        let (a, b) = tokio::join!(w1.drain(), w2.drain());
        let (a, b) = (a.unwrap(), b.unwrap());
        (
            a.completed + b.completed,
            a.failed + b.failed,
            a.lost + b.lost,
        )
    };

    // The mail server is down: the acknowledgements are queued, each mail job fails and waits.
    let (_, failed, lost) = both().await;
    assert_eq!((failed, lost), (CUSTOMERS as u32, 0));
    app.clock.advance(backoff(1));
    let (_, failed, _) = both().await;
    assert_eq!(
        failed, CUSTOMERS as u32,
        "tried again after the backoff, still down"
    );
    assert!(app.store.sent_mail(100).await.unwrap().is_empty());

    // Back up on the same port: the next retries go through, each message once.
    let smtp = SmtpServer::start_on(port);
    app.clock.advance(backoff(2));
    let (completed, failed, lost) = both().await;
    assert_eq!((completed, failed, lost), (CUSTOMERS as u32, 0, 0));
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), CUSTOMERS, "{inbox:#?}");
    let to: HashSet<&str> = inbox
        .iter()
        .filter_map(|m| m["rcpt_tos"][0].as_str())
        .collect();
    assert_eq!(to.len(), CUSTOMERS, "one message per customer");
    let ids: HashSet<&str> = inbox
        .iter()
        .filter_map(|m| m["message_id"].as_str())
        .collect();
    assert_eq!(ids.len(), CUSTOMERS);
    assert_eq!(app.store.sent_mail(100).await.unwrap().len(), CUSTOMERS);

    app.clock.advance(SignedDuration::from_hours(48));
    let (completed, _, _) = both().await;
    assert_eq!(completed, 0, "nothing left to do");
    assert_eq!(smtp.inbox().len(), CUSTOMERS);
    let counts = app.store.job_counts(app.clock.now()).await.unwrap();
    assert_eq!((counts.dead, counts.waiting, counts.leased), (0, 0, 0));
}
