//! A survey's definition and life: created as a draft, changed while a draft, published
//! (draft → open, only when every text is in every language) and closed (open → closed).

use jiff::Timestamp;
use sqlx::AssertSqlSafe;
use tend_domain::kernel::error::DomainError;
use tend_domain::surveys::{Status, Survey, SurveyId};

use super::{COLUMNS, StoredSurvey, from_row, new_key};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

fn json(s: &Survey) -> String {
    serde_json::to_string(&s.draft).expect("drafts serialise")
}

impl Store {
    /// Stores `survey` as a new draft with a fresh public token.
    pub async fn create_survey(
        &self,
        survey: &Survey,
        now: Timestamp,
    ) -> StoreResult<StoredSurvey> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO surveys (status, definition, public_token, created_at, updated_at) \
             VALUES ('draft', $1, $2, $3, $3) RETURNING {COLUMNS}"
        )))
        .bind(json(survey))
        .bind(new_key())
        .bind(us(now))
        .fetch_one(self.write())
        .await?;
        from_row(&row)
    }

    pub async fn survey(&self, id: SurveyId) -> StoreResult<StoredSurvey> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM surveys WHERE id = $1"
        )))
        .bind(id.0)
        .fetch_optional(self.read())
        .await?
        .ok_or(StoreError::NotFound("survey"))?;
        from_row(&row)
    }

    /// The survey whose public link has `token`.
    pub async fn survey_by_token(&self, token: &str) -> StoreResult<StoredSurvey> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM surveys WHERE public_token = $1"
        )))
        .bind(token)
        .fetch_optional(self.read())
        .await?
        .ok_or(StoreError::NotFound("survey"))?;
        from_row(&row)
    }

    /// Every survey, newest first.
    pub async fn list_surveys(&self) -> StoreResult<Vec<StoredSurvey>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM surveys ORDER BY id DESC"
        )))
        .fetch_all(self.read())
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// Replaces a draft's definition; `survey_not_draft` once it was published.
    pub async fn update_survey(
        &self,
        id: SurveyId,
        survey: &Survey,
        now: Timestamp,
    ) -> StoreResult<StoredSurvey> {
        let mut tx = self.write().begin().await?;
        let current = sqlx::query("SELECT status FROM surveys WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound("survey"))?;
        let status: String = sqlx::Row::try_get(&current, "status")?;
        Status::parse(&status)
            .unwrap_or(Status::Closed)
            .check_draft()
            .map_err(|r| StoreError::field("status", r))?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "UPDATE surveys SET definition = $1, updated_at = $2 WHERE id = $3 RETURNING {COLUMNS}"
        )))
        .bind(json(survey))
        .bind(us(now))
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        from_row(&row)
    }

    /// Draft → open: refused with `survey_not_draft`, or with every missing translation by
    /// field (`missing_translation`), in which case nothing changes.
    pub async fn publish_survey(&self, id: SurveyId, now: Timestamp) -> StoreResult<StoredSurvey> {
        let mut tx = self.write().begin().await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM surveys WHERE id = $1"
        )))
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound("survey"))?;
        let current = from_row(&row)?;
        current
            .status
            .check_draft()
            .map_err(|r| StoreError::field("status", r))?;
        let missing = current.survey.completeness();
        if !missing.is_empty() {
            return Err(StoreError::Domain(DomainError::Invalid(missing)));
        }
        let row = sqlx::query(AssertSqlSafe(format!(
            "UPDATE surveys SET status = 'open', opened_at = $1, updated_at = $1 \
             WHERE id = $2 AND status = 'draft' RETURNING {COLUMNS}"
        )))
        .bind(us(now))
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        from_row(&row)
    }

    /// Open → closed (its results stay); `survey_not_open` otherwise.
    pub async fn close_survey(&self, id: SurveyId, now: Timestamp) -> StoreResult<StoredSurvey> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "UPDATE surveys SET status = 'closed', closed_at = $1, updated_at = $1 \
             WHERE id = $2 AND status = 'open' RETURNING {COLUMNS}"
        )))
        .bind(us(now))
        .bind(id.0)
        .fetch_optional(self.write())
        .await?;
        match row {
            Some(row) => from_row(&row),
            None => {
                self.survey(id).await?;
                Err(StoreError::field(
                    "status",
                    tend_domain::kernel::reason::SURVEY_NOT_OPEN,
                ))
            }
        }
    }
}
