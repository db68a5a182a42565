//! The log of mail received (`inbound_mail`, append-only): every message kept raw with what
//! became of it, the Message-IDs that thread later mail, and the count behind the per-sender
//! limit on new complaints.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::ComplaintId;

use crate::kernel::error::StoreResult;
use crate::kernel::time::us;
use crate::store::Store;

/// One message received and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboundMail {
    pub received_at: Timestamp,
    /// The envelope's `MAIL FROM` (empty for `<>`).
    pub envelope_from: String,
    /// The `From` address, lower case, if there was one.
    pub sender: Option<String>,
    /// `<…>`, if the message had one.
    pub message_id: Option<String>,
    pub subject: Option<String>,
    /// The bytes as they arrived.
    pub raw: Vec<u8>,
    /// `threaded`, `created`, `automatic`, `own`, `rate_limited`, `duplicate` or `unreadable`.
    pub outcome: &'static str,
    /// More on the outcome, e.g. which header made it automatic.
    pub why: Option<String>,
    pub complaint_id: Option<ComplaintId>,
    /// SPF, DKIM and DMARC, as checked when it came.
    pub auth: MailAuthResult,
    /// Why it was held beyond its outcome: `dmarc_failed` (logged as `automatic`).
    pub held_reason: Option<&'static str>,
}

/// SPF, DKIM and DMARC results of a message (`pass`, `fail`, `softfail`, `neutral`, `none`,
/// `temperror`, `permerror`; `None` when not checked) and the DMARC policy its From domain
/// publishes (`none`, `quarantine`, `reject`; `None` without a record).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailAuthResult {
    pub spf: Option<String>,
    pub dkim: Option<String>,
    pub dmarc: Option<String>,
    pub dmarc_policy: Option<String>,
}

impl MailAuthResult {
    pub(crate) fn read(r: &sqlx::any::AnyRow) -> sqlx::Result<MailAuthResult> {
        Ok(MailAuthResult {
            spf: r.try_get("spf")?,
            dkim: r.try_get("dkim")?,
            dmarc: r.try_get("dmarc")?,
            dmarc_policy: r.try_get("dmarc_policy")?,
        })
    }
}

/// A message received as the managers' page lists it (see [`InboundMail`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedSummary {
    pub received_at: Timestamp,
    pub sender: Option<String>,
    pub subject: Option<String>,
    pub outcome: String,
    pub why: Option<String>,
    pub complaint_id: Option<ComplaintId>,
    /// Why it was held beyond its outcome: `dmarc_failed`.
    pub held_reason: Option<String>,
    pub auth: MailAuthResult,
}

/// Erases the mail received from `email` or about any of `complaints` (anonymisation, in its
/// transaction): the raw message, its subject and its senders are blanked; that a message
/// came, when and what became of it stay.
pub(crate) async fn erase_inbound(
    conn: &mut sqlx::AnyConnection,
    email: Option<&str>,
    complaints: &[i64],
) -> sqlx::Result<()> {
    const ERASE: &str =
        "UPDATE inbound_mail SET raw = '', envelope_from = '', sender = NULL, subject = NULL";
    if let Some(email) = email {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ERASE} WHERE lower(sender) = lower($1) OR lower(envelope_from) = lower($1)"
        )))
        .bind(email.to_owned())
        .execute(&mut *conn)
        .await?;
    }
    for &c in complaints {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ERASE} WHERE complaint_id = $1"
        )))
        .bind(c)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Logs message `m` on `conn`; returns its id.
pub(crate) async fn insert_log(
    conn: &mut sqlx::AnyConnection,
    m: &InboundMail,
) -> StoreResult<i64> {
    let row = sqlx::query(
        "INSERT INTO inbound_mail (received_at, envelope_from, sender, message_id, subject, \
         size, raw, outcome, why, complaint_id, spf, dkim, dmarc, dmarc_policy, held_reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
         RETURNING id",
    )
    .bind(us(m.received_at))
    .bind(m.envelope_from.clone())
    .bind(m.sender.clone())
    .bind(m.message_id.clone())
    .bind(m.subject.clone())
    .bind(m.raw.len() as i64)
    .bind(STANDARD.encode(&m.raw))
    .bind(m.outcome)
    .bind(m.why.clone())
    .bind(m.complaint_id.map(|c| c.0))
    .bind(m.auth.spf.clone())
    .bind(m.auth.dkim.clone())
    .bind(m.auth.dmarc.clone())
    .bind(m.auth.dmarc_policy.clone())
    .bind(m.held_reason)
    .fetch_one(&mut *conn)
    .await?;
    Ok(row.try_get("id")?)
}

impl Store {
    /// Logs a message received; returns its id.
    pub async fn record_inbound(&self, m: &InboundMail) -> StoreResult<i64> {
        let mut conn = self.write().acquire().await?;
        insert_log(&mut conn, m).await
    }

    /// How many complaints mail from `sender` created since `since`.
    pub async fn complaints_created_by_mail(
        &self,
        sender: &str,
        since: Timestamp,
    ) -> StoreResult<i64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM inbound_mail WHERE sender = $1 AND received_at >= $2 \
             AND outcome = 'created'",
        )
        .bind(sender.to_owned())
        .bind(us(since))
        .fetch_one(self.write())
        .await?;
        Ok(row.try_get("n")?)
    }

    /// The latest `limit` messages received, newest first, without their raw bytes.
    pub async fn recent_inbound(&self, limit: u32) -> StoreResult<Vec<ReceivedSummary>> {
        let rows = sqlx::query(
            "SELECT received_at, sender, subject, outcome, why, complaint_id, held_reason, spf, \
             dkim, dmarc, dmarc_policy FROM inbound_mail ORDER BY id DESC LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ReceivedSummary {
                    received_at: crate::kernel::time::ts(r.try_get("received_at")?),
                    sender: r.try_get("sender")?,
                    subject: r.try_get("subject")?,
                    outcome: r.try_get("outcome")?,
                    why: r.try_get("why")?,
                    complaint_id: r
                        .try_get::<Option<i64>, _>("complaint_id")?
                        .map(ComplaintId),
                    held_reason: r.try_get("held_reason")?,
                    auth: MailAuthResult::read(r)?,
                })
            })
            .collect()
    }

    /// The raw bytes of every message received, oldest first, with their outcome (for
    /// re-parsing and tests).
    pub async fn inbound_mail(&self) -> StoreResult<Vec<(String, Option<i64>, Vec<u8>)>> {
        let rows = sqlx::query("SELECT outcome, complaint_id, raw FROM inbound_mail ORDER BY id")
            .fetch_all(self.read())
            .await?;
        rows.iter()
            .map(|r| {
                let raw: String = r.try_get("raw")?;
                Ok((
                    r.try_get("outcome")?,
                    r.try_get("complaint_id")?,
                    STANDARD.decode(raw).unwrap_or_default(),
                ))
            })
            .collect()
    }

    /// Every message received, oldest first: outcome, why it was held, its checks (tests).
    pub async fn inbound_auth(&self) -> StoreResult<Vec<(String, Option<String>, MailAuthResult)>> {
        let rows = sqlx::query(
            "SELECT outcome, held_reason, spf, dkim, dmarc, dmarc_policy FROM inbound_mail \
             ORDER BY id",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("outcome")?,
                    r.try_get("held_reason")?,
                    MailAuthResult::read(r)?,
                ))
            })
            .collect()
    }

    /// The sender checks of the mail that went into complaint `c`, oldest first: its outcome
    /// (`created` opened the complaint), Message-ID and results; only mail that was checked.
    pub async fn mail_checks(
        &self,
        c: ComplaintId,
    ) -> StoreResult<Vec<(String, Option<String>, MailAuthResult)>> {
        let rows = sqlx::query(
            "SELECT outcome, message_id, spf, dkim, dmarc, dmarc_policy FROM inbound_mail \
             WHERE complaint_id = $1 AND dmarc IS NOT NULL ORDER BY id",
        )
        .bind(c.0)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("outcome")?,
                    r.try_get("message_id")?,
                    MailAuthResult::read(r)?,
                ))
            })
            .collect()
    }
}
