//! `/api/v1/goals`: service goals — list and create (managers write, staff read), one goal
//! and its change (a PATCH merges into the current version and stores a new version), its
//! history (versions and closed periods' frozen values) and the records behind its number.
//! Each goal comes with its actual (two decimals), target, status, n (numerator and
//! denominator), written definition and a `records` link.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_app::goals::{self, Standing};
use tend_domain::goals::{Direction, GoalDraft, Length, Measure, Scale, Status, Tally};
use tend_domain::staff::Permission;
use tend_store::{FrozenResult, GoalVersion};

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, MergePatch, from_value, merge_patch};

/// A value rounded to two decimals, as shown.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The written definition of `m` with the goal's `days` and `minutes` filled in.
pub fn definition(m: Measure, days: Option<i64>, minutes: Option<i64>) -> String {
    let n = |v: Option<i64>| v.map_or("N".to_owned(), |v| v.to_string());
    m.definition()
        .replace("{days}", &n(days))
        .replace("{minutes}", &n(minutes))
}

/// One goal version's settings.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalSettings {
    pub name: String,
    pub measure: Measure,
    pub target: f64,
    pub direction: Direction,
    pub period: Length,
    pub rolling: bool,
    pub days: Option<i64>,
    pub minutes: Option<i64>,
    pub figure_id: Option<i64>,
    pub channel: Option<String>,
    pub category_id: Option<i64>,
    pub product_id: Option<i64>,
    pub owner_id: i64,
    pub focus_category_id: Option<i64>,
}

impl From<&tend_domain::goals::Goal> for GoalSettings {
    fn from(g: &tend_domain::goals::Goal) -> Self {
        GoalSettings {
            name: g.name.to_string(),
            measure: g.measure,
            target: g.target(),
            direction: g.direction,
            period: g.length,
            rolling: g.rolling,
            days: g.days,
            minutes: g.minutes,
            figure_id: g.figure_id,
            channel: g.channel.as_ref().map(|c| c.to_string()),
            category_id: g.category_id.map(|c| c.0),
            product_id: g.product_id.map(|p| p.0),
            owner_id: g.owner_id.0,
            focus_category_id: g.focus_category_id.map(|c| c.0),
        }
    }
}

/// One period's measurement: its label and window, the actual (two decimals; `null`: no
/// data), the tally it is made of and the status.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PeriodView {
    pub label: String,
    /// The period's first local day.
    pub period_start: String,
    #[schema(value_type = String, format = DateTime)]
    pub start: jiff::Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub end: jiff::Timestamp,
    pub actual: Option<f64>,
    pub target: f64,
    pub n: Tally,
    pub status: Status,
    /// Whether the value is a closed period's, frozen.
    pub frozen: bool,
}

impl From<&FrozenResult> for PeriodView {
    fn from(r: &FrozenResult) -> Self {
        PeriodView {
            label: r.label.clone(),
            period_start: r.period_start.clone(),
            start: r.window_start,
            end: r.window_end,
            actual: r.value.map(round2),
            target: r.target,
            n: r.tally,
            status: r.status,
            frozen: true,
        }
    }
}

/// A goal where it stands now.
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalView {
    pub id: i64,
    /// The version in force.
    pub version: i64,
    #[serde(flatten)]
    pub settings: GoalSettings,
    /// What is counted, in words.
    pub definition: String,
    /// How the actual is made from n: `percent`, `points`, `per_thousand`, `ratio`, `sum`.
    pub unit: Scale,
    /// The open period, measured live.
    pub current: PeriodView,
    /// Closed periods' frozen values, oldest first (the trend).
    pub trend: Vec<PeriodView>,
    /// The list behind the current number.
    pub records: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

impl From<&Standing> for GoalView {
    fn from(s: &Standing) -> Self {
        let v = s.goal.current();
        let g = &v.goal;
        GoalView {
            id: s.goal.id,
            version: v.version,
            settings: g.into(),
            definition: definition(g.measure, g.days, g.minutes),
            unit: s.measured.scale,
            current: PeriodView {
                label: s.window.label.clone(),
                period_start: s.window.first_day.to_string(),
                start: s.window.start,
                end: s.window.end,
                actual: s.value.map(round2),
                target: g.target(),
                n: s.measured.tally,
                status: s.status,
                frozen: false,
            },
            trend: s.history.iter().map(Into::into).collect(),
            records: goals::records_link(s.goal.id, g, &s.window),
            created_at: s.goal.created_at,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalList {
    pub items: Vec<GoalView>,
}

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

/// One version of a goal: its number, settings, who saved it and when.
#[derive(Serialize, utoipa::ToSchema)]
pub struct VersionView {
    pub version: i64,
    #[serde(flatten)]
    pub settings: GoalSettings,
    pub saved_by: i64,
    pub saved_by_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub saved_at: jiff::Timestamp,
}

impl From<&GoalVersion> for VersionView {
    fn from(v: &GoalVersion) -> Self {
        VersionView {
            version: v.version,
            settings: (&v.goal).into(),
            saved_by: v.saved_by.0,
            saved_by_name: v.saved_by_name.clone(),
            saved_at: v.saved_at,
        }
    }
}

/// A goal's history: every version (oldest first) and every closed period's frozen value
/// (oldest first, each with the version it was measured under).
#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalHistory {
    pub goal_id: i64,
    pub versions: Vec<VersionView>,
    pub periods: Vec<FrozenView>,
}

/// A closed period's frozen value and the version it was measured under.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FrozenView {
    #[serde(flatten)]
    pub period: PeriodView,
    pub version: i64,
    #[schema(value_type = String, format = DateTime)]
    pub frozen_at: jiff::Timestamp,
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
            .map(|r| FrozenView {
                period: r.into(),
                version: r.version,
                frozen_at: r.frozen_at,
            })
            .collect(),
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct RecordsQuery {
    /// The first day (YYYY-MM-DD) of one of the goal's calendar periods; the open one when
    /// absent.
    period: Option<String>,
}

/// One record counted: its kind (`complaint`, `purchase`, `csat_answer`,
/// `survey_response`), id, whether it is in the numerator, and where to read it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecordView {
    pub kind: &'static str,
    pub id: i64,
    pub in_numerator: bool,
    pub link: Option<String>,
}

/// The records behind a goal's number for one period, measured now.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecordList {
    pub label: String,
    pub n: Tally,
    pub items: Vec<RecordView>,
}

/// The records behind a goal's number (complaints, purchases, CSAT answers or survey
/// responses), for the open period or a calendar period, measured now under the version in
/// force. Figures' goals link to the figure's values instead.
#[utoipa::path(get, path = "/api/v1/goals/{id}/records", tag = "plan",
    params(("id" = i64, Path, description = "Goal id"), RecordsQuery),
    responses((status = 200, body = RecordList), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn goal_records(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    query: Result<Query<RecordsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<RecordList>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let period = match q.period.as_deref() {
        None => None,
        Some(raw) => Some(raw.parse::<jiff::civil::Date>().map_err(|_| {
            ApiError::invalid("period", tend_domain::kernel::reason::DATE.with("got", raw))
        })?),
    };
    let (w, m) = goals::records(&s, goal_id(&id)?, period).await?;
    Ok(Json(RecordList {
        label: w.label,
        n: m.tally,
        items: m
            .records
            .iter()
            .map(|r| RecordView {
                kind: r.kind,
                id: r.id,
                in_numerator: r.in_numerator,
                link: (r.kind == "complaint").then(|| format!("/api/v1/complaints/{}", r.id)),
            })
            .collect(),
    }))
}
