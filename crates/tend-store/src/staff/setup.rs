//! The first run in the browser: while no employee exists, `tend serve` makes a one-time setup
//! token (random; only its SHA-256 is stored, so the link exists only in the server's output),
//! and the setup page trades it for the first administrator and the company's name and time
//! zone — in one transaction that also deletes every setup token, so after first use the link
//! is gone on every server sharing the database.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::*;
use tend_domain::kernel::text::{Email, Name};
use tend_domain::staff::Role;

use super::auth::{AuthedEmployee, digest, random};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

/// The first administrator and the company, as the setup page validated them.
pub struct FirstRun<'a> {
    pub email: &'a Email,
    pub name: &'a Name,
    /// `en`, `es` or `tr`.
    pub language: &'a str,
    pub password_hash: &'a str,
    pub company: &'a str,
    /// An IANA time zone name, e.g. `Europe/Madrid`.
    pub time_zone: &'a str,
}

impl Store {
    /// A new setup token while nobody can sign in yet (`None` once an employee exists). Several
    /// servers starting together each get their own; any of them works, once.
    pub async fn create_setup_token(&self, now: Timestamp) -> StoreResult<Option<String>> {
        if self.any_employee().await? {
            return Ok(None);
        }
        let token = random(32);
        sqlx::query("INSERT INTO setup_tokens (token_hash, created_at) VALUES ($1, $2)")
            .bind(digest(&token))
            .bind(us(now))
            .execute(self.write())
            .await?;
        Ok(Some(token))
    }

    /// Whether `token` opens the setup page: it was made by a server and nobody can sign in yet.
    pub async fn setup_token_valid(&self, token: &str) -> StoreResult<bool> {
        let row = sqlx::query(
            "SELECT 1 AS one FROM setup_tokens WHERE token_hash = $1 \
             AND NOT EXISTS (SELECT 1 FROM employees)",
        )
        .bind(digest(token))
        .fetch_optional(self.read())
        .await?;
        Ok(row.is_some())
    }

    /// Creates the first administrator and stores the company's name and time zone, using up
    /// `token` and every other setup token, all in one transaction. Errors:
    /// `NotFound("setup")` when the token is unknown or used, or an employee exists already.
    pub async fn complete_setup(
        &self,
        token: &str,
        first: &FirstRun<'_>,
        now: Timestamp,
    ) -> StoreResult<AuthedEmployee> {
        let mut tx = self.write().begin().await?;
        // Deleting takes the rows' locks: of two concurrent uses, one finds nothing.
        let used = sqlx::query("DELETE FROM setup_tokens WHERE token_hash = $1")
            .bind(digest(token))
            .execute(&mut *tx)
            .await?;
        let anyone = sqlx::query("SELECT 1 AS one FROM employees LIMIT 1")
            .fetch_optional(&mut *tx)
            .await?;
        if used.rows_affected() == 0 || anyone.is_some() {
            return Err(StoreError::NotFound("setup"));
        }
        sqlx::query("DELETE FROM setup_tokens")
            .execute(&mut *tx)
            .await?;
        let row = sqlx::query(
            "INSERT INTO employees (email, name, role, team, tier, language, password_hash, active, created_at) \
             VALUES ($1, $2, $3, NULL, 3, $4, $5, 1, $6) RETURNING id",
        )
        .bind(first.email.to_string())
        .bind(first.name.to_string())
        .bind(Role::Admin.as_str())
        .bind(first.language.to_owned())
        .bind(first.password_hash.to_owned())
        .bind(us(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| StoreError::unique(e, "email", DUPLICATE_EMPLOYEE))?;
        for (name, value) in [
            ("company_name", first.company),
            ("time_zone", first.time_zone),
        ] {
            sqlx::query(
                "INSERT INTO company_settings (name, value, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            )
            .bind(name)
            .bind(value.to_owned())
            .bind(us(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(AuthedEmployee {
            id: EmployeeId(row.try_get("id")?),
            name: first.name.to_string(),
            role: Role::Admin,
        })
    }

    /// A company setting (`company_name`, `time_zone`), if set.
    pub async fn company_setting(&self, name: &str) -> StoreResult<Option<String>> {
        let row = sqlx::query("SELECT value FROM company_settings WHERE name = $1")
            .bind(name)
            .fetch_optional(self.read())
            .await?;
        Ok(row.map(|r| r.try_get("value")).transpose()?)
    }
}
