//! The raw answers of a survey, one row per question answered, for the CSV export (whole, or
//! page by page for the CLI's stream).

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::surveys::SurveyId;

use super::tallies::{TallyFilter, filtered};
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::opt_ts;
use crate::store::Store;

/// One answer as stored: its response (id, channel, language, when completed — `None` while
/// partial), the question number, and the stored number, choices and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAnswerRow {
    pub response_id: i64,
    pub channel: String,
    pub language: String,
    pub completed_at: Option<Timestamp>,
    pub question: usize,
    pub number: Option<i64>,
    pub choices: Option<String>,
    pub text: Option<String>,
}

impl Store {
    /// Every answer of the responses `f` selects, complete and partial, by response then
    /// question.
    pub async fn survey_raw_answers(
        &self,
        id: SurveyId,
        f: &TallyFilter,
    ) -> StoreResult<Vec<RawAnswerRow>> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT a.response_id, r.channel, r.language, r.completed_at, a.question, a.number, \
             a.choices, a.text FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id \
             WHERE r.survey_id = ",
        );
        sql.bind(id.0);
        filtered(&mut sql, f);
        sql.push(" ORDER BY a.response_id, a.question");
        let rows = sql.build().fetch_all(self.read()).await?;
        rows.iter()
            .map(|row| {
                Ok(RawAnswerRow {
                    response_id: row.try_get("response_id")?,
                    channel: row.try_get("channel")?,
                    language: row.try_get("language")?,
                    completed_at: opt_ts(row.try_get("completed_at")?),
                    question: row.try_get::<i64, _>("question")? as usize,
                    number: row.try_get("number")?,
                    choices: row.try_get("choices")?,
                    text: row.try_get("text")?,
                })
            })
            .collect()
    }

    /// A page of every answer of survey `id` (complete and partial), by response then question,
    /// after `after` (a response id and question number), at most `limit`: the CLI streams
    /// the export page by page.
    pub async fn survey_raw_answers_after(
        &self,
        id: SurveyId,
        after: Option<(i64, usize)>,
        limit: i64,
    ) -> StoreResult<Vec<RawAnswerRow>> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT a.response_id, r.channel, r.language, r.completed_at, a.question, a.number, \
             a.choices, a.text FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id \
             WHERE r.survey_id = ",
        );
        sql.bind(id.0);
        if let Some((response, question)) = after {
            sql.push(" AND (a.response_id > ").bind(response);
            sql.push(" OR (a.response_id = ").bind(response);
            sql.push(" AND a.question > ").bind(question as i64);
            sql.push("))");
        }
        sql.push(" ORDER BY a.response_id, a.question LIMIT ")
            .bind(limit);
        let rows = sql.build().fetch_all(self.read()).await?;
        rows.iter().map(row).collect()
    }
}

fn row(row: &sqlx::any::AnyRow) -> StoreResult<RawAnswerRow> {
    Ok(RawAnswerRow {
        response_id: row.try_get("response_id")?,
        channel: row.try_get("channel")?,
        language: row.try_get("language")?,
        completed_at: opt_ts(row.try_get("completed_at")?),
        question: row.try_get::<i64, _>("question")? as usize,
        number: row.try_get("number")?,
        choices: row.try_get("choices")?,
        text: row.try_get("text")?,
    })
}
