//! The web pages: the agents' workspace (sign-in required), the public complaint form and the
//! customer's status page, server-rendered with askama in English, Spanish and Turkish.
//!
//! Every state change is a POST whose CSRF token is checked before the handler runs
//! (`session::StaffForm`, `session::PublicForm`) and goes through the same store and domain
//! functions as the JSON API. Pages carry a strict Content-Security-Policy: no script at all,
//! our own stylesheet served from the binary.

pub mod kit;

mod audit;
mod channels;
mod complaints;
mod conversations;
mod csat;
mod customers;
mod dashboard;
mod figures;
mod focus_groups;
mod goals;
mod help;
mod jobs;
mod plan;
mod policy;
mod problems;
mod public;
mod quotient;
mod reports;
mod segments;
mod staff;
mod surveys;
mod training;
mod vision;

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use tend_domain::staff::Permission;

use tend_app::AppState;

use kit::error::PageResult;
use kit::session::Staff;

/// What the pages need beyond the use cases: cookie policy and rate limits.
#[derive(Clone, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when Tend is served over HTTPS).
    pub secure_cookies: bool,
    pub limits: kit::limits::Limits,
}

/// The pages' state: the app's, and the pages' own settings beside it. Derefs to the app's
/// state, so a page calls a use case with `&s`.
#[derive(Clone)]
pub struct WebState {
    pub app: AppState,
    pub config: WebConfig,
}

impl WebState {
    pub fn new(app: AppState, config: WebConfig) -> Self {
        WebState { app, config }
    }
}

impl std::ops::Deref for WebState {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.app
    }
}

/// Field errors of a form, by field name, as the domain names them.
pub type Errors = BTreeMap<String, String>;

/// The signed-in employee as the page header shows them.
pub struct Me {
    pub name: String,
    pub can_work: bool,
    pub can_manage: bool,
    /// Admins also see the audit log and dead jobs in the menu.
    pub can_administer: bool,
}

/// What every page's frame needs: who is signed in, the CSRF token of its forms, and the
/// path the language switcher comes back to.
pub struct Chrome {
    pub staff: Option<Me>,
    pub csrf: String,
    pub back: String,
    /// The vision statement shown under the header: always for staff, on public pages only
    /// if the owner chose so (see [`Chrome::with_vision`]).
    pub vision: Option<String>,
}

impl Chrome {
    pub fn staff(staff: &Staff, back: impl Into<String>) -> Self {
        Chrome {
            staff: Some(Me {
                name: staff.session.employee.name.clone(),
                can_work: staff.can(Permission::WorkComplaints),
                can_manage: staff.can(Permission::Manage),
                can_administer: staff.can(Permission::Administer),
            }),
            csrf: staff.csrf().to_owned(),
            back: back.into(),
            vision: staff.vision.clone(),
        }
    }

    pub fn public(csrf: impl Into<String>, back: impl Into<String>) -> Self {
        Chrome {
            staff: None,
            csrf: csrf.into(),
            back: back.into(),
            vision: None,
        }
    }

    /// This frame with the public vision statement (`tend_app::vision::public_statement`).
    pub fn with_vision(mut self, statement: Option<String>) -> Self {
        self.vision = statement;
        self
    }
}

/// A rendered template as an HTML response.
pub fn render(t: &impl Template) -> PageResult<Response> {
    Ok(Html(t.render()?).into_response())
}

/// A form's page: 422 when `refused` (the form was sent back with its errors), else 200.
pub fn render_form(t: &impl Template, refused: bool) -> PageResult<Response> {
    let mut res = render(t)?;
    if refused {
        *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(res)
}

const CSP: &str = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Security headers on every page.
async fn headers(req: axum::extract::Request, next: middleware::Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    res
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.css"),
    )
}

async fn icon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../static/icon.svg"),
    )
}

/// The pages' routes, capability by capability, with their security headers (the binary adds
/// [`kit::error::localise`], which renders error pages in the reader's language).
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/static/app.css", get(stylesheet))
        .route("/static/icon.svg", get(icon))
        .route(
            "/favicon.ico",
            get(|| async { Redirect::permanent("/static/icon.svg") }),
        )
        .merge(staff::routes())
        .merge(complaints::routes())
        .merge(customers::routes())
        .merge(channels::routes())
        .merge(jobs::routes())
        .merge(audit::routes())
        .merge(public::routes())
        .merge(surveys::routes())
        .merge(quotient::routes())
        .merge(goals::routes())
        .merge(help::routes())
        .merge(vision::routes())
        .merge(policy::routes())
        .merge(training::routes())
        .merge(conversations::routes())
        .merge(plan::routes())
        .merge(dashboard::routes())
        .merge(reports::routes())
        .merge(focus_groups::routes())
        .merge(problems::routes())
        .merge(figures::routes())
        .merge(segments::routes())
        .merge(csat::routes())
        .layer(middleware::from_fn(kit::form::clean_uri))
        .layer(middleware::from_fn(headers))
}
