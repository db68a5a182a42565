//! Consent to later contact: the append-only log of every change of
//! `customers.consent_to_contact` (given or withdrawn, when, how), written in the transaction
//! of the change, and the signed withdrawal links every message carries
//! (`"{customer}.{base64url HMAC-SHA256}"`, keyed like the status links).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::CustomerId;

use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Sql;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One change of a customer's consent to later contact.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ConsentEntry {
    /// `true`: consent given; `false`: withdrawn.
    pub given: bool,
    pub via: ConsentVia,
    pub at: Timestamp,
}

/// Logs consent for customers just stored with it (`consent_to_contact = 1`) that have no log
/// yet, in the caller's transaction: a re-imported customer kept as they were logs nothing.
pub(crate) async fn log_new_consents(
    conn: &mut AnyConnection,
    engine: Engine,
    ids: &[CustomerId],
    via: ConsentVia,
    at: Timestamp,
) -> sqlx::Result<()> {
    for chunk in ids.chunks(1000) {
        let mut sql = Sql::new(
            engine,
            "INSERT INTO customer_consent_log (customer_id, given, via, at) SELECT c.id, 1, ",
        );
        sql.bind(via.as_str().to_owned())
            .push(", ")
            .bind(us(at))
            .push(" FROM customers c WHERE c.consent_to_contact = 1 AND NOT EXISTS (SELECT 1 FROM customer_consent_log l WHERE l.customer_id = c.id) AND c.id IN (");
        for (n, id) in chunk.iter().enumerate() {
            sql.push(if n == 0 { "" } else { ", " }).bind(id.0);
        }
        sql.push(")");
        sql.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Sets a customer's consent to `given` in the caller's transaction and, when that changed
/// it, logs the change: `Ok(true)` if it changed. The conditional UPDATE takes the row's lock,
/// so two concurrent changes log once.
pub(crate) async fn set_consent_in(
    conn: &mut AnyConnection,
    id: CustomerId,
    given: bool,
    via: ConsentVia,
    at: Timestamp,
) -> sqlx::Result<bool> {
    let flag = i64::from(given);
    let done = sqlx::query(
        "UPDATE customers SET consent_to_contact = $1, updated_at = $2 \
         WHERE id = $3 AND consent_to_contact <> $1",
    )
    .bind(flag)
    .bind(us(at))
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO customer_consent_log (customer_id, given, via, at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id.0)
    .bind(flag)
    .bind(via.as_str())
    .bind(us(at))
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

type HmacSha256 = Hmac<Sha256>;
use sha2::Sha256;

fn mac(key: &[u8], id: CustomerId) -> HmacSha256 {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(b"tend-consent-withdrawal:");
    m.update(id.0.to_string().as_bytes());
    m
}

impl Store {
    /// Sets a customer's consent to later contact, logging the change in the same
    /// transaction; `Ok(true)` if it changed, `Ok(false)` if it was so already.
    /// Errors: `NotFound("customer")`.
    pub async fn set_consent(
        &self,
        id: CustomerId,
        given: bool,
        via: ConsentVia,
        at: Timestamp,
    ) -> StoreResult<bool> {
        let mut tx = self.write().begin().await?;
        let changed = set_consent_in(&mut tx, id, given, via, at).await?;
        if !changed {
            let exists = sqlx::query("SELECT 1 AS one FROM customers WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
            exists.ok_or(StoreError::NotFound("customer"))?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// A customer's consent log, oldest first.
    pub async fn consent_log(&self, id: CustomerId) -> StoreResult<Vec<ConsentEntry>> {
        let rows = sqlx::query(
            "SELECT given, via, at FROM customer_consent_log WHERE customer_id = $1 ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let via: String = r.try_get("via")?;
                Ok(ConsentEntry {
                    given: r.try_get::<i64, _>("given")? != 0,
                    via: ConsentVia::parse(&via).ok_or_else(|| {
                        StoreError::Database(sqlx::Error::Decode(
                            format!("customer_consent_log.via: {via:?}").into(),
                        ))
                    })?,
                    at: ts(r.try_get("at")?),
                })
            })
            .collect()
    }

    /// The token of a customer's withdrawal link.
    pub async fn consent_token(&self, id: CustomerId) -> StoreResult<String> {
        let key = self.status_key().await?;
        let tag = mac(&key, id).finalize().into_bytes();
        Ok(format!("{}.{}", id.0, URL_SAFE_NO_PAD.encode(tag)))
    }

    /// The customer a withdrawal token names, or `None` when it is malformed or forged
    /// (compared in constant time).
    pub async fn customer_for_consent_token(&self, token: &str) -> StoreResult<Option<CustomerId>> {
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
        let id = CustomerId(id);
        Ok(mac(&key, id).verify_slice(&tag).is_ok().then_some(id))
    }
}
