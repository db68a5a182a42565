//! Threading mail: the Message-IDs of Tend's mail about a complaint carry an HMAC of it —
//! `<c{complaint}.{label}.{tag}@tend>`, `label` `m{message}` for a reply or `e{hash}` for an
//! automatic message about an event (the first 12 bytes of the SHA-256 of its key, in hex),
//! `tag` the first 16 bytes of HMAC-SHA256(key, "tend-message-id:{complaint}.{label}") in
//! base64url — keyed with a random
//! per-installation secret in `app_secrets` (`message_id_key`, made on first use, like the
//! status links' key). A Message-ID names a complaint only when its tag verifies, so a forged
//! `In-Reply-To` threads nothing. Also: the Message-IDs a thread has so far.

use std::sync::OnceLock;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::Row;
use tend_domain::kernel::ids::ComplaintId;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

const SECRET_NAME: &str = "message_id_key";
/// Bytes of the HMAC kept in a Message-ID: 128 bits.
const TAG_BYTES: usize = 16;

type HmacSha256 = Hmac<Sha256>;

/// The key, once read, for the life of the handle.
#[derive(Default)]
struct MessageIdKey(OnceLock<Vec<u8>>);

fn mac(key: &[u8], complaint: ComplaintId, label: &str) -> HmacSha256 {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(format!("tend-message-id:{}.{label}", complaint.0).as_bytes());
    m
}

/// `(complaint, label, tag)` of a Message-ID in our shape, with or without its `<>`.
fn parts(id: &str) -> Option<(ComplaintId, String, Vec<u8>)> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let (local, domain) = id.rsplit_once('@')?;
    if domain != "tend" {
        return None;
    }
    let mut it = local.splitn(3, '.');
    let c = it.next()?.strip_prefix('c')?.parse::<i64>().ok()?;
    let label = it.next()?;
    let ok = label.len() > 1 && label.bytes().all(|b| b.is_ascii_alphanumeric());
    let tag = URL_SAFE_NO_PAD.decode(it.next()?).ok()?;
    (c > 0 && ok && tag.len() == TAG_BYTES).then(|| (ComplaintId(c), label.to_owned(), tag))
}

impl Store {
    async fn message_id_key(&self) -> StoreResult<Vec<u8>> {
        let cache = self.inner.states.get(MessageIdKey::default);
        if let Some(key) = cache.0.get() {
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
        let value: String = sqlx::query("SELECT value FROM app_secrets WHERE name = $1")
            .bind(SECRET_NAME)
            .fetch_one(self.write())
            .await?
            .try_get("value")?;
        let key = URL_SAFE_NO_PAD.decode(value).map_err(|e| {
            StoreError::Database(sqlx::Error::Decode(format!("message id key: {e}").into()))
        })?;
        Ok(cache.0.get_or_init(|| key).clone())
    }

    /// The signed Message-ID of message `n` of `complaint`, `<…>` included.
    pub async fn signed_message_id(&self, complaint: ComplaintId, n: i64) -> StoreResult<String> {
        self.signed_id(complaint, &format!("m{n}")).await
    }

    /// The signed Message-ID of the automatic message about `event` (its key, e.g. `ack:42`)
    /// of `complaint`, `<…>` included: the same on every attempt.
    pub async fn signed_event_id(
        &self,
        complaint: ComplaintId,
        event: &str,
    ) -> StoreResult<String> {
        let hash = Sha256::digest(event.as_bytes());
        let hex: String = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
        self.signed_id(complaint, &format!("e{hex}")).await
    }

    async fn signed_id(&self, complaint: ComplaintId, label: &str) -> StoreResult<String> {
        let key = self.message_id_key().await?;
        let tag = mac(&key, complaint, label).finalize().into_bytes();
        Ok(format!(
            "<c{}.{label}.{}@tend>",
            complaint.0,
            URL_SAFE_NO_PAD.encode(&tag[..TAG_BYTES])
        ))
    }

    /// The complaint a Message-ID of ours names, or `None` when it is not in our shape or its
    /// tag does not verify (compared in constant time).
    pub async fn complaint_for_message_id(&self, id: &str) -> StoreResult<Option<ComplaintId>> {
        let Some((complaint, label, tag)) = parts(id) else {
            return Ok(None);
        };
        let key = self.message_id_key().await?;
        let ok = mac(&key, complaint, &label)
            .verify_truncated_left(&tag)
            .is_ok();
        Ok(ok.then_some(complaint))
    }

    /// The Message-IDs of complaint `id`'s thread before message `before`, oldest first: the
    /// acknowledgement's (from the mail log), then each earlier reply's signed one and each
    /// message's that arrived by mail.
    pub async fn thread_ids(&self, id: ComplaintId, before: i64) -> StoreResult<Vec<String>> {
        let mut ids: Vec<String> = Vec::new();
        let ack = sqlx::query("SELECT message_id FROM sent_mail WHERE event_key = $1")
            .bind(format!("ack:{}", id.0))
            .fetch_optional(self.read())
            .await?;
        if let Some(row) = ack {
            ids.push(row.try_get("message_id")?);
        }
        let rows = sqlx::query(
            "SELECT id, kind, message_id FROM complaint_messages WHERE complaint_id = $1 \
             AND id < $2 AND (kind = 'reply' OR message_id IS NOT NULL) ORDER BY id",
        )
        .bind(id.0)
        .bind(before)
        .fetch_all(self.read())
        .await?;
        for r in rows {
            match r.try_get::<Option<String>, _>("message_id")? {
                Some(m) => ids.push(m),
                None => ids.push(self.signed_message_id(id, r.try_get("id")?).await?),
            }
        }
        Ok(ids)
    }

    /// The complaint whose conversation holds a message that arrived or left with Message-ID
    /// `id` (`<…>` included), if any.
    pub async fn complaint_with_message_id(&self, id: &str) -> StoreResult<Option<ComplaintId>> {
        let row = sqlx::query("SELECT complaint_id FROM complaint_messages WHERE message_id = $1")
            .bind(id.to_owned())
            .fetch_optional(self.read())
            .await?;
        Ok(match row {
            Some(r) => Some(ComplaintId(r.try_get("complaint_id")?)),
            None => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_bound_to_its_complaint_message_and_key() {
        let a = mac(b"k1", ComplaintId(7), "m3").finalize().into_bytes();
        let check =
            |k: &[u8], c, l| mac(k, ComplaintId(c), l).verify_truncated_left(&a[..TAG_BYTES]);
        assert!(check(b"k1", 7, "m3").is_ok());
        assert!(check(b"k1", 8, "m3").is_err());
        assert!(check(b"k1", 7, "m4").is_err());
        assert!(check(b"k2", 7, "m3").is_err());
    }

    #[test]
    fn only_our_shape_parses() {
        let tag = URL_SAFE_NO_PAD.encode([1u8; TAG_BYTES]);
        assert!(parts(&format!("<c7.m3.{tag}@tend>")).is_some());
        assert!(parts(&format!("<c7.e0a1b.{tag}@tend>")).is_some());
        assert!(parts(&format!("<c7.m-3.{tag}@tend>")).is_none());
        assert!(parts(&format!("c7.m3.{tag}@tend")).is_some());
        assert!(parts(&format!("<c7.m3.{tag}@example.com>")).is_none());
        assert!(parts(&format!("<c0.m3.{tag}@tend>")).is_none());
        assert!(parts("<c7.m3.AAAA@tend>").is_none());
        assert!(parts("<abc@tend>").is_none());
    }
}
