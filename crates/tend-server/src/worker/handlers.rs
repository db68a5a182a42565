//! The customer-facing jobs: the acknowledgement of a new complaint, the follow-up question
//! after resolution, and the retention contact after a purchase. Each decides whether a message
//! is due (an address, consent where the message is not an answer to the customer's own
//! request) and queues it as a `mail` job keyed by its event.

use tend_domain::catalog::ChannelCode;
use tend_domain::complaint::Status;
use tend_domain::ids::{ComplaintId, CustomerId};
use tend_store::{Handled, Job, StoreResult, StoredCustomer};

use super::{Worker, enqueue_mail, payload_id};
use crate::mail::{Language, OutgoingMail, Template};

/// Retention contacts wait for the e-mail channel's hours.
const RETENTION_CHANNEL: &str = "email";

fn language(c: &StoredCustomer) -> Language {
    c.customer
        .preferred_language
        .as_ref()
        .map_or(Language::En, |l| Language::from_tag(l.as_str()))
}

fn mail_to(c: &StoredCustomer, template: Template) -> Option<OutgoingMail> {
    let to = c.customer.email.as_ref()?.to_string();
    Some(OutgoingMail {
        to,
        to_name: Some(c.customer.name.to_string()),
        language: language(c),
        template,
    })
}

async fn status_link(w: &Worker, id: ComplaintId) -> StoreResult<String> {
    let token = w.state.store.status_token(id).await?;
    Ok(format!("{}/status/{token}", w.state.public_url()))
}

/// "We have your complaint": its reference and private status link. The customer asked, so
/// this needs an address but not consent to marketing-style contact.
pub(super) async fn acknowledge(w: &Worker, job: &Job) -> StoreResult<Handled> {
    let store = &w.state.store;
    let id = ComplaintId(payload_id(job, "complaint")?);
    let c = store.complaint(id).await?;
    let customer = store.customer(c.record.customer_id).await?;
    if customer.customer.email.is_none() {
        return Ok(Handled::Done);
    }
    let template = Template::Acknowledgement {
        name: customer.customer.name.to_string(),
        reference: c.reference.clone(),
        status_link: status_link(w, id).await?,
    };
    if let Some(mail) = mail_to(&customer, template) {
        let event = format!("ack:{}", id.0);
        let now = w.state.clock.now();
        enqueue_mail(store, &event, &c.record.channel, mail, now).await?;
    }
    Ok(Handled::Done)
}

/// The follow-up is due: if the complaint is still resolved and not followed up, ask the
/// customer (when they agreed to be contacted) whether they are satisfied; their answer on the
/// status page is recorded as the follow-up outcome. Agents see it in the follow-up-due list.
pub(super) async fn follow_up(w: &Worker, job: &Job) -> StoreResult<Handled> {
    let store = &w.state.store;
    let id = ComplaintId(payload_id(job, "complaint")?);
    let c = store.complaint(id).await?;
    let r = &c.record;
    let (Status::Resolved, None, Some(resolved)) = (r.status, r.follow_up_outcome, r.resolved_at)
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
    if let Some(mail) = mail_to(&customer, template) {
        let event = format!("follow_up:{}:{}", id.0, resolved.as_microsecond());
        let now = w.state.clock.now();
        enqueue_mail(store, &event, &r.channel, mail, now).await?;
    }
    Ok(Handled::Done)
}

/// A month (configurable) after a purchase: how is it going? With a link to tell us.
pub(super) async fn retention(w: &Worker, job: &Job) -> StoreResult<Handled> {
    let store = &w.state.store;
    let t = store.transaction(payload_id(job, "transaction")?).await?;
    let customer = store.customer(CustomerId(t.customer_id.0)).await?;
    if !customer.customer.consent_to_contact {
        return Ok(Handled::Done);
    }
    let template = Template::Retention {
        name: customer.customer.name.to_string(),
        reference: t
            .external_id
            .clone()
            .unwrap_or_else(|| format!("#{}", t.id)),
        product: t.product.clone().unwrap_or_default(),
        link: format!("{}/complain", w.state.public_url()),
    };
    if let Some(mail) = mail_to(&customer, template) {
        let event = format!("retention:{}", t.id);
        let channel = ChannelCode::parse(RETENTION_CHANNEL).expect("a built-in channel");
        let now = w.state.clock.now();
        enqueue_mail(store, &event, &channel, mail, now).await?;
    }
    Ok(Handled::Done)
}
