//! The counts a survey's results are computed from, over complete responses (partial ones are
//! counted apart), optionally within a period and a channel; and the open answers, searchable.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::surveys::SurveyId;

use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::{ts, us};
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

impl Store {
    /// The counts of survey `id`'s responses that `f` selects.
    pub async fn survey_tallies(
        &self,
        id: SurveyId,
        f: &TallyFilter,
    ) -> StoreResult<SurveyTallies> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT COALESCE(SUM(CASE WHEN r.completed_at IS NULL THEN 0 ELSE 1 END), 0) AS complete, \
             COALESCE(SUM(CASE WHEN r.completed_at IS NULL THEN 1 ELSE 0 END), 0) AS partial \
             FROM survey_responses r WHERE r.survey_id = ",
        );
        sql.bind(id.0);
        filtered(&mut sql, f);
        let row = sql.build().fetch_one(self.read()).await?;
        let mut t = SurveyTallies {
            complete: row.try_get::<i64, _>("complete")? as u64,
            partial: row.try_get::<i64, _>("partial")? as u64,
            ..Default::default()
        };
        let base = "FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id \
                    WHERE r.completed_at IS NOT NULL AND r.survey_id = ";
        for (n, (select, tail)) in [
            (
                "SELECT a.question, a.number AS v, COUNT(*) AS n ",
                " AND a.number IS NOT NULL GROUP BY a.question, a.number",
            ),
            (
                "SELECT a.question, a.choices AS v, COUNT(*) AS n ",
                " AND a.choices IS NOT NULL GROUP BY a.question, a.choices",
            ),
            (
                "SELECT a.question, COUNT(*) AS n ",
                " AND a.choices IS NOT NULL AND a.text IS NOT NULL GROUP BY a.question",
            ),
            (
                "SELECT a.question, COUNT(*) AS n ",
                " AND a.number IS NULL AND a.choices IS NULL GROUP BY a.question",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let mut sql = Sql::new(self.engine(), format!("{select}{base}"));
            sql.bind(id.0);
            filtered(&mut sql, f);
            sql.push(tail);
            for row in sql.build().fetch_all(self.read()).await? {
                let q = row.try_get::<i64, _>("question")? as usize;
                let count = row.try_get::<i64, _>("n")? as u64;
                match n {
                    0 => t.numbers.push((q, row.try_get("v")?, count)),
                    1 => t.choices.push((q, row.try_get("v")?, count)),
                    2 => t.others.push((q, count)),
                    _ => t.texts.push((q, count)),
                }
            }
        }
        t.numbers.sort();
        t.choices.sort();
        t.others.sort();
        t.texts.sort();
        Ok(t)
    }

    /// The open answers of complete responses that `f` selects, newest first: every one whose
    /// text contains `search` (case-folded alike on both engines), at most `limit`.
    pub async fn survey_open_answers(
        &self,
        id: SurveyId,
        f: &TallyFilter,
        search: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<OpenAnswer>> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT a.response_id, a.question, a.text, r.completed_at FROM survey_answers a \
             JOIN survey_responses r ON r.id = a.response_id WHERE r.completed_at IS NOT NULL \
             AND a.number IS NULL AND a.choices IS NULL AND a.text IS NOT NULL AND r.survey_id = ",
        );
        sql.bind(id.0);
        filtered(&mut sql, f);
        sql.push(" ORDER BY r.completed_at DESC, a.response_id DESC, a.question");
        let needle = search
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(crate::customers::fold);
        let mut out = Vec::new();
        for row in sql.build().fetch_all(self.read()).await? {
            let text: String = row.try_get("text")?;
            if needle
                .as_ref()
                .is_some_and(|n| !crate::customers::fold(&text).contains(n.as_str()))
            {
                continue;
            }
            out.push(OpenAnswer {
                response_id: row.try_get("response_id")?,
                question: row.try_get::<i64, _>("question")? as usize,
                text,
                completed_at: ts(row.try_get("completed_at")?),
            });
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }
}
