//! Mail taken into a complaint, written in that complaint's own transaction (its group commit
//! for a new complaint, the message's change for a reply): the Message-ID marked taken
//! (`inbound_taken`, one row per Message-ID), the files a new complaint's mail carried, and the
//! message's log entry. A crash leaves either all of it or none, so a message delivered again
//! always finds its Message-ID taken; two deliveries at once: one commits, the other is refused
//! with a conflict on `message_id`.

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::DUPLICATE_MESSAGE;

use super::{InboundMail, NewAttachment};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

/// What a message taken into a complaint writes in that complaint's transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taking {
    /// Its Message-ID (`<…>`): taken, or the whole transaction is refused with
    /// `Conflict { field: "message_id" }`. `None`: a message without one (never deduplicated).
    pub message_id: Option<String>,
    /// Its log entry, stored with the complaint's id (`None`: logged already, e.g. a message
    /// released from the quarantine).
    pub log: Option<InboundMail>,
    /// Files recorded on the complaint with no message (the mail that opened it).
    pub attachments: Vec<NewAttachment>,
}

/// Writes `t` for complaint `id` at `now` on `conn` (inside the complaint's transaction).
pub(crate) async fn write_taking(
    conn: &mut AnyConnection,
    t: &Taking,
    id: ComplaintId,
    now: Timestamp,
) -> StoreResult<()> {
    if let Some(message_id) = &t.message_id {
        sqlx::query("INSERT INTO inbound_taken (message_id, complaint_id, at) VALUES ($1, $2, $3)")
            .bind(message_id.clone())
            .bind(id.0)
            .bind(us(now))
            .execute(&mut *conn)
            .await
            .map_err(|e| StoreError::unique(e, "message_id", DUPLICATE_MESSAGE))?;
    }
    super::attachments::insert(conn, id, None, &t.attachments, now).await?;
    if let Some(log) = &t.log {
        let log = InboundMail {
            complaint_id: Some(id),
            ..log.clone()
        };
        super::inbound::insert_log(conn, &log).await?;
    }
    Ok(())
}

impl Store {
    /// The complaint the message with Message-ID `id` was taken into (it created it or joined
    /// its conversation), if any.
    pub async fn complaint_for_inbound_id(&self, id: &str) -> StoreResult<Option<ComplaintId>> {
        let row = sqlx::query("SELECT complaint_id FROM inbound_taken WHERE message_id = $1")
            .bind(id.to_owned())
            .fetch_optional(self.write())
            .await?;
        Ok(match row {
            Some(r) => Some(ComplaintId(r.try_get("complaint_id")?)),
            None => None,
        })
    }
}
