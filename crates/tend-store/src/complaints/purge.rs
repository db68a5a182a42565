//! A manager's soft delete of a complaint (spam through the public form, say) and the purge
//! that follows after the retention period. Deleting records who, when and why on the row and
//! the timeline, finishes the complaint's pending jobs and queues the purge job, all in one
//! transaction. Purging erases every text of the complaint — its fields, steps, messages and
//! the timeline's values — and keeps the row as a tombstone: id, reference, customer, kind,
//! channel, category, product, status, priority and every instant stay, so counts behind goals
//! and rankings do not change. The timeline and steps stay append-only: the purge records
//! itself in the append-only `complaint_anonymisations` log first, which is the one narrow
//! erasure exception their triggers allow (values may only become [`ERASED`]).

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::*;

use super::Actor;
use super::fate::{Fate, TEXT, event, fate_in, finish_jobs};
use crate::customers::ERASED;
use crate::jobs::{NewJob, insert_many};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

impl Store {
    /// Soft-deletes complaint `id` for `reason` (already validated text) and queues `purge`
    /// (the purge job, due when the retention period ends) in the same transaction.
    /// Errors: `NotFound("complaint")`; field `id`: `complaint_gone` (merged or deleted).
    pub async fn delete_complaint(
        &self,
        id: ComplaintId,
        reason: &str,
        actor: &Actor,
        purge: NewJob,
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        if fate_in(&mut tx, id).await?.2 != Fate::Live {
            return Err(StoreError::field("id", COMPLAINT_GONE));
        }
        sqlx::query(
            "UPDATE complaints SET deleted_at = $1, deleted_by = $2, delete_reason = $3, updated_at = $1, \
             version = version + 1 WHERE id = $4",
        )
        .bind(us(now))
        .bind(actor.id.map(|e| e.0))
        .bind(reason.to_owned())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        event(
            &mut tx,
            id.0,
            actor,
            "deleted",
            Some(reason.to_owned()),
            now,
        )
        .await?;
        finish_jobs(&mut tx, id.0, now).await?;
        insert_many(&mut tx, self.engine(), &[purge], now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Purges deleted complaint `id` (see the module): returns `false`, doing nothing, when it
    /// is not deleted (or is purged already). One transaction.
    pub async fn purge_complaint(&self, id: ComplaintId, now: Timestamp) -> StoreResult<bool> {
        let mut tx = self.write().begin().await?;
        let (customer, _, fate) = fate_in(&mut tx, id).await?;
        if !matches!(fate, Fate::Deleted { purged: false, .. }) {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO complaint_anonymisations (complaint_id, customer_id, actor_id, at) VALUES ($1, $2, NULL, $3)",
        )
        .bind(id.0)
        .bind(customer)
        .bind(us(now))
        .execute(&mut *tx)
        .await?;
        let sets: Vec<String> = TEXT
            .iter()
            .map(|c| format!("{c} = CASE WHEN {c} IS NULL THEN NULL ELSE $1 END"))
            .collect();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE complaints SET description = $1, {}, purged_at = $2, updated_at = $2, \
             version = version + 1 WHERE id = $3",
            sets.join(", ")
        )))
        .bind(ERASED)
        .bind(us(now))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        for sql in [
            "UPDATE complaint_steps SET text = $1 WHERE complaint_id = $2 AND text <> $1",
            "UPDATE complaint_messages SET body = $1 WHERE complaint_id = $2 AND body <> $1",
            "UPDATE complaint_events SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE $1 END, \
             new_value = CASE WHEN new_value IS NULL THEN NULL ELSE $1 END WHERE complaint_id = $2 \
             AND (old_value IS NOT NULL OR new_value IS NOT NULL)",
        ] {
            sqlx::query(sql)
                .bind(ERASED)
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        let system = Actor::system("system");
        event(&mut tx, id.0, &system, "purged", None, now).await?;
        crate::kernel::search::reindex(&mut tx, self.engine(), id).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// How many complaints are deleted and purged (tombstones), for tests and reports.
    pub async fn purged_count(&self) -> StoreResult<i64> {
        let r = sqlx::query("SELECT COUNT(*) AS n FROM complaints WHERE purged_at IS NOT NULL")
            .fetch_one(self.read())
            .await?;
        Ok(r.try_get("n")?)
    }
}
