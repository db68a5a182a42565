//! The purge period an administrator sets: days from a complaint's soft delete to the purge of
//! its text (`company_settings` row `complaint_purge_days`, no migration needed), written with
//! its audit row in one transaction; and when a deleted complaint was deleted, which the purge
//! job reads to know whether its period has ended.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::complaints::PurgeDays;
use tend_domain::kernel::ids::ComplaintId;

use super::Actor;
use crate::audit::{AuditAction, record};
use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

const KEY: &str = "complaint_purge_days";

impl Store {
    /// The purge period in days, if an administrator set one (`None`: the default applies).
    /// A stored value out of range reads as unset.
    pub async fn complaint_purge_days(&self) -> StoreResult<Option<PurgeDays>> {
        let raw = self.company_setting(KEY).await?;
        Ok(raw.and_then(|v| PurgeDays::parse(&v).ok()))
    }

    /// Stores the purge period and records it in the audit log (subject `complaints`, detail
    /// `purge_days=N`) as done `by` at `now`, in one transaction.
    pub async fn set_complaint_purge_days(
        &self,
        days: PurgeDays,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        sqlx::query(
            "INSERT INTO company_settings (name, value, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(KEY)
        .bind(days.get().to_string())
        .bind(us(now))
        .execute(&mut *tx)
        .await?;
        let detail = format!("purge_days={}", days.get());
        let action = AuditAction::PurgePeriodSet;
        record(&mut tx, by, now, action, "complaints", &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// When complaint `id` was soft-deleted, if it is deleted and not purged yet.
    pub async fn deleted_unpurged_at(&self, id: ComplaintId) -> StoreResult<Option<Timestamp>> {
        let row =
            sqlx::query("SELECT deleted_at FROM complaints WHERE id = $1 AND purged_at IS NULL")
                .bind(id.0)
                .fetch_optional(self.read())
                .await?;
        let at = match row {
            Some(r) => r.try_get::<Option<i64>, _>("deleted_at")?,
            None => None,
        };
        Ok(at.map(ts))
    }
}
