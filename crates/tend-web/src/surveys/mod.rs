//! Surveys' pages: answering at the public link `/s/{token}` (no sign-in, page by page, kept
//! as the respondent goes), and the staff's list and live results.

pub(crate) mod answer;
pub(crate) mod form;
pub(crate) mod results;

use axum::Router;
use axum::routing::get;

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/s/{token}", get(answer::page).post(answer::submit))
        .route("/surveys", get(results::list))
        .route("/surveys/{id}", get(results::page))
}
