//! `/healthz` (the process answers) and `/readyz` (and its database does).

use axum::extract::State;
use axum::http::StatusCode;

use crate::AppState;

#[utoipa::path(get, path = "/healthz", tag = "health", responses((status = 200, description = "The process is up")))]
pub async fn healthz() -> &'static str {
    "ok"
}

#[utoipa::path(get, path = "/readyz", tag = "health", responses(
    (status = 200, description = "The database answers"),
    (status = 503, description = "The database does not answer"),
))]
pub async fn readyz(State(s): State<AppState>) -> (StatusCode, &'static str) {
    match s.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
