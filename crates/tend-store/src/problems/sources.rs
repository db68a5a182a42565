//! The ranking's listening sources: the voices per category over a period and the records
//! behind a category's voices, through the survey codes linked to categories (`links`).
//!
//! - A category's **answers**: open answers of responses completed in `[from, to)` carrying at
//!   least one survey code linked to it (an answer counts once per category).
//! - Its **findings**: focus-group findings on it from sessions that started in `[from, to)`;
//!   their **voices** are Σ max(raised_by, 1).
//!
//! Links in force are those of the newest row at or before `Period::now`.

use std::collections::BTreeMap;

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::problems::Tally;

use super::Period;
use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One record behind a category's voices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Voice {
    /// An open answer: its survey, response, question (0-based), text, the linked codes it
    /// carries (names, joined by ", ") and when its response was completed.
    Answer {
        survey_id: i64,
        response_id: i64,
        question: i64,
        text: String,
        codes: String,
        at: Timestamp,
    },
    /// A focus-group finding: its session and topic, statement, quote, how many raised it
    /// and the session's start.
    Finding {
        focus_group_id: i64,
        topic: String,
        statement: String,
        quote: Option<String>,
        raised_by: i64,
        severity: String,
        at: Timestamp,
    },
}

const ANSWERS: &str = concat!(
    "WITH links AS (",
    code_links!(),
    ") SELECT category_id, COUNT(*) AS n FROM (SELECT DISTINCT links.category_id, \
       ac.response_id, ac.question FROM survey_answer_codes ac \
       JOIN links ON links.code_id = ac.code_id \
       JOIN survey_responses r ON r.id = ac.response_id \
       WHERE r.completed_at >= $2 AND r.completed_at < $3) d GROUP BY category_id"
);

const FINDINGS: &str = "SELECT f.category_id, COUNT(*) AS n, \
       CAST(SUM(CASE WHEN f.raised_by > 0 THEN f.raised_by ELSE 1 END) AS BIGINT) AS voices \
     FROM focus_group_findings f JOIN focus_groups g ON g.id = f.focus_group_id \
     WHERE g.starts_at >= $1 AND g.starts_at < $2 AND f.category_id IS NOT NULL \
     GROUP BY f.category_id";

fn tally(by: &mut BTreeMap<i64, Tally>, id: i64) -> &mut Tally {
    by.entry(id).or_insert_with(|| Tally {
        category_id: id,
        ..Tally::default()
    })
}

impl Store {
    /// Adds each category's answers, findings and finding voices over the period to `by`
    /// (creating tallies for categories with voices but no complaint).
    pub(super) async fn add_voices(
        &self,
        by: &mut BTreeMap<i64, Tally>,
        p: Period,
    ) -> StoreResult<()> {
        let rows = sqlx::query(ANSWERS)
            .bind(us(p.now))
            .bind(us(p.from))
            .bind(us(p.to))
            .fetch_all(self.read())
            .await?;
        for r in rows {
            tally(by, r.try_get("category_id")?).answers = r.try_get("n")?;
        }
        let rows = sqlx::query(FINDINGS)
            .bind(us(p.from))
            .bind(us(p.to))
            .fetch_all(self.read())
            .await?;
        for r in rows {
            let t = tally(by, r.try_get("category_id")?);
            t.findings = r.try_get("n")?;
            t.finding_voices = r.try_get::<Option<i64>, _>("voices")?.unwrap_or(0);
        }
        Ok(())
    }

    /// The records behind category `category_id`'s voices over the period: its answers
    /// (newest response first), then its findings (newest session first).
    pub async fn problem_voices(&self, category_id: i64, p: Period) -> StoreResult<Vec<Voice>> {
        let rows = sqlx::query(concat!(
            "WITH links AS (",
            code_links!(),
            ") SELECT r.survey_id, ac.response_id, ac.question, a.text, r.completed_at, \
               c.name FROM survey_answer_codes ac \
             JOIN links ON links.code_id = ac.code_id AND links.category_id = $4 \
             JOIN survey_codes c ON c.id = ac.code_id \
             JOIN survey_responses r ON r.id = ac.response_id \
             JOIN survey_answers a ON a.response_id = ac.response_id AND a.question = ac.question \
             WHERE r.completed_at >= $2 AND r.completed_at < $3 \
             ORDER BY r.completed_at DESC, ac.response_id DESC, ac.question, c.name"
        ))
        .bind(us(p.now))
        .bind(us(p.from))
        .bind(us(p.to))
        .bind(category_id)
        .fetch_all(self.read())
        .await?;
        let mut out: Vec<Voice> = Vec::new();
        for r in rows {
            let (response, question): (i64, i64) =
                (r.try_get("response_id")?, r.try_get("question")?);
            let name: String = r.try_get("name")?;
            if let Some(Voice::Answer {
                response_id,
                question: q,
                codes,
                ..
            }) = out.last_mut()
                && *response_id == response
                && *q == question
            {
                codes.push_str(", ");
                codes.push_str(&name);
                continue;
            }
            out.push(Voice::Answer {
                survey_id: r.try_get("survey_id")?,
                response_id: response,
                question,
                text: r.try_get::<Option<String>, _>("text")?.unwrap_or_default(),
                codes: name,
                at: ts(r.try_get("completed_at")?),
            });
        }
        let rows = sqlx::query(
            "SELECT g.id, g.topic, g.starts_at, f.statement, f.quote, f.raised_by, f.severity \
             FROM focus_group_findings f JOIN focus_groups g ON g.id = f.focus_group_id \
             WHERE f.category_id = $1 AND g.starts_at >= $2 AND g.starts_at < $3 \
             ORDER BY g.starts_at DESC, f.id",
        )
        .bind(category_id)
        .bind(us(p.from))
        .bind(us(p.to))
        .fetch_all(self.read())
        .await?;
        for r in rows {
            out.push(Voice::Finding {
                focus_group_id: r.try_get("id")?,
                topic: r.try_get("topic")?,
                statement: r.try_get("statement")?,
                quote: r.try_get("quote")?,
                raised_by: r.try_get("raised_by")?,
                severity: r.try_get("severity")?,
                at: ts(r.try_get("starts_at")?),
            });
        }
        Ok(out)
    }
}
