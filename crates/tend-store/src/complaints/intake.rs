//! Group commit for complaint intake: one writer task takes every complaint queued while the
//! previous commit was waiting on fsync and stores them all in the next transaction.
//!
//! A caller is answered only after its complaint's transaction committed, so every
//! acknowledged complaint is durable; batching is what lets a disk that does ~1,200 fsyncs a
//! second take many more complaints than that.

use jiff::Timestamp;
use sqlx::AnyPool;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::*;
use tokio::sync::{mpsc, oneshot};

use super::{Actor, Complaint, insert_batch};
use crate::jobs::NewJob;
use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::store::Store;

/// The most complaints one transaction takes.
const MAX_BATCH: usize = 512;

/// The jobs a new complaint sets off, made from its id and the time of its intake.
pub type FollowOn = fn(ComplaintId, Timestamp) -> Vec<NewJob>;

fn no_jobs(_: ComplaintId, _: Timestamp) -> Vec<NewJob> {
    Vec::new()
}

struct Job {
    record: ComplaintRecord,
    actor: Actor,
    now: Timestamp,
    /// The jobs to store about the complaint in the same transaction.
    follow_on: FollowOn,
    reply: oneshot::Sender<StoreResult<Complaint>>,
}

pub(crate) struct Intake {
    queue: mpsc::Sender<Job>,
}

impl Intake {
    pub(crate) fn spawn(pool: AnyPool, engine: Engine) -> Intake {
        let (queue, rx) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(pool, engine, rx));
        Intake { queue }
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
            "intake batch"
        );
        match written {
            Ok(results) => {
                for (job, result) in jobs.into_iter().zip(results) {
                    let _ = job.reply.send(result);
                }
            }
            Err(e) if jobs.len() == 1 => {
                let job = jobs.into_iter().next().expect("one job");
                let _ = job.reply.send(Err(StoreError::Database(e)));
            }
            Err(_) => {
                // One record broke the shared transaction: store each alone so only it fails.
                for job in jobs {
                    let result = match write(&pool, engine, std::slice::from_ref(&job)).await {
                        Ok(mut r) => r.pop().expect("one result"),
                        Err(e) => Err(StoreError::Database(e)),
                    };
                    let _ = job.reply.send(result);
                }
            }
        }
    }
}

async fn write(
    pool: &AnyPool,
    engine: Engine,
    jobs: &[Job],
) -> sqlx::Result<Vec<StoreResult<Complaint>>> {
    let mut tx = pool.begin().await?;
    let rows: Vec<_> = jobs.iter().map(|j| (&j.record, &j.actor)).collect();
    let now = jobs.iter().map(|j| j.now).max().expect("a batch has jobs");
    let stored = insert_batch(&mut tx, engine, &rows, now).await?;
    let follow_on: Vec<NewJob> = stored
        .iter()
        .zip(jobs)
        .filter_map(|(s, j)| Some((j.follow_on)(s.as_ref().ok()?.as_ref()?.id, j.now)))
        .flatten()
        .collect();
    crate::jobs::insert_many(&mut tx, engine, &follow_on, now).await?;
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
        let (reply, answer) = oneshot::channel();
        self.inner
            .intake
            .queue
            .send(Job {
                record,
                actor,
                now,
                follow_on,
                reply,
            })
            .await
            .map_err(|_| StoreError::Closed)?;
        answer.await.map_err(|_| StoreError::Closed)?
    }
}
