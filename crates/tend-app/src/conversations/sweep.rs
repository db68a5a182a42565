//! The sweep of attachment files no row names: the typed job `attachments_sweep`, queued once
//! by every worker as it starts (one job, by its key) and run again a day after each run.
//! Files are stored by hash before the row naming them is committed, and some never get one (a
//! message held in the quarantine, refused, or lost in a crash; a release stores its files
//! again), so a file is removed only when no `message_attachments` row names it and it was last
//! written or re-used more than [`GRACE`] ago — a write in flight is never removed. A file
//! about to go is first renamed aside and its time looked at again: one re-used meanwhile
//! (`files::put` sets its time, or writes it anew once it is gone) is put back.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use tend_store::{Handled, Job, JobError, StoreResult};

use super::files::path_of;
use crate::AppState;
use crate::jobs::{JobKind, Worker, enqueue, job_error};

/// How long a file no row names is kept after it was last written or re-used.
pub const GRACE: SignedDuration = SignedDuration::from_hours(24);
/// How often the sweep runs.
pub const EVERY: SignedDuration = SignedDuration::from_hours(24);

/// What a sweep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Files no row names (and leftovers of interrupted writes) removed.
    pub removed: usize,
    /// Files left: named by a row, or written or re-used within the grace period.
    pub kept: usize,
}

/// The last modification of `path` as an instant; `None` when it cannot be read.
fn modified(path: &Path) -> Option<Timestamp> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let since = t.duration_since(SystemTime::UNIX_EPOCH).ok()?;
    Timestamp::from_nanosecond(since.as_nanos() as i128).ok()
}

/// The files stored (hash, path) and the leftovers of interrupted writes.
type Listed = (Vec<(String, PathBuf)>, Vec<PathBuf>);

/// Every file under `dir`'s two-hex-digit directories: the hashes stored, and the leftovers
/// of writes interrupted (names starting with `.`).
fn listed(dir: &Path) -> std::io::Result<Listed> {
    let (mut stored, mut leftovers) = (Vec::new(), Vec::new());
    let top = match std::fs::read_dir(dir) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((stored, leftovers)),
        Err(e) => return Err(e),
    };
    for sub in top {
        let sub = sub?.path();
        if !sub.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&sub)? {
            let path = f?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if name.starts_with('.') {
                leftovers.push(path);
            } else if path_of(dir, &name).as_ref() == Some(&path) {
                stored.push((name.into_owned(), path));
            }
        }
    }
    Ok((stored, leftovers))
}

/// Removes `path` when it is older than `cutoff`, renaming it aside first and putting it back
/// if it was re-used meanwhile; whether it was removed.
fn remove_if_old(path: &Path, cutoff: Timestamp) -> std::io::Result<bool> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let aside = path.with_file_name(format!(".sweep.{name}"));
    match std::fs::rename(path, &aside) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    }
    if modified(&aside).is_some_and(|t| t < cutoff) {
        std::fs::remove_file(&aside)?;
        Ok(true)
    } else {
        std::fs::rename(&aside, path)?;
        Ok(false)
    }
}

/// Sweeps the attachments directory as of `now` (see the module's documentation).
pub async fn sweep(s: &AppState, now: Timestamp) -> StoreResult<Swept> {
    let cutoff = now - GRACE;
    let dir = s.files().to_owned();
    let io = |e: std::io::Error| tend_store::StoreError::io(e);
    let (stored, leftovers) = {
        let dir = dir.clone();
        tokio::task::spawn_blocking(move || listed(&dir))
            .await
            .map_err(|e| io(std::io::Error::other(e)))?
            .map_err(io)?
    };
    let total = stored.len();
    let old: Vec<(String, PathBuf)> = stored
        .into_iter()
        .filter(|(_, p)| modified(p).is_some_and(|t| t < cutoff))
        .collect();
    let hashes: Vec<String> = old.iter().map(|(h, _)| h.clone()).collect();
    let named = s.store.referenced_files(&hashes).await?;
    let orphans = old.into_iter().filter(|(h, _)| !named.contains(h));
    let (orphans, leftovers): (Vec<PathBuf>, Vec<PathBuf>) =
        (orphans.map(|(_, p)| p).collect(), leftovers);
    let removed = tokio::task::spawn_blocking(move || {
        let mut removed = (0, 0);
        for p in &orphans {
            removed.0 += usize::from(remove_if_old(p, cutoff)?);
        }
        for p in &leftovers {
            removed.1 += usize::from(remove_if_old(p, cutoff)?);
        }
        Ok::<_, std::io::Error>(removed)
    })
    .await
    .map_err(|e| io(std::io::Error::other(e)))?
    .map_err(io)?;
    Ok(Swept {
        removed: removed.0 + removed.1,
        kept: total - removed.0,
    })
}

/// The sweep's payload: nothing (there is one sweep).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SweepDue {}

/// The sweep of unreferenced attachment files, every [`EVERY`]. Key: `attachments_sweep`.
pub struct SweepFiles;

impl JobKind for SweepFiles {
    const KIND: &'static str = "attachments_sweep";
    type Payload = SweepDue;

    fn dedupe_key(_: &SweepDue) -> String {
        Self::KIND.to_owned()
    }

    /// Sweeps, logs what it removed, and runs again [`EVERY`] from now.
    async fn run(w: &Worker, _: &Job, _: SweepDue) -> Result<Handled, JobError> {
        let now = w.state.clock.now();
        let swept = sweep(&w.state, now).await.map_err(job_error)?;
        metrics::counter!("tend_attachment_files_swept_total").increment(swept.removed as u64);
        tracing::info!(
            removed = swept.removed,
            kept = swept.kept,
            "attachments swept"
        );
        Ok(Handled::Defer(now + EVERY))
    }
}

/// Queues the sweep to run now unless it is queued already.
pub async fn schedule(s: &AppState) -> StoreResult<()> {
    let now = s.clock.now();
    enqueue::<SweepFiles>(&s.store, &SweepDue::default(), now, now).await?;
    Ok(())
}
