//! `/api/v1/policy`: the policy's versions with their state today (draft → approved → effective
//! → superseded), a new draft (staff who work complaints), approval with the effective date
//! (managers only), the diff between two versions, and staff acknowledgement of the version in
//! effect — who has and has not acknowledged that exact version.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_app::policy::{self, diff};
use tend_domain::policy::state::State as PolicyState;
use tend_domain::policy::{ApprovalDraft, PolicyDraft};
use tend_domain::staff::Permission;
use tend_store::StoredPolicyVersion;

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// One area of a version.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PolicyAreaView {
    /// One of the method's areas (`overview`, `speed`, `communication`, `follow_up`,
    /// `complaints`, `retention`, `monitoring`, `returns`, `shipping`, `payment`, `contact`,
    /// `how_to_complain`) or a custom code.
    pub area: String,
    /// A custom area's title (`null` for the method's areas).
    pub title: Option<String>,
    pub customer_facing: bool,
    /// The next review date, `YYYY-MM-DD`.
    pub review_on: Option<String>,
    /// Language code → Markdown.
    pub texts: BTreeMap<String, String>,
}

/// Who approved a version, when, and from which date it takes effect (`YYYY-MM-DD`).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApprovalView {
    pub approved_by: i64,
    pub approved_by_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub approved_at: jiff::Timestamp,
    pub effective_from: String,
}

/// One version and its state today.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PolicyVersionView {
    pub id: i64,
    pub note: String,
    /// `draft`, `approved` (effective date ahead), `effective` or `superseded`.
    pub state: &'static str,
    pub author_id: i64,
    pub author_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
    pub approval: Option<ApprovalView>,
    pub areas: Vec<PolicyAreaView>,
}

fn view(v: StoredPolicyVersion, state: PolicyState) -> PolicyVersionView {
    PolicyVersionView {
        id: v.id,
        note: v.note,
        state: state.code(),
        author_id: v.author_id.0,
        author_name: v.author_name,
        created_at: v.created_at,
        approval: v.approval.map(|a| ApprovalView {
            approved_by: a.approved_by.0,
            approved_by_name: a.approved_by_name,
            approved_at: a.approved_at,
            effective_from: a.effective_from.to_string(),
        }),
        areas: v
            .areas
            .into_iter()
            .map(|a| PolicyAreaView {
                area: a.code,
                title: a.title,
                customer_facing: a.customer_facing,
                review_on: a.review_on.map(|d| d.to_string()),
                texts: a.texts.into_iter().collect(),
            })
            .collect(),
    }
}

/// Every version, newest first, with the business's date today and the version in effect.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PolicyList {
    /// The business's date (`YYYY-MM-DD`, in the e-mail channel's time zone).
    pub today: String,
    pub effective: Option<i64>,
    pub versions: Vec<PolicyVersionView>,
}

fn parse_id(raw: &str) -> ApiResult<i64> {
    raw.parse::<i64>()
        .map_err(|_| ApiError::not_found("policy version"))
}

/// The policy's versions and their states.
#[utoipa::path(get, path = "/api/v1/policy", tag = "plan",
    responses((status = 200, body = PolicyList)), security(("bearer" = [])))]
pub async fn list_policy(State(s): State<AppState>, auth: Authed) -> ApiResult<Json<PolicyList>> {
    auth.require(Permission::Read)?;
    let o = policy::overview(&s).await?;
    Ok(Json(PolicyList {
        today: o.today.to_string(),
        effective: o.effective,
        versions: o.versions.into_iter().map(|(v, st)| view(v, st)).collect(),
    }))
}

/// Writes a new draft version (every area it holds); a change is always a new draft.
#[utoipa::path(post, path = "/api/v1/policy", tag = "plan", request_body = PolicyDraft,
    responses((status = 201, body = PolicyVersionView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_policy_version(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<PolicyDraft>,
) -> ApiResult<(StatusCode, Json<PolicyVersionView>)> {
    auth.require(Permission::WorkComplaints)?;
    let v = policy::save_draft(&s, &draft, auth.0.id).await?;
    Ok((StatusCode::CREATED, Json(view(v, PolicyState::Draft))))
}

/// One version.
#[utoipa::path(get, path = "/api/v1/policy/{id}", tag = "plan",
    params(("id" = i64, Path, description = "Version id")),
    responses((status = 200, body = PolicyVersionView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_policy_version(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<PolicyVersionView>> {
    auth.require(Permission::Read)?;
    let id = parse_id(&id)?;
    let v = s.store.policy_version(id).await?;
    Ok(Json(view(v, policy::state(&s, id).await?)))
}

/// Approves a draft (managers only), effective from a date not before today; queues each
/// area's review reminder. 422 `policy_not_draft` when approved already.
#[utoipa::path(post, path = "/api/v1/policy/{id}/approve", tag = "plan", request_body = ApprovalDraft,
    params(("id" = i64, Path, description = "Version id")),
    responses((status = 200, body = PolicyVersionView), (status = 403, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn approve_policy(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(draft): ApiJson<ApprovalDraft>,
) -> ApiResult<Json<PolicyVersionView>> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    let v = policy::approve(&s, id, &draft, auth.0.id).await?;
    Ok(Json(view(v, policy::state(&s, id).await?)))
}

/// Which version to compare with.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DiffQuery {
    /// The older version's id.
    pub from: i64,
}

/// One changed line.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DiffLineView {
    /// `same`, `added` or `removed`.
    pub change: &'static str,
    pub text: String,
}

/// The changed text of one area in one language.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AreaDiffView {
    pub area: String,
    pub lang: &'static str,
    pub lines: Vec<DiffLineView>,
}

/// The line diff from version `from` to this one, per changed area and language.
#[utoipa::path(get, path = "/api/v1/policy/{id}/diff", tag = "plan",
    params(("id" = i64, Path, description = "Version id"), DiffQuery),
    responses((status = 200, body = [AreaDiffView]), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn policy_diff(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    crate::query::ApiQuery(q): crate::query::ApiQuery<DiffQuery>,
) -> ApiResult<Json<Vec<AreaDiffView>>> {
    auth.require(Permission::Read)?;
    let to = s.store.policy_version(parse_id(&id)?).await?;
    let from = s.store.policy_version(q.from).await?;
    Ok(Json(
        diff::between(&from, &to)
            .into_iter()
            .map(|d| AreaDiffView {
                area: d.area,
                lang: d.lang,
                lines: d
                    .lines
                    .into_iter()
                    .map(|l| DiffLineView {
                        change: l.change.code(),
                        text: l.text,
                    })
                    .collect(),
            })
            .collect(),
    ))
}

/// Whether this acknowledgement was the caller's first of the version.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AcknowledgedView {
    pub version: i64,
    pub new: bool,
}

/// The caller acknowledges the version in effect (422 `policy_not_effective` for any other).
#[utoipa::path(post, path = "/api/v1/policy/{id}/acknowledge", tag = "plan",
    params(("id" = i64, Path, description = "Version id")),
    responses((status = 200, body = AcknowledgedView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn acknowledge_policy(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<AcknowledgedView>> {
    auth.require(Permission::Read)?;
    let id = parse_id(&id)?;
    let new = policy::acknowledge(&s, id, auth.0.id).await?;
    Ok(Json(AcknowledgedView { version: id, new }))
}

/// An employee and, if they acknowledged, when.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AcknowledgementView {
    pub employee_id: i64,
    pub name: String,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub acknowledged_at: Option<jiff::Timestamp>,
}

/// Of the active staff, who acknowledged this exact version and who has not yet.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AcknowledgementsView {
    pub version: i64,
    pub acknowledged: Vec<AcknowledgementView>,
    pub pending: Vec<AcknowledgementView>,
}

/// Who has and has not acknowledged a version (managers).
#[utoipa::path(get, path = "/api/v1/policy/{id}/acknowledgements", tag = "plan",
    params(("id" = i64, Path, description = "Version id")),
    responses((status = 200, body = AcknowledgementsView)), security(("bearer" = [])))]
pub async fn policy_acknowledgements(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<AcknowledgementsView>> {
    auth.require(Permission::Manage)?;
    let id = parse_id(&id)?;
    s.store.policy_version(id).await?;
    let a = policy::acknowledgements(&s, id).await?;
    let row = |e: tend_domain::staff::Employee, at| AcknowledgementView {
        employee_id: e.id.0,
        name: e.name,
        acknowledged_at: at,
    };
    Ok(Json(AcknowledgementsView {
        version: id,
        acknowledged: a.done.into_iter().map(|(e, at)| row(e, Some(at))).collect(),
        pending: a.pending.into_iter().map(|e| row(e, None)).collect(),
    }))
}
