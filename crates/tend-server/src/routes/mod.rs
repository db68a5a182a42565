//! The route table. Files here mirror the URL space: one module per resource; the web pages'
//! routes are in `crate::web`.

mod catalog;
mod channels;
mod complaints;
mod customers;
mod health;
mod transactions;
mod work;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::AppState;
use crate::error::ApiError;

/// The largest request body accepted: room for a 20,000-character description in any script.
pub const BODY_LIMIT: usize = 256 * 1024;

pub use catalog::*;
pub use channels::*;
pub use complaints::*;
pub use customers::*;
pub use health::*;
pub use transactions::*;
pub use work::*;

/// An unknown address: JSON for API clients (a path under `/api/` or a bearer token), a page
/// for browsers.
async fn not_found(req: axum::extract::Request) -> axum::response::Response {
    use axum::response::IntoResponse;
    let api = req.uri().path().starts_with("/api/")
        || req
            .headers()
            .contains_key(axum::http::header::AUTHORIZATION);
    if api {
        ApiError::not_found("page").into_response()
    } else {
        crate::web::error::PageError::not_found().into_response()
    }
}

pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/customers", post(create_customer).get(list_customers))
        .route("/customers/{id}", get(get_customer).patch(patch_customer))
        .route("/complaints", post(create_complaint).get(list_complaints))
        .route(
            "/complaints/{id}",
            get(get_complaint).patch(patch_complaint),
        )
        .route("/complaints/{id}/actions", post(act_on_complaint))
        .route("/complaints/{id}/steps", post(add_step).get(list_steps))
        .route("/complaints/{id}/timeline", get(timeline))
        .route("/categories", get(list_categories).post(create_category))
        .route("/categories/{id}/follow-up", put(set_category_follow_up))
        .route("/products", get(list_products).post(create_product))
        .route("/channels", get(list_channels))
        .route(
            "/channels/{channel}/service-hours",
            get(get_service_hours).put(put_service_hours),
        )
        .route(
            "/channels/{channel}/response-standards",
            get(get_response_standards).put(put_response_standards),
        )
        .route("/employees", get(list_employees))
        .route(
            "/transactions",
            post(create_transaction).get(list_transactions),
        )
        .route("/transactions/{id}", get(get_transaction))
        .fallback(|| async { ApiError::not_found("route") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this route does not take that method",
            )
        });
    Router::new()
        .nest("/api/v1", api)
        .route("/api/openapi.json", get(crate::openapi::document))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .merge(crate::web::router())
        .fallback(not_found)
        .layer(axum::middleware::from_fn(crate::web::error::localise))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::new())
        .with_state(state)
}
