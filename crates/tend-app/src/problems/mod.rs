//! The top problems ranking over a period — the one place its inputs are gathered (the
//! period's and the previous period's tallies, the managers' actionability marks, the weights
//! in force, the categories' paths) and ranked by `tend_domain::problems::rank`. The problems
//! API, the plan page and the dashboard all read it from here, so they rank alike.

mod evidence;

pub use evidence::{LinkedFigure, Summed, linked_figures, quotes};

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use tend_domain::problems::{Ranked, Sources, Tally, Trend, rank};
use tend_store::{Mark, Period, StoreResult, WeightsSet};

use crate::AppState;

/// A ranking over `[from, to)` (UTC dates) and everything it was made from.
#[derive(Debug, Clone)]
pub struct Ranking {
    pub from: Date,
    pub to: Date,
    /// The previous period of equal length, `[previous_from, from)`.
    pub previous_from: Date,
    pub lost_days: i64,
    pub period: Period,
    /// One tally per category with complaints in the period.
    pub tallies: Vec<Tally>,
    /// Distinct complainants of the period, over all categories and none.
    pub complainants: i64,
    /// Complaints per category in the previous period.
    pub previous: HashMap<i64, i64>,
    pub marks: HashMap<i64, Mark>,
    pub weights: WeightsSet,
    /// The actionable categories, best score first.
    pub ranked: Vec<Ranked>,
    /// Every category's path (`Parent / Child`), by id.
    pub paths: HashMap<i64, String>,
}

impl Ranking {
    /// Whether category `id` is actionable (unmarked categories are).
    pub fn actionable(&self, id: i64) -> bool {
        self.marks.get(&id).is_none_or(|m| m.actionable)
    }

    /// Category `id`'s path, empty when unknown.
    pub fn path(&self, id: i64) -> String {
        self.paths.get(&id).cloned().unwrap_or_default()
    }

    /// Category `id`'s complaints in the previous period.
    pub fn previous_complaints(&self, id: i64) -> i64 {
        self.previous.get(&id).copied().unwrap_or(0)
    }

    /// Rising, falling or steady against the previous period.
    pub fn trend(&self, t: &Tally) -> Trend {
        Trend::of(t.complaints, self.previous_complaints(t.category_id))
    }

    /// Which sources took part: the listening ones when some category had an answer or a
    /// finding in the period.
    pub fn sources(&self) -> Sources {
        Sources {
            complaints: true,
            compensation: true,
            returns: true,
            customers_lost: true,
            survey_answers: self.tallies.iter().any(|t| t.answers > 0),
            focus_groups: self.tallies.iter().any(|t| t.findings > 0),
        }
    }
}

/// The UTC midnight starting `d`.
pub fn utc_start(d: Date) -> jiff::Timestamp {
    d.to_zoned(TimeZone::UTC)
        .map(|z| z.timestamp())
        .unwrap_or(jiff::Timestamp::MAX)
}

/// The default period: the three months before the day after `today` (UTC dates).
pub fn default_period(today: Date) -> (Date, Date) {
    let to = today.saturating_add(1.day());
    (to.saturating_sub(3.months()), to)
}

/// The ranking over `[from, to)` with a customers-lost window of `lost_days` days.
pub async fn ranking(s: &AppState, from: Date, to: Date, lost_days: i64) -> StoreResult<Ranking> {
    let now = s.clock.now();
    let days = from.until(to).map(|s| s.get_days()).unwrap_or(0);
    let previous_from = from.saturating_sub(i64::from(days).days());
    let window_us = lost_days * 86_400_000_000;
    let period = Period {
        from: utc_start(from),
        to: utc_start(to),
        window_us,
        now,
    };
    let before = Period {
        from: utc_start(previous_from),
        to: utc_start(from),
        window_us,
        now,
    };
    let (tallies, complainants) = s.store.problem_tallies(period).await?;
    let previous = s.store.problem_counts(before).await?.into_iter().collect();
    let marks: HashMap<i64, Mark> = s
        .store
        .problem_marks()
        .await?
        .into_iter()
        .map(|m| (m.category_id, m))
        .collect();
    let weights = s.store.problem_weights(now).await?;
    let ranked = rank(&tallies, weights.weights, |id| {
        marks.get(&id).is_none_or(|m| m.actionable)
    });
    let cats = s.store.categories().await?;
    let paths = tend_domain::catalog::category_paths(&cats)
        .into_iter()
        .map(|(id, p)| (id.0, p))
        .collect();
    Ok(Ranking {
        from,
        to,
        previous_from,
        lost_days,
        period,
        tallies,
        complainants,
        previous,
        marks,
        weights,
        ranked,
        paths,
    })
}
