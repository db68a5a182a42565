//! Every write the pages make to complaints, in one place: each goes through the same
//! functions as the JSON API's (`crate::changes`), so the rules, the timeline and the background
//! work a change sets off (watcher, acknowledgement, follow-up, assignment mail) are the API's own.

use jiff::Timestamp;
use tend_domain::DomainError;
use tend_domain::complaint::ComplaintRecord;
use tend_domain::ids::ComplaintId;
use tend_domain::lifecycle::Action;
use tend_store::{Actor, Complaint, StoreResult};

use crate::AppState;
use crate::changes;

/// Stores a newly received complaint, with the jobs every new complaint starts with.
pub async fn create(
    s: &AppState,
    record: ComplaintRecord,
    actor: Actor,
    now: Timestamp,
) -> StoreResult<Complaint> {
    changes::take(s, record, actor, now).await
}

/// Takes one step of the method; `version`, when given, must be the one the form was shown with.
pub async fn act(
    s: &AppState,
    id: ComplaintId,
    version: Option<i64>,
    actor: &Actor,
    action: Action,
    _now: Timestamp,
) -> StoreResult<Complaint> {
    changes::act(s, id, version, actor, action).await
}

/// Edits the complaint's own fields (`change` validates them), as the API's PATCH does.
pub async fn edit(
    s: &AppState,
    id: ComplaintId,
    version: Option<i64>,
    actor: &Actor,
    now: Timestamp,
    change: impl FnOnce(&mut ComplaintRecord) -> Result<(), DomainError>,
) -> StoreResult<Complaint> {
    changes::change(s, id, version, actor, "edited", now, change).await
}

/// Adds a dated step taken (or a customer's message) to the complaint.
pub async fn step(
    s: &AppState,
    id: ComplaintId,
    actor: &Actor,
    text: &str,
    now: Timestamp,
) -> StoreResult<i64> {
    s.store.add_step(id, actor, text, now).await
}
