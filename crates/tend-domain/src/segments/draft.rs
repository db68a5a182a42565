//! A segment as posted or typed (every field optional, so that each bad one is named), its
//! validation, and the draft a valid segment is again (what a change is merged over).

use serde::{Deserialize, Serialize};

use super::*;
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::money::Currency;
use crate::kernel::reason::*;

/// A segment's definition before validation. Unknown fields are refused; an empty string is
/// the same as an absent field.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SegmentDraft {
    /// 1 to 120 characters, e.g. `Spanish customers under 35`.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub name: Option<String>,
    /// Up to 1,000 characters.
    pub description: Option<String>,
    /// Youngest age (years, 0–150, inclusive); age = current year (UTC) − birth year.
    pub min_age: Option<i64>,
    /// Oldest age (years, 0–150, inclusive); "under 35" is 34.
    pub max_age: Option<i64>,
    /// ISO 3166-1 alpha-2, e.g. `ES`.
    pub country: Option<String>,
    /// Matched exactly as stored (trimmed).
    pub city: Option<String>,
    /// female, male, other or undisclosed.
    pub gender: Option<String>,
    /// none, primary, secondary, vocational, bachelor, master, doctorate or other.
    pub education_level: Option<String>,
    /// A BCP 47 tag, e.g. `es`.
    pub preferred_language: Option<String>,
    /// A channel code, e.g. `web`.
    pub preferred_channel: Option<String>,
    /// At least this many purchases (1–100,000) not returned within `purchase_days`.
    pub min_purchases: Option<i64>,
    /// At least this much spent (a decimal amount such as `"150.00"`, more than 0) in
    /// `currency` on purchases not returned within `purchase_days`.
    pub min_spent: Option<String>,
    /// ISO 4217, required with `min_spent`.
    pub currency: Option<String>,
    /// The purchases' window: the last 1–3,660 days; required with `min_purchases` or
    /// `min_spent`.
    pub purchase_days: Option<i64>,
    /// At least this many complaints (1–100,000) received within `complaint_days`.
    pub min_complaints: Option<i64>,
    /// The complaints' window: the last 1–3,660 days; required with `min_complaints`.
    pub complaint_days: Option<i64>,
}

fn text(raw: &Option<String>) -> Option<&str> {
    raw.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn parsed<T>(
    e: &mut FieldErrors,
    field: &str,
    raw: &Option<String>,
    parse: impl FnOnce(&str) -> Result<T, Reason>,
) -> Option<T> {
    text(raw).and_then(|s| parse(s).map_err(|r| e.add(field, r)).ok())
}

fn coded<T: Copy>(table: &[(&'static str, T)], raw: &str) -> Result<T, Reason> {
    let raw = raw.to_ascii_lowercase();
    table
        .iter()
        .find(|(c, _)| *c == raw)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let allowed: Vec<&str> = table.iter().map(|(c, _)| *c).collect();
            ONE_OF
                .with("allowed", allowed.join(", "))
                .with("got", format!("{raw:?}"))
        })
}

fn ranged(e: &mut FieldErrors, field: &str, raw: Option<i64>, min: i64, max: i64) -> Option<i64> {
    match raw {
        Some(v) if !(min..=max).contains(&v) => {
            e.add(field, RANGE.with("min", min).with("max", max));
            None
        }
        v => v,
    }
}

/// `field` was given without `needs`: refused on `field`.
fn needs(e: &mut FieldErrors, field: &str, given: bool, needs: &str, has: bool) {
    if given && !has {
        e.add(field, SEGMENT_NEEDS.with("field", needs));
    }
}

impl SegmentDraft {
    /// Checks every field at once; errors name `name`, `description`, `min_age`, `max_age`,
    /// `country`, `city`, `gender`, `education_level`, `preferred_language`,
    /// `preferred_channel`, `min_purchases`, `min_spent`, `currency`, `purchase_days`,
    /// `min_complaints`, `complaint_days`.
    pub fn validate(&self) -> Result<Segment, DomainError> {
        let mut e = FieldErrors::new();
        let name = match text(&self.name) {
            None => {
                e.add("name", REQUIRED);
                None
            }
            Some(n) => Line::parse(n).map_err(|r| e.add("name", r)).ok(),
        };
        let description = parsed(&mut e, "description", &self.description, Text::parse);
        let min_age = ranged(&mut e, "min_age", self.min_age, 0, MAX_AGE);
        let max_age = ranged(&mut e, "max_age", self.max_age, 0, MAX_AGE);
        if let (Some(lo), Some(hi)) = (min_age, max_age)
            && hi < lo
        {
            e.add("max_age", SEGMENT_AGE_ORDER.with("min", lo));
        }
        let rule = Rule {
            min_age,
            max_age,
            country: parsed(&mut e, "country", &self.country, CountryCode::parse),
            city: parsed(&mut e, "city", &self.city, Name::parse),
            gender: parsed(&mut e, "gender", &self.gender, |s| coded(&GENDERS, s)),
            education_level: parsed(&mut e, "education_level", &self.education_level, |s| {
                coded(&EDUCATION_LEVELS, s)
            }),
            preferred_language: parsed(
                &mut e,
                "preferred_language",
                &self.preferred_language,
                LanguageTag::parse,
            ),
            preferred_channel: parsed(
                &mut e,
                "preferred_channel",
                &self.preferred_channel,
                ChannelCode::parse,
            ),
            purchases: self.purchases(&mut e),
            complaints: self.complaints(&mut e),
        };
        e.finish(|| Segment {
            name: name.expect("checked"),
            description,
            rule,
        })
    }

    fn purchases(&self, e: &mut FieldErrors) -> Option<Purchases> {
        let count = ranged(e, "min_purchases", self.min_purchases, 1, MAX_COUNT);
        let days = ranged(e, "purchase_days", self.purchase_days, 1, MAX_DAYS);
        let currency = parsed(e, "currency", &self.currency, Currency::parse);
        let (spent_given, currency_given) = (text(&self.min_spent), text(&self.currency));
        needs(
            e,
            "currency",
            currency_given.is_some(),
            "min_spent",
            spent_given.is_some(),
        );
        needs(
            e,
            "min_spent",
            spent_given.is_some(),
            "currency",
            currency_given.is_some(),
        );
        let spent = match (spent_given, currency) {
            (Some(raw), Some(c)) => match Money::parse(raw, c) {
                Ok(m) if m.minor() == 0 => {
                    e.add("min_spent", SEGMENT_SPENT);
                    None
                }
                Ok(m) => Some(m),
                Err(r) => {
                    e.add("min_spent", r);
                    None
                }
            },
            _ => None,
        };
        let any = self.min_purchases.is_some() || spent_given.is_some();
        needs(
            e,
            "purchase_days",
            self.purchase_days.is_some(),
            "min_purchases",
            any,
        );
        if any && self.purchase_days.is_none() {
            e.add("purchase_days", REQUIRED);
        }
        Some(Purchases {
            min_count: count.unwrap_or(1),
            min_spent: spent,
            days: days?,
        })
        .filter(|_| any)
    }

    fn complaints(&self, e: &mut FieldErrors) -> Option<Complaints> {
        let count = ranged(e, "min_complaints", self.min_complaints, 1, MAX_COUNT);
        let days = ranged(e, "complaint_days", self.complaint_days, 1, MAX_DAYS);
        let (c, d) = (self.min_complaints.is_some(), self.complaint_days.is_some());
        needs(e, "complaint_days", d, "min_complaints", c);
        if c && !d {
            e.add("complaint_days", REQUIRED);
        }
        Some(Complaints {
            min_count: count?,
            days: days?,
        })
    }
}

impl Segment {
    /// The draft this segment is (what a change is merged over; what is stored).
    pub fn draft(&self) -> SegmentDraft {
        let r = &self.rule;
        let p = r.purchases.as_ref();
        SegmentDraft {
            name: Some(self.name.to_string()),
            description: self.description.as_ref().map(|d| d.to_string()),
            min_age: r.min_age,
            max_age: r.max_age,
            country: r.country.as_ref().map(|c| c.to_string()),
            city: r.city.as_ref().map(|c| c.to_string()),
            gender: r.gender.map(|g| code_of(&GENDERS, g).to_owned()),
            education_level: r
                .education_level
                .map(|l| code_of(&EDUCATION_LEVELS, l).to_owned()),
            preferred_language: r.preferred_language.as_ref().map(|l| l.to_string()),
            preferred_channel: r.preferred_channel.as_ref().map(|c| c.to_string()),
            min_purchases: p.map(|p| p.min_count),
            min_spent: p.and_then(|p| p.min_spent).map(|m| m.amount_string()),
            currency: p
                .and_then(|p| p.min_spent)
                .map(|m| m.currency().as_str().to_owned()),
            purchase_days: p.map(|p| p.days),
            min_complaints: r.complaints.map(|c| c.min_count),
            complaint_days: r.complaints.map(|c| c.days),
        }
    }
}
