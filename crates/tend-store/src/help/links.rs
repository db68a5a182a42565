//! Articles linked to complaints (by an agent, or by the customer who read them before sending
//! the complaint), counted per article, and the categories that had complaints but have no
//! public article (the help centre's gaps).

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::{CategoryId, ComplaintId, EmployeeId, complaint_reference};
use tend_domain::kernel::reason::{NO_ARTICLE, RECOGNITION_NO_COMPLAINT};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A complaint an article was linked to.
#[derive(Debug, Clone)]
pub struct ArticleLink {
    pub complaint_id: ComplaintId,
    pub reference: String,
    /// The agent who linked it; `None` when the customer read the article before sending.
    pub linked_by: Option<String>,
    pub linked_at: Timestamp,
}

/// An article linked to a complaint, with its title in the source language.
#[derive(Debug, Clone)]
pub struct LinkedArticle {
    pub article_id: i64,
    pub title: String,
    pub linked_by: Option<String>,
}

/// A category that received complaints and has no public article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryGap {
    pub category_id: CategoryId,
    pub name: String,
    /// Complaints received in the window (merged and deleted ones left out).
    pub complaints: i64,
}

impl Store {
    /// Links article `article` to complaint `complaint` (once; linking again changes nothing).
    /// Errors: `article_id` or `complaint_id` naming no row. Returns whether it was new.
    pub async fn link_article(
        &self,
        article: i64,
        complaint: ComplaintId,
        by: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let mut tx = self.write().begin().await?;
        if sqlx::query("SELECT 1 FROM help_articles WHERE id = $1")
            .bind(article)
            .fetch_optional(&mut *tx)
            .await?
            .is_none()
        {
            return Err(StoreError::field(
                "article_id",
                NO_ARTICLE.with("id", article),
            ));
        }
        if sqlx::query("SELECT 1 FROM complaints WHERE id = $1")
            .bind(complaint.0)
            .fetch_optional(&mut *tx)
            .await?
            .is_none()
        {
            let r = RECOGNITION_NO_COMPLAINT.with("id", complaint.0);
            return Err(StoreError::field("complaint_id", r));
        }
        let n = sqlx::query(
            "INSERT INTO help_links (article_id, complaint_id, linked_by, linked_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (article_id, complaint_id) DO NOTHING",
        )
        .bind(article)
        .bind(complaint.0)
        .bind(by.0)
        .bind(us(now))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(n > 0)
    }

    /// Removes the link an agent made from article `article` to complaint `complaint`. A link
    /// the customer's visit made (linked by nobody) stays: it is what the customer read before
    /// sending. Returns whether a link was removed.
    pub async fn unlink_article(&self, article: i64, complaint: ComplaintId) -> StoreResult<bool> {
        let n = sqlx::query(
            "DELETE FROM help_links WHERE article_id = $1 AND complaint_id = $2 \
             AND linked_by IS NOT NULL",
        )
        .bind(article)
        .bind(complaint.0)
        .execute(self.write())
        .await?
        .rows_affected();
        Ok(n > 0)
    }

    /// The complaints article `id` was linked to, newest link first.
    pub async fn article_links(&self, id: i64) -> StoreResult<Vec<ArticleLink>> {
        let rows = sqlx::query(
            "SELECT l.complaint_id, c.reference_year, e.name, l.linked_at FROM help_links l \
             JOIN complaints c ON c.id = l.complaint_id LEFT JOIN employees e ON e.id = l.linked_by \
             WHERE l.article_id = $1 ORDER BY l.linked_at DESC, l.complaint_id DESC",
        )
        .bind(id)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let id = ComplaintId(r.try_get("complaint_id")?);
                let year: i64 = r.try_get("reference_year")?;
                Ok(ArticleLink {
                    complaint_id: id,
                    reference: complaint_reference(year as i16, id),
                    linked_by: r.try_get("name")?,
                    linked_at: ts(r.try_get("linked_at")?),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// The articles linked to complaint `id`, oldest link first, each titled in its source
    /// language (else its first language).
    pub async fn complaint_articles(&self, id: ComplaintId) -> StoreResult<Vec<LinkedArticle>> {
        let rows = sqlx::query(
            "SELECT l.article_id, a.source_lang, e.name, t.lang, t.title FROM help_links l \
             JOIN help_articles a ON a.id = l.article_id \
             LEFT JOIN employees e ON e.id = l.linked_by \
             LEFT JOIN help_translations t ON t.article_id = l.article_id \
             WHERE l.complaint_id = $1 ORDER BY l.linked_at, l.article_id, t.lang",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        let mut out: Vec<LinkedArticle> = Vec::new();
        for r in rows.iter() {
            let article_id: i64 = r.try_get("article_id")?;
            let source: String = r.try_get("source_lang")?;
            let lang: Option<String> = r.try_get("lang")?;
            let title: Option<String> = r.try_get("title")?;
            let is_source = lang.as_deref() == Some(source.as_str());
            match out.last_mut() {
                Some(last) if last.article_id == article_id => {
                    if is_source || last.title.is_empty() {
                        last.title = title.unwrap_or_default();
                    }
                }
                _ => out.push(LinkedArticle {
                    article_id,
                    title: title.unwrap_or_default(),
                    linked_by: r.try_get("name")?,
                }),
            }
        }
        Ok(out)
    }

    /// How many complaints each article was linked to: `(article id, n)`, articles with none
    /// left out.
    pub async fn link_counts(&self) -> StoreResult<Vec<(i64, i64)>> {
        Ok(sqlx::query_as::<_, (i64, i64)>(
            "SELECT article_id, count(*) FROM help_links GROUP BY article_id ORDER BY article_id",
        )
        .fetch_all(self.read())
        .await?)
    }

    /// The categories with complaints received at or after `since` (merged and deleted
    /// complaints left out) that have no public article with a published translation, most
    /// complaints first.
    pub async fn category_gaps(&self, since: Timestamp) -> StoreResult<Vec<CategoryGap>> {
        let rows = sqlx::query(
            "SELECT c.category_id, k.name, count(*) AS n FROM complaints c \
             JOIN categories k ON k.id = c.category_id \
             WHERE c.received_at >= $1 AND c.merged_into IS NULL AND c.deleted_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM help_articles a JOIN help_translations t \
               ON t.article_id = a.id WHERE a.category_id = c.category_id \
               AND a.visibility = 'public' AND t.status = 'published') \
             GROUP BY c.category_id, k.name ORDER BY n DESC, k.name, c.category_id",
        )
        .bind(us(since))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CategoryGap {
                    category_id: CategoryId(r.try_get("category_id")?),
                    name: r.try_get("name")?,
                    complaints: r.try_get("n")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}
