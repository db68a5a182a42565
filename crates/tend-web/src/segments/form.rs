//! The segment form: saving a new segment (`/segments/new`), changing one (on its page: a new
//! version) and archiving it. Managers only. The fields are the API's draft; refusals are
//! shown by the field, in the reader's language, with what was typed kept.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tend_app::segments;
use tend_domain::catalog::BUILT_IN_CHANNELS;
use tend_domain::segments::{EDUCATION_LEVELS, GENDERS, SegmentDraft};
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::fields::{Errors, number, opt};
use crate::kit::i18n::Tr;
use crate::kit::select::{Choice, choices};
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

/// The form as shown: typed values, the selects' choices, and the errors.
pub struct FormView {
    pub values: BTreeMap<String, String>,
    pub genders: Vec<Choice>,
    pub education_levels: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub errors: Errors,
}

impl FormView {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }
}

/// A select whose empty choice is "any".
fn any_of(t: &Tr, chosen: &str, all: Vec<(String, String)>) -> Vec<Choice> {
    choices(chosen, Some(t.get("segments-any")), all)
}

/// The draft as the form's fields.
pub fn values(d: &SegmentDraft) -> BTreeMap<String, String> {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    BTreeMap::from([
        ("name".into(), s(&d.name)),
        ("description".into(), s(&d.description)),
        ("min_age".into(), n(d.min_age)),
        ("max_age".into(), n(d.max_age)),
        ("country".into(), s(&d.country)),
        ("city".into(), s(&d.city)),
        ("gender".into(), s(&d.gender)),
        ("education_level".into(), s(&d.education_level)),
        ("preferred_language".into(), s(&d.preferred_language)),
        ("preferred_channel".into(), s(&d.preferred_channel)),
        ("min_purchases".into(), n(d.min_purchases)),
        ("min_spent".into(), s(&d.min_spent)),
        ("currency".into(), s(&d.currency)),
        ("purchase_days".into(), n(d.purchase_days)),
        ("min_complaints".into(), n(d.min_complaints)),
        ("complaint_days".into(), n(d.complaint_days)),
    ])
}

/// The form for `values` with its choices.
pub fn view_of(t: &Tr, values: BTreeMap<String, String>, errors: Errors) -> FormView {
    let get = |k: &str| values.get(k).cloned().unwrap_or_default();
    FormView {
        genders: any_of(
            t,
            &get("gender"),
            GENDERS
                .iter()
                .map(|(c, _)| (c.to_string(), t.label("segments-gender", c)))
                .collect(),
        ),
        education_levels: any_of(
            t,
            &get("education_level"),
            EDUCATION_LEVELS
                .iter()
                .map(|(c, _)| (c.to_string(), t.label("segments-education", c)))
                .collect(),
        ),
        channels: any_of(
            t,
            &get("preferred_channel"),
            BUILT_IN_CHANNELS
                .iter()
                .map(|(c, _)| (c.to_string(), t.label_or("channel", c)))
                .collect(),
        ),
        values,
        errors,
    }
}

/// The fields as the API's draft; a number that is not one is named in `errors`.
fn draft(v: &BTreeMap<String, String>, t: &Tr, errors: &mut Errors) -> SegmentDraft {
    let get = |k: &str| v.get(k).map_or("", String::as_str);
    let mut int = |k: &str| match number(get(k), t) {
        Ok(n) => n,
        Err(m) => {
            errors.add(k, m);
            None
        }
    };
    SegmentDraft {
        name: opt(get("name")),
        description: opt(get("description")),
        min_age: int("min_age"),
        max_age: int("max_age"),
        country: opt(get("country")),
        city: opt(get("city")),
        gender: opt(get("gender")),
        education_level: opt(get("education_level")),
        preferred_language: opt(get("preferred_language")),
        preferred_channel: opt(get("preferred_channel")),
        min_purchases: int("min_purchases"),
        min_spent: opt(get("min_spent")).map(|m| m.replace(',', ".")),
        currency: opt(get("currency")),
        purchase_days: int("purchase_days"),
        min_complaints: int("min_complaints"),
        complaint_days: int("complaint_days"),
    }
}

#[derive(Template)]
#[template(path = "segments/new.html")]
struct NewPage {
    t: Tr,
    chrome: Chrome,
    form: FormView,
}

pub async fn new(State(_s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let form = view_of(&t, values(&SegmentDraft::default()), Errors::new(&t));
    render_form(
        &NewPage {
            chrome: Chrome::staff(&staff, "/segments/new"),
            t,
            form,
        },
        false,
    )
}

pub async fn create(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let d = draft(&v, &t, &mut errors);
    if errors.is_empty() {
        let by = staff.session.employee.id;
        match segments::create(&s.store, &d, by, s.clock.now()).await {
            Ok(g) => return Ok(Redirect::to(&format!("/segments/{}", g.id)).into_response()),
            Err(e) => errors = Errors::from_store(e, &t)?,
        }
    }
    let form = view_of(&t, v, errors);
    render_form(
        &NewPage {
            chrome: Chrome::staff(&staff, "/segments/new"),
            t,
            form,
        },
        true,
    )
}

/// A change from the segment's page: the whole form, stored as the next version.
pub async fn change(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = super::segment_id(&id)?;
    let mut errors = Errors::new(&t);
    let d = draft(&v, &t, &mut errors);
    if errors.is_empty() {
        let by = staff.session.employee.id;
        match segments::change(&s.store, id, &d, false, by, s.clock.now()).await {
            Ok(_) => return Ok(Redirect::to(&format!("/segments/{id}")).into_response()),
            Err(e) => errors = Errors::from_store(e, &t)?,
        }
    }
    let form = view_of(&t, v, errors);
    super::page(&s, t, &staff, id, Some(form), true).await
}

/// Archives the segment (a new version; it leaves the list).
pub async fn archive(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, form: _ }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = super::segment_id(&id)?;
    segments::archive(&s.store, id, staff.session.employee.id, s.clock.now()).await?;
    Ok(Redirect::to(&format!("/segments/{id}")).into_response())
}
