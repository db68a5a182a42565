//! Releasing a message held in the quarantine: delivered as if just received, past the rules
//! that held it, and the decision recorded and audited.

use mail_parser::MessageParser;
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{Actor, InboundMail, Review, StoreError, StoreResult};

use super::{MailIn, decide, files, read_headers, uploads};
use crate::AppState;

/// Delivers message `id` held in the quarantine as if it had just been received, past the
/// rules that held it (own address, automatic, the sender's limits): threaded into its
/// complaint or a new one. The decision is recorded and audited; returns the complaint.
/// `NotFound` unless it is waiting; `Conflict` when decided on meanwhile.
pub async fn release(s: &AppState, id: i64, by: &Actor) -> StoreResult<ComplaintId> {
    let now = s.clock.now();
    let (envelope_from, raw) = s.store.held_mail(id).await?;
    let m = MessageParser::default()
        .parse(&raw)
        .ok_or(StoreError::NotFound("held mail"))?;
    let mut log = InboundMail {
        received_at: now,
        envelope_from: envelope_from.clone(),
        sender: None,
        message_id: None,
        subject: None,
        raw: Vec::new(),
        outcome: "unreadable",
        why: None,
        complaint_id: None,
        auth: Default::default(),
        held_reason: None,
    };
    read_headers(&m, &mut log);
    let files = files::prepare(s.files(), uploads(&m)).await?;
    let cfg = MailIn {
        own_addresses: Vec::new(),
        new_per_hour: i64::MAX,
        hold: false,
        auth: None,
    };
    let (_, why, complaint) = decide(s, &cfg, &m, &envelope_from, &log, files, false, now).await?;
    let Some(c) = complaint else {
        let why = why.unwrap_or_default();
        let reason = tend_domain::kernel::reason::UNDELIVERABLE.with("why", why);
        return Err(StoreError::field("id", reason));
    };
    s.store
        .review_held_mail(id, Review::Released(c), by, now)
        .await?;
    Ok(c)
}
