//! `/api/v1/segments`: customer segments — saved, named filters over customers (demographics,
//! purchases, behaviour) whose members are computed when asked for. List, create, read, change
//! (a merge patch stored as a new version), archive (`DELETE`; the versions stay, goals and
//! audiences naming it still answer), its versions, and `/{id}/profile`: the segment's own
//! profile, complaint rate and satisfaction, each with n. Definitions: `docs/segments.md`.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use tend_app::segments;
use tend_domain::segments::SegmentDraft;
use tend_domain::staff::Permission;
use tend_store::{Members, SegmentVersion, StoredSegment};

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, MergePatch, from_value, merge_patch};
use crate::profile::ProfileView;

fn segment_id(raw: &str) -> ApiResult<i64> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(|| ApiError::not_found("segment"))
}

/// Segment `id` when it is live: an archived one answers 404 on its own paths, as a deleted
/// complaint does (`GET /api/v1/segments?archived=true` still lists it; a PATCH restores it).
async fn live(s: &AppState, id: i64) -> ApiResult<StoredSegment> {
    let g = s.store.segment(id).await?;
    if g.current().archived {
        return Err(ApiError::not_found("segment"));
    }
    Ok(g)
}

/// One version of a segment: its definition, whether it archived it, who saved it when.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SegmentVersionView {
    pub version: i64,
    pub definition: SegmentDraft,
    pub archived: bool,
    pub saved_by: i64,
    pub saved_by_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub saved_at: Timestamp,
}

impl From<&SegmentVersion> for SegmentVersionView {
    fn from(v: &SegmentVersion) -> Self {
        SegmentVersionView {
            version: v.version,
            definition: v.segment.draft(),
            archived: v.archived,
            saved_by: v.saved_by.0,
            saved_by_name: v.saved_by_name.clone(),
            saved_at: v.saved_at,
        }
    }
}

/// A segment as it stands: its definition in force, its number of members now, and who
/// created it and last changed it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SegmentView {
    pub id: i64,
    pub name: String,
    /// The criteria in force (absent fields do not narrow).
    pub definition: SegmentDraft,
    pub archived: bool,
    /// Customers in the segment now.
    pub members: i64,
    pub version: i64,
    pub created_by: i64,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    pub updated_by: i64,
    pub updated_by_name: String,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

async fn view(s: &AppState, g: &StoredSegment) -> ApiResult<SegmentView> {
    let v = g.current();
    let members = Members::new(v.segment.rule.clone(), s.clock.now());
    Ok(SegmentView {
        id: g.id,
        name: v.segment.name.to_string(),
        definition: v.segment.draft(),
        archived: v.archived,
        members: s.store.segment_size(&members).await?,
        version: v.version,
        created_by: g.created_by.0,
        created_at: g.created_at,
        updated_by: v.saved_by.0,
        updated_by_name: v.saved_by_name.clone(),
        updated_at: v.saved_at,
    })
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SegmentListQuery {
    /// Also list archived segments (default false).
    pub archived: Option<bool>,
}

/// Every segment (archived ones only when asked), by id, each with its members now.
#[utoipa::path(get, path = "/api/v1/segments", tag = "customers", params(SegmentListQuery),
    responses((status = 200, body = Vec<SegmentView>)), security(("bearer" = [])))]
pub async fn list_segments(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<SegmentListQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<SegmentView>>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let mut out = Vec::new();
    for g in s.store.segments(q.archived.unwrap_or(false)).await? {
        out.push(view(&s, &g).await?);
    }
    Ok(Json(out))
}

/// Saves a new segment (managers).
#[utoipa::path(post, path = "/api/v1/segments", tag = "customers", request_body = SegmentDraft,
    responses((status = 201, body = SegmentView), (status = 403, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_segment(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(draft): ApiJson<SegmentDraft>,
) -> ApiResult<(StatusCode, Json<SegmentView>)> {
    auth.require(Permission::Manage)?;
    let g = segments::create(&s.store, &draft, auth.0.id, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(view(&s, &g).await?)))
}

/// One live segment (an archived one is 404).
#[utoipa::path(get, path = "/api/v1/segments/{id}", tag = "customers",
    params(("id" = i64, Path, description = "Segment id")),
    responses((status = 200, body = SegmentView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_segment(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<SegmentView>> {
    auth.require(Permission::Read)?;
    let g = live(&s, segment_id(&id)?).await?;
    Ok(Json(view(&s, &g).await?))
}

/// Changes a segment (managers): the fields sent are merged into the definition in force
/// (`null` clears one) and stored as a new version; an archived segment is restored.
#[utoipa::path(patch, path = "/api/v1/segments/{id}", tag = "customers",
    request_body(content = Object, description = "A merge patch (RFC 7396) of the definition: any of SegmentDraft's fields, none required; `null` clears one."),
    params(("id" = i64, Path, description = "Segment id")),
    responses((status = 200, body = SegmentView), (status = 403, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn patch_segment(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    MergePatch(patch): MergePatch,
) -> ApiResult<Json<SegmentView>> {
    auth.require(Permission::Manage)?;
    let id = segment_id(&id)?;
    let current = s.store.segment(id).await?;
    let mut merged =
        serde_json::to_value(current.current().segment.draft()).expect("drafts serialise");
    merge_patch(&mut merged, patch);
    let draft: SegmentDraft = from_value(merged)?;
    let g = segments::change(&s.store, id, &draft, false, auth.0.id, s.clock.now()).await?;
    Ok(Json(view(&s, &g).await?))
}

/// Archives a segment (managers): a new version marked archived; it leaves the list and its
/// own paths answer 404 (`?archived=true` lists it, a PATCH restores it); its versions stay,
/// and goals or audiences that name it keep working.
#[utoipa::path(delete, path = "/api/v1/segments/{id}", tag = "customers",
    params(("id" = i64, Path, description = "Segment id")),
    responses((status = 200, body = SegmentView), (status = 403, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn archive_segment(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<SegmentView>> {
    auth.require(Permission::Manage)?;
    let g = segments::archive(&s.store, segment_id(&id)?, auth.0.id, s.clock.now()).await?;
    Ok(Json(view(&s, &g).await?))
}

/// A segment's versions, oldest first, each with who saved it and when.
#[utoipa::path(get, path = "/api/v1/segments/{id}/history", tag = "customers",
    params(("id" = i64, Path, description = "Segment id")),
    responses((status = 200, body = Vec<SegmentVersionView>), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn segment_history(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<SegmentVersionView>>> {
    auth.require(Permission::Read)?;
    let g = live(&s, segment_id(&id)?).await?;
    Ok(Json(g.versions.iter().map(Into::into).collect()))
}

/// The segment's own profile now: the customer profile computed over its members only, with
/// its complaint rate and satisfaction, each with n (`definitions` says how).
#[utoipa::path(get, path = "/api/v1/segments/{id}/profile", tag = "customers",
    params(("id" = i64, Path, description = "Segment id")),
    responses((status = 200, body = ProfileView), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn segment_profile(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<ProfileView>> {
    auth.require(Permission::Read)?;
    let now = s.clock.now();
    let g = live(&s, segment_id(&id)?).await?;
    let members = Members::new(g.current().segment.rule.clone(), now);
    Ok(Json(
        segments::profile(&s.store, now, Some(&members)).await?,
    ))
}
