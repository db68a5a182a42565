//! Changing complaints the one way, for the API and the pages alike: the method's rules, the
//! timeline (both in the store), and the background work each change sets off — the
//! watcher re-armed, the follow-up scheduled at resolution, the assignee told.

use jiff::Timestamp;
use tend_domain::DomainError;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::complaints::lifecycle::{Action, apply_with};
use tend_domain::customers::Customer;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::{ComplaintId, CustomerId};
use tend_store::{Actor, Complaint, Entry, Rider, StoreError, StoreResult};

pub mod answer;
pub mod due;
pub mod fate;
pub mod messages;
mod schedule;
pub mod watch;

use crate::AppState;
pub use schedule::{after_change, complete_action, new_complaint_jobs};

/// The complaint `raw` names, for the API and the pages alike: its id (`123`), or its public
/// reference (`C-2026-000123`, see `complaint_reference`), which must match exactly — the
/// right number with another year names no complaint. A deleted complaint is not found.
pub async fn find_by_id_or_reference(s: &AppState, raw: &str) -> StoreResult<ComplaintId> {
    let id = find(s, raw).await?;
    match s.store.complaint_fate(id).await? {
        tend_store::Fate::Deleted { .. } => Err(StoreError::NotFound("complaint")),
        _ => Ok(id),
    }
}

async fn find(s: &AppState, raw: &str) -> StoreResult<ComplaintId> {
    let not_found = || StoreError::NotFound("complaint");
    let Some((_, digits)) = raw.strip_prefix("C-").and_then(|r| r.split_once('-')) else {
        return raw.parse().map(ComplaintId).map_err(|_| not_found());
    };
    let id = digits.parse().map(ComplaintId).map_err(|_| not_found())?;
    match s.store.complaint(id).await {
        Ok(c) if c.reference == raw => Ok(id),
        Ok(_) => Err(not_found()),
        Err(e) => Err(e),
    }
}

/// Refuses to change a merged or deleted complaint (field `id`: `complaint_gone`).
async fn live(s: &AppState, id: ComplaintId) -> StoreResult<()> {
    match s.store.complaint_fate(id).await? {
        tend_store::Fate::Live => Ok(()),
        _ => Err(StoreError::field(
            "id",
            tend_domain::kernel::reason::COMPLAINT_GONE,
        )),
    }
}

/// Who a new complaint is from.
pub enum Complainant {
    /// A customer stored already.
    Existing(CustomerId),
    /// A customer to store with the complaint, in its transaction: if the complaint is
    /// refused, no customer is stored. Their consent to later contact, if given, is logged as
    /// given this way.
    New(Box<Customer>, ConsentVia),
}

/// Stores a new complaint with the jobs every new complaint starts with (watcher and
/// acknowledgement, in its transaction), and tells an assignee named at intake.
pub async fn take(
    s: &AppState,
    record: ComplaintRecord,
    actor: Actor,
    now: Timestamp,
) -> StoreResult<Complaint> {
    let from = Complainant::Existing(record.customer_id);
    take_with_customer(s, from, record, actor, now).await
}

/// [`take`] for a complaint from `from`, which it points at whatever `record.customer_id`
/// says: a new customer is stored in the complaint's transaction, so intake stores both or
/// neither.
pub async fn take_with_customer(
    s: &AppState,
    from: Complainant,
    record: ComplaintRecord,
    actor: Actor,
    now: Timestamp,
) -> StoreResult<Complaint> {
    take_after_visit(s, from, record, None, actor, now).await
}

/// [`take_with_customer`] for a complaint sent from the two-step form after articles were
/// shown (`visit`): the visit's `sent` event and its links to the articles shown are stored in
/// the complaint's transaction, so a refused complaint records neither.
pub async fn take_after_visit(
    s: &AppState,
    from: Complainant,
    record: ComplaintRecord,
    visit: Option<tend_store::SentVisit>,
    actor: Actor,
    now: Timestamp,
) -> StoreResult<Complaint> {
    let rider = visit.map_or(Rider::None, Rider::Visit);
    take_riding(s, from, record, rider, actor, now).await
}

/// [`take_with_customer`] storing `rider` in the complaint's transaction (the form's visit,
/// the mail that opened it): a refused complaint stores none of it, and a rider refused (a
/// mail's Message-ID taken already) stores no complaint.
pub async fn take_riding(
    s: &AppState,
    from: Complainant,
    mut record: ComplaintRecord,
    rider: Rider,
    actor: Actor,
    now: Timestamp,
) -> StoreResult<Complaint> {
    let new = match from {
        Complainant::Existing(id) => {
            record.customer_id = id;
            None
        }
        Complainant::New(customer, via) => Some((*customer, via)),
    };
    let stored = s
        .store
        .create_complaint_riding(record, new, rider, actor, now, new_complaint_jobs)
        .await?;
    // Every complaint taken through the API, the pages or the public form (not imports).
    metrics::counter!("tend_complaints_created_total", "channel" => stored.record.channel.to_string())
        .increment(1);
    if stored.record.assignee_id.is_some() {
        let mut before = stored.record.clone();
        before.assignee_id = None;
        after_change(s, &before, &stored, now).await?;
    }
    Ok(stored)
}

/// Changes a complaint with `change` (see `Store::change_complaint`), then schedules what the
/// change calls for.
pub async fn change(
    s: &AppState,
    id: ComplaintId,
    expected_version: Option<i64>,
    actor: &Actor,
    action: &'static str,
    now: Timestamp,
    change: impl FnOnce(&mut ComplaintRecord) -> Result<(), DomainError> + Send,
) -> StoreResult<Complaint> {
    live(s, id).await?;
    let mut before = None;
    let changed = s
        .store
        .change_complaint(id, expected_version, actor, action, now, |r| {
            before = Some(r.clone());
            change(r)
        })
        .await?;
    if let Some(before) = before {
        after_change(s, &before, &changed, now).await?;
    }
    Ok(changed)
}

/// Takes one step of the resolution method: pauses counted in the channel's service hours, a
/// resolution's follow-up defaulting to the category's delay.
pub async fn act(
    s: &AppState,
    id: ComplaintId,
    expected_version: Option<i64>,
    actor: &Actor,
    action: Action,
) -> StoreResult<Complaint> {
    let current = s.store.complaint(id).await?;
    act_all(
        s,
        &current,
        expected_version,
        actor,
        vec![Done::Act(action)],
    )
    .await
}

/// What one form does to a complaint: steps of the method and steps taken, in order.
pub enum Done {
    Act(Action),
    Step(String),
}

/// Everything one form does to `current` (as the caller loaded it: its channel's hours and its
/// category complete the actions), in order and in one transaction (see
/// `Store::change_complaint_all`); what the whole sets off is scheduled once, from the record
/// before the first to after the last.
pub async fn act_all(
    s: &AppState,
    current: &Complaint,
    expected_version: Option<i64>,
    actor: &Actor,
    done: Vec<Done>,
) -> StoreResult<Complaint> {
    live(s, current.id).await?;
    let now = s.clock.now();
    let (hours, _) = s.store.channel_settings(&current.record.channel).await?;
    let before = std::sync::Mutex::new(None);
    let mut entries: Vec<Entry<'_>> = Vec::with_capacity(done.len() + 1);
    // The record as the transaction read it, for scheduling: a change that changes nothing.
    entries.push(Entry::Change(
        "read",
        Box::new(|r: &mut ComplaintRecord| {
            *before.lock().expect("before lock") = Some(r.clone());
            Ok(())
        }),
    ));
    for d in done {
        entries.push(match d {
            Done::Act(action) => {
                let action = complete_action(s, &current.record, action).await?;
                let hours = &hours;
                Entry::Change(
                    action.name(),
                    Box::new(move |r: &mut ComplaintRecord| apply_with(r, action, now, hours)),
                )
            }
            Done::Step(text) => Entry::Step(text),
        });
    }
    let changed = s
        .store
        .change_complaint_all(current.id, expected_version, actor, now, entries)
        .await?;
    let before = before.into_inner().expect("before lock");
    if let Some(before) = before {
        after_change(s, &before, &changed, now).await?;
    }
    Ok(changed)
}
