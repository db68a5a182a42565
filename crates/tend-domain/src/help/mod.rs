//! The help centre's rules (support tier 0, self-service): an article's visibility, a
//! translation's status and "source changed" flag, what an article's text must be, and the
//! deflection rate. Search folding is the one of every search (`kernel::search_text`). No I/O.

use crate::kernel::reason::{ONE_OF, Reason};
use crate::kernel::text::Text;

/// The languages a help article can be written in (the app's languages), as codes.
pub const LANGS: [&str; 3] = ["en", "es", "tr"];

/// `raw` as one of [`LANGS`]; else `one_of`.
pub fn lang(raw: &str) -> Result<&'static str, Reason> {
    LANGS.iter().find(|l| **l == raw).copied().ok_or_else(|| {
        ONE_OF
            .with("allowed", LANGS.join(", "))
            .with("got", format!("\"{raw}\""))
    })
}

/// Who may read an article: nobody but its writers (`draft`), staff (`internal`), anyone in
/// the public help centre (`public`), or staff only once it is withdrawn (`archived`). Stored
/// as its `as_str` text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Draft,
    Internal,
    Public,
    Archived,
}

impl Visibility {
    pub const ALL: [Visibility; 4] = [
        Visibility::Draft,
        Visibility::Internal,
        Visibility::Public,
        Visibility::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Draft => "draft",
            Visibility::Internal => "internal",
            Visibility::Public => "public",
            Visibility::Archived => "archived",
        }
    }

    /// Parses `draft`, `internal` or `public`; else `one_of`.
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == raw)
            .ok_or_else(|| one_of(&["draft", "internal", "public", "archived"], raw))
    }
}

/// A translation's status in one language. `Missing` is never stored: a language without a
/// row is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Missing,
    Draft,
    Published,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Draft => "draft",
            Status::Published => "published",
        }
    }

    /// Parses a stored or written status, `draft` or `published`; else `one_of`.
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        match raw {
            "draft" => Ok(Status::Draft),
            "published" => Ok(Status::Published),
            _ => Err(one_of(&["draft", "published"], raw)),
        }
    }
}

fn one_of(allowed: &[&str], got: &str) -> Reason {
    ONE_OF
        .with("allowed", allowed.join(", "))
        .with("got", format!("\"{got}\""))
}

/// An article's title: 1 to 200 characters.
pub type Title = Text<200>;
/// An article's Markdown body: 1 to 50,000 characters.
pub type Body = Text<50_000>;

/// Whether a translation is stale: it is not the source language and was made from an older
/// version of the source translation than the source's current `source_now` (0 when the source
/// is missing, which makes nothing stale).
pub fn source_changed(is_source: bool, made_from: i64, source_now: i64) -> bool {
    !is_source && made_from < source_now
}

/// Whether the public may see a translation: the article is public and this language is
/// published. Every public list, search and article URL applies this one rule.
pub fn public(visibility: Visibility, status: Status) -> bool {
    visibility == Visibility::Public && status == Status::Published
}

/// Whether writing `visibility` and `status` publishes something: an article made `internal`
/// or `public`, or a translation `published`. Only those who may manage (managers and
/// administrators) may; agents write drafts and archive nothing.
pub fn publishes(visibility: Option<Visibility>, status: Option<Status>) -> bool {
    matches!(
        visibility,
        Some(Visibility::Internal | Visibility::Public | Visibility::Archived)
    ) || status == Some(Status::Published)
}

/// The next review date as typed (`YYYY-MM-DD`), `None` when empty; else `help_review_date`.
pub fn review_date(raw: &str) -> Result<Option<jiff::civil::Date>, Reason> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse()
        .map(Some)
        .map_err(|_| crate::kernel::reason::HELP_REVIEW_DATE.with("got", format!("\"{raw}\"")))
}

/// The two-step complaint form's deflection rate: of the visits that were shown at least one
/// article, those where the customer said "this solved it" (`deflected`) over those plus the
/// ones that still sent their complaint (`sent`). `None` when n = deflected + sent is 0. A visit
/// that left without either answer counts in neither.
pub fn deflection_rate(deflected: i64, sent: i64) -> Option<f64> {
    let n = deflected + sent;
    (n > 0).then(|| deflected as f64 / n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_and_published_is_public() {
        for v in Visibility::ALL {
            for s in [Status::Missing, Status::Draft, Status::Published] {
                assert_eq!(
                    public(v, s),
                    v == Visibility::Public && s == Status::Published
                );
            }
        }
    }

    #[test]
    fn stale_when_source_moved_on() {
        assert!(source_changed(false, 1, 2));
        assert!(!source_changed(false, 2, 2));
        assert!(!source_changed(true, 1, 2));
        assert!(Visibility::parse("secret").is_err());
        assert_eq!(lang("tr"), Ok("tr"));
        assert!(lang("de").is_err());
    }

    #[test]
    fn publishing_and_rates() {
        assert!(!publishes(Some(Visibility::Draft), Some(Status::Draft)));
        assert!(publishes(Some(Visibility::Public), None));
        assert!(publishes(None, Some(Status::Published)));
        assert_eq!(deflection_rate(0, 0), None);
        assert_eq!(deflection_rate(1, 3), Some(0.25));
        assert!(review_date("31/03/2026").is_err());
        assert_eq!(review_date(" ").unwrap(), None);
        assert_eq!(
            review_date("2026-03-31").unwrap().unwrap().to_string(),
            "2026-03-31"
        );
    }
}
