//! API tokens and passwords. Tokens are random, shown once and stored as SHA-256 hashes
//! (they carry 256 bits of entropy, so a fast hash is right); passwords use Argon2id.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use argon2::{Argon2, PasswordHash, PasswordVerifier};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::Timestamp;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::staff::Role;

use crate::audit::{AuditAction, email_of, record};
use crate::complaints::Actor;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

/// How long a verified token is trusted without reading its row again. A change to who may do
/// what (a role, an employee deactivated, a token revoked) bumps `auth_epoch` (by trigger, on
/// both engines), which every request reads — one single-row query — so it takes effect at
/// once on every server sharing the database, whatever this time.
pub const TOKEN_CACHE_TTL: Duration = Duration::from_secs(30);
const TOKEN_CACHE_MAX: usize = 10_000;

/// Verified tokens by their hash, so a busy client costs no token lookup per request. Each
/// entry keeps the `auth_epoch` it was verified under and counts only while it is current.
#[derive(Default)]
pub(crate) struct TokenCache(Mutex<HashMap<String, (AuthedEmployee, Instant, i64)>>);

impl TokenCache {
    fn get(&self, digest: &str, epoch: i64) -> Option<AuthedEmployee> {
        let map = self.0.lock().expect("token cache lock");
        map.get(digest)
            .filter(|(_, at, e)| *e == epoch && at.elapsed() < TOKEN_CACHE_TTL)
            .map(|(e, _, _)| e.clone())
    }

    fn put(&self, digest: String, e: AuthedEmployee, epoch: i64) {
        let mut map = self.0.lock().expect("token cache lock");
        if map.len() >= TOKEN_CACHE_MAX {
            map.clear();
        }
        map.insert(digest, (e, Instant::now(), epoch));
    }
}

/// The employee behind a valid token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthedEmployee {
    pub id: EmployeeId,
    pub name: String,
    pub role: Role,
}

pub(crate) fn random(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

pub(crate) fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A new API token: `tend_` and 32 random bytes.
pub fn new_token() -> String {
    format!("tend_{}", random(32))
}

/// A new one-time password and its Argon2id hash.
pub fn new_password() -> (String, String) {
    let password = random(15);
    let hash = hash_password(&password);
    (password, hash)
}

/// The Argon2id hash of a password a person chose.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashes any input")
        .to_string()
}

/// Whether `password` matches a stored Argon2 hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

impl Store {
    /// Issues a token for an employee; the plain token is returned once and never stored.
    /// Recorded in the audit log as done `by`.
    pub async fn create_token(
        &self,
        employee: EmployeeId,
        label: Option<&str>,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<String> {
        let token = new_token();
        let mut tx = self.write().begin().await?;
        let email = email_of(&mut tx, employee)
            .await?
            .ok_or(StoreError::NotFound("employee"))?;
        sqlx::query("INSERT INTO api_tokens (employee_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4)")
            .bind(employee.0)
            .bind(digest(&token))
            .bind(label.map(str::to_owned))
            .bind(us(now))
            .execute(&mut *tx)
            .await?;
        let detail = label.unwrap_or_default();
        record(&mut tx, by, now, AuditAction::TokenCreated, &email, detail).await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The active employee a token belongs to, or `NotFound` for an unknown, revoked or
    /// deactivated one.
    pub async fn authenticate(&self, token: &str) -> StoreResult<AuthedEmployee> {
        let hash = digest(token);
        let epoch: i64 = sqlx::query("SELECT n FROM auth_epoch WHERE id = 1")
            .fetch_one(self.read())
            .await?
            .try_get("n")?;
        if let Some(e) = self.inner.states.get(TokenCache::default).get(&hash, epoch) {
            return Ok(e);
        }
        let row = sqlx::query(
            "SELECT e.id, e.name, e.role FROM api_tokens t JOIN employees e ON e.id = t.employee_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND e.active = 1",
        )
        .bind(hash.clone())
        .fetch_optional(self.read())
        .await?
        .ok_or(StoreError::NotFound("token"))?;
        let role: String = row.try_get("role")?;
        let employee = AuthedEmployee {
            id: EmployeeId(row.try_get("id")?),
            name: row.try_get("name")?,
            role: Role::parse(&role).map_err(|e| sqlx::Error::Decode(e.into()))?,
        };
        self.inner
            .states
            .get(TokenCache::default)
            .put(hash, employee.clone(), epoch);
        Ok(employee)
    }

    /// Revokes `employee`'s live tokens (only those labelled `label`, if given) at `now`;
    /// returns how many. Takes effect at once on every server (see [`TOKEN_CACHE_TTL`]).
    /// Recorded in the audit log as done `by` (detail `label=L n=N`). `NotFound` for no such id.
    pub async fn revoke_tokens(
        &self,
        employee: EmployeeId,
        label: Option<&str>,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<u64> {
        let mut tx = self.write().begin().await?;
        let email = email_of(&mut tx, employee)
            .await?
            .ok_or(StoreError::NotFound("employee"))?;
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 \
             WHERE employee_id = $2 AND revoked_at IS NULL AND ($3 IS NULL OR label = $3)",
        )
        .bind(us(now))
        .bind(employee.0)
        .bind(label.map(str::to_owned))
        .execute(&mut *tx)
        .await?;
        let n = done.rows_affected();
        let detail = format!("label={} n={n}", label.unwrap_or("*"));
        record(
            &mut tx,
            by,
            now,
            AuditAction::TokensRevoked,
            &email,
            &detail,
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Deactivates (or reactivates) an employee: a deactivated one cannot sign in, and their
    /// sessions and tokens stop working at once on every server. `NotFound` for no such id.
    /// Recorded in the audit log as done `by` at `now`.
    pub async fn set_employee_active(
        &self,
        id: EmployeeId,
        active: bool,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        let email = email_of(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound("employee"))?;
        let done = sqlx::query("UPDATE employees SET active = $1 WHERE id = $2")
            .bind(i64::from(active))
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("employee"));
        }
        if !active {
            sqlx::query("DELETE FROM sessions WHERE employee_id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        let action = if active {
            AuditAction::EmployeeActivated
        } else {
            AuditAction::EmployeeDeactivated
        };
        record(&mut tx, by, now, action, &email, "").await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_and_tokens_differ() {
        let (pw, hash) = new_password();
        assert!(verify_password(&pw, &hash));
        assert!(!verify_password("wrong", &hash));
        assert_ne!(new_token(), new_token());
        assert_eq!(digest("a").len(), 64);
    }
}
