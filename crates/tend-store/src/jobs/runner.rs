//! A minimal runner: claim one batch, run each job's handler, then complete, defer or fail it.
//! It knows no job kinds; what a job does (send mail, warn about a deadline) is the handler's.

use std::future::Future;

use jiff::{SignedDuration, Timestamp};
use tend_domain::kernel::clock::Clock;

use super::{Finish, Finished, Job};
use crate::kernel::error::StoreResult;
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

impl std::ops::AddAssign for RunOutcome {
    fn add_assign(&mut self, o: RunOutcome) {
        self.completed += o.completed;
        self.deferred += o.deferred;
        self.failed += o.failed;
        self.lost += o.lost;
    }
}

impl RunOutcome {
    /// Jobs claimed; 0 means nothing was due.
    pub fn claimed(&self) -> u32 {
        self.completed + self.deferred + self.failed + self.lost
    }
}

/// Claims up to `batch` due jobs of `kinds` (empty: every kind) for `worker`, runs them one
/// after another, then ends them all in one transaction. Completion times and retry delays
/// count from the end of the batch; a crash mid-batch leaves its jobs to run again (handlers are
/// idempotent). A handler's error text is stored
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
    let jobs = store
        .claim(worker, kinds, batch, lease, clock.now())
        .await?;
    let mut runs = Vec::with_capacity(jobs.len());
    let mut kinds = Vec::with_capacity(jobs.len());
    for job in jobs {
        let (id, attempts) = (job.id, job.attempts);
        metrics::counter!("tend_jobs_claimed_total", "kind" => job.kind.clone()).increment(1);
        kinds.push(job.kind.clone());
        let how = match handler(job).await {
            Ok(Handled::Done) => Finish::Done,
            Ok(Handled::Defer(at)) => Finish::Defer(at),
            Err(JobError::Retry(error)) => Finish::Retry(error),
            Err(JobError::GiveUp(error)) => Finish::GiveUp(error),
        };
        runs.push((id, attempts, how));
    }
    if runs.is_empty() {
        return Ok(outcome);
    }
    // One transaction ends the whole batch: one commit instead of one per job.
    let finished = store.finish_batch(worker, &runs, clock.now()).await?;
    for (((_, _, how), done), kind) in runs.iter().zip(finished).zip(kinds) {
        // How each claimed run ended, by kind (`docs/configuration.md`, Metrics).
        let name = match (done, how) {
            (Finished::Lost, _) => "tend_jobs_lost_total",
            (Finished::Dead, _) => "tend_jobs_dead_total",
            (_, Finish::Done) => "tend_jobs_done_total",
            (_, Finish::Defer(_)) => "tend_jobs_deferred_total",
            (_, Finish::Retry(_) | Finish::GiveUp(_)) => "tend_jobs_retried_total",
        };
        metrics::counter!(name, "kind" => kind).increment(1);
        let counter = match (done, how) {
            (Finished::Lost, _) => &mut outcome.lost,
            (_, Finish::Done) => &mut outcome.completed,
            (_, Finish::Defer(_)) => &mut outcome.deferred,
            (_, Finish::Retry(_) | Finish::GiveUp(_)) => &mut outcome.failed,
        };
        *counter += 1;
    }
    Ok(outcome)
}
