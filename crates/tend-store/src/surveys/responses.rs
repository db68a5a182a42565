//! Responses, kept as the respondent goes: each page's answers are stored when the page is
//! sent, so a half-answered survey resumes from the same link; a completed response takes no
//! more answers, and is added to the results' daily roll-up in the transaction completing it.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::reason::{SURVEY_ANSWERED, SURVEY_NOT_OPEN};
use tend_domain::surveys::{Answer, Status, SurveyId};

use super::key_digest;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::{Sql, V};
use crate::kernel::time::us;
use crate::store::Store;

/// A respondent's response: the next page to answer, and whether it is complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub id: i64,
    pub survey_id: SurveyId,
    pub page: u16,
    pub language: String,
    pub completed: bool,
}

/// One page sent by a respondent: who (their key, never stored in clear), through which
/// channel (`public` or `invitation`), in which language, the answers by question number (from
/// 1; `None` clears an optional question), and the page that follows (`None`: the last page,
/// the response is complete).
pub struct PageSent<'a> {
    pub key: &'a str,
    pub channel: &'a str,
    /// The invitation answered (channel `invitation`), or `None` for the public link.
    pub invitation: Option<i64>,
    pub language: &'a str,
    pub answers: &'a [(usize, Option<Answer>)],
    pub next_page: Option<u16>,
}

fn encode(a: &Answer) -> (Option<i64>, Option<String>, Option<String>) {
    match a {
        Answer::Text(t) => (None, None, Some(t.clone())),
        Answer::Number(n) => (Some(*n), None, None),
        Answer::Choices { chosen, other } => {
            let list: Vec<String> = chosen.iter().map(u16::to_string).collect();
            (None, Some(list.join(",")), other.clone())
        }
    }
}

impl Store {
    /// The response of the respondent with `key` to survey `id`, if they began one.
    pub async fn survey_response(
        &self,
        id: SurveyId,
        key: &str,
    ) -> StoreResult<Option<StoredResponse>> {
        let row = sqlx::query(
            "SELECT id, page, language, completed_at FROM survey_responses \
             WHERE key_digest = $1 AND survey_id = $2",
        )
        .bind(key_digest(key))
        .bind(id.0)
        .fetch_optional(self.read())
        .await?;
        row.map(|r| {
            Ok(StoredResponse {
                id: r.try_get("id")?,
                survey_id: id,
                page: u16::try_from(r.try_get::<i64, _>("page")?).unwrap_or(1),
                language: r.try_get("language")?,
                completed: r.try_get::<Option<i64>, _>("completed_at")?.is_some(),
            })
        })
        .transpose()
    }

    /// Stores one page of answers in one transaction, starting the response on its first page:
    /// refused with `survey_not_open` unless the survey is open, and `survey_answered` once the
    /// response is complete (one answer per browser or link).
    pub async fn save_survey_page(
        &self,
        id: SurveyId,
        sent: &PageSent<'_>,
        now: Timestamp,
    ) -> StoreResult<StoredResponse> {
        let mut tx = self.write().begin().await?;
        let status: String = sqlx::query("SELECT status FROM surveys WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound("survey"))?
            .try_get("status")?;
        if Status::parse(&status) != Some(Status::Open) {
            return Err(StoreError::field("status", SURVEY_NOT_OPEN));
        }
        let digest = key_digest(sent.key);
        let found = sqlx::query(
            "SELECT id, survey_id, completed_at FROM survey_responses WHERE key_digest = $1",
        )
        .bind(&digest)
        .fetch_optional(&mut *tx)
        .await?;
        let response_id: i64 = match found {
            Some(r) => {
                let done = r.try_get::<Option<i64>, _>("completed_at")?.is_some();
                if done || r.try_get::<i64, _>("survey_id")? != id.0 {
                    return Err(StoreError::Conflict {
                        field: "survey",
                        reason: SURVEY_ANSWERED.into(),
                    });
                }
                r.try_get("id")?
            }
            None => sqlx::query(
                "INSERT INTO survey_responses (survey_id, key_digest, channel, language, page, \
                 started_at, updated_at, invitation_id) VALUES ($1, $2, $3, $4, 1, $5, $5, $6) \
                 RETURNING id",
            )
            .bind(id.0)
            .bind(&digest)
            .bind(sent.channel)
            .bind(sent.language)
            .bind(us(now))
            .bind(sent.invitation)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?,
        };
        for (question, answer) in sent.answers {
            sqlx::query("DELETE FROM survey_answers WHERE response_id = $1 AND question = $2")
                .bind(response_id)
                .bind(*question as i64)
                .execute(&mut *tx)
                .await?;
            let Some(answer) = answer else { continue };
            let (number, choices, text) = encode(answer);
            let mut sql = Sql::new(
                self.engine(),
                "INSERT INTO survey_answers (response_id, question, number, choices, text) VALUES ",
            );
            sql.push_tuple(
                0,
                [
                    V::from(response_id),
                    V::from(*question as i64),
                    V::from(number),
                    V::from(choices),
                    V::from(text),
                ],
            );
            sql.build().execute(&mut *tx).await?;
        }
        let completed = sent.next_page.is_none();
        sqlx::query(
            "UPDATE survey_responses SET page = $1, language = $2, updated_at = $3, \
             completed_at = $4 WHERE id = $5",
        )
        .bind(i64::from(sent.next_page.unwrap_or(0)))
        .bind(sent.language)
        .bind(us(now))
        .bind(completed.then(|| us(now)))
        .bind(response_id)
        .execute(&mut *tx)
        .await?;
        if completed {
            super::tally_days::add_response(&mut tx, response_id).await?;
        }
        tx.commit().await?;
        Ok(StoredResponse {
            id: response_id,
            survey_id: id,
            page: sent.next_page.unwrap_or(0),
            language: sent.language.to_owned(),
            completed,
        })
    }
}
