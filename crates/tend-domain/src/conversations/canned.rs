//! Canned replies: a saved text per language with placeholders the reply is filled from —
//! `{name}` (the customer's name) and `{reference}` (the complaint's reference). Anything else
//! in braces stays as written, so a text can say `{` freely.

use crate::kernel::reason::*;
use crate::kernel::text::{Line, Text};

/// A canned reply's title: one line, at most 200 characters.
pub type CannedTitle = Line<200>;
/// A canned reply's text: as a message body, at most 10 000 characters.
pub type CannedBody = Text<10_000>;

/// The placeholders a canned reply may use.
pub const PLACEHOLDERS: [&str; 2] = ["{name}", "{reference}"];

/// `body` with `{name}` and `{reference}` replaced by `name` and `reference`, in one pass (a
/// name that itself contains `{reference}` is not filled again). The result is plain text: the
/// pages escape it like any other text.
pub fn fill(body: &str, name: &str, reference: &str) -> String {
    let mut out = String::with_capacity(body.len() + name.len() + reference.len());
    let mut rest = body;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{name}") {
            out.push_str(name);
            rest = after;
        } else if let Some(after) = tail.strip_prefix("{reference}") {
            out.push_str(reference);
            rest = after;
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A canned reply's language: one Tend speaks (`en`, `es`, `tr`).
pub fn language(raw: &str) -> Result<&'static str, Reason> {
    match raw.trim() {
        "en" => Ok("en"),
        "es" => Ok("es"),
        "tr" => Ok("tr"),
        other => Err(ONE_OF
            .with("allowed", "en, es, tr")
            .with("got", format!("{other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_each_placeholder_once_and_leaves_other_braces() {
        let body = "Hola {name}, su reclamación {reference} {x} {name";
        assert_eq!(
            fill(body, "Ana {reference}", "C-2026-000001"),
            "Hola Ana {reference}, su reclamación C-2026-000001 {x} {name"
        );
        assert_eq!(fill("", "a", "b"), "");
        assert_eq!(fill("{}{{name}}", "A", "R"), "{}{A}");
    }

    #[test]
    fn languages_are_the_ones_tend_speaks() {
        assert_eq!(language("es"), Ok("es"));
        assert!(language("de").is_err());
    }
}
