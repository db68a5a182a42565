//! Customer search tokens kept current: rows stored before the tokens existed (or under another
//! folding version) get them at start-up, in batches.

use sqlx::{AnyPool, Row};

use tend_domain::kernel::search_text::phone_digits;

use super::rows::search_folded;
use crate::kernel::search::{VERSION, set_version, stored_version};

/// Rewrites `customers.search_folded` and `phone_digits` for every row when the stored version is not `VERSION`;
/// the version is written last, so an interrupted run starts again at the next start.
pub(crate) async fn catch_up(pool: &AnyPool) -> sqlx::Result<()> {
    if stored_version(pool, "customers").await? == Some(VERSION) {
        return Ok(());
    }
    let mut conn = pool.acquire().await?;
    let mut after = 0i64;
    loop {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let rows = sqlx::query(
            "SELECT id, name, email, phone FROM customers WHERE id > $1 ORDER BY id LIMIT 2000",
        )
        .bind(after)
        .fetch_all(&mut *tx)
        .await?;
        let Some(last) = rows.last() else { break };
        after = last.try_get("id")?;
        for row in &rows {
            let email: Option<String> = row.try_get("email")?;
            let phone: Option<String> = row.try_get("phone")?;
            let name: String = row.try_get("name")?;
            sqlx::query("UPDATE customers SET search_folded = $1, phone_digits = $2 WHERE id = $3")
                .bind(search_folded(&name, email.as_deref(), phone.as_deref()))
                .bind(phone.map(|p| phone_digits(&p)).filter(|d| !d.is_empty()))
                .bind(row.try_get::<i64, _>("id")?)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    set_version(&mut conn, "customers").await
}
