//! The counts a survey's results are computed from, over complete responses (partial ones are
//! counted apart), optionally within a period and a channel; and the open answers, searchable.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::surveys::SurveyId;

use super::tally_days::{Counts, DAY};
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::store::Store;

/// A survey's counts. `numbers`: (question, value, how many answers); `choices`: (question,
/// the positions chosen together — comma-separated —, how many); `others`: (question, how
/// many chose "other"); `texts`: (question, how many open answers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurveyTallies {
    pub complete: u64,
    pub partial: u64,
    pub numbers: Vec<(usize, i64, u64)>,
    pub choices: Vec<(usize, String, u64)>,
    pub others: Vec<(usize, u64)>,
    pub texts: Vec<(usize, u64)>,
}

/// Which responses count: those finished (or, for partial ones, begun) in `[from, to)` through
/// `channel` (`public` or `invitation`).
#[derive(Debug, Clone, Default)]
pub struct TallyFilter {
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    pub channel: Option<String>,
}

/// An open answer: its response, question number, text and when the response was completed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenAnswer {
    pub response_id: i64,
    pub question: usize,
    pub text: String,
    pub completed_at: Timestamp,
}

pub(crate) fn filtered(sql: &mut Sql, f: &TallyFilter) {
    if let Some(from) = f.from {
        sql.push(" AND COALESCE(r.completed_at, r.started_at) >= ")
            .bind(us(from));
    }
    if let Some(to) = f.to {
        sql.push(" AND COALESCE(r.completed_at, r.started_at) < ")
            .bind(us(to));
    }
    if let Some(c) = &f.channel {
        sql.push(" AND r.channel = ").bind(c.clone());
    }
}

fn tallies(partial: u64, c: Counts) -> SurveyTallies {
    let mut t = SurveyTallies {
        partial,
        ..Default::default()
    };
    for ((kind, q, number, choices), n) in c.0 {
        let q = q as usize;
        match kind.as_str() {
            "complete" => t.complete += n,
            "number" => t.numbers.push((q, number, n)),
            "choices" => t.choices.push((q, choices, n)),
            "other" => t.others.push((q, n)),
            _ => t.texts.push((q, n)),
        }
    }
    t.numbers.sort();
    t.choices.sort();
    t.others.sort();
    t.texts.sort();
    t
}

impl Store {
    /// How many of survey `id`'s partial responses `f` selects (by when they began).
    async fn partial(&self, id: SurveyId, f: &TallyFilter) -> StoreResult<u64> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT COUNT(*) AS n FROM survey_responses r WHERE r.completed_at IS NULL \
             AND r.survey_id = ",
        );
        sql.bind(id.0);
        filtered(&mut sql, f);
        let row = sql.build().fetch_one(self.read()).await?;
        Ok(row.try_get::<i64, _>("n")? as u64)
    }

    /// The counts of survey `id`'s responses that `f` selects: the whole UTC days inside the
    /// period from the roll-up (`survey_tally_days`), the part-days at its edges from the
    /// answers themselves — so exactly [`Store::survey_tallies_from_answers`], read in
    /// O(days × values) rows.
    pub async fn survey_tallies(
        &self,
        id: SurveyId,
        f: &TallyFilter,
    ) -> StoreResult<SurveyTallies> {
        let (from, to) = (f.from.map(us), f.to.map(us));
        let channel = f.channel.as_deref();
        // The first whole day and the day after the last whole one.
        let lo = from.map(|x| x.div_euclid(DAY) + i64::from(x.rem_euclid(DAY) != 0));
        let hi = to.map(|x| x.div_euclid(DAY));
        let mut c = Counts::default();
        match (lo, hi) {
            (Some(lo), Some(hi)) if lo >= hi => {
                self.counted_raw(&mut c, id, (from, to), channel).await?
            }
            _ => {
                self.rolled_up(&mut c, id, (lo, hi), channel).await?;
                if let (Some(x), Some(lo)) = (from, lo)
                    && x < lo * DAY
                {
                    self.counted_raw(&mut c, id, (Some(x), Some(lo * DAY)), channel)
                        .await?;
                }
                if let (Some(hi), Some(y)) = (hi, to)
                    && hi * DAY < y
                {
                    self.counted_raw(&mut c, id, (Some(hi * DAY), Some(y)), channel)
                        .await?;
                }
            }
        }
        Ok(tallies(self.partial(id, f).await?, c))
    }

    /// The same counts as [`Store::survey_tallies`], read from the answers alone (no roll-up):
    /// the reference the roll-up is tested against.
    pub async fn survey_tallies_from_answers(
        &self,
        id: SurveyId,
        f: &TallyFilter,
    ) -> StoreResult<SurveyTallies> {
        let mut c = Counts::default();
        let span = (f.from.map(us), f.to.map(us));
        self.counted_raw(&mut c, id, span, f.channel.as_deref())
            .await?;
        Ok(tallies(self.partial(id, f).await?, c))
    }
}
