//! Customer segments: a saved, named filter over customers — demographics, purchases and
//! behaviour — whose members are computed from the records at the moment they are asked for,
//! never typed. Validation here (every bad field named with its reason); membership is the
//! store's (`tend-store/src/segments/members.rs`), its definitions in `docs/segments.md`.
//!
//! - **Age** is the current year (UTC) minus the birth year (only the year is known): a customer
//!   is in `min_age..=max_age` when `year − max_age ≤ birth_year ≤ year − min_age`; customers
//!   without a birth year are never in an age-bounded segment.
//! - **Purchases**: at least `min_purchases` purchases (default 1) and, if given, at least
//!   `min_spent` in `currency` (only purchases in that currency add up), occurred in the last
//!   `purchase_days` days (`(now − days × 24 h, now]`); returned purchases never count.
//! - **Behaviour**: at least `min_complaints` complaints (kind `complaint`, counted ones only:
//!   never merged-away or deleted) received in the last `complaint_days` days.
//! - A criterion left empty does not narrow; a segment with none is every customer.

mod draft;

pub use draft::SegmentDraft;

use crate::catalog::ChannelCode;
use crate::customers::{EducationLevel, Gender};
use crate::kernel::money::Money;
use crate::kernel::text::{CountryCode, LanguageTag, Line, Name, Text};

/// At most this many characters in a segment's name.
pub const MAX_NAME_CHARS: usize = 120;
/// At most this many characters in its description.
pub const MAX_DESCRIPTION_CHARS: usize = 1000;
/// Ages: 0 to this many years.
pub const MAX_AGE: i64 = 150;
/// Windows: 1 to this many days (ten years).
pub const MAX_DAYS: i64 = 3660;
/// Counts (purchases, complaints): 1 to this many.
pub const MAX_COUNT: i64 = 100_000;

/// A valid segment (its definition; the store adds id, version and who changed it when).
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub name: Line<MAX_NAME_CHARS>,
    pub description: Option<Text<MAX_DESCRIPTION_CHARS>>,
    pub rule: Rule,
}

/// Who is in a segment: every criterion given must hold (AND).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rule {
    /// Inclusive, in years.
    pub min_age: Option<i64>,
    /// Inclusive, in years ("under 35" is `max_age` 34).
    pub max_age: Option<i64>,
    pub country: Option<CountryCode>,
    /// Matched exactly (trimmed), as stored.
    pub city: Option<Name>,
    pub gender: Option<Gender>,
    pub education_level: Option<EducationLevel>,
    /// Matched exactly, e.g. `es`.
    pub preferred_language: Option<LanguageTag>,
    pub preferred_channel: Option<ChannelCode>,
    pub purchases: Option<Purchases>,
    pub complaints: Option<Complaints>,
}

/// At least `min_count` purchases (and `min_spent`, when given) not returned in the last
/// `days` days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Purchases {
    pub min_count: i64,
    pub min_spent: Option<Money>,
    pub days: i64,
}

/// At least `min_count` counted complaints received in the last `days` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Complaints {
    pub min_count: i64,
    pub days: i64,
}

impl Rule {
    /// Whether membership looks at a window of time before the instant asked (purchases,
    /// complaints): it then changes as time passes, not only when a customer's record does.
    pub fn windowed(&self) -> bool {
        self.purchases.is_some() || self.complaints.is_some()
    }

    /// The birth years the age bounds allow in `year`: `(earliest, latest)`, inclusive; `None`
    /// where unbounded.
    pub fn birth_years(&self, year: i64) -> (Option<i64>, Option<i64>) {
        (
            self.max_age.map(|a| year - a),
            self.min_age.map(|a| year - a),
        )
    }
}

/// The gender codes a segment takes (the customer record's).
pub const GENDERS: [(&str, Gender); 4] = [
    ("female", Gender::Female),
    ("male", Gender::Male),
    ("other", Gender::Other),
    ("undisclosed", Gender::Undisclosed),
];

/// The education level codes a segment takes (the customer record's).
pub const EDUCATION_LEVELS: [(&str, EducationLevel); 8] = [
    ("none", EducationLevel::None),
    ("primary", EducationLevel::Primary),
    ("secondary", EducationLevel::Secondary),
    ("vocational", EducationLevel::Vocational),
    ("bachelor", EducationLevel::Bachelor),
    ("master", EducationLevel::Master),
    ("doctorate", EducationLevel::Doctorate),
    ("other", EducationLevel::Other),
];

/// The code of `value` in `table` (as stored in `customers`).
pub fn code_of<T: PartialEq + Copy>(table: &[(&'static str, T)], value: T) -> &'static str {
    table
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("", |(c, _)| c)
}

#[cfg(test)]
mod tests;
