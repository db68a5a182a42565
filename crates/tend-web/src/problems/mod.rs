//! The top problems' pages: `/problems` — the ranking of complaint categories over a period
//! (the same ranking as the API, the plan and the dashboard: `tend_app::problems::ranking`),
//! with the score's, cost's and customers-lost definitions, the weights in force, the previous
//! period's counts and trend, non-actionable categories apart, the top three with their
//! evidence, and the focus problems adopted; `/problems/{category}/complaints`, the records
//! behind a category's count (`records`); `/problems/{category}/voices`, the coded answers and
//! findings behind its voices (`voices`). Managers mark actionability, change the weights and
//! adopt the focus problems (`manage`), and link survey codes and figures to categories
//! (`links`). Staff read.

mod links;
mod manage;
mod records;
mod view;
mod voices;

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use jiff::civil::Date;
use tend_domain::kernel::reason::{DATE, OUT_OF_RANGE, PERIOD_ORDER};
use tend_domain::problems::DEFAULT_LOST_DAYS;
use tend_domain::staff::Permission;

use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::select::Choice;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render_form};
use view::{Focus, Row, Top};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/problems", get(page))
        .route("/problems/{category}/complaints", get(records::page))
        .route("/problems/{category}/voices", get(voices::page))
        .route("/problems/links/codes", post(links::link_code))
        .route("/problems/links/figures", post(links::link_figure))
        .route("/problems/marks", post(manage::mark))
        .route("/problems/weights", post(manage::weights))
        .route("/problems/focus", post(manage::adopt))
}

/// The category a records page names in its path: its id and path (`Parent / Child`); an id
/// that is not a number or not a category is a 404.
pub(crate) async fn category(s: &WebState, raw: &str) -> PageResult<(i64, String)> {
    let id: i64 = raw.parse().map_err(|_| PageError::not_found())?;
    let cats = s.store.categories().await?;
    tend_domain::catalog::category_paths(&cats)
        .into_iter()
        .find(|(c, _)| c.0 == id)
        .map(|(_, p)| (id, p))
        .ok_or_else(PageError::not_found)
}

/// The page's query, as typed: `from`, `to` (dates, `to` excluded), `lost_days` (1–730).
#[derive(serde::Deserialize, Default)]
pub struct ProblemsQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub lost_days: String,
}

/// The period asked for, or the default one (the three months up to today, UTC dates), with
/// errors by field for what is not a date, a reversed period, or a window outside 1–730 days.
pub(crate) fn period(q: &ProblemsQuery, today: Date, errors: &mut Errors) -> (Date, Date, i64) {
    let (dfrom, dto) = tend_app::problems::default_period(today);
    let mut date = |field: &str, raw: &str, default: Date| -> Date {
        let raw = raw.trim();
        if raw.is_empty() {
            return default;
        }
        raw.parse().unwrap_or_else(|_| {
            errors.reason(field, DATE.with("got", format!("\"{raw}\"")));
            default
        })
    };
    let mut from = date("from", &q.from, dfrom);
    let mut to = date("to", &q.to, dto);
    if from >= to {
        errors.reason("to", PERIOD_ORDER.with("from", from));
        (from, to) = (dfrom, dto);
    }
    let lost = match q.lost_days.trim() {
        "" => DEFAULT_LOST_DAYS,
        raw => match raw.parse::<i64>() {
            Ok(n) if (1..=730).contains(&n) => n,
            _ => {
                errors.reason(
                    "lost_days",
                    OUT_OF_RANGE
                        .with("min", 1)
                        .with("max", 730)
                        .with("got", raw),
                );
                DEFAULT_LOST_DAYS
            }
        },
    };
    (from, to, lost)
}

#[derive(Template)]
#[template(path = "problems/page.html")]
struct ProblemsPage {
    t: Tr,
    chrome: Chrome,
    from: String,
    to: String,
    lost_days: i64,
    period: String,
    previous: String,
    complainants: i64,
    weights: String,
    w: BTreeMap<&'static str, i64>,
    currency: String,
    ranked: Vec<Row>,
    not_actionable: Vec<Row>,
    top: Vec<Top>,
    focus: Option<Focus>,
    /// The focus form's three selects (the top three preselected).
    focus_choices: Vec<Vec<Choice>>,
    categories: Vec<Choice>,
    sources: links::Sources,
    manager: bool,
    errors: Errors,
}

/// `/problems`: the ranking for the query's period (422 naming each bad field, with the
/// default period shown).
pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    query: Result<Query<ProblemsQuery>, axum::extract::rejection::QueryRejection>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let q = query.map(|Query(q)| q).unwrap_or_default();
    show(&s, t, &staff, &q, None).await
}

/// The page for `q`; `refused` carries a manager form's errors (then it answers 422).
pub(crate) async fn show(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    q: &ProblemsQuery,
    refused: Option<Errors>,
) -> PageResult<Response> {
    let today = tend_app::plan::today(s).await?;
    let mut errors = refused.unwrap_or_else(|| Errors::new(&t));
    let (from, to, lost) = period(q, today, &mut errors);
    let v = view::build(s, &t, from, to, lost).await?;
    let sources = links::build(s, &t, &v.ranking).await?;
    let failed = !errors.is_empty();
    let w = v.ranking.weights.weights;
    render_form(
        &ProblemsPage {
            chrome: Chrome::staff(staff, format!("/problems?from={from}&to={to}")),
            from: from.to_string(),
            to: to.to_string(),
            lost_days: lost,
            period: v.period,
            previous: v.previous,
            complainants: v.ranking.complainants,
            weights: v.weights,
            w: BTreeMap::from([
                ("frequency", w.frequency),
                ("cost", w.cost),
                ("lost", w.lost),
                ("listening", w.listening),
            ]),
            currency: v.currency,
            ranked: v.ranked,
            not_actionable: v.not_actionable,
            top: v.top,
            focus: v.focus,
            focus_choices: v.focus_choices,
            categories: v.categories,
            sources,
            manager: staff.can(Permission::Manage),
            errors,
            t,
        },
        failed,
    )
}
