//! The record's facts grouped by the method's steps. A group is `Option<…>` where its facts
//! arrive together (a cause has both a root cause and a responsible party, or is absent); it is
//! a plain struct of `Option`s where the sources really hold its facts one by one (imports,
//! reopening).

use jiff::Timestamp;

use super::{Compensation, FollowUpOutcome, ResponsibleParty, SolutionMode};
use crate::kernel::ids::EmployeeId;

/// Step 1, understand: the facts as read back, and when the customer first heard from us.
/// Either may come alone (asking the customer is a first response; an import may carry facts
/// without one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Understanding {
    pub facts: Option<String>,
    pub first_response_at: Option<Timestamp>,
}

/// Step 2, identify the cause: both facts are given in one step, and never taken back.
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub root_cause: String,
    pub responsible_party: ResponsibleParty,
}

/// Step 3, the agreed solution. No solution fact exists without the agreement's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// What the customer asked for first.
    pub customer_proposal: Option<String>,
    pub agreed: String,
    /// How it is carried out; `None` only for imported complaints whose source does not say.
    pub delivery: Option<Delivery>,
}

/// On the spot, or promised by a date: a promise always has its date, on the spot never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    OnTheSpot,
    Promised(Timestamp),
}

impl Delivery {
    pub fn mode(self) -> SolutionMode {
        match self {
            Delivery::OnTheSpot => SolutionMode::OnTheSpot,
            Delivery::Promised(_) => SolutionMode::Promised,
        }
    }

    pub fn promised_by(self) -> Option<Timestamp> {
        match self {
            Delivery::OnTheSpot => None,
            Delivery::Promised(by) => Some(by),
        }
    }
}

impl Solution {
    pub fn mode(&self) -> Option<SolutionMode> {
        self.delivery.map(Delivery::mode)
    }

    pub fn promised_by(&self) -> Option<Timestamp> {
        self.delivery.and_then(Delivery::promised_by)
    }
}

/// Step 4, resolve. Its facts stand alone: the prevention suggestion may be typed at intake, and a
/// reopened complaint keeps its earlier corrective action and compensation but not `resolved_at`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    pub corrective_action: Option<String>,
    pub compensation: Option<Compensation>,
    pub prevention_suggestion: Option<String>,
    pub resolved_at: Option<Timestamp>,
}

/// Step 5, follow up: when it is planned (typed at intake or set on resolving), the customer's
/// answer, and their rating (which outlives a reopening, and may be imported without one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FollowUp {
    /// Column `follow_up_at`.
    pub scheduled_at: Option<Timestamp>,
    pub answer: Option<FollowUpAnswer>,
    pub satisfaction_rating: Option<u8>,
}

/// The customer's answer to the follow-up: an outcome always has its time.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpAnswer {
    pub outcome: FollowUpOutcome,
    pub note: Option<String>,
    /// Column `followed_up_at`.
    pub at: Timestamp,
}

/// Escalated to a named person, at a time, for a reason: all three, or not escalated.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    pub to: EmployeeId,
    pub at: Timestamp,
    pub reason: String,
}

/// Closed at a time, with a reason when it was closed unresolved or unsatisfied.
#[derive(Debug, Clone, PartialEq)]
pub struct Closing {
    pub at: Timestamp,
    pub reason: Option<String>,
}

/// Waiting on the customer since a time, for a reason; the response clock stands still.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub since: Timestamp,
    pub reason: String,
}
