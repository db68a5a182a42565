//! The help centre's search index, in the kernel's search index (`kernel::search`): one
//! document per translation (an article in one language), its title and body as the tokens
//! of `tend_domain::kernel::search_text` — FTS5 `help_fts` (columns `lang` and `body`, rowid
//! [`key`]) on SQLite, `help_search` (a tsvector under GIN, keyed by language then article) on
//! PostgreSQL. Every translation is indexed, drafts and internal ones too; both queries here
//! join the one public rule ([`PUBLIC`]), so no public path finds what the public may not see.
//!
//! A document matches a word when one of its tokens starts with the word (the search rule of
//! every search). [`every_word`] answers the public search (every word, by article id);
//! [`most_words`] the complaint form's suggestions (most words shared first, then by id).

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};
use tend_domain::help::LANGS;
use tend_domain::kernel::ids::CategoryId;
use tend_domain::kernel::search_text::tokens;

use super::PublicHit;
use crate::kernel::engine::Engine;
use crate::kernel::search::{VERSION, any_text, query_text, set_version, stored_version, tsvector};
use crate::kernel::sql::Sql;

/// The SQL form of `tend_domain::help::public`: a public article's published translation
/// (`a` the article, `t` the translation).
pub(crate) const PUBLIC: &str = "a.visibility = 'public' AND t.status = 'published'";

/// A translation's key on SQLite: article id × 4 + its language's place in [`LANGS`], so that
/// the rowid order of one language is the article order.
fn key(article_id: i64, lang: &str) -> i64 {
    article_id * 4 + LANGS.iter().position(|l| *l == lang).unwrap_or(3) as i64
}

/// Writes (or replaces) the document of article `article_id` in `lang` inside the caller's
/// transaction.
pub(crate) async fn index(
    conn: &mut AnyConnection,
    engine: Engine,
    article_id: i64,
    lang: &str,
    text: &str,
) -> sqlx::Result<()> {
    let toks = tokens(text);
    match engine {
        Engine::Sqlite => {
            let k = key(article_id, lang);
            sqlx::query("DELETE FROM help_fts WHERE rowid = $1")
                .bind(k)
                .execute(&mut *conn)
                .await?;
            sqlx::query("INSERT INTO help_fts (rowid, lang, body) VALUES ($1, $2, $3)")
                .bind(k)
                .bind(lang.to_owned())
                .bind(toks.join(" "))
                .execute(&mut *conn)
                .await?;
        }
        Engine::Postgres => {
            sqlx::query(
                "INSERT INTO help_search (lang, article_id, doc) VALUES ($1, $2, $3::tsvector) \
                 ON CONFLICT (lang, article_id) DO UPDATE SET doc = EXCLUDED.doc",
            )
            .bind(lang.to_owned())
            .bind(article_id)
            .bind(tsvector(&toks))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Rebuilds every translation's document when the index was made with another folding
/// `VERSION` (or never), 500 articles a transaction; the version is written last, so an
/// interrupted rebuild starts again at the next start.
pub(crate) async fn catch_up(pool: &AnyPool, engine: Engine) -> sqlx::Result<()> {
    if stored_version(pool, "help").await? == Some(VERSION) {
        return Ok(());
    }
    let mut conn = pool.acquire().await?;
    sqlx::query(match engine {
        Engine::Sqlite => "INSERT INTO help_fts (help_fts) VALUES ('delete-all')",
        Engine::Postgres => "DELETE FROM help_search",
    })
    .execute(&mut *conn)
    .await?;
    let mut after = 0i64;
    loop {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let last: Option<i64> = sqlx::query_scalar(
            "SELECT max(id) FROM (SELECT id FROM help_articles WHERE id > $1 ORDER BY id LIMIT 500) x",
        )
        .bind(after)
        .fetch_one(&mut *tx)
        .await?;
        let Some(last) = last else { break };
        let rows = sqlx::query(
            "SELECT article_id, lang, title, body FROM help_translations \
             WHERE article_id > $1 AND article_id <= $2",
        )
        .bind(after)
        .bind(last)
        .fetch_all(&mut *tx)
        .await?;
        for r in &rows {
            let lang: String = r.try_get("lang")?;
            let text = format!(
                "{} {}",
                r.try_get::<String, _>("title")?,
                r.try_get::<String, _>("body")?
            );
            index(&mut tx, engine, r.try_get("article_id")?, &lang, &text).await?;
        }
        tx.commit().await?;
        after = last;
    }
    set_version(&mut conn, "help").await
}

fn hit(r: &AnyRow) -> sqlx::Result<PublicHit> {
    let cat: Option<i64> = r.try_get("category_id")?;
    Ok(PublicHit {
        article_id: r.try_get("id")?,
        category_id: cat.map(CategoryId),
        lang: r.try_get("lang")?,
        title: r.try_get("title")?,
    })
}

/// PostgreSQL: the documents of one language a search first walks in article order (see
/// [`every_word`]).
const WINDOW: i64 = 2_000;

/// The FROM clause and the language condition of a search in `lang`: the index joined to the
/// translation and its article, the public rule applied. Ends inside the WHERE clause. On
/// PostgreSQL, `window` limits the documents to the language's first [`WINDOW`] by article.
fn from_public(engine: Engine, lang: &str, window: bool) -> Sql {
    let docs = if window {
        format!(
            "(SELECT lang, article_id, doc FROM help_search WHERE lang = '{lang}' \
             ORDER BY article_id LIMIT {WINDOW}) s"
        )
    } else {
        "help_search s".to_owned()
    };
    let text = match engine {
        // CROSS JOIN keeps the index the outer loop (SQLite never reorders it), walked in
        // rowid order, so a LIMIT stops it early.
        Engine::Sqlite => format!(
            "SELECT a.id, a.category_id, t.lang, t.title FROM help_fts f \
             CROSS JOIN help_translations t CROSS JOIN help_articles a \
             WHERE t.article_id = f.rowid / 4 AND t.lang = '{lang}' AND a.id = t.article_id \
             AND {PUBLIC}"
        ),
        Engine::Postgres => format!(
            "SELECT a.id, a.category_id, t.lang, t.title FROM {docs} \
             JOIN help_translations t ON t.article_id = s.article_id AND t.lang = s.lang \
             JOIN help_articles a ON a.id = s.article_id WHERE {PUBLIC} AND s.lang = '{lang}'"
        ),
    };
    Sql::new(engine, text)
}

/// FTS5's query for `words` (an expression from `kernel::search`) in language `lang`'s
/// documents.
fn fts(lang: &str, expr: &str) -> String {
    format!("lang : \"{lang}\" AND body : ( {expr} )")
}

/// Up to `limit` public articles published in `lang` matching every word, by article id.
/// `lang` outside [`LANGS`] finds nothing (it is written into the statement).
pub(crate) async fn every_word(
    pool: &AnyPool,
    engine: Engine,
    lang: &str,
    words: &[String],
    limit: i64,
) -> sqlx::Result<Vec<PublicHit>> {
    if words.is_empty() || !LANGS.contains(&lang) {
        return Ok(Vec::new());
    }
    if engine == Engine::Postgres {
        // The planner cannot estimate how many documents a prefix matches, and a common word
        // sent through the GIN index fetches and sorts all of them. So the language's first
        // documents by article are tested first: when they hold `limit` hits, those are the
        // answer (no article before them is missing); else a rarer word goes through GIN.
        let first = every_word_in(pool, engine, lang, words, limit, true).await?;
        if first.len() as i64 >= limit {
            return Ok(first);
        }
    }
    every_word_in(pool, engine, lang, words, limit, false).await
}

async fn every_word_in(
    pool: &AnyPool,
    engine: Engine,
    lang: &str,
    words: &[String],
    limit: i64,
    window: bool,
) -> sqlx::Result<Vec<PublicHit>> {
    let mut q = from_public(engine, lang, window);
    let all = query_text(engine, words);
    match engine {
        Engine::Sqlite => q
            .push(" AND help_fts MATCH ")
            .bind(fts(lang, &all))
            .push(" ORDER BY f.rowid LIMIT "),
        // The tsquery is a literal so each search is planned with its own words (see
        // `kernel::search::push_condition`).
        Engine::Postgres => q.push(&format!(
            " AND s.doc @@ CAST($q${all}$q$ AS tsquery) ORDER BY s.article_id LIMIT "
        )),
    };
    q.bind(limit);
    q.build().fetch_all(pool).await?.iter().map(hit).collect()
}

/// Up to `limit` public articles published in `lang` matching at least one word, those
/// matching the most words first, then by article id. When the articles matching every word
/// fill `limit`, they are the answer (none can score higher), and nothing else is counted.
pub(crate) async fn most_words(
    pool: &AnyPool,
    engine: Engine,
    lang: &str,
    words: &[String],
    limit: i64,
) -> sqlx::Result<Vec<PublicHit>> {
    if words.is_empty() || !LANGS.contains(&lang) {
        return Ok(Vec::new());
    }
    let all = every_word(pool, engine, lang, words, limit).await?;
    if all.len() as i64 >= limit || words.len() < 2 {
        return Ok(all);
    }
    let q = match engine {
        Engine::Sqlite => {
            let mut q = Sql::new(
                engine,
                "SELECT a.id, a.category_id, t.lang, t.title FROM (SELECT k, count(*) AS score FROM (",
            );
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    q.push(" UNION ALL ");
                }
                q.push("SELECT rowid AS k FROM help_fts WHERE help_fts MATCH ")
                    .bind(fts(lang, &query_text(engine, std::slice::from_ref(w))));
            }
            q.push(&format!(
                ") x GROUP BY k) m CROSS JOIN help_translations t CROSS JOIN help_articles a \
                 WHERE t.article_id = m.k / 4 AND t.lang = '{lang}' AND a.id = t.article_id \
                 AND {PUBLIC} ORDER BY m.score DESC, m.k LIMIT "
            ));
            q.bind(limit);
            q
        }
        Engine::Postgres => {
            let mut q = from_public(engine, lang, false);
            let any = any_text(engine, words);
            let score = words
                .iter()
                .map(|w| {
                    format!("(CASE WHEN s.doc @@ CAST($q$'{w}':*$q$ AS tsquery) THEN 1 ELSE 0 END)")
                })
                .collect::<Vec<_>>()
                .join(" + ");
            q.push(&format!(
                " AND s.doc @@ CAST($q${any}$q$ AS tsquery) ORDER BY {score} DESC, s.article_id LIMIT "
            ));
            q.bind(limit);
            q
        }
    };
    q.build().fetch_all(pool).await?.iter().map(hit).collect()
}
