//! What a complaint's changes set off: the jobs a new complaint starts with, the watcher
//! re-armed when anything it reads changes, the follow-up scheduled at resolution (default
//! delay per category) and the CSAT question a day after it, and the assignee told about a
//! new assignment.

use jiff::{SignedDuration, Timestamp};
use tend_domain::catalog::follow_up_days;
use tend_domain::complaints::lifecycle::Action;
use tend_domain::complaints::{ComplaintRecord, Status};
use tend_domain::kernel::ids::ComplaintId;
use tend_store::{Complaint, NewJob, StoreResult};

use super::messages::{Acknowledge, FollowUp, FollowUpDue};
use super::watch::Watch;
use crate::AppState;
use crate::csat::{self, Csat, CsatDue};
use crate::i18n::zones::employee_zone;
use crate::i18n::{Language, instant};
use crate::jobs::{enqueue, new_job, rearm};
use crate::mail::deliver::{Event, enqueue_mail};
use crate::mail::{OutgoingMail, Template};

/// The jobs every complaint taken through the API or the web starts with, due at once and
/// stored in the same transaction as the complaint (see `Store::create_complaint_with_jobs`):
/// its watcher and its acknowledgement. Imports start none: old complaints get no
/// acknowledgement.
pub fn new_complaint_jobs(id: ComplaintId, now: Timestamp) -> Vec<NewJob> {
    vec![
        new_job::<Watch>(&id.into(), now),
        new_job::<Acknowledge>(&id.into(), now),
    ]
}

/// Fills in what an action leaves to Tend: a `resolve` without a follow-up time gets the
/// category's delay (see [`follow_up_days`]).
pub async fn complete_action(
    s: &AppState,
    record: &ComplaintRecord,
    action: Action,
) -> StoreResult<Action> {
    Ok(match action {
        Action::Resolve {
            corrective_action,
            compensation,
            prevention_suggestion,
            follow_up_at: None,
        } => {
            let days = follow_up_days(&s.store.categories().await?, record.category_id);
            Action::Resolve {
                corrective_action,
                compensation,
                prevention_suggestion,
                // A follow-up "after 0 days" is one minute on: the method needs it after resolution.
                follow_up_at: Some(
                    s.clock.now()
                        + SignedDuration::from_hours(24 * days.max(0))
                            .max(SignedDuration::from_mins(1)),
                ),
            }
        }
        other => other,
    })
}

/// Schedules what the change from `before` to `after` calls for. Every job is keyed by its
/// event, so calling this twice for one change schedules nothing twice.
pub async fn after_change(
    s: &AppState,
    before: &ComplaintRecord,
    after: &Complaint,
    now: Timestamp,
) -> StoreResult<()> {
    let (id, r) = (after.id, &after.record);
    let watched = |x: &ComplaintRecord| {
        (
            x.status,
            x.priority,
            x.channel.clone(),
            x.waiting.as_ref().map(|w| w.since),
            x.paused_minutes,
            x.understanding.first_response_at,
            x.resolution.resolved_at,
            x.assignee_id,
        )
    };
    if watched(before) != watched(r) {
        rearm::<Watch>(&s.store, &id.into(), now, now).await?;
    }
    if r.status == Status::Resolved
        && before.status != Status::Resolved
        && let (Some(at), Some(resolved)) = (r.follow_up.scheduled_at, r.resolution.resolved_at)
    {
        let due = FollowUpDue {
            complaint: id.0,
            resolved: resolved.as_microsecond(),
        };
        enqueue::<FollowUp>(&s.store, &due, at, now).await?;
    }
    if r.status == Status::Resolved
        && before.status != Status::Resolved
        && let Some(resolved) = r.resolution.resolved_at
    {
        let due = CsatDue {
            complaint: id.0,
            resolved: resolved.as_microsecond(),
            assignee: r.assignee_id.map(|e| e.0),
        };
        enqueue::<Csat>(&s.store, &due, csat::due_at(resolved), now).await?;
    }
    if let Some(to) = r.assignee_id
        && before.assignee_id != Some(to)
    {
        let staff = s.store.employees().await?;
        if let Some(e) = staff.iter().find(|e| e.id == to && e.active) {
            let summary = r
                .subject
                .clone()
                .unwrap_or_else(|| r.description.chars().take(80).collect());
            let language = Language::from_tag(&e.language);
            let company = s.store.company_time_zone().await?;
            let tz = employee_zone(e, company.as_deref());
            let mail = OutgoingMail {
                to: e.email.clone(),
                to_name: Some(e.name.clone()),
                language,
                template: Template::Assignment {
                    name: e.name.clone(),
                    reference: after.reference.clone(),
                    summary,
                    received: instant::datetime(&r.received_at, &tz, language),
                    link: format!("{}/complaints/{}", s.public_url(), id.0),
                },
                withdraw_link: None,
            };
            let event = Event::Assigned(id, to, after.version);
            enqueue_mail(&s.store, &event, &r.channel, mail, now).await?;
        }
    }
    Ok(())
}
