//! Request extractors whose failures name the field and the reason: JSON bodies (strict, with
//! unknown fields refused; `json_checks`: NULs and integral numbers), JSON merge patches
//! (`patch`) and the clean-URI middleware (`uri`).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

mod json_checks;
mod patch;
mod uri;

use json_checks::{has_nul_escape, integral, nul_error};
pub use patch::{MergePatch, merge_patch};
pub use uri::clean_uri;

/// A JSON body deserialised into `T`; errors become 400/413/415/422 with the field named.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| {
                ct.split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
            });
        if !is_json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send Content-Type: application/json",
            )
            .field("content-type", "must be application/json"));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    "the body is larger than this server accepts",
                )
                .field("body", "is too large")
            } else {
                ApiError::new(StatusCode::BAD_REQUEST, "bad_request", e.body_text())
            }
        })?;
        parse(&bytes).map(ApiJson)
    }
}

/// Deserialises JSON bytes, naming the field at fault. The body must be exactly one JSON value
/// (trailing bytes other than white space are a 400 `malformed_json`), an integer may be written
/// with a zero fraction (`2.0`, as JSON Schema's `integer`), and no string in it may
/// hold a NUL character (`\u0000`: PostgreSQL cannot store it), a 422 naming the field.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if has_nul_escape(bytes) {
        return Err(nul_error(bytes));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = match deserialize(&mut de) {
        Err(e) if e.message.contains("invalid type: floating point") => {
            // JSON Schema's `integer` is a number with a zero fraction, so `2.0` is 2: read
            // again with such numbers as integers (only a refused body pays for this).
            let mut v: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| e)?;
            integral(&mut v);
            return from_value(v);
        }
        other => other?,
    };
    de.end().map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            "the body must be one JSON value with nothing after it",
        )
        .field("body", e.to_string())
    })?;
    Ok(value)
}

fn deserialize<T: DeserializeOwned>(
    de: &mut serde_json::Deserializer<serde_json::de::SliceRead<'_>>,
) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        // More items than a fixed-length array takes (`["09:00", "17:00", "x"]`) is reported by
        // serde_json as trailing characters: a field's fault, not the body's.
        let too_many = path != "." && inner.to_string().starts_with("trailing characters");
        if (inner.is_syntax() || inner.is_eof()) && !too_many {
            return ApiError::new(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                format!("the body is not valid JSON: {inner}"),
            )
            .field("body", inner.to_string());
        }
        data_error(&path, &inner.to_string())
    })
}

/// Deserialises a JSON value (e.g. a merged patch), naming the field at fault; integers may
/// be written with a zero fraction.
pub fn from_value<T: DeserializeOwned>(mut v: serde_json::Value) -> Result<T, ApiError> {
    integral(&mut v);
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        data_error(&path, &e.into_inner().to_string())
    })
}

/// Deserialises an internally tagged object (such as an action). serde buffers those, so its
/// errors lose the field's path; on failure this finds the key at fault by leaving keys out one
/// at a time and seeing which one changes the error. Only the error path pays for that.
pub fn from_tagged<T: DeserializeOwned>(
    mut v: serde_json::Value,
    tag: &str,
) -> Result<T, ApiError> {
    integral(&mut v);
    let err = match serde_json::from_value::<T>(v.clone()) {
        Ok(t) => return Ok(t),
        Err(e) => e.to_string(),
    };
    if err.starts_with("missing field") || err.starts_with("unknown field") {
        return Err(data_error(".", &err));
    }
    if let Some(obj) = v.as_object() {
        for key in obj.keys().filter(|k| k.as_str() != tag) {
            let mut without = obj.clone();
            without.remove(key);
            let changed = match serde_json::from_value::<T>(without.into()) {
                Ok(_) => true,
                Err(e) => e.to_string() != err,
            };
            if changed {
                return Err(ApiError::invalid(
                    key.clone(),
                    err.split(" at line ").next().unwrap_or(&err),
                ));
            }
        }
    }
    Err(ApiError::invalid(
        tag,
        err.split(" at line ").next().unwrap_or(&err),
    ))
}

/// Turns serde's wording into a field and a reason.
fn data_error(path: &str, msg: &str) -> ApiError {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    let quoted = |prefix: &str| {
        msg.strip_prefix(prefix)
            .and_then(|r| r.split('`').next())
            .map(str::to_owned)
    };
    let (field, reason) = if let Some(f) = quoted("missing field `") {
        (join(path, &f), "is required".to_owned())
    } else if let Some(f) = quoted("unknown field `") {
        // The path already ends in the unknown key, unless serde buffered the object.
        let field = if path == "." || path.is_empty() {
            f
        } else {
            path.to_owned()
        };
        (field, format!("is not a known field ({msg})"))
    } else if msg.starts_with("unknown variant") && (path == "." || path.is_empty()) {
        ("action".to_owned(), msg.to_owned())
    } else {
        (
            if path == "." || path.is_empty() {
                "body".to_owned()
            } else {
                path.to_owned()
            },
            msg.to_owned(),
        )
    };
    ApiError::invalid(field, reason)
}

fn join(path: &str, field: &str) -> String {
    if path == "." || path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}
