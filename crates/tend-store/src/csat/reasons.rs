//! The business's CSAT reasons (`company_settings` row `csat_reasons`, the list as JSON, no
//! migration needed): read with Tend's standard list until set, written with their audit row
//! in one transaction.

use jiff::Timestamp;
use tend_domain::csat::{CsatReason, CsatReasons};

use crate::audit::{AuditAction, record};
use crate::complaints::Actor;
use crate::kernel::error::StoreResult;
use crate::kernel::time::us;
use crate::store::Store;

const NAME: &str = "csat_reasons";

impl Store {
    /// The reasons a dissatisfied customer may pick: the business's list, or
    /// [`CsatReasons::standard`] while none was set (or the stored one no longer checks).
    pub async fn csat_reasons(&self) -> StoreResult<CsatReasons> {
        let stored = self.company_setting(NAME).await?;
        let list = stored
            .and_then(|raw| serde_json::from_str::<Vec<CsatReason>>(&raw).ok())
            .and_then(|list| CsatReasons::new(list).ok());
        Ok(list.unwrap_or_else(CsatReasons::standard))
    }

    /// Stores the business's list and records it in the audit log (subject `csat`, detail
    /// `reasons=code1,code2,…`) as done `by` at `now`, in one transaction.
    pub async fn set_csat_reasons(
        &self,
        list: &CsatReasons,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let json = serde_json::to_string(list.list()).expect("reasons serialise");
        let mut tx = self.write().begin().await?;
        sqlx::query(
            "INSERT INTO company_settings (name, value, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value, \
             updated_at = excluded.updated_at",
        )
        .bind(NAME)
        .bind(json)
        .bind(us(now))
        .execute(&mut *tx)
        .await?;
        let codes: Vec<&str> = list.list().iter().map(|r| r.code.as_str()).collect();
        let detail = format!("reasons={}", codes.join(","));
        record(
            &mut tx,
            by,
            now,
            AuditAction::CsatReasonsSet,
            "csat",
            &detail,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
