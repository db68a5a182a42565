//! `/api/v1/goals`: service goals — list and create (managers write, staff read), one goal
//! and its change (a PATCH merges into the current version and stores a new version), its
//! history (versions and closed periods' frozen values) and the records behind its number.
//! Each goal comes with its actual (two decimals), target, status, n (numerator and
//! denominator), written definition and a `records` link.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_app::goals;
use tend_domain::goals::{GoalDraft, Tally};
use tend_domain::staff::Permission;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, MergePatch, from_value, merge_patch};

mod views;
pub use views::*;

fn goal_id(raw: &str) -> ApiResult<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(|| ApiError::not_found("goal"))
}

/// Every goal where it stands now, oldest first.
#[utoipa::path(get, path = "/api/v1/goals", tag = "plan",
    responses((status = 200, body = GoalList)), security(("bearer" = [])))]
pub async fn list_goals(State(s): State<AppState>, auth: Authed) -> ApiResult<Json<GoalList>> {
    auth.require(Permission::Read)?;
    let all = goals::standings(&s).await?;
    Ok(Json(GoalList {
        items: all.iter().map(Into::into).collect(),
    }))
}

/// Sets a new goal (managers).
#[utoipa::path(post, path = "/api/v1/goals", tag = "plan", request_body = GoalDraft,
    responses((status = 201, body = GoalView), (status = 403, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_goal(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<GoalDraft>,
) -> ApiResult<(StatusCode, Json<GoalView>)> {
    auth.require(Permission::Manage)?;
    let goal = goals::create(&s, &draft, auth.0.id).await?;
    let standing = goals::standing_of(&s, goal.id).await?;
    Ok((StatusCode::CREATED, Json((&standing).into())))
}

/// One goal where it stands now.
#[utoipa::path(get, path = "/api/v1/goals/{id}", tag = "plan",
    params(("id" = i64, Path, description = "Goal id")),
    responses((status = 200, body = GoalView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_goal(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<GoalView>> {
    auth.require(Permission::Read)?;
    let standing = goals::standing_of(&s, goal_id(&id)?).await?;
    Ok(Json((&standing).into()))
}

/// Changes a goal (managers): the fields sent are merged into the current version (`null`
/// clears one) and stored as a new version; earlier versions and frozen periods stay.
#[utoipa::path(patch, path = "/api/v1/goals/{id}", tag = "plan", request_body = GoalDraft,
    params(("id" = i64, Path, description = "Goal id")),
    responses((status = 200, body = GoalView), (status = 403, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn patch_goal(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    MergePatch(patch): MergePatch,
) -> ApiResult<Json<GoalView>> {
    auth.require(Permission::Manage)?;
    let id = goal_id(&id)?;
    let current = s.store.goal(id).await?;
    let mut merged =
        serde_json::to_value(current.current().goal.draft()).expect("drafts serialise");
    merge_patch(&mut merged, patch);
    let draft: GoalDraft = from_value(merged)?;
    goals::change(&s, id, &draft, auth.0.id).await?;
    let standing = goals::standing_of(&s, id).await?;
    Ok(Json((&standing).into()))
}

/// A goal's versions and its closed periods' frozen values (periods that have closed since
/// the last read are frozen first).
#[utoipa::path(get, path = "/api/v1/goals/{id}/history", tag = "plan",
    params(("id" = i64, Path, description = "Goal id")),
    responses((status = 200, body = GoalHistory), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn goal_history(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<GoalHistory>> {
    auth.require(Permission::Read)?;
    let standing = goals::standing_of(&s, goal_id(&id)?).await?;
    Ok(Json(GoalHistory {
        goal_id: standing.goal.id,
        versions: standing.goal.versions.iter().map(Into::into).collect(),
        periods: standing
            .history
            .iter()
            .map(|r| GoalFrozenView {
                period: r.into(),
                version: r.version,
                frozen_at: r.frozen_at,
            })
            .collect(),
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct GoalRecordsQuery {
    /// The first day (YYYY-MM-DD) of one of the goal's calendar periods; the open one when
    /// absent.
    #[param(format = Date)]
    period: Option<String>,
}

/// One record counted: its kind (`complaint`, `customer`, `purchase`, `csat_answer`,
/// `survey_response`), id, whether it is in the numerator, and where to read it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalRecordView {
    pub kind: &'static str,
    pub id: i64,
    pub in_numerator: bool,
    pub link: Option<String>,
}

/// The records behind a goal's number for one period, measured now.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalRecordList {
    pub label: String,
    pub n: Tally,
    pub items: Vec<GoalRecordView>,
}

/// The records behind a goal's number (complaints, purchases, CSAT answers or survey
/// responses), for the open period or a calendar period, measured now under the version in
/// force. Figures' goals link to the figure's values instead.
#[utoipa::path(get, path = "/api/v1/goals/{id}/records", tag = "plan",
    params(("id" = i64, Path, description = "Goal id"), GoalRecordsQuery),
    responses((status = 200, body = GoalRecordList), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn goal_records(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    query: Result<Query<GoalRecordsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<GoalRecordList>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let period = match q.period.as_deref() {
        None => None,
        Some(raw) => Some(raw.parse::<jiff::civil::Date>().map_err(|_| {
            ApiError::invalid("period", tend_domain::kernel::reason::DATE.with("got", raw))
        })?),
    };
    let (w, m) = goals::records(&s, goal_id(&id)?, period).await?;
    Ok(Json(GoalRecordList {
        label: w.label,
        n: m.tally,
        items: m
            .records
            .iter()
            .map(|r| GoalRecordView {
                kind: r.kind,
                id: r.id,
                in_numerator: r.in_numerator,
                link: match r.kind {
                    "complaint" => Some(format!("/api/v1/complaints/{}", r.id)),
                    "customer" => Some(format!("/api/v1/customers/{}", r.id)),
                    _ => None,
                },
            })
            .collect(),
    }))
}
