//! Staff forms that may carry files (`multipart/form-data`): signed in first, the body read
//! up to [`UPLOAD_LIMIT`], text fields held to the same strict rule as URL-encoded forms
//! (valid UTF-8, no NUL: 422 naming the field), and the session's CSRF token checked before
//! the handler sees anything. A URL-encoded body is taken too (no files).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;
use tend_app::conversations::files::Upload;
use tend_domain::conversations::attachment::MAX_MESSAGE_BYTES;
use tend_domain::kernel::urlencoded;

use crate::WebState;
use crate::kit::error::PageError;
use crate::kit::session::{Staff, same};

/// The largest body an upload form reads: every file of a message at its limit, plus room for
/// the text and the multipart framing. Over it: 413. Files over their own limits are refused
/// with the form shown again (`tend_domain::conversations::attachment::check`).
pub const UPLOAD_LIMIT: usize = MAX_MESSAGE_BYTES + 1024 * 1024;

/// A staff member's form with its files: `fields` in the order sent, `files` with a name or
/// content (a file input left empty sends neither and is dropped).
pub struct StaffUpload {
    pub staff: Staff,
    pub fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

impl StaffUpload {
    /// The text fields read into `T`; a field that does not fit is a 400 page.
    pub fn form<T: DeserializeOwned>(&self) -> Result<T, PageError> {
        let encoded =
            serde_urlencoded::to_string(&self.fields).map_err(|_| PageError::bad_request())?;
        serde_urlencoded::from_str(&encoded).map_err(|_| PageError::bad_request())
    }
}

fn text(name: &str, bytes: &[u8]) -> Result<String, PageError> {
    let s = std::str::from_utf8(bytes).map_err(|_| PageError::field("error-not-utf8", name))?;
    if s.contains('\0') {
        return Err(PageError::field("error-nul", name));
    }
    Ok(s.to_owned())
}

async fn multipart(
    bytes: Bytes,
    boundary: String,
) -> Result<(Vec<(String, String)>, Vec<Upload>), PageError> {
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(bytes) });
    let mut parts = multer::Multipart::new(stream, boundary);
    let (mut fields, mut files) = (Vec::new(), Vec::new());
    let bad = |e: multer::Error| {
        tracing::debug!(error = %e, "malformed multipart form");
        PageError::bad_request()
    };
    while let Some(field) = parts.next_field().await.map_err(bad)? {
        let name = text("field", field.name().unwrap_or("").as_bytes())?;
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                let declared = field.content_type().map(|m| m.essence_str().to_owned());
                let data = field.bytes().await.map_err(bad)?;
                if file_name.is_empty() && data.is_empty() {
                    continue;
                }
                files.push(Upload {
                    name: file_name,
                    declared_type: declared.unwrap_or_default(),
                    bytes: data.to_vec(),
                });
            }
            None => {
                let data = field.bytes().await.map_err(bad)?;
                let value = text(&name, &data)?;
                fields.push((name, value));
            }
        }
    }
    Ok((fields, files))
}

impl FromRequest<WebState> for StaffUpload {
    type Rejection = PageError;

    async fn from_request(req: Request, s: &WebState) -> Result<Self, PageError> {
        let (mut parts, body) = req.into_parts();
        let staff = Staff::from_request_parts(&mut parts, s).await?;
        let kind = (parts.headers.get(header::CONTENT_TYPE))
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let bytes = axum::body::to_bytes(body, UPLOAD_LIMIT)
            .await
            .map_err(|_| PageError::new(StatusCode::PAYLOAD_TOO_LARGE, "error-too-large"))?;
        let (fields, files) = match multer::parse_boundary(&kind) {
            Ok(boundary) => multipart(bytes, boundary).await?,
            Err(_) => {
                urlencoded::check(&bytes).map_err(|(field, why)| match why {
                    urlencoded::Unclean::NotUtf8 => PageError::field("error-not-utf8", field),
                    urlencoded::Unclean::Nul => PageError::field("error-nul", field),
                })?;
                let fields: Vec<(String, String)> =
                    serde_urlencoded::from_bytes(&bytes).map_err(|_| PageError::bad_request())?;
                (fields, Vec::new())
            }
        };
        let sent = (fields.iter().find(|(k, _)| k == "_csrf")).map_or("", |(_, v)| v.as_str());
        if !same(sent, staff.csrf()) {
            return Err(PageError::csrf());
        }
        Ok(StaffUpload {
            staff,
            fields,
            files,
        })
    }
}
