//! Query strings: a typed query whose refusal names the parameter (`ApiQuery`), and the one
//! form of an id cursor (`id_cursor`).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// An id cursor as the list gave it out: decimal digits without sign or leading zero, at most
/// 18 of them (the documented pattern `^(0|[1-9][0-9]{0,17})$`); anything else is a 422 on
/// `cursor`.
pub fn id_cursor(raw: &str) -> Result<i64, ApiError> {
    let digits = raw.bytes().all(|b| b.is_ascii_digit());
    let canonical = raw == "0" || !raw.starts_with('0');
    match raw.parse::<i64>() {
        Ok(n) if digits && canonical && (1..=18).contains(&raw.len()) => Ok(n),
        _ => Err(ApiError::invalid(
            "cursor",
            "is not a cursor this server gave out",
        )),
    }
}

/// A query string deserialised into `T`; a refusal is a 422 naming the parameter (axum's own
/// rejection would be a plain-text 400).
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let q = axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map_err(|e| {
                let text = e.body_text();
                let field = text.split('`').nth(1).unwrap_or("query").to_owned();
                ApiError::invalid(field, text)
            })?;
        Ok(ApiQuery(q.0))
    }
}
