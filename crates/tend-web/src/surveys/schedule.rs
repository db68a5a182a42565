//! `/surveys/{id}/schedule`: the relationship (NPS) schedule of an open survey with an NPS
//! question — a round every so many days inviting every customer with an address and consent
//! not asked by any survey within the cooldown (`/surveys/settings`), each round inside the
//! e-mail channel's hours (`tend_app::surveys::schedule`). Staff read it; managers set it (the
//! first round typed in their own zone, default now) and stop it. Refusals (days out of range,
//! a survey not open or without an NPS question, a time that is not one) are shown next to
//! their field in the reader's language, with nothing stored.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tend_app::surveys::schedule::{self, EVERY_DAYS};
use tend_domain::kernel::reason::RANGE;
use tend_domain::staff::Permission;
use tend_domain::surveys::{Kind, Status, SurveyId};
use tend_store::StoreError;

use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::{Errors, local_time};
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

/// The form as typed: days between rounds, and the first round (`datetime-local`, the
/// reader's zone; empty: now).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ScheduleForm {
    every_days: String,
    starts_at: String,
}

/// The schedule as it stands, written for the reader.
pub struct Current {
    pub every_days: i64,
    pub next_run: String,
    pub set_at: String,
}

#[derive(Template)]
#[template(path = "surveys/schedule.html")]
struct SchedulePage {
    t: Tr,
    chrome: Chrome,
    id: i64,
    title: String,
    status: String,
    /// Whether the survey can be scheduled at all (open, with an NPS question).
    schedulable: bool,
    current: Option<Current>,
    cooldown_days: u16,
    zone: String,
    manager: bool,
    v: ScheduleForm,
    errors: Errors,
    every_hint: String,
}

fn survey_id(raw: &str) -> Result<SurveyId, PageError> {
    raw.parse()
        .map(SurveyId)
        .map_err(|_| PageError::not_found())
}

async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    id: SurveyId,
    typed: Option<(ScheduleForm, Errors)>,
) -> PageResult<Response> {
    let stored = match s.store.survey(id).await {
        Err(StoreError::NotFound(_)) => return Err(PageError::not_found()),
        other => other?,
    };
    let survey = &stored.survey;
    let tz = &staff.zone;
    let current = s.store.survey_schedule(id).await?.map(|c| Current {
        every_days: c.every_days,
        next_run: t.datetime(&c.next_run_at, tz),
        set_at: t.datetime(&c.set_at, tz),
    });
    let (v, errors) = typed.unwrap_or_else(|| {
        let every = current.as_ref().map_or(91, |c| c.every_days);
        let v = ScheduleForm {
            every_days: every.to_string(),
            starts_at: String::new(),
        };
        (v, Errors::new(&t))
    });
    let failed = !errors.is_empty();
    let (min, max) = (EVERY_DAYS.0.to_string(), EVERY_DAYS.1.to_string());
    let page = SchedulePage {
        chrome: Chrome::staff(staff, format!("/surveys/{}/schedule", id.0)),
        id: id.0,
        title: survey.text(&survey.draft.title, t.code()).to_owned(),
        status: t.label("survey-status", stored.status.as_str()),
        schedulable: stored.status == Status::Open
            && survey.questions.iter().any(|q| q.kind == Kind::Nps),
        current,
        cooldown_days: s.store.survey_settings().await?.cooldown_days,
        zone: tz.iana_name().unwrap_or("UTC").to_owned(),
        manager: staff.can(Permission::Manage),
        v,
        errors,
        every_hint: t.args(
            "survey-schedule-every-hint",
            &[("min", &min), ("max", &max)],
        ),
        t,
    };
    render_form(&page, failed)
}

/// The schedule of survey `id` (any member of staff).
pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    show(&s, t, &staff, survey_id(&id)?, None).await
}

/// Sets (or replaces) the schedule (managers).
pub async fn set(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form }: StaffForm<ScheduleForm>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = survey_id(&id)?;
    let mut errors = Errors::new(&t);
    let (min, max) = EVERY_DAYS;
    let every = form.every_days.trim().parse::<i64>().ok();
    if !every.is_some_and(|d| (min..=max).contains(&d)) {
        errors.reason("every_days", RANGE.with("min", min).with("max", max));
    }
    let first = local_time(&form.starts_at, &staff.zone, &t)
        .map_err(|m| errors.add("starts_at", m))
        .ok()
        .flatten();
    let Some(every) = every.filter(|_| errors.is_empty()) else {
        return show(&s, t, &staff, id, Some((form, errors))).await;
    };
    let by = Some(staff.session.employee.id);
    match schedule::set(&s, id, every, first, by).await {
        Ok(_) => Ok(Redirect::to(&format!("/surveys/{}/schedule", id.0)).into_response()),
        Err(StoreError::NotFound(_)) => Err(PageError::not_found()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(&s, t, &staff, id, Some((form, errors))).await
        }
    }
}

/// Stops the schedule (managers): no further round; the invitations made stay.
pub async fn stop(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, form: _ }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = survey_id(&id)?;
    match s.store.delete_survey_schedule(id).await {
        Ok(()) | Err(StoreError::NotFound(_)) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/surveys/{}/schedule", id.0)).into_response())
}
