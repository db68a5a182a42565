//! Saving an article's language version: the next version, the source version it was made
//! from, its history row and its search document, in one transaction.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::SOURCE_FIRST;
use tend_domain::kernel::search_text::tokens;

use super::{Translation, TranslationInput};
use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

impl Store {
    /// Saves one language version of article `id` as a new version (1 if new), in one
    /// transaction with its history row. A translation other than the source records the
    /// source's current version. Errors: `NotFound`; `source_first` when the source language
    /// has no text yet.
    pub async fn save_translation(
        &self,
        id: i64,
        t: &TranslationInput,
        by: Option<EmployeeId>,
        now: Timestamp,
    ) -> StoreResult<Translation> {
        let mut tx = self.write().begin().await?;
        save_translation_in(&mut tx, self.engine(), id, t, by, now).await?;
        tx.commit().await?;
        let a = self.article(id).await?;
        a.translations
            .into_iter()
            .find(|x| x.lang == t.lang)
            .ok_or(StoreError::NotFound("translation"))
    }

    /// How many versions of `lang` article `id` has in its history (newest is the current one).
    pub async fn article_versions(&self, id: i64, lang: &str) -> StoreResult<i64> {
        let r = sqlx::query(
            "SELECT count(*) AS n FROM help_versions WHERE article_id = $1 AND lang = $2",
        )
        .bind(id)
        .bind(lang.to_owned())
        .fetch_one(self.read())
        .await?;
        Ok(r.try_get("n")?)
    }
}

/// [`Store::save_translation`] inside the caller's transaction (no commit).
pub(crate) async fn save_translation_in(
    tx: &mut sqlx::AnyConnection,
    engine: Engine,
    id: i64,
    t: &TranslationInput,
    by: Option<EmployeeId>,
    now: Timestamp,
) -> StoreResult<()> {
    let source_lang: String = sqlx::query("SELECT source_lang FROM help_articles WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound("article"))?
        .try_get("source_lang")?;
    let versions = sqlx::query_as::<_, (String, i64)>(
        "SELECT lang, version FROM help_translations WHERE article_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let of = |l: &str| versions.iter().find(|(x, _)| x == l).map(|(_, v)| *v);
    let version = of(t.lang).unwrap_or(0) + 1;
    let source_version = if t.lang == source_lang {
        version
    } else {
        of(&source_lang)
            .ok_or_else(|| StoreError::field("lang", SOURCE_FIRST.with("lang", &source_lang)))?
    };
    let text = format!("{} {}", t.title.as_str(), t.body.as_str());
    // The search document is the index's (`index.rs`); `folded` keeps its tokens as text.
    let folded = tokens(&text).join(" ");
    sqlx::query(
        "INSERT INTO help_translations (article_id, lang, title, body, status, version, source_version, folded, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (article_id, lang) DO UPDATE SET title = excluded.title, body = excluded.body, \
         status = excluded.status, version = excluded.version, source_version = excluded.source_version, \
         folded = excluded.folded, updated_at = excluded.updated_at",
    )
    .bind(id)
    .bind(t.lang)
    .bind(t.title.as_str().to_owned())
    .bind(t.body.as_str().to_owned())
    .bind(t.status.as_str())
    .bind(version)
    .bind(source_version)
    .bind(folded)
    .bind(us(now))
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO help_versions (article_id, lang, version, title, body, status, source_version, saved_by, saved_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(t.lang)
    .bind(version)
    .bind(t.title.as_str().to_owned())
    .bind(t.body.as_str().to_owned())
    .bind(t.status.as_str())
    .bind(source_version)
    .bind(by.map(|e| e.0))
    .bind(us(now))
    .execute(&mut *tx)
    .await?;
    super::index::index(&mut *tx, engine, id, t.lang, &text).await?;
    sqlx::query("UPDATE help_articles SET updated_at = $1 WHERE id = $2")
        .bind(us(now))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
