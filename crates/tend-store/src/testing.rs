//! Fresh databases for tests: a temporary SQLite file, or a new PostgreSQL database when
//! `TEND_TEST_DATABASE_URL` points at a server.

use rand::Rng;

/// The environment variable naming the PostgreSQL server tests run against.
pub const TEST_DATABASE_VAR: &str = "TEND_TEST_DATABASE_URL";

/// A URL of a new, empty database on the engine this test run uses.
pub async fn fresh_database_url() -> String {
    let name = format!("tend_t_{:016x}", rand::thread_rng().r#gen::<u64>());
    match std::env::var(TEST_DATABASE_VAR) {
        Ok(server) if server.starts_with("postgres") => {
            use sqlx::Connection;
            let mut admin = sqlx::PgConnection::connect(&server)
                .await
                .unwrap_or_else(|e| panic!("{TEST_DATABASE_VAR}={server} is unreachable: {e}"));
            sqlx::Executor::execute(
                &mut admin,
                sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")),
            )
            .await
            .expect("create test database");
            let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
            format!("{base}/{name}")
        }
        _ => {
            let dir = std::env::temp_dir().join("tend-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!("sqlite://{}", dir.join(format!("{name}.db")).display())
        }
    }
}

/// Runs one statement on the database at `url` over its own connection, as a direct SQL
/// session would: for tests of what the database itself refuses. The rows it changed, or the
/// database's refusal as text.
pub async fn execute(url: &str, sql: &str) -> Result<u64, String> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url)
        .await
        .map_err(|e| e.to_string())?;
    sqlx::Executor::execute(&mut conn, sqlx::AssertSqlSafe(sql.to_owned()))
        .await
        .map(|r| r.rows_affected())
        .map_err(|e| e.to_string())
}

/// `SELECT COUNT(*) FROM {from}` on the database at `url` over its own connection (`from`: a
/// table, optionally with a `WHERE`): for tests that check what a refused write left behind.
pub async fn count(url: &str, from: &str) -> i64 {
    use sqlx::{Connection, Row};
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await.expect("connect");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) AS n FROM {from}"
    )))
    .fetch_one(&mut conn)
    .await
    .expect("count")
    .get::<i64, _>("n")
}

/// Every text column of every table of the database at `url` — enumerated from the catalog
/// (`sqlite_master` and `pragma_table_info` on SQLite, `information_schema.columns` on
/// PostgreSQL), so a table added later is searched too — that holds `needle` in some row
/// (case-insensitive for ASCII), as `"table.column"`.
pub async fn text_columns_containing(url: &str, needle: &str) -> Vec<String> {
    use sqlx::{Connection, Row};
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await.expect("connect");
    let postgres = url.starts_with("postgres");
    let columns: Vec<(String, String)> = if postgres {
        sqlx::query(
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')",
        )
        .fetch_all(&mut conn)
        .await
        .expect("catalog")
        .iter()
        .map(|r| (r.get("t"), r.get("c")))
        .collect()
    } else {
        let tables: Vec<String> = sqlx::query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .fetch_all(&mut conn)
        .await
        .expect("catalog")
        .iter()
        .map(|r| r.get("name"))
        .collect();
        let mut all = Vec::new();
        for t in tables {
            let rows = sqlx::query("SELECT name, type FROM pragma_table_info($1)")
                .bind(t.clone())
                .fetch_all(&mut conn)
                .await
                .expect("table info");
            for r in rows {
                let ty: String = r.get("type");
                // FTS5 tables declare no types; their text columns are searched too.
                if ty.is_empty() || ty.to_uppercase().contains("TEXT") {
                    all.push((t.clone(), r.get("name")));
                }
            }
        }
        all
    };
    assert!(!columns.is_empty(), "the catalog lists text columns");
    let pattern = format!("%{}%", needle.to_lowercase());
    let mut found = Vec::new();
    for (t, c) in columns {
        let sql = if postgres {
            format!("SELECT count(*) AS n FROM \"{t}\" WHERE lower(\"{c}\"::text) LIKE $1")
        } else {
            format!("SELECT count(*) AS n FROM \"{t}\" WHERE lower(CAST(\"{c}\" AS TEXT)) LIKE $1")
        };
        let n: i64 = match sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(pattern.clone())
            .fetch_one(&mut conn)
            .await
        {
            Ok(row) => row.get("n"),
            // A contentless full-text table has no values to read back: nothing is stored.
            Err(e) if e.to_string().contains("contentless") => 0,
            Err(e) => panic!("searching {t}.{c}: {e}"),
        };
        if n > 0 {
            found.push(format!("{t}.{c}"));
        }
    }
    found
}
