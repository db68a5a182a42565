//! The company's settings an administrator changes after the first run: its name and its time
//! zone (`company_settings`, name/value pairs; see `setup.rs` for the first run). A change is
//! one transaction that also writes the audit log.

use jiff::Timestamp;

use crate::audit::{AuditAction, record};
use crate::complaints::Actor;
use crate::kernel::error::StoreResult;
use crate::kernel::time::us;
use crate::store::Store;

/// The company's name and time zone, as stored (`None` where never set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompanySettings {
    pub name: Option<String>,
    /// An IANA time zone name; staff without their own zone read times in it (UTC when unset).
    pub time_zone: Option<String>,
}

impl Store {
    /// The company's name and time zone.
    pub async fn company_settings(&self) -> StoreResult<CompanySettings> {
        Ok(CompanySettings {
            name: self.company_setting("company_name").await?,
            time_zone: self.company_time_zone().await?,
        })
    }

    /// The company's IANA time zone name, if set (at first run or on the settings page).
    pub async fn company_time_zone(&self) -> StoreResult<Option<String>> {
        self.company_setting("time_zone").await
    }

    /// Stores the company's `name` and `time_zone` (validated by the caller) and records it in
    /// the audit log as done `by` at `now` (subject `company`, detail `name=…; time_zone=…`),
    /// in one transaction.
    pub async fn set_company_settings(
        &self,
        name: &str,
        time_zone: &str,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        for (key, value) in [("company_name", name), ("time_zone", time_zone)] {
            sqlx::query(
                "INSERT INTO company_settings (name, value, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            )
            .bind(key)
            .bind(value.to_owned())
            .bind(us(now))
            .execute(&mut *tx)
            .await?;
        }
        let detail = format!("name={name}; time_zone={time_zone}");
        let action = AuditAction::CompanySettingsSet;
        record(&mut tx, by, now, action, "company", &detail).await?;
        tx.commit().await?;
        Ok(())
    }
}
