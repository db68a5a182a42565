//! What the dashboard reads beyond other capabilities' queries: the figures the owner pins
//! (`dashboard_pins`; pinning and unpinning audited in the same transaction), an agent's queue
//! by status, and the satisfaction (CSAT) answers about the complaints assigned to them.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;

use crate::audit::{AuditAction, record};
use crate::complaints::Actor;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A pinned figure: its id, code and name, who pinned it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    pub figure_id: i64,
    pub code: String,
    pub name: String,
    pub pinned_by: Option<EmployeeId>,
    pub pinned_at: Timestamp,
}

/// An assignee's satisfaction answers in a window: answers rated 4 or 5 and all answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OwnCsat {
    pub satisfied: i64,
    pub answers: i64,
}

impl Store {
    /// The pinned figures, in the order pinned.
    pub async fn dashboard_pins(&self) -> StoreResult<Vec<Pin>> {
        let rows = sqlx::query(
            "SELECT p.figure_id, f.code, f.name, p.pinned_by, p.pinned_at FROM dashboard_pins p \
             JOIN figures f ON f.id = p.figure_id ORDER BY p.pinned_at, p.figure_id",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Pin {
                    figure_id: r.try_get("figure_id")?,
                    code: r.try_get("code")?,
                    name: r.try_get("name")?,
                    pinned_by: r.try_get::<Option<i64>, _>("pinned_by")?.map(EmployeeId),
                    pinned_at: ts(r.try_get("pinned_at")?),
                })
            })
            .collect()
    }

    /// Pins figure `figure_id` (`NotFound` when there is no such figure); already pinned is
    /// no change and no audit row. Returns whether it was pinned now.
    pub async fn pin_figure(
        &self,
        figure_id: i64,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<bool> {
        let mut tx = self.write().begin().await?;
        let code: Option<String> = sqlx::query("SELECT code FROM figures WHERE id = $1")
            .bind(figure_id)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get("code"))
            .transpose()?;
        let code = code.ok_or(StoreError::NotFound("figure"))?;
        let done = sqlx::query(
            "INSERT INTO dashboard_pins (figure_id, pinned_by, pinned_at) VALUES ($1, $2, $3) \
             ON CONFLICT (figure_id) DO NOTHING",
        )
        .bind(figure_id)
        .bind(by.id.map(|e| e.0))
        .bind(us(now))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if done {
            record(&mut tx, by, now, AuditAction::FigurePinned, &code, "").await?;
        }
        tx.commit().await?;
        Ok(done)
    }

    /// Unpins figure `figure_id`; not pinned is no change and no audit row. Returns whether it
    /// was unpinned now.
    pub async fn unpin_figure(
        &self,
        figure_id: i64,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<bool> {
        let mut tx = self.write().begin().await?;
        let code: Option<String> = sqlx::query(
            "SELECT f.code FROM dashboard_pins p JOIN figures f ON f.id = p.figure_id \
             WHERE p.figure_id = $1",
        )
        .bind(figure_id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("code"))
        .transpose()?;
        let Some(code) = code else {
            return Ok(false);
        };
        sqlx::query("DELETE FROM dashboard_pins WHERE figure_id = $1")
            .bind(figure_id)
            .execute(&mut *tx)
            .await?;
        record(&mut tx, by, now, AuditAction::FigureUnpinned, &code, "").await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The complaints assigned to `assignee` by status (merged and deleted ones left out):
    /// (status, count), statuses with none left out.
    pub async fn queue_by_status(&self, assignee: EmployeeId) -> StoreResult<Vec<(String, i64)>> {
        let rows = sqlx::query(
            "SELECT status, COUNT(*) AS n FROM complaints WHERE assignee_id = $1 \
             AND merged_into IS NULL AND deleted_at IS NULL GROUP BY status",
        )
        .bind(assignee.0)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("status")?, r.try_get("n")?)))
            .collect()
    }

    /// The CSAT answers given in `[from, to)` about complaints now assigned to `assignee`.
    pub async fn assignee_csat(
        &self,
        assignee: EmployeeId,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<OwnCsat> {
        let r = sqlx::query(
            "SELECT COUNT(*) AS n, COUNT(CASE WHEN a.rating >= 4 THEN 1 END) AS yes \
             FROM csat_answers a JOIN csat_requests q ON q.id = a.request_id \
             JOIN complaints c ON c.id = q.complaint_id \
             WHERE c.assignee_id = $1 AND a.answered_at >= $2 AND a.answered_at < $3",
        )
        .bind(assignee.0)
        .bind(us(from))
        .bind(us(to))
        .fetch_one(self.read())
        .await?;
        Ok(OwnCsat {
            satisfied: r.try_get("yes")?,
            answers: r.try_get("n")?,
        })
    }
}
