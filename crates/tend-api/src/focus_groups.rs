//! `/api/v1/focus-groups`: focus-group sessions (topic, customers or employees, when, the
//! questions, the customer participants, the notes) and their findings (a statement, a quote,
//! how many participants raised it, a severity, the problem category it concerns) — the same
//! records and rules as the `/focus-groups` pages. Staff read; managers plan and record.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use tend_domain::focus_groups::{FindingDraft, SessionDraft};
use tend_domain::kernel::clock::{EARLIEST, check_planned};
use tend_domain::kernel::ids::CustomerId;
use tend_domain::kernel::reason::OUT_OF_RANGE;
use tend_domain::staff::Permission;
use tend_store::{StoreError, StoredFinding, StoredFocusGroup};

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// A customer taking part in a session.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ParticipantView {
    pub customer_id: i64,
    pub name: String,
}

/// A finding of a session.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FindingView {
    pub id: i64,
    pub focus_group_id: i64,
    pub statement: String,
    pub category_id: Option<i64>,
    /// The category's name, when the finding has one.
    pub category: Option<String>,
    pub quote: Option<String>,
    /// How many participants raised it: 0 to the number of participants (0 to 1,000 when the
    /// session lists none, e.g. with employees).
    pub raised_by: i64,
    /// `low`, `medium` or `high`.
    pub severity: String,
}

/// A session with its participants and findings (most severe first, then most raised).
#[derive(Serialize, utoipa::ToSchema)]
pub struct FocusGroupView {
    pub id: i64,
    pub topic: String,
    /// `customers` or `employees`.
    pub audience: String,
    /// RFC 3339, UTC.
    pub starts_at: Timestamp,
    pub moderator_id: Option<i64>,
    /// One question a line (may be empty).
    pub questions: String,
    pub notes: String,
    pub participants: Vec<ParticipantView>,
    pub findings: Vec<FindingView>,
}

/// A session to plan.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFocusGroup {
    /// 1–200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub topic: String,
    /// `customers` or `employees`.
    #[schema(pattern = "^(customers|employees)$")]
    pub audience: String,
    /// When it starts (RFC 3339), from 1970 to 3,650 days ahead.
    pub starts_at: Timestamp,
    /// One question a line, at most 4,000 characters.
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub questions: String,
    /// Customer ids (each must exist); empty for a session with employees.
    #[serde(default)]
    pub participants: Vec<i64>,
}

/// A session's notes, replacing the earlier ones.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    /// At most 20,000 characters.
    #[schema(max_length = 20000)]
    pub notes: String,
}

/// A finding to record.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFinding {
    /// 1–500 characters.
    #[schema(min_length = 1, max_length = 500)]
    pub statement: String,
    /// At most 1,000 characters.
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub quote: String,
    #[schema(minimum = 0, maximum = 1000)]
    pub raised_by: i64,
    /// `low`, `medium` or `high`.
    #[schema(pattern = "^(low|medium|high)$")]
    pub severity: String,
    /// The problem category it concerns (must exist).
    #[serde(default)]
    pub category_id: Option<i64>,
}

fn finding(f: StoredFinding) -> FindingView {
    FindingView {
        id: f.id,
        focus_group_id: f.focus_group_id,
        statement: f.statement,
        category_id: f.category_id,
        category: f.category,
        quote: f.quote,
        raised_by: f.raised_by,
        severity: f.severity,
    }
}

fn parse_id(raw: &str) -> ApiResult<i64> {
    raw.parse::<i64>()
        .map_err(|_| ApiError::not_found("focus group"))
}

async fn view(s: &AppState, g: StoredFocusGroup) -> ApiResult<FocusGroupView> {
    let participants = s.store.focus_group_participants(g.id).await?;
    let findings = s.store.findings(Some(g.id)).await?;
    Ok(FocusGroupView {
        id: g.id,
        topic: g.topic,
        audience: g.audience,
        starts_at: g.starts_at,
        moderator_id: g.moderator_id.map(|e| e.0),
        questions: g.questions,
        notes: g.notes,
        participants: participants
            .into_iter()
            .map(|(customer_id, name)| ParticipantView { customer_id, name })
            .collect(),
        findings: findings.into_iter().map(finding).collect(),
    })
}

/// Every session, latest first, with participants and findings.
#[utoipa::path(get, path = "/api/v1/focus-groups", tag = "surveys",
    responses((status = 200, body = [FocusGroupView])), security(("bearer" = [])))]
pub async fn list_focus_groups(
    State(s): State<AppState>,
    auth: Authed,
) -> ApiResult<Json<Vec<FocusGroupView>>> {
    auth.require(Permission::Read)?;
    let mut out = Vec::new();
    for g in s.store.focus_groups().await? {
        out.push(view(&s, g).await?);
    }
    Ok(Json(out))
}

/// Plans a session with its participants (managers), in one transaction.
#[utoipa::path(post, path = "/api/v1/focus-groups", tag = "surveys", request_body = NewFocusGroup,
    responses((status = 201, body = FocusGroupView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_focus_group(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(new): ApiJson<NewFocusGroup>,
) -> ApiResult<(StatusCode, Json<FocusGroupView>)> {
    auth.require(Permission::Manage)?;
    let draft = SessionDraft {
        topic: new.topic,
        audience: new.audience,
        questions: new.questions,
    };
    let session = draft.validate()?;
    let now = s.clock.now();
    if new.starts_at < EARLIEST {
        let r = OUT_OF_RANGE
            .with("min", EARLIEST)
            .with("max", "now + 3650 days")
            .with("got", new.starts_at);
        return Err(StoreError::field("starts_at", r).into());
    }
    check_planned(new.starts_at, now).map_err(|r| StoreError::field("starts_at", r))?;
    let participants: Vec<CustomerId> = new.participants.into_iter().map(CustomerId).collect();
    let moderator = Some(auth.0.id);
    let id = s
        .store
        .create_focus_group(&session, new.starts_at, moderator, &participants, now)
        .await?;
    let g = s.store.focus_group(id).await?;
    Ok((StatusCode::CREATED, Json(view(&s, g).await?)))
}

/// One session.
#[utoipa::path(get, path = "/api/v1/focus-groups/{id}", tag = "surveys",
    params(("id" = i64, Path, description = "Session id")),
    responses((status = 200, body = FocusGroupView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_focus_group(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<FocusGroupView>> {
    auth.require(Permission::Read)?;
    let g = s.store.focus_group(parse_id(&id)?).await?;
    Ok(Json(view(&s, g).await?))
}

/// Replaces a session's notes (managers).
#[utoipa::path(put, path = "/api/v1/focus-groups/{id}/notes", tag = "surveys", request_body = Notes,
    params(("id" = i64, Path, description = "Session id")),
    responses((status = 200, body = FocusGroupView), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn put_focus_group_notes(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(n): ApiJson<Notes>,
) -> ApiResult<Json<FocusGroupView>> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    s.store.focus_group(id).await?;
    let got = n.notes.chars().count();
    if got > 20_000 {
        let r = tend_domain::kernel::reason::TOO_LONG
            .with("max", 20_000)
            .with("got", got);
        return Err(StoreError::field("notes", r).into());
    }
    s.store
        .set_focus_group_notes(id, n.notes.trim(), s.clock.now())
        .await?;
    let g = s.store.focus_group(id).await?;
    Ok(Json(view(&s, g).await?))
}

/// Records a finding of a session (managers); `raised_by` may not exceed its participants.
#[utoipa::path(post, path = "/api/v1/focus-groups/{id}/findings", tag = "surveys",
    request_body = NewFinding, params(("id" = i64, Path, description = "Session id")),
    responses((status = 201, body = FindingView), (status = 404, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_finding(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(new): ApiJson<NewFinding>,
) -> ApiResult<(StatusCode, Json<FindingView>)> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    s.store.focus_group(id).await?;
    let participants = s.store.focus_group_participants(id).await?.len();
    let draft = FindingDraft {
        statement: new.statement,
        quote: new.quote,
        raised_by: new.raised_by,
        severity: new.severity,
    };
    let f = draft.validate(participants)?;
    let fid = s
        .store
        .add_finding(id, &f, new.category_id, s.clock.now())
        .await?;
    let made = s
        .store
        .findings(Some(id))
        .await?
        .into_iter()
        .find(|x| x.id == fid)
        .ok_or(StoreError::NotFound("finding"))?;
    Ok((StatusCode::CREATED, Json(finding(made))))
}

/// A session's findings, most severe first, then most raised.
#[utoipa::path(get, path = "/api/v1/focus-groups/{id}/findings", tag = "surveys",
    params(("id" = i64, Path, description = "Session id")),
    responses((status = 200, body = [FindingView]), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_findings(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<FindingView>>> {
    auth.require(Permission::Read)?;
    let id = parse_id(&id)?;
    s.store.focus_group(id).await?;
    let list = s.store.findings(Some(id)).await?;
    Ok(Json(list.into_iter().map(finding).collect()))
}
