//! The conversation on a complaint: public replies to the customer, internal notes between
//! staff, and the customer's own messages (from the status page or by e-mail), in one thread.
//! Here: what a message is (its kind, where it came from, its body's limit), the one rule of
//! who may see which kind, and the canned replies' placeholders (`canned`).

pub mod attachment;
pub mod canned;
pub mod inbound;

use serde::{Deserialize, Serialize};

use crate::kernel::reason::*;
use crate::kernel::text::Text;

/// A message's body: plain text, trimmed, at most 10 000 characters, line breaks kept, no
/// other control characters (see [`Text`]).
pub type MessageBody = Text<10_000>;

/// What a message is.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// From staff to the customer: shown on the status page and mailed to them.
    Reply,
    /// Between staff only: never shown or sent to the customer.
    Note,
    /// From the customer (status page or e-mail).
    Customer,
}

impl MessageKind {
    pub const ALL: [MessageKind; 3] =
        [MessageKind::Reply, MessageKind::Note, MessageKind::Customer];

    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Reply => "reply",
            MessageKind::Note => "note",
            MessageKind::Customer => "customer",
        }
    }

    /// `reply`, `note` or `customer`; anything else is refused with `one_of`.
    pub fn parse(raw: &str) -> Result<MessageKind, Reason> {
        let s = raw.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                ONE_OF
                    .with("allowed", "reply, note, customer")
                    .with("got", format!("{raw:?}"))
            })
    }

    /// Staff write replies and notes; a customer's message comes only from the customer.
    pub fn parse_by_staff(raw: &str) -> Result<MessageKind, Reason> {
        match Self::parse(raw) {
            Ok(k @ (MessageKind::Reply | MessageKind::Note)) => Ok(k),
            _ => Err(ONE_OF
                .with("allowed", "reply, note")
                .with("got", format!("{raw:?}"))),
        }
    }

    /// Whether the customer sees messages of this kind (on the status page, by mail): all but
    /// notes.
    pub fn public(self) -> bool {
        self != MessageKind::Note
    }
}

/// Where a message came in.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Written by staff on the complaint's page or over the API.
    Staff,
    /// Written by the customer on their status page.
    StatusPage,
    /// Received by e-mail.
    Email,
}

impl Via {
    pub const ALL: [Via; 3] = [Via::Staff, Via::StatusPage, Via::Email];

    pub fn as_str(self) -> &'static str {
        match self {
            Via::Staff => "staff",
            Via::StatusPage => "status_page",
            Via::Email => "email",
        }
    }

    /// The value stored; unknown text is `None`.
    pub fn from_stored(raw: &str) -> Option<Via> {
        Self::ALL.into_iter().find(|v| v.as_str() == raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_write_replies_and_notes_only() {
        assert_eq!(MessageKind::parse_by_staff("reply"), Ok(MessageKind::Reply));
        assert_eq!(MessageKind::parse_by_staff(" note "), Ok(MessageKind::Note));
        assert!(MessageKind::parse_by_staff("customer").is_err());
        assert!(MessageKind::parse_by_staff("Reply").is_err());
        assert!(!MessageKind::Note.public());
        assert!(MessageKind::Reply.public() && MessageKind::Customer.public());
    }

    #[test]
    fn a_body_has_a_limit_and_keeps_its_lines() {
        let ok = MessageBody::parse("  Hello\n\nSecond paragraph ").unwrap();
        assert_eq!(ok.as_str(), "Hello\n\nSecond paragraph");
        assert!(MessageBody::parse(&"x".repeat(10_001)).is_err());
        assert!(MessageBody::parse(&"x".repeat(10_000)).is_ok());
        assert!(MessageBody::parse("   ").is_err());
    }
}
