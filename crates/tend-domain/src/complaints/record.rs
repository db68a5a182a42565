//! The whole complaint record, and the snapshot of it the timeline compares.

use jiff::Timestamp;

use super::{
    Compensation, ComplaintDraft, FollowUpOutcome, Intake, Kind, Priority, ResponsibleParty,
    SolutionMode, Status,
};
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
    // 1. understand
    pub facts: Option<String>,
    pub first_response_at: Option<Timestamp>,
    // 2. identify the cause
    pub root_cause: Option<String>,
    pub responsible_party: Option<ResponsibleParty>,
    // 3. propose solutions
    pub customer_proposal: Option<String>,
    pub agreed_solution: Option<String>,
    pub solution_mode: Option<SolutionMode>,
    pub promised_by: Option<Timestamp>,
    // 4. resolve
    pub corrective_action: Option<String>,
    pub compensation: Option<Compensation>,
    pub prevention_suggestion: Option<String>,
    pub resolved_at: Option<Timestamp>,
    // 5. follow up
    pub follow_up_at: Option<Timestamp>,
    pub follow_up_outcome: Option<FollowUpOutcome>,
    pub follow_up_note: Option<String>,
    pub followed_up_at: Option<Timestamp>,
    pub satisfaction_rating: Option<u8>,
    // escalation, closing, reopening
    pub escalated_to: Option<EmployeeId>,
    pub escalated_at: Option<Timestamp>,
    pub escalation_reason: Option<String>,
    pub closed_at: Option<Timestamp>,
    pub close_reason: Option<String>,
    pub reopen_reason: Option<String>,
    // waiting on the customer: the response clock stands still meanwhile
    pub waiting_since: Option<Timestamp>,
    pub waiting_reason: Option<String>,
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
            facts: None,
            first_response_at: None,
            root_cause: None,
            responsible_party: None,
            customer_proposal: None,
            agreed_solution: None,
            solution_mode: None,
            promised_by: None,
            corrective_action: None,
            compensation: None,
            prevention_suggestion: intake.prevention_suggestion,
            resolved_at: None,
            follow_up_at: intake.follow_up_at,
            follow_up_outcome: None,
            follow_up_note: None,
            followed_up_at: None,
            satisfaction_rating: None,
            escalated_to: None,
            escalated_at: None,
            escalation_reason: None,
            closed_at: None,
            close_reason: None,
            reopen_reason: None,
            waiting_since: None,
            waiting_reason: None,
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
        self.follow_up_at = i.follow_up_at;
        self.prevention_suggestion = i.prevention_suggestion;
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
            follow_up_at: self.follow_up_at,
            prevention_suggestion: self.prevention_suggestion.clone(),
            external_id: self.external_id.clone(),
        }
    }

    pub fn escalated(&self) -> bool {
        self.escalated_at.is_some()
    }

    /// Every field as text, in a fixed order: what the timeline compares before and after a change.
    pub fn snapshot(&self) -> Vec<(&'static str, Option<String>)> {
        fn s<T: ToString>(v: &Option<T>) -> Option<String> {
            v.as_ref().map(ToString::to_string)
        }
        let c = self.compensation.as_ref();
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
            ("facts", self.facts.clone()),
            ("first_response_at", s(&self.first_response_at)),
            ("root_cause", self.root_cause.clone()),
            ("responsible_party", s(&self.responsible_party)),
            ("customer_proposal", self.customer_proposal.clone()),
            ("agreed_solution", self.agreed_solution.clone()),
            ("solution_mode", s(&self.solution_mode)),
            ("promised_by", s(&self.promised_by)),
            ("corrective_action", self.corrective_action.clone()),
            ("compensation.kind", c.map(|c| c.kind.to_string())),
            (
                "compensation.amount",
                c.and_then(|c| c.money).map(|m| m.to_string()),
            ),
            ("compensation.note", c.and_then(|c| c.note.clone())),
            ("prevention_suggestion", self.prevention_suggestion.clone()),
            ("resolved_at", s(&self.resolved_at)),
            ("follow_up_at", s(&self.follow_up_at)),
            ("follow_up_outcome", s(&self.follow_up_outcome)),
            ("follow_up_note", self.follow_up_note.clone()),
            ("followed_up_at", s(&self.followed_up_at)),
            ("satisfaction_rating", s(&self.satisfaction_rating)),
            ("escalated_to", s(&self.escalated_to)),
            ("escalated_at", s(&self.escalated_at)),
            ("escalation_reason", self.escalation_reason.clone()),
            ("closed_at", s(&self.closed_at)),
            ("close_reason", self.close_reason.clone()),
            ("reopen_reason", self.reopen_reason.clone()),
            ("waiting_since", s(&self.waiting_since)),
            ("waiting_reason", self.waiting_reason.clone()),
            ("paused_minutes", Some(self.paused_minutes.to_string())),
            ("external_id", self.external_id.clone()),
        ]
    }
}
