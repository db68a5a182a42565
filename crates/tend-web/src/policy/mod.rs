//! The policy's pages: the staff overview (`/plan/policy`: every version with its state, the
//! approval of a draft by a manager, the acknowledgement of the version in effect and who has
//! and has not acknowledged it), one version with its diff from another (`/plan/policy/{id}`),
//! the draft form (`edit.rs`) and the public page of the customer-facing areas (`public.rs`).

mod edit;
mod public;
mod version;

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tend_app::policy;
use tend_domain::policy::ApprovalDraft;
use tend_domain::staff::Permission;

use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/plan/policy", get(overview))
        .route("/plan/policy/new", get(edit::form).post(edit::save))
        .route("/plan/policy/{id}", get(version::page))
        .route("/plan/policy/{id}/approve", post(approve))
        .route("/plan/policy/{id}/acknowledge", post(acknowledge))
        .route("/policy", get(public::page))
}

/// The name of an area in the reader's language: a custom area's title, else the method's.
pub fn area_name(t: &Tr, code: &str, title: Option<&str>) -> String {
    match title {
        Some(x) => x.to_owned(),
        None => t.label_or("policy-area", code),
    }
}

/// One version in the overview's table.
pub struct VersionRow {
    pub id: i64,
    pub note: String,
    pub state: &'static str,
    pub author: String,
    pub created: String,
    /// (approver, effective date) once approved.
    pub approval: Option<(String, String)>,
}

/// The version in effect and its acknowledgements.
pub struct Effective {
    pub id: i64,
    pub from: String,
    /// When the reader acknowledged it, if they did.
    pub mine: Option<String>,
    /// "n of N staff acknowledged this version" (managers only).
    pub count: String,
    /// Names of those who did (with when) and who did not yet; managers only.
    pub done: Vec<(String, String)>,
    pub pending: Vec<String>,
}

#[derive(Template)]
#[template(path = "policy/overview.html")]
struct OverviewPage {
    t: Tr,
    chrome: Chrome,
    today: String,
    effective: Option<Effective>,
    versions: Vec<VersionRow>,
    can_write: bool,
    can_approve: bool,
    errors: Errors,
}

async fn show(s: &WebState, t: Tr, staff: &Staff, errors: Errors) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let tz = policy::zone(s).await?;
    let o = policy::overview(s).await?;
    let day = |d: jiff::civil::Date| {
        d.at(12, 0, 0, 0)
            .to_zoned(tz.clone())
            .map(|z| t.date(&z.timestamp(), &tz))
            .unwrap_or_else(|_| d.to_string())
    };
    let mut effective = None;
    if let Some(id) = o.effective {
        let a = policy::acknowledgements(s, id).await?;
        let me = staff.session.employee.id;
        let from = o
            .versions
            .iter()
            .find(|(v, _)| v.id == id)
            .and_then(|(v, _)| v.approval.as_ref())
            .map(|a| day(a.effective_from))
            .unwrap_or_default();
        let manager = staff.can(Permission::Manage);
        let (done, n) = (
            a.done.len().to_string(),
            (a.done.len() + a.pending.len()).to_string(),
        );
        effective = Some(Effective {
            id,
            from,
            count: t.args("policy-acknowledged-count", &[("done", &done), ("n", &n)]),
            mine: a
                .done
                .iter()
                .find(|(e, _)| e.id == me)
                .map(|(_, at)| t.datetime(at, &tz)),
            done: match manager {
                true => a
                    .done
                    .iter()
                    .map(|(e, at)| (e.name.clone(), t.datetime(at, &tz)))
                    .collect(),
                false => Vec::new(),
            },
            pending: match manager {
                true => a.pending.iter().map(|e| e.name.clone()).collect(),
                false => Vec::new(),
            },
        });
    }
    let versions = o
        .versions
        .iter()
        .map(|(v, state)| VersionRow {
            id: v.id,
            note: v.note.clone(),
            state: state.code(),
            author: v.author_name.clone(),
            created: t.datetime(&v.created_at, &tz),
            approval: v
                .approval
                .as_ref()
                .map(|a| (a.approved_by_name.clone(), day(a.effective_from))),
        })
        .collect();
    let page = OverviewPage {
        chrome: Chrome::staff(staff, "/plan/policy"),
        today: o.today.to_string(),
        effective,
        versions,
        can_write: staff.can(Permission::WorkComplaints),
        can_approve: staff.can(Permission::Manage),
        errors,
        t,
    };
    render_form(&page, failed)
}

pub async fn overview(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    show(&s, t, &staff, Errors::new(&t)).await
}

pub(super) fn id_of(raw: &str) -> Result<i64, PageError> {
    raw.parse().map_err(|_| PageError::not_found())
}

pub async fn approve(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let draft = ApprovalDraft {
        effective_from: form.get("effective_from").cloned(),
    };
    match policy::approve(&s, id_of(&id)?, &draft, staff.session.employee.id).await {
        Ok(_) => Ok(Redirect::to("/plan/policy").into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, errors).await
        }
    }
}

pub async fn acknowledge(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    match policy::acknowledge(&s, id_of(&id)?, staff.session.employee.id).await {
        Ok(_) => Ok(Redirect::to("/plan/policy").into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, errors).await
        }
    }
}
