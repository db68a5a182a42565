//! A minimal runner: claim one batch, run each job's handler, complete or fail it. It knows no
//! job kinds; what a job does (send mail, warn about a deadline) is the caller's handler.

use std::future::Future;

use jiff::SignedDuration;
use tend_domain::clock::Clock;

use super::Job;
use crate::error::{StoreError, StoreResult};
use crate::store::Store;

/// What one [`run_due`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunOutcome {
    pub completed: u32,
    /// Failed runs: retried later, or dead after their last attempt.
    pub failed: u32,
    /// Runs whose lease ran out first: another worker has the job now, so the result is dropped.
    pub lost: u32,
}

impl RunOutcome {
    /// Jobs claimed; 0 means nothing was due.
    pub fn claimed(&self) -> u32 {
        self.completed + self.failed + self.lost
    }
}

/// Claims up to `batch` due jobs of `kinds` (empty: every kind) for `worker` and runs them one
/// after another. The clock is read at the claim and again after each handler, so completion
/// times and retry delays count from when the handler ended. A handler's `Err` text is stored as
/// the job's `last_error` (not logged); the lease should outlast a whole batch of handlers.
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
    Fut: Future<Output = Result<(), String>>,
{
    let mut outcome = RunOutcome::default();
    for job in store
        .claim(worker, kinds, batch, lease, clock.now())
        .await?
    {
        let (id, kind) = (job.id, job.kind.clone());
        match handler(job).await {
            Ok(()) => {
                if store.complete(id, worker, clock.now()).await? {
                    outcome.completed += 1;
                } else {
                    outcome.lost += 1;
                }
            }
            Err(error) => match store.fail(id, worker, &error, clock.now()).await {
                Ok(()) => {
                    tracing::info!(job = id.0, kind, "job failed; see its last_error");
                    outcome.failed += 1;
                }
                Err(StoreError::Conflict { .. }) => outcome.lost += 1,
                Err(e) => return Err(e),
            },
        }
    }
    Ok(outcome)
}
