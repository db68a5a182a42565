//! The complaint / feedback record: every fact the method asks for, and its validated input.
//! Here: the record's enumerations and compensation; `draft` is what a person types,
//! `record` the whole stored record.

use crate::kernel::reason::*;
mod action;
mod draft;
pub mod lifecycle;
mod record;
mod retention;
mod steps;
pub mod timeline;

pub use draft::{ComplaintDraft, Intake};
pub use record::ComplaintRecord;
pub use retention::PurgeDays;
pub use steps::{
    Cause, Closing, Delivery, Escalation, FollowUp, FollowUpAnswer, Resolution, Solution,
    Understanding, Waiting,
};

use serde::{Deserialize, Serialize};

use crate::customers::opt;
use crate::kernel::error::FieldErrors;
use crate::kernel::money::{Currency, Money};
use crate::kernel::text::{LongText, Text};

macro_rules! str_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        // Every value is its variant in snake_case; said at the enum too, where the OpenAPI
        // derive reads it (it does not see a variant's rename through this macro).
        #[serde(rename_all = "snake_case")]
        pub enum $name { $(#[serde(rename = $s)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }

            pub fn parse(raw: &str) -> Result<Self, Reason> {
                let s = raw.trim().to_ascii_lowercase();
                Self::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| {
                    let all: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                    ONE_OF.with("allowed", all.join(", ")).with("got", format!("{raw:?}"))
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
            e.add("kind", REQUIRED);
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
                e.add("amount", AMOUNT_WITH_CURRENCY);
                None
            }
            (Some(_), None) => {
                e.add("currency", CURRENCY_WITH_AMOUNT);
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
