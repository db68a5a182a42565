//! `GET /api/v1/figures/{id}/breakdown?by=`: a figure's series per value of one dimension,
//! each period's value with its n, and the totals of the undivided series.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use tend_domain::figures::{Cell, Dimension, Figure, Per, breakdown, breakdown_dimension};
use tend_domain::kernel::reason::{PERIOD_ORDER, REQUIRED, Reason};
use tend_domain::staff::Permission;

use super::values::date;
use super::{FigureView, find};
use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};

/// `by` is one of the figure's dimensions; `from`, `to` (excluded) and `per` as for
/// `/values` (default the twelve months before next month, as stored).
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BreakdownQuery {
    /// product, category or vendor: one the figure's values carry.
    #[param(required = true)]
    by: Option<String>,
    #[param(format = Date)]
    from: Option<String>,
    #[param(format = Date)]
    to: Option<String>,
    per: Option<Per>,
}

/// One period of a group (or of the totals).
#[derive(Serialize, utoipa::ToSchema)]
pub struct CellView {
    /// The period's first day.
    pub period: String,
    /// Σ numerators of the values in it.
    pub numerator: i64,
    /// Σ denominators, for a ratio figure.
    pub denominator: Option<i64>,
    /// Σ numerators ÷ Σ denominators (× 100 for percent) for a ratio, else Σ numerators; null
    /// for a ratio over nothing.
    pub value: Option<f64>,
    /// Σ denominators for a ratio figure, else the number of values stored.
    pub n: i64,
}

/// The periods of one value of the dimension.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GroupView {
    /// The dimension's value; null for the values without it (shown as "(none)").
    pub value: Option<String>,
    pub points: Vec<CellView>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct BreakdownView {
    pub figure: FigureView,
    pub by: Dimension,
    pub per: Per,
    /// By value, the values without the dimension last.
    pub groups: Vec<GroupView>,
    /// Every value summed per period: the same as `/values` with the same `from`, `to`, `per`.
    pub total: Vec<CellView>,
}

fn cells(figure: &Figure, cells: &[Cell]) -> Vec<CellView> {
    cells
        .iter()
        .map(|c| CellView {
            period: c.period.to_string(),
            numerator: c.numerator,
            denominator: c.denominator,
            value: figure.value(c.numerator, c.denominator),
            n: c.n(figure.ratio),
        })
        .collect()
}

#[utoipa::path(get, path = "/api/v1/figures/{id}/breakdown", tag = "figures",
    params(("id" = String, Path, description = "Figure id or code"), BreakdownQuery),
    responses((status = 200, body = BreakdownView), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn figure_breakdown(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    query: Result<Query<BreakdownQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<BreakdownView>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let figure = find(&s, &id).await?;
    let by = match q.by.as_deref().map(str::trim) {
        None | Some("") => return Err(ApiError::invalid("by", Reason::from(REQUIRED))),
        Some(raw) => breakdown_dimension(&figure, raw).map_err(|r| ApiError::invalid("by", r))?,
    };
    let today = s.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date();
    let next_month = Per::Month
        .bucket(today)
        .saturating_add(jiff::ToSpan::month(1));
    let to = date("to", q.to.as_deref(), next_month)?;
    let from = date(
        "from",
        q.from.as_deref(),
        to.saturating_sub(jiff::ToSpan::year(1)),
    )?;
    if to <= from {
        return Err(ApiError::invalid(
            "to",
            PERIOD_ORDER.with("from", from.to_string()),
        ));
    }
    let per = q.per.unwrap_or(Per::Period);
    let values = s
        .store
        .figure_points_with_dimensions(&figure, from, to)
        .await?;
    let b = breakdown(&values, by, per);
    Ok(Json(BreakdownView {
        groups: b
            .groups
            .iter()
            .map(|g| GroupView {
                value: g.value.clone(),
                points: cells(&figure, &g.cells),
            })
            .collect(),
        total: cells(&figure, &b.total),
        figure: figure.into(),
        by,
        per,
    }))
}
