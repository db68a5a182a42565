//! `/api/v1/complaints`: log, read, edit and list complaints and feedback.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use jiff::Timestamp;
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Kind, Status};
use tend_domain::kernel::ids::{CategoryId, ComplaintId, CustomerId, EmployeeId};
use tend_domain::staff::Permission;
use tend_store::{ComplaintFilter, Cursor, Fate};

use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, MergePatch, from_value, merge_patch};
use crate::views::{ComplaintView, Page};

mod due;
mod fate;
mod work;

pub use fate::*;
pub use work::*;

/// `123` or the public reference `C-2026-000123`; a reference must match exactly (see
/// [`tend_app::complaints::find_by_id_or_reference`]).
/// A deleted complaint is not found.
pub(crate) async fn complaint_id(s: &AppState, raw: &str) -> ApiResult<ComplaintId> {
    Ok(tend_app::complaints::find_by_id_or_reference(s, raw).await?)
}

/// The version a client says it last saw (`If-Match: "3"` or `If-Match: 3`).
pub(crate) fn if_match(headers: &HeaderMap) -> ApiResult<Option<i64>> {
    headers
        .get(header::IF_MATCH)
        .map(|v| {
            v.to_str()
                .ok()
                .and_then(|s| s.trim().trim_matches('"').parse().ok())
                .ok_or_else(|| {
                    ApiError::new(
                        StatusCode::BAD_REQUEST,
                        "bad_request",
                        "If-Match must be a complaint version",
                    )
                    .field("if-match", "must be a version number")
                })
        })
        .transpose()
}

#[utoipa::path(post, path = "/api/v1/complaints", tag = "complaints", request_body = ComplaintDraft,
    responses((status = 201, body = ComplaintView), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_complaint(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(mut draft): ApiJson<ComplaintDraft>,
) -> ApiResult<(
    StatusCode,
    [(header::HeaderName, String); 1],
    Json<ComplaintView>,
)> {
    auth.require(Permission::WorkComplaints)?;
    let now = s.clock.now();
    draft.received_by.get_or_insert(auth.0.id);
    let record = ComplaintRecord::received(draft.validate(now)?, "api");
    let stored = tend_app::complaints::take(&s, record, auth.actor(), now).await?;
    let location = format!("/api/v1/complaints/{}", stored.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(due::view(&s, &stored).await?),
    ))
}

/// A merged complaint answers 308 with `Location` the live complaint it leads to and a body
/// naming it (`merged_into`); a deleted one 404.
#[utoipa::path(get, path = "/api/v1/complaints/{id}", tag = "complaints",
    params(("id" = String, Path, description = "Id or reference (C-2026-000123)")),
    responses((status = 200, body = ComplaintView),
        (status = 308, body = fate::MergedAway, description = "Merged: `Location` is the complaint it was merged into"),
        (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn get_complaint(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<axum::response::Response> {
    use axum::response::IntoResponse;
    auth.require(Permission::Read)?;
    let id = complaint_id(&s, &id).await?;
    if let Fate::Merged(into) = s.store.complaint_fate(id).await?
        && let Some(live) = s.store.live_complaint(id).await?
    {
        let to = format!("/api/v1/complaints/{live}");
        let body = fate::MergedAway {
            id: id.0,
            reference: s.store.complaint(id).await?.reference,
            merged_into: into.0,
            live: live.0,
        };
        let headers = [(header::LOCATION, to)];
        return Ok((StatusCode::PERMANENT_REDIRECT, headers, Json(body)).into_response());
    }
    let c = s.store.complaint(id).await?;
    Ok(Json(due::view(&s, &c).await?).into_response())
}

/// Edits the complaint's own fields (not its progress: that changes through `/actions`).
/// Every changed field is recorded on the timeline.
#[utoipa::path(patch, path = "/api/v1/complaints/{id}", tag = "complaints", request_body = ComplaintDraft,
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 200, body = ComplaintView), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn patch_complaint(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    headers: HeaderMap,
    MergePatch(patch): MergePatch,
) -> ApiResult<Json<ComplaintView>> {
    auth.require(Permission::WorkComplaints)?;
    let now = s.clock.now();
    let mut outcome = Ok(());
    let c = tend_app::complaints::change(
        &s,
        complaint_id(&s, &id).await?,
        if_match(&headers)?,
        &auth.actor(),
        "edited",
        now,
        |record| {
            let mut merged = serde_json::to_value(record.to_draft()).expect("drafts serialise");
            merge_patch(&mut merged, patch);
            match from_value::<ComplaintDraft>(merged) {
                Ok(draft) => record.edit(draft.validate(now)?),
                Err(e) => outcome = Err(e),
            }
            Ok(())
        },
    )
    .await;
    outcome?;
    Ok(Json(due::view(&s, &c?).await?))
}

/// Filters for the complaint list; all optional, combined with AND.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ComplaintQuery {
    #[param(value_type = Option<Status>)]
    status: Option<String>,
    #[param(value_type = Option<Kind>)]
    kind: Option<String>,
    /// A channel's code (letters, digits, `_`; `-` and spaces read as `_`; any case).
    #[param(pattern = "^ *[A-Za-z0-9_-](?:[A-Za-z0-9_ -]{0,30}[A-Za-z0-9_-])? *$")]
    channel: Option<String>,
    /// Includes every category below it.
    category: Option<i64>,
    customer_id: Option<i64>,
    assignee: Option<i64>,
    escalated: Option<bool>,
    /// Resolved complaints whose follow-up is due now and not done yet.
    follow_up_due: Option<bool>,
    /// RFC 3339; inclusive.
    #[param(format = DateTime)]
    received_from: Option<String>,
    /// RFC 3339; exclusive.
    #[param(format = DateTime)]
    received_to: Option<String>,
    /// Full-text: every word must match (as a prefix) description, subject, facts, solution,
    /// steps or the customer's name. It must hold a letter or a digit.
    #[param(pattern = "[^\\W_]")]
    q: Option<String>,
    /// The `next_cursor` of the previous page: `received_at µs` `_` `id`.
    #[param(pattern = "^(0|[1-9][0-9]{0,17})_(0|[1-9][0-9]{0,17})$")]
    cursor: Option<String>,
    /// 1 to 200, default 50.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
}

fn instant(field: &str, raw: Option<String>) -> ApiResult<Option<Timestamp>> {
    raw.map(|r| {
        r.parse::<Timestamp>().map_err(|_| {
            ApiError::invalid(
                field,
                "must be an RFC 3339 instant like 2026-03-06T15:30:00Z",
            )
        })
    })
    .transpose()
}

#[utoipa::path(get, path = "/api/v1/complaints", tag = "complaints", params(ComplaintQuery),
    responses((status = 200, body = Page<ComplaintView>), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_complaints(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<ComplaintQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Page<ComplaintView>>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| {
        let text = e.body_text();
        let field = text.split('`').nth(1).unwrap_or("query").to_owned();
        ApiError::invalid(field, text)
    })?;
    let filter = ComplaintFilter {
        status: q
            .status
            .map(|v| Status::parse(&v).map_err(|r| ApiError::invalid("status", r)))
            .transpose()?,
        kind: q
            .kind
            .map(|v| Kind::parse(&v).map_err(|r| ApiError::invalid("kind", r)))
            .transpose()?,
        channel: q
            .channel
            .map(|v| ChannelCode::parse(&v).map_err(|r| ApiError::invalid("channel", r)))
            .transpose()?,
        category_id: q.category.map(CategoryId),
        customer_id: q.customer_id.map(CustomerId),
        assignee_id: q.assignee.map(EmployeeId),
        escalated: q.escalated,
        follow_up_due_by: q.follow_up_due.unwrap_or(false).then(|| s.clock.now()),
        received_from: instant("received_from", q.received_from)?,
        received_to: instant("received_to", q.received_to)?,
        q: q.q,
        after: q
            .cursor
            .map(|c| Cursor::decode(&c).map_err(|r| ApiError::invalid("cursor", r)))
            .transpose()?,
        limit: q.limit.unwrap_or(50),
        ..Default::default()
    };
    let page = s.store.list_complaints(&filter).await?;
    Ok(Json(Page {
        items: due::views(&s, &page.items).await?,
        next_cursor: page.next.map(|c| c.encode()),
    }))
}
