//! Running jobs: a [`Worker`] claims due batches and dispatches each job to its kind's handler
//! through the registry.

use std::future::Future;
use std::time::Duration;

use tend_store::{Handled, Job, JobError, RunOutcome, StoreResult, run_due};

use super::kind::Worker;
use super::registry::{REGISTRY, WITHOUT_MAIL};

impl Worker {
    /// Claims one batch of due jobs and runs them.
    pub async fn run_once(&self) -> StoreResult<RunOutcome> {
        let kinds = if self.mailer.is_some() {
            &[][..]
        } else {
            WITHOUT_MAIL.as_slice()
        };
        run_due(
            &self.state.store,
            &self.config.name,
            kinds,
            self.config.batch,
            self.config.lease,
            self.state.clock.as_ref(),
            |job| self.handle(job),
        )
        .await
    }

    /// Runs batches until nothing is due, returning what all of them did together.
    pub async fn drain(&self) -> StoreResult<RunOutcome> {
        let mut total = RunOutcome::default();
        loop {
            let o = self.run_once().await?;
            if o.claimed() == 0 {
                return Ok(total);
            }
            total += o;
        }
    }

    /// Runs until `shutdown` resolves: a batch, and a pause whenever nothing was due (or the
    /// database failed, which is logged and retried).
    /// The sweep of unreferenced attachment files and the stale-figure check are queued first
    /// (once each, by their keys).
    pub async fn run(self, shutdown: impl Future<Output = ()>) {
        tokio::pin!(shutdown);
        if let Err(e) = crate::conversations::sweep::schedule(&self.state).await {
            tracing::error!(error = %e, "worker: queueing the attachments sweep failed");
        }
        if let Err(e) = crate::figures::stale::schedule(&self.state).await {
            tracing::error!(error = %e, "worker: queueing the stale-figure check failed");
        }
        if let Err(e) = crate::reports::job::schedule(&self.state).await {
            tracing::error!(error = %e, "worker: queueing the reports' roll-up failed");
        }
        loop {
            let pause = match self.run_once().await {
                Ok(o) if o.claimed() > 0 => Duration::ZERO,
                Ok(_) => self.config.idle_poll,
                Err(e) => {
                    tracing::error!(error = %e, "worker: claiming jobs failed");
                    self.config.idle_poll * 5
                }
            };
            tokio::select! {
                () = &mut shutdown => return,
                () = tokio::time::sleep(pause) => {}
            }
        }
    }

    async fn handle(&self, job: Job) -> Result<Handled, JobError> {
        match REGISTRY.iter().find(|r| r.kind == job.kind) {
            Some(r) => (r.run)(self, &job).await,
            None => Err(JobError::GiveUp(format!("unknown job kind {:?}", job.kind))),
        }
    }
}
