//! Customer pages: the list with search, a customer's page, the correction of a profile, and
//! their data (export, anonymisation).

pub(crate) mod data;
pub(crate) mod edit;
pub(crate) mod list;

use axum::Router;
use axum::routing::get;

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/customers", get(list::list))
        .route("/customers/{id}", get(list::page))
        .route("/customers/{id}/edit", get(edit::form).post(edit::submit))
        .route("/customers/{id}/export", get(data::export))
        .route(
            "/customers/{id}/anonymise",
            get(data::confirm).post(data::anonymise),
        )
}
