//! Complaint pages: the inbox, a new complaint, a complaint's page and the method's steps on it.

pub(crate) mod act_form;
pub(crate) mod complaint;
pub(crate) mod facts;
pub(crate) mod fate;
pub(crate) mod inbox;
mod inbox_report;
pub(crate) mod merged;
pub(crate) mod method;
pub(crate) mod new_complaint;
pub(crate) mod new_complaint_page;
pub(crate) mod show;
pub(crate) mod work;

use axum::Router;
use axum::routing::{get, post};

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/inbox", get(inbox::page))
        .route(
            "/complaints/new",
            get(new_complaint::form).post(new_complaint::submit),
        )
        .route("/complaints/{id}", get(complaint::page))
        .route("/complaints/{id}/act", post(work::act))
        .route("/complaints/{id}/steps", post(work::add_step))
        .route("/complaints/{id}/edit", post(work::edit))
        .route("/complaints/{id}/merge", post(fate::merge))
        .route("/complaints/{id}/delete", post(fate::delete))
}
