//! The customer service quotient's pages: the assessment form (every statement of the seven
//! areas rated 1–5) and the results — each round's business score with its n, band and spread,
//! each respondent's, the trend per area and the weakest areas with their statements.

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use tend_app::quotient;
use tend_domain::quotient::round::Ratio;
use tend_domain::quotient::{Area, AssessmentDraft};
use tend_domain::staff::Permission;

use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::{Staff, StaffForm};
use crate::{Chrome, WebState, render, render_form};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/quotient", get(results))
        .route("/quotient/assess", get(form).post(submit))
}

/// One area of the form: its code, its error's field and its statements.
pub struct AreaForm {
    pub code: &'static str,
    pub field: String,
    pub statements: Vec<StatementForm>,
}

/// One statement: its number, its input's name (`culture-1`), its text and the rating chosen.
pub struct StatementForm {
    pub number: usize,
    pub name: String,
    pub text: String,
    pub chosen: String,
}

/// The text of statement `number` of `area`, in the reader's language.
fn statement(t: &Tr, area: &str, number: usize) -> String {
    t.label("quotient-statement", &format!("{area}-{number}"))
}

#[derive(Template)]
#[template(path = "quotient/assess.html")]
struct AssessPage {
    t: Tr,
    chrome: Chrome,
    respondent: String,
    round: String,
    areas: Vec<AreaForm>,
    errors: Errors,
}

fn show(
    t: Tr,
    staff: &Staff,
    v: &BTreeMap<String, String>,
    errors: Errors,
) -> PageResult<Response> {
    let failed = !errors.is_empty();
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let areas = Area::ALL
        .iter()
        .map(|a| AreaForm {
            code: a.code(),
            field: format!("ratings.{}", a.code()),
            statements: (1..=a.statements())
                .map(|number| {
                    let name = format!("{}-{number}", a.code());
                    StatementForm {
                        number,
                        text: statement(&t, a.code(), number),
                        chosen: get(&name),
                        name,
                    }
                })
                .collect(),
        })
        .collect();
    let page = AssessPage {
        chrome: Chrome::staff(staff, "/quotient/assess"),
        t,
        respondent: v
            .get("respondent")
            .cloned()
            .unwrap_or_else(|| staff.session.employee.name.clone()),
        round: get("round"),
        areas,
        errors,
    };
    render_form(&page, failed)
}

pub async fn form(t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    show(t, &staff, &BTreeMap::new(), Errors::new(&t))
}

/// The form's fields `<area>-<n>` become the API's draft; a rating that is not a number is
/// left unanswered (and named as such).
fn draft(v: &BTreeMap<String, String>) -> AssessmentDraft {
    let ratings = Area::ALL
        .iter()
        .map(|a| {
            let given = (1..=a.statements())
                .map(|i| v.get(&format!("{}-{i}", a.code())))
                .map(|r| r.and_then(|r| r.trim().parse::<i64>().ok()))
                .collect();
            (a.code().to_owned(), given)
        })
        .collect();
    AssessmentDraft {
        respondent: v.get("respondent").cloned(),
        round: v.get("round").cloned(),
        ratings,
    }
}

pub async fn submit(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<BTreeMap<String, String>>,
) -> PageResult<Response> {
    staff.require(Permission::WorkComplaints)?;
    match quotient::submit(&s, &draft(&v), staff.session.employee.id).await {
        Ok(_) => Ok(Redirect::to("/quotient").into_response()),
        Err(e) => {
            let errors = Errors::from_store(e, &t)?;
            show(t, &staff, &v, errors)
        }
    }
}

/// A round as the results page shows it.
pub struct RoundRow {
    pub label: String,
    pub n: usize,
    pub total: String,
    pub band: &'static str,
    pub spread: String,
    pub areas: Vec<String>,
    /// Each respondent: name, total, band.
    pub respondents: Vec<(String, String, &'static str)>,
}

/// A weak area: its code, score and (statement number, text, mean) lowest first.
pub struct WeakRow {
    pub code: &'static str,
    pub score: String,
    pub statements: Vec<(usize, String, String)>,
}

#[derive(Template)]
#[template(path = "quotient/results.html")]
struct ResultsPage {
    t: Tr,
    chrome: Chrome,
    areas: Vec<&'static str>,
    rounds: Vec<RoundRow>,
    weakest: Vec<WeakRow>,
    can_assess: bool,
}

pub async fn results(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let num = |r: Ratio| t.decimal(&format!("{:.2}", r.rounded()));
    let sixtieths = |x: i64| num(Ratio { num: x, den: 60 });
    let rounds = quotient::rounds(&s).await?;
    let rows = rounds
        .iter()
        .rev()
        .map(|r| {
            let score = r.score();
            let (lo, hi) = score.total_range();
            RoundRow {
                label: r.label.clone(),
                n: score.n(),
                total: num(score.total()),
                band: score.band().code(),
                spread: sixtieths(hi.0 - lo.0),
                areas: Area::ALL.iter().map(|&a| num(score.area(a))).collect(),
                respondents: r
                    .answers
                    .iter()
                    .map(|a| {
                        let x = &a.assessment;
                        (
                            x.respondent.to_string(),
                            sixtieths(x.total().0),
                            x.band().code(),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let weakest = rounds.last().map_or_else(Vec::new, |r| {
        let weak = r.score().weakest().into_iter();
        weak.map(|w| WeakRow {
            code: w.area.code(),
            score: num(w.score),
            statements: w
                .statements
                .iter()
                .map(|&(i, m)| (i, statement(&t, w.area.code(), i), num(m)))
                .collect(),
        })
        .collect()
    });
    render(&ResultsPage {
        chrome: Chrome::staff(&staff, "/quotient"),
        t,
        areas: Area::ALL.iter().map(|a| a.code()).collect(),
        rounds: rows,
        weakest,
        can_assess: staff.can(Permission::WorkComplaints),
    })
}
