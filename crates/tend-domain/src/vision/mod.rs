//! The vision worksheet: five reasons for the company's success in 3–5 years, the same from the
//! customer's point of view, the steps taken to improve customer service, the key elements that
//! summarise them, the verbs of that summary, and the statement itself. Validation only; each
//! saved worksheet is a new version (see `tend-store`'s `vision` module).

use serde::{Deserialize, Serialize};

use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::*;
use crate::kernel::text::{Line, Text};

/// At most this many entries in each list of the worksheet (the method asks for five).
pub const MAX_ITEMS: usize = 5;
/// At most this many characters in one list entry.
pub const MAX_ITEM_CHARS: usize = 300;
/// At most this many characters in the statement (a hard limit; the hint is [`HINT_WORDS`]).
pub const MAX_STATEMENT_CHARS: usize = 500;
/// The length hint of the statement: a good statement has at most this many words (a hint
/// shown to the writer, not a refusal).
pub const HINT_WORDS: usize = 25;

/// The worksheet as posted. Blank list entries are dropped; `show_public` (the owner's
/// choice, administrators only) is `None` to keep the current version's choice.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisionDraft {
    /// Up to five reasons for the company's success in 3–5 years.
    #[serde(default)]
    pub success: Vec<String>,
    /// The same reasons from the customer's point of view (up to five).
    #[serde(default)]
    pub customer_view: Vec<String>,
    /// The steps taken to improve customer service to get there (up to five).
    #[serde(default)]
    pub steps: Vec<String>,
    /// The key elements that summarise these lists (up to five).
    #[serde(default)]
    pub elements: Vec<String>,
    /// The verbs of that summary (up to five).
    #[serde(default)]
    pub verbs: Vec<String>,
    /// The statement: required, short (hint: at most 25 words), at most 500 characters.
    pub statement: Option<String>,
    /// Show the statement on the public pages (owner's choice).
    pub show_public: Option<bool>,
}

/// One list entry: a single line of at most 300 characters.
pub type Item = Line<MAX_ITEM_CHARS>;

/// A valid worksheet (everything but the public choice, which the caller settles).
#[derive(Debug, Clone, PartialEq)]
pub struct Vision {
    pub success: Vec<Item>,
    pub customer_view: Vec<Item>,
    pub steps: Vec<Item>,
    pub elements: Vec<Item>,
    pub verbs: Vec<Item>,
    pub statement: Text<MAX_STATEMENT_CHARS>,
}

/// The number of words of `text`: runs of non-whitespace characters.
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn list(e: &mut FieldErrors, field: &str, raw: &[String]) -> Vec<Item> {
    let given: Vec<&String> = raw.iter().filter(|s| !s.trim().is_empty()).collect();
    if given.len() > MAX_ITEMS {
        e.add(
            field,
            VISION_TOO_MANY
                .with("max", MAX_ITEMS)
                .with("got", given.len()),
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, s) in given.iter().enumerate() {
        match Item::parse(s) {
            Ok(x) => out.push(x),
            Err(r) => e.add(format!("{field}.{}", i + 1), r),
        }
    }
    out
}

impl VisionDraft {
    /// Checks every field; the errors name `success`, `customer_view`, `steps`, `elements`,
    /// `verbs` (or `<list>.<n>` for the n-th entry, 1-based) and `statement`.
    pub fn validate(&self) -> Result<Vision, DomainError> {
        let mut e = FieldErrors::new();
        let success = list(&mut e, "success", &self.success);
        let customer_view = list(&mut e, "customer_view", &self.customer_view);
        let steps = list(&mut e, "steps", &self.steps);
        let elements = list(&mut e, "elements", &self.elements);
        let verbs = list(&mut e, "verbs", &self.verbs);
        let statement = match self.statement.as_deref().map(str::trim) {
            None | Some("") => {
                e.add("statement", REQUIRED);
                None
            }
            Some(raw) => Text::parse(raw).map_err(|r| e.add("statement", r)).ok(),
        };
        e.finish(|| Vision {
            success,
            customer_view,
            steps,
            elements,
            verbs,
            statement: statement.expect("no error, so parsed"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_entries_are_dropped_and_too_many_is_refused() {
        let mut d = VisionDraft {
            statement: Some("  We answer every customer within a day. ".into()),
            success: vec!["a".into(), " ".into(), "b".into()],
            ..Default::default()
        };
        let v = d.validate().unwrap();
        assert_eq!(v.success.len(), 2);
        assert_eq!(
            v.statement.as_str(),
            "We answer every customer within a day."
        );
        assert_eq!(words(v.statement.as_str()), 7);
        d.verbs = (1..=6).map(|i| i.to_string()).collect();
        d.statement = None;
        let DomainError::Invalid(f) = d.validate().unwrap_err() else {
            panic!("invalid expected")
        };
        let got: Vec<(&str, &str)> = f.iter().map(|(k, r)| (k, r.code())).collect();
        assert_eq!(
            got,
            vec![("statement", "required"), ("verbs", "vision_too_many")]
        );
    }
}
