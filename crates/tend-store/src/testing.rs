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
