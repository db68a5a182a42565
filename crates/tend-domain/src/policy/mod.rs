//! The policy: a versioned document in the method's areas (overview of products and services,
//! speed, communication, follow-up, complaints, retention, employee monitoring, plus custom
//! areas, and the customer-facing ones: returns, shipping, payment, contact, how to complain),
//! each area written in Markdown per language. Validation of a draft and of an approval here;
//! the states and the diff between versions in [`state`]. Versions are never edited: a change
//! is a new draft (see `tend-store`'s `policy` module).

pub mod state;

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::*;
use crate::kernel::text::{Line, Name, Text};

/// The method's areas, in the document's order: (code, customer-facing). Customer-facing areas
/// are the ones the public `/policy` page shows.
pub const AREAS: [(&str, bool); 12] = [
    ("overview", false),
    ("speed", false),
    ("communication", false),
    ("follow_up", false),
    ("complaints", false),
    ("retention", false),
    ("monitoring", false),
    ("returns", true),
    ("shipping", true),
    ("payment", true),
    ("contact", true),
    ("how_to_complain", true),
];

/// The languages an area's text may be written in.
pub const LANGUAGES: [&str; 3] = ["en", "es", "tr"];

/// At most this many characters of Markdown in one area's text in one language.
pub const MAX_BODY_CHARS: usize = 20_000;
/// At most this many areas in one version (the method's twelve and custom ones).
pub const MAX_AREAS: usize = 40;
/// A review reminder is mailed this many days before an area's next review date.
pub const REVIEW_NOTICE_DAYS: i64 = 14;

/// One area as posted: its code (one of [`AREAS`] or a custom `[a-z][a-z0-9_]{1,39}`), a title
/// (required for a custom area; built-in areas are titled in the reader's language), whether a
/// custom area is customer-facing, its next review date (`YYYY-MM-DD`), and its text in
/// Markdown per language code (`en`, `es`, `tr`; blank texts are dropped).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaDraft {
    pub area: String,
    pub title: Option<String>,
    pub customer_facing: Option<bool>,
    pub review_on: Option<String>,
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
}

/// A new version as posted: what changed (a note) and every area it holds.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyDraft {
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub note: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 40))]
    pub areas: Vec<AreaDraft>,
}

/// A valid area of a version.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub code: String,
    /// The custom area's title; `None` for the method's areas.
    pub title: Option<Name>,
    pub customer_facing: bool,
    pub review_on: Option<Date>,
    /// (language code, Markdown), in [`LANGUAGES`] order.
    pub texts: Vec<(&'static str, Text<MAX_BODY_CHARS>)>,
}

/// A valid version: its note and areas, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub note: Line<300>,
    pub areas: Vec<Area>,
}

/// Whether `code` is one of the method's areas, and if so whether it is customer-facing.
pub fn built_in(code: &str) -> Option<bool> {
    AREAS.iter().find(|(c, _)| *c == code).map(|&(_, f)| f)
}

/// A custom area's code: 2 to 40 lowercase ASCII letters, digits or `_`, starting with a letter.
fn custom_code(code: &str) -> bool {
    let mut chars = code.chars();
    (2..=40).contains(&code.len())
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A date as `YYYY-MM-DD`.
pub fn parse_date(raw: &str) -> Result<Date, Reason> {
    raw.trim()
        .parse::<Date>()
        .map_err(|_| DATE.with("got", format!("{raw:?}")))
}

fn area(e: &mut FieldErrors, at: &str, a: &AreaDraft) -> Area {
    let code = a.area.trim();
    let builtin = built_in(code);
    if builtin.is_none() && !custom_code(code) {
        e.add(
            format!("{at}.area"),
            POLICY_AREA.with("got", format!("{code:?}")),
        );
    }
    let title = if builtin.is_some() {
        None
    } else {
        match Name::parse_opt(a.title.as_deref()) {
            Ok(Some(t)) => Some(t),
            Ok(None) => {
                e.add(format!("{at}.title"), REQUIRED);
                None
            }
            Err(r) => {
                e.add(format!("{at}.title"), r);
                None
            }
        }
    };
    let review_on = a.review_on.as_deref().filter(|s| !s.trim().is_empty());
    let review_on = review_on
        .map(parse_date)
        .transpose()
        .map_err(|r| e.add(format!("{at}.review_on"), r))
        .ok()
        .flatten();
    let mut texts = Vec::new();
    for (lang, body) in &a.texts {
        let Some(&code) = LANGUAGES.iter().find(|l| **l == lang.as_str()) else {
            e.add(format!("{at}.texts"), SURVEY_LANGUAGE.with("got", lang));
            continue;
        };
        if body.trim().is_empty() {
            continue;
        }
        match Text::parse(body) {
            Ok(t) => texts.push((code, t)),
            Err(r) => e.add(format!("{at}.texts.{lang}"), r),
        }
    }
    if !a.texts.values().any(|b| !b.trim().is_empty()) {
        e.add(format!("{at}.texts"), POLICY_NO_TEXT);
    }
    texts.sort_by_key(|(l, _)| LANGUAGES.iter().position(|x| x == l));
    Area {
        code: code.to_owned(),
        title,
        customer_facing: builtin.unwrap_or(a.customer_facing.unwrap_or(false)),
        review_on,
        texts,
    }
}

impl PolicyDraft {
    /// Checks every area; errors name `note`, `areas` and `areas.<n>.<field>` (1-based), e.g.
    /// `areas.2.texts.es`.
    pub fn validate(&self) -> Result<Policy, DomainError> {
        let mut e = FieldErrors::new();
        let note = match self.note.as_deref().map(str::trim) {
            None | Some("") => {
                e.add("note", REQUIRED);
                None
            }
            Some(raw) => Line::parse(raw).map_err(|r| e.add("note", r)).ok(),
        };
        if self.areas.is_empty() || self.areas.len() > MAX_AREAS {
            e.add("areas", RANGE.with("min", 1).with("max", MAX_AREAS));
        }
        let mut areas: Vec<Area> = Vec::new();
        for (i, a) in self.areas.iter().enumerate() {
            let at = format!("areas.{}", i + 1);
            let a = area(&mut e, &at, a);
            if areas.iter().any(|x| x.code == a.code) {
                e.add(
                    format!("{at}.area"),
                    POLICY_DUPLICATE_AREA.with("area", &a.code),
                );
            }
            areas.push(a);
        }
        e.finish(|| Policy {
            note: note.expect("no error, so parsed"),
            areas,
        })
    }
}

/// An approval as posted: the date the version takes effect (`YYYY-MM-DD`, not before today).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalDraft {
    #[cfg_attr(feature = "openapi", schema(required = true, format = Date))]
    pub effective_from: Option<String>,
}

impl ApprovalDraft {
    /// The effective date; refused when missing, malformed or before `today`.
    pub fn validate(&self, today: Date) -> Result<Date, DomainError> {
        let raw = self.effective_from.as_deref().unwrap_or("").trim();
        if raw.is_empty() {
            return Err(DomainError::Invalid(FieldErrors::single(
                "effective_from",
                REQUIRED,
            )));
        }
        let date = parse_date(raw)
            .map_err(|r| DomainError::Invalid(FieldErrors::single("effective_from", r)))?;
        if date < today {
            let r = POLICY_EFFECTIVE_PAST.with("today", today);
            return Err(DomainError::Invalid(FieldErrors::single(
                "effective_from",
                r,
            )));
        }
        Ok(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(areas: Vec<AreaDraft>) -> PolicyDraft {
        PolicyDraft {
            note: Some("First".into()),
            areas,
        }
    }

    #[test]
    fn areas_are_checked_and_named() {
        let good = AreaDraft {
            area: "returns".into(),
            texts: [("en".into(), "Within *30 days*.".into())].into(),
            review_on: Some("2026-09-01".into()),
            ..Default::default()
        };
        let p = draft(vec![good.clone()]).validate().unwrap();
        assert!(p.areas[0].customer_facing);
        assert_eq!(p.areas[0].review_on, Some(jiff::civil::date(2026, 9, 1)));
        let custom_untitled = AreaDraft {
            area: "warranty".into(),
            texts: [("fr".into(), "x".into())].into(),
            ..Default::default()
        };
        let bad_code = AreaDraft {
            area: "Bad Code".into(),
            title: Some("x".into()),
            texts: [("es".into(), " ".into())].into(),
            ..Default::default()
        };
        let DomainError::Invalid(f) = draft(vec![good.clone(), good, custom_untitled, bad_code])
            .validate()
            .unwrap_err()
        else {
            panic!("invalid expected")
        };
        let got: Vec<(&str, &str)> = f.iter().map(|(k, r)| (k, r.code())).collect();
        assert_eq!(
            got,
            vec![
                ("areas.2.area", "policy_duplicate_area"),
                ("areas.3.texts", "survey_language"),
                ("areas.3.title", "required"),
                ("areas.4.area", "policy_area"),
                ("areas.4.texts", "policy_no_text"),
            ]
        );
    }

    #[test]
    fn approval_is_not_before_today() {
        let today = jiff::civil::date(2026, 3, 6);
        let a = |s: &str| ApprovalDraft {
            effective_from: Some(s.into()),
        };
        assert_eq!(a("2026-03-06").validate(today).unwrap(), today);
        assert!(a("2026-03-05").validate(today).is_err());
        assert!(a("6/3/2026").validate(today).is_err());
    }
}
