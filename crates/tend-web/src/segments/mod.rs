//! The segments' staff pages: `/segments` (each segment with its members now), `/segments/new`
//! and `/segments/{id}` — its criteria, its own profile (median age, most common places,
//! distributions, complaint rate and satisfaction, each with its n and definition), its
//! versions (who, when) and, for managers, the change and archive forms. Everyone on the staff
//! reads; managers write. The numbers are `tend_app::segments::profile`'s.

mod form;
mod profile;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use tend_domain::staff::Permission;
use tend_store::Members;

use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/segments", get(list))
        .route("/segments/new", get(form::new).post(form::create))
        .route("/segments/{id}", get(show).post(form::change))
        .route("/segments/{id}/archive", post(form::archive))
}

/// The segments in force (not archived) as `(id, name)` choices, for the forms that take one.
pub(crate) async fn names(s: &WebState) -> PageResult<Vec<(String, String)>> {
    let all = s.store.segments(false).await?;
    Ok(all
        .iter()
        .map(|g| (g.id.to_string(), g.current().segment.name.to_string()))
        .collect())
}

pub(crate) fn segment_id(raw: &str) -> PageResult<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(PageError::not_found)
}

/// The criteria, in the form's order (each `segments-field-<name>` in the locales).
const CRITERIA: [&str; 15] = [
    "min_age",
    "max_age",
    "country",
    "city",
    "gender",
    "education_level",
    "preferred_language",
    "preferred_channel",
    "min_purchases",
    "min_spent",
    "currency",
    "purchase_days",
    "min_complaints",
    "complaint_days",
    "description",
];

/// One criterion as shown: its label and value.
pub struct Criterion {
    pub label: String,
    pub value: String,
}

fn criteria(t: &Tr, d: &tend_domain::segments::SegmentDraft) -> Vec<Criterion> {
    let v = form::values(d);
    CRITERIA
        .iter()
        .filter(|k| **k != "description")
        .filter_map(|k| {
            let raw = v.get(*k).filter(|s| !s.is_empty())?;
            let value = match *k {
                "gender" => t.label("segments-gender", raw),
                "education_level" => t.label("segments-education", raw),
                "preferred_channel" => t.label_or("channel", raw),
                _ => raw.clone(),
            };
            Some(Criterion {
                label: t.get(&format!("segments-field-{}", k.replace('_', "-"))),
                value,
            })
        })
        .collect()
}

/// A segment as the list shows it.
pub struct Item {
    pub id: i64,
    pub name: String,
    pub members: i64,
    pub criteria: Vec<Criterion>,
}

#[derive(Template)]
#[template(path = "segments/list.html")]
struct ListPage {
    t: Tr,
    chrome: Chrome,
    items: Vec<Item>,
    can_manage: bool,
}

pub async fn list(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let now = s.clock.now();
    let mut items = Vec::new();
    for g in s.store.segments(false).await? {
        let v = g.current();
        let members = Members::new(v.segment.rule.clone(), now);
        items.push(Item {
            id: g.id,
            name: v.segment.name.to_string(),
            members: s.store.segment_size(&members).await?,
            criteria: criteria(&t, &v.segment.draft()),
        });
    }
    render(&ListPage {
        chrome: Chrome::staff(&staff, "/segments"),
        can_manage: staff.can(Permission::Manage),
        t,
        items,
    })
}

/// One version as the page lists it.
pub struct VersionRow {
    pub version: i64,
    pub saved_by: String,
    pub saved_at: String,
    pub archived: bool,
}

#[derive(Template)]
#[template(path = "segments/segment.html")]
struct SegmentPage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    name: String,
    description: String,
    archived: bool,
    criteria: Vec<Criterion>,
    profile: profile::ProfileView,
    versions: Vec<VersionRow>,
    form: Option<form::FormView>,
}

pub async fn show(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let id = segment_id(&id)?;
    let form = if staff.can(Permission::Manage) {
        let g = s.store.segment(id).await?;
        let values = form::values(&g.current().segment.draft());
        Some(form::view_of(&t, values, Errors::new(&t)))
    } else {
        None
    };
    page(&s, t, &staff, id, form, false).await
}

pub(crate) async fn page(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    id: i64,
    form: Option<form::FormView>,
    refused: bool,
) -> PageResult<Response> {
    let g = s.store.segment(id).await?;
    let v = g.current();
    let now = s.clock.now();
    let members = Members::new(v.segment.rule.clone(), now);
    let p = tend_app::segments::profile(&s.store, now, Some(&members)).await?;
    let versions = g
        .versions
        .iter()
        .rev()
        .map(|v| VersionRow {
            version: v.version,
            saved_by: v.saved_by_name.clone(),
            saved_at: t.datetime(&v.saved_at, staff.tz()),
            archived: v.archived,
        })
        .collect();
    let page = SegmentPage {
        chrome: Chrome::staff(staff, format!("/segments/{id}")),
        id,
        name: v.segment.name.to_string(),
        description: v
            .segment
            .description
            .as_ref()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        archived: v.archived,
        criteria: criteria(&t, &v.segment.draft()),
        profile: profile::view(&t, &p),
        versions,
        form,
        t,
    };
    crate::render_form(&page, refused)
}
