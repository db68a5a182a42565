//! The conversation on a complaint over the API: `GET` every message (replies, notes and the
//! customer's), `POST` a reply or a note. Reading needs `Read`; writing `WorkComplaints`.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tend_domain::conversations::{MessageKind, Via};
use tend_domain::staff::Permission;
use tend_store::{StoreError, StoredMessage};

use crate::AppState;
use crate::auth::Authed;
use crate::complaints::complaint_id;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;

/// A message to add.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMessageBody {
    /// `reply` (to the customer: shown on their status page and mailed to them) or `note`
    /// (staff only).
    #[schema(pattern = "^(reply|note)$")]
    pub kind: String,
    /// Plain text, at most 10 000 characters; line breaks are kept.
    #[schema(value_type = tend_domain::conversations::MessageBody, inline)]
    pub body: String,
}

/// One message of the conversation.
#[derive(Serialize, utoipa::ToSchema)]
pub struct MessageView {
    /// The message's id; `null` for a customer's status-page message, which is a step (see
    /// `step_id` and `/steps`).
    pub id: Option<i64>,
    pub step_id: Option<i64>,
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
    pub kind: MessageKind,
    pub via: Via,
    /// The employee who wrote a reply or a note; `null` for the customer.
    pub author_id: Option<i64>,
    pub author: Option<String>,
    pub body: String,
}

impl From<StoredMessage> for MessageView {
    fn from(m: StoredMessage) -> Self {
        let (author_id, author) = match m.author {
            Some((id, name)) => (Some(id.0), Some(name)),
            None => (None, None),
        };
        MessageView {
            id: m.id,
            step_id: m.step_id,
            at: m.at,
            kind: m.kind,
            via: m.via,
            author_id,
            author,
            body: m.body,
        }
    }
}

/// The conversation, oldest first: replies, internal notes and the customer's messages.
#[utoipa::path(get, path = "/api/v1/complaints/{id}/messages", tag = "complaints",
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 200, body = Vec<MessageView>), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_messages(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<MessageView>>> {
    auth.require(Permission::Read)?;
    let id = complaint_id(&s, &id).await?;
    s.store.complaint(id).await?;
    let all = s.store.conversation(id, false).await?;
    Ok(Json(all.into_iter().map(Into::into).collect()))
}

/// Adds a reply or a note. A reply is the complaint's first response if none was recorded,
/// and is mailed to the customer (threaded) when they have an address; a closed complaint
/// takes no reply (409). A bad kind or body is refused with 422 naming the field.
#[utoipa::path(post, path = "/api/v1/complaints/{id}/messages", tag = "complaints", request_body = NewMessageBody,
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 201, body = MessageView), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn post_message(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
    ApiJson(new): ApiJson<NewMessageBody>,
) -> ApiResult<(StatusCode, Json<MessageView>)> {
    auth.require(Permission::WorkComplaints)?;
    let id = complaint_id(&s, &id).await?;
    let kind = MessageKind::parse_by_staff(&new.kind).map_err(|r| StoreError::field("kind", r))?;
    let (mid, _) = tend_app::conversations::post(&s, id, &auth.actor(), kind, &new.body).await?;
    let m = s.store.message(id, mid).await?;
    Ok((StatusCode::CREATED, Json(m.into())))
}

/// A canned reply to save.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCannedReply {
    /// `en`, `es` or `tr`.
    #[schema(pattern = "^(en|es|tr)$")]
    pub language: String,
    /// One line, at most 200 characters; unique within its language.
    #[schema(value_type = tend_domain::conversations::canned::CannedTitle, inline)]
    pub title: String,
    /// At most 10 000 characters; `{name}` and `{reference}` are filled in with the
    /// customer's name and the complaint's reference when it is used.
    #[schema(value_type = tend_domain::conversations::canned::CannedBody, inline)]
    pub body: String,
}

/// A canned reply: as saved, or filled in for one complaint.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CannedReplyView {
    pub id: i64,
    pub language: String,
    pub title: String,
    pub body: String,
}

impl From<tend_store::CannedReply> for CannedReplyView {
    fn from(r: tend_store::CannedReply) -> Self {
        CannedReplyView {
            id: r.id,
            language: r.language,
            title: r.title,
            body: r.body,
        }
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CannedQuery {
    /// Only those in this language (`en`, `es`, `tr`).
    #[param(pattern = "^(en|es|tr)$")]
    pub language: Option<String>,
}

/// The canned replies, by language then title, with their placeholders.
#[utoipa::path(get, path = "/api/v1/canned-replies", tag = "complaints", params(CannedQuery),
    responses((status = 200, body = Vec<CannedReplyView>)), security(("bearer" = [])))]
pub async fn list_canned_replies(
    State(s): State<AppState>,
    auth: Authed,
    query: Result<Query<CannedQuery>, QueryRejection>,
) -> ApiResult<Json<Vec<CannedReplyView>>> {
    auth.require(Permission::Read)?;
    let Query(q) = query.map_err(|e| ApiError::invalid("query", e.body_text()))?;
    if let Some(l) = q.language.as_deref()
        && !["en", "es", "tr"].contains(&l)
    {
        return Err(ApiError::invalid(
            "language",
            tend_domain::kernel::reason::ONE_OF
                .with("allowed", "en, es, tr")
                .with("got", format!("{l:?}")),
        ));
    }
    let all = s.store.canned_replies(q.language.as_deref()).await?;
    Ok(Json(all.into_iter().map(Into::into).collect()))
}

/// Saves a canned reply (managers).
#[utoipa::path(post, path = "/api/v1/canned-replies", tag = "complaints", request_body = NewCannedReply,
    responses((status = 201, body = CannedReplyView), (status = 409, body = crate::error::ErrorBody), (status = 422, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_canned_reply(
    State(s): State<AppState>,
    auth: Authed,
    ApiJson(new): ApiJson<NewCannedReply>,
) -> ApiResult<(StatusCode, Json<CannedReplyView>)> {
    auth.require(Permission::Manage)?;
    let now = s.clock.now();
    let saved = s
        .store
        .create_canned_reply(&new.language, &new.title, &new.body, auth.0.id, now)
        .await?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}

/// The canned replies in the complaint's customer's language, filled in for them: ready to
/// send as a reply's body.
#[utoipa::path(get, path = "/api/v1/complaints/{id}/canned-replies", tag = "complaints",
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 200, body = Vec<CannedReplyView>)), security(("bearer" = [])))]
pub async fn complaint_canned_replies(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<CannedReplyView>>> {
    auth.require(Permission::Read)?;
    let id = complaint_id(&s, &id).await?;
    let (all, _) = tend_app::conversations::canned::for_complaint(&s, id).await?;
    Ok(Json(all.into_iter().map(Into::into).collect()))
}
