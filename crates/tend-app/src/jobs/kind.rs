//! What a job is: the [`JobKind`] trait every job implements, the only ways to queue one, and
//! the [`Worker`] its handler runs in. The job kinds themselves live in their capabilities.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tend_store::{Handled, Job, JobError, NewJob, Store, StoreError, StoreResult};

use crate::AppState;
use crate::mail::Mailer;

/// One kind of background job, defined once: the kind stored in `jobs.kind`, the payload it
/// carries (JSON of [`JobKind::Payload`]), the dedupe key that makes its event happen once, and
/// the handler. Register it in `registry::REGISTRY`; enqueue it only through [`enqueue`], [`rearm`] or
/// [`new_job`], so neither its kind nor its key is ever written anywhere else.
pub trait JobKind: 'static {
    /// The kind as stored, e.g. `"sla"`. Stored jobs name it: never change it.
    const KIND: &'static str;
    /// Whether the job sends mail, so only a worker with an SMTP server claims it.
    const NEEDS_MAILER: bool = false;
    type Payload: Serialize + DeserializeOwned + Send + Sync;
    /// The key under which at most one such job is queued, e.g. `"sla:42"`.
    fn dedupe_key(payload: &Self::Payload) -> String;
    /// Runs the job once; it may run again (at least once), so it must be idempotent.
    fn run(
        w: &Worker,
        job: &Job,
        payload: Self::Payload,
    ) -> impl Future<Output = Result<Handled, JobError>> + Send;
}

/// The row that stores a job of kind `J` due at `run_at`, for writing beside the change that
/// sets it off (in the same transaction).
pub fn new_job<J: JobKind>(payload: &J::Payload, run_at: Timestamp) -> NewJob {
    NewJob {
        kind: J::KIND.to_owned(),
        payload: serde_json::to_value(payload).expect("a job payload serializes"),
        run_at,
        dedupe_key: J::dedupe_key(payload),
    }
}

/// Queues a job of kind `J` due at `run_at`; nothing when one with its key is queued already.
/// Returns whether it was new.
pub async fn enqueue<J: JobKind>(
    store: &Store,
    payload: &J::Payload,
    run_at: Timestamp,
    now: Timestamp,
) -> StoreResult<bool> {
    let job = new_job::<J>(payload, run_at);
    Ok(store
        .enqueue(&job.kind, &job.payload, run_at, Some(&job.dedupe_key), now)
        .await?
        .is_some())
}

/// Brings the job of kind `J` with this payload's key forward to `run_at`, or queues it anew
/// (see `Store::rearm`).
pub async fn rearm<J: JobKind>(
    store: &Store,
    payload: &J::Payload,
    run_at: Timestamp,
    now: Timestamp,
) -> StoreResult<()> {
    let job = new_job::<J>(payload, run_at);
    store
        .rearm(&job.kind, &job.payload, &job.dedupe_key, run_at, now)
        .await?;
    Ok(())
}

/// A handler's store failure as a job outcome: a missing subject or a refused change cannot
/// get better by retrying; anything else (the database) may.
pub fn job_error(e: StoreError) -> JobError {
    match e {
        StoreError::NotFound(_) | StoreError::Domain(_) => JobError::GiveUp(e.to_string()),
        other => JobError::Retry(other.to_string()),
    }
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
}
