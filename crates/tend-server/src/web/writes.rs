//! Every write the pages make to complaints, in one place, so that they stay the JSON API's
//! own: a new complaint through the store's intake, a step of the method through
//! `lifecycle::apply_with` (pauses counted in the channel's service hours) and
//! `Store::change_complaint`, an edit like the API's PATCH, a step taken through `add_step`.
//! Whatever the API does around a write (e.g. scheduling background work) belongs here too.

use jiff::Timestamp;
use tend_domain::DomainError;
use tend_domain::complaint::ComplaintRecord;
use tend_domain::ids::ComplaintId;
use tend_domain::lifecycle::{Action, apply_with};
use tend_store::{Actor, Complaint, StoreResult};

use crate::AppState;

/// Stores a newly received complaint.
pub async fn create(
    s: &AppState,
    record: ComplaintRecord,
    actor: Actor,
    now: Timestamp,
) -> StoreResult<Complaint> {
    s.store.create_complaint(record, actor, now).await
}

/// Takes one step of the method; `version`, when given, must be the one the form was shown with.
pub async fn act(
    s: &AppState,
    id: ComplaintId,
    version: Option<i64>,
    actor: &Actor,
    action: Action,
    now: Timestamp,
) -> StoreResult<Complaint> {
    let name = action.name();
    let channel = s.store.complaint(id).await?.record.channel;
    let (hours, _) = s.store.channel_settings(&channel).await?;
    s.store
        .change_complaint(id, version, actor, name, now, |r| {
            apply_with(r, action, now, &hours)
        })
        .await
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
    s.store
        .change_complaint(id, version, actor, "edited", now, change)
        .await
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
