//! `/settings/csat-reasons`: the business's reasons a dissatisfied customer (1–3) may pick —
//! at most eight rows, each a code and its text in English, Spanish and Turkish; an empty row
//! is left out. Staff read the list; managers replace it (audited, `Store::set_csat_reasons`).
//! Each refusal is shown next to its row's field, in the reader's language, nothing stored.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use tend_domain::DomainError;
use tend_domain::csat::{CsatReason, CsatReasons, LANGUAGES, MAX_REASONS};
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render_form};

/// One language's text of a row: the language, its field's title, the value.
pub struct Label {
    pub lang: &'static str,
    pub title: String,
    pub value: String,
}

/// One row of the form as typed, with its refusals in the reader's language.
pub struct Row {
    pub n: usize,
    pub code: String,
    /// The text in en, es, tr (in [`LANGUAGES`]' order).
    pub labels: Vec<Label>,
    pub errors: Vec<String>,
}

#[derive(Template)]
#[template(path = "csat/reasons.html")]
struct ReasonsPage {
    t: Tr,
    chrome: Chrome,
    rows: Vec<Row>,
    /// Refusals that concern the whole list (their count).
    list_errors: Vec<String>,
    manager: bool,
}

impl ReasonsPage {
    fn refused(&self) -> bool {
        !self.list_errors.is_empty() || self.rows.iter().any(|r| !r.errors.is_empty())
    }
}

/// The form's rows for `list`, filled up to [`MAX_REASONS`] with empty ones.
fn rows_of(list: &[CsatReason]) -> Vec<Row> {
    (0..MAX_REASONS)
        .map(|i| {
            let r = list.get(i);
            Row {
                n: i + 1,
                code: r.map(|r| r.code.clone()).unwrap_or_default(),
                labels: LANGUAGES
                    .iter()
                    .map(|l| Label {
                        lang: l,
                        title: String::new(),
                        value: r
                            .and_then(|r| r.labels.get(*l).cloned())
                            .unwrap_or_default(),
                    })
                    .collect(),
                errors: Vec::new(),
            }
        })
        .collect()
}

fn render(
    staff: &Staff,
    t: Tr,
    mut rows: Vec<Row>,
    list_errors: Vec<String>,
) -> PageResult<Response> {
    for label in rows.iter_mut().flat_map(|r| r.labels.iter_mut()) {
        label.title = t.get(&format!("csat-reasons-in-{}", label.lang));
    }
    let page = ReasonsPage {
        chrome: Chrome::staff(staff, "/settings/csat-reasons"),
        manager: staff.can(Permission::Manage),
        rows,
        list_errors,
        t,
    };
    render_form(&page, page.refused())
}

/// The list (any member of staff).
pub async fn page(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let list = s.store.csat_reasons().await?;
    render(&staff, t, rows_of(list.list()), Vec::new())
}

/// Replaces the list (managers).
pub async fn save(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let get = |k: String| {
        form.get(&k)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    // The rows as typed, and the form row behind each reason given (empty rows left out).
    let mut typed = Vec::new();
    let mut given = Vec::new();
    for n in 1..=MAX_REASONS {
        let code = get(format!("reasons[{n}].code"));
        let labels: BTreeMap<String, String> = LANGUAGES
            .iter()
            .map(|l| ((*l).to_owned(), get(format!("reasons[{n}].labels.{l}"))))
            .collect();
        let empty = code.is_empty() && labels.values().all(String::is_empty);
        let reason = CsatReason {
            code,
            labels: labels.into_iter().filter(|(_, v)| !v.is_empty()).collect(),
        };
        if !empty {
            given.push((n, reason.clone()));
        }
        typed.push(reason);
    }
    let list: Vec<CsatReason> = given.iter().map(|(_, r)| r.clone()).collect();
    match CsatReasons::new(list) {
        Ok(list) => {
            s.store
                .set_csat_reasons(&list, s.clock.now(), &staff.actor())
                .await?;
            Ok(Redirect::to("/settings/csat-reasons").into_response())
        }
        Err(DomainError::Invalid(fields)) => {
            let mut rows = rows_of(&typed);
            let mut list_errors = Vec::new();
            for (field, reason) in fields.iter() {
                let text = tend_app::i18n::reason(t.lang, reason);
                // `reasons[K].…`: K counts the reasons given; its form row is given[K - 1].
                let k = field
                    .strip_prefix("reasons[")
                    .and_then(|rest| rest.split(']').next())
                    .and_then(|k| k.parse::<usize>().ok());
                let Some(row) = k.and_then(|k| given.get(k - 1)).map(|(n, _)| *n) else {
                    list_errors.push(text);
                    continue;
                };
                let what = match field.rsplit('.').next() {
                    Some("code") => t.get("csat-reasons-code"),
                    Some(lang) => t.get(&format!("csat-reasons-in-{lang}")),
                    None => String::new(),
                };
                rows[row - 1].errors.push(format!("{what}: {text}"));
            }
            render(&staff, t, rows, list_errors)
        }
        Err(other) => Err(crate::kit::error::PageError::from(
            tend_store::StoreError::Domain(other),
        )),
    }
}
