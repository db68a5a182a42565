//! The pages' one error type. A failure becomes an HTML page in the reader's language (the
//! `localise` layer renders it, since only it sees the request), or a redirect to sign in.
//! Store failures that are our fault are logged and never shown raw.

use askama::Template;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use tend_store::StoreError;

use crate::kit::i18n::{Tr, lang_of};

#[derive(Debug)]
pub enum PageError {
    /// Not signed in: go to the sign-in page, then back to `next`.
    SignIn { next: String },
    /// A page that says what went wrong: the status and the message key.
    Page {
        status: StatusCode,
        key: &'static str,
    },
    /// A 422 naming the field at fault: the message key takes the field's name as `$field`.
    Field { key: &'static str, field: String },
}

impl PageError {
    pub fn new(status: StatusCode, key: &'static str) -> Self {
        PageError::Page { status, key }
    }

    /// A 422 about one field: `key`'s message takes the field's name as `$field`.
    pub fn field(key: &'static str, field: impl Into<String>) -> Self {
        PageError::Field {
            key,
            field: field.into(),
        }
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "error-not-found")
    }

    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "error-forbidden")
    }

    pub fn csrf() -> Self {
        Self::new(StatusCode::FORBIDDEN, "error-csrf")
    }

    pub fn bad_request() -> Self {
        Self::new(StatusCode::BAD_REQUEST, "error-bad-request")
    }

    pub fn too_many() -> Self {
        Self::new(StatusCode::TOO_MANY_REQUESTS, "error-too-many")
    }
}

/// Carried on an error response until `localise` renders it: the message key, and the field
/// it names if any.
#[derive(Clone)]
struct ErrorPage(&'static str, Option<String>);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::SignIn { next } => {
                let to = format!("/sign-in?next={}", urlencode(&next));
                Redirect::to(&to).into_response()
            }
            PageError::Page { status, key } => {
                let mut res = status.into_response();
                res.extensions_mut().insert(ErrorPage(key, None));
                res
            }
            PageError::Field { key, field } => {
                let mut res = StatusCode::UNPROCESSABLE_ENTITY.into_response();
                res.extensions_mut().insert(ErrorPage(key, Some(field)));
                res
            }
        }
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(_) => PageError::not_found(),
            StoreError::Domain(_) => {
                PageError::new(StatusCode::UNPROCESSABLE_ENTITY, "error-invalid")
            }
            StoreError::Conflict { .. } => PageError::new(StatusCode::CONFLICT, "error-conflict"),
            StoreError::Closed => {
                PageError::new(StatusCode::SERVICE_UNAVAILABLE, "error-unavailable")
            }
            other => {
                tracing::error!(error = %other, "store failure");
                PageError::new(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
            }
        }
    }
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> Self {
        tracing::error!(error = %e, "template failure");
        PageError::new(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
    }
}

pub type PageResult<T> = Result<T, PageError>;

/// Percent-encodes a query value.
pub fn urlencode(raw: &str) -> String {
    serde_urlencoded::to_string([("", raw)])
        .map(|s| s.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "kit/error.html")]
struct ErrorTemplate {
    t: Tr,
    status: u16,
    key: &'static str,
    field: Option<String>,
}

/// Renders error pages in the language the request asked for.
pub async fn localise(req: Request, next: Next) -> Response {
    let t = Tr::new(lang_of(req.headers()));
    let mut res = next.run(req).await;
    let Some(ErrorPage(key, field)) = res.extensions_mut().remove::<ErrorPage>() else {
        return res;
    };
    let status = res.status();
    let page = ErrorTemplate {
        t,
        status: status.as_u16(),
        key,
        field,
    };
    match page.render() {
        Ok(html) => {
            let mut out = (status, Html(html)).into_response();
            for (k, v) in res
                .headers_mut()
                .drain()
                .filter_map(|(k, v)| k.map(|k| (k, v)))
            {
                if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH {
                    out.headers_mut().insert(k, v);
                }
            }
            out
        }
        Err(e) => {
            tracing::error!(error = %e, "error page");
            status.into_response()
        }
    }
}
