//! Consent to later contact (retention offers, surveys, newsletters), kept apart from updates
//! about a customer's own case, which need none: how a change of it came about, for the
//! append-only consent log.

use serde::{Deserialize, Serialize};

/// How consent was given or withdrawn; stored as its snake_case name in
/// `customer_consent_log.via`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentVia {
    /// The unticked choice on the public complaint form.
    PublicForm,
    /// An employee on the pages (customer edit, new complaint).
    StaffEdit,
    /// The customer on their private status page.
    StatusPage,
    /// The signed withdrawal link in a message.
    MailLink,
    /// A CSV import.
    Import,
    /// The JSON API.
    Api,
    /// Consent stored before the log existed (written once by the migration).
    BeforeLog,
    /// The customer's data was anonymised: consent ends with it.
    Anonymised,
}

impl ConsentVia {
    pub const ALL: [ConsentVia; 8] = [
        ConsentVia::PublicForm,
        ConsentVia::StaffEdit,
        ConsentVia::StatusPage,
        ConsentVia::MailLink,
        ConsentVia::Import,
        ConsentVia::Api,
        ConsentVia::BeforeLog,
        ConsentVia::Anonymised,
    ];

    /// The stored name, e.g. `"public_form"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentVia::PublicForm => "public_form",
            ConsentVia::StaffEdit => "staff_edit",
            ConsentVia::StatusPage => "status_page",
            ConsentVia::MailLink => "mail_link",
            ConsentVia::Import => "import",
            ConsentVia::Api => "api",
            ConsentVia::BeforeLog => "before_log",
            ConsentVia::Anonymised => "anonymised",
        }
    }

    /// The value named by [`ConsentVia::as_str`], if any.
    pub fn parse(s: &str) -> Option<ConsentVia> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for v in ConsentVia::ALL {
            assert_eq!(ConsentVia::parse(v.as_str()), Some(v));
            assert_eq!(serde_json::to_value(v).unwrap(), v.as_str());
        }
    }
}
