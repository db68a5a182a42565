//! `tend serve`: migrate, listen, serve (with a background worker unless told not to) until
//! Ctrl-C or SIGTERM, then drain and close.

use std::net::SocketAddr;
use tend_store::StoreOptions;

use crate::commands::signal::shutdown_signal;
use crate::commands::work::WorkOptions;

pub async fn run(
    opts: &StoreOptions,
    listen: SocketAddr,
    secure_cookies: bool,
    work: WorkOptions,
    with_worker: bool,
) -> anyhow::Result<()> {
    let store = crate::open(opts).await?;
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
    let state = work.state(store.clone());
    let web = tend_web::WebConfig {
        secure_cookies,
        ..tend_web::WebConfig::default()
    };
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = if with_worker {
        let worker = work.worker(state.clone())?;
        let mut stopped = stopped.clone();
        Some(tokio::spawn(worker.run(async move {
            let _ = stopped.wait_for(|s| *s).await;
        })))
    } else {
        None
    };
    tend::server::serve(listener, state, web, shutdown_signal()).await?;
    let _ = stop.send(true);
    if let Some(w) = worker {
        let _ = w.await;
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}
