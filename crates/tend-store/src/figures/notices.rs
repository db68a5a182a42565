//! The stale-figure notices: one row per figure and missed period (append-only), written in
//! the transaction that queues the owner's mail, so a missed period is told at most once.

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;

use crate::jobs::{NewJob, insert_many};
use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One stale-figure notice as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct StaleNotice {
    pub figure_id: i64,
    /// The missed period's first day.
    pub period: Date,
    /// The owner told.
    pub owner_id: EmployeeId,
    pub noticed_at: Timestamp,
}

impl Store {
    /// Records that figure `figure_id` missed `period` and that `owner` is told, and queues
    /// `mail` in the same transaction. Nothing happens when that period was noticed already:
    /// the answer is whether this call recorded it.
    pub async fn notice_stale_figure(
        &self,
        figure_id: i64,
        period: Date,
        owner: EmployeeId,
        mail: &NewJob,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let mut tx = self.write().begin().await?;
        let row = sqlx::query(
            "INSERT INTO figure_stale_notices (figure_id, period, owner_id, noticed_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (figure_id, period) DO NOTHING RETURNING id",
        )
        .bind(figure_id)
        .bind(period.to_string())
        .bind(owner.0)
        .bind(us(now))
        .fetch_optional(&mut *tx)
        .await?;
        if row.is_none() {
            return Ok(false);
        }
        insert_many(&mut tx, self.engine(), std::slice::from_ref(mail), now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A figure's notices, the newest period first.
    pub async fn stale_notices(&self, figure_id: i64) -> StoreResult<Vec<StaleNotice>> {
        let rows = sqlx::query(
            "SELECT figure_id, period, owner_id, noticed_at FROM figure_stale_notices \
             WHERE figure_id = $1 ORDER BY period DESC",
        )
        .bind(figure_id)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let period: String = r.try_get("period")?;
                Ok(StaleNotice {
                    figure_id: r.try_get("figure_id")?,
                    period: period
                        .parse()
                        .map_err(|e: jiff::Error| sqlx::Error::Decode(e.into()))?,
                    owner_id: EmployeeId(r.try_get("owner_id")?),
                    noticed_at: ts(r.try_get("noticed_at")?),
                })
            })
            .collect()
    }
}
