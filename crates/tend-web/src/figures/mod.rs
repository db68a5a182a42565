//! The figures' staff pages: `/figures` (each figure's latest value with its n, a line of its
//! last 12 periods and a stale marker) and `/figures/{id}` (its definition, source and owner,
//! the chart of all its periods with the data table, the values and a form to enter one).
//!
//! Definitions shown on the pages:
//! - a period's **value** is Σ numerators ÷ Σ denominators (× 100 for percent) of the values
//!   stored for it (all dimensions summed) for a ratio figure, else Σ numerators;
//! - its **n** is Σ denominators for a ratio figure, else the number of values stored for the
//!   period (one per dimension breakdown);
//! - a figure is **stale** when it is not computed by Tend and its newest period is before the
//!   last complete period of its grain (`tend_domain::figures::is_stale`);
//! - `?by=product` (or another of its dimensions) adds the breakdown (`breakdown.rs`).

mod breakdown;
mod entry;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use jiff::civil::Date;
use tend_domain::figures::{Figure, Per, Point, is_stale, roll_up};
use tend_domain::staff::Permission;

use crate::dashboard::charts;
use crate::kit::chart::Kind;
use crate::kit::error::{PageError, PageResult};
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render, render_form};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/figures", get(list))
        .route("/figures/{id}", get(show).post(entry::enter))
}

/// One period as the pages show it.
pub struct Row {
    pub period: String,
    pub value: String,
    pub n: String,
    pub plain: Option<f64>,
}

/// A figure as the list shows it.
pub struct Item {
    pub id: i64,
    pub name: String,
    pub unit: String,
    pub grain: String,
    pub latest: Option<Row>,
    pub stale: bool,
    pub chart: String,
}

/// The periods of `figure` from its stored (or computed) points in `[from, to)`, oldest first.
pub(crate) async fn rows(
    s: &WebState,
    t: &Tr,
    figure: &Figure,
    from: Date,
    to: Date,
) -> PageResult<Vec<Row>> {
    let points = s.store.figure_points(figure, from, to, None).await?;
    let rolled = roll_up(&points, Per::Period);
    Ok(rolled
        .iter()
        .map(|p| {
            row(
                t,
                figure,
                p,
                points.iter().filter(|q| q.period == p.period).count(),
            )
        })
        .collect())
}

/// A value as the pages show it: two decimals the reader's way, `–` for none.
pub(crate) fn shown(t: &Tr, plain: Option<f64>) -> String {
    plain.map_or("–".to_owned(), |v| t.decimal(&format!("{v:.2}")))
}

fn row(t: &Tr, figure: &Figure, p: &Point, stored: usize) -> Row {
    let plain = figure.value(p.numerator, p.denominator);
    let n = if figure.ratio {
        p.denominator.unwrap_or(0).to_string()
    } else {
        stored.to_string()
    };
    Row {
        period: p.period.to_string(),
        value: shown(t, plain),
        n,
        plain,
    }
}

/// Today, in UTC (the figures' periods are calendar dates).
pub(crate) fn today(s: &WebState) -> Date {
    s.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// The widest window the pages read: from 2000 to a year after today.
fn window(s: &WebState) -> (Date, Date) {
    let from = Date::new(2000, 1, 1).expect("a valid date");
    (from, today(s).saturating_add(jiff::ToSpan::year(1)))
}

/// A line chart of `rows`, titled by the figure's name.
pub(crate) fn chart(t: &Tr, figure: &Figure, rows: &[Row]) -> String {
    let points: Vec<(String, f64)> = rows
        .iter()
        .filter_map(|r| r.plain.map(|v| (r.period.clone(), v)))
        .collect();
    charts::one(
        t,
        Kind::Line,
        figure.name.clone(),
        t.arg("figures-chart-desc", "n", &points.len().to_string()),
        t.label("figures-unit", figure.unit.as_str()),
        &points,
    )
}

#[derive(Template)]
#[template(path = "figures/list.html")]
struct ListPage {
    t: Tr,
    chrome: Chrome,
    items: Vec<Item>,
}

pub async fn list(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let (from, to) = window(&s);
    let mut items = Vec::new();
    for f in s.store.figures().await? {
        let all = rows(&s, &t, &f, from, to).await?;
        let last = s.store.last_period(f.id).await?;
        let recent = &all[all.len().saturating_sub(12)..];
        items.push(Item {
            id: f.id,
            name: f.name.clone(),
            unit: t.label("figures-unit", f.unit.as_str()),
            grain: t.label("figures-grain", f.grain.as_str()),
            stale: is_stale(&f, last, today(&s)),
            chart: if recent.is_empty() {
                String::new()
            } else {
                chart(&t, &f, recent)
            },
            latest: all.into_iter().last(),
        });
    }
    render(&ListPage {
        chrome: Chrome::staff(&staff, "/figures"),
        t,
        items,
    })
}

#[derive(Template)]
#[template(path = "figures/figure.html")]
pub(crate) struct FigurePage {
    pub t: Tr,
    pub chrome: Chrome,
    pub figure: Figure,
    pub unit: String,
    pub grain: String,
    pub source: String,
    pub owner: String,
    pub pusher: String,
    pub stale: bool,
    pub rows: Vec<Row>,
    pub chart: String,
    pub can_enter: bool,
    pub values: std::collections::BTreeMap<String, String>,
    pub errors: Errors,
    pub by_choices: Vec<breakdown::Choice>,
    pub breakdown: Option<breakdown::Table>,
    pub by_errors: Errors,
}

impl FigurePage {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }
}

pub(crate) fn figure_id(raw: &str) -> PageResult<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(PageError::not_found)
}

async fn name_of(s: &WebState, id: Option<tend_domain::kernel::ids::EmployeeId>) -> String {
    match id {
        None => "–".to_owned(),
        Some(id) => s
            .store
            .employees()
            .await
            .ok()
            .and_then(|all| all.into_iter().find(|e| e.id == id).map(|e| e.name))
            .unwrap_or_else(|| "–".to_owned()),
    }
}

/// The figure's page; `values` and `errors` refill the entry form, `by` (as typed) asks for
/// the breakdown by one dimension, `refused` answers 422 (so does a `by` the figure lacks).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn page(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    figure: Figure,
    values: std::collections::BTreeMap<String, String>,
    errors: Errors,
    by: Option<&str>,
    mut refused: bool,
) -> PageResult<Response> {
    let (from, to) = window(s);
    let rows = rows(s, &t, &figure, from, to).await?;
    let mut by_errors = Errors::new(&t);
    let by = breakdown::dimension(&figure, by, &mut by_errors);
    refused |= !by_errors.is_empty();
    let table = match by {
        Some(d) => Some(breakdown::table(s, &t, &figure, d, (from, to)).await?),
        None => None,
    };
    let last = s.store.last_period(figure.id).await?;
    let source = match &figure.vendor_name {
        Some(v) => format!(
            "{} · {v}",
            t.label("figures-source", figure.source.as_str())
        ),
        None => t.label("figures-source", figure.source.as_str()),
    };
    render_form(
        &FigurePage {
            chrome: Chrome::staff(staff, format!("/figures/{}", figure.id)),
            unit: t.label("figures-unit", figure.unit.as_str()),
            grain: t.label("figures-grain", figure.grain.as_str()),
            source,
            owner: name_of(s, figure.owner_id).await,
            pusher: name_of(s, figure.pusher_id).await,
            stale: is_stale(&figure, last, today(s)),
            chart: if rows.is_empty() {
                String::new()
            } else {
                chart(&t, &figure, &rows)
            },
            can_enter: entry::may_enter(staff, &figure),
            by_choices: breakdown::choices(&t, &figure, by),
            breakdown: table,
            by_errors,
            rows,
            figure,
            values,
            errors,
            t,
        },
        refused,
    )
}

/// The page's query: `by`, the dimension to break the values down by.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowQuery {
    by: Option<String>,
}

pub async fn show(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
    query: Result<Query<ShowQuery>, axum::extract::rejection::QueryRejection>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let Query(q) = query.map_err(|_| PageError::bad_request())?;
    let figure = s.store.figure(figure_id(&id)?).await?;
    let errors = Errors::new(&t);
    let by = q.by.as_deref();
    page(&s, t, &staff, figure, Default::default(), errors, by, false).await
}
