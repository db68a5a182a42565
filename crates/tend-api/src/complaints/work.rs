//! Working a complaint: the method's actions, steps taken, and the timeline.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use tend_domain::complaints::lifecycle::Action;
use tend_domain::staff::Permission;

use super::{complaint_id, if_match};
use crate::AppState;
use crate::auth::Authed;
use crate::error::ApiResult;
use crate::extract::{ApiJson, from_tagged};
use crate::views::{ComplaintView, TimelineEntryView};

/// Takes one step of the resolution method, e.g. `{"action": "understand", "facts": "…"}`.
/// A step the method does not allow now is refused with 409 and the record is unchanged.
#[utoipa::path(post, path = "/api/v1/complaints/{id}/actions", tag = "complaints", request_body = Action,
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 200, body = ComplaintView), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn act_on_complaint(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<Json<ComplaintView>> {
    auth.require(Permission::WorkComplaints)?;
    let action: Action = from_tagged(body, "action")?;
    let id = complaint_id(&s, &id).await?;
    // Pauses are counted in the service hours of the complaint's channel.
    let c = tend_app::complaints::act(&s, id, if_match(&headers)?, &auth.actor(), action).await?;
    Ok(Json(super::due::view(&s, &c).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStep {
    /// What was done, e.g. "Called the warehouse; replacement jar ships today".
    #[schema(value_type = tend_domain::kernel::text::LongText, inline)]
    pub text: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StepView {
    pub id: i64,
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
    pub author_id: Option<i64>,
    pub text: String,
}

#[utoipa::path(post, path = "/api/v1/complaints/{id}/steps", tag = "complaints", request_body = NewStep,
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 201, body = StepView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn add_step(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(step): ApiJson<NewStep>,
) -> ApiResult<(StatusCode, Json<StepView>)> {
    auth.require(Permission::WorkComplaints)?;
    let now = s.clock.now();
    let step_id = s
        .store
        .add_step(complaint_id(&s, &id).await?, &auth.actor(), &step.text, now)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(StepView {
            id: step_id,
            at: now,
            author_id: Some(auth.0.id.0),
            text: step.text.trim().to_owned(),
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/complaints/{id}/steps", tag = "complaints",
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 200, body = Vec<StepView>)), security(("bearer" = [])))]
pub async fn list_steps(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<StepView>>> {
    auth.require(Permission::Read)?;
    let id = complaint_id(&s, &id).await?;
    s.store.complaint(id).await?;
    let steps = s.store.steps(id).await?;
    Ok(Json(
        steps
            .into_iter()
            .map(|(id, at, author, text)| StepView {
                id,
                at,
                author_id: author.map(|a| a.0),
                text,
            })
            .collect(),
    ))
}

/// Every change ever made to the complaint, oldest first. Entries cannot be edited or deleted.
#[utoipa::path(get, path = "/api/v1/complaints/{id}/timeline", tag = "complaints",
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 200, body = Vec<TimelineEntryView>)), security(("bearer" = [])))]
pub async fn timeline(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<TimelineEntryView>>> {
    auth.require(Permission::Read)?;
    let id = complaint_id(&s, &id).await?;
    s.store.complaint(id).await?;
    let entries = s.store.timeline(id).await?;
    Ok(Json(entries.iter().map(Into::into).collect()))
}
