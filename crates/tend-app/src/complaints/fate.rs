//! Merging and deleting complaints, for managers, from the API and the pages alike: a merge
//! points one complaint at another of the same customer (both timelines kept); a delete is a
//! recorded soft delete whose purge job erases the text after the purge period (the days an
//! administrator set, else `AppState::purge_after`, 30 days), keeping a tombstone row (see
//! `tend_store`'s `purge` module). The job reads the period when it runs, so a changed setting
//! applies to complaints deleted before the change too.

use jiff::SignedDuration;
use serde::{Deserialize, Serialize};
use tend_domain::complaints::PurgeDays;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::text::Line;
use tend_store::{Actor, Handled, Job, JobError, StoreError, StoreResult};

use crate::AppState;
use crate::jobs::{JobKind, Worker, job_error, new_job};

/// The longest reason a delete may give, in characters.
pub const DELETE_REASON_MAX: usize = 500;

/// Merges complaint `from` into `into` (see `Store::merge_complaint`).
pub async fn merge(
    s: &AppState,
    from: ComplaintId,
    into: ComplaintId,
    actor: &Actor,
) -> StoreResult<()> {
    s.store
        .merge_complaint(from, into, actor, s.clock.now())
        .await
}

/// Soft-deletes complaint `id` because of `reason` (1 to [`DELETE_REASON_MAX`] characters, one
/// line) and queues its purge. Errors: field `reason` when it is empty or too long; those of
/// `Store::delete_complaint`.
pub async fn delete(s: &AppState, id: ComplaintId, reason: &str, actor: &Actor) -> StoreResult<()> {
    let reason =
        Line::<DELETE_REASON_MAX>::parse(reason).map_err(|r| StoreError::field("reason", r))?;
    let now = s.clock.now();
    let purge = new_job::<Purge>(&PurgeDue { complaint: id.0 }, now + purge_period(s).await?);
    s.store
        .delete_complaint(id, reason.as_str(), actor, purge, now)
        .await
}

/// The purge period in force: the administrator's setting (`Store::complaint_purge_days`), else
/// `AppState::purge_after`.
pub async fn purge_period(s: &AppState) -> StoreResult<SignedDuration> {
    Ok(match s.store.complaint_purge_days().await? {
        Some(days) => days.duration(),
        None => s.purge_after,
    })
}

/// Sets the purge period (`days` as typed). Errors: field `purge_days` (`whole_number`,
/// `range`); the store's.
pub async fn set_purge_days(s: &AppState, days: &str, actor: &Actor) -> StoreResult<PurgeDays> {
    let days = PurgeDays::parse(days).map_err(|r| StoreError::field("purge_days", r))?;
    s.store
        .set_complaint_purge_days(days, s.clock.now(), actor)
        .await?;
    Ok(days)
}

/// Which deleted complaint to purge.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PurgeDue {
    pub complaint: i64,
}

/// The purge of one deleted complaint, due `purge_after` after the delete. Key:
/// `complaint_purge:{complaint}`.
pub struct Purge;

impl JobKind for Purge {
    const KIND: &'static str = "complaint_purge";
    type Payload = PurgeDue;

    fn dedupe_key(p: &PurgeDue) -> String {
        format!("{}:{}", Self::KIND, p.complaint)
    }

    /// Purges once the period in force has passed since the delete; before that, defers to
    /// then (the setting may have changed since the job was queued).
    async fn run(w: &Worker, _: &Job, p: PurgeDue) -> Result<Handled, JobError> {
        let now = w.state.clock.now();
        let id = ComplaintId(p.complaint);
        let Some(deleted) = w
            .state
            .store
            .deleted_unpurged_at(id)
            .await
            .map_err(job_error)?
        else {
            return Ok(Handled::Done);
        };
        let due = deleted + purge_period(&w.state).await.map_err(job_error)?;
        if now < due {
            return Ok(Handled::Defer(due));
        }
        w.state
            .store
            .purge_complaint(ComplaintId(p.complaint), now)
            .await
            .map_err(job_error)?;
        Ok(Handled::Done)
    }
}
