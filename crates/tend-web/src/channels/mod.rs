//! Settings pages: categories, products, and each channel's service hours and response
//! standards as plain fields.

pub(crate) mod channel_form;
pub(crate) mod settings;

use axum::Router;
use axum::routing::{get, post};

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/settings", get(settings::page))
        .route("/settings/categories", post(settings::add_category))
        .route("/settings/products", post(settings::add_product))
        .route("/settings/channels/{code}", post(settings::channel))
}
