//! Focus groups' pages: the sessions and every finding by problem category (`/focus-groups`),
//! planning a session (topic, when — typed in the company's zone —, customers taking part,
//! questions), and a session's page (its notes kept, its findings added, each linked to the
//! problem category it concerns; `record`). Staff read; managers plan and record.

mod record;

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tend_domain::focus_groups::SessionDraft;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::staff::Permission;
use tend_store::{StoreError, StoredFinding};

use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, local_time};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/focus-groups", get(list).post(create))
        .route("/focus-groups/{id}", get(page))
        .route("/focus-groups/{id}/notes", post(record::notes))
        .route("/focus-groups/{id}/findings", post(record::finding))
}

pub struct Row {
    pub id: i64,
    pub topic: String,
    pub when: String,
    pub audience: String,
}

/// Findings of one category (or none), most severe first.
pub struct CategoryFindings {
    pub category: String,
    pub findings: Vec<StoredFinding>,
}

#[derive(Template)]
#[template(path = "focus_groups/list.html")]
struct ListPage {
    t: Tr,
    chrome: Chrome,
    sessions: Vec<Row>,
    by_category: Vec<CategoryFindings>,
    manager: bool,
    zone: String,
    errors: Errors,
    values: BTreeMap<String, String>,
}

#[derive(Template)]
#[template(path = "focus_groups/session.html")]
struct SessionPage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    topic: String,
    when: String,
    audience: String,
    questions: Vec<String>,
    notes: String,
    participants: Vec<(i64, String)>,
    findings: Vec<StoredFinding>,
    categories: Vec<(i64, String)>,
    manager: bool,
    errors: Errors,
}

pub(super) fn id_of(raw: &str) -> Result<i64, PageError> {
    raw.parse().map_err(|_| PageError::not_found())
}

async fn show_list(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    values: BTreeMap<String, String>,
    errors: Errors,
) -> PageResult<Response> {
    let tz = tend_app::goals::time_zone(s).await?;
    let sessions = s
        .store
        .focus_groups()
        .await?
        .into_iter()
        .map(|g| Row {
            id: g.id,
            when: t.datetime(&g.starts_at, &tz),
            audience: t.label("focus-audience", &g.audience),
            topic: g.topic,
        })
        .collect();
    let mut by: BTreeMap<String, Vec<StoredFinding>> = BTreeMap::new();
    for f in s.store.findings(None).await? {
        let key = f
            .category
            .clone()
            .unwrap_or_else(|| t.get("focus-no-category"));
        by.entry(key).or_default().push(f);
    }
    let refused = !errors.is_empty();
    render_form(
        &ListPage {
            chrome: Chrome::staff(staff, "/focus-groups"),
            sessions,
            by_category: by
                .into_iter()
                .map(|(category, findings)| CategoryFindings { category, findings })
                .collect(),
            manager: staff.can(Permission::Manage),
            zone: tz.iana_name().unwrap_or("UTC").to_owned(),
            errors,
            values,
            t,
        },
        refused,
    )
}

pub async fn list(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    show_list(&s, t, &staff, BTreeMap::new(), Errors::new(&t)).await
}

pub async fn create(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let get = |k: &str| v.get(k).map_or("", String::as_str);
    let mut errors = Errors::new(&t);
    let draft = SessionDraft {
        topic: get("topic").to_owned(),
        audience: get("audience").to_owned(),
        questions: get("questions").to_owned(),
    };
    let session = draft
        .validate()
        .map_err(|e| errors = Errors::from_domain(e, &t))
        .ok();
    let tz = tend_app::goals::time_zone(&s).await?;
    let starts = match local_time(get("starts_at"), &tz, &t) {
        Ok(Some(at)) => Some(at),
        Ok(None) => {
            errors.add("starts_at", t.get("error-required"));
            None
        }
        Err(m) => {
            errors.add("starts_at", m);
            None
        }
    };
    let mut participants = Vec::new();
    for raw in get("participants").split(|c: char| c.is_whitespace() || c == ',') {
        if raw.is_empty() {
            continue;
        }
        match raw.trim_start_matches('#').parse::<i64>() {
            Ok(n) => participants.push(CustomerId(n)),
            Err(_) => errors.add("participants", t.get("error-number")),
        }
    }
    let (Some(session), Some(starts), true) = (session, starts, errors.is_empty()) else {
        return show_list(&s, t, &staff, v, errors).await;
    };
    let moderator = Some(staff.session.employee.id);
    let now = s.clock.now();
    match s
        .store
        .create_focus_group(&session, starts, moderator, &participants, now)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/focus-groups/{id}")).into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show_list(&s, t, &staff, v, errors).await
        }
    }
}

pub(super) async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    id: i64,
    errors: Errors,
) -> PageResult<Response> {
    let g = match s.store.focus_group(id).await {
        Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
        other => other?,
    };
    let tz = tend_app::goals::time_zone(s).await?;
    let refused = !errors.is_empty();
    render_form(
        &SessionPage {
            chrome: Chrome::staff(staff, format!("/focus-groups/{id}")),
            id,
            when: t.datetime(&g.starts_at, &tz),
            audience: t.label("focus-audience", &g.audience),
            questions: g
                .questions
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            notes: g.notes,
            topic: g.topic,
            participants: s.store.focus_group_participants(id).await?,
            findings: s.store.findings(Some(id)).await?,
            categories: s
                .store
                .categories()
                .await?
                .into_iter()
                .map(|c| (c.id.0, c.name))
                .collect(),
            manager: staff.can(Permission::Manage),
            errors,
            t,
        },
        refused,
    )
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    show(&s, t, &staff, id_of(&id)?, Errors::new(&t)).await
}
