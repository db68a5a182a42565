//! Focus groups: a session's plan (topic, with customers or employees, when, questions) and its
//! findings (a statement, a quote, how many participants raised it, a severity), validated.

use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::{ONE_OF, RANGE};
use crate::kernel::text::Text;

/// Who a session is with.
pub const AUDIENCES: [&str; 2] = ["customers", "employees"];
/// How much a finding matters, least first.
pub const SEVERITIES: [&str; 3] = ["low", "medium", "high"];

/// A session as typed: `questions` one a line (may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionDraft {
    pub topic: String,
    pub audience: String,
    pub questions: String,
}

/// A valid session plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub topic: Text<200>,
    pub audience: &'static str,
    pub questions: String,
}

impl SessionDraft {
    pub fn validate(&self) -> Result<Session, DomainError> {
        let mut e = FieldErrors::new();
        let topic = Text::<200>::parse(&self.topic)
            .map_err(|r| e.add("topic", r))
            .ok();
        let audience = AUDIENCES.iter().find(|a| **a == self.audience).copied();
        if audience.is_none() {
            let got = format!("\"{}\"", self.audience);
            e.add(
                "audience",
                ONE_OF
                    .with("allowed", AUDIENCES.join(", "))
                    .with("got", got),
            );
        }
        if self.questions.chars().count() > 4000 {
            e.add("questions", RANGE.with("min", 0).with("max", 4000));
        }
        e.finish(|| Session {
            topic: topic.expect("checked"),
            audience: audience.expect("checked"),
            questions: self.questions.trim().to_owned(),
        })
    }
}

/// A finding as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingDraft {
    pub statement: String,
    pub quote: String,
    pub raised_by: i64,
    pub severity: String,
}

/// A valid finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub statement: Text<500>,
    pub quote: Option<Text<1000>>,
    pub raised_by: i64,
    pub severity: &'static str,
}

impl FindingDraft {
    /// Valid when the statement is given, the quote short enough, `raised_by` from 0 to
    /// `participants` (or 1,000 when the session lists none) and the severity known.
    pub fn validate(&self, participants: usize) -> Result<Finding, DomainError> {
        let mut e = FieldErrors::new();
        let statement = Text::<500>::parse(&self.statement)
            .map_err(|r| e.add("statement", r))
            .ok();
        let quote =
            Text::<1000>::parse_opt(Some(self.quote.as_str()).filter(|q| !q.trim().is_empty()))
                .map_err(|r| e.add("quote", r))
                .ok()
                .flatten();
        let max = if participants == 0 {
            1000
        } else {
            participants as i64
        };
        if !(0..=max).contains(&self.raised_by) {
            e.add("raised_by", RANGE.with("min", 0).with("max", max));
        }
        let severity = SEVERITIES.iter().find(|s| **s == self.severity).copied();
        if severity.is_none() {
            let got = format!("\"{}\"", self.severity);
            e.add(
                "severity",
                ONE_OF
                    .with("allowed", SEVERITIES.join(", "))
                    .with("got", got),
            );
        }
        e.finish(|| Finding {
            statement: statement.expect("checked"),
            quote,
            raised_by: self.raised_by,
            severity: severity.expect("checked"),
        })
    }
}
