//! The complaint / feedback record: every fact the method asks for, and its validated input.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::catalog::ChannelCode;
use crate::customer::opt;
use crate::error::{DomainError, FieldErrors};
use crate::ids::{CategoryId, CustomerId, EmployeeId, ProductId};
use crate::money::{Currency, Money};
use crate::text::{LongText, Name, Text, Tier};

macro_rules! str_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name { $(#[serde(rename = $s)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }

            pub fn parse(raw: &str) -> Result<Self, String> {
                let s = raw.trim().to_ascii_lowercase();
                Self::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| {
                    let all: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                    format!("must be one of {} (got {raw:?})", all.join(", "))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

str_enum!(
    /// What the customer brought: a complaint, or another kind of feedback.
    Kind { Complaint = "complaint", Feedback = "feedback", Question = "question", Suggestion = "suggestion", Praise = "praise" }
);
str_enum!(Priority { Low = "low", Normal = "normal", High = "high", Urgent = "urgent" });
str_enum!(
    /// Where a complaint stands in the resolution method.
    Status {
        Received = "received",
        Understood = "understood",
        CauseIdentified = "cause_identified",
        SolutionAgreed = "solution_agreed",
        Resolved = "resolved",
        Closed = "closed",
    }
);
str_enum!(
    /// Whether the agreed solution was carried out on the spot or promised for later.
    SolutionMode { OnTheSpot = "on_the_spot", Promised = "promised" }
);
str_enum!(FollowUpOutcome { Satisfied = "satisfied", NotSatisfied = "not_satisfied", NoAnswer = "no_answer" });
str_enum!(
    /// Who was responsible for the problem.
    ResponsibleParty { Company = "company", Customer = "customer", Vendor = "vendor", Shipping = "shipping", Other = "other" }
);
str_enum!(CompensationKind { Refund = "refund", Credit = "credit", Replacement = "replacement", Coupon = "coupon", Other = "other" });

/// Compensation given to the customer.
#[derive(Debug, Clone, PartialEq)]
pub struct Compensation {
    pub kind: CompensationKind,
    pub money: Option<Money>,
    pub note: Option<String>,
}

/// Compensation as typed: the amount is a decimal string, the currency an ISO 4217 code.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompensationInput {
    pub kind: Option<CompensationKind>,
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub note: Option<String>,
}

impl CompensationInput {
    pub fn validate(&self) -> Result<Compensation, FieldErrors> {
        let mut e = FieldErrors::new();
        if self.kind.is_none() {
            e.add("kind", "is required");
        }
        let currency = opt(
            &mut e,
            "currency",
            self.currency.as_deref(),
            Currency::parse,
        );
        let money = match (self.amount.as_deref().map(str::trim), currency) {
            (None | Some(""), None) => None,
            (Some(a), Some(c)) if !a.is_empty() => {
                Money::parse(a, c).map_err(|r| e.add("amount", r)).ok()
            }
            (None | Some(""), Some(_)) => {
                e.add("amount", "is required when a currency is given");
                None
            }
            (Some(_), None) => {
                e.add("currency", "is required when an amount is given");
                None
            }
            _ => None,
        };
        let note =
            opt(&mut e, "note", self.note.as_deref(), LongText::parse).map(Text::into_string);
        if e.is_empty() {
            Ok(Compensation {
                kind: self.kind.expect("checked"),
                money,
                note,
            })
        } else {
            Err(e)
        }
    }
}

impl Compensation {
    pub fn to_input(&self) -> CompensationInput {
        CompensationInput {
            kind: Some(self.kind),
            amount: self.money.map(|m| m.amount_string()),
            currency: self.money.map(|m| m.currency().as_str().to_owned()),
            note: self.note.clone(),
        }
    }
}

/// The fields a person types when logging a complaint, or changes later with an edit.
/// Lifecycle fields are not here: they change only through the resolution method's actions.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ComplaintDraft {
    pub kind: Option<Kind>,
    pub customer_id: Option<CustomerId>,
    pub channel: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub received_at: Option<Timestamp>,
    pub received_by: Option<EmployeeId>,
    pub category_id: Option<CategoryId>,
    pub product_id: Option<ProductId>,
    pub subject: Option<String>,
    pub description: Option<String>,
    pub priority: Option<Priority>,
    pub tier: Option<i64>,
    pub assignee_id: Option<EmployeeId>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub follow_up_at: Option<Timestamp>,
    pub prevention_suggestion: Option<String>,
    /// The complaint's id in the system it came from; re-imports match on it.
    pub external_id: Option<String>,
}

/// Validated draft fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    pub kind: Kind,
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
    pub follow_up_at: Option<Timestamp>,
    pub prevention_suggestion: Option<String>,
    pub external_id: Option<String>,
}

impl ComplaintDraft {
    /// Validates the draft; `now` fills in `received_at` and bounds it (no complaints from the future).
    pub fn validate(&self, now: Timestamp) -> Result<Intake, DomainError> {
        let mut e = FieldErrors::new();
        let customer_id = self.customer_id;
        if customer_id.is_none() {
            e.add("customer_id", "is required");
        }
        let channel = match self.channel.as_deref() {
            None => {
                e.add("channel", "is required");
                None
            }
            Some(c) => ChannelCode::parse(c).map_err(|r| e.add("channel", r)).ok(),
        };
        let received_at = crate::clock::micros(self.received_at.unwrap_or(now));
        if received_at > now + jiff::SignedDuration::from_mins(5) {
            e.add("received_at", "must not be in the future");
        }
        let description = match self.description.as_deref() {
            None => {
                e.add("description", "is required");
                None
            }
            Some(d) => LongText::parse(d).map_err(|r| e.add("description", r)).ok(),
        };
        let tier = match self.tier {
            None => Tier::FRONT_LINE,
            Some(t) => Tier::new(t)
                .map_err(|r| e.add("tier", r))
                .unwrap_or(Tier::FRONT_LINE),
        };
        if let Some(f) = self.follow_up_at
            && f < received_at
        {
            e.add(
                "follow_up_at",
                "must not be before the complaint was received",
            );
        }
        let subject =
            opt(&mut e, "subject", self.subject.as_deref(), Name::parse).map(Text::into_string);
        let prevention = opt(
            &mut e,
            "prevention_suggestion",
            self.prevention_suggestion.as_deref(),
            LongText::parse,
        );
        let external_id = opt(
            &mut e,
            "external_id",
            self.external_id.as_deref(),
            Text::<100>::parse,
        );
        e.finish(|| Intake {
            kind: self.kind.unwrap_or(Kind::Complaint),
            customer_id: customer_id.expect("checked"),
            channel: channel.expect("checked"),
            received_at,
            received_by: self.received_by,
            category_id: self.category_id,
            product_id: self.product_id,
            subject,
            description: description.expect("checked").into_string(),
            priority: self.priority.unwrap_or(Priority::Normal),
            tier,
            assignee_id: self.assignee_id,
            follow_up_at: self.follow_up_at.map(crate::clock::micros),
            prevention_suggestion: prevention.map(Text::into_string),
            external_id: external_id.map(Text::into_string),
        })
    }
}

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
            ("external_id", self.external_id.clone()),
        ]
    }
}
