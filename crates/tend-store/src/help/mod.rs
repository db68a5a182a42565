//! The help centre's articles: an article, its translations (one row per language, a missing
//! language has none), every saved version in `help_versions` (append-only), and the staff's
//! reads. The public reads, searches and outcomes are in `public.rs` (through the search index,
//! `index.rs`), the gap figures in `gaps.rs`.

mod deflect;
mod figures;
mod gaps;
mod index;
mod links;
mod public;
mod staff;
mod write;

pub(crate) use deflect::record_sent_in;
pub use deflect::{DeflectionEvent, FeedEntry, SentVisit};
pub use figures::{ArticleDeflection, DeflectionCounts};
pub use gaps::{ArticleOutcomes, CategoryOutcomes, EmptySearch};
pub use links::{ArticleLink, CategoryGap, LinkedArticle};
pub use public::{PublicArticle, PublicHit, PublicSearch};
pub use staff::ArticleVersion;

pub(crate) use index::catch_up as catch_up_search;

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use sqlx::any::AnyRow;
use tend_domain::help::{Body, Status, Title, Visibility, source_changed};
use tend_domain::kernel::ids::{CategoryId, EmployeeId, ProductId};
use tend_domain::kernel::reason::*;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A stored article with all its translations (languages in `en`, `es`, `tr` order).
#[derive(Debug, Clone)]
pub struct Article {
    pub id: i64,
    pub visibility: Visibility,
    /// The language the others are translated from (`en`, `es` or `tr`).
    pub source_lang: String,
    pub category_id: Option<CategoryId>,
    pub product_id: Option<ProductId>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Who keeps the article current: the review reminder is mailed to them.
    pub owner_id: Option<EmployeeId>,
    /// The next review date, in the company's zone.
    pub review_on: Option<Date>,
    pub translations: Vec<Translation>,
}

/// One language version of an article.
#[derive(Debug, Clone)]
pub struct Translation {
    pub lang: String,
    pub title: String,
    /// Markdown, as written.
    pub body: String,
    pub status: Status,
    /// 1 for the first save, one more on each save.
    pub version: i64,
    /// The source translation's version this one was made from (its own version for the source).
    pub source_version: i64,
    /// True when the source translation was saved again after this one was made.
    pub source_changed: bool,
    pub updated_at: Timestamp,
}

/// What an article is created or changed with (its texts come as translations).
#[derive(Debug, Clone)]
pub struct ArticleSettings {
    pub visibility: Visibility,
    pub category_id: Option<CategoryId>,
    pub product_id: Option<ProductId>,
}

/// One language version as written.
#[derive(Debug, Clone)]
pub struct TranslationInput {
    pub lang: &'static str,
    pub title: Title,
    pub body: Body,
    pub status: Status,
}

fn translation(r: &AnyRow) -> Result<Translation, sqlx::Error> {
    let status: String = r.try_get("status")?;
    Ok(Translation {
        lang: r.try_get("lang")?,
        title: r.try_get("title")?,
        body: r.try_get("body")?,
        status: Status::parse(&status).map_err(|e| sqlx::Error::Decode(e.into()))?,
        version: r.try_get("version")?,
        source_version: r.try_get("source_version")?,
        source_changed: false,
        updated_at: ts(r.try_get("updated_at")?),
    })
}

impl Store {
    async fn check_refs(&self, s: &ArticleSettings) -> StoreResult<()> {
        if let Some(c) = s.category_id
            && sqlx::query("SELECT 1 FROM categories WHERE id = $1")
                .bind(c.0)
                .fetch_optional(self.read())
                .await?
                .is_none()
        {
            return Err(StoreError::field("category_id", NO_CATEGORY.with("id", c)));
        }
        if let Some(p) = s.product_id
            && sqlx::query("SELECT 1 FROM products WHERE id = $1")
                .bind(p.0)
                .fetch_optional(self.read())
                .await?
                .is_none()
        {
            return Err(StoreError::field("product_id", NO_PRODUCT.with("id", p)));
        }
        Ok(())
    }

    /// Adds an article with no translation yet; `source_lang` is one of `en`, `es`, `tr`.
    /// Errors: `category_id`/`product_id` naming no row.
    pub async fn create_article(
        &self,
        s: &ArticleSettings,
        source_lang: &'static str,
        now: Timestamp,
    ) -> StoreResult<Article> {
        self.check_refs(s).await?;
        let row = sqlx::query(
            "INSERT INTO help_articles (visibility, source_lang, category_id, product_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(s.visibility.as_str())
        .bind(source_lang)
        .bind(s.category_id.map(|c| c.0))
        .bind(s.product_id.map(|p| p.0))
        .bind(us(now))
        .fetch_one(self.write())
        .await?;
        self.article(row.try_get("id")?).await
    }

    /// Changes an article's visibility, category and product. Errors: `NotFound`, bad refs.
    pub async fn update_article(
        &self,
        id: i64,
        s: &ArticleSettings,
        now: Timestamp,
    ) -> StoreResult<Article> {
        self.check_refs(s).await?;
        let done = sqlx::query(
            "UPDATE help_articles SET visibility = $1, category_id = $2, product_id = $3, updated_at = $4 WHERE id = $5",
        )
        .bind(s.visibility.as_str())
        .bind(s.category_id.map(|c| c.0))
        .bind(s.product_id.map(|p| p.0))
        .bind(us(now))
        .bind(id)
        .execute(self.write())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("article"));
        }
        self.article(id).await
    }

    /// One article with its translations, each with its "source changed" flag. Errors: `NotFound`.
    pub async fn article(&self, id: i64) -> StoreResult<Article> {
        let mut all = self.articles_where(Some(id)).await?;
        all.pop().ok_or(StoreError::NotFound("article"))
    }

    /// Every article, newest change first (the staff's list).
    pub async fn articles(&self) -> StoreResult<Vec<Article>> {
        self.articles_where(None).await
    }

    async fn articles_where(&self, id: Option<i64>) -> StoreResult<Vec<Article>> {
        let filter = if id.is_some() { "WHERE id = $1" } else { "" };
        type Head = (
            i64,
            String,
            String,
            Option<i64>,
            Option<i64>,
            i64,
            i64,
            Option<i64>,
            Option<String>,
        );
        let mut q = sqlx::query_as::<_, Head>(sqlx::AssertSqlSafe(format!(
            "SELECT id, visibility, source_lang, category_id, product_id, created_at, updated_at, \
             owner_id, review_on FROM help_articles {filter} ORDER BY updated_at DESC, id DESC"
        )));
        if let Some(id) = id {
            q = q.bind(id);
        }
        let heads = q.fetch_all(self.read()).await?;
        let mut tq = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT article_id, lang, title, body, status, version, source_version, updated_at \
             FROM help_translations {} ORDER BY article_id, lang",
            if id.is_some() {
                "WHERE article_id = $1"
            } else {
                ""
            }
        )));
        if let Some(id) = id {
            tq = tq.bind(id);
        }
        let rows = tq.fetch_all(self.read()).await?;
        let mut out = Vec::with_capacity(heads.len());
        for (id, vis, source_lang, cat, prod, created, updated, owner, review) in heads {
            let mut translations = Vec::new();
            for r in rows.iter() {
                if r.try_get::<i64, _>("article_id")? == id {
                    translations.push(translation(r)?);
                }
            }
            let source_now = translations
                .iter()
                .find(|t| t.lang == source_lang)
                .map_or(0, |t| t.version);
            for t in &mut translations {
                t.source_changed =
                    source_changed(t.lang == source_lang, t.source_version, source_now);
            }
            out.push(Article {
                id,
                visibility: Visibility::parse(&vis).map_err(|e| sqlx::Error::Decode(e.into()))?,
                source_lang,
                category_id: cat.map(CategoryId),
                product_id: prod.map(ProductId),
                created_at: ts(created),
                updated_at: ts(updated),
                owner_id: owner.map(EmployeeId),
                review_on: review
                    .map(|d| d.parse::<Date>())
                    .transpose()
                    .map_err(|e| sqlx::Error::Decode(e.into()))?,
                translations,
            });
        }
        Ok(out)
    }
}
