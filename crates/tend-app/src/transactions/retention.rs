//! The retention contact a month (configurable) after a purchase: how is it going? With a link
//! to tell us. Only to customers who agreed to be contacted, on the e-mail channel's hours.

use serde::{Deserialize, Serialize};
use tend_domain::catalog::ChannelCode;
use tend_domain::kernel::ids::CustomerId;
use tend_store::{Handled, Job, JobError, NewJob, StoreResult};

use crate::complaints::messages::mail_to;
use crate::jobs::{JobKind, Worker, job_error, new_job};
use crate::mail::Template;
use crate::mail::deliver::{Event, enqueue_mail};

/// Retention contacts wait for the e-mail channel's hours.
const RETENTION_CHANNEL: &str = "email";

/// The payload: the purchase's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutPurchase {
    pub transaction: i64,
}

/// Key: `retention:{transaction}`.
pub struct Retention;

impl JobKind for Retention {
    const KIND: &'static str = "retention";
    type Payload = AboutPurchase;

    fn dedupe_key(p: &AboutPurchase) -> String {
        format!("{}:{}", Self::KIND, p.transaction)
    }

    async fn run(w: &Worker, _: &Job, p: AboutPurchase) -> Result<Handled, JobError> {
        retention(w, p.transaction).await.map_err(job_error)
    }
}

/// The job row for purchase `transaction`'s contact at `run_at`, written with the purchase
/// (see `Store::insert_transactions`).
pub fn retention_job(transaction: i64, run_at: jiff::Timestamp) -> NewJob {
    new_job::<Retention>(&AboutPurchase { transaction }, run_at)
}

async fn retention(w: &Worker, id: i64) -> StoreResult<Handled> {
    let store = &w.state.store;
    let t = store.transaction(id).await?;
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
    if let Some(mail) = mail_to(w, &customer, template).await? {
        let channel = ChannelCode::parse(RETENTION_CHANNEL).expect("a built-in channel");
        let now = w.state.clock.now();
        enqueue_mail(store, &Event::Retention(t.id), &channel, mail, now).await?;
    }
    Ok(Handled::Done)
}
