//! Tend's JSON API v1: one module per capability, mirroring the URL space under `/api/v1`, the
//! OpenAPI document, health checks, bearer-token auth and one error shape. It knows nothing of
//! the pages (`tend-web`); the binary puts the two side by side.

pub mod auth;
pub mod error;
pub mod extract;
pub mod openapi;
pub mod views;

mod catalog;
mod channels;
mod complaints;
mod customers;
mod health;
mod help;
mod transactions;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
pub use tend_app::AppState;

use crate::error::ApiError;

pub use catalog::*;
pub use channels::*;
pub use complaints::*;
pub use customers::*;
pub use health::*;
pub use help::*;
pub use transactions::*;

/// The API's routes: `/api/v1/…`, the OpenAPI document and the health checks.
pub fn routes() -> Router<AppState> {
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
        .route("/articles", get(list_articles).post(create_article))
        .route("/articles/{id}", get(get_article).put(put_article))
        .route(
            "/articles/{id}/translations",
            get(list_translations).post(save_translation),
        )
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
}
