//! The middleware that refuses a path or query string that is not clean text.

use axum::extract::Request;
use axum::http::StatusCode;

use crate::error::ApiError;

/// Refuses a request whose path or query is not clean text (the rule is
/// `tend_domain::kernel::urlencoded`: UTF-8 once decoded, no NUL) before any handler or query
/// extractor sees it: 422 `validation_failed` naming the query parameter, or 400 for the path.
pub async fn clean_uri(req: Request, next: axum::middleware::Next) -> axum::response::Response {
    use axum::response::IntoResponse;
    use tend_domain::kernel::urlencoded::{self, Unclean};
    let uri = req.uri();
    if !urlencoded::clean_path(uri.path()) {
        return ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "the path is not valid UTF-8 text without NUL",
        )
        .into_response();
    }
    if let Some(q) = uri.query()
        && let Err((field, why)) = urlencoded::check(q.as_bytes())
    {
        let reason = match why {
            Unclean::NotUtf8 => "must be valid UTF-8 text",
            Unclean::Nul => tend_domain::kernel::reason::CONTROL_CHARACTERS.english,
        };
        return ApiError::invalid(field, reason).into_response();
    }
    next.run(req).await
}
