//! Customer segments: creating, changing and archiving one (each a new version with who and
//! when), resolving a segment id into its members at an instant (for goals, survey audiences
//! and reports), and the profile of a set of customers — all of them, or a segment's.

mod profile;

pub use profile::profile;

use jiff::Timestamp;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::NO_SEGMENT;
use tend_domain::segments::SegmentDraft;
use tend_store::{Members, Store, StoreError, StoreResult, StoredSegment};

/// Validates `draft` and stores it as a new segment created by `by`; the stored segment.
pub async fn create(
    store: &Store,
    draft: &SegmentDraft,
    by: EmployeeId,
    now: Timestamp,
) -> StoreResult<StoredSegment> {
    let s = draft.validate()?;
    let id = store.create_segment(&s, by, now).await?;
    store.segment(id).await
}

/// Stores `draft` (the whole definition) as segment `id`'s next version; `archived` archives
/// it (or, false, restores it). The stored segment.
pub async fn change(
    store: &Store,
    id: i64,
    draft: &SegmentDraft,
    archived: bool,
    by: EmployeeId,
    now: Timestamp,
) -> StoreResult<StoredSegment> {
    let s = draft.validate()?;
    store.change_segment(id, &s, archived, by, now).await?;
    store.segment(id).await
}

/// Archives segment `id` (a new version, same definition); archiving twice changes nothing.
pub async fn archive(
    store: &Store,
    id: i64,
    by: EmployeeId,
    now: Timestamp,
) -> StoreResult<StoredSegment> {
    let current = store.segment(id).await?;
    let v = current.current();
    if v.archived {
        return Ok(current);
    }
    store.change_segment(id, &v.segment, true, by, now).await?;
    store.segment(id).await
}

/// The members of segment `id` read at `at`, for a request that names it in `field`: an
/// unknown id is refused on `field` (`no_segment`), archived ones still answer.
pub async fn members(store: &Store, field: &str, id: i64, at: Timestamp) -> StoreResult<Members> {
    match store.segment(id).await {
        Ok(s) => Ok(Members::new(s.current().segment.rule.clone(), at)),
        Err(StoreError::NotFound(_)) => Err(StoreError::field(field, NO_SEGMENT.with("id", id))),
        Err(e) => Err(e),
    }
}
