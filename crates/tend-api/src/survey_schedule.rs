//! `/api/v1/surveys/{id}/schedule`: the relationship (NPS) schedule of an open survey with an
//! NPS question — a round every `every_days` days inviting every customer with an address and
//! consent who was not asked by any survey within the cooldown (`/api/v1/survey-settings`),
//! each round inside the e-mail channel's service hours. Staff read; managers set and stop.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use tend_app::surveys::schedule;
use tend_domain::staff::Permission;
use tend_store::SurveySchedule;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::surveys::{instant, parse_id};

/// A survey's schedule: the next round at `next_run_at`, then one every `every_days` days.
#[derive(Serialize, ToSchema)]
pub struct ScheduleView {
    pub survey_id: i64,
    pub every_days: i64,
    pub next_run_at: Timestamp,
    pub set_by: Option<i64>,
    pub set_at: Timestamp,
}

/// A schedule to set (replacing any): `every_days` 1–3650 (91 ≈ a quarter); the first round
/// at `starts_at` (RFC 3339; default now).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSchedule {
    #[schema(minimum = 1, maximum = 3650)]
    pub every_days: i64,
    #[schema(format = DateTime)]
    pub starts_at: Option<String>,
}

fn view(v: SurveySchedule) -> ScheduleView {
    ScheduleView {
        survey_id: v.survey_id.0,
        every_days: v.every_days,
        next_run_at: v.next_run_at,
        set_by: v.set_by.map(|e| e.0),
        set_at: v.set_at,
    }
}

#[utoipa::path(get, path = "/api/v1/surveys/{id}/schedule", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 200, body = ScheduleView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_survey_schedule(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<ScheduleView>> {
    auth.require(Permission::Read)?;
    let id = parse_id(&id)?;
    let found = s.store.survey_schedule(id).await?;
    found
        .map(|v| Json(view(v)))
        .ok_or_else(|| ApiError::not_found("schedule"))
}

/// Sets the schedule (managers); 422 when the survey is not open (`status`), has no NPS
/// question (`questions`) or `every_days` is out of range.
#[utoipa::path(put, path = "/api/v1/surveys/{id}/schedule", tag = "surveys",
    request_body = NewSchedule, params(("id" = i64, Path, description = "Survey id")),
    responses((status = 200, body = ScheduleView), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_survey_schedule(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewSchedule>,
) -> ApiResult<Json<ScheduleView>> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    let first = instant("starts_at", body.starts_at)?;
    let set = schedule::set(&s, id, body.every_days, first, Some(auth.0.id)).await?;
    Ok(Json(view(set)))
}

/// Stops the schedule (managers): no further round; the invitations made stay.
#[utoipa::path(delete, path = "/api/v1/surveys/{id}/schedule", tag = "surveys",
    params(("id" = i64, Path, description = "Survey id")),
    responses((status = 204), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn delete_survey_schedule(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    auth.require(Permission::Manage)?;
    s.store.delete_survey_schedule(parse_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
