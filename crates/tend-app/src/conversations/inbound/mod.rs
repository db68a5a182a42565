//! Mail coming in: each message is parsed (mail-parser: MIME, RFC 2047, charsets), logged raw
//! with what became of it, and then — unless it is from Tend itself or from a machine —
//! threaded into its complaint's conversation or taken as a new complaint on channel
//! `email`. Threading, in order: a Message-ID of ours in `In-Reply-To`/`References` whose HMAC
//! verifies; a Message-ID received before; the reference in the subject, only when the sender
//! is that complaint's customer. Nothing in a message's headers sets a status or an author.
//! Each message's SPF, DKIM and DMARC are checked first (see [`super::auth`]); one that fails
//! DMARC where its domain asks to quarantine or reject is held in the quarantine.
//! A delivery failure report about one of Tend's own messages is recorded first (see
//! [`bounce`]: a survey invitation that bounced no longer counts as delivered).

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use mail_parser::{Message, MessageParser, MimeHeaders};
use tend_domain::conversations::inbound::{automatic, clean, one_line};
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{Actor, InboundMail, NewAttachment, StoreError, StoreResult};

pub mod bounce;
mod release;
mod route;
mod take;

pub use release::release;
use route::{create, thread};
use take::{duplicate, join, taking};

use super::auth::MailAuth;
use super::files::{self, Upload};
use crate::AppState;

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
                let decided = decide(s, cfg, &m, envelope_from, &log, files, true, now).await?;
                (log.outcome, log.why, log.complaint_id) = decided;
            }
            Err(StoreError::Domain(e)) => {
                let why = format!("refused: {e}");
                (log.why, refused) = (Some(why.clone()), Some(why));
            }
            Err(e) => return Err(e),
        }
    }
    // A message taken into a complaint was logged in that complaint's transaction.
    if !matches!(log.outcome, "created" | "threaded") {
        s.store.record_inbound(&log).await?;
    }
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

type Decision = (&'static str, Option<String>, Option<ComplaintId>);

/// Where the message goes (see the module's documentation); one taken into a complaint is
/// logged in that complaint's transaction when `keep`.
#[allow(clippy::too_many_arguments)]
async fn decide(
    s: &AppState,
    cfg: &MailIn,
    m: &Message<'_>,
    envelope_from: &str,
    log: &InboundMail,
    files: Vec<NewAttachment>,
    keep: bool,
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
    if ct.eq_ignore_ascii_case("multipart/report") {
        bounce::record(s, m, now).await?;
    }
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
        return join(s, c, log, body, files, keep, now).await;
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
    let taken = taking(log, "created", keep, files);
    match create(s, m, &sender, log, body, received, now, taken).await {
        Ok(c) => Ok(("created", None, Some(c))),
        Err(StoreError::Conflict {
            field: "message_id",
            ..
        }) => duplicate(s, log, None).await,
        Err(StoreError::Domain(e)) => Ok(("unreadable", Some(e.to_string()), None)),
        Err(e) => Err(e),
    }
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
