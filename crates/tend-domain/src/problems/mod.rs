//! Top problems: the ranking of complaint categories over a period by frequency, cost and
//! customers lost, with managers' actionability marks and adjustable weights. Pure rules: the
//! store hands in one aggregated [`Tally`] per category, [`rank`] orders them.
//!
//! # The score (documented in the API answer too)
//!
//! Over the actionable categories with at least one complaint in the period:
//! - `F` = complaints ÷ the largest complaints count of any of them (0..=1);
//! - `C` = cost ÷ the largest cost (0 when every cost is 0), cost = compensation + returns;
//! - `L` = customers lost ÷ the largest customers lost (0 when none are lost);
//! - score = (w_f·F + w_c·C + w_l·L) ÷ (w_f + w_c + w_l), a number in 0..=1.
//!
//! Non-actionable categories get no score and are listed apart. Ties: more complaints first,
//! then the lower category id. Sources that do not exist yet (survey answers, focus-group
//! findings, linked figures) contribute nothing; see [`Sources`].

pub mod focus;

use serde::{Deserialize, Serialize};

/// The ranking's weights, integers 0..=100 each, not all zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Weights {
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub frequency: i64,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub cost: i64,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub lost: i64,
}

/// Weights in force until a manager changes them: frequency 40, cost 40, customers lost 20.
pub const DEFAULT_WEIGHTS: Weights = Weights {
    frequency: 40,
    cost: 40,
    lost: 20,
};

/// The customers-lost window when none is asked for: 90 days after the first resolution.
pub const DEFAULT_LOST_DAYS: i64 = 90;

impl Weights {
    /// `Err((field, got))` for the first weight outside 0..=100, or `("frequency", 0)` when all are 0.
    pub fn check(&self) -> Result<(), (&'static str, i64)> {
        for (field, w) in [
            ("frequency", self.frequency),
            ("cost", self.cost),
            ("lost", self.lost),
        ] {
            if !(0..=100).contains(&w) {
                return Err((field, w));
            }
        }
        if self.frequency + self.cost + self.lost == 0 {
            return Err(("frequency", 0));
        }
        Ok(())
    }
}

/// Which evidence sources took part in a ranking. Survey answers and focus-group findings are
/// built by another capability; until then they are `false` and weigh nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sources {
    pub complaints: bool,
    pub compensation: bool,
    pub returns: bool,
    pub customers_lost: bool,
    pub survey_answers: bool,
    pub focus_groups: bool,
}

/// One category's aggregates over one period (money in minor units of the one currency).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub category_id: i64,
    /// Complaints received in the period with this category.
    pub complaints: i64,
    /// Distinct customers among them.
    pub customers: i64,
    /// Compensation on those of them that are resolved (or closed after resolution).
    pub compensation_minor: i64,
    /// Returned purchases dated in the period by a complainant of the product they complained of.
    pub returns_minor: i64,
    /// Complainants whose window after first resolution has ended (the base of `lost`).
    pub lost_base: i64,
    /// Of those, who made no kept purchase within the window.
    pub lost: i64,
}

impl Tally {
    /// Compensation plus returns, minor units.
    pub fn cost_minor(&self) -> i64 {
        self.compensation_minor + self.returns_minor
    }
}

/// A ranked (actionable) category: its tally, score and parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub tally: Tally,
    pub frequency: f64,
    pub cost: f64,
    pub lost: f64,
    pub score: f64,
}

fn part(x: i64, max: i64) -> f64 {
    if max == 0 { 0.0 } else { x as f64 / max as f64 }
}

/// Ranks the actionable tallies (those with complaints) by score, best first; see the module
/// documentation for the formula. `actionable(category_id)` says whether a category is ranked.
pub fn rank(tallies: &[Tally], weights: Weights, actionable: impl Fn(i64) -> bool) -> Vec<Ranked> {
    let pool: Vec<&Tally> = tallies
        .iter()
        .filter(|t| t.complaints > 0 && actionable(t.category_id))
        .collect();
    let max_n = pool.iter().map(|t| t.complaints).max().unwrap_or(0);
    let max_c = pool.iter().map(|t| t.cost_minor()).max().unwrap_or(0);
    let max_l = pool.iter().map(|t| t.lost).max().unwrap_or(0);
    let sum = (weights.frequency + weights.cost + weights.lost).max(1) as f64;
    let mut out: Vec<Ranked> = pool
        .into_iter()
        .map(|t| {
            let (f, c, l) = (
                part(t.complaints, max_n),
                part(t.cost_minor(), max_c),
                part(t.lost, max_l),
            );
            let score =
                (weights.frequency as f64 * f + weights.cost as f64 * c + weights.lost as f64 * l)
                    / sum;
            Ranked {
                tally: t.clone(),
                frequency: f,
                cost: c,
                lost: l,
                score,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.tally.complaints.cmp(&a.tally.complaints))
            .then(a.tally.category_id.cmp(&b.tally.category_id))
    });
    out
}

/// Rising, falling or steady: this period's complaints against the previous period's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Rising,
    Falling,
    Steady,
}

impl Trend {
    pub fn of(now: i64, before: i64) -> Trend {
        match now.cmp(&before) {
            std::cmp::Ordering::Greater => Trend::Rising,
            std::cmp::Ordering::Less => Trend::Falling,
            std::cmp::Ordering::Equal => Trend::Steady,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(id: i64, n: i64, cost: i64, lost: i64) -> Tally {
        Tally {
            category_id: id,
            complaints: n,
            customers: n,
            compensation_minor: cost,
            lost,
            ..Tally::default()
        }
    }

    #[test]
    fn the_score_weighs_normalised_parts() {
        // max n 4, max cost 1000, max lost 2; weights 40/40/20.
        let all = [
            t(1, 4, 0, 0),
            t(2, 2, 1000, 2),
            t(3, 1, 500, 1),
            t(4, 9, 9, 9),
        ];
        let r = rank(&all, DEFAULT_WEIGHTS, |id| id != 4);
        let ids: Vec<i64> = r.iter().map(|x| x.tally.category_id).collect();
        // 2: (40·0.5 + 40·1 + 20·1)/100 = 0.8; 3: (10 + 20 + 10)/100 = 0.4; 1: 40/100 = 0.4.
        assert_eq!(ids, vec![2, 1, 3]);
        assert!((r[0].score - 0.8).abs() < 1e-12);
        assert!((r[1].score - 0.4).abs() < 1e-12 && (r[2].score - 0.4).abs() < 1e-12);
    }

    #[test]
    fn weights_are_checked() {
        let w = Weights {
            frequency: 0,
            cost: 0,
            lost: 0,
        };
        assert_eq!(w.check(), Err(("frequency", 0)));
        let w = Weights {
            frequency: 101,
            cost: 0,
            lost: 0,
        };
        assert_eq!(w.check(), Err(("frequency", 101)));
        assert_eq!(DEFAULT_WEIGHTS.check(), Ok(()));
    }
}
