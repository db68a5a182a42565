//! The conversation on a complaint: replies, notes and the customer's messages
//! (`complaint_messages`, append-only by trigger), read together with the customer's
//! status-page messages kept as steps with no author; writing a message (`write`) and the
//! signed Message-IDs that thread mail (`thread`).

mod attachments;
mod canned;
mod inbound;
mod quarantine;
mod taken;
mod thread;
mod write;

pub use attachments::{NewAttachment, StoredAttachment};
pub use canned::CannedReply;
pub(crate) use inbound::erase_inbound;
pub use inbound::{InboundMail, MailAuthResult, ReceivedSummary};
pub use quarantine::{HeldMail, Review};
pub use taken::Taking;
pub(crate) use taken::write_taking;
pub use write::NewMessage;

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::conversations::{MessageKind, Via};
use tend_domain::kernel::ids::{ComplaintId, EmployeeId};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::ts;
use crate::store::Store;

/// One message of a conversation, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMessage {
    /// The message's id; `None` for a customer's status-page message, which is kept as a step
    /// (its id is then `step_id`).
    pub id: Option<i64>,
    pub step_id: Option<i64>,
    pub complaint_id: ComplaintId,
    /// When it was written or received (UTC).
    pub at: Timestamp,
    pub kind: MessageKind,
    pub via: Via,
    /// The employee who wrote a reply or note, with their name; `None` for the customer.
    pub author: Option<(EmployeeId, String)>,
    pub body: String,
    /// The Message-ID it left or arrived with, `<…>` included.
    pub message_id: Option<String>,
}

fn kind(raw: &str) -> StoreResult<MessageKind> {
    MessageKind::parse(raw).map_err(|_| bad(format!("kind {raw:?}")))
}

fn bad(what: String) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(
        format!("complaint_messages: {what}").into(),
    ))
}

impl Store {
    /// A complaint's conversation, oldest first (ties in insertion order): its messages and
    /// the customer's status-page messages. With `public_only`, notes are left out — what
    /// the customer may see.
    pub async fn conversation(
        &self,
        id: ComplaintId,
        public_only: bool,
    ) -> StoreResult<Vec<StoredMessage>> {
        let rows = sqlx::query(
            "SELECT m.id, m.at, m.kind, m.via, m.author_id, e.name AS author_name, m.body, m.message_id \
             FROM complaint_messages m LEFT JOIN employees e ON e.id = m.author_id \
             WHERE m.complaint_id = $1 ORDER BY m.id",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        let mut all = Vec::with_capacity(rows.len());
        for r in &rows {
            let kind = kind(&r.try_get::<String, _>("kind")?)?;
            if public_only && !kind.public() {
                continue;
            }
            let via: String = r.try_get("via")?;
            let author: Option<i64> = r.try_get("author_id")?;
            let name: Option<String> = r.try_get("author_name")?;
            all.push(StoredMessage {
                id: Some(r.try_get("id")?),
                step_id: None,
                complaint_id: id,
                at: ts(r.try_get("at")?),
                kind,
                via: Via::from_stored(&via).ok_or_else(|| bad(format!("via {via:?}")))?,
                author: author.map(|a| (EmployeeId(a), name.unwrap_or_default())),
                body: r.try_get("body")?,
                message_id: r.try_get("message_id")?,
            });
        }
        for (step, at, author, text) in self.steps(id).await? {
            if author.is_none() {
                all.push(StoredMessage {
                    id: None,
                    step_id: Some(step),
                    complaint_id: id,
                    at,
                    kind: MessageKind::Customer,
                    via: Via::StatusPage,
                    author: None,
                    body: text,
                    message_id: None,
                });
            }
        }
        // Stable: messages of one instant keep their order within each table.
        all.sort_by_key(|m| m.at);
        Ok(all)
    }

    /// One message of a complaint by its id.
    pub async fn message(&self, complaint: ComplaintId, id: i64) -> StoreResult<StoredMessage> {
        self.conversation(complaint, false)
            .await?
            .into_iter()
            .find(|m| m.id == Some(id))
            .ok_or(StoreError::NotFound("message"))
    }
}
