//! The kinds of message Tend sends, without their values: what the mail log records and what
//! the catalogue's message ids are named after.

/// Which message a `Template` is, without its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MailKind {
    Acknowledgement,
    FollowUp,
    Retention,
    Assignment,
    ResponseWarning,
    Breach,
    Csat,
    CsatAlert,
    PolicyReview,
    Reply,
    HelpReview,
    SurveyInvitation,
    SurveyReminder,
    FigureStale,
}

impl MailKind {
    /// The kind's name, as the mail log records it.
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Acknowledgement => "acknowledgement",
            MailKind::FollowUp => "follow_up",
            MailKind::Retention => "retention",
            MailKind::Assignment => "assignment",
            MailKind::ResponseWarning => "response_warning",
            MailKind::Breach => "breach",
            MailKind::Csat => "csat",
            MailKind::CsatAlert => "csat_alert",
            MailKind::PolicyReview => "policy_review",
            MailKind::Reply => "reply",
            MailKind::HelpReview => "help_review",
            MailKind::SurveyInvitation => "survey_invitation",
            MailKind::SurveyReminder => "survey_reminder",
            MailKind::FigureStale => "figure_stale",
        }
    }

    /// Every kind.
    pub const ALL: [MailKind; 14] = [
        MailKind::Acknowledgement,
        MailKind::FollowUp,
        MailKind::Retention,
        MailKind::Assignment,
        MailKind::ResponseWarning,
        MailKind::Breach,
        MailKind::Csat,
        MailKind::CsatAlert,
        MailKind::PolicyReview,
        MailKind::Reply,
        MailKind::HelpReview,
        MailKind::SurveyInvitation,
        MailKind::SurveyReminder,
        MailKind::FigureStale,
    ];
}
