//! The whole complaint record, and the snapshot of it the timeline compares.

use jiff::Timestamp;

use super::steps::{
    Cause, Closing, Escalation, FollowUp, Resolution, Solution, Understanding, Waiting,
};
use super::{ComplaintDraft, Intake, Kind, Priority, Status};
use crate::catalog::ChannelCode;
use crate::kernel::ids::{CategoryId, CustomerId, EmployeeId, ProductId};
use crate::kernel::text::Tier;

/// A complaint's whole record, apart from its id and bookkeeping.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintRecord {
    pub kind: Kind,
    pub status: Status,
    pub customer_id: CustomerId,
    pub channel: ChannelCode,
    pub received_at: Timestamp,
    pub received_by: Option<EmployeeId>,
    pub category_id: Option<CategoryId>,
    pub product_id: Option<ProductId>,
    pub subject: Option<String>,
    pub description: String,
    pub priority: Priority,
    pub tier: Tier,
    pub assignee_id: Option<EmployeeId>,
    // The method's steps (`steps.rs`); rows, views and `snapshot` flatten them to the columns.
    /// Step 1: understand.
    pub understanding: Understanding,
    /// Step 2: identify the cause.
    pub cause: Option<Cause>,
    /// Step 3: agree a solution.
    pub solution: Option<Solution>,
    /// Step 4: resolve.
    pub resolution: Resolution,
    /// Step 5: follow up.
    pub follow_up: FollowUp,
    /// At any step.
    pub escalation: Option<Escalation>,
    pub closing: Option<Closing>,
    /// Why it was last reopened; stays after a new resolution.
    pub reopen_reason: Option<String>,
    /// Waiting on the customer: the response clock stands still meanwhile.
    pub waiting: Option<Waiting>,
    /// Service minutes spent waiting on the customer in earlier pauses; due times move by this.
    pub paused_minutes: i64,
    /// Where the record came from: `api`, `web`, `import:cfpb`, …
    pub source: String,
    pub external_id: Option<String>,
}

impl ComplaintRecord {
    /// A freshly received complaint.
    pub fn received(intake: Intake, source: &str) -> Self {
        ComplaintRecord {
            kind: intake.kind,
            status: Status::Received,
            customer_id: intake.customer_id,
            channel: intake.channel,
            received_at: intake.received_at,
            received_by: intake.received_by,
            category_id: intake.category_id,
            product_id: intake.product_id,
            subject: intake.subject,
            description: intake.description,
            priority: intake.priority,
            tier: intake.tier,
            assignee_id: intake.assignee_id,
            understanding: Understanding::default(),
            cause: None,
            solution: None,
            resolution: Resolution {
                prevention_suggestion: intake.prevention_suggestion,
                ..Resolution::default()
            },
            follow_up: FollowUp {
                scheduled_at: intake.follow_up_at,
                ..FollowUp::default()
            },
            escalation: None,
            closing: None,
            reopen_reason: None,
            waiting: None,
            paused_minutes: 0,
            source: source.to_owned(),
            external_id: intake.external_id,
        }
    }

    /// Replaces the editable fields with a validated edit.
    pub fn edit(&mut self, i: Intake) {
        self.kind = i.kind;
        self.customer_id = i.customer_id;
        self.channel = i.channel;
        self.received_at = i.received_at;
        self.received_by = i.received_by;
        self.category_id = i.category_id;
        self.product_id = i.product_id;
        self.subject = i.subject;
        self.description = i.description;
        self.priority = i.priority;
        self.tier = i.tier;
        self.assignee_id = i.assignee_id;
        self.follow_up.scheduled_at = i.follow_up_at;
        self.resolution.prevention_suggestion = i.prevention_suggestion;
        self.external_id = i.external_id;
    }

    /// The editable fields as a draft, to merge a partial update over.
    pub fn to_draft(&self) -> ComplaintDraft {
        ComplaintDraft {
            kind: Some(self.kind),
            customer_id: Some(self.customer_id),
            channel: Some(self.channel.to_string()),
            received_at: Some(self.received_at),
            received_by: self.received_by,
            category_id: self.category_id,
            product_id: self.product_id,
            subject: self.subject.clone(),
            description: Some(self.description.clone()),
            priority: Some(self.priority),
            tier: Some(self.tier.get().into()),
            assignee_id: self.assignee_id,
            follow_up_at: self.follow_up.scheduled_at,
            prevention_suggestion: self.resolution.prevention_suggestion.clone(),
            external_id: self.external_id.clone(),
        }
    }

    pub fn escalated(&self) -> bool {
        self.escalation.is_some()
    }

    /// Every field as text, in a fixed order: what the timeline compares before and after a change.
    pub fn snapshot(&self) -> Vec<(&'static str, Option<String>)> {
        fn s<T: ToString>(v: &Option<T>) -> Option<String> {
            v.as_ref().map(ToString::to_string)
        }
        let (u, res, f) = (&self.understanding, &self.resolution, &self.follow_up);
        let (cause, sol) = (self.cause.as_ref(), self.solution.as_ref());
        let (esc, closing, wait) = (
            self.escalation.as_ref(),
            self.closing.as_ref(),
            self.waiting.as_ref(),
        );
        let answer = f.answer.as_ref();
        let c = res.compensation.as_ref();
        vec![
            ("kind", Some(self.kind.to_string())),
            ("status", Some(self.status.to_string())),
            ("customer_id", Some(self.customer_id.to_string())),
            ("channel", Some(self.channel.to_string())),
            ("received_at", Some(self.received_at.to_string())),
            ("received_by", s(&self.received_by)),
            ("category_id", s(&self.category_id)),
            ("product_id", s(&self.product_id)),
            ("subject", self.subject.clone()),
            ("description", Some(self.description.clone())),
            ("priority", Some(self.priority.to_string())),
            ("tier", Some(self.tier.get().to_string())),
            ("assignee_id", s(&self.assignee_id)),
            ("facts", u.facts.clone()),
            ("first_response_at", s(&u.first_response_at)),
            ("root_cause", cause.map(|c| c.root_cause.clone())),
            ("responsible_party", s(&cause.map(|c| c.responsible_party))),
            (
                "customer_proposal",
                sol.and_then(|x| x.customer_proposal.clone()),
            ),
            ("agreed_solution", sol.map(|x| x.agreed.clone())),
            ("solution_mode", s(&sol.and_then(Solution::mode))),
            ("promised_by", s(&sol.and_then(Solution::promised_by))),
            ("corrective_action", res.corrective_action.clone()),
            ("compensation.kind", c.map(|c| c.kind.to_string())),
            (
                "compensation.amount",
                c.and_then(|c| c.money).map(|m| m.to_string()),
            ),
            ("compensation.note", c.and_then(|c| c.note.clone())),
            ("prevention_suggestion", res.prevention_suggestion.clone()),
            ("resolved_at", s(&res.resolved_at)),
            ("follow_up_at", s(&f.scheduled_at)),
            ("follow_up_outcome", s(&answer.map(|a| a.outcome))),
            ("follow_up_note", answer.and_then(|a| a.note.clone())),
            ("followed_up_at", s(&answer.map(|a| a.at))),
            ("satisfaction_rating", s(&f.satisfaction_rating)),
            ("escalated_to", s(&esc.map(|e| e.to))),
            ("escalated_at", s(&esc.map(|e| e.at))),
            ("escalation_reason", esc.map(|e| e.reason.clone())),
            ("closed_at", s(&closing.map(|x| x.at))),
            ("close_reason", closing.and_then(|x| x.reason.clone())),
            ("reopen_reason", self.reopen_reason.clone()),
            ("waiting_since", s(&wait.map(|w| w.since))),
            ("waiting_reason", wait.map(|w| w.reason.clone())),
            ("paused_minutes", Some(self.paused_minutes.to_string())),
            ("external_id", self.external_id.clone()),
        ]
    }
}
