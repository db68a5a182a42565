//! Rendering the localised templates into a subject, a plain-text part and an HTML part.
//!
//! Both parts come from the same Fluent messages (see `texts.rs`): the subject and the body's
//! paragraphs are formatted with the template's values, which are HTML-escaped in the HTML part
//! (an http(s) link becomes an anchor). Control characters in values become spaces, so no value
//! can break a header line.

use super::templates::Template;
use super::texts;
use crate::i18n::Language;

/// What a template renders to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Template {
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
