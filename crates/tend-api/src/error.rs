//! The API's one error type. Every failure leaves as
//! `{"error": {"code", "message", "fields": {field: reason}}}` with the right status:
//! 400 malformed body, 401 no or bad token, 403 role too low, 404 unknown object,
//! 409 conflict or step not allowed now, 413 body too large, 415 not JSON, 422 invalid fields,
//! 500 our fault (details logged, never sent).

use std::collections::BTreeMap;

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tend_domain::DomainError;
use tend_store::StoreError;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub fields: BTreeMap<String, String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable: `validation_failed`, `invalid_transition`, `not_found`, …
    pub code: String,
    pub message: String,
    /// The fields at fault and why.
    pub fields: BTreeMap<String, String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            fields: BTreeMap::new(),
        }
    }

    /// Names `field` and why it was refused (a sentence, or a domain reason in English).
    pub fn field(mut self, field: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        self.fields.insert(field.into(), reason.to_string());
        self
    }

    pub fn invalid(field: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        let field = field.into();
        let reason = reason.to_string();
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            format!("{field}: {reason}"),
        )
        .field(field, reason)
    }

    pub fn not_found(what: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} not found"),
        )
    }

    pub fn unauthorized() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a valid bearer token is required",
        )
    }

    pub fn forbidden(needed: &str) -> Self {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            format!("your role may not {needed}"),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.into(),
                message: self.message,
                fields: self.fields,
            },
        };
        let mut res = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        res
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Invalid(fields) => {
                let mut err = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation_failed",
                    fields.to_string(),
                );
                err.fields = fields
                    .iter()
                    .map(|(k, v)| (k.to_owned(), v.to_string()))
                    .collect();
                err
            }
            DomainError::Transition {
                action,
                field,
                reason,
            } => ApiError::new(
                StatusCode::CONFLICT,
                "invalid_transition",
                format!("{action}: {reason}"),
            )
            .field(field, reason),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => ApiError::not_found(what),
            StoreError::Domain(d) => d.into(),
            StoreError::Conflict { field, reason } => ApiError::new(
                StatusCode::CONFLICT,
                "conflict",
                format!("{field}: {reason}"),
            )
            .field(field, reason),
            StoreError::Closed => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the server is shutting down",
            ),
            other => {
                tracing::error!(error = %other, "store failure");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "something went wrong on our side; it was logged",
                )
            }
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
