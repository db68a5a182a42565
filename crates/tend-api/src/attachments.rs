//! The files of a complaint's conversation over the API: `GET` the list (each file with the
//! message it came with, its safe name, sizes and types), `GET` one file's bytes. Both need
//! `Read`, as the pages do. A file is named by its id within the complaint (never by a name or
//! a hash from the request), so another complaint's file, or any file of a deleted complaint,
//! is 404. The bytes are read from the attachments directory by hash, and always served as a
//! download: `Content-Disposition: attachment` (RFC 6266), `nosniff`, a type from the safe list
//! (sniffed from the bytes) or `application/octet-stream`, and a CSP that runs nothing.

use axum::Json;
use axum::extract::{Path, State};

use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tend_domain::conversations::attachment::{download_headers, served_type};
use tend_domain::staff::Permission;
use tend_store::{StoreError, StoredAttachment};

use crate::AppState;
use crate::auth::Authed;
use crate::complaints::complaint_id;
use crate::error::ApiResult;

/// One file of the conversation.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AttachmentView {
    pub id: i64,
    /// The message it came with; `null` for the mail that opened the complaint.
    pub message_id: Option<i64>,
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
    /// The sender's name for it, made safe to show (NFKC, format characters removed, no path).
    pub name: String,
    /// Size in bytes.
    pub size: i64,
    /// The type the sender declared (never used for serving).
    pub declared_type: String,
    /// The type its bytes show; `null` when not recognised.
    pub sniffed_type: Option<String>,
    /// The type a download is served as: `sniffed_type` when on the safe list, else
    /// `application/octet-stream`.
    pub served_type: String,
    /// Where to download it (`GET`, with the same token).
    pub download: String,
}

impl AttachmentView {
    fn new(reference: &str, a: StoredAttachment) -> Self {
        AttachmentView {
            id: a.id,
            message_id: a.message_id,
            at: a.at,
            served_type: served_type(a.file.sniffed_type.as_deref()).to_owned(),
            download: format!("/api/v1/complaints/{reference}/attachments/{}", a.id),
            name: a.file.name,
            size: a.file.size,
            declared_type: a.file.declared_type,
            sniffed_type: a.file.sniffed_type,
        }
    }
}

/// The files of the complaint's conversation, in the order they came.
#[utoipa::path(get, path = "/api/v1/complaints/{id}/attachments", tag = "complaints",
    params(("id" = String, Path, description = "Id or reference")),
    responses((status = 200, body = Vec<AttachmentView>), (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn list_attachments(
    State(s): State<AppState>,
    auth: Authed,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<AttachmentView>>> {
    auth.require(Permission::Read)?;
    let id = complaint_id(&s, &id).await?;
    let reference = s.store.complaint(id).await?.reference;
    let all = s.store.attachments(id).await?;
    Ok(Json(
        all.into_iter()
            .map(|a| AttachmentView::new(&reference, a))
            .collect(),
    ))
}

/// One file's bytes, as a download: `Content-Disposition: attachment` with its safe name,
/// `X-Content-Type-Options: nosniff`, `Content-Security-Policy: default-src 'none'; sandbox`,
/// and its served type (see `served_type` in the list). 404 for a file of another complaint.
#[utoipa::path(get, path = "/api/v1/complaints/{id}/attachments/{attachment}", tag = "complaints",
    params(("id" = String, Path, description = "Id or reference"),
        ("attachment" = i64, Path, description = "The file's id in this complaint")),
    responses((status = 200, description = "The file's bytes", content(
            (Vec<u8> = "application/octet-stream"), (Vec<u8> = "image/png"), (Vec<u8> = "image/jpeg"),
            (Vec<u8> = "image/gif"), (Vec<u8> = "image/webp"), (Vec<u8> = "image/bmp"),
            (Vec<u8> = "application/pdf"), (Vec<u8> = "application/zip"), (Vec<u8> = "application/gzip"),
            (Vec<u8> = "audio/mpeg"), (Vec<u8> = "audio/ogg"), (Vec<u8> = "audio/x-wav"),
            (Vec<u8> = "video/mp4"), (Vec<u8> = "video/webm"), (Vec<u8> = "video/quicktime"))),
        (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn download_attachment(
    State(s): State<AppState>,
    auth: Authed,
    Path((id, attachment)): Path<(String, String)>,
) -> ApiResult<Response> {
    auth.require(Permission::Read)?;
    let id = complaint_id(&s, &id).await?;
    let attachment: i64 = attachment
        .parse()
        .map_err(|_| StoreError::NotFound("attachment"))?;
    let a = s.store.attachment(id, attachment).await?;
    let bytes = tend_app::conversations::files::read(s.files(), &a.file.sha256).await?;
    let headers = download_headers(&a.file.name, a.file.sniffed_type.as_deref());
    Ok((headers, bytes).into_response())
}
