//! Strict decoding of URL-encoded form bodies and query strings (the rule is
//! `tend_domain::kernel::urlencoded`): a field that is not valid UTF-8, or holds a NUL, is a
//! 422 page naming the field in the reader's language — never a silent U+FFFD, never a NUL
//! that one engine refuses. [`clean_uri`] applies the rule to every page's path and query.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use tend_domain::kernel::urlencoded::{self, Unclean};

use crate::kit::error::PageError;

fn refusal((field, why): (String, Unclean)) -> PageError {
    let key = match why {
        Unclean::NotUtf8 => "error-not-utf8",
        Unclean::Nul => "error-nul",
    };
    PageError::field(key, field)
}

/// Checks `body` strictly, then deserialises it into `T`. Errors: a 422 naming the field for
/// bad UTF-8 or NUL, else a 400 page.
pub fn strict<T: DeserializeOwned>(body: &[u8]) -> Result<T, PageError> {
    urlencoded::check(body).map_err(refusal)?;
    serde_urlencoded::from_bytes(body).map_err(|e| {
        tracing::debug!(error = %e, "malformed form");
        PageError::bad_request()
    })
}

/// Refuses a request whose path or query is not clean text before any handler (or query
/// extractor) sees it: 422 naming the query field, or 400 for the path.
pub async fn clean_uri(req: Request, next: Next) -> Response {
    let uri = req.uri();
    if !urlencoded::clean_path(uri.path()) {
        return PageError::bad_request().into_response();
    }
    if let Some(q) = uri.query()
        && let Err(e) = urlencoded::check(q.as_bytes())
    {
        return refusal(e).into_response();
    }
    next.run(req).await
}
