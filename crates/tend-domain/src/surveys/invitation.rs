//! An invitation's status, from what became of it: pending (its mail not sent yet), sent,
//! reminded (the one reminder sent too), answered (a complete response through its link), or
//! bounced (its mail came back). One rule, read in this order: bounced, answered, reminded,
//! sent, pending — so a bounced invitation is never counted as delivered or answered, as in
//! the response rate (complete answers ÷ (sent − bounced)).

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// The instant an invitation made at `invited_at` stops taking answers, when links last
/// `valid` (`SurveySettings::link_valid`: 30 days unless a manager set otherwise). At that
/// instant and after, the link stores nothing.
pub fn link_expires_at(invited_at: Timestamp, valid: SignedDuration) -> Timestamp {
    invited_at + valid
}

/// Where an invitation stands.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Pending,
    Sent,
    Reminded,
    Answered,
    Bounced,
}

impl InvitationStatus {
    /// Every status, in the order the rule reads them backwards.
    pub const ALL: [InvitationStatus; 5] = [
        InvitationStatus::Pending,
        InvitationStatus::Sent,
        InvitationStatus::Reminded,
        InvitationStatus::Answered,
        InvitationStatus::Bounced,
    ];

    /// The rule: bounced, else answered, else reminded, else sent, else pending.
    pub fn of(sent: bool, reminded: bool, answered: bool, bounced: bool) -> Self {
        if bounced {
            InvitationStatus::Bounced
        } else if answered {
            InvitationStatus::Answered
        } else if reminded {
            InvitationStatus::Reminded
        } else if sent {
            InvitationStatus::Sent
        } else {
            InvitationStatus::Pending
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InvitationStatus::Pending => "pending",
            InvitationStatus::Sent => "sent",
            InvitationStatus::Reminded => "reminded",
            InvitationStatus::Answered => "answered",
            InvitationStatus::Bounced => "bounced",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::InvitationStatus::*;
    use super::*;

    #[test]
    fn the_rule_reads_bounced_then_answered_then_reminded_then_sent() {
        assert_eq!(InvitationStatus::of(false, false, false, false), Pending);
        assert_eq!(InvitationStatus::of(true, false, false, false), Sent);
        assert_eq!(InvitationStatus::of(true, true, false, false), Reminded);
        assert_eq!(InvitationStatus::of(true, true, true, false), Answered);
        assert_eq!(InvitationStatus::of(true, false, true, false), Answered);
        assert_eq!(InvitationStatus::of(true, true, true, true), Bounced);
        assert_eq!(InvitationStatus::of(true, false, false, true), Bounced);
        for s in InvitationStatus::ALL {
            assert_eq!(InvitationStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(InvitationStatus::parse("expired"), None);
    }

    #[test]
    fn a_link_expires_its_period_after_the_invitation() {
        let at: Timestamp = "2026-03-01T10:00:00Z".parse().unwrap();
        let valid = SignedDuration::from_hours(24 * 30);
        let end: Timestamp = "2026-03-31T10:00:00Z".parse().unwrap();
        assert_eq!(link_expires_at(at, valid), end);
    }
}
