//! Tend's HTTP layer: the JSON API v1 under `/api/v1`, its OpenAPI document, health checks,
//! and the web pages (`web`).
//!
//! `router` builds the whole app from an [`AppState`]; `serve` runs it on a listener until a
//! shutdown signal, so tests can start the real server on port 0.

pub mod auth;
pub mod due;
pub mod error;
pub mod extract;
pub mod mail;
pub mod openapi;
pub mod routes;
pub mod views;
pub mod web;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use tend_domain::clock::Clock;
use tend_store::Store;
use tokio::net::TcpListener;

/// Everything a request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub web: web::WebConfig,
}

impl AppState {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        AppState {
            store,
            clock,
            web: web::WebConfig::default(),
        }
    }

    /// Marks the pages' cookies `Secure` (when Tend is reached over HTTPS).
    pub fn with_secure_cookies(mut self, secure: bool) -> Self {
        self.web.secure_cookies = secure;
        self
    }

    pub fn with_limits(mut self, limits: web::limits::Limits) -> Self {
        self.web.limits = limits;
        self
    }
}

/// Serves the app on `listener` until `shutdown` resolves, then drains in-flight requests.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = routes::router(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
