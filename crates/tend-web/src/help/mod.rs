//! The help centre's pages: the public help centre at `/help/{lang}` (categories, articles,
//! search in the visitor's language, "did this help?") and the managers' gaps page.

mod centre;
mod gaps;

use axum::Router;
use axum::routing::{get, post};

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/help", get(centre::start))
        .route("/help/gaps", get(gaps::page))
        .route("/help/{lang}", get(centre::home))
        .route("/help/{lang}/search", get(centre::search))
        .route("/help/{lang}/articles/{id}", get(centre::article))
        .route(
            "/help/{lang}/articles/{id}/feedback",
            post(centre::feedback),
        )
}
