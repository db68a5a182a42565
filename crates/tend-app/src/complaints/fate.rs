//! Merging and deleting complaints, for managers, from the API and the pages alike: a merge
//! points one complaint at another of the same customer (both timelines kept); a delete is a
//! recorded soft delete whose purge job erases the text after `AppState::purge_after`
//! (30 days by default), keeping a tombstone row (see `tend_store`'s `purge` module).

use serde::{Deserialize, Serialize};
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
    let purge = new_job::<Purge>(&PurgeDue { complaint: id.0 }, now + s.purge_after);
    s.store
        .delete_complaint(id, reason.as_str(), actor, purge, now)
        .await
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

    async fn run(w: &Worker, _: &Job, p: PurgeDue) -> Result<Handled, JobError> {
        let now = w.state.clock.now();
        w.state
            .store
            .purge_complaint(ComplaintId(p.complaint), now)
            .await
            .map_err(job_error)?;
        Ok(Handled::Done)
    }
}
