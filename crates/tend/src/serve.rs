//! `tend serve`: migrate, listen, serve until Ctrl-C or SIGTERM, then drain and close.

use std::net::SocketAddr;
use std::sync::Arc;

use tend_domain::clock::SystemClock;
use tend_server::AppState;
use tend_store::StoreOptions;

pub async fn run(
    opts: &StoreOptions,
    listen: SocketAddr,
    secure_cookies: bool,
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
    if store.employees().await?.is_empty() {
        println!(
            "No users yet. Create the first admin with:\n  tend user add --email you@example.com --name \"Your Name\" --role admin"
        );
    }
    let state =
        AppState::new(store.clone(), Arc::new(SystemClock)).with_secure_cookies(secure_cookies);
    tend_server::serve(listener, state, shutdown_signal()).await?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
