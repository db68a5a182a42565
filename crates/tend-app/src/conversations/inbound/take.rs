//! A message taken into a complaint: what it writes in that complaint's transaction (its
//! Message-ID taken, its log entry, its files), joining a complaint's conversation, and the
//! answer when its Message-ID was taken already (a duplicate).

use jiff::Timestamp;
use tend_domain::conversations::{MessageKind, Via};
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{InboundMail, NewAttachment, NewMessage, StoreError, StoreResult, Taking};

use super::{Decision, customer};
use crate::AppState;
use crate::complaints::{after_change, answer};

/// What the message taken into a complaint writes in that complaint's transaction: its
/// Message-ID taken, its log entry as `outcome` when `keep` (a message released from the
/// quarantine was logged when it came), and `files`.
pub(super) fn taking(
    log: &InboundMail,
    outcome: &'static str,
    keep: bool,
    files: Vec<NewAttachment>,
) -> Taking {
    Taking {
        message_id: log.message_id.clone(),
        log: keep.then(|| InboundMail {
            outcome,
            ..log.clone()
        }),
        attachments: files,
    }
}

/// The message was taken already (its Message-ID is): a duplicate of the complaint it went
/// into (`fallback` if that cannot be read).
pub(super) async fn duplicate(
    s: &AppState,
    log: &InboundMail,
    fallback: Option<ComplaintId>,
) -> StoreResult<Decision> {
    let taken = match &log.message_id {
        Some(id) => s.store.complaint_for_inbound_id(id).await?,
        None => None,
    };
    Ok(("duplicate", None, taken.or(fallback)))
}

/// Adds the message to complaint `c`'s conversation with `files`, logged in its transaction
/// when `keep` (see [`taking`]); a complaint waiting on the customer is answered in the same
/// transaction (`customer_replied`, see `complaints::answer`) and its watcher re-armed.
pub(super) async fn join(
    s: &AppState,
    c: ComplaintId,
    log: &InboundMail,
    body: String,
    files: Vec<NewAttachment>,
    keep: bool,
    now: Timestamp,
) -> StoreResult<Decision> {
    let message = NewMessage {
        kind: MessageKind::Customer,
        via: Via::Email,
        body: if body.is_empty() { "—".into() } else { body },
        message_id: log.message_id.clone(),
        attachments: files,
    };
    let taken = taking(log, "threaded", keep, Vec::new());
    let hours = answer::hours_of(s, c).await?;
    // Another message joining the complaint meanwhile changed it: try again.
    let mut tries = 0;
    let added = loop {
        let (message, taken) = (message.clone(), Some(taken.clone()));
        let then = Some(answer::ends_wait_entry(hours.clone(), now));
        let added = s
            .store
            .add_message_taking(c, &customer(), message, taken, then, now, |_| Vec::new())
            .await;
        match added {
            Err(StoreError::Conflict {
                field: "version", ..
            }) if tries < answer::TRIES => tries += 1,
            added => break added,
        }
    };
    match added {
        Ok((_, before, after)) => after_change(s, &before, &after, now).await?,
        Err(StoreError::Conflict {
            field: "message_id",
            ..
        }) => return duplicate(s, log, Some(c)).await,
        Err(e) => return Err(e),
    }
    Ok(("threaded", None, Some(c)))
}
