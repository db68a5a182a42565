//! Tend's use cases: the one way each thing changes (`complaints`), the background jobs those
//! changes set off (`jobs`), outgoing mail (`mail`) and the language catalogues (`i18n`) that
//! pages and mail share. The API (`tend-api`) and the pages (`tend-web`) both call in here;
//! neither knows the other.

pub mod complaints;
pub mod conversations;
pub mod csat;
pub mod dashboard;
pub mod figures;
pub mod goals;
pub mod help;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod plan;
pub mod policy;
pub mod problems;
pub mod quotient;
pub mod reports;
pub mod segments;
pub mod surveys;
pub mod training;
pub mod transactions;
pub mod vision;

use std::sync::Arc;

use tend_domain::kernel::clock::Clock;
use tend_store::Store;

/// The largest request body accepted, by the API and the pages alike: room for a
/// 20,000-character description in any script.
pub const BODY_LIMIT: usize = 256 * 1024;

/// Everything a use case can reach: the store, the clock and the settings of links and
/// retention. Pages and the API add their own settings beside it, never inside.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    /// Where people reach Tend (no trailing `/`): the start of links in messages.
    public_url: Arc<str>,
    /// How long after a purchase its retention contact is due.
    pub retention_after: jiff::SignedDuration,
    /// How long a deleted complaint keeps its text before the purge job erases it (30 days).
    pub purge_after: jiff::SignedDuration,
    /// Where attachments' bytes are kept, by hash (`conversations::files`); outside any
    /// served path.
    files: Arc<std::path::Path>,
}

impl AppState {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Self {
        AppState {
            store,
            clock,
            public_url: "http://127.0.0.1:8080".into(),
            retention_after: jiff::SignedDuration::from_hours(30 * 24),
            purge_after: jiff::SignedDuration::from_hours(30 * 24),
            files: fresh_files_dir().into(),
        }
    }

    /// Keeps attachments' bytes under `dir` (see `conversations::files`).
    pub fn with_files_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.files = dir.into().into();
        self
    }

    /// Where attachments' bytes are kept.
    pub fn files(&self) -> &std::path::Path {
        &self.files
    }

    /// Sets the address people reach Tend at, e.g. `https://help.example.com`.
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = url.trim_end_matches('/').into();
        self
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// When a purchase's retention contact is due, and its job (see `transactions::retention`).
    pub fn retention_plan(&self) -> tend_store::RetentionPlan {
        tend_store::RetentionPlan {
            after: self.retention_after,
            job: transactions::retention::retention_job,
        }
    }

    /// The calendar year now, in UTC: the upper bound of a birth year.
    pub fn year(&self) -> i16 {
        self.clock.now().to_zoned(jiff::tz::TimeZone::UTC).year()
    }
}

/// A directory of its own under the system's temporary directory, for a state made without
/// one (tests and tools); `tend serve`/`tend worker` set `storage.attachments_dir`.
fn fresh_files_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!(
        "tend-attachments-{}-{nanos}-{n}",
        std::process::id()
    ))
}
