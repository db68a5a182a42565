//! What a complaint's changes set off: the jobs a new complaint starts with, the watcher
//! re-armed when anything it reads changes, the follow-up scheduled at resolution (default
//! delay per category), and the assignee told about a new assignment.

use jiff::{SignedDuration, Timestamp};
use tend_domain::catalog::follow_up_days;
use tend_domain::complaint::{ComplaintRecord, Status};
use tend_domain::lifecycle::Action;
use tend_store::{Complaint, StoreResult};

use super::{enqueue_mail, kinds};
use crate::AppState;
use crate::mail::{Language, OutgoingMail, Template};

/// The jobs every complaint taken through the API or the web starts with, stored in the same
/// transaction as the complaint (see `Store::create_complaint_with_jobs`). Imports start none:
/// old complaints get no acknowledgement.
pub const NEW_COMPLAINT_JOBS: &[&str] = &[kinds::SLA, kinds::ACKNOWLEDGE];

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
            x.waiting_since,
            x.paused_minutes,
            x.first_response_at,
            x.resolved_at,
            x.assignee_id,
        )
    };
    if watched(before) != watched(r) {
        let payload = serde_json::json!({ "complaint": id.0 });
        let key = format!("{}:{}", kinds::SLA, id.0);
        s.store.rearm(kinds::SLA, &payload, &key, now, now).await?;
    }
    if r.status == Status::Resolved
        && before.status != Status::Resolved
        && let (Some(at), Some(resolved)) = (r.follow_up_at, r.resolved_at)
    {
        let payload = serde_json::json!({ "complaint": id.0 });
        let key = format!(
            "{}:{}:{}",
            kinds::FOLLOW_UP,
            id.0,
            resolved.as_microsecond()
        );
        s.store
            .enqueue(kinds::FOLLOW_UP, &payload, at, Some(&key), now)
            .await?;
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
            let mail = OutgoingMail {
                to: e.email.clone(),
                to_name: Some(e.name.clone()),
                language: Language::from_tag(&e.language),
                template: Template::Assignment {
                    name: e.name.clone(),
                    reference: after.reference.clone(),
                    summary,
                    link: format!("{}/complaints/{}", s.public_url(), id.0),
                },
            };
            let event = format!("assigned:{}:{}:v{}", id.0, to.0, after.version);
            enqueue_mail(&s.store, &event, &r.channel, mail, now).await?;
        }
    }
    Ok(())
}
