//! A figure's series (rolled up from numerators and denominators) and pushing its values.

use axum::Json;
use axum::extract::{Path, Query, State};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use tend_domain::figures::{Per, ValueDraft, roll_up};
use tend_domain::staff::{Permission, Role};
use tend_domain::{DomainError, FieldErrors};
use tend_store::Via;

use super::{FigureView, find};
use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// `from` and `to` are dates (`to` excluded; default the last twelve months before today's
/// month ends); `per` rolls up (default as stored); `dimensions` selects one breakdown, as
/// `key=value;key=value` (default: all summed).
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SeriesQuery {
    #[param(format = Date)]
    from: Option<String>,
    #[param(format = Date)]
    to: Option<String>,
    per: Option<Per>,
    dimensions: Option<String>,
}

/// One point: the parts and the value they make.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PointView {
    /// The period's first day.
    pub period: String,
    pub numerator: i64,
    pub denominator: Option<i64>,
    /// numerator ÷ denominator (× 100 for percent) for a ratio, else the numerator; null for
    /// a ratio over nothing.
    pub value: Option<f64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SeriesView {
    pub figure: FigureView,
    pub per: Per,
    pub points: Vec<PointView>,
}

pub(super) fn date(field: &str, raw: Option<&str>, default: Date) -> ApiResult<Date> {
    match raw {
        None => Ok(default),
        Some(r) => r.parse().map_err(|_| {
            ApiError::invalid(
                field,
                tend_domain::kernel::reason::DATE.with("got", format!("{r:?}")),
            )
        }),
    }
}

#[utoipa::path(get, path = "/api/v1/figures/{id}/values", tag = "figures",
    params(("id" = String, Path, description = "Figure id or code"), SeriesQuery),
    responses((status = 200, body = SeriesView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn figure_values(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    query: Result<Query<SeriesQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<SeriesView>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let figure = find(&s, &id).await?;
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
    let per = q.per.unwrap_or(Per::Period);
    let points = s
        .store
        .figure_points(&figure, from, to, q.dimensions.as_deref())
        .await?;
    let points = roll_up(&points, per)
        .into_iter()
        .map(|p| PointView {
            period: p.period.to_string(),
            numerator: p.numerator,
            denominator: p.denominator,
            value: figure.value(p.numerator, p.denominator),
        })
        .collect();
    Ok(Json(SeriesView {
        figure: figure.into(),
        per,
        points,
    }))
}

/// Values to store; each replaces the one with the same period and dimensions.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValuesBody {
    pub values: Vec<ValueDraft>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PushedView {
    pub inserted: i64,
    pub updated: i64,
}

/// Pushes values, all or none. Vendors may push only the figures assigned to them; managers
/// and admins any figure Tend does not compute.
#[utoipa::path(post, path = "/api/v1/figures/{id}/values", tag = "figures", request_body = ValuesBody,
    params(("id" = String, Path, description = "Figure id or code")),
    responses((status = 200, body = PushedView), (status = 403, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn push_figure_values(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ValuesBody>,
) -> ApiResult<Json<PushedView>> {
    auth.require(Permission::PushFigures)?;
    let figure = match find(&s, &id).await {
        // A vendor learns nothing about figures that are not its own.
        Err(_) if auth.0.role == Role::Vendor => return Err(not_yours()),
        other => other?,
    };
    if auth.0.role == Role::Vendor && figure.pusher_id != Some(auth.0.id) {
        return Err(not_yours());
    }
    let mut errors = FieldErrors::new();
    let mut values = Vec::with_capacity(body.values.len());
    let mut seen = std::collections::HashMap::new();
    for (i, draft) in body.values.iter().enumerate() {
        match draft.validate(&figure) {
            Ok(v) => {
                let key = (v.period, v.dimensions.clone());
                if let Some(first) = seen.insert(key, i) {
                    errors.add(
                        format!("values[{i}]"),
                        tend_domain::kernel::reason::DUPLICATE_VALUE.with("line", first),
                    );
                }
                values.push(v);
            }
            Err(DomainError::Invalid(f)) => errors.extend(f.nest(&format!("values[{i}]"))),
            Err(e) => return Err(e.into()),
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors).into());
    }
    let (inserted, updated) = s
        .store
        .put_figure_values(figure.id, &values, Some(auth.0.id), Via::Api, s.clock.now())
        .await?;
    Ok(Json(PushedView { inserted, updated }))
}

fn not_yours() -> ApiError {
    ApiError::forbidden("push this figure: it is not assigned to your account")
}
