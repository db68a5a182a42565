//! The ranking's listening sources and linked figures: managers' links of survey codes and of
//! figures to problem categories (append-only, the newest row in force at an instant), the
//! voices per category over a period, and the records behind a category's voices.
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
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::{NO_CATEGORY, NO_FIGURE, NO_SURVEY_CODE};
use tend_domain::problems::Tally;

use super::Period;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A survey code linked to a problem category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeLink {
    pub code_id: i64,
    pub survey_id: i64,
    pub code: String,
    pub category_id: i64,
    pub set_by: EmployeeId,
    pub set_at: Timestamp,
}

/// A figure linked to a problem category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureLink {
    pub figure_id: i64,
    pub category_id: i64,
    pub set_by: EmployeeId,
    pub set_at: Timestamp,
}

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

/// The code links in force at `$1`: each code's newest row at or before it, when it names a
/// category.
macro_rules! code_links {
    () => {
        "SELECT l.code_id, l.category_id, l.set_by, l.set_at FROM problem_code_links l \
         WHERE l.category_id IS NOT NULL AND l.id = (SELECT MAX(x.id) FROM problem_code_links x \
           WHERE x.code_id = l.code_id AND x.set_at <= $1)"
    };
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

/// `Ok` when `sql` (one `$1`) finds a row for `id`, else `missing()`.
async fn exists(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    sql: &'static str,
    id: i64,
    missing: impl FnOnce() -> StoreError,
) -> StoreResult<()> {
    let row = sqlx::query(sql).bind(id).fetch_optional(&mut **tx).await?;
    row.map(|_| ()).ok_or_else(missing)
}

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

    /// The survey codes linked to a category at `at`, by code id.
    pub async fn problem_code_links(&self, at: Timestamp) -> StoreResult<Vec<CodeLink>> {
        let rows = sqlx::query(concat!(
            "WITH links AS (",
            code_links!(),
            ") SELECT links.*, c.survey_id, c.name FROM links \
             JOIN survey_codes c ON c.id = links.code_id ORDER BY links.code_id"
        ))
        .bind(us(at))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CodeLink {
                    code_id: r.try_get("code_id")?,
                    survey_id: r.try_get("survey_id")?,
                    code: r.try_get("name")?,
                    category_id: r.try_get("category_id")?,
                    set_by: EmployeeId(r.try_get("set_by")?),
                    set_at: ts(r.try_get("set_at")?),
                })
            })
            .collect()
    }

    /// Links survey code `code_id` to `category` (`None` unlinks), in one transaction. Errors:
    /// `Invalid` on `code_id` (`no_survey_code`) or `category_id` (`no_category`).
    pub async fn link_problem_code(
        &self,
        code_id: i64,
        category: Option<i64>,
        by: EmployeeId,
        at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        exists(
            &mut tx,
            "SELECT 1 FROM survey_codes WHERE id = $1",
            code_id,
            || StoreError::field("code_id", NO_SURVEY_CODE.with("id", code_id)),
        )
        .await?;
        if let Some(c) = category {
            exists(&mut tx, "SELECT 1 FROM categories WHERE id = $1", c, || {
                StoreError::field("category_id", NO_CATEGORY.with("id", c))
            })
            .await?;
        }
        sqlx::query(
            "INSERT INTO problem_code_links (code_id, category_id, set_by, set_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(code_id)
        .bind(category)
        .bind(by.0)
        .bind(us(at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every survey code: (code id, survey id, name), by survey then name.
    pub async fn all_survey_codes(&self) -> StoreResult<Vec<(i64, i64, String)>> {
        let rows = sqlx::query(
            "SELECT id, survey_id, name FROM survey_codes ORDER BY survey_id, name, id",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("id")?,
                    r.try_get("survey_id")?,
                    r.try_get("name")?,
                ))
            })
            .collect()
    }

    /// The figure links in force at `at`, by figure then category.
    pub async fn problem_figure_links(&self, at: Timestamp) -> StoreResult<Vec<FigureLink>> {
        let rows = sqlx::query(
            "SELECT l.figure_id, l.category_id, l.set_by, l.set_at FROM problem_figure_links l \
             WHERE l.linked = 1 AND l.id = (SELECT MAX(x.id) FROM problem_figure_links x \
               WHERE x.figure_id = l.figure_id AND x.category_id = l.category_id \
               AND x.set_at <= $1) ORDER BY l.figure_id, l.category_id",
        )
        .bind(us(at))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FigureLink {
                    figure_id: r.try_get("figure_id")?,
                    category_id: r.try_get("category_id")?,
                    set_by: EmployeeId(r.try_get("set_by")?),
                    set_at: ts(r.try_get("set_at")?),
                })
            })
            .collect()
    }

    /// Links (or, `linked` false, unlinks) figure `figure_id` and `category_id`, in one
    /// transaction. Errors: `Invalid` on `figure_id` (`no_figure`) or `category_id` (`no_category`).
    pub async fn link_problem_figure(
        &self,
        figure_id: i64,
        category_id: i64,
        linked: bool,
        by: EmployeeId,
        at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        exists(
            &mut tx,
            "SELECT 1 FROM figures WHERE id = $1",
            figure_id,
            || StoreError::field("figure_id", NO_FIGURE.with("got", figure_id)),
        )
        .await?;
        exists(
            &mut tx,
            "SELECT 1 FROM categories WHERE id = $1",
            category_id,
            || StoreError::field("category_id", NO_CATEGORY.with("id", category_id)),
        )
        .await?;
        sqlx::query(
            "INSERT INTO problem_figure_links (figure_id, category_id, linked, set_by, set_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(figure_id)
        .bind(category_id)
        .bind(i64::from(linked))
        .bind(by.0)
        .bind(us(at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
