//! Full-text search: FTS5 on SQLite, tsvector on PostgreSQL — the one place the dialects differ.
//!
//! A complaint's document is its subject, description, facts, agreed solution, steps and the
//! customer's name. Queries match every word, each as a prefix, on both engines.

use sqlx::{AnyConnection, AnyPool, Row};
use tend_domain::kernel::ids::ComplaintId;

use crate::kernel::engine::Engine;
use crate::kernel::sql::Sql;

const SQLITE_DOC: &str = "INSERT INTO complaint_fts (rowid, body) \
    SELECT c.id, coalesce(c.subject, '') || ' ' || c.description || ' ' || coalesce(c.facts, '') || ' ' || \
           coalesce(c.agreed_solution, '') || ' ' || cu.name || ' ' || \
           coalesce((SELECT group_concat(s.text, ' ') FROM complaint_steps s WHERE s.complaint_id = c.id), '') \
    FROM complaints c JOIN customers cu ON cu.id = c.customer_id";

const POSTGRES_DOC: &str = "INSERT INTO complaint_search (complaint_id, doc) \
    SELECT c.id, to_tsvector('simple', coalesce(c.subject, '') || ' ' || c.description || ' ' || coalesce(c.facts, '') || ' ' || \
           coalesce(c.agreed_solution, '') || ' ' || cu.name || ' ' || \
           coalesce((SELECT string_agg(s.text, ' ') FROM complaint_steps s WHERE s.complaint_id = c.id), '')) \
    FROM complaints c JOIN customers cu ON cu.id = c.customer_id";

const POSTGRES_UPSERT: &str = " ON CONFLICT (complaint_id) DO UPDATE SET doc = EXCLUDED.doc";

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
    }
    index_new(conn, engine, &[id]).await
}

/// Writes the search documents of complaints that have none yet, in one statement.
pub(crate) async fn index_new(
    conn: &mut AnyConnection,
    engine: Engine,
    ids: &[ComplaintId],
) -> sqlx::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut sql = Sql::new(
        engine,
        match engine {
            Engine::Sqlite => SQLITE_DOC,
            Engine::Postgres => POSTGRES_DOC,
        },
    );
    sql.push(" WHERE c.id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.bind(id.0);
    }
    sql.push(")");
    if engine == Engine::Postgres {
        sql.push(POSTGRES_UPSERT);
    }
    sql.build().execute(&mut *conn).await?;
    Ok(())
}

/// The words of a user's query: letters and digits only, lower-cased, at most 8.
pub(crate) fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        // Turkish İ lower-cases to i + U+0307; the documents hold a plain i.
        .map(|w| w.to_lowercase().replace('\u{307}', ""))
        .collect()
}

/// Whether an FTS5 query matches at least `n` complaints (SQLite only; stops counting at `n`).
pub(crate) async fn matches_at_least(pool: &AnyPool, query: &str, n: i64) -> sqlx::Result<bool> {
    let row = sqlx::query(
        "SELECT count(*) AS n FROM (SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH $1 LIMIT $2)",
    )
    .bind(query.to_owned())
    .bind(n)
    .fetch_one(pool)
    .await?;
    Ok(row.try_get::<i64, _>("n")? >= n)
}

/// A `WHERE` condition on `c.id` for the words: the SQL before the bound query text, the
/// text to bind, and the SQL after it.
pub(crate) fn condition(engine: Engine, words: &[String]) -> (&'static str, String, &'static str) {
    match engine {
        Engine::Sqlite => (
            "c.id IN (SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH ",
            words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" "),
            ")",
        ),
        Engine::Postgres => (
            "c.id IN (SELECT complaint_id FROM complaint_search WHERE doc @@ to_tsquery('simple', ",
            words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" & "),
            "))",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_reduced_to_words() {
        assert_eq!(
            words("  Can't  \"log in\" -- ŞİFRE*"),
            ["can", "t", "log", "in", "şifre"]
        );
        assert!(words("***").is_empty());
        let (_, q, _) = condition(Engine::Postgres, &words("broken jar"));
        assert_eq!(q, "broken:* & jar:*");
        let (_, q, _) = condition(Engine::Sqlite, &words("broken jar"));
        assert_eq!(q, "\"broken\"* \"jar\"*");
    }
}
