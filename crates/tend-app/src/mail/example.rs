//! Sample messages of every kind, with fixed values: for previews of the templates and tests.

use super::kind::MailKind;
use super::templates::Template;

impl Template {
    /// A message of `kind` about `reference` for `name`, with fixed sample values for the other
    /// fields: for previews of the templates and for tests.
    pub fn example(kind: MailKind, name: &str, reference: &str, link: &str) -> Template {
        let (name, reference, link) = (name.to_owned(), reference.to_owned(), link.to_owned());
        let (summary, due, product) = (
            "Broken lid".to_owned(),
            "2026-12-01 17:00".to_owned(),
            "Kettle".to_owned(),
        );
        let received = "2026-11-30 09:15".to_owned();
        match kind {
            MailKind::Acknowledgement => Template::Acknowledgement {
                name,
                reference,
                received,
                status_link: link,
            },
            MailKind::FollowUp => Template::FollowUp {
                name,
                reference,
                answer_link: link,
            },
            MailKind::Csat => Template::Csat {
                name,
                reference,
                answer_link: link,
            },
            MailKind::SurveyInvitation => Template::SurveyInvitation {
                name,
                reference,
                answer_link: link,
            },
            MailKind::SurveyReminder => Template::SurveyReminder {
                name,
                reference,
                answer_link: link,
            },
            MailKind::CsatAlert => Template::CsatAlert {
                name,
                reference,
                summary,
                link,
            },
            MailKind::PolicyReview => Template::PolicyReview {
                name,
                reference,
                due,
                link,
            },
            MailKind::HelpReview => Template::HelpReview {
                name,
                reference,
                due,
                link,
            },
            MailKind::FigureStale => Template::FigureStale {
                name,
                reference,
                period: "February 2026".to_owned(),
                link,
            },
            MailKind::Reply => Template::Reply {
                name,
                reference,
                body: "We are sending a new lid today.".to_owned(),
                link,
            },
            MailKind::Retention => Template::Retention {
                name,
                reference,
                product,
                link,
            },
            MailKind::Assignment => Template::Assignment {
                name,
                reference,
                summary,
                received,
                link,
            },
            MailKind::ResponseWarning => Template::ResponseWarning {
                name,
                reference,
                summary,
                due,
                link,
            },
            MailKind::Breach => Template::Breach {
                name,
                reference,
                summary,
                due,
                link,
            },
        }
    }
}
