//! Staff sessions and CSRF. The session cookie (`tend_session`: HttpOnly, SameSite=Lax, Path=/,
//! Secure when configured) holds a random token the store keeps only as its SHA-256. Every
//! staff form sends the session's CSRF token back (`StaffForm` checks it before the handler
//! runs); public forms use a double-submit cookie (`PublicForm`).

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use jiff::tz::TimeZone;
use serde::de::DeserializeOwned;
use tend_domain::staff::Permission;
use tend_domain::staff::zone::reader_zone;
use tend_store::{Actor, Session, StoreError};

use crate::WebState;
use crate::kit::cookies::{cookie, set_cookie};
use crate::kit::error::PageError;
use tend_app::BODY_LIMIT;

pub const SESSION_COOKIE: &str = "tend_session";
/// The double-submit cookie of forms shown before anyone signs in.
pub const FORM_COOKIE: &str = "tend_form";
pub const SESSION_TTL: Duration = Duration::from_secs(12 * 3600);

/// Equal strings, compared in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A signed-in employee. Pages that take one send everyone else to `/sign-in`.
#[derive(Debug, Clone)]
pub struct Staff {
    pub session: Session,
    /// The zone they read instants in: their own, else the company's, else UTC — resolved
    /// once here (`tend_domain::staff::zone::reader_zone`) for every staff page.
    pub zone: TimeZone,
    /// The current vision statement, shown in the staff layout's header (none before the
    /// worksheet is first saved).
    pub vision: Option<String>,
}

impl Staff {
    pub fn can(&self, p: Permission) -> bool {
        self.session.employee.role.allows(p)
    }

    /// Refuses with 403 unless the employee's role allows `p`.
    pub fn require(&self, p: Permission) -> Result<(), PageError> {
        if self.can(p) {
            Ok(())
        } else {
            Err(PageError::forbidden())
        }
    }

    pub fn actor(&self) -> Actor {
        let e = &self.session.employee;
        Actor::employee(e.id, &e.name)
    }

    pub fn csrf(&self) -> &str {
        &self.session.csrf_token
    }

    /// The zone this reader reads instants in (see [`Staff::zone`]).
    pub fn tz(&self) -> &TimeZone {
        &self.zone
    }

    /// A signed-in employee reading in the zone their session resolves to.
    pub fn new(session: Session, vision: Option<String>) -> Self {
        let zone = reader_zone(
            session.time_zone.as_deref(),
            session.company_time_zone.as_deref(),
        );
        Staff {
            session,
            zone,
            vision,
        }
    }
}

impl FromRequestParts<WebState> for Staff {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, s: &WebState) -> Result<Self, PageError> {
        let next = if parts.method == Method::GET {
            parts
                .uri
                .path_and_query()
                .map_or("/inbox".to_owned(), |p| p.as_str().to_owned())
        } else {
            "/inbox".to_owned()
        };
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(PageError::SignIn { next });
        };
        match s.store.session(&token, s.clock.now()).await {
            Ok(session) => {
                let vision = s.store.current_vision().await?.map(|v| v.statement);
                Ok(Staff::new(session, vision))
            }
            Err(StoreError::NotFound(_)) => Err(PageError::SignIn { next }),
            Err(e) => Err(e.into()),
        }
    }
}

/// The value of one field of a URL-encoded body.
fn field(body: &[u8], name: &str) -> Option<String> {
    form_urlencoded(body)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

fn form_urlencoded(body: &[u8]) -> impl Iterator<Item = (String, String)> + '_ {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .unwrap_or_default()
        .into_iter()
}

async fn body_of(req: Request) -> Result<(Parts, Bytes), PageError> {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| PageError::bad_request())?;
    Ok((parts, bytes))
}

fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, PageError> {
    crate::kit::form::strict(bytes)
}

/// A staff member's form: signed in, and the session's CSRF token checked before `form` is
/// even parsed.
pub struct StaffForm<T> {
    pub staff: Staff,
    pub form: T,
}

impl<T: DeserializeOwned> FromRequest<WebState> for StaffForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, s: &WebState) -> Result<Self, PageError> {
        let (mut parts, bytes) = body_of(req).await?;
        let staff = Staff::from_request_parts(&mut parts, s).await?;
        let sent = field(&bytes, "_csrf").unwrap_or_default();
        if !same(&sent, staff.csrf()) {
            return Err(PageError::csrf());
        }
        Ok(StaffForm {
            staff,
            form: parse(&bytes)?,
        })
    }
}

/// A form anyone may send (sign-in, the public complaint form, the language switcher): its
/// `_csrf` field must repeat the `tend_form` cookie, or the session's token when signed in.
pub struct PublicForm<T> {
    pub form: T,
    pub headers: HeaderMap,
}

impl<T: DeserializeOwned> FromRequest<WebState> for PublicForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, s: &WebState) -> Result<Self, PageError> {
        let (parts, bytes) = body_of(req).await?;
        let sent = field(&bytes, "_csrf").unwrap_or_default();
        let by_cookie = cookie(&parts.headers, FORM_COOKIE).is_some_and(|c| same(&sent, &c));
        let by_session = match cookie(&parts.headers, SESSION_COOKIE) {
            Some(token) if !by_cookie => s
                .store
                .session(&token, s.clock.now())
                .await
                .is_ok_and(|session| same(&sent, &session.csrf_token)),
            _ => false,
        };
        if sent.is_empty() || !(by_cookie || by_session) {
            return Err(PageError::csrf());
        }
        Ok(PublicForm {
            form: parse(&bytes)?,
            headers: parts.headers,
        })
    }
}

/// The double-submit token for a public page's forms: the one the browser holds, or a new
/// one with the `Set-Cookie` that gives it to the browser.
pub fn form_token(headers: &HeaderMap, secure: bool) -> (String, Option<HeaderValue>) {
    match cookie(headers, FORM_COOKIE).filter(|c| c.len() >= 32) {
        Some(t) => (t, None),
        None => {
            let t = random_token();
            let c = set_cookie(FORM_COOKIE, &t, None, "Strict", secure);
            (t, Some(c))
        }
    }
}

/// `res` with the `Set-Cookie` of a new form token, if one was made.
pub fn with_cookie(
    mut res: axum::response::Response,
    c: Option<HeaderValue>,
) -> axum::response::Response {
    if let Some(c) = c {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}

/// 32 random bytes, URL-safe base64.
pub fn random_token() -> String {
    use base64::Engine as _;
    use rand::RngCore;
    let mut buf = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }
}
