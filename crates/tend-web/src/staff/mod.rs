//! Staff pages: the first run (setup link), sign-in and out, the language choice, invitations,
//! employees in settings, the company's settings (name, time zone) and each employee's own
//! (`/me`: language, time zone).

pub(crate) mod access;
pub(crate) mod company;
pub(crate) mod employees;
pub(crate) mod me;
pub(crate) mod setup;
pub(crate) mod sign_in;

use axum::Router;
use axum::routing::{get, post};

use crate::WebState;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/sign-in", get(sign_in::form).post(sign_in::submit))
        .route("/setup", get(setup::form).post(setup::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/language", post(sign_in::language))
        .route(
            "/invite/{token}",
            get(sign_in::invite).post(sign_in::accept_invite),
        )
        .route("/settings/employees", post(employees::invite))
        .route("/settings/employees/{id}", post(employees::change))
        .route("/settings/employees/{id}/active", post(access::set_active))
        .route(
            "/settings/employees/{id}/revoke-tokens",
            post(access::revoke_tokens),
        )
        .route("/settings/company", get(company::page).post(company::save))
        .route("/settings/company/purge", post(company::save_purge))
        .route("/me", get(me::page).post(me::save))
}
