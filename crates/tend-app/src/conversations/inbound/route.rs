//! Where a message goes: the complaint it answers (our Message-ID, one received before, or the
//! reference in the subject from that complaint's customer), else a new complaint.

use jiff::Timestamp;
use mail_parser::Message;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Kind};
use tend_domain::conversations::inbound::{one_line, reference_in_subject};
use tend_domain::customers::CustomerDraft;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::{ComplaintId, CustomerId};
use tend_domain::kernel::text::Email;
use tend_domain::transactions::CustomerKey;
use tend_store::{InboundMail, Rider, StoreError, StoreResult, Taking};

use super::{answered, customer};
use crate::AppState;
use crate::complaints::{Complainant, find_by_id_or_reference, take_riding};

/// The complaint this message answers, if any (see the module's documentation).
pub(super) async fn thread(
    s: &AppState,
    m: &Message<'_>,
    sender: &str,
    log: &InboundMail,
) -> StoreResult<Option<ComplaintId>> {
    for id in answered(m) {
        if let Some(c) = s.store.complaint_for_message_id(&id).await? {
            return Ok(Some(c));
        }
        if let Some(c) = s.store.complaint_for_inbound_id(&id).await? {
            return Ok(Some(c));
        }
    }
    let Some(reference) = log.subject.as_deref().and_then(reference_in_subject) else {
        return Ok(None);
    };
    let c = match find_by_id_or_reference(s, reference).await {
        Ok(c) => c,
        Err(StoreError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let owner = s.store.complaint(c).await?.record.customer_id;
    let email = s.store.customer(owner).await?.customer.email;
    let theirs = email.is_some_and(|e| e.to_string().eq_ignore_ascii_case(sender));
    Ok(theirs.then_some(c))
}

/// A new complaint from the message: its customer matched by address or created (named as
/// the message names them), received when the message says (never later than now), with
/// `taking` in its transaction.
#[allow(clippy::too_many_arguments)]
pub(super) async fn create(
    s: &AppState,
    m: &Message<'_>,
    sender: &str,
    log: &InboundMail,
    body: String,
    received: Timestamp,
    now: Timestamp,
    taking: Taking,
) -> StoreResult<ComplaintId> {
    let email = Email::parse(sender).map_err(|r| StoreError::field("email", r))?;
    let known = s
        .store
        .resolve_customers(&[&CustomerKey::Email(email)])
        .await?[0];
    let from = match known {
        Some(id) => Complainant::Existing(id),
        None => {
            let name = (m.from().and_then(|a| a.first()))
                .and_then(|a| a.name())
                .map(|n| one_line(n, 200))
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| sender.split('@').next().unwrap_or(sender).to_owned());
            let person = CustomerDraft {
                name: Some(name),
                email: Some(sender.to_owned()),
                preferred_channel: Some("email".into()),
                consent_to_contact: Some(false),
                ..Default::default()
            }
            .validate(s.year())?;
            Complainant::New(Box::new(person), ConsentVia::Api)
        }
    };
    let draft = ComplaintDraft {
        kind: Some(Kind::Complaint),
        customer_id: Some(CustomerId(0)),
        channel: Some("email".into()),
        received_at: Some(received),
        subject: log
            .subject
            .as_deref()
            .map(|x| one_line(x, 200))
            .filter(|x| !x.is_empty()),
        description: Some(if body.is_empty() { "—".into() } else { body }),
        ..Default::default()
    };
    let intake = draft.validate(now)?;
    let record = ComplaintRecord::received(intake, "email");
    let rider = Rider::Mail(Box::new(taking));
    Ok(take_riding(s, from, record, rider, customer(), now)
        .await?
        .id)
}
