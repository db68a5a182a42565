//! Mail coming in: each message is parsed (mail-parser: MIME, RFC 2047, charsets), logged raw
//! with what became of it, and then — unless it is from Tend itself or from a machine —
//! threaded into its complaint's conversation or taken as a new complaint on channel
//! `email`. Threading, in order: a Message-ID of ours in `In-Reply-To`/`References` whose HMAC
//! verifies; a Message-ID received before; the reference in the subject, only when the sender
//! is that complaint's customer. Nothing in a message's headers sets a status or an author.
//! Each message's SPF, DKIM and DMARC are checked first (see [`super::auth`]); one that fails
//! DMARC where its domain asks to quarantine or reject is held in the quarantine.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use mail_parser::{Message, MessageParser, MimeHeaders};
use tend_domain::complaints::lifecycle::Action;
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Kind};
use tend_domain::conversations::inbound::{automatic, clean, one_line, reference_in_subject};
use tend_domain::conversations::{MessageKind, Via};
use tend_domain::customers::CustomerDraft;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::{ComplaintId, CustomerId};
use tend_domain::kernel::text::Email;
use tend_domain::transactions::CustomerKey;
use tend_store::{Actor, InboundMail, NewAttachment, NewMessage, Review, StoreError, StoreResult};

use super::auth::MailAuth;
use super::files::{self, Upload};
use crate::AppState;
use crate::complaints::{Complainant, act, find_by_id_or_reference, take_with_customer};

/// How mail is taken in.
#[derive(Debug, Clone)]
pub struct MailIn {
    /// Tend's own addresses (lower case): mail from them is ignored.
    pub own_addresses: Vec<String>,
    /// New complaints one sender may start by mail per hour; more are logged, not taken.
    pub new_per_hour: i64,
    /// Whether the holding rules apply (automatic mail, the sender's limits); off only to
    /// release a message from the quarantine.
    pub hold: bool,
    /// SPF, DKIM and DMARC checks; none: not checked (results left empty).
    pub auth: Option<Arc<MailAuth>>,
}

/// New complaints one sender may start by mail per hour, by default.
pub const NEW_PER_HOUR: i64 = 5;

impl MailIn {
    /// Mail in for a Tend that sends as `from` (`Name <a@b>` or `a@b`, as `mail.from`), with
    /// the default limit.
    pub fn for_sender(from: &str) -> MailIn {
        let address = match (from.rfind('<'), from.rfind('>')) {
            (Some(a), Some(b)) if a < b => &from[a + 1..b],
            _ => from,
        };
        MailIn {
            own_addresses: vec![address.trim().to_ascii_lowercase()],
            new_per_hour: NEW_PER_HOUR,
            hold: true,
            auth: None,
        }
    }
}

/// What became of a message: `InboundMail::outcome`, and its complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub outcome: &'static str,
    pub complaint: Option<ComplaintId>,
    /// Why the message was refused (its files over the limits), in English for the sender's
    /// server: the listener answers 552 with it.
    pub refused: Option<String>,
}

/// The message's attachments as they arrived: name (`attachment` when it has none), declared
/// type, bytes.
fn uploads(m: &Message<'_>) -> Vec<Upload> {
    m.attachments()
        .map(|a| Upload {
            name: a.attachment_name().unwrap_or("attachment").to_owned(),
            declared_type: a.content_type().map_or(String::new(), |c| {
                format!("{}/{}", c.ctype(), c.subtype().unwrap_or(""))
            }),
            bytes: a.contents().to_vec(),
        })
        .collect()
}

/// The customer as the timeline names them.
fn customer() -> Actor {
    Actor::system("customer")
}

/// Every Message-ID the message answers, latest first, each `<…>`.
fn answered(m: &Message<'_>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for h in [m.in_reply_to(), m.references()] {
        for id in h.as_text_list().unwrap_or_default() {
            ids.push(format!("<{}>", id.trim_matches(['<', '>', ' '])));
        }
    }
    ids.reverse();
    ids
}

/// Receives one message whose envelope sender is `envelope_from` (empty for `<>`).
/// Errors are the store's: the caller answers "try again later" and nothing half-done stays
/// but the message's own log entry.
pub async fn receive(
    s: &AppState,
    cfg: &MailIn,
    envelope_from: &str,
    raw: &[u8],
) -> StoreResult<Received> {
    let now = s.clock.now();
    let mut log = InboundMail {
        received_at: now,
        envelope_from: envelope_from.to_owned(),
        sender: None,
        message_id: None,
        subject: None,
        raw: raw.to_vec(),
        outcome: "unreadable",
        why: None,
        complaint_id: None,
        auth: Default::default(),
        held_reason: None,
    };
    if let Some(auth) = &cfg.auth {
        log.auth = auth.check(raw, envelope_from).await;
    }
    let mut refused = None;
    if let Some(m) = MessageParser::default().parse(raw) {
        read_headers(&m, &mut log);
        match files::prepare(s.files(), uploads(&m)).await {
            Ok(_) if cfg.hold && dmarc_holds(&log) => {
                let policy = log.auth.dmarc_policy.clone().unwrap_or_default();
                (log.outcome, log.held_reason) = ("automatic", Some("dmarc_failed"));
                log.why = Some(format!("DMARC failed; the domain's policy is {policy}"));
            }
            Ok(files) => {
                let decided = decide(s, cfg, &m, envelope_from, &log, files, now).await?;
                (log.outcome, log.why, log.complaint_id) = decided;
            }
            Err(StoreError::Domain(e)) => {
                let why = format!("refused: {e}");
                (log.why, refused) = (Some(why.clone()), Some(why));
            }
            Err(e) => return Err(e),
        }
    }
    s.store.record_inbound(&log).await?;
    metrics::counter!("tend_mail_received_total", "outcome" => log.outcome).increment(1);
    Ok(Received {
        outcome: log.outcome,
        complaint: log.complaint_id,
        refused,
    })
}

/// Whether DMARC failed for a domain that asks receivers to quarantine or reject such mail:
/// then the message is held in the quarantine (outcome `automatic`, `dmarc_failed`).
fn dmarc_holds(log: &InboundMail) -> bool {
    log.auth.dmarc.as_deref() == Some("fail")
        && matches!(
            log.auth.dmarc_policy.as_deref(),
            Some("quarantine" | "reject")
        )
}

/// The sender, Message-ID and subject of `m`, into `log`.
fn read_headers(m: &Message<'_>, log: &mut InboundMail) {
    log.sender = (m.from().and_then(|a| a.first()))
        .and_then(|a| a.address())
        .map(|a| a.trim().to_ascii_lowercase());
    log.message_id = m.message_id().map(|id| format!("<{id}>"));
    log.subject = m.subject().map(|x| one_line(x, 500));
}

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
    let (_, why, complaint) = decide(s, &cfg, &m, &envelope_from, &log, files, now).await?;
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

type Decision = (&'static str, Option<String>, Option<ComplaintId>);

async fn decide(
    s: &AppState,
    cfg: &MailIn,
    m: &Message<'_>,
    envelope_from: &str,
    log: &InboundMail,
    files: Vec<NewAttachment>,
    now: Timestamp,
) -> StoreResult<Decision> {
    let hold = cfg.hold;
    let envelope = envelope_from.trim_matches(['<', '>']).to_ascii_lowercase();
    let own = |a: &str| cfg.own_addresses.iter().any(|o| o == a);
    if own(&envelope) || log.sender.as_deref().is_some_and(own) {
        return Ok(("own", None, None));
    }
    let ct = m.content_type().map_or("text/plain".to_owned(), |c| {
        format!("{}/{}", c.ctype(), c.subtype().unwrap_or(""))
    });
    let header = |name: &str| m.header_raw(name).map(|v| v.trim().to_owned());
    if hold && let Some(why) = automatic(header, &ct, &envelope) {
        return Ok(("automatic", Some(why.as_str().to_owned()), None));
    }
    let Some(sender) = log.sender.clone() else {
        return Ok(("unreadable", Some("no From address".into()), None));
    };
    let hour_ago = now - SignedDuration::from_hours(1);
    if hold {
        let limit = s.store.mail_in_limit().await?;
        if s.store.mail_from_sender_since(&sender, hour_ago).await? >= limit {
            let why = format!("more than {limit} messages an hour");
            return Ok(("rate_limited", Some(why), None));
        }
    }
    if let Some(id) = &log.message_id
        && let Some(c) = s.store.complaint_for_inbound_id(id).await?
    {
        return Ok(("duplicate", None, Some(c)));
    }
    let body = clean(&m.body_text(0).unwrap_or_default(), 10_000);
    let body = if body.is_empty() {
        log.subject.clone().unwrap_or_default()
    } else {
        body
    };
    if let Some(c) = thread(s, m, &sender, log).await? {
        let message = NewMessage {
            kind: MessageKind::Customer,
            via: Via::Email,
            body: if body.is_empty() { "—".into() } else { body },
            message_id: log.message_id.clone(),
            attachments: files,
        };
        let added = s
            .store
            .add_message(c, &customer(), message, now, |_| Vec::new())
            .await;
        match added {
            Ok((_, _, after)) if after.record.waiting.is_some() => {
                act(
                    s,
                    c,
                    None,
                    &customer(),
                    Action::CustomerReplied { note: None },
                )
                .await?;
            }
            Ok(_) => {}
            Err(StoreError::Conflict { .. }) => return Ok(("duplicate", None, Some(c))),
            Err(e) => return Err(e),
        }
        return Ok(("threaded", None, Some(c)));
    }
    if hold
        && s.store
            .complaints_created_by_mail(&sender, hour_ago)
            .await?
            >= cfg.new_per_hour
    {
        return Ok(("rate_limited", None, None));
    }
    let received = m
        .date()
        .and_then(|d| Timestamp::from_second(d.to_timestamp()).ok())
        .filter(|d| *d <= now)
        .unwrap_or(now);
    match create(s, m, &sender, log, body, received, now).await {
        Ok(c) => {
            s.store.add_complaint_attachments(c, &files, now).await?;
            Ok(("created", None, Some(c)))
        }
        Err(StoreError::Domain(e)) => Ok(("unreadable", Some(e.to_string()), None)),
        Err(e) => Err(e),
    }
}

/// The complaint this message answers, if any (see the module's documentation).
async fn thread(
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
/// the message names them), received when the message says (never later than now).
async fn create(
    s: &AppState,
    m: &Message<'_>,
    sender: &str,
    log: &InboundMail,
    body: String,
    received: Timestamp,
    now: Timestamp,
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
    Ok(take_with_customer(s, from, record, customer(), now)
        .await?
        .id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_address_is_read_from_the_sender() {
        let m = MailIn::for_sender("Tend Support <Help@Example.com>");
        assert_eq!(m.own_addresses, ["help@example.com"]);
        assert_eq!(MailIn::for_sender("a@b.c").own_addresses, ["a@b.c"]);
    }
}
