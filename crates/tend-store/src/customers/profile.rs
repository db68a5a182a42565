//! The counts behind the customer profile: customers per value of a field, per birth year, and
//! complaints received in a span.

use jiff::Timestamp;
use sqlx::{AssertSqlSafe, Row};

use crate::complaints::counted;
use crate::kernel::error::StoreResult;
use crate::kernel::time::us;
use crate::store::Store;

/// The text fields a profile counts by (a fixed list: they are written into the SQL).
pub const PROFILE_FIELDS: [&str; 7] = [
    "country",
    "region",
    "city",
    "gender",
    "education_level",
    "preferred_language",
    "preferred_channel",
];

impl Store {
    /// `(value, customers)` of one of [`PROFILE_FIELDS`]; `None` counts customers without it
    /// (NULL or blank). Panics on a field outside the list (a programming error).
    pub async fn customers_by(&self, field: &str) -> StoreResult<Vec<(Option<String>, i64)>> {
        assert!(
            PROFILE_FIELDS.contains(&field),
            "not a profile field: {field}"
        );
        let sql = format!(
            "SELECT NULLIF(TRIM({field}), '') AS v, COUNT(*) AS n FROM customers \
             GROUP BY NULLIF(TRIM({field}), '')"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .fetch_all(self.read())
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("v")?, r.try_get("n")?)))
            .collect()
    }

    /// `(birth year, customers)`; customers without one are left out.
    pub async fn customers_by_birth_year(&self) -> StoreResult<Vec<(i64, i64)>> {
        let rows = sqlx::query(
            "SELECT birth_year, COUNT(*) AS n FROM customers WHERE birth_year IS NOT NULL \
             GROUP BY birth_year",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("birth_year")?, r.try_get("n")?)))
            .collect()
    }

    /// All customers, and the complaints received in `(from, to]` (those that count: not
    /// merged away, not deleted).
    pub async fn customers_and_complaints(
        &self,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<(i64, i64)> {
        let row = sqlx::query(
            concat!(
                "SELECT (SELECT COUNT(*) FROM customers) AS customers, \
                 (SELECT COUNT(*) FROM complaints WHERE received_at > $1 AND received_at <= $2 AND ",
                counted!(),
                ") AS complaints"
            ),
        )
        .bind(us(from))
        .bind(us(to))
        .fetch_one(self.read())
        .await?;
        Ok((row.try_get("customers")?, row.try_get("complaints")?))
    }
}
