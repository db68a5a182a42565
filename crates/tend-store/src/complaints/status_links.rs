//! Customers' private status links: `"{id}.{base64url HMAC-SHA256(id)}"`, keyed with a random
//! per-installation secret kept in `app_secrets` (made on first use). A token names exactly
//! one complaint and cannot be forged or moved to another one without the secret.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use sqlx::Row;
use tend_domain::kernel::ids::ComplaintId;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

const SECRET_NAME: &str = "status_link_key";

type HmacSha256 = Hmac<Sha256>;

fn mac(key: &[u8], id: ComplaintId) -> HmacSha256 {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(b"tend-status-link:");
    m.update(id.0.to_string().as_bytes());
    m
}

impl Store {
    /// The installation's status-link key, created at random on first use. Concurrent first
    /// uses (several servers) agree: the first insert wins and everyone reads it back.
    pub(crate) async fn status_key(&self) -> StoreResult<Vec<u8>> {
        if let Some(key) = self.inner.status_key.get() {
            return Ok(key.clone());
        }
        let mut fresh = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut fresh);
        sqlx::query(
            "INSERT INTO app_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
        )
        .bind(SECRET_NAME)
        .bind(URL_SAFE_NO_PAD.encode(fresh))
        .bind(us(jiff::Timestamp::now()))
        .execute(self.write())
        .await?;
        let row = sqlx::query("SELECT value FROM app_secrets WHERE name = $1")
            .bind(SECRET_NAME)
            .fetch_one(self.write())
            .await?;
        let value: String = row.try_get("value")?;
        let key = URL_SAFE_NO_PAD.decode(value).map_err(|e| {
            StoreError::Database(sqlx::Error::Decode(format!("status link key: {e}").into()))
        })?;
        Ok(self.inner.status_key.get_or_init(|| key).clone())
    }

    /// The private status-link token of a complaint.
    pub async fn status_token(&self, id: ComplaintId) -> StoreResult<String> {
        let key = self.status_key().await?;
        let tag = mac(&key, id).finalize().into_bytes();
        Ok(format!("{}.{}", id.0, URL_SAFE_NO_PAD.encode(tag)))
    }

    /// The complaint a status-link token names, or `None` when the token is malformed or its
    /// signature does not match (compared in constant time).
    pub async fn complaint_for_status_token(
        &self,
        token: &str,
    ) -> StoreResult<Option<ComplaintId>> {
        let Some((id, tag)) = token.split_once('.') else {
            return Ok(None);
        };
        let (Ok(id), Ok(tag)) = (id.parse::<i64>(), URL_SAFE_NO_PAD.decode(tag)) else {
            return Ok(None);
        };
        if id <= 0 || tag.len() != 32 {
            return Ok(None);
        }
        let key = self.status_key().await?;
        let id = ComplaintId(id);
        Ok(mac(&key, id).verify_slice(&tag).is_ok().then_some(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_bound_to_its_id_and_key() {
        let a = mac(b"key one", ComplaintId(7)).finalize().into_bytes();
        assert!(mac(b"key one", ComplaintId(7)).verify_slice(&a).is_ok());
        assert!(mac(b"key one", ComplaintId(8)).verify_slice(&a).is_err());
        assert!(mac(b"key two", ComplaintId(7)).verify_slice(&a).is_err());
    }
}
