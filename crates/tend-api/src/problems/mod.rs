//! `/api/v1/problems`: the top problems — complaint categories ranked over a period by the
//! documented score (frequency, cost, customers lost, listening; weights adjustable by
//! managers), with the figures linked to each category as evidence, compared
//! with the previous period of equal length, non-actionable categories listed apart, and the top
//! three with their evidence.

mod evidence;
mod focus;
mod links;
mod marks;

pub use evidence::*;
pub use focus::*;
pub use links::*;
pub use marks::*;

use axum::Json;
use axum::extract::{Query, State};
use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use tend_domain::kernel::reason::{DATE, OUT_OF_RANGE, PERIOD_ORDER};
use tend_domain::problems::{DEFAULT_LOST_DAYS, Sources, Tally, Trend};
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};

/// The score's definition, as served in every answer.
pub const SCORE_DEFINITION: &str = "Over the actionable categories with complaints or voices in \
the period: F = complaints / the largest complaints count, C = cost / the largest cost, L = \
customers lost / the largest customers lost, V = voices / the largest voices (a part is 0 when \
its largest is 0); score = (w_f*F + w_c*C + w_l*L + w_v*V) / (w_f + w_c + w_l + w_v), from 0 to \
1, except that when no category has a voice V and w_v are left out. Ties: more complaints \
first, then the lower category id. Non-actionable categories are not scored. Linked figures \
are evidence, not scored.";
/// `from`, `to`: UTC dates, `to` excluded (default: the three months before tomorrow);
/// `lost_days`: the customers-lost window, 1..=730 (default 90).
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProblemsQuery {
    #[param(format = Date)]
    from: Option<String>,
    #[param(format = Date)]
    to: Option<String>,
    #[param(minimum = 1, maximum = 730)]
    lost_days: Option<i64>,
}

/// One category's row. Money in minor units.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ProblemRow {
    /// 1-based among the ranked; null for a non-actionable category.
    pub rank: Option<usize>,
    pub category_id: i64,
    /// The category's path in the tree, `Parent / Child`.
    pub category: String,
    pub complaints: i64,
    /// Distinct customers among the complaints.
    pub customers: i64,
    /// customers ÷ all complainants of the period (0..=1).
    pub customer_share: f64,
    pub compensation_minor: i64,
    pub returns_minor: i64,
    pub cost_minor: i64,
    pub customers_lost: i64,
    pub lost_base: i64,
    pub previous_complaints: i64,
    pub trend: Trend,
    /// Coded open answers (see `voices_definition`).
    pub answers: i64,
    pub findings: i64,
    pub voices: i64,
    /// F, C, L, V and the score; null when not ranked (V also when listening was left out).
    pub frequency: Option<f64>,
    pub cost: Option<f64>,
    pub lost: Option<f64>,
    pub listening: Option<f64>,
    pub score: Option<f64>,
    pub actionable: bool,
    pub note: Option<String>,
    /// The figures linked to the category (see `figures_definition`).
    pub figures: Vec<LinkedFigureView>,
}

/// One of the top three with its evidence.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TopProblem {
    pub rank: usize,
    pub category_id: i64,
    pub category: String,
    pub complaints: i64,
    pub customers: i64,
    pub cost_minor: i64,
    pub customers_lost: i64,
    pub voices: i64,
    /// Up to three complaint references, oldest first.
    pub samples: Vec<String>,
    /// Up to three things customers said: coded answers, then findings' quotes (else their
    /// statements), newest first.
    pub quotes: Vec<String>,
    pub figures: Vec<LinkedFigureView>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProblemsView {
    pub from: String,
    pub to: String,
    pub previous_from: String,
    pub previous_to: String,
    pub lost_days: i64,
    /// Distinct complainants of the period, over all categories and none.
    pub complainants: i64,
    pub weights: WeightsView,
    pub score_definition: &'static str,
    pub cost_definition: &'static str,
    pub lost_definition: &'static str,
    pub voices_definition: &'static str,
    pub figures_definition: &'static str,
    pub sources: Sources,
    pub ranked: Vec<ProblemRow>,
    pub not_actionable: Vec<ProblemRow>,
    pub top: Vec<TopProblem>,
}

fn date(field: &str, raw: Option<&str>, default: Date) -> ApiResult<Date> {
    match raw {
        None => Ok(default),
        Some(r) => r
            .parse()
            .map_err(|_| ApiError::invalid(field, DATE.with("got", format!("{r:?}")))),
    }
}

/// The period `[from, to)` as asked (UTC dates), by default the three months before tomorrow
/// (UTC, from `now`). Errors: `from`/`to` not a date, `to` not after `from`.
pub(crate) fn period(
    from: Option<&str>,
    to: Option<&str>,
    now: jiff::Timestamp,
) -> ApiResult<(Date, Date)> {
    let tomorrow = now.to_zoned(TimeZone::UTC).date().saturating_add(1.day());
    let to = date("to", to, tomorrow)?;
    let from = date("from", from, to.saturating_sub(3.months()))?;
    if to <= from {
        return Err(ApiError::invalid("to", PERIOD_ORDER.with("from", from)));
    }
    Ok((from, to))
}

#[utoipa::path(get, path = "/api/v1/problems", tag = "problems", params(ProblemsQuery),
    responses((status = 200, body = ProblemsView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_problems(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<ProblemsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<ProblemsView>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let (from, to) = period(q.from.as_deref(), q.to.as_deref(), s.clock.now())?;
    let lost_days = q.lost_days.unwrap_or(DEFAULT_LOST_DAYS);
    if !(1..=730).contains(&lost_days) {
        let why = OUT_OF_RANGE
            .with("min", 1)
            .with("max", 730)
            .with("got", lost_days);
        return Err(ApiError::invalid("lost_days", why));
    }
    let rk = tend_app::problems::ranking(&s, from, to, lost_days).await?;
    let linked = tend_app::problems::linked_figures(&s, &rk).await?;
    let figures_of = |id: i64| -> Vec<LinkedFigureView> {
        linked
            .iter()
            .filter(|f| f.category_id == id)
            .map(Into::into)
            .collect()
    };
    let (previous_from, complainants, period) = (rk.previous_from, rk.complainants, rk.period);
    let actionable = |id: i64| rk.actionable(id);
    let paths = &rk.paths;
    let row = |t: &Tally, r: Option<(usize, &tend_domain::problems::Ranked)>| ProblemRow {
        rank: r.map(|(i, _)| i + 1),
        category_id: t.category_id,
        category: paths.get(&t.category_id).cloned().unwrap_or_default(),
        complaints: t.complaints,
        customers: t.customers,
        customer_share: if complainants == 0 {
            0.0
        } else {
            t.customers as f64 / complainants as f64
        },
        compensation_minor: t.compensation_minor,
        returns_minor: t.returns_minor,
        cost_minor: t.cost_minor(),
        customers_lost: t.lost,
        lost_base: t.lost_base,
        previous_complaints: rk.previous_complaints(t.category_id),
        trend: rk.trend(t),
        answers: t.answers,
        findings: t.findings,
        voices: t.voices(),
        frequency: r.map(|(_, x)| x.frequency),
        cost: r.map(|(_, x)| x.cost),
        lost: r.map(|(_, x)| x.lost),
        listening: r.and_then(|(_, x)| x.listening),
        score: r.map(|(_, x)| x.score),
        actionable: actionable(t.category_id),
        note: rk.marks.get(&t.category_id).and_then(|m| m.note.clone()),
        figures: figures_of(t.category_id),
    };
    let mut top = Vec::new();
    for (i, x) in rk.ranked.iter().take(3).enumerate() {
        let t = &x.tally;
        top.push(TopProblem {
            rank: i + 1,
            category_id: t.category_id,
            category: paths.get(&t.category_id).cloned().unwrap_or_default(),
            complaints: t.complaints,
            customers: t.customers,
            cost_minor: t.cost_minor(),
            customers_lost: t.lost,
            voices: t.voices(),
            samples: s.store.problem_samples(t.category_id, period, 3).await?,
            quotes: tend_app::problems::quotes(&s, t.category_id, period, 3).await?,
            figures: figures_of(t.category_id),
        });
    }
    let not_actionable = rk
        .tallies
        .iter()
        .filter(|t| !actionable(t.category_id))
        .map(|t| row(t, None))
        .collect();
    Ok(Json(ProblemsView {
        from: from.to_string(),
        to: to.to_string(),
        previous_from: previous_from.to_string(),
        previous_to: from.to_string(),
        lost_days,
        complainants,
        weights: rk.weights.clone().into(),
        score_definition: SCORE_DEFINITION,
        cost_definition: COST_DEFINITION,
        lost_definition: LOST_DEFINITION,
        voices_definition: VOICES_DEFINITION,
        figures_definition: FIGURES_DEFINITION,
        sources: rk.sources(),
        ranked: rk
            .ranked
            .iter()
            .enumerate()
            .map(|(i, x)| row(&x.tally, Some((i, x))))
            .collect(),
        not_actionable,
        top,
    }))
}
