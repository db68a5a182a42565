//! The localised mail templates: each kind of message and the values it needs (rendered by
//! `render.rs`).

use serde::{Deserialize, Serialize};

use super::kind::MailKind;

/// A message and the values it needs. Dates arrive already formatted for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Template {
    /// To the customer: the complaint is registered; its reference, when it was received (in
    /// the customer's zone) and private status link.
    Acknowledgement {
        name: String,
        reference: String,
        /// Empty in mail queued before this field existed.
        #[serde(default)]
        received: String,
        status_link: String,
    },
    /// To the customer after resolution: a question, with a link to answer it.
    FollowUp {
        name: String,
        reference: String,
        answer_link: String,
    },
    /// To the customer a day after resolution: the CSAT question (1–5), with its private
    /// single-use link.
    Csat {
        name: String,
        reference: String,
        answer_link: String,
    },
    /// To the assignee at resolution: a customer answered the CSAT question with 1–3
    /// (`summary`: the rating and their reason).
    CsatAlert {
        name: String,
        reference: String,
        summary: String,
        link: String,
    },
    /// To the customer a month after a purchase.
    Retention {
        name: String,
        reference: String,
        product: String,
        link: String,
    },
    /// To a figure's owner: the figure (`reference`: its name) has no value for `period`, its
    /// last complete period written the reader's way.
    FigureStale {
        name: String,
        reference: String,
        period: String,
        link: String,
    },
    /// To staff: a complaint was assigned to them; when it was received (in their zone).
    Assignment {
        name: String,
        reference: String,
        summary: String,
        /// Empty in mail queued before this field existed.
        #[serde(default)]
        received: String,
        link: String,
    },
    /// To staff: a complaint is close to its response-standard deadline.
    ResponseWarning {
        name: String,
        reference: String,
        summary: String,
        due: String,
        link: String,
    },
    /// To staff: a complaint has missed its response-standard deadline.
    Breach {
        name: String,
        reference: String,
        summary: String,
        due: String,
        link: String,
    },
    /// To the owner: a policy area (`reference`: its name) is due for review on `due`.
    PolicyReview {
        name: String,
        reference: String,
        due: String,
        link: String,
    },
    /// To the owner: a help article (`reference`: its title) was due for review on `due`.
    HelpReview {
        name: String,
        reference: String,
        due: String,
        link: String,
    },
    /// To the customer: an agent's reply on their complaint (`body`: plain text as written,
    /// its line breaks kept), with their private status link.
    Reply {
        name: String,
        reference: String,
        body: String,
        link: String,
    },
    /// To a customer with consent: an invitation to answer a survey (`reference`: its title in
    /// their language) through a private single-use link.
    SurveyInvitation {
        name: String,
        reference: String,
        answer_link: String,
    },
    /// To a customer invited who has not answered yet: the one reminder.
    SurveyReminder {
        name: String,
        reference: String,
        answer_link: String,
    },
}

impl Template {
    pub fn kind(&self) -> MailKind {
        match self {
            Template::Acknowledgement { .. } => MailKind::Acknowledgement,
            Template::FollowUp { .. } => MailKind::FollowUp,
            Template::Retention { .. } => MailKind::Retention,
            Template::Csat { .. } => MailKind::Csat,
            Template::CsatAlert { .. } => MailKind::CsatAlert,
            Template::Assignment { .. } => MailKind::Assignment,
            Template::ResponseWarning { .. } => MailKind::ResponseWarning,
            Template::Breach { .. } => MailKind::Breach,
            Template::PolicyReview { .. } => MailKind::PolicyReview,
            Template::Reply { .. } => MailKind::Reply,
            Template::HelpReview { .. } => MailKind::HelpReview,
            Template::SurveyInvitation { .. } => MailKind::SurveyInvitation,
            Template::SurveyReminder { .. } => MailKind::SurveyReminder,
            Template::FigureStale { .. } => MailKind::FigureStale,
        }
    }

    /// The placeholder names and their values.
    pub(super) fn values(&self) -> Vec<(&'static str, &str)> {
        match self {
            Template::Acknowledgement {
                name,
                reference,
                received,
                status_link: link,
            } => vec![
                ("name", name),
                ("reference", reference),
                ("received", received),
                ("link", link),
            ],
            Template::FollowUp {
                name,
                reference,
                answer_link: link,
            }
            | Template::Csat {
                name,
                reference,
                answer_link: link,
            }
            | Template::SurveyInvitation {
                name,
                reference,
                answer_link: link,
            }
            | Template::SurveyReminder {
                name,
                reference,
                answer_link: link,
            } => {
                vec![("name", name), ("reference", reference), ("link", link)]
            }
            Template::Retention {
                name,
                reference,
                product,
                link,
            } => vec![
                ("name", name),
                ("reference", reference),
                ("product", product),
                ("link", link),
            ],
            Template::Assignment {
                name,
                reference,
                summary,
                received,
                link,
            } => vec![
                ("name", name),
                ("reference", reference),
                ("summary", summary),
                ("received", received),
                ("link", link),
            ],
            Template::CsatAlert {
                name,
                reference,
                summary,
                link,
            } => vec![
                ("name", name),
                ("reference", reference),
                ("summary", summary),
                ("link", link),
            ],
            Template::ResponseWarning {
                name,
                reference,
                summary,
                due,
                link,
            }
            | Template::Breach {
                name,
                reference,
                summary,
                due,
                link,
            } => vec![
                ("name", name),
                ("reference", reference),
                ("summary", summary),
                ("due", due),
                ("link", link),
            ],
            Template::PolicyReview {
                name,
                reference,
                due,
                link,
            }
            | Template::HelpReview {
                name,
                reference,
                due,
                link,
            } => vec![
                ("name", name),
                ("reference", reference),
                ("due", due),
                ("link", link),
            ],
            Template::FigureStale {
                name,
                reference,
                period,
                link,
            } => vec![
                ("name", name),
                ("reference", reference),
                ("period", period),
                ("link", link),
            ],
            Template::Reply {
                name,
                reference,
                body,
                link,
            } => vec![
                ("name", name),
                ("reference", reference),
                ("body", body),
                ("link", link),
            ],
        }
    }
}
