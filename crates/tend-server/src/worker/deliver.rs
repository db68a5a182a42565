//! Outgoing mail as jobs: one `mail` job per event and recipient, sent only while the event's
//! channel is open, once (the mail log is checked before and written after), retried while the
//! SMTP server is unreachable, given up on when it refuses the message for good.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tend_domain::catalog::ChannelCode;
use tend_store::{Handled, Job, JobError, SentMail, Store, StoreError, StoreResult};

use super::{Worker, kinds};
use crate::mail::OutgoingMail;

/// A `mail` job's payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MailJob {
    /// What the message is about, unique per recipient, e.g. `follow_up:42:1770000000:customer`.
    pub event: String,
    /// The channel whose service hours the message waits for.
    pub channel: String,
    pub mail: OutgoingMail,
}

/// Enqueues `mail` about `event`, to go out as soon as `channel` is open; nothing happens when
/// the event's message is queued already. Returns whether it was new.
pub async fn enqueue_mail(
    store: &Store,
    event: &str,
    channel: &ChannelCode,
    mail: OutgoingMail,
    now: Timestamp,
) -> StoreResult<bool> {
    let job = MailJob {
        event: event.to_owned(),
        channel: channel.as_str().to_owned(),
        mail,
    };
    let payload = serde_json::to_value(&job).expect("a mail job serializes");
    let key = format!("mail:{event}");
    Ok(store
        .enqueue(kinds::MAIL, &payload, now, Some(&key), now)
        .await?
        .is_some())
}

/// A `Message-ID` derived from the event, the same on every attempt.
fn message_id(event: &str) -> String {
    let hash = Sha256::digest(event.as_bytes());
    let hex: String = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("<{hex}.event@tend>")
}

pub(super) async fn run(w: &Worker, job: &Job) -> Result<Handled, JobError> {
    let retry = |e: StoreError| JobError::Retry(e.to_string());
    let m: MailJob = serde_json::from_value(job.payload.clone())
        .map_err(|e| JobError::GiveUp(format!("bad mail payload: {e}")))?;
    let store = &w.state.store;
    if store.mail_sent(&m.event).await.map_err(retry)? {
        return Ok(Handled::Done);
    }
    // Messages go out only while the event's channel is open.
    let now = w.state.clock.now();
    let channel =
        ChannelCode::parse(&m.channel).map_err(|e| JobError::GiveUp(format!("channel: {e}")))?;
    let (hours, _) = store.channel_settings(&channel).await.map_err(retry)?;
    if !hours.is_open(now) {
        let opening = hours
            .next_opening(now)
            .map_err(|e| JobError::GiveUp(format!("channel {}: {e}", m.channel)))?;
        return Ok(Handled::Defer(opening));
    }
    let Some(mailer) = &w.mailer else {
        return Err(JobError::Retry("no SMTP server is configured".into()));
    };
    let id = message_id(&m.event);
    mailer
        .send_as(&m.mail, Some(&id))
        .await
        .map_err(|e| match e.is_temporary() {
            true => JobError::Retry(e.to_string()),
            false => JobError::GiveUp(e.to_string()),
        })?;
    let logged = SentMail {
        event_key: m.event.clone(),
        kind: m.mail.template.kind().as_str().to_owned(),
        recipient: m.mail.to.clone(),
        message_id: id,
        job_id: Some(job.id),
        sent_at: w.state.clock.now(),
    };
    // Sent: a failure to log it must not send it again, so it is retried a few times here
    // rather than by failing the job.
    for attempt in 1..=3 {
        match store.record_mail_sent(&logged).await {
            Ok(_) => break,
            Err(e) if attempt == 3 => {
                tracing::error!(job = job.id.0, error = %e, "mail sent but not logged")
            }
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(200)).await,
        }
    }
    Ok(Handled::Done)
}
