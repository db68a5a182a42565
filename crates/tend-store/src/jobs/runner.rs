//! A minimal runner: claim one batch, run each job's handler, then complete, defer or fail it.
//! It knows no job kinds; what a job does (send mail, warn about a deadline) is the handler's.

use std::future::Future;

use jiff::{SignedDuration, Timestamp};
use tend_domain::clock::Clock;

use super::Job;
use crate::error::{StoreError, StoreResult};
use crate::store::Store;

/// What a handler did with its job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// Finished: the job is complete.
    Done,
    /// Not yet: run it again at this instant (no attempt is counted), e.g. when a message must
    /// wait for the channel's opening hours.
    Defer(Timestamp),
}

/// Why a handler failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobError {
    /// It may work later (a mail server down): retried after [`super::backoff`].
    Retry(String),
    /// It never will (an address refused): the job is dead at once.
    GiveUp(String),
}

/// What one [`run_due`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunOutcome {
    pub completed: u32,
    /// Put off to a later time by their handler.
    pub deferred: u32,
    /// Failed runs: retried later, or dead after their last attempt (or at once if given up).
    pub failed: u32,
    /// Runs whose lease ran out first: another worker has the job now, so the result is dropped.
    pub lost: u32,
}

impl RunOutcome {
    /// Jobs claimed; 0 means nothing was due.
    pub fn claimed(&self) -> u32 {
        self.completed + self.deferred + self.failed + self.lost
    }
}

/// Claims up to `batch` due jobs of `kinds` (empty: every kind) for `worker` and runs them one
/// after another. The clock is read at the claim and again after each handler, so completion
/// times and retry delays count from when the handler ended. A handler's error text is stored
/// as the job's `last_error` (not logged); the lease should outlast a whole batch of handlers.
pub async fn run_due<F, Fut>(
    store: &Store,
    worker: &str,
    kinds: &[&str],
    batch: u32,
    lease: SignedDuration,
    clock: &dyn Clock,
    handler: F,
) -> StoreResult<RunOutcome>
where
    F: Fn(Job) -> Fut,
    Fut: Future<Output = Result<Handled, JobError>>,
{
    let mut outcome = RunOutcome::default();
    for job in store
        .claim(worker, kinds, batch, lease, clock.now())
        .await?
    {
        let id = job.id;
        let result = match handler(job).await {
            Ok(Handled::Done) => match store.complete(id, worker, clock.now()).await? {
                true => Ok(&mut outcome.completed),
                false => Err(StoreError::Conflict {
                    field: "lease",
                    reason: String::new(),
                }),
            },
            Ok(Handled::Defer(at)) => store
                .defer(id, worker, at)
                .await
                .map(|()| &mut outcome.deferred),
            Err(JobError::Retry(error)) => store
                .fail(id, worker, &error, clock.now())
                .await
                .map(|()| &mut outcome.failed),
            Err(JobError::GiveUp(error)) => store
                .give_up(id, worker, &error, clock.now())
                .await
                .map(|()| &mut outcome.failed),
        };
        match result {
            Ok(counter) => *counter += 1,
            Err(StoreError::Conflict { .. }) => outcome.lost += 1,
            Err(e) => return Err(e),
        }
    }
    Ok(outcome)
}
