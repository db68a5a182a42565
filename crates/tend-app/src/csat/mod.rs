//! Satisfaction after resolution (CSAT): the job that asks the customer, a day after each
//! resolution, "how satisfied are you with how we handled it?" (1–5) through a private
//! single-use link, and the answer taken through the complaint's one way of changing.

pub mod answer;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use tend_domain::complaints::Status;
use tend_domain::kernel::ids::{ComplaintId, EmployeeId};
use tend_store::{Handled, Job, JobError, StoreResult};

use crate::complaints::messages::mail_to;
use crate::jobs::{JobKind, Worker, job_error};
use crate::mail::Template;
use crate::mail::deliver::{Event, enqueue_mail};

/// How long after the resolution the question is asked: 24 h (then at the channel's next
/// opening if it is closed, see `Deliver`).
pub const DELAY: SignedDuration = SignedDuration::from_hours(24);

/// How long after it was sent the link takes an answer: 336 h (14 days).
pub const EXPIRES_HOURS: i64 = 336;

/// The CSAT question of one resolution: the complaint, the resolution's instant (UTC
/// microseconds, so a complaint resolved again is asked again and a reopening alone asks
/// nothing), and the assignee at resolution. Key: `csat:{complaint}:{resolved}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatDue {
    pub complaint: i64,
    pub resolved: i64,
    pub assignee: Option<i64>,
}

/// The run time of the question about a resolution at `resolved`: [`DELAY`] later.
pub fn due_at(resolved: Timestamp) -> Timestamp {
    resolved + DELAY
}

/// Asks the customer, when the complaint still stands resolved by this resolution, its
/// channel asks (see `Store::csat_enabled`) and the customer has an address and agreed to
/// be contacted: one request per resolution, mailed in their preferred language — unless it
/// was answered on the status page first (one instrument, one answer per resolution).
pub struct Csat;

impl JobKind for Csat {
    const KIND: &'static str = "csat";
    type Payload = CsatDue;

    fn dedupe_key(p: &CsatDue) -> String {
        format!("{}:{}:{}", Self::KIND, p.complaint, p.resolved)
    }

    async fn run(w: &Worker, _: &Job, p: CsatDue) -> Result<Handled, JobError> {
        ask(w, p).await.map_err(job_error)
    }
}

async fn ask(w: &Worker, p: CsatDue) -> StoreResult<Handled> {
    let store = &w.state.store;
    let id = ComplaintId(p.complaint);
    let c = store.complaint(id).await?;
    let r = &c.record;
    let standing = matches!(r.status, Status::Resolved | Status::Closed)
        && r.resolution.resolved_at.map(|t| t.as_microsecond()) == Some(p.resolved);
    if !standing || !store.csat_enabled(r.channel.as_str()).await? {
        return Ok(Handled::Done);
    }
    let customer = store.customer(r.customer_id).await?;
    if !customer.customer.consent_to_contact || customer.customer.email.is_none() {
        return Ok(Handled::Done);
    }
    let now = w.state.clock.now();
    let resolved = Timestamp::from_microsecond(p.resolved)
        .map_err(|_| tend_store::StoreError::NotFound("resolution"))?;
    let request = store
        .csat_request(id, resolved, p.assignee.map(EmployeeId), now)
        .await?;
    // Answered already on the status page: the same question is not asked again.
    let answered = store.csat_request_by_id(request).await?;
    if answered.is_some_and(|r| r.answered_at.is_some()) {
        return Ok(Handled::Done);
    }
    let token = store.csat_token(request).await?;
    let template = Template::Csat {
        name: customer.customer.name.to_string(),
        reference: c.reference.clone(),
        answer_link: format!("{}/csat/{token}", w.state.public_url()),
    };
    if let Some(mail) = mail_to(w, &customer, template).await? {
        let event = Event::Csat(id, p.resolved);
        enqueue_mail(store, &event, &r.channel, mail, now).await?;
    }
    Ok(Handled::Done)
}
