//! Tend's HTTP layer: the JSON API v1 under `/api/v1`, its OpenAPI document, health checks,
//! and the web pages (`web`).
//!
//! `router` builds the whole app from an [`AppState`]; `serve` runs it on a listener until a
//! shutdown signal, so tests can start the real server on port 0.

pub mod auth;
pub mod changes;
pub mod due;
pub mod error;
pub mod extract;
pub mod mail;
pub mod openapi;
pub mod routes;
pub mod views;
pub mod web;
pub mod worker;

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
    /// Where people reach Tend (no trailing `/`): the start of links in messages.
    public_url: Arc<str>,
    /// How long after a purchase its retention contact is due.
    pub retention_after: jiff::SignedDuration,
    pub web: web::WebConfig,
}

impl AppState {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        AppState {
            store,
            clock,
            public_url: "http://127.0.0.1:8080".into(),
            retention_after: jiff::SignedDuration::from_hours(30 * 24),
            web: web::WebConfig::default(),
        }
    }

    /// Sets the address people reach Tend at, e.g. `https://help.example.com`.
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = url.trim_end_matches('/').into();
        self
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
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
