//! The conversation on a complaint, the one way it changes: staff reply to the customer or
//! leave a note (`post`); a reply is the first response if none was recorded, and queues its
//! mail (`mail::MailReply`) in the same transaction. Canned replies filled in for a complaint
//! (`canned`); mail coming in (`inbound`) over the LMTP listener (`lmtp`) and IMAP (`imap`);
//! the daily sweep of attachment files no row names (`sweep`).

pub mod auth;
pub mod canned;
pub mod files;
pub mod imap;
pub mod inbound;
pub mod lmtp;
pub mod mail;
pub mod sweep;

use tend_domain::conversations::{MessageKind, Via};
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{Actor, Complaint, NewMessage, StoreResult};

use crate::AppState;
use crate::complaints::after_change;
use crate::jobs::new_job;
pub use mail::{MailReply, ReplyDue};

/// Adds a reply or a note by `actor` to complaint `id` (see `Store::add_message`): a reply
/// records the first response if none was, and queues the mail to the customer with it; the
/// watcher is re-armed when the first response changed. Returns the message's id and the
/// complaint after. Refusals: `body` empty or too long, `kind` on a closed complaint (reply).
pub async fn post(
    s: &AppState,
    id: ComplaintId,
    actor: &Actor,
    kind: MessageKind,
    body: &str,
) -> StoreResult<(i64, Complaint)> {
    post_with_files(s, id, actor, kind, body, Vec::new()).await
}

/// [`post`] with files: they are checked against the limits (refused on `files`) and stored
/// by hash before the message, then recorded in the message's transaction.
pub async fn post_with_files(
    s: &AppState,
    id: ComplaintId,
    actor: &Actor,
    kind: MessageKind,
    body: &str,
    files: Vec<files::Upload>,
) -> StoreResult<(i64, Complaint)> {
    let now = s.clock.now();
    let attachments = files::prepare(s.files(), files).await?;
    let message = NewMessage {
        kind,
        via: Via::Staff,
        body: body.to_owned(),
        message_id: None,
        attachments,
    };
    let jobs = move |message: i64| match kind {
        MessageKind::Reply => {
            let due = ReplyDue {
                complaint: id.0,
                message,
            };
            vec![new_job::<MailReply>(&due, now)]
        }
        MessageKind::Note | MessageKind::Customer => Vec::new(),
    };
    let (mid, before, after) = s.store.add_message(id, actor, message, now, jobs).await?;
    after_change(s, &before, &after, now).await?;
    Ok((mid, after))
}
