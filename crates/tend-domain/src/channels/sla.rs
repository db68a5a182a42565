//! When a complaint's response standards call for a warning or a breach alert, and when to look
//! again: the plan the background watcher follows. Pure; the store and mail live elsewhere.
//!
//! A target warns once `warn_at_percent` of its service minutes have passed and breaches at its
//! due time. A met target, or one paused while the complaint waits on the customer, plans
//! nothing: the reply that ends the pause wakes the watcher, which then plans afresh with the
//! pause counted. A watcher that runs late fires only what is due *now* — a breach, not also the
//! warning it slept through.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::channels::response_standard::ResponseStandards;
use crate::channels::service_hours::{ServiceHours, ServiceHoursError};
use crate::complaints::{ComplaintRecord, Status};

/// Which target an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    FirstResponse,
    Resolution,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::FirstResponse => "first_response",
            Target::Resolution => "resolution",
        }
    }
}

/// How far past its target a complaint is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Warning,
    Breach,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Warning => "warning",
            Stage::Breach => "breach",
        }
    }
}

/// One alert due now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alert {
    pub target: Target,
    pub stage: Stage,
    /// The target's due instant.
    pub due: Timestamp,
}

/// What to do now and when to look again (`None`: nothing left to watch until the complaint
/// changes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub fire: Vec<Alert>,
    pub next_check: Option<Timestamp>,
}

/// The plan for `r` at `now` under its channel's `hours` and `standards`.
pub fn plan(
    r: &ComplaintRecord,
    standards: &ResponseStandards,
    hours: &ServiceHours,
    now: Timestamp,
) -> Result<Plan, ServiceHoursError> {
    let mut out = Plan::default();
    let Some(targets) = standards.targets.get(&r.priority) else {
        return Ok(out);
    };
    if r.status == Status::Closed || r.waiting.is_some() {
        return Ok(out);
    }
    let paused = r.paused_minutes.max(0);
    for (target, minutes, done) in [
        (
            Target::FirstResponse,
            targets.first_response_minutes,
            r.understanding.first_response_at,
        ),
        (
            Target::Resolution,
            targets.resolution_minutes,
            r.resolution.resolved_at,
        ),
    ] {
        if done.is_some() {
            continue;
        }
        let warn_minutes = minutes * standards.warn_at_percent / 100;
        let warn_at = hours.add(r.received_at, warn_minutes + paused)?;
        let due = hours.add(r.received_at, minutes + paused)?;
        let next = if now >= due {
            out.fire.push(Alert {
                target,
                stage: Stage::Breach,
                due,
            });
            None
        } else if now >= warn_at {
            out.fire.push(Alert {
                target,
                stage: Stage::Warning,
                due,
            });
            Some(due)
        } else {
            Some(warn_at)
        };
        out.next_check = match (out.next_check, next) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    Ok(out)
}
