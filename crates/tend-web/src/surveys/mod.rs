//! Surveys' pages: answering at the public link `/s/{token}` (no sign-in, page by page, kept
//! as the respondent goes), the staff's list and live results, and the managers' builder.

pub(crate) mod answer;
pub(crate) mod build;
pub(crate) mod codes;
pub(crate) mod edit;
pub(crate) mod form;
pub(crate) mod invitations;
pub(crate) mod link;
pub(crate) mod results;
pub(crate) mod schedule;
pub(crate) mod settings;

use axum::Router;
use axum::routing::{get, post};

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/s/{token}", get(answer::page).post(answer::submit))
        .route(
            "/s/i/{token}",
            get(answer::invited_page).post(answer::invited_submit),
        )
        .route("/surveys", get(results::list))
        .route("/surveys/new", get(edit::new).post(edit::create))
        .route(
            "/surveys/settings",
            get(settings::page).post(settings::save),
        )
        .route(
            "/surveys/{id}/schedule",
            get(schedule::page).post(schedule::set),
        )
        .route("/surveys/{id}/schedule/stop", post(schedule::stop))
        .route("/surveys/{id}", get(results::page))
        .route("/surveys/{id}/edit", get(edit::edit).post(edit::update))
        .route("/surveys/{id}/close", post(edit::close))
        .route("/surveys/{id}/invitations", post(invitations::invite))
        .route("/surveys/{id}/codes", post(codes::add))
        .route(
            "/surveys/{id}/answers/{response}/{question}/codes",
            post(codes::set),
        )
}
