//! The two-step complaint form's side of the help centre: the public articles that match what
//! a customer wrote (in their language), the deflection events of each visit (append-only;
//! their counts are in `figures.rs`), and the published articles of one language for the sitemap and the feed.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::search_text::tokens;

use super::PublicHit;
use super::index::PUBLIC;
use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

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

/// A visit of the two-step form sending its complaint: its token (the form's hidden `flow`)
/// and the visitor's language. Given to `Store::create_complaint_after_visit`, which records
/// the `sent` event and links the articles shown in the complaint's own transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentVisit {
    pub flow: String,
    pub lang: String,
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
    /// more with `text` (its first 12 such tokens, `search_text::tokens`: folded like every
    /// search, a word shared when it starts one of the article's tokens), the most shared words
    /// first, then by article id. Through the search index (`index::most_words`).
    pub async fn suggest_public(
        &self,
        lang: &str,
        text: &str,
        limit: usize,
    ) -> StoreResult<Vec<PublicHit>> {
        let ws: Vec<String> = tokens(text)
            .into_iter()
            .filter(|w| w.chars().count() >= MIN_WORD)
            .take(MAX_WORDS)
            .collect();
        let limit = limit as i64;
        Ok(super::index::most_words(self.read(), self.engine(), lang, &ws, limit).await?)
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

/// Inside the new complaint's transaction (the group commit's): records that `visit` still
/// sent `complaint`, and links every article it was shown to the complaint (linked by nobody:
/// the customer read them). Nothing when the visit was shown nothing, so a forged token
/// records nothing. A complaint refused is not stored, and neither is its event.
pub(crate) async fn record_sent_in(
    tx: &mut sqlx::AnyConnection,
    visit: &SentVisit,
    complaint: ComplaintId,
    now: Timestamp,
) -> sqlx::Result<()> {
    let shown: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT article_id FROM help_deflections WHERE flow = $1 AND event = 'shown' \
         ORDER BY article_id",
    )
    .bind(visit.flow.clone())
    .fetch_all(&mut *tx)
    .await?;
    if shown.is_empty() {
        return Ok(());
    }
    let e = DeflectionEvent::Sent;
    insert(tx, &visit.flow, e, None, &visit.lang, Some(complaint), now).await?;
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
    Ok(())
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
