//! Merging and deleting complaints (managers): `POST /api/v1/complaints/{id}/merge` and
//! `DELETE /api/v1/complaints/{id}`. A merged complaint answers `GET` with 308 to the one it
//! was merged into (its timeline stays readable at `/timeline`); a deleted one answers 404 on
//! every complaint route.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::Permission;

use super::complaint_id;
use crate::AppState;
use crate::auth::Authed;
use crate::error::ApiResult;
use crate::extract::ApiJson;
use crate::query::ApiQuery;

/// What `GET` of a merged complaint answers (308): which complaint it was merged into, and the
/// live one its chain of merges leads to (the `Location`).
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct MergedAway {
    pub id: i64,
    /// Its own reference, still valid: it leads to `live`.
    pub reference: String,
    /// The complaint it was merged into.
    pub merged_into: i64,
    /// The live complaint at the end of its merges (`merged_into` unless that was merged on).
    pub live: i64,
}

/// Which complaint to merge this one into.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeInto {
    /// The id of the complaint that stays: live (not merged, not deleted), of the same
    /// customer, not this one.
    #[schema(minimum = 1)]
    pub into: i64,
}

/// Merges this complaint (a customer who wrote twice about one problem) into `into`, in one
/// transaction: both timelines are kept, each gets an entry (`merged_into` / `merged_from`,
/// naming the other's reference); this one leaves the lists, its reference and status link
/// lead to `into`, and its pending jobs (watcher, follow-up…) are finished. Refused with 422:
/// `into` is this one (`merge_self`), merged, deleted or missing (`merge_target_gone`), or
/// another customer's (`merge_other_customer`); this one merged already (`complaint_gone`).
#[utoipa::path(post, path = "/api/v1/complaints/{id}/merge", tag = "complaints", request_body = MergeInto,
    params(("id" = String, Path, description = "Id or reference of the complaint merged away")),
    responses((status = 204, description = "Merged"), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn merge_complaint(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MergeInto>,
) -> ApiResult<StatusCode> {
    auth.require(Permission::Manage)?;
    let from = complaint_id(&s, &id).await?;
    let into = ComplaintId(body.into);
    tend_app::complaints::fate::merge(&s, from, into, &auth.actor()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Why a complaint is deleted.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DeleteQuery {
    /// Why, e.g. `spam`: one line, 1 to 500 characters, recorded on the timeline.
    #[param(min_length = 1, max_length = 500)]
    reason: String,
}

/// Soft-deletes a complaint (spam through the public form, say): who, when and why are
/// recorded on its timeline; from then on it is in no list or search and every complaint
/// route answers 404 for it; its status link says it is no longer available. Its text is
/// purged after 30 days (the row stays, without text, so counts do not change).
#[utoipa::path(delete, path = "/api/v1/complaints/{id}", tag = "complaints", params(("id" = String, Path, description = "Id or reference"), DeleteQuery),
    responses((status = 204, description = "Deleted"), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn delete_complaint(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<DeleteQuery>,
) -> ApiResult<StatusCode> {
    auth.require(Permission::Manage)?;
    let id = complaint_id(&s, &id).await?;
    tend_app::complaints::fate::delete(&s, id, &q.reason, &auth.actor()).await?;
    Ok(StatusCode::NO_CONTENT)
}
