//! Full-text search of complaints: FTS5 on SQLite, a tsvector on PostgreSQL — the one place the
//! dialects differ — over tokens made once in Rust (`tend_domain::kernel::search_text`).
//!
//! A complaint's document is the tokens of its subject, description, facts, agreed solution,
//! steps and the customer's name. Neither engine folds or splits anything itself: SQLite's FTS5
//! table uses the `ascii` tokenizer (it only splits at our spaces) and PostgreSQL receives the
//! document as a `tsvector` literal and the query as a `tsquery` literal (no text search
//! configuration parses user text). A query matches when every word is the start of a token.
//!
//! SQLite also keeps each document as text (`complaint_docs`, the tokens with a space before
//! each), so that a search for common words can walk complaints newest first and test each
//! one (`instr(doc, ' word')`: a token starting with the word) instead of asking FTS5, whose
//! prefix queries read every posting of every matching term before answering.

use sqlx::{AnyConnection, AnyPool, Row};
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::search_text::tokens;

use crate::kernel::engine::Engine;
use crate::kernel::sql::{Sql, Statements};

/// The folding rules' version the stored documents were made with; raising it re-indexes
/// everything at the next start (`catch_up`).
pub(crate) const VERSION: i64 = 2;

const TEXTS: &str = "SELECT c.id, coalesce(c.subject, '') || ' ' || c.description || ' ' || \
    coalesce(c.facts, '') || ' ' || coalesce(c.agreed_solution, '') || ' ' || cu.name AS body, \
    (SELECT count(*) FROM complaint_steps s WHERE s.complaint_id = c.id) AS steps \
    FROM complaints c JOIN customers cu ON cu.id = c.customer_id WHERE c.id IN (";

/// Rows per statement when writing documents.
const CHUNK: usize = 200;

/// Rebuilds one complaint's search document inside the caller's transaction.
pub(crate) async fn reindex(
    conn: &mut AnyConnection,
    engine: Engine,
    id: ComplaintId,
) -> sqlx::Result<()> {
    if engine == Engine::Sqlite {
        sqlx::query("DELETE FROM complaint_fts WHERE rowid = $1")
            .bind(id.0)
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM complaint_docs WHERE id = $1")
            .bind(id.0)
            .execute(&mut *conn)
            .await?;
    }
    index_new(conn, engine, &[id]).await
}

/// Writes the search documents of complaints that have none yet (on PostgreSQL: or replaces
/// them), reading their texts and tokenizing them here.
pub(crate) async fn index_new(
    conn: &mut AnyConnection,
    engine: Engine,
    ids: &[ComplaintId],
) -> sqlx::Result<()> {
    let mut st = Statements::new(engine);
    push_new(conn, engine, ids, &mut st).await?;
    st.execute(conn).await
}

/// [`index_new`] with the documents' writes added to `st` (sent with the caller's other
/// writes); the texts are read at once.
pub(crate) async fn push_new(
    conn: &mut AnyConnection,
    engine: Engine,
    ids: &[ComplaintId],
    st: &mut Statements,
) -> sqlx::Result<()> {
    for chunk in ids.chunks(CHUNK) {
        let mut sql = Sql::new(engine, TEXTS);
        for (i, id) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(id.0);
        }
        sql.push(")");
        let rows = sql.build().fetch_all(&mut *conn).await?;
        let mut docs = Vec::with_capacity(rows.len());
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let mut body: String = row.try_get("body")?;
            if row.try_get::<i64, _>("steps")? > 0 {
                let steps = sqlx::query("SELECT text FROM complaint_steps WHERE complaint_id = $1")
                    .bind(id)
                    .fetch_all(&mut *conn)
                    .await?;
                for s in &steps {
                    body.push(' ');
                    body.push_str(&s.try_get::<String, _>("text")?);
                }
            }
            docs.push((id, tokens(&body)));
        }
        write_docs(st, engine, &docs);
    }
    Ok(())
}

fn write_docs(st: &mut Statements, engine: Engine, docs: &[(i64, Vec<String>)]) {
    if docs.is_empty() {
        return;
    }
    let sql = st.next(match engine {
        Engine::Sqlite => "INSERT INTO complaint_fts (rowid, body) VALUES ",
        Engine::Postgres => "INSERT INTO complaint_search (complaint_id, doc) VALUES ",
    });
    for (i, (id, toks)) in docs.iter().enumerate() {
        sql.push(if i == 0 { "(" } else { ", (" });
        sql.bind(*id).push(", ");
        match engine {
            Engine::Sqlite => sql.bind(toks.join(" ")).push(")"),
            Engine::Postgres => sql.bind(tsvector(toks)).push("::tsvector)"),
        };
    }
    if engine == Engine::Postgres {
        sql.push(" ON CONFLICT (complaint_id) DO UPDATE SET doc = EXCLUDED.doc");
    }
    if engine == Engine::Sqlite {
        let sql = st.next("INSERT INTO complaint_docs (id, doc) VALUES ");
        for (i, (id, toks)) in docs.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" });
            sql.bind(*id).push(", ").bind(doc_text(toks)).push(")");
        }
    }
}

/// A document as `complaint_docs` keeps it: each token with a space before it, so that
/// `instr(doc, ' ' || word)` finds a token starting with the word.
pub(crate) fn doc_text(toks: &[String]) -> String {
    let mut out = String::with_capacity(toks.iter().map(|t| t.len() + 1).sum());
    for t in toks {
        out.push(' ');
        out.push_str(t);
    }
    out
}

/// A `tsvector` literal of tokens (letters and digits only, so quoting cannot be escaped).
pub(crate) fn tsvector(toks: &[String]) -> String {
    toks.iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rebuilds every complaint's document when they were made with another `VERSION` (or before
/// documents were tokenized here), in batches; the version is written last, so an interrupted
/// rebuild starts again at the next start.
pub(crate) async fn catch_up(pool: &AnyPool, engine: Engine) -> sqlx::Result<()> {
    if stored_version(pool, "complaints").await? == Some(VERSION) {
        return Ok(());
    }
    let mut conn = pool.acquire().await?;
    sqlx::query(match engine {
        Engine::Sqlite => "INSERT INTO complaint_fts (complaint_fts) VALUES ('delete-all')",
        Engine::Postgres => "DELETE FROM complaint_search",
    })
    .execute(&mut *conn)
    .await?;
    if engine == Engine::Sqlite {
        sqlx::query("DELETE FROM complaint_docs")
            .execute(&mut *conn)
            .await?;
    }
    let mut after = 0i64;
    loop {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let ids: Vec<ComplaintId> =
            sqlx::query("SELECT id FROM complaints WHERE id > $1 ORDER BY id LIMIT 5000")
                .bind(after)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get("id").map(ComplaintId))
                .collect::<sqlx::Result<_>>()?;
        let Some(last) = ids.last() else { break };
        after = last.0;
        index_new(&mut tx, engine, &ids).await?;
        tx.commit().await?;
    }
    set_version(&mut conn, "complaints").await
}

/// The folding version an index was built with (`search_index`), if any.
pub(crate) async fn stored_version(pool: &AnyPool, name: &str) -> sqlx::Result<Option<i64>> {
    let row = sqlx::query("SELECT version FROM search_index WHERE name = $1")
        .bind(name.to_owned())
        .fetch_optional(pool)
        .await?;
    row.map(|r| r.try_get("version")).transpose()
}

/// Records that an index now holds documents of this `VERSION`.
pub(crate) async fn set_version(conn: &mut AnyConnection, name: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM search_index WHERE name = $1")
        .bind(name.to_owned())
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO search_index (name, version) VALUES ($1, $2)")
        .bind(name.to_owned())
        .bind(VERSION)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// SQLite: a condition on the document `d` (a `complaint_docs` row) that every query word
/// starts one of its tokens — what the FTS5 query of [`condition`] matches, tested on one row.
/// Words are letters and digits only (`search_text::query_words`), so binding them is all.
pub(crate) fn push_doc_test(sql: &mut Sql, words: &[String]) {
    for (i, w) in words.iter().enumerate() {
        sql.push(if i == 0 {
            "instr(d.doc, "
        } else {
            " AND instr(d.doc, "
        })
        .bind(format!(" {w}"))
        .push(") > 0");
    }
}

/// Appends a `WHERE` condition on `c.id` for the query words (from `search_text::query_words`):
/// every word must start a token of the document. On SQLite the FTS5 query is bound; on
/// PostgreSQL the `tsquery` is written into the text as a literal (dollar-quoted; the words are
/// letters and digits only), so that each search is planned with its own words — the planner
/// walks the recency index for common ones and the GIN index for rare ones — rather than with
/// one generic plan for every search.
pub(crate) fn push_condition(sql: &mut Sql, engine: Engine, words: &[String]) {
    let q = query_text(engine, words);
    match engine {
        Engine::Sqlite => sql
            .push("c.id IN (SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH ")
            .bind(q)
            .push(")"),
        Engine::Postgres => sql.push(&format!(
            "c.id IN (SELECT complaint_id FROM complaint_search WHERE doc @@ CAST($q${q}$q$ AS tsquery))"
        )),
    };
}

/// The engine's query text for the words: FTS5 `"w"* "v"*`, or a `tsquery` `'w':* & 'v':*`.
pub(crate) fn query_text(engine: Engine, words: &[String]) -> String {
    match engine {
        Engine::Sqlite => words
            .iter()
            .map(|w| format!("\"{w}\"*"))
            .collect::<Vec<_>>()
            .join(" "),
        Engine::Postgres => words
            .iter()
            .map(|w| format!("'{w}':*"))
            .collect::<Vec<_>>()
            .join(" & "),
    }
}

/// The engine's query text for **any** of the words: FTS5 `"w"* OR "v"*`, or a `tsquery`
/// `'w':* | 'v':*` (words from `search_text`: letters and digits only).
pub(crate) fn any_text(engine: Engine, words: &[String]) -> String {
    let (one, or): (fn(&String) -> String, &str) = match engine {
        Engine::Sqlite => (|w| format!("\"{w}\"*"), " OR "),
        Engine::Postgres => (|w| format!("'{w}':*"), " | "),
    };
    words.iter().map(one).collect::<Vec<_>>().join(or)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tend_domain::kernel::search_text::query_words;

    #[test]
    fn queries_are_literals_of_our_words() {
        let q = query_text(Engine::Postgres, &query_words("broken A-77"));
        assert_eq!(q, "'broken':* & 'a77':*");
        let q = query_text(Engine::Sqlite, &query_words("Broken jar"));
        assert_eq!(q, "\"broken\"* \"jar\"*");
        let words = query_words("jar lid");
        assert_eq!(any_text(Engine::Sqlite, &words), "\"jar\"* OR \"lid\"*");
        assert_eq!(any_text(Engine::Postgres, &words), "'jar':* | 'lid':*");
        assert_eq!(doc_text(&tokens("A-77 café")), " a 77 a77 cafe");
        assert_eq!(tsvector(&tokens("A-77 café")), "'a' '77' 'a77' 'cafe'");
    }
}
