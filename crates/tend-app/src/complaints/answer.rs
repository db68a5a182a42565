//! The customer answers: when they write on a complaint that waits on them — on the status page
//! or by mail — the wait ends (`customer_replied` on the timeline, the response clock running
//! again) in the same transaction as what they wrote, so the complaint is back with its agents
//! the moment the message is there, and never one without the other. A complaint not waiting
//! is left as it is: what the customer wrote is for its agent to read.

use jiff::Timestamp;
use tend_domain::channels::service_hours::ServiceHours;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::complaints::lifecycle::{Action, apply_with};
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{Actor, ChangeFn, Complaint, Entry, StoreError, StoreResult};

use super::after_change;
use crate::AppState;

/// How many times a write that met another change of the same complaint is tried again.
pub const TRIES: usize = 8;

/// The change that ends a wait on the customer because they wrote, at `now` in the channel's
/// `hours` (the wait's time is paused time): the method's `customer_replied`. A complaint not
/// waiting is left untouched (no timeline entry).
pub fn ends_wait(hours: ServiceHours, now: Timestamp) -> ChangeFn<'static> {
    Box::new(move |r: &mut ComplaintRecord| {
        if r.waiting.is_none() {
            return Ok(());
        }
        apply_with(r, Action::CustomerReplied { note: None }, now, &hours)
    })
}

/// The entry that ends a wait when the customer wrote (see [`ends_wait`]), under its action's
/// name, for a change of the complaint whose channel keeps `hours`.
pub fn ends_wait_entry(hours: ServiceHours, now: Timestamp) -> Entry<'static> {
    Entry::Change("customer_replied", ends_wait(hours, now))
}

/// The service hours of complaint `id`'s channel.
pub async fn hours_of(s: &AppState, id: ComplaintId) -> StoreResult<ServiceHours> {
    let c = s.store.complaint(id).await?;
    Ok(s.store.channel_settings(&c.record.channel).await?.0)
}

/// The customer wrote `text` on complaint `id`'s status page: a step with no author
/// (refused on `text` when empty or too long) and, if the complaint waited on them, the end of
/// the wait — one transaction; then the watcher is re-armed for the running clock. Tried
/// again when another change of the complaint came first.
pub async fn customer_wrote(
    s: &AppState,
    id: ComplaintId,
    actor: &Actor,
    text: &str,
) -> StoreResult<Complaint> {
    let hours = hours_of(s, id).await?;
    let mut tries = 0;
    loop {
        let now = s.clock.now();
        let before = std::sync::Mutex::new(None);
        let entries = vec![
            Entry::Change(
                "read",
                Box::new(|r: &mut ComplaintRecord| {
                    *before.lock().expect("before lock") = Some(r.clone());
                    Ok(())
                }),
            ),
            Entry::Step(text.to_owned()),
            ends_wait_entry(hours.clone(), now),
        ];
        let changed = s
            .store
            .change_complaint_all(id, None, actor, now, entries)
            .await;
        match changed {
            Err(StoreError::Conflict {
                field: "version", ..
            }) if tries < TRIES => tries += 1,
            Err(e) => return Err(e),
            Ok(after) => {
                if let Some(before) = before.into_inner().expect("before lock") {
                    after_change(s, &before, &after, now).await?;
                }
                return Ok(after);
            }
        }
    }
}
