//! The response-standard watcher: one `sla` job per complaint that follows the domain's
//! [`plan`](tend_domain::channels::sla::plan) — alerts staff at the warning and breach times (each once,
//! by its event key), escalates on breach when the channel says so, and defers itself to the
//! next instant worth a look. Any change to the complaint re-arms it (see `schedule.rs`).

use tend_domain::channels::service_hours::ServiceHours;
use tend_domain::channels::sla::{Alert, Stage, plan};
use tend_domain::complaints::Status;
use tend_domain::complaints::lifecycle::{Action, apply_with};
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::staff::{Employee, Role};
use tend_store::{Actor, Complaint, Handled, Job, JobError, StoreError, StoreResult};

use super::messages::AboutComplaint;
use crate::i18n::zones::employee_zone;
use crate::i18n::{Language, instant};
use crate::jobs::{JobKind, Worker, job_error};
use crate::mail::deliver::{Event, enqueue_mail};
use crate::mail::{OutgoingMail, Template};

/// The watcher of one complaint. Key: `sla:{complaint}`.
pub struct Watch;

impl JobKind for Watch {
    const KIND: &'static str = "sla";
    type Payload = AboutComplaint;

    fn dedupe_key(p: &AboutComplaint) -> String {
        format!("{}:{}", Self::KIND, p.complaint)
    }

    async fn run(w: &Worker, _: &Job, p: AboutComplaint) -> Result<Handled, JobError> {
        run(w, ComplaintId(p.complaint)).await.map_err(job_error)
    }
}

async fn run(w: &Worker, id: ComplaintId) -> StoreResult<Handled> {
    let store = &w.state.store;
    let c = store.complaint(id).await?;
    let (hours, standards) = store.channel_settings(&c.record.channel).await?;
    let now = w.state.clock.now();
    let Ok(p) = plan(&c.record, &standards, &hours, now) else {
        // A calendar that never opens has no due times; a new calendar re-arms the watcher.
        return Ok(Handled::Done);
    };
    if !p.fire.is_empty() {
        let staff = store.employees().await?;
        for alert in &p.fire {
            notify(w, &c, &staff, alert).await?;
            if alert.stage == Stage::Breach && standards.escalate_on_breach {
                escalate(w, &c, &hours, &staff, alert).await?;
            }
        }
    }
    Ok(match p.next_check {
        Some(t) => Handled::Defer(t),
        None => Handled::Done,
    })
}

/// Mails the assignee, or every active manager and admin when nobody is assigned, the due time
/// in each recipient's zone.
async fn notify(w: &Worker, c: &Complaint, staff: &[Employee], alert: &Alert) -> StoreResult<()> {
    let store = &w.state.store;
    let now = w.state.clock.now();
    let recipients = staff.iter().filter(|e| {
        e.active
            && match c.record.assignee_id {
                Some(a) => e.id == a,
                None => e.role >= Role::Manager,
            }
    });
    let summary = c
        .record
        .subject
        .clone()
        .unwrap_or_else(|| c.record.description.chars().take(80).collect());
    let link = format!("{}/complaints/{}", w.state.public_url(), c.id.0);
    let company = store.company_time_zone().await?;
    for e in recipients {
        let (name, reference) = (e.name.clone(), c.reference.clone());
        let language = Language::from_tag(&e.language);
        // Computed in the channel's zone (its service hours), shown in the recipient's, named.
        let due = instant::datetime(&alert.due, &employee_zone(e, company.as_deref()), language);
        let (summary, link) = (summary.clone(), link.clone());
        let template = match alert.stage {
            Stage::Warning => Template::ResponseWarning {
                name,
                reference,
                summary,
                due,
                link,
            },
            Stage::Breach => Template::Breach {
                name,
                reference,
                summary,
                due,
                link,
            },
        };
        let event = Event::Alert(c.id, alert.target, alert.stage, e.id);
        let mail = OutgoingMail {
            to: e.email.clone(),
            to_name: Some(e.name.clone()),
            language,
            template,
            withdraw_link: None,
        };
        enqueue_mail(store, &event, &c.record.channel, mail, now).await?;
    }
    Ok(())
}

/// One tier up, to the first active manager, unless the complaint was escalated since it
/// breached (an earlier run of this job, or a person).
async fn escalate(
    w: &Worker,
    c: &Complaint,
    hours: &ServiceHours,
    staff: &[Employee],
    alert: &Alert,
) -> StoreResult<()> {
    if c.record
        .escalation
        .as_ref()
        .is_some_and(|e| e.at >= alert.due)
        || c.record.status == Status::Closed
    {
        return Ok(());
    }
    let Some(manager) = staff
        .iter()
        .filter(|e| e.active && e.role >= Role::Manager)
        .min_by_key(|e| (e.role, e.id))
    else {
        tracing::warn!(
            complaint = c.id.0,
            "breach: no active manager to escalate to"
        );
        return Ok(());
    };
    let now = w.state.clock.now();
    let action = Action::Escalate {
        reason: format!(
            "{} target breached",
            alert.target.as_str().replace('_', " ")
        ),
        to: manager.id,
        tier: None,
    };
    let actor = Actor::system("Tend (response standards)");
    // Through the one way complaints change, so an escalation sets off what any change does.
    // Today that is nothing more: escalating names the manager (`escalated_to`) and raises the
    // tier, neither of which the watcher reads, and it does not assign them (only assignees
    // are mailed; see `schedule.rs`).
    let changed = super::change(&w.state, c.id, None, &actor, "escalate", now, |r| {
        apply_with(r, action, now, hours)
    })
    .await;
    match changed {
        Ok(_) => Ok(()),
        // Highest tier already, or a concurrent change: nothing more to do here.
        Err(StoreError::Domain(_) | StoreError::Conflict { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}
