//! The whole web server: the API (`tend-api`) and the pages (`tend-web`) side by side, which
//! know nothing of each other, under the layers every request passes.

use std::future::Future;
use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::{IntoResponse, Response};
use tend_app::{AppState, BODY_LIMIT};
use tend_web::{WebConfig, WebState};
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

/// An unknown address: JSON for API clients (a path under `/api/` or a bearer token), a page
/// for browsers.
async fn not_found(req: axum::extract::Request) -> Response {
    let (started, method) = (std::time::Instant::now(), req.method().to_string());
    let response = not_found_answer(&req);
    crate::metrics::record(method, "unmatched".into(), response.status(), started);
    response
}

fn not_found_answer(req: &axum::extract::Request) -> Response {
    let api = req.uri().path().starts_with("/api/")
        || req
            .headers()
            .contains_key(axum::http::header::AUTHORIZATION);
    if api {
        tend_api::error::ApiError::not_found("page").into_response()
    } else {
        tend_web::kit::error::PageError::not_found().into_response()
    }
}

/// Every route of Tend over `app`, the pages with `web`'s settings; every matched request
/// counted and timed by route ([`crate::metrics`]).
pub fn router(app: AppState, web: WebConfig) -> Router {
    crate::metrics::handle();
    let pages = tend_web::routes().with_state(WebState::new(app.clone(), web));
    tend_api::routes()
        .merge(crate::metrics::routes())
        .with_state(app)
        .merge(pages)
        .route_layer(axum::middleware::from_fn(crate::metrics::track))
        .fallback(not_found)
        .layer(axum::middleware::from_fn(tend_web::kit::error::localise))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::new())
}

/// Serves Tend on `listener` until `shutdown` resolves, then drains in-flight requests.
pub async fn serve(
    listener: TcpListener,
    app: AppState,
    web: WebConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(app, web).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// Serves `/metrics` without authentication on `listener` (`--metrics-listen`, for a private
/// network) until `shutdown` resolves.
pub async fn serve_metrics(
    listener: TcpListener,
    app: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    crate::metrics::handle();
    axum::serve(listener, crate::metrics::open_router(app))
        .with_graceful_shutdown(shutdown)
        .await
}
