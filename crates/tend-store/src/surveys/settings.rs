//! The surveys' settings (`company_settings` rows `survey_link_days` and
//! `survey_cooldown_days`, no migration needed): read with their defaults, written with their
//! audit row in one transaction.

use jiff::Timestamp;
use tend_domain::surveys::SurveySettings;

use crate::audit::{AuditAction, record};
use crate::complaints::Actor;
use crate::kernel::error::StoreResult;
use crate::kernel::time::us;
use crate::store::Store;

const LINK: &str = "survey_link_days";
const COOLDOWN: &str = "survey_cooldown_days";

impl Store {
    /// The surveys' settings; each one unset (or stored out of range) reads as its default.
    pub async fn survey_settings(&self) -> StoreResult<SurveySettings> {
        let d = SurveySettings::default();
        let read = |raw: Option<String>, default: u16| {
            raw.and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(i64::from(default))
        };
        let link = read(self.company_setting(LINK).await?, d.link_days);
        let cool = read(self.company_setting(COOLDOWN).await?, d.cooldown_days);
        Ok(SurveySettings::new(link, cool).unwrap_or(d))
    }

    /// Stores both settings and records it in the audit log (subject `surveys`, detail
    /// `invitation_link_days=N; cooldown_days=N`) as done `by` at `now`, in one transaction.
    pub async fn set_survey_settings(
        &self,
        s: SurveySettings,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        for (key, value) in [(LINK, s.link_days), (COOLDOWN, s.cooldown_days)] {
            sqlx::query(
                "INSERT INTO company_settings (name, value, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value, \
                 updated_at = excluded.updated_at",
            )
            .bind(key)
            .bind(value.to_string())
            .bind(us(now))
            .execute(&mut *tx)
            .await?;
        }
        let detail = format!(
            "invitation_link_days={}; cooldown_days={}",
            s.link_days, s.cooldown_days
        );
        let action = AuditAction::SurveySettingsSet;
        record(&mut tx, by, now, action, "surveys", &detail).await?;
        tx.commit().await?;
        Ok(())
    }
}
