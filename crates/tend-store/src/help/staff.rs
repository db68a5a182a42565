//! The staff's side of an article: its owner and next review date (saved with the review
//! reminder's job, in one transaction) and its history, every saved version with who and when.

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::NO_EMPLOYEE;

use super::{Article, ArticleSettings, TranslationInput};
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
    /// Adds an article with its first text (the source language's) and its plan — settings,
    /// owner, next review date and the jobs `jobs(id)` gives for the new id — all in one
    /// transaction: a refusal or a failure stores nothing. Errors: `category_id`, `product_id`,
    /// `owner_id` naming no row.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_article_with_text(
        &self,
        settings: &ArticleSettings,
        text: &TranslationInput,
        by: Option<EmployeeId>,
        owner: Option<EmployeeId>,
        review_on: Option<Date>,
        jobs: impl FnOnce(i64) -> Vec<NewJob>,
        now: Timestamp,
    ) -> StoreResult<Article> {
        self.check_refs(settings).await?;
        let mut tx = self.write().begin().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO help_articles (visibility, source_lang, category_id, product_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(settings.visibility.as_str())
        .bind(text.lang)
        .bind(settings.category_id.map(|c| c.0))
        .bind(settings.product_id.map(|p| p.0))
        .bind(us(now))
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        super::write::save_translation_in(&mut tx, self.engine(), id, text, by, now).await?;
        let jobs = jobs(id);
        let plan = Plan {
            settings,
            owner,
            review_on,
            jobs: &jobs,
        };
        set_plan_in(&mut tx, self.engine(), id, &plan, now).await?;
        tx.commit().await?;
        self.article(id).await
    }

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
        let plan = Plan {
            settings,
            owner,
            review_on,
            jobs,
        };
        set_plan_in(&mut tx, self.engine(), id, &plan, now).await?;
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

/// An article's settings, owner, next review date and the jobs (its reminder) to queue with them.
pub(crate) struct Plan<'a> {
    pub settings: &'a ArticleSettings,
    pub owner: Option<EmployeeId>,
    pub review_on: Option<Date>,
    pub jobs: &'a [NewJob],
}

/// [`Store::set_article_plan`] inside the caller's transaction (references checked already; no
/// commit).
pub(crate) async fn set_plan_in(
    tx: &mut sqlx::AnyConnection,
    engine: crate::kernel::engine::Engine,
    id: i64,
    p: &Plan<'_>,
    now: Timestamp,
) -> StoreResult<()> {
    if let Some(o) = p.owner
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
    .bind(p.owner.map(|o| o.0))
    .bind(p.review_on.map(|d| d.to_string()))
    .bind(us(now))
    .bind(id)
    .bind(p.settings.visibility.as_str())
    .bind(p.settings.category_id.map(|c| c.0))
    .bind(p.settings.product_id.map(|x| x.0))
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("article"));
    }
    insert_many(tx, engine, p.jobs, now).await?;
    Ok(())
}
