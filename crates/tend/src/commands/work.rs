//! Background work from the command line: the mail, link and worker flags shared by
//! `tend serve` (which runs workers beside the web server) and `tend worker` (workers alone).
//! The values reach the code through [`Settings`], which also reads `TEND_*` and `tend.toml`.

use std::sync::Arc;

use clap::Args;
use tend_app::AppState;
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::{Mailer, SmtpSettings};
use tend_domain::kernel::clock::SystemClock;
use tend_store::Store;

use crate::settings::Settings;

/// Where mail goes, where links point, and how many workers run. Defaults are in
/// `docs/configuration.md` (and `tend config show`).
#[derive(Args, Clone)]
pub struct WorkArgs {
    /// Outgoing mail server: `smtp://host:25` (plain, for a local relay),
    /// `smtp+starttls://user:password@host:587` or `smtps://user:password@host:465`.
    /// Without it, messages wait in the queue until a worker with a mail server sends them.
    #[arg(long, env = "TEND_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of every message (default `Tend <tend@localhost>`).
    #[arg(long, env = "TEND_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// Where customers and staff reach Tend: the start of every link in a message (default
    /// `http://127.0.0.1:8080`).
    #[arg(long, env = "TEND_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Days from a purchase to its retention contact (default 30).
    #[arg(long, env = "TEND_RETENTION_DAYS", value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub retention_days: Option<i64>,
    /// Workers in this process (default 1; `tend serve` runs none with `--no-worker`).
    #[arg(long, env = "TEND_CONCURRENCY", value_parser = clap::value_parser!(u32).range(1..=64))]
    pub concurrency: Option<u32>,
    /// Take mail in over LMTP on this address (off by default), for a local mail server to
    /// deliver to; keep it private: it authenticates nobody.
    #[arg(long, env = "TEND_LMTP_LISTEN")]
    pub lmtp_listen: Option<std::net::SocketAddr>,
    /// The header the local mail server writes with the sending client's IP address, for SPF
    /// (it must strip that header from mail it receives); without it SPF is not evaluated.
    #[arg(long, env = "TEND_CLIENT_IP_HEADER")]
    pub client_ip_header: Option<String>,
    /// Where attachments' bytes are kept, by hash (default: `attachments` beside a SQLite
    /// database, else `./tend-data/attachments`); never under a served path.
    #[arg(long, env = "TEND_ATTACHMENTS_DIR")]
    pub attachments_dir: Option<std::path::PathBuf>,
}

/// Starts the LMTP listener if `mail.lmtp_listen` is set, until `stopped` turns true. Mail
/// from Tend's own address (`mail.from`) is ignored.
pub async fn spawn_lmtp(
    settings: &Settings,
    state: &AppState,
    stopped: &tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let Some(at) = settings.lmtp_listen.value else {
        return Ok(());
    };
    let listener = tokio::net::TcpListener::bind(at)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {at} for LMTP: {e}"))?;
    println!(
        "Mail in: LMTP on {} (keep this address private)",
        listener.local_addr()?
    );
    let mut cfg = tend_app::conversations::inbound::MailIn::for_sender(&settings.mail_from.value);
    let header = settings.client_ip_header.value.clone();
    cfg.auth = Some(Arc::new(tend_app::conversations::auth::MailAuth::system(
        header,
    )));
    let mut stopped = stopped.clone();
    tokio::spawn(tend_app::conversations::lmtp::serve(
        listener,
        state.clone(),
        cfg,
        async move {
            let _ = stopped.wait_for(|s| *s).await;
        },
    ));
    Ok(())
}

/// Starts one watcher per `[[mail.imap]]` mailbox, until `stopped` turns true; mail is taken
/// in as over LMTP (Tend's own address ignored, SPF/DKIM/DMARC checked). None configured: off.
pub fn spawn_imap(
    settings: &Settings,
    state: &AppState,
    stopped: &tokio::sync::watch::Receiver<bool>,
) {
    for m in &settings.imap.value {
        let mut cfg =
            tend_app::conversations::inbound::MailIn::for_sender(&settings.mail_from.value);
        cfg.auth = Some(Arc::new(tend_app::conversations::auth::MailAuth::system(
            settings.client_ip_header.value.clone(),
        )));
        println!("Mail in: IMAP from {}", m.mailbox.label());
        let mut stopped = stopped.clone();
        tokio::spawn(tend_app::conversations::imap::watch(
            state.clone(),
            cfg,
            m.mailbox.clone(),
            async move {
                let _ = stopped.wait_for(|s| *s).await;
            },
        ));
    }
}

/// The app state the settings describe, on the system clock.
pub fn state(settings: &Settings, store: Store) -> AppState {
    let mut state = AppState::new(store, Arc::new(SystemClock))
        .with_public_url(&settings.public_url.value)
        .with_files_dir(settings.attachments_dir.value.clone());
    state.retention_after = jiff::SignedDuration::from_hours(24 * settings.retention_days.value);
    state
}

/// The mailer, if a mail server is configured (the password is never printed).
pub fn mailer(settings: &Settings) -> anyhow::Result<Option<Mailer>> {
    let Some(url) = &settings.smtp_url.value else {
        return Ok(None);
    };
    let smtp = SmtpSettings::from_url(url, settings.mail_from.value.clone())
        .map_err(|e| anyhow::anyhow!("mail.smtp_url ({}): {e}", settings.smtp_url.source))?;
    Ok(Some(Mailer::new(&smtp)?))
}

/// The configured number of workers on `state`, each with a unique name, running until
/// `stopped` turns true.
pub fn spawn_workers(
    settings: &Settings,
    state: &AppState,
    stopped: &tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<tokio::task::JoinSet<()>> {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..settings.concurrency.value.max(1) {
        let config = WorkerConfig::new(WorkerConfig::unique_name());
        let worker = Worker::new(state.clone(), mailer(settings)?, config);
        let mut stopped = stopped.clone();
        tasks.spawn(worker.run(async move {
            let _ = stopped.wait_for(|s| *s).await;
        }));
    }
    Ok(tasks)
}

/// `tend worker`: the configured number of workers until Ctrl-C or SIGTERM.
pub async fn run(store: Store, settings: &Settings) -> anyhow::Result<()> {
    let state = state(settings, store.clone());
    if settings.smtp_url.value.is_none() {
        println!("No --smtp-url: mail jobs stay queued for a worker that has a mail server.");
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tend::metrics::spawn_upkeep();
    spawn_lmtp(settings, &state, &stopped).await?;
    spawn_imap(settings, &state, &stopped);
    let mut tasks = spawn_workers(settings, &state, &stopped)?;
    println!(
        "{} worker(s) running; Ctrl-C stops them.",
        settings.concurrency.value
    );
    crate::commands::signal::shutdown_signal().await;
    let _ = stop.send(true);
    while tasks.join_next().await.is_some() {}
    store.close().await;
    Ok(())
}
