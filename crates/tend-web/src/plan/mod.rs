//! The plan page (`/plan`, staff with Read): the whole plan as of a date (`?on=YYYY-MM-DD`,
//! default today in the company's zone) — the vision statement in force, the focus problems,
//! every goal with its status, actual, target and n, the policy version in effect, the
//! introduction's coverage and the last quotient round — built by `tend_app::plan::on`.
//! Printable: the stylesheet's `@media print` hides the navigation and the forms.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use jiff::civil::Date;
use serde::Deserialize;
use tend_app::plan::{self, GoalOn};
use tend_domain::goals::period::midnight;
use tend_domain::quotient::round::{Ratio, RoundScore};
use tend_domain::staff::Permission;

use crate::goals::{n, shown};
use crate::kit::error::{PageError, PageResult};
use crate::kit::i18n::Tr;
use crate::kit::session::Staff;
use crate::policy::area_name;
use crate::{Chrome, WebState, render};

pub fn routes() -> Router<WebState> {
    Router::new().route("/plan", get(page))
}

#[derive(Deserialize)]
pub struct PlanQuery {
    on: Option<String>,
}

/// One goal's line: name, link, period, actual, target (with direction), status code, n.
pub struct GoalRow {
    pub id: i64,
    pub name: String,
    pub period: String,
    pub actual: String,
    pub target: String,
    pub status: &'static str,
    pub n: String,
}

/// The vision in force: its statement, and "version n, saved by … on …".
pub struct VisionView {
    pub statement: String,
    pub line: String,
}

/// The policy version in effect: id, effective date, note and its areas' names.
pub struct PolicyView {
    pub id: i64,
    pub from: String,
    pub note: String,
    pub areas: Vec<String>,
}

/// The last quotient round: "round …, n respondents", total, band code.
pub struct QuotientView {
    pub line: String,
    pub total: String,
    pub band: &'static str,
}

#[derive(Template)]
#[template(path = "plan/page.html")]
struct PlanPage {
    t: Tr,
    chrome: Chrome,
    on: String,
    day: String,
    vision: Option<VisionView>,
    problems_period: String,
    problems_link: String,
    /// Whose adoption the focus is, or that it is the ranking's top three.
    focus_source: String,
    focus: Vec<(usize, String, i64)>,
    goals: Vec<GoalRow>,
    policy: Option<PolicyView>,
    coverage: String,
    missing: Vec<String>,
    quotient: Option<QuotientView>,
}

fn goal_row(t: &Tr, g: &GoalOn) -> GoalRow {
    let s = &g.standing;
    let goal = s.current();
    let scale = s.measured.scale;
    let (label, value, target, tally, status) = match (g.frozen, &g.then) {
        (Some(i), _) => {
            let r = &s.history[i];
            let st = r.status.code();
            (r.label.clone(), r.value, r.target, Some(r.tally), st)
        }
        (None, Some(x)) => (
            x.window.label.clone(),
            x.value,
            x.target,
            Some(x.measured.tally),
            x.status.code(),
        ),
        (None, None) => (String::new(), None, goal.target(), None, "no_data"),
    };
    GoalRow {
        id: s.goal.id,
        name: goal.name.to_string(),
        period: if g.shown {
            label
        } else {
            t.get("plan-goal-not-yet")
        },
        actual: shown(t, value, scale),
        target: t.args(
            &format!("goals-direction-{}", goal.direction.code()),
            &[("target", &shown(t, Some(target), scale))],
        ),
        status,
        n: tally.map_or_else(|| "–".to_owned(), |x| n(t, x)),
    }
}

pub async fn page(
    State(s): State<WebState>,
    t: Tr,
    staff: Staff,
    query: Result<Query<PlanQuery>, axum::extract::rejection::QueryRejection>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let Query(q) = query.map_err(|_| PageError::bad_request())?;
    let day: Date = match q.on.as_deref().map(str::trim).filter(|x| !x.is_empty()) {
        None => plan::today(&s).await?,
        Some(raw) => raw.parse().map_err(|_| PageError::bad_request())?,
    };
    let p = plan::on(&s, day).await?;
    let tz = tend_app::goals::time_zone(&s).await?;
    let date = |d: Date| t.date(&midnight(d, &tz), &tz);
    let num = |r: Ratio| t.decimal(&format!("{:.2}", r.rounded()));
    let names: std::collections::HashMap<i64, String> = tend_app::policy::staff(&s)
        .await?
        .into_iter()
        .map(|e| (e.id.0, e.name.to_string()))
        .collect();
    let c = &p.coverage;
    let share = match c.n {
        0 => "–".to_owned(),
        n => t.decimal(&format!("{:.1}", c.trained as f64 * 100.0 / n as f64)),
    };
    let coverage = t.args(
        "training-coverage",
        &[
            ("trained", &c.trained.to_string()),
            ("n", &c.n.to_string()),
            ("share", &share),
        ],
    );
    let last = p.problems_to.saturating_sub(jiff::Span::new().days(1));
    render(&PlanPage {
        chrome: Chrome::staff(&staff, format!("/plan?on={day}")),
        on: day.to_string(),
        day: date(day),
        vision: p.vision.as_ref().map(|v| VisionView {
            statement: v.statement.clone(),
            line: t.args(
                "plan-vision-version",
                &[
                    ("version", &v.id.to_string()),
                    ("author", &v.author_name),
                    ("date", &t.date(&v.saved_at, &tz)),
                ],
            ),
        }),
        problems_period: t.args(
            "plan-problems-period",
            &[("from", &date(p.problems_from)), ("to", &date(last))],
        ),
        problems_link: format!("/problems?from={}&to={}", p.problems_from, p.problems_to),
        focus_source: match &p.focus_adopted {
            Some(a) => t.args(
                "plan-focus-adopted",
                &[
                    (
                        "by",
                        &names
                            .get(&a.adopted_by.0)
                            .cloned()
                            .unwrap_or_else(|| format!("#{}", a.adopted_by.0)),
                    ),
                    ("date", &t.date(&a.adopted_at, &tz)),
                ],
            ),
            None => t.get("plan-focus-ranked"),
        },
        focus: p
            .focus
            .iter()
            .map(|f| (f.rank, f.category.clone(), f.complaints))
            .collect(),
        goals: p.goals.iter().map(|g| goal_row(&t, g)).collect(),
        policy: p.policy.as_ref().map(|v| PolicyView {
            id: v.id,
            from: v
                .approval
                .as_ref()
                .map_or_else(String::new, |a| date(a.effective_from)),
            note: v.note.clone(),
            areas: v
                .areas
                .iter()
                .map(|a| area_name(&t, &a.code, a.title.as_deref()))
                .collect(),
        }),
        coverage,
        missing: c
            .missing
            .iter()
            .map(|id| names.get(id).cloned().unwrap_or_default())
            .collect(),
        quotient: p.quotient.as_ref().and_then(|q| {
            let score = RoundScore::new(&q.assessments)?;
            Some(QuotientView {
                line: t.args(
                    "plan-quotient-round",
                    &[("round", &q.label), ("n", &score.n().to_string())],
                ),
                total: num(score.total()),
                band: score.band().code(),
            })
        }),
        t,
    })
}
