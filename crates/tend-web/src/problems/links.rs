//! The ranking's sources on `/problems`: the figures linked to categories (with their values
//! over the period, `tend_app::problems::linked_figures`) and the survey codes linked to
//! categories, and the managers' forms that link and unlink them (append-only, who and when
//! kept). A refusal shows the page again with the field named, in the reader's language.

use axum::extract::State;
use axum::response::Response;
use tend_app::problems::{LinkedFigure, Ranking, Summed};
use tend_domain::figures::Unit;
use tend_domain::kernel::reason::REQUIRED;
use tend_domain::staff::Permission;
use tend_store::StoreResult;

use super::manage::{Form, back, get, redirect};
use super::show;
use crate::WebState;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::select::{Choice, choices};
use crate::kit::session::StaffForm;

/// A linked figure as shown: values the reader's way, with n.
pub struct FigureRow {
    pub category_id: i64,
    pub category: String,
    pub figure_id: i64,
    pub figure: String,
    pub value: String,
    pub previous: String,
    /// `worse`, `better` or `same` (also when a value is missing).
    pub change: &'static str,
}

/// The sources part of the page.
pub struct Sources {
    pub figures: Vec<FigureRow>,
    /// (code, survey id, category) of each survey code linked to a category.
    pub codes: Vec<(String, i64, String)>,
    pub code_choices: Vec<Choice>,
    pub figure_choices: Vec<Choice>,
}

fn shown(t: &Tr, unit: Unit, x: Summed) -> String {
    match x.value {
        None => format!("– (n = {})", x.n),
        Some(v) if unit == Unit::Percent => {
            format!("{} % (n = {})", t.decimal(&format!("{v:.1}")), x.n)
        }
        Some(v) => format!("{} (n = {})", t.decimal(&format!("{v:.1}")), x.n),
    }
}

fn row(t: &Tr, r: &Ranking, f: &LinkedFigure) -> FigureRow {
    FigureRow {
        category_id: f.category_id,
        category: r.path(f.category_id),
        figure_id: f.figure.id,
        figure: f.figure.name.clone(),
        value: shown(t, f.figure.unit, f.now),
        previous: shown(t, f.figure.unit, f.before),
        change: match f.worse {
            Some(true) => "worse",
            Some(false) => "better",
            None => "same",
        },
    }
}

pub async fn build(s: &WebState, t: &Tr, r: &Ranking) -> StoreResult<Sources> {
    let figures = tend_app::problems::linked_figures(s, r).await?;
    let codes = s.store.problem_code_links(r.period.now).await?;
    let all_codes = s.store.all_survey_codes().await?;
    let all_figures = s.store.figures().await?;
    Ok(Sources {
        figures: figures.iter().map(|f| row(t, r, f)).collect(),
        codes: codes
            .into_iter()
            .map(|c| (c.code, c.survey_id, r.path(c.category_id)))
            .collect(),
        code_choices: choices(
            "",
            None,
            all_codes
                .into_iter()
                .map(|(id, survey, name)| (id.to_string(), format!("#{survey} · {name}")))
                .collect(),
        ),
        figure_choices: choices(
            "",
            None,
            all_figures
                .into_iter()
                .map(|f| (f.id.to_string(), f.name))
                .collect(),
        ),
    })
}

/// The id in `field`, or `required` named on it.
fn id(v: &Form, field: &str, errors: &mut Errors) -> Option<i64> {
    let got = get(v, field).parse::<i64>().ok();
    if got.is_none() {
        errors.reason(field, REQUIRED);
    }
    got
}

/// `POST /problems/links/codes`: `code_id`, `category_id` (empty unlinks the code).
pub async fn link_code(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<Form>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let code = id(&v, "code_id", &mut errors);
    let category = match get(&v, "category_id") {
        "" => None,
        _ => id(&v, "category_id", &mut errors),
    };
    if let (Some(code), true) = (code, errors.is_empty()) {
        let by = staff.session.employee.id;
        match s
            .store
            .link_problem_code(code, category, by, s.clock.now())
            .await
        {
            Ok(()) => return Ok(redirect(&v)),
            Err(e) => errors = Errors::from_store(e, &t)?,
        }
    }
    show(&s, t, &staff, &back(&v), Some(errors)).await
}

/// `POST /problems/links/figures`: `figure_id`, `category_id`, `linked` (`yes`/`no`).
pub async fn link_figure(
    State(s): State<WebState>,
    t: Tr,
    StaffForm { staff, form: v }: StaffForm<Form>,
) -> PageResult<Response> {
    staff.require(Permission::Manage)?;
    let mut errors = Errors::new(&t);
    let figure = id(&v, "figure_id", &mut errors);
    let category = id(&v, "category_id", &mut errors);
    let linked = match get(&v, "linked") {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.reason("linked", REQUIRED);
            None
        }
    };
    if let (Some(f), Some(c), Some(l)) = (figure, category, linked) {
        let by = staff.session.employee.id;
        match s
            .store
            .link_problem_figure(f, c, l, by, s.clock.now())
            .await
        {
            Ok(()) => return Ok(redirect(&v)),
            Err(e) => errors = Errors::from_store(e, &t)?,
        }
    }
    show(&s, t, &staff, &back(&v), Some(errors)).await
}
