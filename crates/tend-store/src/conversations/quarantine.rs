//! The quarantine: mail the loop, size and sender rules set aside (`inbound_mail` with outcome
//! `automatic` or `rate_limited`) and no manager has decided on yet; a decision
//! (`inbound_mail_reviews`, one per message, append-only) releases it or deletes it (its raw
//! bytes, subject and senders erased), written with its audit row in one transaction. Mail
//! held because DMARC failed is logged `automatic` with `held_reason` `dmarc_failed`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::REVIEWED_ALREADY;

use super::inbound::MailAuthResult;
use crate::audit::{AuditAction, record};
use crate::complaints::Actor;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A message waiting in the quarantine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldMail {
    pub id: i64,
    pub received_at: Timestamp,
    pub sender: Option<String>,
    pub subject: Option<String>,
    /// `automatic` or `rate_limited`.
    pub outcome: String,
    pub why: Option<String>,
    /// In bytes, as it arrived.
    pub size: i64,
    /// Why it was held beyond its outcome: `dmarc_failed`.
    pub held_reason: Option<String>,
    /// Its SPF, DKIM and DMARC results.
    pub auth: MailAuthResult,
}

/// What a manager decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    /// Delivered into the complaint given.
    Released(ComplaintId),
    /// Its content erased.
    Deleted,
}

const WAITING: &str = "FROM inbound_mail m LEFT JOIN inbound_mail_reviews r ON r.inbound_id = m.id \
     WHERE r.id IS NULL AND m.outcome IN ('automatic', 'rate_limited')";

impl Store {
    /// The messages waiting in the quarantine, newest first, at most `limit`.
    pub async fn quarantine(&self, limit: u32) -> StoreResult<Vec<HeldMail>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT m.id, m.received_at, m.sender, m.subject, m.outcome, m.why, m.size, \
             m.held_reason, m.spf, m.dkim, m.dmarc, m.dmarc_policy {WAITING} \
             ORDER BY m.id DESC LIMIT $1"
        )))
        .bind(i64::from(limit))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(HeldMail {
                    id: r.try_get("id")?,
                    received_at: ts(r.try_get("received_at")?),
                    sender: r.try_get("sender")?,
                    subject: r.try_get("subject")?,
                    outcome: r.try_get("outcome")?,
                    why: r.try_get("why")?,
                    size: r.try_get("size")?,
                    held_reason: r.try_get("held_reason")?,
                    auth: MailAuthResult::read(r)?,
                })
            })
            .collect()
    }

    /// A waiting message's envelope sender and raw bytes; `NotFound` unless it is waiting.
    pub async fn held_mail(&self, id: i64) -> StoreResult<(String, Vec<u8>)> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT m.envelope_from, m.raw {WAITING} AND m.id = $1"
        )))
        .bind(id)
        .fetch_optional(self.write())
        .await?
        .ok_or(StoreError::NotFound("held mail"))?;
        let raw: String = row.try_get("raw")?;
        Ok((
            row.try_get("envelope_from")?,
            STANDARD.decode(raw).unwrap_or_default(),
        ))
    }

    /// Records `review` of waiting message `id` by `by` at `now`, with its audit row; deleting
    /// erases the message's content. A message decided on already is refused (`Conflict`,
    /// `reviewed_already`); one not held, `NotFound`.
    pub async fn review_held_mail(
        &self,
        id: i64,
        review: Review,
        by: &Actor,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        let held = sqlx::query(
            "SELECT outcome FROM inbound_mail WHERE id = $1 \
             AND outcome IN ('automatic', 'rate_limited')",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        if held.is_none() {
            return Err(StoreError::NotFound("held mail"));
        }
        let (decision, complaint, action) = match review {
            Review::Released(c) => ("released", Some(c.0), AuditAction::MailReleased),
            Review::Deleted => ("deleted", None, AuditAction::MailDeleted),
        };
        sqlx::query(
            "INSERT INTO inbound_mail_reviews (inbound_id, decision, by_id, at, complaint_id) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(decision)
        .bind(by.id.map(|e| e.0))
        .bind(us(now))
        .bind(complaint)
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::unique(e, "id", REVIEWED_ALREADY))?;
        if review == Review::Deleted {
            sqlx::query(
                "UPDATE inbound_mail SET raw = '', envelope_from = '', sender = NULL, \
                 subject = NULL WHERE id = $1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        let detail = complaint.map_or(String::new(), |c| format!("complaint={c}"));
        record(&mut tx, by, now, action, &format!("inbound {id}"), &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many messages one sender may send in an hour before the next are held.
    pub async fn mail_in_limit(&self) -> StoreResult<i64> {
        let row = sqlx::query("SELECT per_sender_per_hour FROM mail_in_settings WHERE id = 1")
            .fetch_one(self.read())
            .await?;
        Ok(row.try_get("per_sender_per_hour")?)
    }

    /// Sets the per-sender limit to `n` (1–10000, else refused on `per_sender_per_hour`), with
    /// its audit row, in one transaction.
    pub async fn set_mail_in_limit(&self, n: i64, by: &Actor, now: Timestamp) -> StoreResult<()> {
        if !(1..=10_000).contains(&n) {
            let reason = tend_domain::kernel::reason::OUT_OF_RANGE
                .with("min", 1)
                .with("max", 10_000)
                .with("got", n);
            return Err(StoreError::field("per_sender_per_hour", reason));
        }
        let mut tx = self.write().begin().await?;
        sqlx::query(
            "UPDATE mail_in_settings SET per_sender_per_hour = $1, updated_at = $2, \
             updated_by = $3 WHERE id = 1",
        )
        .bind(n)
        .bind(us(now))
        .bind(by.id.map(|e| e.0))
        .execute(&mut *tx)
        .await?;
        let detail = format!("per_sender_per_hour={n}");
        record(
            &mut tx,
            by,
            now,
            AuditAction::MailInLimitSet,
            "mail_in",
            &detail,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many messages `sender` sent since `since` (every outcome).
    pub async fn mail_from_sender_since(&self, sender: &str, since: Timestamp) -> StoreResult<i64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM inbound_mail WHERE sender = $1 AND received_at >= $2",
        )
        .bind(sender.to_owned())
        .bind(us(since))
        .fetch_one(self.write())
        .await?;
        Ok(row.try_get("n")?)
    }
}
