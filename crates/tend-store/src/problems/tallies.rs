//! The ranking's per-category tallies over a period, each read so that a million complaints
//! answer in milliseconds (docs/problems.md, "At volume"), every number exact:
//!
//! - complaints and compensation paid: whole days from the `complaint_days` roll-up, the
//!   period's partial edge days from the rows (`Store::complaint_days`);
//! - complainants per category and of the period overall: united per-day bitmaps of the
//!   `complainant_days` roll-up, the edge and marked days from the rows (`complainants`);
//! - customers lost: from each complaint's earliest 'resolve' event as stored on it
//!   (`first_resolve_event_at`, kept by a trigger); only pairs whose window has ended are read;
//! - returns: purchases returned of the period's `(category, customer, product)` triples.

use std::collections::BTreeMap;

use futures_util::TryFutureExt;
use sqlx::Row;
use tend_domain::problems::Tally;

use super::Period;
use crate::complaints::counted;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

const RETURNS: &str = concat!(
    "SELECT c.category_id, CAST(SUM(COALESCE(t.amount_minor, 0)) AS BIGINT) AS returned \
     FROM transactions t JOIN (SELECT DISTINCT category_id, customer_id, product_id FROM complaints \
       WHERE received_at >= $1 AND received_at < $2 AND category_id IS NOT NULL AND product_id IS NOT NULL AND ",
    counted!(),
    ") c \
       ON t.customer_id = c.customer_id AND t.product_id = c.product_id \
     WHERE t.returned = 1 AND t.occurred_at >= $1 AND t.occurred_at < $2 GROUP BY c.category_id"
);

/// A pair's first resolution `r` is the earliest 'resolve' event of its complaints; its window
/// has ended when `r + window <= now`. Reading only complaints resolved by `now − window` is
/// exact: a pair whose earliest resolution passes has that resolution among them, a pair whose
/// earliest does not has none.
const LOST: &str = concat!(
    "WITH fr AS (SELECT category_id, customer_id, MIN(first_resolve_event_at) AS r FROM complaints \
       WHERE received_at >= $1 AND received_at < $2 AND category_id IS NOT NULL AND ",
    counted!(),
    " AND first_resolve_event_at <= $4 - $3 GROUP BY category_id, customer_id) \
     SELECT fr.category_id, COUNT(*) AS base, COUNT(CASE WHEN NOT EXISTS (SELECT 1 FROM transactions t \
       WHERE t.customer_id = fr.customer_id AND t.returned = 0 AND t.occurred_at > fr.r \
       AND t.occurred_at <= fr.r + $3) THEN 1 END) AS lost \
     FROM fr GROUP BY fr.category_id"
);

impl Store {
    /// One [`Tally`] per category with complaints received in the period, by category id, and
    /// the number of distinct complainants of the period over all categories (and none).
    pub async fn problem_tallies(&self, p: Period) -> StoreResult<(Vec<Tally>, i64)> {
        let (from, to) = (us(p.from), us(p.to));
        let mut by: BTreeMap<i64, Tally> = BTreeMap::new();
        for (id, (n, paid)) in self.complaint_days(from, to).await? {
            if id != 0 {
                by.insert(
                    id,
                    Tally {
                        category_id: id,
                        complaints: n,
                        compensation_minor: paid,
                        ..Tally::default()
                    },
                );
            }
        }
        // Three reads of one period, apart: they run side by side on the read pool.
        let (complainants, returns, lost) = tokio::try_join!(
            self.problem_complainants(from, to),
            sqlx::query(RETURNS)
                .bind(from)
                .bind(to)
                .fetch_all(self.read())
                .map_err(StoreError::from),
            sqlx::query(LOST)
                .bind(from)
                .bind(to)
                .bind(p.window_us)
                .bind(us(p.now))
                .fetch_all(self.read())
                .map_err(StoreError::from),
        )?;
        let (per_category, all) = complainants;
        for (id, n) in per_category {
            if let Some(t) = by.get_mut(&id) {
                t.customers = n;
            }
        }
        let rows = returns;
        for r in rows {
            if let Some(t) = by.get_mut(&r.try_get::<i64, _>("category_id")?) {
                t.returns_minor = r.try_get::<Option<i64>, _>("returned")?.unwrap_or(0);
            }
        }
        let rows = lost;
        for r in rows {
            if let Some(t) = by.get_mut(&r.try_get::<i64, _>("category_id")?) {
                t.lost_base = r.try_get("base")?;
                t.lost = r.try_get("lost")?;
            }
        }
        self.add_voices(&mut by, p).await?;
        Ok((by.into_values().collect(), all))
    }

    /// The complaints received in the period per category (categories with none left out):
    /// what the ranking compares with the previous period.
    pub async fn problem_counts(&self, p: Period) -> StoreResult<BTreeMap<i64, i64>> {
        let days = self.complaint_days(us(p.from), us(p.to)).await?;
        Ok(days
            .into_iter()
            .filter(|(id, _)| *id != 0)
            .map(|(id, (n, _))| (id, n))
            .collect())
    }
}
