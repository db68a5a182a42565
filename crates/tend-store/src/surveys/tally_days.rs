//! The results' roll-up, `survey_tally_days`: counts per survey, UTC day of completion, channel,
//! question and value, added to in the transaction that completes a response; and the same
//! counts read from the raw answers (the part-days at a period's edges, and the reference the
//! roll-up is checked against). Both give rows of one shape, summed into [`Counts`].

use std::collections::BTreeMap;

use sqlx::AnyConnection;
use sqlx::{AssertSqlSafe, Row};
use tend_domain::surveys::SurveyId;

use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::store::Store;

/// A UTC day in microseconds: the roll-up's `day` is `completed_at / DAY`.
pub(crate) const DAY: i64 = 86_400_000_000;

/// One counted value: (kind, question, number, choices), as the roll-up keys it.
pub(crate) type Key = (String, i64, i64, String);

/// Counts summed from the roll-up and from raw answers.
#[derive(Default)]
pub(crate) struct Counts(pub(crate) BTreeMap<Key, u64>);

impl Counts {
    fn add(&mut self, rows: Vec<sqlx::any::AnyRow>) -> StoreResult<()> {
        for row in rows {
            let key = (
                row.try_get("kind")?,
                row.try_get("question")?,
                row.try_get("number")?,
                row.try_get("choices")?,
            );
            let n = row.try_get::<i64, _>("n")? as u64;
            if n > 0 {
                *self.0.entry(key).or_default() += n;
            }
        }
        Ok(())
    }
}

/// Each kind counted: (kind, question, number, choices — as selected —, the answers' condition,
/// the grouping beyond survey, day and channel). `complete` counts responses, not answers.
const PARTS: [(&str, &str, &str, &str, &str, &str); 5] = [
    ("complete", "0", "0", "''", "", ""),
    (
        "number",
        "a.question",
        "a.number",
        "''",
        "a.number IS NOT NULL",
        ", a.question, a.number",
    ),
    (
        "choices",
        "a.question",
        "0",
        "a.choices",
        "a.choices IS NOT NULL",
        ", a.question, a.choices",
    ),
    (
        "other",
        "a.question",
        "0",
        "''",
        "a.choices IS NOT NULL AND a.text IS NOT NULL",
        ", a.question",
    ),
    (
        "text",
        "a.question",
        "0",
        "''",
        "a.number IS NULL AND a.choices IS NULL",
        ", a.question",
    ),
];

fn source(condition: &str) -> String {
    if condition.is_empty() {
        "FROM survey_responses r WHERE r.completed_at IS NOT NULL".into()
    } else {
        format!(
            "FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id \
             WHERE r.completed_at IS NOT NULL AND {condition}"
        )
    }
}

/// The statements adding the complete responses that `scope` (a condition on `r` with one
/// parameter, `$1`) selects to the roll-up — the migration's back-fill, made per scope. Rows
/// are upserted in key order (and the statements always run in this order), so concurrent
/// completions on PostgreSQL lock shared rows in one order and cannot deadlock.
fn additions(scope: &str) -> Vec<String> {
    PARTS
        .iter()
        .map(|(kind, q, number, choices, condition, group)| {
            format!(
                "INSERT INTO survey_tally_days (survey_id, day, channel, question, kind, number, \
                 choices, n) SELECT r.survey_id, r.completed_at / {DAY}, r.channel, {q}, \
                 '{kind}', {number}, {choices}, COUNT(*) {} AND {scope} \
                 GROUP BY r.survey_id, r.completed_at / {DAY}, r.channel{group} \
                 ORDER BY 1, 2, 3, 4, 6, 7 \
                 ON CONFLICT (survey_id, day, channel, question, kind, number, choices) \
                 DO UPDATE SET n = survey_tally_days.n + excluded.n",
                source(condition)
            )
        })
        .collect()
}

/// Adds the just-completed response `response_id` to the roll-up, inside the transaction that
/// completed it.
pub(crate) async fn add_response(tx: &mut AnyConnection, response_id: i64) -> StoreResult<()> {
    for statement in additions("r.id = $1") {
        sqlx::query(AssertSqlSafe(statement))
            .bind(response_id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// A period of completion in UTC microseconds, `[from, to)`, either end open.
pub(crate) type Span = (Option<i64>, Option<i64>);

impl Store {
    /// Rebuilds survey `id`'s roll-up from its answers, in one transaction: for answers written
    /// other than through [`Store::save_survey_page`] (the bench's bulk load).
    pub async fn refill_survey_tally_days(&self, id: SurveyId) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        sqlx::query("DELETE FROM survey_tally_days WHERE survey_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        for statement in additions("r.survey_id = $1") {
            sqlx::query(AssertSqlSafe(statement))
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Adds to `c` the roll-up's counts of survey `id` for the UTC days `[lo, hi)` (either end
    /// open) through `channel`.
    pub(crate) async fn rolled_up(
        &self,
        c: &mut Counts,
        id: SurveyId,
        (lo, hi): Span,
        channel: Option<&str>,
    ) -> StoreResult<()> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT kind, question, number, choices, CAST(SUM(n) AS BIGINT) AS n \
             FROM survey_tally_days WHERE survey_id = ",
        );
        sql.bind(id.0);
        if let Some(lo) = lo {
            sql.push(" AND day >= ").bind(lo);
        }
        if let Some(hi) = hi {
            sql.push(" AND day < ").bind(hi);
        }
        if let Some(ch) = channel {
            sql.push(" AND channel = ").bind(ch.to_owned());
        }
        sql.push(" GROUP BY kind, question, number, choices");
        c.add(sql.build().fetch_all(self.read()).await?)
    }

    /// Adds to `c` the counts of survey `id`'s complete responses finished in `span` through
    /// `channel`, read from the answers themselves.
    pub(crate) async fn counted_raw(
        &self,
        c: &mut Counts,
        id: SurveyId,
        (from, to): Span,
        channel: Option<&str>,
    ) -> StoreResult<()> {
        let mut sql = Sql::new(self.engine(), "");
        for (i, (kind, q, number, choices, condition, group)) in PARTS.iter().enumerate() {
            if i > 0 {
                sql.push(" UNION ALL ");
            }
            sql.push(&format!(
                "SELECT '{kind}' AS kind, {q} AS question, {number} AS number, \
                 {choices} AS choices, COUNT(*) AS n {} AND r.survey_id = ",
                source(condition)
            ))
            .bind(id.0);
            if let Some(from) = from {
                sql.push(" AND r.completed_at >= ").bind(from);
            }
            if let Some(to) = to {
                sql.push(" AND r.completed_at < ").bind(to);
            }
            if let Some(ch) = channel {
                sql.push(" AND r.channel = ").bind(ch.to_owned());
            }
            if let Some(g) = group.strip_prefix(", ") {
                sql.push(" GROUP BY ").push(g);
            }
        }
        c.add(sql.build().fetch_all(self.read()).await?)
    }
}
