//! A complaint as typed (`ComplaintDraft`) and its validated form (`Intake`).

use crate::kernel::reason::*;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Kind, Priority};
use crate::catalog::ChannelCode;
use crate::customers::opt;
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::ids::{CategoryId, CustomerId, EmployeeId, ProductId};
use crate::kernel::text::{LongText, Name, Text, Tier};

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
            e.add("customer_id", REQUIRED);
        }
        let channel = match self.channel.as_deref() {
            None => {
                e.add("channel", REQUIRED);
                None
            }
            Some(c) => ChannelCode::parse(c).map_err(|r| e.add("channel", r)).ok(),
        };
        let received_at = crate::kernel::clock::micros(self.received_at.unwrap_or(now));
        if let Err(why) = crate::kernel::clock::check_past(received_at, now) {
            e.add("received_at", why);
        }
        let description = match self.description.as_deref() {
            None => {
                e.add("description", REQUIRED);
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
            e.add("follow_up_at", BEFORE_RECEIVED);
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
            crate::kernel::text::Line::<100>::parse,
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
            follow_up_at: self.follow_up_at.map(crate::kernel::clock::micros),
            prevention_suggestion: prevention.map(Text::into_string),
            external_id: external_id.map(Text::into_string),
        })
    }
}
