//! Top problems: the ranking of complaint categories over a period by frequency, cost,
//! customers lost and what listening heard, with managers' actionability marks and adjustable
//! weights. Pure rules: the store hands in one aggregated [`Tally`] per category, [`rank`]
//! orders them.
//!
//! # The score (documented in the API answer too)
//!
//! Over the actionable categories with at least one complaint or one voice in the period:
//! - `F` = complaints ÷ the largest complaints count of any of them (0..=1);
//! - `C` = cost ÷ the largest cost (0 when every cost is 0), cost = compensation + returns;
//! - `L` = customers lost ÷ the largest customers lost (0 when none are lost);
//! - `V` = voices ÷ the largest voices, voices = open survey answers coded to the category +
//!   focus-group findings on it, each finding counting the participants who raised it (at
//!   least 1);
//! - score = (w_f·F + w_c·C + w_l·L + w_v·V) ÷ (w_f + w_c + w_l + w_v), a number in 0..=1,
//!   except that when no category has a voice (the business does not listen yet, or not in
//!   this period) `V` and its weight are left out: score = (w_f·F + w_c·C + w_l·L) ÷ (w_f +
//!   w_c + w_l). Each source can so be absent without lowering every score.
//!
//! Non-actionable categories get no score and are listed apart. Ties: more complaints first,
//! then the lower category id. Figures a manager links to a category are evidence shown
//! beside it, not part of the score (their units differ from figure to figure).

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
    /// The weight of what listening heard (survey answers and focus-group findings); 20 when
    /// left out of a request. Weights set before it existed read 0, so their rankings reproduce.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100, default = 20))]
    #[serde(default = "default_listening")]
    pub listening: i64,
}

fn default_listening() -> i64 {
    DEFAULT_WEIGHTS.listening
}

/// Weights in force until a manager changes them: frequency 40, cost 40, customers lost 20,
/// listening 20.
pub const DEFAULT_WEIGHTS: Weights = Weights {
    frequency: 40,
    cost: 40,
    lost: 20,
    listening: 20,
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
            ("listening", self.listening),
        ] {
            if !(0..=100).contains(&w) {
                return Err((field, w));
            }
        }
        if self.frequency + self.cost + self.lost + self.listening == 0 {
            return Err(("frequency", 0));
        }
        Ok(())
    }
}

/// Which evidence sources took part in a ranking: `survey_answers` and `focus_groups` are true
/// when the period has at least one coded answer or finding on a category.
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
    /// Open answers of responses completed in the period carrying a survey code linked to the
    /// category (an answer counts once, whatever its number of such codes).
    pub answers: i64,
    /// Focus-group findings on the category from sessions held in the period.
    pub findings: i64,
    /// Σ over those findings of the participants who raised each, a finding counting at least 1.
    pub finding_voices: i64,
}

impl Tally {
    /// Compensation plus returns, minor units.
    pub fn cost_minor(&self) -> i64 {
        self.compensation_minor + self.returns_minor
    }

    /// What listening heard: coded answers + the findings' voices.
    pub fn voices(&self) -> i64 {
        self.answers + self.finding_voices
    }
}

/// A ranked (actionable) category: its tally, score and parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub tally: Tally,
    pub frequency: f64,
    pub cost: f64,
    pub lost: f64,
    /// `V`, or `None` when no category had a voice and listening was left out.
    pub listening: Option<f64>,
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
        .filter(|t| (t.complaints > 0 || t.voices() > 0) && actionable(t.category_id))
        .collect();
    let max_n = pool.iter().map(|t| t.complaints).max().unwrap_or(0);
    let max_c = pool.iter().map(|t| t.cost_minor()).max().unwrap_or(0);
    let max_l = pool.iter().map(|t| t.lost).max().unwrap_or(0);
    let max_v = pool.iter().map(|t| t.voices()).max().unwrap_or(0);
    let w_v = if max_v > 0 { weights.listening } else { 0 };
    let sum = (weights.frequency + weights.cost + weights.lost + w_v).max(1) as f64;
    let mut out: Vec<Ranked> = pool
        .into_iter()
        .map(|t| {
            let (f, c, l) = (
                part(t.complaints, max_n),
                part(t.cost_minor(), max_c),
                part(t.lost, max_l),
            );
            let v = (max_v > 0).then(|| part(t.voices(), max_v));
            let score = (weights.frequency as f64 * f
                + weights.cost as f64 * c
                + weights.lost as f64 * l
                + w_v as f64 * v.unwrap_or(0.0))
                / sum;
            Ranked {
                tally: t.clone(),
                frequency: f,
                cost: c,
                lost: l,
                listening: v,
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
        assert!(r.iter().all(|x| x.listening.is_none()));
    }

    #[test]
    fn voices_weigh_only_when_some_category_has_one() {
        // Same tallies plus voices: 1 has 3 answers, 3 has 1 finding raised by 0 (counts 1)
        // and 2 answers; max voices 3. Sum of weights 40+40+20+20 = 120.
        let mut all = vec![t(1, 4, 0, 0), t(2, 2, 1000, 2), t(3, 1, 500, 1)];
        all[0].answers = 3;
        all[2].answers = 2;
        all[2].findings = 1;
        all[2].finding_voices = 1;
        // A category with voices but no complaint is ranked too: 5 with 3 voices.
        let mut five = t(5, 0, 0, 0);
        five.customers = 0;
        five.finding_voices = 3;
        five.findings = 2;
        all.push(five);
        let r = rank(&all, DEFAULT_WEIGHTS, |_| true);
        let got: Vec<(i64, f64)> = r.iter().map(|x| (x.tally.category_id, x.score)).collect();
        // 2: (20 + 40 + 20 + 0)/120 = 0.6667; 3: (10 + 20 + 10 + 20·3/3)/120 = 0.5;
        // 1: (40 + 0 + 0 + 20)/120 = 0.5; 5: 20/120 = 0.1667. 1 before 3: more complaints.
        let want = [(2, 80.0 / 120.0), (1, 0.5), (3, 0.5), (5, 20.0 / 120.0)];
        assert_eq!(got.len(), want.len());
        for ((id, s), (wid, ws)) in got.iter().zip(want) {
            assert_eq!(*id, wid);
            assert!((s - ws).abs() < 1e-12, "{id}: {s} vs {ws}");
        }
        assert_eq!(r[1].listening, Some(1.0));
    }

    #[test]
    fn weights_are_checked() {
        let w = Weights {
            frequency: 0,
            cost: 0,
            lost: 0,
            listening: 0,
        };
        assert_eq!(w.check(), Err(("frequency", 0)));
        let w = Weights {
            listening: 101,
            ..w
        };
        assert_eq!(w.check(), Err(("listening", 101)));
        let w = Weights {
            frequency: 101,
            cost: 0,
            lost: 0,
            listening: 0,
        };
        assert_eq!(w.check(), Err(("frequency", 101)));
        assert_eq!(DEFAULT_WEIGHTS.check(), Ok(()));
    }
}
