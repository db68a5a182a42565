//! The two-step complaint form's side of the help centre: the public articles that match what
//! a customer wrote (in their language), the deflection events of each visit (append-only),
//! their counts, and the published articles of one language for the sitemap and the feed.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::help::words;
use tend_domain::kernel::ids::{CategoryId, ComplaintId};

use super::PublicHit;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::{ts, us};
use crate::store::Store;

const PUBLIC: &str = "a.visibility = 'public' AND t.status = 'published'";

/// Words of a customer's text shorter than this are not matched (articles, conjunctions).
const MIN_WORD: usize = 4;
/// Words of a customer's text matched at most.
const MAX_WORDS: usize = 12;

/// One event of a visit of the two-step form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeflectionEvent {
    /// An article was shown as a possible answer.
    Shown,
    /// The customer said the article solved it: no complaint was sent.
    Solved,
    /// The customer still sent their complaint after articles were shown.
    Sent,
}

impl DeflectionEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            DeflectionEvent::Shown => "shown",
            DeflectionEvent::Solved => "solved",
            DeflectionEvent::Sent => "sent",
        }
    }
}

/// The visits counted by the deflection rate (see `tend_domain::help::deflection_rate`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeflectionCounts {
    /// Visits shown an article whose customer said "this solved it" and sent nothing.
    pub deflected: i64,
    /// Visits shown an article whose customer still sent the complaint.
    pub sent: i64,
    /// Visits shown at least one article (including those that left without answering).
    pub shown: i64,
}

/// A published article in one language, for the sitemap and the feed.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    pub article_id: i64,
    pub lang: String,
    pub title: String,
    pub updated_at: Timestamp,
}

impl Store {
    /// Up to `limit` public articles published in `lang` that share words of 4 letters or
    /// more with `text` (folded like every search), the most shared words first.
    pub async fn suggest_public(
        &self,
        lang: &str,
        text: &str,
        limit: usize,
    ) -> StoreResult<Vec<PublicHit>> {
        let ws: Vec<String> = words(text, 64)
            .into_iter()
            .filter(|w| w.chars().count() >= MIN_WORD)
            .take(MAX_WORDS)
            .collect();
        if ws.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = Sql::new(
            self.engine(),
            format!(
                "SELECT a.id, a.category_id, t.lang, t.title, t.folded FROM help_articles a \
                 JOIN help_translations t ON t.article_id = a.id WHERE {PUBLIC} AND t.lang = "
            ),
        );
        q.bind(lang.to_owned()).push(" AND (");
        for (n, w) in ws.iter().enumerate() {
            if n > 0 {
                q.push(" OR ");
            }
            // Folded words hold only letters and digits: no LIKE wildcard can slip in.
            q.push("t.folded LIKE ").bind(format!("%{w}%"));
        }
        q.push(")");
        let rows = q.build().fetch_all(self.read()).await?;
        let mut scored: Vec<(usize, PublicHit)> = Vec::with_capacity(rows.len());
        for r in rows.iter() {
            let folded: String = r.try_get("folded")?;
            let score = ws.iter().filter(|w| folded.contains(w.as_str())).count();
            let cat: Option<i64> = r.try_get("category_id")?;
            scored.push((
                score,
                PublicHit {
                    article_id: r.try_get("id")?,
                    category_id: cat.map(CategoryId),
                    lang: r.try_get("lang")?,
                    title: r.try_get("title")?,
                },
            ));
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.article_id.cmp(&b.1.article_id)));
        Ok(scored.into_iter().take(limit).map(|(_, h)| h).collect())
    }

    /// Records that `hits` were shown to visit `flow`.
    pub async fn record_shown(
        &self,
        flow: &str,
        lang: &str,
        hits: &[PublicHit],
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        for h in hits {
            insert(
                &mut tx,
                flow,
                DeflectionEvent::Shown,
                Some(h),
                lang,
                None,
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records "this solved it" for article `hit` in visit `flow`, only when that article was
    /// shown to that visit. Returns whether it was recorded.
    pub async fn record_solved(
        &self,
        flow: &str,
        lang: &str,
        hit: &PublicHit,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let mut tx = self.write().begin().await?;
        let shown = sqlx::query(
            "SELECT 1 FROM help_deflections WHERE flow = $1 AND event = 'shown' AND article_id = $2",
        )
        .bind(flow.to_owned())
        .bind(hit.article_id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        if shown {
            let e = DeflectionEvent::Solved;
            insert(&mut tx, flow, e, Some(hit), lang, None, now).await?;
        }
        tx.commit().await?;
        Ok(shown)
    }

    /// Records that visit `flow` still sent `complaint`, and links every article it was shown
    /// to the complaint (linked by nobody: the customer read them). Nothing when the visit was
    /// shown nothing. Returns the articles linked.
    pub async fn record_sent(
        &self,
        flow: &str,
        lang: &str,
        complaint: ComplaintId,
        now: Timestamp,
    ) -> StoreResult<Vec<i64>> {
        let mut tx = self.write().begin().await?;
        let shown: Vec<i64> = sqlx::query_scalar(
            "SELECT DISTINCT article_id FROM help_deflections WHERE flow = $1 AND event = 'shown' \
             ORDER BY article_id",
        )
        .bind(flow.to_owned())
        .fetch_all(&mut *tx)
        .await?;
        if !shown.is_empty() {
            let e = DeflectionEvent::Sent;
            insert(&mut tx, flow, e, None, lang, Some(complaint), now).await?;
            for a in &shown {
                sqlx::query(
                    "INSERT INTO help_links (article_id, complaint_id, linked_by, linked_at) \
                     VALUES ($1, $2, NULL, $3) ON CONFLICT (article_id, complaint_id) DO NOTHING",
                )
                .bind(*a)
                .bind(complaint.0)
                .bind(us(now))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(shown)
    }

    /// The visits counted by the deflection rate: a visit that sent its complaint counts as
    /// sent even if it had said "this solved it" before.
    pub async fn deflection_counts(&self) -> StoreResult<DeflectionCounts> {
        let r = sqlx::query(
            "SELECT \
             (SELECT count(DISTINCT flow) FROM help_deflections WHERE event = 'shown') AS shown, \
             (SELECT count(DISTINCT s.flow) FROM help_deflections s WHERE s.event = 'sent') AS sent, \
             (SELECT count(DISTINCT d.flow) FROM help_deflections d WHERE d.event = 'solved' \
              AND NOT EXISTS (SELECT 1 FROM help_deflections x WHERE x.flow = d.flow AND x.event = 'sent')) AS deflected",
        )
        .fetch_one(self.read())
        .await?;
        Ok(DeflectionCounts {
            deflected: r.try_get("deflected")?,
            sent: r.try_get("sent")?,
            shown: r.try_get("shown")?,
        })
    }

    /// Articles public and published in `lang` (no other language), newest change first, at
    /// most `limit`.
    pub async fn published_in(&self, lang: &str, limit: i64) -> StoreResult<Vec<FeedEntry>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT a.id, t.lang, t.title, t.updated_at FROM help_articles a \
             JOIN help_translations t ON t.article_id = a.id WHERE {PUBLIC} AND t.lang = $1 \
             ORDER BY t.updated_at DESC, a.id DESC LIMIT $2"
        )))
        .bind(lang.to_owned())
        .bind(limit)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FeedEntry {
                    article_id: r.try_get("id")?,
                    lang: r.try_get("lang")?,
                    title: r.try_get("title")?,
                    updated_at: ts(r.try_get("updated_at")?),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}

async fn insert(
    tx: &mut sqlx::AnyConnection,
    flow: &str,
    event: DeflectionEvent,
    hit: Option<&PublicHit>,
    lang: &str,
    complaint: Option<ComplaintId>,
    now: Timestamp,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO help_deflections (flow, event, article_id, category_id, lang, complaint_id, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(flow.to_owned())
    .bind(event.as_str())
    .bind(hit.map(|h| h.article_id))
    .bind(hit.and_then(|h| h.category_id).map(|c| c.0))
    .bind(lang.to_owned())
    .bind(complaint.map(|c| c.0))
    .bind(us(now))
    .execute(&mut *tx)
    .await?;
    Ok(())
}
