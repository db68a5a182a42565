//! Outgoing mail as jobs: one `mail` job per event and recipient, sent only while the event's
//! channel is open, once (the mail log is checked before and written after), retried while the
//! SMTP server is unreachable, given up on when it refuses the message for good. A message to
//! a customer about their complaint leaves with a `Message-ID` signed with the complaint (see
//! `Store::signed_event_id`), so their answer threads into it.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tend_domain::catalog::ChannelCode;
use tend_domain::channels::sla::{Stage, Target};
use tend_domain::kernel::ids::{ComplaintId, EmployeeId};
use tend_store::{Handled, Job, JobError, NewJob, SentMail, Store, StoreError, StoreResult};

use crate::jobs::{JobKind, Worker, enqueue, new_job};
use crate::mail::OutgoingMail;

/// What a message is about, unique per recipient: its key names the message in the queue
/// (`mail:{key}`), in the mail log and in its `Message-ID`, so each event is mailed once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// `ack:{complaint}`: the acknowledgement of a new complaint.
    Acknowledgement(ComplaintId),
    /// `follow_up:{complaint}:{resolved}`: the follow-up question of one resolution (its
    /// instant in UTC microseconds).
    FollowUp(ComplaintId, i64),
    /// `retention:{transaction}`: the retention contact after a purchase.
    Retention(i64),
    /// `csat:{complaint}:{resolved}`: the CSAT question of one resolution (its instant in UTC
    /// microseconds).
    Csat(ComplaintId, i64),
    /// `csat_alert:{request}`: the assignee told of a dissatisfied CSAT answer.
    CsatAlert(i64),
    /// `sla:{complaint}:{target}:{stage}:employee-{id}`: a response-standard alert to one employee.
    Alert(ComplaintId, Target, Stage, EmployeeId),
    /// `assigned:{complaint}:{employee}:v{version}`: an assignment, at the complaint's version.
    Assigned(ComplaintId, EmployeeId, i64),
    /// `policy_review:{version}:{position}:employee-{id}`: the review reminder of a policy
    /// version's area (its position in the version, 0-based) to one owner.
    PolicyReview(i64, i64, EmployeeId),
    /// `help_review:{article}:{date}:employee-{id}`: the review reminder of a help article
    /// (its review date as the number YYYYMMDD) to its owner.
    HelpReview(i64, i64, EmployeeId),
    /// `figure_stale:{figure}:{period}:employee-{id}`: a stale figure's owner told that it
    /// missed a period (its first day as the number YYYYMMDD).
    FigureStale(i64, i64, EmployeeId),
    /// `survey_invitation:{invitation}`: a survey's invitation to one customer.
    SurveyInvitation(i64),
    /// `survey_reminder:{invitation}`: its one reminder.
    SurveyReminder(i64),
}

/// The invitation mail's event key before the invitation id (the response rate counts an
/// invitation as sent when this event is in the mail log).
pub const INVITATION_EVENT: &str = "survey_invitation:";
/// The event key of a survey invitation's reminder, before the invitation id.
pub const REMINDER_EVENT: &str = "survey_reminder:";

impl Event {
    pub fn key(&self) -> String {
        match *self {
            Event::Acknowledgement(c) => format!("ack:{}", c.0),
            Event::FollowUp(c, resolved) => format!("follow_up:{}:{resolved}", c.0),
            Event::Retention(t) => format!("retention:{t}"),
            Event::Csat(c, resolved) => format!("csat:{}:{resolved}", c.0),
            Event::CsatAlert(r) => format!("csat_alert:{r}"),
            Event::Alert(c, target, stage, e) => format!(
                "sla:{}:{}:{}:employee-{}",
                c.0,
                target.as_str(),
                stage.as_str(),
                e.0
            ),
            Event::Assigned(c, e, version) => format!("assigned:{}:{}:v{version}", c.0, e.0),
            Event::PolicyReview(v, position, e) => {
                format!("policy_review:{v}:{position}:employee-{}", e.0)
            }
            Event::HelpReview(a, date, e) => format!("help_review:{a}:{date}:employee-{}", e.0),
            Event::FigureStale(f, period, e) => {
                format!("figure_stale:{f}:{period}:employee-{}", e.0)
            }
            Event::SurveyInvitation(i) => format!("{INVITATION_EVENT}{i}"),
            Event::SurveyReminder(i) => format!("{REMINDER_EVENT}{i}"),
        }
    }
}

/// A `mail` job's payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MailJob {
    /// The event's key (see [`Event::key`]), e.g. `follow_up:42:1770000000`.
    pub event: String,
    /// The channel whose service hours the message waits for.
    pub channel: String,
    pub mail: OutgoingMail,
}

/// One outgoing message. Key: `mail:{event}`.
pub struct Deliver;

impl JobKind for Deliver {
    const KIND: &'static str = "mail";
    const NEEDS_MAILER: bool = true;
    type Payload = MailJob;

    fn dedupe_key(m: &MailJob) -> String {
        format!("{}:{}", Self::KIND, m.event)
    }

    async fn run(w: &Worker, job: &Job, m: MailJob) -> Result<Handled, JobError> {
        run(w, job, m).await
    }
}

/// Enqueues `mail` about `event`, to go out as soon as `channel` is open; nothing happens when
/// the event's message is queued already. Returns whether it was new.
pub async fn enqueue_mail(
    store: &Store,
    event: &Event,
    channel: &ChannelCode,
    mail: OutgoingMail,
    now: Timestamp,
) -> StoreResult<bool> {
    let job = MailJob {
        event: event.key(),
        channel: channel.as_str().to_owned(),
        mail,
    };
    enqueue::<Deliver>(store, &job, now, now).await
}

/// The `mail` job that sends `mail` about `event` as soon as `channel` is open, for writing in
/// the transaction of the change that sets it off.
pub fn mail_job(
    event: &Event,
    channel: &ChannelCode,
    mail: OutgoingMail,
    now: Timestamp,
) -> NewJob {
    let job = MailJob {
        event: event.key(),
        channel: channel.as_str().to_owned(),
        mail,
    };
    new_job::<Deliver>(&job, now)
}

/// The complaint a customer's message is about, from its event key (`ack:`, `follow_up:`,
/// `csat:`): its `Message-ID` is then signed with it, so the customer's answer threads.
fn complaint_of(event: &str) -> Option<ComplaintId> {
    let rest = ["ack:", "follow_up:", "csat:"]
        .iter()
        .find_map(|p| event.strip_prefix(p))?;
    let id = rest.split(':').next()?.parse().ok()?;
    Some(ComplaintId(id))
}

/// A `Message-ID` derived from the event, the same on every attempt.
fn message_id(event: &str) -> String {
    let hash = Sha256::digest(event.as_bytes());
    let hex: String = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("<{hex}.event@tend>")
}

async fn run(w: &Worker, job: &Job, m: MailJob) -> Result<Handled, JobError> {
    let retry = |e: StoreError| JobError::Retry(e.to_string());
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
    let id = match complaint_of(&m.event) {
        Some(c) => store.signed_event_id(c, &m.event).await.map_err(retry)?,
        None => message_id(&m.event),
    };
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
