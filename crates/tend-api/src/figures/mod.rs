//! `/api/v1/figures`: the catalogue of figure definitions, their series (rolled up to months,
//! quarters or years from numerators and denominators), broken down by one dimension
//! (`/breakdown?by=`), and pushing values. A vendor's token may
//! push only the figures assigned to it and nothing else.

mod breakdown;
mod values;

pub use breakdown::*;
pub use values::*;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_domain::figures::{Dimension, Figure, FigureDraft, Grain, Source, Unit};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

#[derive(Serialize, utoipa::ToSchema)]
pub struct FigureView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub definition: String,
    pub unit: Unit,
    pub currency: Option<String>,
    pub higher_is_better: bool,
    pub grain: Grain,
    /// Values are numerator ÷ denominator (× 100 for percent).
    pub ratio: bool,
    pub dimensions: Vec<Dimension>,
    pub source: Source,
    pub vendor_name: Option<String>,
    pub pusher_id: Option<i64>,
    pub owner_id: Option<i64>,
    pub seeded: bool,
}

impl From<Figure> for FigureView {
    fn from(f: Figure) -> Self {
        FigureView {
            id: f.id,
            code: f.code,
            name: f.name,
            definition: f.definition,
            unit: f.unit,
            currency: f.currency,
            higher_is_better: f.higher_is_better,
            grain: f.grain,
            ratio: f.ratio,
            dimensions: f.dimensions,
            source: f.source,
            vendor_name: f.vendor_name,
            pusher_id: f.pusher_id.map(|e| e.0),
            owner_id: f.owner_id.map(|e| e.0),
            seeded: f.seeded,
        }
    }
}

/// A figure by id (`12`) or code (`return_rate`).
pub(crate) async fn find(s: &AppState, key: &str) -> ApiResult<Figure> {
    Ok(match key.parse::<i64>() {
        Ok(id) => s.store.figure(id).await?,
        Err(_) => s.store.figure_by_code(key).await?,
    })
}

#[utoipa::path(get, path = "/api/v1/figures", tag = "figures",
    responses((status = 200, body = Vec<FigureView>)), security(("bearer" = [])))]
pub async fn list_figures(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<FigureView>>> {
    auth.require(Permission::Read)?;
    let all = s.store.figures().await?;
    Ok(Json(all.into_iter().map(Into::into).collect()))
}

/// Adds a custom figure (managers).
#[utoipa::path(post, path = "/api/v1/figures", tag = "figures", request_body = FigureDraft,
    responses((status = 201, body = FigureView), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_figure(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<FigureDraft>,
) -> ApiResult<(StatusCode, Json<FigureView>)> {
    auth.require(Permission::Manage)?;
    let f = draft.validate()?;
    let stored = s.store.create_figure(&f, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(stored.into())))
}

/// A figure with its last arrival and whether it is stale.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FigureDetail {
    #[serde(flatten)]
    pub figure: FigureView,
    /// The newest period with a value (its first day).
    pub last_period: Option<String>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_arrived_at: Option<jiff::Timestamp>,
    /// Who sent the newest value (an employee's name), if known.
    pub last_arrived_by: Option<String>,
    /// api, csv or page.
    pub last_arrived_via: Option<String>,
    /// Pushed (not computed) and without a value for the last complete period (yesterday,
    /// last week or last month, UTC) — or none yet.
    pub stale: bool,
}

#[utoipa::path(get, path = "/api/v1/figures/{id}", tag = "figures",
    params(("id" = String, Path, description = "Figure id or code")),
    responses((status = 200, body = FigureDetail), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_figure(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<FigureDetail>> {
    auth.require(Permission::Read)?;
    let figure = find(&s, &id).await?;
    let last_period = s.store.last_period(figure.id).await?;
    let arrival = s.store.last_arrival(figure.id).await?;
    let today = s.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date();
    let stale = tend_domain::figures::is_stale(&figure, last_period, today);
    Ok(Json(FigureDetail {
        figure: figure.into(),
        last_period: last_period.map(|p| p.to_string()),
        last_arrived_at: arrival.as_ref().map(|a| a.at),
        last_arrived_by: arrival.as_ref().and_then(|a| a.by.clone()),
        last_arrived_via: arrival.map(|a| a.via),
        stale,
    }))
}

/// Who pushes a figure's values (usually a vendor's account) and who is told when it is stale.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentBody {
    pub pusher_id: Option<i64>,
    pub owner_id: Option<i64>,
}

/// Assigns a figure's pusher and owner (managers); null clears.
#[utoipa::path(put, path = "/api/v1/figures/{id}/assignment", tag = "figures", request_body = AssignmentBody,
    params(("id" = String, Path, description = "Figure id or code")),
    responses((status = 200, body = FigureView), (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn assign_figure(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AssignmentBody>,
) -> ApiResult<Json<FigureView>> {
    auth.require(Permission::Manage)?;
    let figure = find(&s, &id).await?;
    let staff = s.store.employees().await?;
    for (field, id) in [("pusher_id", body.pusher_id), ("owner_id", body.owner_id)] {
        if let Some(id) = id
            && !staff.iter().any(|e| e.id.0 == id)
        {
            let why = tend_domain::kernel::reason::NO_EMPLOYEE.with("id", id);
            return Err(ApiError::invalid(field, why));
        }
    }
    let (pusher, owner) = (
        body.pusher_id.map(EmployeeId),
        body.owner_id.map(EmployeeId),
    );
    s.store.assign_figure(figure.id, pusher, owner).await?;
    Ok(Json(s.store.figure(figure.id).await?.into()))
}
