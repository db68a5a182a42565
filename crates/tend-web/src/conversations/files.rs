//! Downloading a conversation's file: staff who may read the complaint only, the file named by
//! its id within that complaint (never by a name or a hash from the request), always as a
//! download (`Content-Disposition: attachment`, RFC 6266) with `nosniff`, a type from the safe
//! list or `application/octet-stream`, and a CSP that runs nothing even if opened.

use axum::extract::{Path, State};

use axum::response::{IntoResponse, Response};
use tend_domain::conversations::attachment::download_headers;
use tend_domain::staff::Permission;

use crate::WebState;
use crate::complaints::complaint::parse_id;
use crate::kit::error::{PageError, PageResult};
use crate::kit::session::Staff;

pub async fn download(
    State(s): State<WebState>,
    staff: Staff,
    Path((raw, attachment)): Path<(String, String)>,
) -> PageResult<Response> {
    staff.require(Permission::Read)?;
    let id = parse_id(&s, &raw).await?;
    let attachment: i64 = attachment.parse().map_err(|_| PageError::not_found())?;
    let a = s.store.attachment(id, attachment).await?;
    let bytes = tend_app::conversations::files::read(s.files(), &a.file.sha256).await?;
    let headers = download_headers(&a.file.name, a.file.sniffed_type.as_deref());
    Ok((headers, bytes).into_response())
}
