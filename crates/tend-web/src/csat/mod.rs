//! Satisfaction after resolution (CSAT), the staff's side: the reasons a dissatisfied customer
//! may pick (`/settings/csat-reasons`). The customer's side — the question behind its private
//! link and on the status page — lives with the public pages (`public/csat.rs`).

pub(crate) mod reasons;

use axum::Router;
use axum::routing::get;

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new().route(
        "/settings/csat-reasons",
        get(reasons::page).post(reasons::save),
    )
}
