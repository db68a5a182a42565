//! The customer service quotient: the method's self-assessment of seven areas, each statement
//! rated 1 (not at all) to 5 (all the time).
//!
//! Definitions (the method's, computed exactly — no floating point decides a band):
//! - an **area score** is the mean of its statements' ratings (1–5);
//! - the **total** is the sum of the seven area scores (7–35);
//! - the **band**: total ≥ 28 *asset*; 21 ≤ total < 28 *adequate*; total < 21 *losing*.
//!
//! Because the areas have 3, 4 or 5 statements, every score is a whole number of sixtieths
//! (60 = lcm(3, 4, 5)): [`Sixtieths`] holds them as integers, so the band edges compare exactly.

pub mod round;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::*;
use crate::kernel::text::{Name, Text};

/// The seven areas, in the method's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    Culture,
    Products,
    Feedback,
    Knowing,
    Contact,
    Staff,
    Improvement,
}

impl Area {
    /// Every area, in the method's order.
    pub const ALL: [Area; 7] = [
        Area::Culture,
        Area::Products,
        Area::Feedback,
        Area::Knowing,
        Area::Contact,
        Area::Staff,
        Area::Improvement,
    ];

    /// The code used in the API and the stored rows: `culture`, `products`, `feedback`,
    /// `knowing`, `contact`, `staff`, `improvement`.
    pub fn code(self) -> &'static str {
        match self {
            Area::Culture => "culture",
            Area::Products => "products",
            Area::Feedback => "feedback",
            Area::Knowing => "knowing",
            Area::Contact => "contact",
            Area::Staff => "staff",
            Area::Improvement => "improvement",
        }
    }

    pub fn parse(code: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.code() == code)
    }

    /// How many statements the method gives the area: 4, 4, 3, 3, 3, 5, 3.
    pub fn statements(self) -> usize {
        match self {
            Area::Culture | Area::Products => 4,
            Area::Staff => 5,
            _ => 3,
        }
    }

    /// What one rating point of this area adds to a total, in sixtieths: 60 / statements.
    fn weight(self) -> i64 {
        60 / self.statements() as i64
    }
}

/// A score as a whole number of sixtieths (e.g. an area mean of 3.75 is 225, a total of 28 is
/// 1,680), so sums and band edges are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Sixtieths(pub i64);

impl Sixtieths {
    /// The value rounded half up to two decimals, for display only (1/60 ≈ 0.0167 apart, so two
    /// decimals never show a total on the wrong side of a band edge: 1,679/60 shows 27.98).
    pub fn rounded(self) -> f64 {
        ratio_rounded(self.0, 60)
    }
}

/// `num / den` rounded half up to two decimals (`den` > 0, `num` ≥ 0).
pub fn ratio_rounded(num: i64, den: i64) -> f64 {
    let hundredths = (num * 200 + den) / (2 * den);
    hundredths as f64 / 100.0
}

/// The method's bands of a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Total ≥ 28: customer service is an asset.
    Asset,
    /// 21 ≤ total < 28: adequate, needs general improvement.
    Adequate,
    /// Total < 21: the business is probably losing customers.
    Losing,
}

impl Band {
    /// The band of `num / den` (a total as a fraction, `den` > 0), compared exactly.
    pub fn of_ratio(num: i64, den: i64) -> Band {
        if num >= 28 * den {
            Band::Asset
        } else if num >= 21 * den {
            Band::Adequate
        } else {
            Band::Losing
        }
    }

    pub fn of(total: Sixtieths) -> Band {
        Band::of_ratio(total.0, 60)
    }

    pub fn code(self) -> &'static str {
        match self {
            Band::Asset => "asset",
            Band::Adequate => "adequate",
            Band::Losing => "losing",
        }
    }
}

/// An assessment as posted: who answered, the round (optional) and each area's ratings in the
/// method's order; `null` marks a statement left unanswered.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentDraft {
    /// Who answered (the owner, an employee), up to 200 characters.
    pub respondent: Option<String>,
    /// The round this answer belongs to, e.g. `2026-Q1` (up to 40 characters); by default the
    /// calendar quarter it is submitted in.
    #[serde(default)]
    pub round: Option<String>,
    /// Area code → its ratings, 1 to 5, in the method's order.
    #[serde(default)]
    pub ratings: BTreeMap<String, Vec<Option<i64>>>,
}

/// A valid assessment: every statement of every area rated 1–5.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub respondent: Name,
    pub round: Option<Text<40>>,
    /// Per area, in [`Area::ALL`] order, its ratings in the method's order.
    pub ratings: BTreeMap<Area, Vec<u8>>,
}

impl AssessmentDraft {
    /// Every problem at once: `respondent`, `round`, and per area `ratings.<area>` — a missing
    /// area, an unknown one, unanswered statements (named), too many ratings, a rating outside
    /// 1–5.
    pub fn validate(&self) -> Result<Assessment, DomainError> {
        let mut e = FieldErrors::new();
        let respondent = match self.respondent.as_deref().map(str::trim) {
            None | Some("") => {
                e.add("respondent", REQUIRED);
                None
            }
            Some(raw) => Name::parse(raw).map_err(|r| e.add("respondent", r)).ok(),
        };
        let round = Text::parse_opt(self.round.as_deref().filter(|r| !r.trim().is_empty()))
            .map_err(|r| e.add("round", r))
            .unwrap_or(None);
        let allowed: Vec<&str> = Area::ALL.iter().map(|a| a.code()).collect();
        for code in self.ratings.keys() {
            if Area::parse(code).is_none() {
                let got = format!("{code:?}");
                let why = ONE_OF.with("allowed", allowed.join(", ")).with("got", got);
                e.add(format!("ratings.{code}"), why);
            }
        }
        let mut ratings = BTreeMap::new();
        for area in Area::ALL {
            let field = format!("ratings.{}", area.code());
            match self.ratings.get(area.code()) {
                None => e.add(
                    field,
                    QUOTIENT_AREA_MISSING.with("count", area.statements()),
                ),
                Some(given) => match area_ratings(area, given) {
                    Ok(r) => {
                        ratings.insert(area, r);
                    }
                    Err(why) => e.add(field, why),
                },
            }
        }
        e.finish(|| Assessment {
            respondent: respondent.expect("checked"),
            round,
            ratings,
        })
    }
}

/// One area's ratings, or why not: too many, out of range (the first such statement), or
/// unanswered statements (all of them listed, 1-based).
fn area_ratings(area: Area, given: &[Option<i64>]) -> Result<Vec<u8>, Reason> {
    let n = area.statements();
    if given.len() > n {
        return Err(QUOTIENT_TOO_MANY.with("count", n).with("got", given.len()));
    }
    for (i, r) in given.iter().enumerate() {
        if let Some(r) = r
            && !(1..=5).contains(r)
        {
            return Err(QUOTIENT_RATING.with("statement", i + 1).with("got", r));
        }
    }
    let missing: Vec<String> = (0..n)
        .filter(|&i| given.get(i).copied().flatten().is_none())
        .map(|i| (i + 1).to_string())
        .collect();
    if !missing.is_empty() {
        return Err(QUOTIENT_UNRATED
            .with("statements", missing.join(", "))
            .with("count", n));
    }
    Ok(given.iter().map(|r| r.expect("checked") as u8).collect())
}

impl Assessment {
    /// The sum of an area's ratings (its score is this over [`Area::statements`]).
    pub fn area_sum(&self, area: Area) -> i64 {
        self.ratings
            .get(&area)
            .map_or(0, |r| r.iter().map(|&x| i64::from(x)).sum())
    }

    /// An area's score (the mean of its statements) in sixtieths.
    pub fn area_score(&self, area: Area) -> Sixtieths {
        Sixtieths(self.area_sum(area) * area.weight())
    }

    /// The total (sum of the seven area scores, 7–35) in sixtieths.
    pub fn total(&self) -> Sixtieths {
        Sixtieths(Area::ALL.iter().map(|&a| self.area_score(a).0).sum())
    }

    pub fn band(&self) -> Band {
        Band::of(self.total())
    }
}
