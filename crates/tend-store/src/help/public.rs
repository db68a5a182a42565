//! What the public help centre reads: only public articles' published translations (the one
//! rule `tend_domain::help::public`, written as SQL in `index::PUBLIC`), search through the
//! search index (`index.rs`), and the "did this help?" outcomes and searches it records (append-only).

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::help::LANGS;
use tend_domain::kernel::ids::CategoryId;
use tend_domain::kernel::search_text::query_words;

use super::index::{self, PUBLIC};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

/// One public article in one language, as lists and search results show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicHit {
    pub article_id: i64,
    pub category_id: Option<CategoryId>,
    /// The language of `title` (the visitor's, or another when theirs is missing).
    pub lang: String,
    pub title: String,
}

/// A public article's page in one language.
#[derive(Debug, Clone)]
pub struct PublicArticle {
    pub hit: PublicHit,
    /// Markdown, as written (rendered and sanitised by the app).
    pub body: String,
    /// True when the visitor's language was missing and another is shown.
    pub fallback: bool,
}

/// A public search's results: in the visitor's language, or (`fallback`) in any other when
/// that found nothing.
#[derive(Debug, Clone, Default)]
pub struct PublicSearch {
    pub hits: Vec<PublicHit>,
    pub fallback: bool,
}

/// Of several translations of one article, the visitor's language, else the source, else the
/// first (`rows` holds one article's translations).
fn choose<T>(rows: Vec<(PublicHit, T)>, lang: &str, source: &str) -> Option<(PublicHit, T, bool)> {
    let pick = rows
        .iter()
        .position(|(h, _)| h.lang == lang)
        .or_else(|| rows.iter().position(|(h, _)| h.lang == source))
        .or(if rows.is_empty() { None } else { Some(0) })?;
    let (h, x) = rows.into_iter().nth(pick)?;
    let fallback = h.lang != lang;
    Some((h, x, fallback))
}

impl Store {
    /// Every public article once, in `lang` where published, else in its source language
    /// or another, ordered by title (the help centre's front page and category pages).
    pub async fn public_articles(&self, lang: &str) -> StoreResult<Vec<PublicHit>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT a.id, a.category_id, a.source_lang, t.lang, t.title FROM help_articles a \
             JOIN help_translations t ON t.article_id = a.id WHERE {PUBLIC} ORDER BY a.id, t.lang"
        )))
        .fetch_all(self.read())
        .await?;
        let mut out: Vec<PublicHit> = Vec::new();
        let mut group: Vec<(PublicHit, ())> = Vec::new();
        let mut source = String::new();
        for r in rows.iter() {
            let id: i64 = r.try_get("id")?;
            if group.first().is_some_and(|(h, _)| h.article_id != id) {
                out.extend(choose(std::mem::take(&mut group), lang, &source).map(|x| x.0));
            }
            source = r.try_get("source_lang")?;
            let cat: Option<i64> = r.try_get("category_id")?;
            group.push((
                PublicHit {
                    article_id: id,
                    category_id: cat.map(CategoryId),
                    lang: r.try_get("lang")?,
                    title: r.try_get("title")?,
                },
                (),
            ));
        }
        out.extend(choose(group, lang, &source).map(|x| x.0));
        out.sort_by(|a, b| a.title.cmp(&b.title).then(a.article_id.cmp(&b.article_id)));
        Ok(out)
    }

    /// Public article `id` in `lang`, else in another language (`fallback`). `NotFound` when it
    /// is not public or has no published translation: drafts and internal articles have no
    /// public URL.
    pub async fn public_article(&self, id: i64, lang: &str) -> StoreResult<PublicArticle> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT a.category_id, a.source_lang, t.lang, t.title, t.body FROM help_articles a \
             JOIN help_translations t ON t.article_id = a.id WHERE a.id = $1 AND {PUBLIC} ORDER BY t.lang"
        )))
        .bind(id)
        .fetch_all(self.read())
        .await?;
        let mut source = String::new();
        let mut all = Vec::new();
        for r in rows.iter() {
            source = r.try_get("source_lang")?;
            let cat: Option<i64> = r.try_get("category_id")?;
            let hit = PublicHit {
                article_id: id,
                category_id: cat.map(CategoryId),
                lang: r.try_get("lang")?,
                title: r.try_get("title")?,
            };
            all.push((hit, r.try_get::<String, _>("body")?));
        }
        let (hit, body, fallback) =
            choose(all, lang, &source).ok_or(StoreError::NotFound("article"))?;
        Ok(PublicArticle {
            hit,
            body,
            fallback,
        })
    }

    /// Up to `limit` public articles matching every word, in `lang` or (`None`) in any
    /// language, by article id; an article found in several languages once, in the first of
    /// `en`, `es`, `tr`.
    async fn search_in(
        &self,
        lang: Option<&str>,
        ws: &[String],
        limit: i64,
    ) -> StoreResult<Vec<PublicHit>> {
        let langs: &[&str] = match lang {
            Some(l) => &[l],
            None => &LANGS,
        };
        let mut out: Vec<PublicHit> = Vec::new();
        for l in langs {
            out.extend(index::every_word(self.read(), self.engine(), l, ws, limit).await?);
        }
        // Each language's first `limit` by id hold every article of the first `limit` overall.
        out.sort_by(|a, b| a.article_id.cmp(&b.article_id).then(a.lang.cmp(&b.lang)));
        out.dedup_by_key(|h| h.article_id);
        out.truncate(limit as usize);
        Ok(out)
    }

    /// Searches public articles for every word of `query` (`search_text::query_words`: folded
    /// case, accents and Turkish i's; each word the start of a token), first in `lang`, then in any language (`fallback`); at most `limit` articles, by
    /// id. Records the search (language, query, folded words, number of results) in
    /// `help_searches` so the gaps page can list searches that found nothing. A query with no
    /// letter or digit finds nothing and is not recorded.
    pub async fn search_public(
        &self,
        lang: &str,
        query: &str,
        limit: i64,
        now: Timestamp,
    ) -> StoreResult<PublicSearch> {
        let ws = query_words(query);
        if ws.is_empty() {
            return Ok(PublicSearch::default());
        }
        let mut found = PublicSearch {
            hits: self.search_in(Some(lang), &ws, limit).await?,
            fallback: false,
        };
        if found.hits.is_empty() {
            found.hits = self.search_in(None, &ws, limit).await?;
            found.fallback = !found.hits.is_empty();
        }
        let q: String = query.chars().take(200).collect();
        sqlx::query(
            "INSERT INTO help_searches (lang, query, folded, results, at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(lang.to_owned())
        .bind(q)
        .bind(ws.join(" "))
        .bind(found.hits.len() as i64)
        .bind(us(now))
        .execute(self.write())
        .await?;
        Ok(found)
    }

    /// Records a "did this help?" answer on public article `id` read in `lang`, with the
    /// article's category at that moment. `NotFound` unless the article is public.
    pub async fn record_help_outcome(
        &self,
        id: i64,
        lang: &str,
        helped: bool,
        now: Timestamp,
    ) -> StoreResult<()> {
        let done = sqlx::query(
            "INSERT INTO help_feedback (article_id, category_id, lang, helped, at) \
             SELECT id, category_id, $2, $3, $4 FROM help_articles WHERE id = $1 AND visibility = 'public'",
        )
        .bind(id)
        .bind(lang.to_owned())
        .bind(i64::from(helped))
        .bind(us(now))
        .execute(self.write())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("article"));
        }
        Ok(())
    }
}
