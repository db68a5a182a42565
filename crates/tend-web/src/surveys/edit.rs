//! The survey builder's pages (managers): a new survey (`/surveys/new`), a draft changed
//! (`/surveys/{id}/edit`, "save" or "save and publish": publishing is refused, with every
//! missing text named, until each text is in each of the survey's languages), and closing an
//! open survey. Only a draft changes, so every answer was given to the text it was shown: the
//! definition answered is the one published, kept as it was.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tend_domain::staff::Permission;
use tend_domain::surveys::{Status, SurveyId};
use tend_store::StoreError;

use super::build::{self, BuildForm};
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

#[derive(Template)]
#[template(path = "surveys/edit.html")]
struct EditPage {
    t: Tr,
    chrome: Chrome,
    /// `None` for a new survey.
    id: Option<i64>,
    form: BuildForm,
    errors: Vec<(String, String)>,
    /// Texts still missing in a language (publishing waits for them), in the reader's words.
    missing: Vec<String>,
}

fn survey_id(raw: &str) -> Result<SurveyId, PageError> {
    raw.parse()
        .map(SurveyId)
        .map_err(|_| PageError::not_found())
}

fn show(
    t: Tr,
    staff: &Staff,
    id: Option<i64>,
    v: &BTreeMap<String, String>,
    errors: Errors,
) -> PageResult<Response> {
    let errors: Vec<(String, String)> = errors
        .all()
        .into_iter()
        .map(|(f, r)| (build::field_label(&t, &f), r, f))
        .map(|(label, r, f)| (f, format!("{label}: {r}")))
        .collect();
    let path = id.map_or("/surveys/new".to_owned(), |i| format!("/surveys/{i}/edit"));
    let refused = !errors.is_empty();
    let missing = match build::draft(v).validate() {
        Ok(survey) => survey
            .completeness()
            .iter()
            .map(|(f, r)| {
                let reason = tend_app::i18n::reason(t.lang, r);
                format!("{}: {reason}", build::field_label(&t, f))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    render_form(
        &EditPage {
            chrome: Chrome::staff(staff, path),
            form: build::form(&t, v, &errors_raw(&errors)),
            id,
            errors,
            missing,
            t,
        },
        refused,
    )
}

/// The per-question errors keep only the reason (the question is the slot's heading).
fn errors_raw(errors: &[(String, String)]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|(f, m)| {
            (
                f.clone(),
                m.split_once(": ").map_or(m.as_str(), |x| x.1).to_owned(),
            )
        })
        .collect()
}

pub async fn new(t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut v = BTreeMap::new();
    for l in tend_domain::surveys::LANGUAGES {
        v.insert(format!("lang_{l}"), "on".to_owned());
    }
    show(t, &staff, None, &v, Errors::new(&t))
}

pub async fn create(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let survey = match build::draft(&v).validate() {
        Ok(survey) => survey,
        Err(e) => return show(t, &staff, None, &v, Errors::from_domain(e, &t)),
    };
    let stored = s.store.create_survey(&survey, s.clock.now()).await?;
    Ok(Redirect::to(&format!("/surveys/{}/edit", stored.id)).into_response())
}

pub async fn edit(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let stored = s.store.survey(survey_id(&id)?).await?;
    if stored.status != Status::Draft {
        return Ok(Redirect::to(&format!("/surveys/{}", stored.id)).into_response());
    }
    let v = build::values(&stored.survey.draft);
    show(t, &staff, Some(stored.id.0), &v, Errors::new(&t))
}

pub async fn update(
    State(s): State<WebState>,
    t: Tr,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = survey_id(&id)?;
    let survey = match build::draft(&v).validate() {
        Ok(survey) => survey,
        Err(e) => return show(t, &staff, Some(id.0), &v, Errors::from_domain(e, &t)),
    };
    let now = s.clock.now();
    if let Err(e) = s.store.update_survey(id, &survey, now).await {
        return show(t, &staff, Some(id.0), &v, Errors::from_store(e, &t)?);
    }
    if v.get("action").map(String::as_str) == Some("publish") {
        if let Err(e) = s.store.publish_survey(id, now).await {
            return show(t, &staff, Some(id.0), &v, Errors::from_store(e, &t)?);
        }
        return Ok(Redirect::to(&format!("/surveys/{id}")).into_response());
    }
    Ok(Redirect::to(&format!("/surveys/{id}/edit")).into_response())
}

/// Open → closed, from the survey's page; a survey not open is left as it is.
pub async fn close(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, form: _ }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = survey_id(&id)?;
    match s.store.close_survey(id, s.clock.now()).await {
        Ok(_) | Err(StoreError::Domain(_)) => {}
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/surveys/{id}")).into_response())
}
