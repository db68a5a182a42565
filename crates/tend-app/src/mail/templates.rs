//! Rendering the localised templates into a subject, a plain-text part and an HTML part.
//!
//! Both parts come from the same Fluent messages (see `texts.rs`): the subject and the body's
//! paragraphs are formatted with the template's values, which are HTML-escaped in the HTML part
//! (an http(s) link becomes an anchor). Control characters in values become spaces, so no value
//! can break a header line.

use serde::{Deserialize, Serialize};

use super::kind::MailKind;
use super::texts;
use crate::i18n::Language;

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

/// What a template renders to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
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
            Template::SurveyInvitation { .. } => MailKind::SurveyInvitation,
            Template::SurveyReminder { .. } => MailKind::SurveyReminder,
        }
    }

    /// The placeholder names and their values.
    fn values(&self) -> Vec<(&'static str, &str)> {
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
            } => vec![
                ("name", name),
                ("reference", reference),
                ("due", due),
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

    /// The subject and both parts in `language`.
    pub fn render(&self, language: Language) -> Rendered {
        let (names, values): (Vec<&str>, Vec<String>) = self
            .values()
            .into_iter()
            .map(|(key, value)| (key, clean(key, value)))
            .unzip();
        let text = texts::text(self.kind(), language, &names);
        let plain = |marked: &str| {
            texts::fill(
                marked,
                |out, s| out.push_str(s),
                |out, i| out.push_str(&values[i]),
            )
        };
        let subject = plain(&text.subject);
        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n<body>\n",
            language.code(),
            escape_html(&subject)
        );
        for paragraph in text.body.split("\n\n") {
            let body = texts::fill(paragraph, html_literal, |out, i| {
                html_value(out, names[i], &values[i])
            });
            html.push_str(&format!("<p>{body}</p>\n"));
        }
        html.push_str("</body>\n</html>\n");
        Rendered {
            subject,
            text: plain(&text.body) + "\n",
            html,
        }
    }
}

/// Appends the paragraph that withdraws consent to later contact (`mail-withdraw`, its `$link`
/// a link) to both parts of `r`.
pub(super) fn append_withdrawal(r: &mut Rendered, language: Language, link: &str) {
    let link = link.replace(|c: char| c.is_control(), " ");
    let marked = texts::withdrawal(language);
    let text = texts::fill(
        &marked,
        |out, s| out.push_str(s),
        |out, _| out.push_str(&link),
    );
    let html = texts::fill(&marked, html_literal, |out, _| {
        html_value(out, "link", &link)
    });
    r.text.push_str(&format!("\n{text}\n"));
    let end = r.html.rfind("</body>").unwrap_or(r.html.len());
    r.html.insert_str(end, &format!("<p>{html}</p>\n"));
}

fn html_literal(out: &mut String, text: &str) {
    out.push_str(&escape_html(text));
}

/// A value with its control characters as spaces — but a `body`'s line breaks kept (as
/// `\n`): it never goes into a header.
fn clean(key: &str, value: &str) -> String {
    if key == "body" {
        let value = value.replace("\r\n", "\n");
        value.replace(|c: char| c.is_control() && c != '\n', " ")
    } else {
        value.replace(|c: char| c.is_control(), " ")
    }
}

/// Links become anchors when they are http(s); a body's line breaks become `<br>`; every
/// value is escaped.
fn html_value(out: &mut String, key: &str, value: &str) {
    let escaped = escape_html(value);
    if key == "body" {
        out.push_str(&escaped.replace('\n', "<br>\n"));
    } else if key == "link" && (value.starts_with("https://") || value.starts_with("http://")) {
        out.push_str(&format!("<a href=\"{escaped}\">{escaped}</a>"));
    } else {
        out.push_str(&escaped);
    }
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
