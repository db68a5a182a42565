//! A round of the quotient: everyone who assessed the business for the same round, and what
//! their answers add up to.
//!
//! Definitions (exact fractions; rounded to two decimals only for display):
//! - the **business's area score** for a round is the mean of the respondents' area scores,
//!   i.e. Σ ratings of that area over (statements × respondents);
//! - the **business's total** is the sum of its seven area scores, which equals the mean of the
//!   respondents' totals; its band is the method's band of that total;
//! - the **spread** of a round is the range (highest − lowest) of the respondents' totals, and
//!   per area of their area scores;
//! - the **weakest areas** are the two with the lowest business score, and any area tied with
//!   the second; each comes with its statements' mean ratings, lowest first.

use std::cmp::Ordering;

use super::{Area, Assessment, Band, Sixtieths, ratio_rounded};

/// An exact non-negative fraction `num / den` (`den` > 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    pub num: i64,
    pub den: i64,
}

impl Ratio {
    /// Rounded half up to two decimals, for display.
    pub fn rounded(self) -> f64 {
        ratio_rounded(self.num, self.den)
    }

    fn cmp_exact(self, other: Ratio) -> Ordering {
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

/// The business's scores for one round, from its respondents' assessments (at least one).
#[derive(Debug, Clone)]
pub struct RoundScore<'a> {
    answers: &'a [Assessment],
}

/// A weak area: its business score and each statement's mean rating (1-based number, mean),
/// lowest first.
#[derive(Debug, Clone, PartialEq)]
pub struct WeakArea {
    pub area: Area,
    pub score: Ratio,
    pub statements: Vec<(usize, Ratio)>,
}

impl<'a> RoundScore<'a> {
    /// `None` for a round nobody answered.
    pub fn new(answers: &'a [Assessment]) -> Option<Self> {
        (!answers.is_empty()).then_some(RoundScore { answers })
    }

    /// The number of respondents (the round's n).
    pub fn n(&self) -> usize {
        self.answers.len()
    }

    /// The business's score of `area`: Σ its ratings / (statements × respondents).
    pub fn area(&self, area: Area) -> Ratio {
        let sum: i64 = self.answers.iter().map(|a| a.area_sum(area)).sum();
        Ratio {
            num: sum,
            den: (area.statements() * self.n()) as i64,
        }
    }

    /// The business's total: the mean of the respondents' totals (= the sum of its area scores).
    pub fn total(&self) -> Ratio {
        let sum: i64 = self.answers.iter().map(|a| a.total().0).sum();
        Ratio {
            num: sum,
            den: 60 * self.n() as i64,
        }
    }

    pub fn band(&self) -> Band {
        let t = self.total();
        Band::of_ratio(t.num, t.den)
    }

    /// The lowest and highest respondent total.
    pub fn total_range(&self) -> (Sixtieths, Sixtieths) {
        let totals = self.answers.iter().map(Assessment::total);
        let min = totals.clone().min().unwrap_or_default();
        (min, totals.max().unwrap_or_default())
    }

    /// The lowest and highest respondent score of `area`.
    pub fn area_range(&self, area: Area) -> (Sixtieths, Sixtieths) {
        let scores = self.answers.iter().map(|a| a.area_score(area));
        let min = scores.clone().min().unwrap_or_default();
        (min, scores.max().unwrap_or_default())
    }

    /// Statement `i` (0-based) of `area`: its mean rating over the respondents.
    pub fn statement(&self, area: Area, i: usize) -> Ratio {
        let sum: i64 = self
            .answers
            .iter()
            .filter_map(|a| a.ratings.get(&area).and_then(|r| r.get(i)))
            .map(|&r| i64::from(r))
            .sum();
        Ratio {
            num: sum,
            den: self.n() as i64,
        }
    }

    /// The weakest areas (see the module's definition), lowest first; ties keep the method's
    /// order.
    pub fn weakest(&self) -> Vec<WeakArea> {
        let mut areas: Vec<(Area, Ratio)> = Area::ALL.iter().map(|&a| (a, self.area(a))).collect();
        areas.sort_by(|x, y| x.1.cmp_exact(y.1));
        let second = areas[1].1;
        areas
            .into_iter()
            .filter(|(_, s)| s.cmp_exact(second) != Ordering::Greater)
            .map(|(area, score)| {
                let mut statements: Vec<(usize, Ratio)> = (0..area.statements())
                    .map(|i| (i + 1, self.statement(area, i)))
                    .collect();
                statements.sort_by(|x, y| x.1.cmp_exact(y.1));
                WeakArea {
                    area,
                    score,
                    statements,
                }
            })
            .collect()
    }
}
