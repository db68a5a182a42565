//! `/api/v1/channels/{channel}/service-hours` and `/response-standards`: when a channel is
//! staffed and how fast it answers. Everyone reads them; managers change them.

use axum::Json;
use axum::extract::{Path, State};
use tend_domain::catalog::ChannelCode;
use tend_domain::channels::response_standard::ResponseStandards;
use tend_domain::channels::service_hours::ServiceHoursSpec;
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

fn channel(raw: &str) -> ApiResult<ChannelCode> {
    ChannelCode::parse(raw).map_err(|_| ApiError::not_found("channel"))
}

#[utoipa::path(get, path = "/api/v1/channels/{channel}/service-hours", tag = "channels",
    params(("channel" = String, Path, description = "Channel code, e.g. phone")),
    responses((status = 200, body = ServiceHoursSpec), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_service_hours(
    State(s): State<AppState>,
    auth: Authed,
    Path(code): Path<String>,
) -> ApiResult<Json<ServiceHoursSpec>> {
    auth.require(Permission::Read)?;
    Ok(Json(
        s.store.service_hours(&channel(&code)?).await?.to_spec(),
    ))
}

/// Replaces the channel's service hours: an IANA time zone, any number of opening intervals
/// per weekday, closures (optionally yearly), or `always_open`.
#[utoipa::path(put, path = "/api/v1/channels/{channel}/service-hours", tag = "channels", request_body = ServiceHoursSpec,
    params(("channel" = String, Path, description = "Channel code, e.g. phone")),
    responses((status = 200, body = ServiceHoursSpec), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_service_hours(
    State(s): State<AppState>,
    auth: Authed,
    Path(code): Path<String>,
    ApiJson(spec): ApiJson<ServiceHoursSpec>,
) -> ApiResult<Json<ServiceHoursSpec>> {
    auth.require(Permission::Manage)?;
    let code = channel(&code)?;
    let hours = spec.validate()?;
    s.store
        .set_service_hours(&code, &hours, s.clock.now(), &auth.actor())
        .await?;
    Ok(Json(hours.to_spec()))
}

#[utoipa::path(get, path = "/api/v1/channels/{channel}/response-standards", tag = "channels",
    params(("channel" = String, Path, description = "Channel code, e.g. phone")),
    responses((status = 200, body = ResponseStandards), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_response_standards(
    State(s): State<AppState>,
    auth: Authed,
    Path(code): Path<String>,
) -> ApiResult<Json<ResponseStandards>> {
    auth.require(Permission::Read)?;
    Ok(Json(s.store.response_standards(&channel(&code)?).await?))
}

/// Replaces the channel's response standards: first-response and resolution targets per
/// priority, in service minutes; the warning share; escalation on breach.
#[utoipa::path(put, path = "/api/v1/channels/{channel}/response-standards", tag = "channels", request_body = ResponseStandards,
    params(("channel" = String, Path, description = "Channel code, e.g. phone")),
    responses((status = 200, body = ResponseStandards), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_response_standards(
    State(s): State<AppState>,
    auth: Authed,
    Path(code): Path<String>,
    ApiJson(standards): ApiJson<ResponseStandards>,
) -> ApiResult<Json<ResponseStandards>> {
    auth.require(Permission::Manage)?;
    let code = channel(&code)?;
    let standards = standards.validate()?;
    s.store
        .set_response_standards(&code, &standards, s.clock.now(), &auth.actor())
        .await?;
    Ok(Json(standards))
}
