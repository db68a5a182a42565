//! Response standards: per priority, how soon a channel answers first and resolves, counted in
//! its service hours; and when a complaint is due under them.

use crate::kernel::reason::*;
use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::channels::service_hours::{ServiceHours, ServiceHoursError};
use crate::complaints::Priority;
use crate::kernel::error::{DomainError, FieldErrors};

/// The longest target Tend accepts: a year of service minutes.
pub const MAX_TARGET_MINUTES: i64 = 366 * 24 * 60;

/// First-response and resolution targets, in service minutes.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub first_response_minutes: i64,
    pub resolution_minutes: i64,
}

/// A channel's response standards. Priorities without targets have no due times.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseStandards {
    /// Targets by priority: `low`, `normal`, `high`, `urgent`.
    #[serde(default)]
    pub targets: BTreeMap<Priority, Targets>,
    /// Warn when this share of a target has passed (1–99 %).
    #[serde(default = "default_warn")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 99))]
    pub warn_at_percent: i64,
    /// On a breach, move the complaint one support tier up.
    #[serde(default)]
    pub escalate_on_breach: bool,
}

fn default_warn() -> i64 {
    80
}

impl Default for ResponseStandards {
    fn default() -> Self {
        ResponseStandards {
            targets: BTreeMap::new(),
            warn_at_percent: default_warn(),
            escalate_on_breach: false,
        }
    }
}

impl ResponseStandards {
    /// Checks every target and the warning share; returns the standards unchanged when valid.
    pub fn validate(self) -> Result<Self, DomainError> {
        let mut e = FieldErrors::new();
        if !(1..=99).contains(&self.warn_at_percent) {
            e.add("warn_at_percent", PERCENT.with("got", self.warn_at_percent));
        }
        for (p, t) in &self.targets {
            for (name, v) in [
                ("first_response_minutes", t.first_response_minutes),
                ("resolution_minutes", t.resolution_minutes),
            ] {
                if !(1..=MAX_TARGET_MINUTES).contains(&v) {
                    e.add(
                        format!("targets.{p}.{name}"),
                        TARGET_MINUTES
                            .with("max", MAX_TARGET_MINUTES)
                            .with("got", v),
                    );
                }
            }
            if t.resolution_minutes < t.first_response_minutes {
                e.add(
                    format!("targets.{p}.resolution_minutes"),
                    RESOLUTION_SHORTER,
                );
            }
        }
        e.finish(|| self)
    }

    /// When a complaint of `priority` received at `received_at` is due: first response and
    /// resolution, each counted in `hours` from receipt and moved by `paused_minutes` spent
    /// waiting on the customer. `None` where the priority has no target.
    pub fn due(
        &self,
        hours: &ServiceHours,
        priority: Priority,
        received_at: Timestamp,
        paused_minutes: i64,
    ) -> Result<(Option<Timestamp>, Option<Timestamp>), ServiceHoursError> {
        let Some(t) = self.targets.get(&priority) else {
            return Ok((None, None));
        };
        let at = |minutes: i64| hours.add(received_at, minutes + paused_minutes.max(0));
        Ok((
            Some(at(t.first_response_minutes)?),
            Some(at(t.resolution_minutes)?),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::service_hours::ServiceHoursSpec;

    fn madrid_office() -> ServiceHours {
        serde_json::from_value::<ServiceHoursSpec>(serde_json::json!({
            "time_zone": "Europe/Madrid",
            "week": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]], "wed": [["09:00", "17:00"]],
                     "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]]}
        }))
        .unwrap()
        .validate()
        .unwrap()
    }

    #[test]
    fn friday_afternoon_with_a_four_hour_target_is_due_monday_midday() {
        let standards: ResponseStandards = serde_json::from_value(serde_json::json!({
            "targets": {"normal": {"first_response_minutes": 240, "resolution_minutes": 960}}
        }))
        .unwrap();
        let standards = standards.validate().unwrap();
        let received: Timestamp = "2026-03-06T15:30:00Z".parse().unwrap(); // Friday 16:30 in Madrid
        let (first, resolve) = standards
            .due(&madrid_office(), Priority::Normal, received, 0)
            .unwrap();
        assert_eq!(first.unwrap().to_string(), "2026-03-09T11:30:00Z"); // Monday 12:30 in Madrid
        assert_eq!(resolve.unwrap().to_string(), "2026-03-10T15:30:00Z"); // two 8-hour days: Tuesday 16:30
        assert_eq!(
            standards
                .due(&madrid_office(), Priority::Urgent, received, 0)
                .unwrap(),
            (None, None)
        );
    }

    #[test]
    fn bad_targets_are_named() {
        let standards: ResponseStandards = serde_json::from_value(serde_json::json!({
            "warn_at_percent": 100,
            "targets": {"urgent": {"first_response_minutes": 0, "resolution_minutes": 60},
                        "low": {"first_response_minutes": 120, "resolution_minutes": 60}}
        }))
        .unwrap();
        let DomainError::Invalid(e) = standards.validate().unwrap_err() else {
            panic!()
        };
        let fields: Vec<_> = e.iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "targets.low.resolution_minutes",
                "targets.urgent.first_response_minutes",
                "warn_at_percent"
            ]
        );
        assert!(serde_json::from_str::<ResponseStandards>(r#"{"targets":{"asap":{}}}"#).is_err());
    }
}

/// Where one target of a complaint stands.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum TargetState {
    /// Not done yet; this much service time is left.
    Pending { minutes_left: i64 },
    /// Waiting on the customer: the clock stands still with this much service time left.
    Paused { minutes_left: i64 },
    /// Done by the due time.
    Met,
    /// Done late, or not done and overdue.
    Breached,
}

/// A target's due instant and state.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Due {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub due_at: Timestamp,
    #[serde(flatten)]
    pub state: TargetState,
}

impl Due {
    /// `done` is when the target was reached, if it was; `waiting_since` when the current
    /// pause began, if the complaint waits on the customer. While paused, `due_at` is where the
    /// target stood when the pause began; it moves on when the customer answers.
    pub fn at(
        hours: &ServiceHours,
        due_at: Timestamp,
        done: Option<Timestamp>,
        waiting_since: Option<Timestamp>,
        now: Timestamp,
    ) -> Due {
        let state = match (done, waiting_since) {
            (Some(t), _) if t <= due_at => TargetState::Met,
            (Some(_), _) => TargetState::Breached,
            (None, Some(w)) if w < due_at => TargetState::Paused {
                minutes_left: hours.elapsed(w, due_at),
            },
            (None, Some(_)) => TargetState::Breached,
            (None, None) if now >= due_at => TargetState::Breached,
            (None, None) => TargetState::Pending {
                minutes_left: hours.elapsed(now, due_at),
            },
        };
        Due { due_at, state }
    }
}

#[cfg(test)]
mod due_tests {
    use super::*;

    #[test]
    fn targets_are_pending_met_or_breached() {
        let hours = ServiceHours::always("UTC").unwrap();
        let due: Timestamp = "2026-03-06T12:00:00Z".parse().unwrap();
        let before: Timestamp = "2026-03-06T11:00:00Z".parse().unwrap();
        let after: Timestamp = "2026-03-06T13:00:00Z".parse().unwrap();
        assert_eq!(
            Due::at(&hours, due, None, None, before).state,
            TargetState::Pending { minutes_left: 60 }
        );
        assert_eq!(
            Due::at(&hours, due, Some(before), None, after).state,
            TargetState::Met
        );
        assert_eq!(
            Due::at(&hours, due, Some(after), None, after).state,
            TargetState::Breached
        );
        assert_eq!(
            Due::at(&hours, due, None, None, after).state,
            TargetState::Breached
        );
        assert_eq!(
            Due::at(&hours, due, None, Some(before), after).state,
            TargetState::Paused { minutes_left: 60 }
        );
    }
}
