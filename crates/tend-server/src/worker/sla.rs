//! The response-standard watcher: one `sla` job per complaint that follows the domain's
//! [`plan`](tend_domain::sla::plan) — alerts staff at the warning and breach times (each once,
//! by its event key), escalates on breach when the channel says so, and defers itself to the
//! next instant worth a look. Any change to the complaint re-arms it (see `schedule.rs`).

use tend_domain::complaint::Status;
use tend_domain::employee::{Employee, Role};
use tend_domain::lifecycle::{Action, apply_with};
use tend_domain::service_hours::ServiceHours;
use tend_domain::sla::{Alert, Stage, plan};
use tend_store::{Actor, Complaint, Handled, Job, StoreError, StoreResult};

use super::{Worker, enqueue_mail, payload_id};
use crate::mail::{Language, OutgoingMail, Template};

pub(super) async fn run(w: &Worker, job: &Job) -> StoreResult<Handled> {
    let store = &w.state.store;
    let id = tend_domain::ids::ComplaintId(payload_id(job, "complaint")?);
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
            notify(w, &c, &hours, &staff, alert).await?;
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

/// Mails the assignee, or every active manager and admin when nobody is assigned.
async fn notify(
    w: &Worker,
    c: &Complaint,
    hours: &ServiceHours,
    staff: &[Employee],
    alert: &Alert,
) -> StoreResult<()> {
    let store = &w.state.store;
    let now = w.state.clock.now();
    let recipients = staff.iter().filter(|e| {
        e.active
            && match c.record.assignee_id {
                Some(a) => e.id == a,
                None => e.role >= Role::Manager,
            }
    });
    let due = alert
        .due
        .to_zoned(hours.time_zone().clone())
        .strftime("%Y-%m-%d %H:%M %Z")
        .to_string();
    let summary = c
        .record
        .subject
        .clone()
        .unwrap_or_else(|| c.record.description.chars().take(80).collect());
    let link = format!("{}/complaints/{}", w.state.public_url(), c.id.0);
    for e in recipients {
        let (name, reference) = (e.name.clone(), c.reference.clone());
        let (summary, due, link) = (summary.clone(), due.clone(), link.clone());
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
        let event = format!(
            "sla:{}:{}:{}:employee-{}",
            c.id.0,
            alert.target.as_str(),
            alert.stage.as_str(),
            e.id.0
        );
        let mail = OutgoingMail {
            to: e.email.clone(),
            to_name: Some(e.name.clone()),
            language: Language::from_tag(&e.language),
            template,
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
    if c.record.escalated_at.is_some_and(|at| at >= alert.due) || c.record.status == Status::Closed
    {
        return Ok(());
    }
    let store = &w.state.store;
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
    let changed = store
        .change_complaint(c.id, None, &actor, "escalate", now, |r| {
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
