//! Reading complaints: one by id, its steps and its timeline, and every complaint in id order
//! for exports.

use jiff::Timestamp;
use sqlx::{AssertSqlSafe, Row};
use tend_domain::complaints::timeline::TimelineEntry;
use tend_domain::kernel::ids::{ComplaintId, EmployeeId};

use super::Complaint;
use super::rows::{SELECT, from_row};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::ts;
use crate::store::Store;

impl Store {
    pub async fn complaint(&self, id: ComplaintId) -> StoreResult<Complaint> {
        let row = sqlx::query(AssertSqlSafe(format!("{} WHERE c.id = $1", *SELECT)))
            .bind(id.0)
            .fetch_optional(self.read())
            .await?
            .ok_or(StoreError::NotFound("complaint"))?;
        from_row(&row)
    }

    /// The steps taken, oldest first: `(id, at, author id, text)`.
    pub async fn steps(
        &self,
        id: ComplaintId,
    ) -> StoreResult<Vec<(i64, Timestamp, Option<EmployeeId>, String)>> {
        let rows = sqlx::query("SELECT id, at, author_id, text FROM complaint_steps WHERE complaint_id = $1 ORDER BY id")
            .bind(id.0)
            .fetch_all(self.read())
            .await?;
        rows.iter()
            .map(|r| {
                let author: Option<i64> = r.try_get("author_id")?;
                Ok((
                    r.try_get("id")?,
                    ts(r.try_get("at")?),
                    author.map(EmployeeId),
                    r.try_get("text")?,
                ))
            })
            .collect()
    }

    /// Every timeline entry of a complaint, oldest first.
    pub async fn timeline(&self, id: ComplaintId) -> StoreResult<Vec<TimelineEntry>> {
        let rows = sqlx::query(
            "SELECT id, at, actor_id, actor, action, field, old_value, new_value FROM complaint_events \
             WHERE complaint_id = $1 ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let actor_id: Option<i64> = r.try_get("actor_id")?;
                Ok(TimelineEntry {
                    id: r.try_get("id")?,
                    complaint_id: id,
                    at: ts(r.try_get("at")?),
                    actor_id: actor_id.map(EmployeeId),
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    field: r.try_get("field")?,
                    old_value: r.try_get("old_value")?,
                    new_value: r.try_get("new_value")?,
                })
            })
            .collect()
    }

    /// Every complaint that counts (not merged away, not deleted: `complaints::counted`), or
    /// with `removed` every one, oldest first, in pages of `batch` (for exports).
    pub async fn all_complaints_after(
        &self,
        after: Option<ComplaintId>,
        batch: u32,
        removed: bool,
    ) -> StoreResult<Vec<Complaint>> {
        let only = if removed { "1 = 1" } else { super::COUNTED };
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{} WHERE c.id > $1 AND {only} ORDER BY c.id LIMIT $2",
            *SELECT
        )))
        .bind(after.map_or(0, |a| a.0))
        .bind(i64::from(batch))
        .fetch_all(self.read())
        .await?;
        rows.iter().map(from_row).collect()
    }
}
