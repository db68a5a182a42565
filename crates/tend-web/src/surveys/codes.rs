//! Coding open answers on a survey's page (managers): a code list per survey, each complete
//! open answer tagged with any of its codes, the answers per code with n (the complete open
//! answers) and a link from each count to the answers it counts.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tend_domain::kernel::text::Text;
use tend_domain::staff::Permission;
use tend_domain::surveys::SurveyId;
use tend_store::{OpenAnswer, StoreError};

use crate::WebState;
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::StaffForm;

/// One code's row: its answers and their share of n (one decimal, the reader's way).
pub struct CodeRow {
    pub id: i64,
    pub name: String,
    pub count: u64,
    pub share: String,
}

/// The codes block: n (complete open answers), how many carry a code, a row per code.
pub struct CodesView {
    pub n: u64,
    pub coded: u64,
    pub rows: Vec<CodeRow>,
}

/// A code box beside an answer.
pub struct CodeBox {
    pub id: i64,
    pub name: String,
    pub checked: bool,
}

/// An open answer as listed, with its codes.
pub struct OpenRow {
    pub response: i64,
    pub question: usize,
    pub text: String,
    pub codes: Vec<CodeBox>,
}

fn survey_id(raw: &str) -> Result<SurveyId, PageError> {
    raw.parse()
        .map(SurveyId)
        .map_err(|_| PageError::not_found())
}

/// The codes block and the `open` answers with their codes.
pub async fn view(
    s: &WebState,
    t: &Tr,
    id: SurveyId,
    open: Vec<OpenAnswer>,
) -> PageResult<(CodesView, Vec<OpenRow>)> {
    let counts = s.store.survey_code_counts(id).await?;
    let given = s.store.survey_answer_codes(id).await?;
    let rows = counts
        .counts
        .iter()
        .map(|(c, count)| CodeRow {
            id: c.id,
            name: c.name.clone(),
            count: *count,
            share: match counts.n {
                0 => "–".into(),
                n => format!(
                    "{} %",
                    t.decimal(&format!("{:.1}", 100.0 * *count as f64 / n as f64))
                ),
            },
        })
        .collect();
    let open = open
        .into_iter()
        .map(|a| OpenRow {
            codes: counts
                .counts
                .iter()
                .map(|(c, _)| CodeBox {
                    id: c.id,
                    name: c.name.clone(),
                    checked: given.contains(&(a.response_id, a.question, c.id)),
                })
                .collect(),
            response: a.response_id,
            question: a.question,
            text: a.text,
        })
        .collect();
    Ok((
        CodesView {
            n: counts.n,
            coded: counts.coded,
            rows,
        },
        open,
    ))
}

/// A new code on the survey's list.
pub async fn add(
    State(s): State<WebState>,
    Path(id): Path<String>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = survey_id(&id)?;
    let raw = v.get("name").map_or("", |n| n.trim());
    let name = Text::<100>::parse(raw).map_err(|_| PageError::field("survey-code-bad", "name"))?;
    match s.store.add_survey_code(id, &name, s.clock.now()).await {
        Ok(_) => {}
        Err(StoreError::Conflict { .. }) => {
            return Err(PageError::field("survey-code-taken", "name"));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/surveys/{id}#codes")).into_response())
}

/// An answer's codes, as ticked (`code_{id}` boxes).
pub async fn set(
    State(s): State<WebState>,
    Path((id, response, question)): Path<(String, String, String)>,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let id = survey_id(&id)?;
    let response: i64 = response.parse().map_err(|_| PageError::not_found())?;
    let question: usize = question.parse().map_err(|_| PageError::not_found())?;
    let mut codes = Vec::new();
    for key in v.keys() {
        if let Some(code) = key.strip_prefix("code_") {
            let code = code
                .parse::<i64>()
                .map_err(|_| PageError::field("survey-code-unknown", key.clone()))?;
            codes.push(code);
        }
    }
    let by = Some(staff.session.employee.id);
    let now = s.clock.now();
    match s
        .store
        .set_answer_codes(id, response, question, &codes, by, now)
        .await
    {
        Ok(()) => {}
        Err(StoreError::Domain(_)) => {
            return Err(PageError::field("survey-code-unknown", "codes"));
        }
        Err(e) => return Err(e.into()),
    }
    let back = v.get("back").filter(|b| b.starts_with("/surveys/"));
    let to = back.cloned().unwrap_or_else(|| format!("/surveys/{id}"));
    Ok(Redirect::to(&format!("{to}#a{response}-{question}")).into_response())
}
