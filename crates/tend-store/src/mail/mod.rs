//! The log of mail handed to the SMTP server, keyed by the event each message was about: what
//! lets the mail worker send an event's message once, and lets anyone see that it went.

use jiff::Timestamp;
use sqlx::Row;

use crate::jobs::JobId;
use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One message that went out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMail {
    pub event_key: String,
    pub kind: String,
    pub recipient: String,
    pub message_id: String,
    pub job_id: Option<JobId>,
    pub sent_at: Timestamp,
}

impl Store {
    /// Whether the message about `event_key` went out already.
    pub async fn mail_sent(&self, event_key: &str) -> StoreResult<bool> {
        let row = sqlx::query("SELECT 1 AS one FROM sent_mail WHERE event_key = $1")
            .bind(event_key.to_owned())
            .fetch_optional(self.write())
            .await?;
        Ok(row.is_some())
    }

    /// Records that the message about `m.event_key` went out; `false` if it was recorded
    /// already (another worker sent it too — the window the log cannot close).
    pub async fn record_mail_sent(&self, m: &SentMail) -> StoreResult<bool> {
        let done = sqlx::query(
            "INSERT INTO sent_mail (event_key, kind, recipient, message_id, job_id, sent_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_key) DO NOTHING",
        )
        .bind(m.event_key.clone())
        .bind(m.kind.clone())
        .bind(m.recipient.clone())
        .bind(m.message_id.clone())
        .bind(m.job_id.map(|j| j.0))
        .bind(us(m.sent_at))
        .execute(self.write())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The event key of Tend's own message whose `Message-ID` is `message_id` (`<…>`), if
    /// Tend sent one: how a bounce finds what it is about.
    pub async fn sent_mail_event(&self, message_id: &str) -> StoreResult<Option<String>> {
        let row = sqlx::query("SELECT event_key FROM sent_mail WHERE message_id = $1")
            .bind(message_id)
            .fetch_optional(self.read())
            .await?;
        Ok(row.map(|r| r.try_get("event_key")).transpose()?)
    }

    /// The latest `limit` messages sent, newest first.
    pub async fn sent_mail(&self, limit: u32) -> StoreResult<Vec<SentMail>> {
        let rows = sqlx::query(
            "SELECT event_key, kind, recipient, message_id, job_id, sent_at FROM sent_mail \
             ORDER BY sent_at DESC, event_key LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SentMail {
                    event_key: r.try_get("event_key")?,
                    kind: r.try_get("kind")?,
                    recipient: r.try_get("recipient")?,
                    message_id: r.try_get("message_id")?,
                    job_id: r.try_get::<Option<i64>, _>("job_id")?.map(JobId),
                    sent_at: ts(r.try_get("sent_at")?),
                })
            })
            .collect()
    }
}
