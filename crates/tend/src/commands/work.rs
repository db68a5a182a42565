//! Background work from the command line: the mail and link settings shared by `tend serve`
//! (which runs one worker beside the web server) and `tend worker` (workers alone).

use std::sync::Arc;

use clap::Args;
use tend_app::AppState;
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::{Mailer, SmtpSettings};
use tend_domain::kernel::clock::SystemClock;
use tend_store::Store;

/// Where mail goes and where links point.
#[derive(Args, Clone)]
pub struct WorkOptions {
    /// Outgoing mail server: `smtp://host:25` (plain, for a local relay),
    /// `smtp+starttls://user:password@host:587` or `smtps://user:password@host:465`.
    /// Without it, messages wait in the queue until a worker with a mail server sends them.
    #[arg(long, env = "TEND_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of every message.
    #[arg(long, env = "TEND_MAIL_FROM", default_value = "Tend <tend@localhost>")]
    pub mail_from: String,
    /// Where customers and staff reach Tend: the start of every link in a message.
    #[arg(long, env = "TEND_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    pub public_url: String,
    /// Days from a purchase to its retention contact.
    #[arg(long, env = "TEND_RETENTION_DAYS", default_value_t = 30, value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub retention_days: i64,
}

impl WorkOptions {
    /// The app state these options describe, on the system clock.
    pub fn state(&self, store: Store) -> AppState {
        let mut state =
            AppState::new(store, Arc::new(SystemClock)).with_public_url(&self.public_url);
        state.retention_after = jiff::SignedDuration::from_hours(24 * self.retention_days);
        state
    }

    /// The mailer, if a mail server is configured (the password is never printed).
    pub fn mailer(&self) -> anyhow::Result<Option<Mailer>> {
        let Some(url) = &self.smtp_url else {
            return Ok(None);
        };
        let settings = SmtpSettings::from_url(url, self.mail_from.clone())?;
        Ok(Some(Mailer::new(&settings)?))
    }

    /// A worker on `state` with a unique name.
    pub fn worker(&self, state: AppState) -> anyhow::Result<Worker> {
        let config = WorkerConfig::new(WorkerConfig::unique_name());
        Ok(Worker::new(state, self.mailer()?, config))
    }
}

/// `tend worker`: `concurrency` workers until Ctrl-C or SIGTERM.
pub async fn run(store: Store, opts: WorkOptions, concurrency: u32) -> anyhow::Result<()> {
    let state = opts.state(store.clone());
    if opts.smtp_url.is_none() {
        println!("No --smtp-url: mail jobs stay queued for a worker that has a mail server.");
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..concurrency.max(1) {
        let worker = opts.worker(state.clone())?;
        let mut stopped = stopped.clone();
        tasks.spawn(worker.run(async move {
            let _ = stopped.wait_for(|s| *s).await;
        }));
    }
    println!(
        "{} worker(s) running; Ctrl-C stops them.",
        concurrency.max(1)
    );
    crate::commands::signal::shutdown_signal().await;
    let _ = stop.send(true);
    while tasks.join_next().await.is_some() {}
    store.close().await;
    Ok(())
}
