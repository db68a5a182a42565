//! The staff's side of an article: its owner and next review date (saved with the review
//! reminder's job, in one transaction) and its history, every saved version with who and when.

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::NO_EMPLOYEE;

use super::ArticleSettings;
use crate::jobs::{NewJob, insert_many};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One saved version of one language, as the history lists it.
#[derive(Debug, Clone)]
pub struct ArticleVersion {
    pub lang: String,
    pub version: i64,
    pub title: String,
    pub status: String,
    /// Who saved it (`None`: a token without a person, or an import).
    pub saved_by: Option<String>,
    pub saved_at: Timestamp,
}

impl Store {
    /// Changes article `id`'s settings, owner and next review date, with `jobs` (the review
    /// reminder) queued in the same transaction. Errors: `NotFound`; `category_id`,
    /// `product_id` or `owner_id` naming no row.
    pub async fn set_article_plan(
        &self,
        id: i64,
        settings: &ArticleSettings,
        owner: Option<EmployeeId>,
        review_on: Option<Date>,
        jobs: &[NewJob],
        now: Timestamp,
    ) -> StoreResult<()> {
        self.check_refs(settings).await?;
        let mut tx = self.write().begin().await?;
        if let Some(o) = owner
            && sqlx::query("SELECT 1 FROM employees WHERE id = $1")
                .bind(o.0)
                .fetch_optional(&mut *tx)
                .await?
                .is_none()
        {
            return Err(StoreError::field("owner_id", NO_EMPLOYEE.with("id", o)));
        }
        let done = sqlx::query(
            "UPDATE help_articles SET owner_id = $1, review_on = $2, updated_at = $3, \
             visibility = $5, category_id = $6, product_id = $7 WHERE id = $4",
        )
        .bind(owner.map(|o| o.0))
        .bind(review_on.map(|d| d.to_string()))
        .bind(us(now))
        .bind(id)
        .bind(settings.visibility.as_str())
        .bind(settings.category_id.map(|c| c.0))
        .bind(settings.product_id.map(|p| p.0))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("article"));
        }
        insert_many(&mut tx, self.engine(), jobs, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every saved version of article `id`, newest first (all languages).
    pub async fn article_history(&self, id: i64) -> StoreResult<Vec<ArticleVersion>> {
        let rows = sqlx::query(
            "SELECT v.lang, v.version, v.title, v.status, e.name, v.saved_at FROM help_versions v \
             LEFT JOIN employees e ON e.id = v.saved_by WHERE v.article_id = $1 \
             ORDER BY v.saved_at DESC, v.lang, v.version DESC",
        )
        .bind(id)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ArticleVersion {
                    lang: r.try_get("lang")?,
                    version: r.try_get("version")?,
                    title: r.try_get("title")?,
                    status: r.try_get("status")?,
                    saved_by: r.try_get("name")?,
                    saved_at: ts(r.try_get("saved_at")?),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}
