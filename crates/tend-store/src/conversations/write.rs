//! Writing a message of the conversation. A reply is the first response to the customer if
//! none was recorded yet — the same `first_response_at` the method's steps set, through the
//! one change path (`change_complaint_all`), in the message's transaction, with the jobs it
//! sets off (the mail to the customer).

use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::DomainError;
use tend_domain::complaints::timeline::Change;
use tend_domain::complaints::{ComplaintRecord, Status};
use tend_domain::conversations::{MessageBody, MessageKind, Via};
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::*;

use crate::complaints::{Actor, Complaint, Entry, Write};
use crate::jobs::{NewJob, insert_many};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

use super::Taking;

/// A message to store: what it is, where it came from and its body as typed (validated here
/// as a [`MessageBody`]); `message_id` for one that arrived by mail.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub kind: MessageKind,
    pub via: Via,
    pub body: String,
    pub message_id: Option<String>,
    /// Files it carries (already stored by hash), recorded in the message's transaction.
    pub attachments: Vec<super::NewAttachment>,
}

async fn insert(
    conn: &mut AnyConnection,
    id: ComplaintId,
    author: Option<i64>,
    m: &NewMessage,
    body: &str,
    now: Timestamp,
) -> StoreResult<i64> {
    let row = sqlx::query(
        "INSERT INTO complaint_messages (complaint_id, at, kind, via, author_id, body, message_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(id.0)
    .bind(us(now))
    .bind(m.kind.as_str())
    .bind(m.via.as_str())
    .bind(author)
    .bind(body.to_owned())
    .bind(m.message_id.clone())
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| StoreError::unique(e, "message_id", DUPLICATE_MESSAGE))?;
    Ok(row.try_get("id")?)
}

impl Store {
    /// Adds a message to complaint `id` by `actor` (the customer's messages: an actor with no
    /// employee) at `now`, in one transaction with: for a reply, the first response recorded
    /// if none was (a reply to a closed complaint is refused with `closed`); `jobs(message id)`
    /// stored beside it; a timeline entry `message_added` naming the kind (never the body). The
    /// complaint's version goes up by one (two when the first response is recorded). Returns
    /// the message's id, the record before and the complaint after.
    pub async fn add_message(
        &self,
        id: ComplaintId,
        actor: &Actor,
        message: NewMessage,
        now: Timestamp,
        jobs: impl FnOnce(i64) -> Vec<NewJob> + Send + 'static,
    ) -> StoreResult<(i64, ComplaintRecord, Complaint)> {
        self.add_message_taking(id, actor, message, None, None, now, jobs)
            .await
    }

    /// [`Store::add_message`] for a message that arrived by mail: `taking` (its Message-ID
    /// taken, its log entry) is written in the message's transaction, so a Message-ID taken
    /// already refuses the message with `Conflict { field: "message_id" }`, storing nothing;
    /// `then`, a change the message makes to the complaint (the customer's answer ending a
    /// wait on them), is made after it in the same transaction, on the timeline after it.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_message_taking(
        &self,
        id: ComplaintId,
        actor: &Actor,
        message: NewMessage,
        taking: Option<Taking>,
        then: Option<Entry<'static>>,
        now: Timestamp,
        jobs: impl FnOnce(i64) -> Vec<NewJob> + Send + 'static,
    ) -> StoreResult<(i64, ComplaintRecord, Complaint)> {
        let body = MessageBody::parse(&message.body)
            .map_err(|r| StoreError::field("body", r))?
            .into_string();
        let now = tend_domain::kernel::clock::micros(now);
        let before = Arc::new(Mutex::new(None));
        let seen = before.clone();
        let kind = message.kind;
        let read = Box::new(move |r: &mut ComplaintRecord| -> Result<(), DomainError> {
            *seen.lock().expect("before lock") = Some(r.clone());
            if kind == MessageKind::Reply {
                if r.status == Status::Closed {
                    return Err(DomainError::Transition {
                        action: "reply",
                        field: "kind",
                        reason: CLOSED.into(),
                    });
                }
                r.understanding.first_response_at.get_or_insert(now);
            }
            Ok(())
        });
        let made = Arc::new(Mutex::new(None));
        let out = made.clone();
        let (author, engine) = (actor.id.map(|e| e.0), self.engine());
        let write = Write {
            action: "message_added",
            changes: vec![Change {
                field: "messages",
                old: None,
                new: Some(kind.as_str().to_owned()),
            }],
            write: Box::new(move |conn: &mut AnyConnection| {
                Box::pin(async move {
                    let mid = insert(conn, id, author, &message, &body, now).await?;
                    let files = &message.attachments;
                    super::attachments::insert(conn, id, Some(mid), files, now).await?;
                    if let Some(t) = &taking {
                        super::write_taking(conn, t, id, now).await?;
                    }
                    insert_many(conn, engine, &jobs(mid), now).await?;
                    *out.lock().expect("message lock") = Some(mid);
                    Ok(())
                })
            }),
        };
        let mut entries = vec![Entry::Change("replied", read), Entry::Write(write)];
        entries.extend(then);
        let after = self
            .change_complaint_all(id, None, actor, now, entries)
            .await?;
        let mid = made.lock().expect("message lock").take();
        let before = before.lock().expect("before lock").take();
        match (mid, before) {
            (Some(mid), Some(before)) => Ok((mid, before, after)),
            _ => Err(StoreError::NotFound("complaint")),
        }
    }
}
