//! The service goals' pages: `/goals` (a card per goal: actual against target, status, n, the
//! written definition and the trend over closed periods as a small SVG and a table), a goal's
//! page with its versions and frozen periods, and the form (`form.rs`) to set or change one.

mod form;
mod records;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use tend_app::goals::{self, Standing};
use tend_domain::goals::{Scale, Status, Tally};
use tend_domain::staff::Permission;

use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::{Chrome, WebState, render};

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/goals", get(list))
        .route("/goals/new", get(form::new).post(form::create))
        .route("/goals/{id}", get(show).post(form::change))
        .route("/goals/{id}/records", get(records::page))
}

/// A value as shown: two decimals the locale's way, with its unit; `–` for no data.
pub fn shown(t: &Tr, value: Option<f64>, scale: Scale) -> String {
    match value {
        None => "–".to_owned(),
        Some(v) => {
            let unit = match scale {
                Scale::Percent => "percent",
                Scale::Points => "points",
                Scale::PerThousand => "per_thousand",
                Scale::Ratio | Scale::Sum => "plain",
            };
            t.arg(
                &format!("goals-unit-{unit}"),
                "value",
                &t.decimal(&format!("{v:.2}")),
            )
        }
    }
}

/// One period of a goal as the pages show it.
pub struct PeriodRow {
    pub label: String,
    pub actual: String,
    pub target: String,
    pub n: String,
    pub status: &'static str,
    /// The bar's height in the trend's SVG (0–40) and its x position.
    pub bar: i64,
    pub x: usize,
}

/// A goal's card.
pub struct Card {
    pub id: i64,
    pub version: i64,
    pub name: String,
    pub measure: String,
    pub definition: String,
    pub direction: String,
    pub period: String,
    pub scope: Vec<String>,
    pub current: PeriodRow,
    pub trend: Vec<PeriodRow>,
    pub records: String,
}

pub(crate) fn n(t: &Tr, tally: Tally) -> String {
    t.args(
        "goals-n",
        &[
            ("numerator", &tally.numerator.to_string()),
            ("denominator", &tally.denominator.to_string()),
        ],
    )
}

fn row(
    t: &Tr,
    label: &str,
    v: Option<f64>,
    target: f64,
    tally: Tally,
    st: Status,
    scale: Scale,
) -> PeriodRow {
    PeriodRow {
        label: label.to_owned(),
        actual: shown(t, v, scale),
        target: shown(t, Some(target), scale),
        n: n(t, tally),
        status: st.code(),
        bar: 0,
        x: 0,
    }
}

/// The card of goal standing `s`, in the reader's language.
pub fn card(t: &Tr, s: &Standing) -> Card {
    let g = s.current();
    let scale = s.measured.scale;
    let days = g.days.map_or("N".into(), |d| d.to_string());
    let minutes = g.minutes.map_or("N".into(), |m| m.to_string());
    let mut scope = Vec::new();
    if let Some(c) = &g.channel {
        scope.push(t.label_or("channel", c.as_str()));
    }
    if let Some(c) = g.category_id {
        scope.push(t.arg("goals-scope-category", "id", &c.0.to_string()));
    }
    if let Some(p) = g.product_id {
        scope.push(t.arg("goals-scope-product", "id", &p.0.to_string()));
    }
    if let Some(s) = g.segment_id {
        scope.push(t.arg("goals-scope-segment", "id", &s.to_string()));
    }
    let mut trend: Vec<PeriodRow> = s
        .history
        .iter()
        .map(|r| row(t, &r.label, r.value, r.target, r.tally, r.status, scale))
        .collect();
    let values: Vec<f64> = s.history.iter().filter_map(|r| r.value).collect();
    let top = values
        .iter()
        .fold(g.target().abs(), |m, v| m.max(v.abs()))
        .max(1e-9);
    for (i, (r, f)) in trend.iter_mut().zip(&s.history).enumerate() {
        r.bar = f.value.map_or(0, |v| (v.abs() / top * 40.0).round() as i64);
        r.x = i * 14;
    }
    Card {
        id: s.goal.id,
        version: s.goal.current().version,
        name: g.name.to_string(),
        measure: t.label("goals-measure", g.measure.code()),
        definition: t.args(
            &format!("goals-definition-{}", g.measure.code()),
            &[("days", &days), ("minutes", &minutes)],
        ),
        direction: t.args(
            &format!("goals-direction-{}", g.direction.code()),
            &[("target", &shown(t, Some(g.target()), scale))],
        ),
        period: t.label(
            if g.rolling {
                "goals-rolling"
            } else {
                "goals-calendar"
            },
            g.length.code(),
        ),
        scope,
        current: row(
            t,
            &s.window.label,
            s.value,
            g.target(),
            s.measured.tally,
            s.status,
            scale,
        ),
        trend,
        records: page_link(s),
    }
}

/// Where the card's "records" link goes: the records page for the open period, or for a
/// figure's goal the figure's values in the API.
fn page_link(s: &Standing) -> String {
    let api = goals::records_link(s.goal.id, s.current(), &s.window);
    match api.strip_prefix("/api/v1") {
        Some(rest) if rest.starts_with("/goals/") => rest.to_owned(),
        _ => api,
    }
}

#[derive(Template)]
#[template(path = "goals/list.html")]
struct ListPage {
    t: Tr,
    chrome: Chrome,
    cards: Vec<Card>,
    can_manage: bool,
}

pub async fn list(State(s): State<WebState>, t: Tr, staff: Staff) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let cards = goals::standings(&s)
        .await?
        .iter()
        .map(|g| card(&t, g))
        .collect();
    render(&ListPage {
        chrome: Chrome::staff(&staff, "/goals"),
        t,
        cards,
        can_manage: staff.can(Permission::Manage),
    })
}

/// A version as the goal's page lists it: number, who, when, and what it set.
pub struct VersionRow {
    pub version: i64,
    pub saved_by: String,
    pub saved_at: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "goals/goal.html")]
struct GoalPage {
    t: Tr,
    chrome: Chrome,
    card: Card,
    versions: Vec<VersionRow>,
    form: Option<form::FormView>,
}

pub(crate) fn goal_id(raw: &str) -> PageResult<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(PageError::not_found)
}

pub async fn show(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    Path(id): Path<String>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let standing = goals::standing_of(&s, goal_id(&id)?).await?;
    let form = if staff.can(Permission::Manage) {
        let draft = standing.current().draft();
        Some(form::view(&s, &t, &draft, crate::kit::fields::Errors::new(&t)).await?)
    } else {
        None
    };
    page(&s, t, &staff, &standing, form, false).await
}

pub(crate) async fn page(
    s: &WebState,
    t: Tr,
    staff: &Staff,
    standing: &Standing,
    form: Option<form::FormView>,
    refused: bool,
) -> PageResult<Response> {
    let tz = goals::time_zone(s).await?;
    let versions = standing
        .goal
        .versions
        .iter()
        .rev()
        .map(|v| {
            let g = &v.goal;
            VersionRow {
                version: v.version,
                saved_by: v.saved_by_name.clone(),
                saved_at: t.datetime(&v.saved_at, &tz),
                summary: format!(
                    "{} · {} · {}",
                    t.label("goals-measure", g.measure.code()),
                    t.args(
                        &format!("goals-direction-{}", g.direction.code()),
                        &[("target", &t.decimal(&format!("{:.2}", g.target())))],
                    ),
                    t.label(
                        if g.rolling {
                            "goals-rolling"
                        } else {
                            "goals-calendar"
                        },
                        g.length.code()
                    ),
                ),
            }
        })
        .collect();
    let p = GoalPage {
        chrome: Chrome::staff(staff, format!("/goals/{}", standing.goal.id)),
        card: card(&t, standing),
        t,
        versions,
        form,
    };
    crate::render_form(&p, refused)
}
