//! `/api/v1/reports/operations`: the operations report (managers) — received, resolved and
//! open at each period's end; first-response and resolution times in service minutes and
//! calendar seconds (median and 90th percentile, each with its n); the share of first
//! responses within the response standard — for local days `[from, to)` in the company's
//! zone, by period and group, with the inbox's filters. Computed live (docs/reports.md).

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;
use tend_app::reports::{self, ReportQuery};
use tend_domain::reports::report::OperationsReport;
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};

/// The report's query. Dates are local days in the company's time zone; `to` is exclusive.
/// Absent: the last 12 weeks up to today, by week, by channel.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OperationsQuery {
    /// First local day, `YYYY-MM-DD`.
    #[param(format = Date)]
    from: Option<String>,
    /// The day after the last, `YYYY-MM-DD`.
    #[param(format = Date)]
    to: Option<String>,
    /// `day`, `week` (from Monday), `month` or `quarter`.
    #[param(pattern = "^(day|week|month|quarter)$")]
    grain: Option<String>,
    /// `channel`, `category`, `product`, `assignee`, `tier` or `none`.
    #[param(pattern = "^(channel|category|product|assignee|tier|none)$")]
    group: Option<String>,
    /// A channel code.
    channel: Option<String>,
    /// A category id (its subcategories are included).
    #[param(minimum = 1)]
    category: Option<i64>,
    /// A product id.
    #[param(minimum = 1)]
    product: Option<i64>,
    /// An employee id: complaints assigned to them.
    #[param(minimum = 1)]
    assignee: Option<i64>,
    /// A support tier, 0–3.
    #[param(minimum = 0, maximum = 3)]
    tier: Option<i64>,
    /// A team: complaints assigned to a member of it.
    team: Option<String>,
    /// A saved customer segment's id: only its members' complaints (membership read at the
    /// end of the range).
    #[param(minimum = 1)]
    segment: Option<i64>,
}

impl From<OperationsQuery> for ReportQuery {
    fn from(q: OperationsQuery) -> Self {
        let s = |v: Option<i64>| v.map(|v| v.to_string());
        ReportQuery {
            from: q.from,
            to: q.to,
            grain: q.grain,
            group: q.group,
            channel: q.channel,
            category: s(q.category),
            product: s(q.product),
            assignee: s(q.assignee),
            tier: s(q.tier),
            team: q.team,
            segment: s(q.segment),
        }
    }
}

/// The operations report (managers).
#[utoipa::path(get, path = "/api/v1/reports/operations", tag = "plan",
    params(OperationsQuery),
    responses((status = 200, body = OperationsReport), (status = 403, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn operations_report(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<OperationsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<OperationsReport>> {
    auth.require(Permission::Manage)?;
    let Query(q) = query.map_err(|e| {
        let text = e.body_text();
        let field = text.split('`').nth(1).unwrap_or("query").to_owned();
        ApiError::invalid(field, text)
    })?;
    // The schema's formats: an empty date, grain, group or channel is not one (the pages read
    // an empty field as absent; the API says so).
    for (field, v) in [
        ("from", &q.from),
        ("to", &q.to),
        ("grain", &q.grain),
        ("group", &q.group),
        ("channel", &q.channel),
    ] {
        if v.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(ApiError::invalid(
                field,
                tend_domain::kernel::reason::Reason::from(tend_domain::kernel::reason::REQUIRED),
            ));
        }
    }
    let today = reports::today(&s.store, s.clock.now()).await?;
    let filter = ReportQuery::from(q).filter(today)?;
    Ok(Json(reports::operations(&s.store, &filter).await?))
}
