//! The records behind a category's count in the ranking: the same conditions as the tally
//! (received in the period, that category exactly, merged-away and deleted complaints left out).

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::{ComplaintId, complaint_reference};

use super::Period;
use crate::complaints::counted;
use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

impl Store {
    /// The complaints a category's count in the ranking counts (received in the period, that
    /// category exactly, merged-away and deleted ones left out), oldest first: references and
    /// when received, `limit` of them from the `offset`-th.
    pub async fn problem_complaints(
        &self,
        category_id: i64,
        p: Period,
        offset: i64,
        limit: i64,
    ) -> StoreResult<Vec<(String, Timestamp)>> {
        let rows = sqlx::query(concat!(
            "SELECT id, reference_year, received_at FROM complaints WHERE category_id = $1 \
                 AND received_at >= $2 AND received_at < $3 AND ",
            counted!(),
            " ORDER BY received_at, id LIMIT $4 OFFSET $5"
        ))
        .bind(category_id)
        .bind(us(p.from))
        .bind(us(p.to))
        .bind(limit)
        .bind(offset)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let year: i64 = r.try_get("reference_year")?;
                let id = ComplaintId(r.try_get("id")?);
                Ok((
                    complaint_reference(year as i16, id),
                    ts(r.try_get("received_at")?),
                ))
            })
            .collect()
    }

    /// How many complaints [`Store::problem_complaints`] lists in all: the category's count.
    pub async fn problem_complaint_count(&self, category_id: i64, p: Period) -> StoreResult<i64> {
        Ok(sqlx::query(concat!(
            "SELECT COUNT(*) AS n FROM complaints WHERE category_id = $1 \
                 AND received_at >= $2 AND received_at < $3 AND ",
            counted!()
        ))
        .bind(category_id)
        .bind(us(p.from))
        .bind(us(p.to))
        .fetch_one(self.read())
        .await?
        .try_get("n")?)
    }
}
