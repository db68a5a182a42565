//! Background work: the job handlers (response-standard watcher, follow-ups, retention
//! contacts, outgoing mail) and the loop that claims due jobs and runs them.
//!
//! Every handler is idempotent, because a job runs *at least* once (a worker that dies
//! mid-job leaves it to another once the lease runs out). What must happen once is keyed by its
//! event: a message's job is enqueued under a dedupe key naming the event, the mail log
//! (`sent_mail`) is checked before sending and written after, and an automatic escalation checks
//! that the complaint was not escalated since the breach. The one window left is a crash between
//! the SMTP server's "250 OK" and the log write; the message then goes again with the same
//! `Message-ID`, so a mail client shows it once.
//!
//! `tend serve` runs one worker beside the web server; `tend worker` runs workers alone, on as
//! many machines as wanted: claims never hand one job to two live workers.

mod deliver;
mod handlers;
mod schedule;
mod sla;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use jiff::SignedDuration;
use tend_store::{Handled, Job, JobError, RunOutcome, StoreError, StoreResult, run_due};

pub use deliver::{MailJob, enqueue_mail};
pub use schedule::{NEW_COMPLAINT_JOBS, after_change, complete_action};

use crate::AppState;
use crate::mail::Mailer;

/// The job kinds Tend runs.
pub mod kinds {
    /// Watches a complaint's response standards: warnings, breaches, automatic escalation.
    pub const SLA: &str = "sla";
    /// Tells the customer their complaint is registered, with its status link.
    pub const ACKNOWLEDGE: &str = "acknowledge";
    /// A resolved complaint's follow-up is due: ask the customer whether they are satisfied.
    pub const FOLLOW_UP: &str = "follow_up";
    /// A purchase's retention contact is due.
    pub const RETENTION: &str = "retention";
    /// One outgoing message.
    pub const MAIL: &str = "mail";
    /// Every kind but [`MAIL`]: what a worker without an SMTP server runs.
    pub const WITHOUT_MAIL: &[&str] = &[SLA, ACKNOWLEDGE, FOLLOW_UP, RETENTION];
}

/// How a worker runs.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Unique among running workers: it names the holder of each lease.
    pub name: String,
    /// Jobs claimed at once.
    pub batch: u32,
    /// How long a claimed batch is this worker's; it must outlast the batch's handlers.
    pub lease: SignedDuration,
    /// The pause after finding nothing due.
    pub idle_poll: Duration,
}

impl WorkerConfig {
    /// Defaults for a worker named `name`: batches of 50, a 5-minute lease, a 1-second poll.
    pub fn new(name: impl Into<String>) -> Self {
        WorkerConfig {
            name: name.into(),
            batch: 50,
            lease: SignedDuration::from_mins(5),
            idle_poll: Duration::from_secs(1),
        }
    }

    /// A name unique to this process: host, process id and a random part.
    pub fn unique_name() -> String {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "tend".into());
        format!(
            "{host}-{}-{:08x}",
            std::process::id(),
            rand::random::<u32>()
        )
    }
}

/// A worker: the app's state, the mailer (none: mail jobs wait for a worker that has one), and
/// its configuration.
#[derive(Clone)]
pub struct Worker {
    pub(crate) state: AppState,
    pub(crate) mailer: Option<Arc<Mailer>>,
    pub(crate) config: Arc<WorkerConfig>,
}

impl Worker {
    pub fn new(state: AppState, mailer: Option<Mailer>, config: WorkerConfig) -> Self {
        Worker {
            state,
            mailer: mailer.map(Arc::new),
            config: Arc::new(config),
        }
    }

    /// Claims one batch of due jobs and runs them.
    pub async fn run_once(&self) -> StoreResult<RunOutcome> {
        let kinds = if self.mailer.is_some() {
            &[][..]
        } else {
            kinds::WITHOUT_MAIL
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
    pub async fn run(self, shutdown: impl Future<Output = ()>) {
        tokio::pin!(shutdown);
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
        let result = match job.kind.as_str() {
            kinds::SLA => sla::run(self, &job).await,
            kinds::MAIL => return deliver::run(self, &job).await,
            kinds::ACKNOWLEDGE => handlers::acknowledge(self, &job).await,
            kinds::FOLLOW_UP => handlers::follow_up(self, &job).await,
            kinds::RETENTION => handlers::retention(self, &job).await,
            other => return Err(JobError::GiveUp(format!("unknown job kind {other:?}"))),
        };
        result.map_err(|e| match e {
            // The subject is gone or the payload is wrong: no retry can help.
            StoreError::NotFound(_) | StoreError::Domain(_) => JobError::GiveUp(e.to_string()),
            other => JobError::Retry(other.to_string()),
        })
    }
}

/// The id a job's payload names under `field`.
pub(crate) fn payload_id(job: &Job, field: &'static str) -> StoreResult<i64> {
    job.payload[field]
        .as_i64()
        .ok_or_else(|| StoreError::field(field, "missing from the job's payload"))
}
