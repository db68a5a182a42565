//! `tend serve`: migrate, listen, serve (with background workers unless told not to) until
//! Ctrl-C or SIGTERM, then drain and close.

use std::net::SocketAddr;

use clap::Args;
use tend_store::StoreOptions;

use crate::commands::signal::shutdown_signal;
use crate::settings::Settings;

/// The web server's flags; defaults in `docs/configuration.md`.
#[derive(Args, Clone)]
pub struct ServerArgs {
    /// Address and port to listen on (default `127.0.0.1:8080`).
    #[arg(long, env = "TEND_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// Mark the web pages' cookies `Secure`: set it when Tend is reached over HTTPS.
    #[arg(long, env = "TEND_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Also serve `/metrics` without authentication on this address, meant for a private
    /// network (on the main address `/metrics` needs an admin's API token).
    #[arg(long, env = "TEND_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
}

pub async fn run(
    opts: &StoreOptions,
    settings: &Settings,
    with_worker: bool,
) -> anyhow::Result<()> {
    let store = crate::open(opts).await?;
    let listen = settings.listen.value;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {listen}: {e}"))?;
    let addr = listener.local_addr()?;
    tracing::info!(engine = ?store.engine(), "Tend is listening on http://{addr}");
    println!(
        "Tend is running at http://{addr}  (sign in there; API: http://{addr}/api/v1, OpenAPI: http://{addr}/api/openapi.json)"
    );
    // The one-time setup link goes to standard output only, never through the log.
    if let Some(token) = store.create_setup_token(jiff::Timestamp::now()).await? {
        println!(
            "No users yet. Create the first administrator in your browser with this one-time link \
             (it works once):\n  http://{addr}/setup?token={token}\n\
             (or on the command line: tend user add --email you@example.com --name \"Your Name\" --role admin)"
        );
    }
    let state = crate::commands::work::state(settings, store.clone());
    let web = tend_web::WebConfig {
        secure_cookies: settings.secure_cookies.value,
        ..tend_web::WebConfig::default()
    };
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tend::metrics::spawn_upkeep();
    if let Some(at) = settings.metrics_listen.value {
        let metrics = tokio::net::TcpListener::bind(at)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {at} for metrics: {e}"))?;
        println!(
            "Metrics without authentication (keep this address private): http://{}/metrics",
            metrics.local_addr()?
        );
        let mut stopped = stopped.clone();
        tokio::spawn(tend::server::serve_metrics(
            metrics,
            state.clone(),
            async move {
                let _ = stopped.wait_for(|s| *s).await;
            },
        ));
    }
    crate::commands::work::spawn_lmtp(settings, &state, &stopped).await?;
    crate::commands::work::spawn_imap(settings, &state, &stopped);
    let mut workers = if with_worker {
        crate::commands::work::spawn_workers(settings, &state, &stopped)?
    } else {
        tokio::task::JoinSet::new()
    };
    tend::server::serve(listener, state, web, shutdown_signal()).await?;
    let _ = stop.send(true);
    while workers.join_next().await.is_some() {}
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}
