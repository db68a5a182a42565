//! The customer's messages about their complaint, as jobs: the acknowledgement of a new
//! complaint and the follow-up question after resolution. Each decides whether a message is
//! due (an address; consent where the message does not answer the customer's own request) and
//! queues it as mail keyed by its event.

use serde::{Deserialize, Serialize};
use tend_domain::complaints::Status;
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{Handled, Job, JobError, StoreResult, StoredCustomer};

use crate::i18n::zones::customer_zone;
use crate::i18n::{Language, instant};
use crate::jobs::{JobKind, Worker, job_error};
use crate::mail::deliver::{Event, enqueue_mail};
use crate::mail::{OutgoingMail, Template};

/// The payload of a job about one complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutComplaint {
    pub complaint: i64,
}

impl From<ComplaintId> for AboutComplaint {
    fn from(id: ComplaintId) -> Self {
        AboutComplaint { complaint: id.0 }
    }
}

/// The customer's language for messages: their preferred one if Tend speaks it, else English.
pub(crate) fn language(c: &StoredCustomer) -> Language {
    c.customer
        .preferred_language
        .as_ref()
        .map_or(Language::En, |l| Language::from_tag(l.as_str()))
}

/// A message to the customer, if they have an address, with the signed link that withdraws
/// their consent to later contact.
pub(crate) async fn mail_to(
    w: &Worker,
    c: &StoredCustomer,
    template: Template,
) -> StoreResult<Option<OutgoingMail>> {
    let Some(to) = c.customer.email.as_ref().map(ToString::to_string) else {
        return Ok(None);
    };
    let token = w.state.store.consent_token(c.id).await?;
    Ok(Some(OutgoingMail {
        to,
        to_name: Some(c.customer.name.to_string()),
        language: language(c),
        template,
        withdraw_link: Some(format!("{}/consent/{token}", w.state.public_url())),
    }))
}

async fn status_link(w: &Worker, id: ComplaintId) -> StoreResult<String> {
    let token = w.state.store.status_token(id).await?;
    Ok(format!("{}/status/{token}", w.state.public_url()))
}

/// "We have your complaint": its reference, when it was received (in the customer's zone) and
/// its private status link. The customer asked, so
/// this needs an address but not consent to later contact. Key: `acknowledge:{complaint}`.
pub struct Acknowledge;

impl JobKind for Acknowledge {
    const KIND: &'static str = "acknowledge";
    type Payload = AboutComplaint;

    fn dedupe_key(p: &AboutComplaint) -> String {
        format!("{}:{}", Self::KIND, p.complaint)
    }

    async fn run(w: &Worker, _: &Job, p: AboutComplaint) -> Result<Handled, JobError> {
        acknowledge(w, ComplaintId(p.complaint))
            .await
            .map_err(job_error)
    }
}

async fn acknowledge(w: &Worker, id: ComplaintId) -> StoreResult<Handled> {
    let store = &w.state.store;
    let c = store.complaint(id).await?;
    let customer = store.customer(c.record.customer_id).await?;
    // When it was received, in the customer's zone (their country's, else the channel's).
    let tz = customer_zone(store, &customer.customer, &c.record.channel).await?;
    let template = Template::Acknowledgement {
        name: customer.customer.name.to_string(),
        reference: c.reference.clone(),
        received: instant::datetime(&c.record.received_at, &tz, language(&customer)),
        status_link: status_link(w, id).await?,
    };
    if let Some(mail) = mail_to(w, &customer, template).await? {
        let now = w.state.clock.now();
        enqueue_mail(
            store,
            &Event::Acknowledgement(id),
            &c.record.channel,
            mail,
            now,
        )
        .await?;
    }
    Ok(Handled::Done)
}

/// The follow-up of one resolution (`resolved`: its instant in UTC microseconds, so a complaint
/// resolved again is followed up again). Key: `follow_up:{complaint}:{resolved}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpDue {
    pub complaint: i64,
    /// Jobs queued before this field existed carry none; their key still names the resolution.
    #[serde(default)]
    pub resolved: i64,
}

/// The follow-up is due: if the complaint is still resolved and not followed up, ask the
/// customer (when they agreed to be contacted) whether they are satisfied; their answer on the
/// status page is recorded as the follow-up outcome. Agents see it in the follow-up-due list.
pub struct FollowUp;

impl JobKind for FollowUp {
    const KIND: &'static str = "follow_up";
    type Payload = FollowUpDue;

    fn dedupe_key(p: &FollowUpDue) -> String {
        format!("{}:{}:{}", Self::KIND, p.complaint, p.resolved)
    }

    async fn run(w: &Worker, _: &Job, p: FollowUpDue) -> Result<Handled, JobError> {
        follow_up(w, ComplaintId(p.complaint))
            .await
            .map_err(job_error)
    }
}

async fn follow_up(w: &Worker, id: ComplaintId) -> StoreResult<Handled> {
    let store = &w.state.store;
    let c = store.complaint(id).await?;
    let r = &c.record;
    let (Status::Resolved, None, Some(resolved)) =
        (r.status, &r.follow_up.answer, r.resolution.resolved_at)
    else {
        return Ok(Handled::Done);
    };
    let customer = store.customer(r.customer_id).await?;
    if !customer.customer.consent_to_contact {
        return Ok(Handled::Done);
    }
    let template = Template::FollowUp {
        name: customer.customer.name.to_string(),
        reference: c.reference.clone(),
        answer_link: status_link(w, id).await?,
    };
    if let Some(mail) = mail_to(w, &customer, template).await? {
        let now = w.state.clock.now();
        let event = Event::FollowUp(id, resolved.as_microsecond());
        enqueue_mail(store, &event, &r.channel, mail, now).await?;
    }
    Ok(Handled::Done)
}
