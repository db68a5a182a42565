//! Coding open answers: each survey's list of codes, the codes given to each complete open
//! answer (replaced as a set, in one transaction), the count of answers per code, and the
//! answers carrying one code.

use jiff::Timestamp;
use sqlx::{AssertSqlSafe, Row};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::{DUPLICATE_SURVEY_CODE, NOT_OPEN_ANSWER, NOT_SURVEY_CODE};
use tend_domain::kernel::text::Text;
use tend_domain::surveys::SurveyId;

use super::OpenAnswer;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A code of a survey's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyCode {
    pub id: i64,
    pub name: String,
}

/// How many open answers carry each code (`counts`: code, answers), out of `n` complete
/// open answers, of which `coded` carry at least one code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeCounts {
    pub n: u64,
    pub coded: u64,
    pub counts: Vec<(SurveyCode, u64)>,
}

const OPEN: &str = "FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id \
     WHERE r.completed_at IS NOT NULL AND a.number IS NULL AND a.choices IS NULL \
     AND a.text IS NOT NULL AND r.survey_id = $1";

impl Store {
    /// Adds the code `name` to survey `id`'s list; a name it has already is a conflict.
    pub async fn add_survey_code(
        &self,
        id: SurveyId,
        name: &Text<100>,
        now: Timestamp,
    ) -> StoreResult<SurveyCode> {
        self.survey(id).await?;
        let row = sqlx::query(
            "INSERT INTO survey_codes (survey_id, name, created_at) VALUES ($1, $2, $3) \
             RETURNING id",
        )
        .bind(id.0)
        .bind(name.as_str())
        .bind(us(now))
        .fetch_one(self.write())
        .await
        .map_err(|e| StoreError::unique(e, "name", DUPLICATE_SURVEY_CODE))?;
        Ok(SurveyCode {
            id: row.try_get("id")?,
            name: name.as_str().to_owned(),
        })
    }

    /// Survey `id`'s codes, by name.
    pub async fn survey_codes(&self, id: SurveyId) -> StoreResult<Vec<SurveyCode>> {
        let rows =
            sqlx::query("SELECT id, name FROM survey_codes WHERE survey_id = $1 ORDER BY name, id")
                .bind(id.0)
                .fetch_all(self.read())
                .await?;
        rows.iter()
            .map(|r| {
                Ok(SurveyCode {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                })
            })
            .collect()
    }

    /// Gives the open answer (`response`, `question`) of survey `id` exactly `codes`, in one
    /// transaction: refused (`not_open_answer`, `not_survey_code`) with nothing changed.
    pub async fn set_answer_codes(
        &self,
        id: SurveyId,
        response: i64,
        question: usize,
        codes: &[i64],
        by: Option<EmployeeId>,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        let found = sqlx::query(AssertSqlSafe(format!(
            "SELECT COUNT(*) AS n {OPEN} AND a.response_id = $2 AND a.question = $3"
        )))
        .bind(id.0)
        .bind(response)
        .bind(question as i64)
        .fetch_one(&mut *tx)
        .await?;
        if found.try_get::<i64, _>("n")? == 0 {
            return Err(StoreError::field("answer", NOT_OPEN_ANSWER));
        }
        for &code in codes {
            let ours = sqlx::query("SELECT id FROM survey_codes WHERE id = $1 AND survey_id = $2")
                .bind(code)
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
            if ours.is_none() {
                return Err(StoreError::field("codes", NOT_SURVEY_CODE));
            }
        }
        sqlx::query("DELETE FROM survey_answer_codes WHERE response_id = $1 AND question = $2")
            .bind(response)
            .bind(question as i64)
            .execute(&mut *tx)
            .await?;
        for &code in codes {
            sqlx::query(
                "INSERT INTO survey_answer_codes (response_id, question, code_id, coded_by, \
                 coded_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(response)
            .bind(question as i64)
            .bind(code)
            .bind(by.map(|e| e.0))
            .bind(us(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The codes of every coded answer of survey `id`: (response, question, code).
    pub async fn survey_answer_codes(&self, id: SurveyId) -> StoreResult<Vec<(i64, usize, i64)>> {
        let rows = sqlx::query(
            "SELECT c.response_id, c.question, c.code_id FROM survey_answer_codes c \
             JOIN survey_codes k ON k.id = c.code_id WHERE k.survey_id = $1",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("response_id")?,
                    r.try_get::<i64, _>("question")? as usize,
                    r.try_get("code_id")?,
                ))
            })
            .collect()
    }

    /// The counts per code over survey `id`'s complete open answers (every code listed, those
    /// given to none with 0). Its cost follows the codes given, not the answers: `n` comes from
    /// the results' roll-up (its open answers, `survey_tally_days`), the rest from the coded
    /// answers alone.
    pub async fn survey_code_counts(&self, id: SurveyId) -> StoreResult<CodeCounts> {
        let tallies = self
            .survey_tallies(id, &crate::surveys::TallyFilter::default())
            .await?;
        let n: u64 = tallies.texts.iter().map(|(_, n)| n).sum();
        let coded_answers = "FROM survey_answer_codes c \
             JOIN survey_responses r ON r.id = c.response_id \
             JOIN survey_answers a ON a.response_id = c.response_id AND a.question = c.question \
             WHERE r.survey_id = $1 AND r.completed_at IS NOT NULL AND a.number IS NULL \
             AND a.choices IS NULL AND a.text IS NOT NULL";
        let coded: i64 = sqlx::query(AssertSqlSafe(format!(
            "SELECT COUNT(*) AS n FROM (SELECT DISTINCT c.response_id, c.question {coded_answers}) x"
        )))
        .bind(id.0)
        .fetch_one(self.read())
        .await?
        .try_get("n")?;
        let given: std::collections::HashMap<i64, i64> = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.code_id, COUNT(*) AS n {coded_answers} GROUP BY c.code_id"
        )))
        .bind(id.0)
        .fetch_all(self.read())
        .await?
        .iter()
        .map(|r| Ok((r.try_get("code_id")?, r.try_get("n")?)))
        .collect::<StoreResult<_>>()?;
        let rows = sqlx::query(
            "SELECT k.id, k.name FROM survey_codes k WHERE k.survey_id = $1 ORDER BY k.name, k.id",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        let counts = rows
            .iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                let n = given.get(&id).copied().unwrap_or(0);
                Ok((
                    SurveyCode {
                        id,
                        name: r.try_get("name")?,
                    },
                    u64::try_from(n).unwrap_or(0),
                ))
            })
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(CodeCounts {
            n,
            coded: u64::try_from(coded).unwrap_or(0),
            counts,
        })
    }

    /// Survey `id`'s complete open answers carrying `code`, newest first, at most `limit`.
    pub async fn survey_answers_with_code(
        &self,
        id: SurveyId,
        code: i64,
        limit: i64,
    ) -> StoreResult<Vec<OpenAnswer>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT a.response_id, a.question, a.text, r.completed_at {OPEN} AND EXISTS \
             (SELECT 1 FROM survey_answer_codes c WHERE c.response_id = a.response_id \
             AND c.question = a.question AND c.code_id = $2) \
             ORDER BY r.completed_at DESC, a.response_id DESC, a.question LIMIT $3"
        )))
        .bind(id.0)
        .bind(code)
        .bind(limit)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OpenAnswer {
                    response_id: r.try_get("response_id")?,
                    question: r.try_get::<i64, _>("question")? as usize,
                    text: r.try_get("text")?,
                    completed_at: ts(r.try_get("completed_at")?),
                })
            })
            .collect()
    }
}
