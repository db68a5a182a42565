//! The help centre's pages: the public help centre at `/help/{lang}` (categories, articles,
//! search in the visitor's language, "did this help?"), its sitemap and Atom feeds, the
//! complaint form's suggestions (`deflect.rs`), the staff's article pages (`articles.rs`,
//! `edit.rs`, `page.rs`), an agent linking an article to a complaint (`link.rs`) and the
//! managers' gaps page.

mod articles;
mod centre;
pub(crate) mod deflect;
mod edit;
mod feeds;
mod gaps;
pub(crate) mod link;
mod page;

pub(crate) use centre::Link;

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
        .route("/help/articles", get(articles::page))
        .route("/help/articles/new", get(edit::new_form).post(edit::create))
        .route(
            "/help/articles/{id}",
            get(edit::show).post(edit::save_settings),
        )
        .route("/help/articles/{id}/text", post(edit::save_text))
        .route("/help/{lang}/feed.atom", get(feeds::atom))
        .route("/sitemap.xml", get(feeds::sitemap))
        .route("/complain/solved", post(deflect::solved))
        .route("/complaints/{id}/articles", post(link::link))
        .route(
            "/complaints/{id}/articles/{article}/reply",
            get(link::reply),
        )
}
