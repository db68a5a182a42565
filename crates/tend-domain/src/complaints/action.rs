//! The resolution method's steps as they arrive, each with the fields it needs (the API's and
//! the pages' input; `lifecycle` turns them into the record's step groups).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::complaints::{CompensationInput, FollowUpOutcome, ResponsibleParty, SolutionMode};
use crate::kernel::ids::EmployeeId;

/// One step of the method, with the fields that step needs.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// Let the customer speak, note the facts and read them back.
    Understand {
        facts: String,
    },
    /// What the customer did, what should have happened, who was responsible.
    IdentifyCause {
        root_cause: String,
        responsible_party: ResponsibleParty,
    },
    /// Ask the customer first, then agree a plan that works for both.
    AgreeSolution {
        agreed_solution: String,
        solution_mode: SolutionMode,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
        promised_by: Option<Timestamp>,
        #[serde(default)]
        customer_proposal: Option<String>,
    },
    /// Take corrective action, apologise, compensate.
    Resolve {
        #[serde(default)]
        corrective_action: Option<String>,
        #[serde(default)]
        compensation: Option<CompensationInput>,
        #[serde(default)]
        prevention_suggestion: Option<String>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
        follow_up_at: Option<Timestamp>,
    },
    /// Confirm with the customer that they are satisfied.
    FollowUp {
        outcome: FollowUpOutcome,
        #[serde(default)]
        note: Option<String>,
        #[serde(default)]
        satisfaction_rating: Option<i64>,
    },
    Close {
        #[serde(default)]
        reason: Option<String>,
    },
    Reopen {
        reason: String,
    },
    /// Ask the customer for something; the response clock stands still until they answer.
    WaitForCustomer {
        reason: String,
    },
    /// The customer answered; the response clock runs again.
    CustomerReplied {
        #[serde(default)]
        note: Option<String>,
    },
    /// Move the complaint up a tier, to a named person, at any step.
    Escalate {
        reason: String,
        to: EmployeeId,
        #[serde(default)]
        tier: Option<i64>,
    },
}

impl Action {
    pub fn name(&self) -> &'static str {
        match self {
            Action::Understand { .. } => "understand",
            Action::IdentifyCause { .. } => "identify_cause",
            Action::AgreeSolution { .. } => "agree_solution",
            Action::Resolve { .. } => "resolve",
            Action::FollowUp { .. } => "follow_up",
            Action::Close { .. } => "close",
            Action::Reopen { .. } => "reopen",
            Action::Escalate { .. } => "escalate",
            Action::WaitForCustomer { .. } => "wait_for_customer",
            Action::CustomerReplied { .. } => "customer_replied",
        }
    }
}
