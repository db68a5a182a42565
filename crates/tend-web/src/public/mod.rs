//! The customers' pages: the public complaint form, the private status page and the
//! withdrawal of consent to later contact (from the status page and from every mail's link),
//! and the satisfaction question mailed after a resolution.

pub(crate) mod complain;
pub(crate) mod consent;
pub(crate) mod csat;
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
        .route("/status/{token}/consent", post(status::withdraw))
        .route("/csat/{token}", get(csat::ask).post(csat::submit))
        .route(
            "/consent/{token}",
            get(consent::page).post(consent::withdraw),
        )
}
