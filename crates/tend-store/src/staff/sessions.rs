//! Signing in: password checks, staff sessions for the web pages, and one-time invitation
//! links. A session's cookie token and an invite's token are random and kept only as their
//! SHA-256; each session carries the CSRF token its forms must send back.

use std::sync::LazyLock;
use std::time::Duration;

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::text::Email;
use tend_domain::staff::Role;

use super::auth::{AuthedEmployee, digest, hash_password, random, verify_password};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A signed-in employee's session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub employee: AuthedEmployee,
    /// What every form of this session must send back.
    pub csrf_token: String,
    pub expires_at: Timestamp,
    /// The employee's own time zone (IANA name), if they chose one.
    pub time_zone: Option<String>,
    /// The company's time zone (IANA name), if set: the reader's zone when they chose none.
    pub company_time_zone: Option<String>,
}

/// A pending invitation: who it is for and until when it can be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub employee: AuthedEmployee,
    pub email: String,
    pub expires_at: Timestamp,
}

/// Compared against when the e-mail is unknown, so a wrong address costs the same time as a
/// wrong password.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| hash_password("not anyone's password"));

fn later(now: Timestamp, ttl: Duration) -> i64 {
    us(now).saturating_add(i64::try_from(ttl.as_micros()).unwrap_or(i64::MAX))
}

fn authed(row: &sqlx::any::AnyRow) -> StoreResult<AuthedEmployee> {
    let role: String = row.try_get("role")?;
    Ok(AuthedEmployee {
        id: EmployeeId(row.try_get("id")?),
        name: row.try_get("name")?,
        role: Role::parse(&role).map_err(|e| sqlx::Error::Decode(e.into()))?,
    })
}

impl Store {
    /// The active employee with this e-mail and password, or `None`. Argon2 runs off the
    /// async threads; an unknown address is checked against a dummy hash to take as long.
    pub async fn check_password(
        &self,
        email: &str,
        password: &str,
    ) -> StoreResult<Option<AuthedEmployee>> {
        let row = sqlx::query(
            "SELECT id, name, role, password_hash FROM employees WHERE email = $1 AND active = 1",
        )
        .bind(
            Email::parse(email)
                .map(|e| e.to_string())
                .unwrap_or_default(),
        )
        .fetch_optional(self.read())
        .await?;
        let (employee, hash) = match &row {
            Some(r) => (
                Some(authed(r)?),
                r.try_get::<Option<String>, _>("password_hash")?,
            ),
            None => (None, None),
        };
        let hash = hash
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| DUMMY_HASH.clone());
        let password = password.to_owned();
        let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .unwrap_or(false);
        Ok(employee.filter(|_| ok))
    }

    /// Opens a session for `employee`; returns the cookie token (shown once) and the session.
    pub async fn create_session(
        &self,
        employee: &AuthedEmployee,
        now: Timestamp,
        ttl: Duration,
    ) -> StoreResult<(String, Session)> {
        let token = random(32);
        let csrf = random(32);
        let expires = later(now, ttl);
        sqlx::query(
            "INSERT INTO sessions (token_hash, employee_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(digest(&token))
        .bind(employee.id.0)
        .bind(csrf)
        .bind(us(now))
        .bind(expires)
        .execute(self.write())
        .await?;
        // Expired sessions go when new ones come; the index keeps this cheap.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(us(now))
            .execute(self.write())
            .await?;
        let session = self.session(&token, now).await?;
        Ok((token, session))
    }

    /// The live session behind a cookie token, or `NotFound` (unknown, expired, or the
    /// employee was deactivated).
    pub async fn session(&self, token: &str, now: Timestamp) -> StoreResult<Session> {
        let row = sqlx::query(
            "SELECT e.id, e.name, e.role, e.time_zone, s.csrf_token, s.expires_at, \
             (SELECT value FROM company_settings WHERE name = 'time_zone') AS company_time_zone \
             FROM sessions s JOIN employees e ON e.id = s.employee_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND e.active = 1",
        )
        .bind(digest(token))
        .bind(us(now))
        .fetch_optional(self.read())
        .await?
        .ok_or(StoreError::NotFound("session"))?;
        Ok(Session {
            employee: authed(&row)?,
            csrf_token: row.try_get("csrf_token")?,
            expires_at: ts(row.try_get("expires_at")?),
            time_zone: row.try_get("time_zone")?,
            company_time_zone: row.try_get("company_time_zone")?,
        })
    }

    /// Ends the session behind a cookie token (signing out); unknown tokens are ignored.
    pub async fn end_session(&self, token: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(digest(token))
            .execute(self.write())
            .await?;
        Ok(())
    }

    /// A one-time link token for `employee` to choose a password; it replaces earlier ones.
    pub async fn create_invite(
        &self,
        employee: EmployeeId,
        now: Timestamp,
        ttl: Duration,
    ) -> StoreResult<String> {
        let token = random(32);
        let mut tx = self.write().begin().await?;
        sqlx::query("DELETE FROM invites WHERE employee_id = $1 AND used_at IS NULL")
            .bind(employee.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO invites (token_hash, employee_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(digest(&token))
        .bind(employee.0)
        .bind(us(now))
        .bind(later(now, ttl))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The unused, unexpired invitation behind `token`, or `NotFound`.
    pub async fn invite(&self, token: &str, now: Timestamp) -> StoreResult<Invite> {
        let row = sqlx::query(
            "SELECT e.id, e.name, e.role, e.email, i.expires_at FROM invites i \
             JOIN employees e ON e.id = i.employee_id \
             WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND e.active = 1",
        )
        .bind(digest(token))
        .bind(us(now))
        .fetch_optional(self.read())
        .await?
        .ok_or(StoreError::NotFound("invitation"))?;
        Ok(Invite {
            employee: authed(&row)?,
            email: row.try_get("email")?,
            expires_at: ts(row.try_get("expires_at")?),
        })
    }

    /// Uses an invitation once: sets the employee's password hash and marks the link used,
    /// in one transaction, so a link cannot be used twice.
    pub async fn redeem_invite(
        &self,
        token: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> StoreResult<AuthedEmployee> {
        let invite = self.invite(token, now).await?;
        let mut tx = self.write().begin().await?;
        let used = sqlx::query(
            "UPDATE invites SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
        )
        .bind(us(now))
        .bind(digest(token))
        .execute(&mut *tx)
        .await?;
        if used.rows_affected() != 1 {
            return Err(StoreError::NotFound("invitation"));
        }
        sqlx::query("UPDATE employees SET password_hash = $1 WHERE id = $2")
            .bind(password_hash.to_owned())
            .bind(invite.employee.id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(invite.employee)
    }
}
