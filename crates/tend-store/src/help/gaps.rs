//! The help centre's gaps, for managers: public searches that found nothing, and the
//! "did this help?" outcomes per article and per category, ranked by "I still need help".

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::CategoryId;

use crate::kernel::error::StoreResult;
use crate::kernel::time::ts;
use crate::store::Store;

/// Searches (folded) that found no public article: how many times, and the last time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmptySearch {
    pub lang: String,
    /// The folded words searched for.
    pub words: String,
    /// Number of searches with these words in this language that found nothing.
    pub n: i64,
    pub last_at: Timestamp,
}

/// One article's answers to "did this help?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleOutcomes {
    pub article_id: i64,
    /// The title in the article's source language ("" when it has none).
    pub title: String,
    /// n: every answer recorded.
    pub n: i64,
    /// Answers "I still need help".
    pub still_need_help: i64,
}

/// One category's answers to "did this help?", over its articles (`None`: no category).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryOutcomes {
    pub category_id: Option<CategoryId>,
    pub n: i64,
    pub still_need_help: i64,
}

/// `still need help` as an SQL count: answers with `helped = 0`.
const NEED: &str = "CAST(sum(CASE WHEN f.helped = 0 THEN 1 ELSE 0 END) AS BIGINT)";

impl Store {
    /// Public searches that found nothing, most repeated first (ties: latest first), at most
    /// `limit` rows.
    pub async fn empty_searches(&self, limit: i64) -> StoreResult<Vec<EmptySearch>> {
        let rows = sqlx::query(
            "SELECT lang, folded, count(*) AS n, max(at) AS last_at FROM help_searches \
             WHERE results = 0 GROUP BY lang, folded ORDER BY n DESC, last_at DESC, folded LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(EmptySearch {
                    lang: r.try_get("lang")?,
                    words: r.try_get("folded")?,
                    n: r.try_get("n")?,
                    last_at: ts(r.try_get("last_at")?),
                })
            })
            .collect()
    }

    /// Articles with answers, most "I still need help" first (ties: more answers, then id).
    pub async fn article_outcomes(&self, limit: i64) -> StoreResult<Vec<ArticleOutcomes>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT f.article_id, coalesce(max(t.title), '') AS title, count(*) AS n, {NEED} AS need \
             FROM help_feedback f JOIN help_articles a ON a.id = f.article_id \
             LEFT JOIN help_translations t ON t.article_id = a.id AND t.lang = a.source_lang \
             GROUP BY f.article_id ORDER BY need DESC, n DESC, f.article_id LIMIT $1"
        )))
        .bind(limit)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ArticleOutcomes {
                    article_id: r.try_get("article_id")?,
                    title: r.try_get("title")?,
                    n: r.try_get("n")?,
                    still_need_help: r.try_get("need")?,
                })
            })
            .collect()
    }

    /// The answers grouped by the category the article had when answered, most "I still need
    /// help" first.
    pub async fn category_outcomes(&self) -> StoreResult<Vec<CategoryOutcomes>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT f.category_id, count(*) AS n, {NEED} AS need FROM help_feedback f \
             GROUP BY f.category_id ORDER BY need DESC, n DESC, f.category_id"
        )))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let c: Option<i64> = r.try_get("category_id")?;
                Ok(CategoryOutcomes {
                    category_id: c.map(CategoryId),
                    n: r.try_get("n")?,
                    still_need_help: r.try_get("need")?,
                })
            })
            .collect()
    }
}
