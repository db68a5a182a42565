//! The customers' pages: the public complaint form and the private status page.

pub(crate) mod complain;
pub(crate) mod status;

use axum::Router;
use axum::routing::{get, post};

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/complain", get(complain::form).post(complain::submit))
        .route("/thanks/{token}", get(complain::thanks))
        .route("/status/{token}", get(status::page))
        .route("/status/{token}/message", post(status::message))
        .route("/status/{token}/satisfaction", post(status::satisfaction))
}
