//! The currency the ranking's costs are in: the ranking sums minor units and assumes one
//! currency (see the cost's definition), so pages name the one the period's money is in.

use sqlx::Row;

use super::Period;
use crate::complaints::counted;
use crate::kernel::error::StoreResult;
use crate::kernel::time::us;
use crate::store::Store;

impl Store {
    /// The currency most used in the period: by the compensation of its counted complaints,
    /// else by its purchases; `None` when the period has neither (ties: the code first in
    /// alphabetical order).
    pub async fn problem_currency(&self, p: Period) -> StoreResult<Option<String>> {
        let row = sqlx::query(concat!(
            "SELECT compensation_currency AS c, COUNT(*) AS n FROM complaints \
             WHERE received_at >= $1 AND received_at < $2 AND compensation_currency IS NOT NULL AND ",
            counted!(),
            " GROUP BY compensation_currency ORDER BY n DESC, c LIMIT 1"
        ))
        .bind(us(p.from))
        .bind(us(p.to))
        .fetch_optional(self.read())
        .await?;
        if let Some(r) = row {
            return Ok(Some(r.try_get("c")?));
        }
        let row = sqlx::query(
            "SELECT currency AS c, COUNT(*) AS n FROM transactions \
             WHERE occurred_at >= $1 AND occurred_at < $2 AND currency IS NOT NULL \
             GROUP BY currency ORDER BY n DESC, c LIMIT 1",
        )
        .bind(us(p.from))
        .bind(us(p.to))
        .fetch_optional(self.read())
        .await?;
        row.map(|r| r.try_get("c")).transpose().map_err(Into::into)
    }
}
