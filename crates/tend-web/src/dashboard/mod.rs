//! The home page (`/`): for managers and owners the dashboard — every goal's card with its
//! trend, the last 12 weeks' complaints and times (`operations.rs`), satisfaction this month,
//! the top three problems, the quotient's last round and the figures the owner pins — and for
//! everyone else their own home (their queue, what is due today, their satisfaction). Pinning and unpinning a figure (`/dashboard/pins`) are forms
//! for managers, CSRF-checked and audited. Definitions: `docs/dashboard.md`, and on the page.

mod agent;
pub(crate) mod charts;
mod manager;
mod operations;
mod records;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tend_domain::kernel::reason::NO_FIGURE;
use tend_domain::staff::Permission;
use tend_store::StoreError;

use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/", get(home))
        .route("/dashboard/csat", get(records::csat))
        .route("/dashboard/pins", post(pin))
        .route("/dashboard/pins/{id}/unpin", post(unpin))
}

/// A figure the pin form offers.
pub struct Choice {
    pub id: i64,
    pub name: String,
}

#[derive(Template)]
#[template(path = "dashboard/home.html")]
struct HomePage {
    t: Tr,
    chrome: Chrome,
    v: manager::ManagerView,
    ops: operations::OpsView,
    month_from: String,
    month_to: String,
    choices: Vec<Choice>,
    errors: Errors,
}

#[derive(Template)]
#[template(path = "dashboard/agent.html")]
struct AgentPage {
    t: Tr,
    chrome: Chrome,
    v: agent::AgentView,
}

async fn manager_page(s: &WebState, t: Tr, staff: &Staff, errors: Errors) -> PageResult<Response> {
    // The sections read apart, so they run side by side (the read pool has several
    // connections on both engines).
    let home = async { Ok::<_, crate::kit::error::PageError>(tend_app::dashboard::home(s).await?) };
    let (home, ops) = tokio::try_join!(home, operations::load(s, &t))?;
    let pinned: Vec<i64> = home.pins.iter().map(|p| p.figure.id).collect();
    let choices = s
        .store
        .figures()
        .await?
        .into_iter()
        .filter(|f| !pinned.contains(&f.id))
        .map(|f| Choice {
            id: f.id,
            name: f.name,
        })
        .collect();
    let last = home
        .month
        .end
        .checked_sub(jiff::SignedDuration::from_micros(1))
        .unwrap_or(home.month.end);
    let refused = !errors.is_empty();
    let page = HomePage {
        ops,
        chrome: Chrome::staff(staff, "/"),
        month_from: t.date(&home.month.start, staff.tz()),
        month_to: t.date(&last, staff.tz()),
        v: manager::view(&t, &home),
        t,
        choices,
        errors,
    };
    render_form(&page, refused)
}

/// `/`: the dashboard for managers and owners, the agent's home for everyone else.
pub async fn home(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    if staff.can(Permission::Manage) {
        return manager_page(&s, t, &staff, Errors::new(&t)).await;
    }
    let me = staff.session.employee.id;
    let home = tend_app::dashboard::agent::agent_home(&s, me, staff.tz()).await?;
    let page = AgentPage {
        chrome: Chrome::staff(&staff, "/"),
        v: agent::view(&t, &staff, &home),
        t,
    };
    render_form(&page, false)
}

/// The pin form as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PinForm {
    figure: String,
}

/// `POST /dashboard/pins`: pins the chosen figure (managers); an unknown one is refused on
/// the page (422, naming the field).
pub async fn pin(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<PinForm>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let refuse = |t: Tr| {
        let mut errors = Errors::new(&t);
        errors.reason("figure", NO_FIGURE.with("got", form.figure.trim()));
        errors
    };
    let Some(id) = form.figure.trim().parse::<i64>().ok().filter(|i| *i > 0) else {
        return manager_page(&s, t, &staff, refuse(t)).await;
    };
    match tend_app::dashboard::pin(&s, id, &staff.actor()).await {
        Ok(_) => Ok(Redirect::to("/#pins").into_response()),
        Err(StoreError::NotFound(_)) => manager_page(&s, t, &staff, refuse(t)).await,
        Err(e) => Err(e.into()),
    }
}

/// The unpin form: only its CSRF token.
#[derive(Deserialize, Default)]
pub struct UnpinForm {}

/// `POST /dashboard/pins/{id}/unpin`: unpins a figure (managers); not pinned is a 404.
pub async fn unpin(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<UnpinForm>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = id.parse::<i64>().map_err(|_| PageError::not_found())?;
    if tend_app::dashboard::unpin(&s, id, &staff.actor()).await? {
        Ok(Redirect::to("/#pins").into_response())
    } else {
        Err(PageError::not_found())
    }
}
