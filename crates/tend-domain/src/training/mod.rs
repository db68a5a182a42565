//! Training and recognition: training sessions (the mandatory introduction of the plan,
//! workshops, regular meetings) with their attendees and attendance, the coverage of the
//! mandatory introduction, and recognition of an employee (by a manager, or from a customer's
//! praise or a satisfied follow-up, linked to the complaint). Validation and the coverage rule.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::*;
use crate::kernel::text::{Line, Name, Text};
use crate::policy::parse_date;

/// The kinds of session: the mandatory introduction of the plan, a workshop, a regular meeting.
pub const KINDS: [&str; 3] = ["introduction", "workshop", "meeting"];
/// The kind every employee must have attended.
pub const MANDATORY: &str = "introduction";
/// Where a recognition comes from: a manager, a customer's praise, a satisfied follow-up.
pub const SOURCES: [&str; 3] = ["manager", "praise", "follow_up"];

/// One invited employee and whether they attended.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    pub employee_id: i64,
    pub attended: bool,
}

/// A session as posted: kind (one of [`KINDS`]), topic, date held (`YYYY-MM-DD`), trainer,
/// the policy version it presents (optional) and its attendees.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionDraft {
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub kind: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub topic: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true, format = Date))]
    pub held_on: Option<String>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub trainer: Option<String>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub policy_version: Option<i64>,
    #[serde(default)]
    pub attendees: Vec<Attendee>,
}

/// A valid session (attendees unique by employee).
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub kind: &'static str,
    pub topic: Line<300>,
    pub held_on: Date,
    pub trainer: Name,
    pub policy_version: Option<i64>,
    pub attendees: Vec<Attendee>,
}

fn required<T>(
    e: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    parse: impl Fn(&str) -> Result<T, Reason>,
) -> Option<T> {
    match raw.map(str::trim) {
        None | Some("") => {
            e.add(field, REQUIRED);
            None
        }
        Some(s) => parse(s).map_err(|r| e.add(field, r)).ok(),
    }
}

fn one_of(allowed: &[&'static str], raw: &str) -> Result<&'static str, Reason> {
    allowed.iter().find(|k| **k == raw).copied().ok_or_else(|| {
        ONE_OF
            .with("allowed", allowed.join(", "))
            .with("got", format!("{raw:?}"))
    })
}

impl SessionDraft {
    /// Checks every field; errors name `kind`, `topic`, `held_on`, `trainer`, `policy_version`
    /// and `attendees` (an employee listed twice).
    pub fn validate(&self) -> Result<Session, DomainError> {
        let mut e = FieldErrors::new();
        let kind = required(&mut e, "kind", self.kind.as_deref(), |s| one_of(&KINDS, s));
        let topic = required(&mut e, "topic", self.topic.as_deref(), Line::parse);
        let held_on = required(&mut e, "held_on", self.held_on.as_deref(), parse_date);
        let trainer = required(&mut e, "trainer", self.trainer.as_deref(), Name::parse);
        if self.policy_version.is_some_and(|v| v <= 0) {
            e.add("policy_version", POSITIVE_ID);
        }
        let ids: BTreeSet<i64> = self.attendees.iter().map(|a| a.employee_id).collect();
        if ids.len() != self.attendees.len() {
            e.add("attendees", TRAINING_ATTENDEE_TWICE);
        }
        e.finish(|| Session {
            kind: kind.expect("checked"),
            topic: topic.expect("checked"),
            held_on: held_on.expect("checked"),
            trainer: trainer.expect("checked"),
            policy_version: self.policy_version,
            attendees: self.attendees.clone(),
        })
    }
}

/// A recognition as posted: the employee, its source (one of [`SOURCES`]; `praise` and
/// `follow_up` need the complaint) and what they are recognised for.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecognitionDraft {
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub employee_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub source: Option<String>,
    pub complaint_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
}

/// A valid recognition.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    pub employee_id: i64,
    pub source: &'static str,
    pub complaint_id: Option<i64>,
    pub note: Text<2000>,
}

impl RecognitionDraft {
    /// Checks every field; errors name `employee_id`, `source`, `complaint_id` and `note`.
    pub fn validate(&self) -> Result<Recognition, DomainError> {
        let mut e = FieldErrors::new();
        if self.employee_id.is_none() {
            e.add("employee_id", REQUIRED);
        }
        let source = required(&mut e, "source", self.source.as_deref(), |s| {
            one_of(&SOURCES, s)
        });
        if source.is_some_and(|s| s != "manager") && self.complaint_id.is_none() {
            e.add("complaint_id", RECOGNITION_COMPLAINT);
        }
        let note = required(&mut e, "note", self.note.as_deref(), Text::parse);
        e.finish(|| Recognition {
            employee_id: self.employee_id.expect("checked"),
            source: source.expect("checked"),
            complaint_id: self.complaint_id,
            note: note.expect("checked"),
        })
    }
}

/// Coverage of the mandatory introduction: of `n` active staff, `trained` attended an
/// introduction session; `missing` are the others' ids (in the order given). The share is
/// `trained / n` (undefined when `n` is 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub trained: usize,
    pub n: usize,
    pub missing: Vec<i64>,
}

/// The coverage of `staff` (active employees' ids) given `attended` (ids of those who attended
/// at least one introduction session).
pub fn coverage(staff: &[i64], attended: &BTreeSet<i64>) -> Coverage {
    let missing: Vec<i64> = staff
        .iter()
        .copied()
        .filter(|id| !attended.contains(id))
        .collect();
    Coverage {
        trained: staff.len() - missing.len(),
        n: staff.len(),
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_counts_attended_introductions() {
        let c = coverage(&[1, 2, 3, 4], &[2, 4, 9].into());
        assert_eq!((c.trained, c.n, c.missing), (2, 4, vec![1, 3]));
    }

    #[test]
    fn praise_needs_its_complaint() {
        let d = RecognitionDraft {
            employee_id: Some(3),
            source: Some("praise".into()),
            complaint_id: None,
            note: Some("Kind on the phone".into()),
        };
        let DomainError::Invalid(f) = d.validate().unwrap_err() else {
            panic!()
        };
        assert_eq!(f.iter().next().unwrap().1.code(), "recognition_complaint");
    }
}
