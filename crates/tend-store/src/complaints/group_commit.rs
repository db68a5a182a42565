//! Group commit for new complaints: one writer task takes every complaint queued while the
//! previous commit was waiting on fsync and stores them all in the next transaction.
//!
//! A caller is answered only after its complaint's transaction committed, so every
//! acknowledged complaint is durable; batching is what lets a disk that does ~1,200 fsyncs a
//! second take many more complaints than that.
//!
//! A complaint may bring a new customer with it: the customer is stored in the complaint's
//! transaction and kept only if the complaint is, so a refused complaint leaves none behind.

use std::borrow::Cow;

use jiff::Timestamp;
use sqlx::AnyPool;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::{ComplaintId, CustomerId};
use tend_domain::kernel::reason::*;
use tokio::sync::{mpsc, oneshot};

use super::{Actor, Complaint, Rider, insert_batch};
use crate::customers::{insert_new, log_new_consents, remove_new};
use crate::help::SentVisit;
use crate::jobs::NewJob;
use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Statements;
use crate::store::Store;
use tend_domain::customers::consent::ConsentVia;

/// The most complaints one transaction takes.
const MAX_BATCH: usize = 512;

/// The jobs a new complaint sets off, made from its id and the time of its intake.
pub type FollowOn = fn(ComplaintId, Timestamp) -> Vec<NewJob>;

fn no_jobs(_: ComplaintId, _: Timestamp) -> Vec<NewJob> {
    Vec::new()
}

struct Job {
    record: ComplaintRecord,
    /// A customer to store with the complaint, which then points at them, and how their
    /// consent to later contact (if given) was given.
    customer: Option<(Customer, ConsentVia)>,
    actor: Actor,
    now: Timestamp,
    /// The jobs to store about the complaint in the same transaction.
    follow_on: FollowOn,
    /// What to store with it in the same transaction (a form's visit, the mail that opened it).
    rider: Rider,
    reply: oneshot::Sender<StoreResult<Complaint>>,
}

pub(crate) struct GroupCommit {
    queue: mpsc::Sender<Job>,
}

impl GroupCommit {
    pub(crate) fn spawn(pool: AnyPool, engine: Engine) -> GroupCommit {
        let (queue, rx) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(pool, engine, rx));
        GroupCommit { queue }
    }
}

async fn run(pool: AnyPool, engine: Engine, mut rx: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let jobs = std::mem::take(&mut batch);
        let started = std::time::Instant::now();
        let written = write(&pool, engine, &jobs).await;
        tracing::debug!(
            batch = jobs.len(),
            micros = started.elapsed().as_micros() as u64,
            "group commit batch"
        );
        // Complaints stored per commit: the group commit's whole point, so it is measured.
        metrics::histogram!("tend_group_commit_batch_size").record(jobs.len() as f64);
        match written {
            Ok(results) => {
                for (job, result) in jobs.into_iter().zip(results) {
                    let _ = job.reply.send(result);
                }
            }
            Err(e) if jobs.len() == 1 => {
                let job = jobs.into_iter().next().expect("one job");
                let _ = job.reply.send(Err(e));
            }
            Err(_) => {
                // One record broke the shared transaction: store each alone so only it fails.
                for job in jobs {
                    let result = match write(&pool, engine, std::slice::from_ref(&job)).await {
                        Ok(mut r) => r.pop().expect("one result"),
                        Err(e) => Err(e),
                    };
                    let _ = job.reply.send(result);
                }
            }
        }
    }
}

/// Stores a batch in one transaction. The outer error (a database fault, or a new customer
/// refused, which aborts the transaction on PostgreSQL) fails the whole batch.
async fn write(
    pool: &AnyPool,
    engine: Engine,
    jobs: &[Job],
) -> StoreResult<Vec<StoreResult<Complaint>>> {
    let mut tx = pool.begin().await?;
    let now = jobs.iter().map(|j| j.now).max().expect("a batch has jobs");
    let bringing: Vec<usize> = (0..jobs.len())
        .filter(|&i| jobs[i].customer.is_some())
        .collect();
    let new: Vec<&Customer> = bringing
        .iter()
        .filter_map(|&i| jobs[i].customer.as_ref().map(|(c, _)| c))
        .collect();
    let mut customer: Vec<Option<CustomerId>> = vec![None; jobs.len()];
    for (&i, id) in bringing
        .iter()
        .zip(insert_new(&mut tx, engine, &new, now).await?)
    {
        customer[i] = Some(id);
    }
    let records: Vec<Cow<'_, ComplaintRecord>> = jobs
        .iter()
        .zip(&customer)
        .map(|(j, c)| match c {
            Some(customer_id) => Cow::Owned(ComplaintRecord {
                customer_id: *customer_id,
                ..j.record.clone()
            }),
            None => Cow::Borrowed(&j.record),
        })
        .collect();
    let rows: Vec<_> = records
        .iter()
        .zip(jobs)
        .map(|(r, j)| (&**r, &j.actor))
        .collect();
    let mut st = Statements::new(engine);
    let stored = insert_batch(&mut tx, engine, &rows, now, &mut st).await?;
    // A customer goes with their complaint: one refused (or a duplicate) takes them back.
    let refused: Vec<CustomerId> = stored
        .iter()
        .zip(&customer)
        .filter_map(|(s, c)| if matches!(s, Ok(Some(_))) { None } else { *c })
        .collect();
    remove_new(&mut tx, engine, &refused).await?;
    for via in ConsentVia::ALL {
        let kept: Vec<CustomerId> = jobs
            .iter()
            .zip(&customer)
            .filter_map(|(j, c)| match (&j.customer, c) {
                (Some((_, v)), Some(id)) if *v == via && !refused.contains(id) => Some(*id),
                _ => None,
            })
            .collect();
        if !kept.is_empty() {
            log_new_consents(&mut tx, engine, &kept, via, now).await?;
        }
    }
    let follow_on: Vec<NewJob> = stored
        .iter()
        .zip(jobs)
        .filter_map(|(s, j)| Some((j.follow_on)(s.as_ref().ok()?.as_ref()?.id, j.now)))
        .flatten()
        .collect();
    crate::jobs::push_many(&mut st, &follow_on, now);
    st.execute(&mut tx).await?;
    for (s, j) in stored.iter().zip(jobs) {
        if let Ok(Some(c)) = s {
            j.rider.write(&mut tx, c.id, j.now).await?;
        }
    }
    tx.commit().await?;
    Ok(stored
        .into_iter()
        .map(|s| {
            s.and_then(|c| {
                c.ok_or(StoreError::Conflict {
                    field: "external_id",
                    reason: DUPLICATE_COMPLAINT.into(),
                })
            })
        })
        .collect())
}

impl Store {
    /// Stores a new complaint through the group-commit writer; returns once it is durable.
    pub async fn create_complaint(
        &self,
        record: ComplaintRecord,
        actor: Actor,
        now: Timestamp,
    ) -> StoreResult<Complaint> {
        self.create_complaint_with_jobs(record, actor, now, no_jobs)
            .await
    }

    /// [`Store::create_complaint`], also storing in the same transaction the jobs `follow_on`
    /// makes for the new complaint: what a new complaint sets off cannot be lost.
    pub async fn create_complaint_with_jobs(
        &self,
        record: ComplaintRecord,
        actor: Actor,
        now: Timestamp,
        follow_on: FollowOn,
    ) -> StoreResult<Complaint> {
        self.create_complaint_with_customer(record, None, actor, now, follow_on)
            .await
    }

    /// [`Store::create_complaint_with_jobs`] for a complaint that may bring a new customer:
    /// `customer`, when given, is stored in the complaint's transaction and the complaint
    /// points at them (whatever `record.customer_id` said). A complaint refused, or a duplicate
    /// of a stored one, stores no customer; a customer refused (an `external_ref` stored
    /// already) stores no complaint. The customer's consent to later contact, if given, is
    /// logged as given `via` in the same transaction.
    pub async fn create_complaint_with_customer(
        &self,
        record: ComplaintRecord,
        customer: Option<(Customer, ConsentVia)>,
        actor: Actor,
        now: Timestamp,
        follow_on: FollowOn,
    ) -> StoreResult<Complaint> {
        self.queue(record, customer, Rider::None, actor, now, follow_on)
            .await
    }

    /// [`Store::create_complaint_with_customer`] for a complaint sent from the two-step form
    /// after articles were shown: `visit`'s `sent` event and the links to the articles shown
    /// are stored in the complaint's transaction (a refused complaint leaves neither).
    pub async fn create_complaint_after_visit(
        &self,
        record: ComplaintRecord,
        customer: Option<(Customer, ConsentVia)>,
        visit: SentVisit,
        actor: Actor,
        now: Timestamp,
        follow_on: FollowOn,
    ) -> StoreResult<Complaint> {
        self.queue(record, customer, Rider::Visit(visit), actor, now, follow_on)
            .await
    }

    /// [`Store::create_complaint_with_customer`] storing `rider` in the complaint's
    /// transaction (e.g. the mail that opened it, whose Message-ID taken already refuses the
    /// complaint with `Conflict { field: "message_id" }`, storing nothing).
    pub async fn create_complaint_riding(
        &self,
        record: ComplaintRecord,
        customer: Option<(Customer, ConsentVia)>,
        rider: Rider,
        actor: Actor,
        now: Timestamp,
        follow_on: FollowOn,
    ) -> StoreResult<Complaint> {
        self.queue(record, customer, rider, actor, now, follow_on)
            .await
    }

    async fn queue(
        &self,
        record: ComplaintRecord,
        customer: Option<(Customer, ConsentVia)>,
        rider: Rider,
        actor: Actor,
        now: Timestamp,
        follow_on: FollowOn,
    ) -> StoreResult<Complaint> {
        let (reply, answer) = oneshot::channel();
        self.inner
            .states
            .get(|| GroupCommit::spawn(self.write().clone(), self.engine()))
            .queue
            .send(Job {
                record,
                customer,
                actor,
                now,
                follow_on,
                rider,
                reply,
            })
            .await
            .map_err(|_| StoreError::Closed)?;
        answer.await.map_err(|_| StoreError::Closed)?
    }
}
