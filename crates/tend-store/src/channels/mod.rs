//! Per-channel settings: service hours and response standards, kept as validated JSON.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use sqlx::{AssertSqlSafe, Row};
use tend_domain::catalog::ChannelCode;
use tend_domain::channels::response_standard::ResponseStandards;
use tend_domain::channels::service_hours::{ServiceHours, ServiceHoursSpec};

use crate::audit::{AuditAction, record};
use crate::complaints::Actor;
use crate::kernel::error::{StoreError, StoreResult};
use crate::store::Store;

/// How long a channel's settings are reused before they are read again.
pub const SETTINGS_TTL: Duration = Duration::from_secs(5);
/// The most channels whose settings are cached at once (then the cache starts again).
const SETTINGS_CACHE_MAX: usize = 1_000;

/// Channel settings by code, with when they were read.
pub(crate) type SettingsCache =
    Mutex<HashMap<String, (Instant, (ServiceHours, ResponseStandards))>>;

/// The two documents a channel carries.
#[derive(Clone, Copy)]
enum Setting {
    ServiceHours,
    ResponseStandards,
}

impl Setting {
    fn column(self) -> &'static str {
        match self {
            Setting::ServiceHours => "service_hours",
            Setting::ResponseStandards => "response_standards",
        }
    }
}

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(
        format!("stored channel setting: {e}").into(),
    ))
}

impl Store {
    async fn set_setting(
        &self,
        code: &ChannelCode,
        s: Setting,
        json: String,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let sql = format!("UPDATE channels SET {} = $1 WHERE code = $2", s.column());
        let mut tx = self.write().begin().await?;
        let done = sqlx::query(AssertSqlSafe(sql))
            .bind(json.clone())
            .bind(code.as_str().to_owned())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("channel"));
        }
        let action = match s {
            Setting::ServiceHours => AuditAction::ServiceHoursSet,
            Setting::ResponseStandards => AuditAction::ResponseStandardsSet,
        };
        record(&mut tx, by, now, action, code.as_str(), &json).await?;
        tx.commit().await?;
        self.inner
            .states
            .get(SettingsCache::default)
            .lock()
            .expect("settings cache")
            .remove(code.as_str());
        Ok(())
    }

    /// The channel's service hours; a channel never configured is open round the clock (UTC).
    pub async fn service_hours(&self, code: &ChannelCode) -> StoreResult<ServiceHours> {
        Ok(self.channel_settings(code).await?.0)
    }

    /// Sets a channel's service hours; recorded in the audit log as done `by` at `now`.
    pub async fn set_service_hours(
        &self,
        code: &ChannelCode,
        hours: &ServiceHours,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let json = serde_json::to_string(&hours.to_spec()).map_err(corrupt)?;
        self.set_setting(code, Setting::ServiceHours, json, now, by)
            .await
    }

    /// The channel's response standards; none set means no targets.
    pub async fn response_standards(&self, code: &ChannelCode) -> StoreResult<ResponseStandards> {
        Ok(self.channel_settings(code).await?.1)
    }

    /// Sets a channel's response standards; recorded in the audit log as done `by` at `now`.
    pub async fn set_response_standards(
        &self,
        code: &ChannelCode,
        standards: &ResponseStandards,
        now: Timestamp,
        by: &Actor,
    ) -> StoreResult<()> {
        let json = serde_json::to_string(standards).map_err(corrupt)?;
        self.set_setting(code, Setting::ResponseStandards, json, now, by)
            .await
    }
}

impl Store {
    /// Both settings of a channel, for computing complaints' due times. Cached for
    /// [`SETTINGS_TTL`]; this instance's own writes take effect at once, other instances' within it.
    pub async fn channel_settings(
        &self,
        code: &ChannelCode,
    ) -> StoreResult<(ServiceHours, ResponseStandards)> {
        let cached = self
            .inner
            .states
            .get(SettingsCache::default)
            .lock()
            .expect("settings cache")
            .get(code.as_str())
            .cloned();
        if let Some((_, settings)) = cached.filter(|(at, _)| at.elapsed() < SETTINGS_TTL) {
            return Ok(settings);
        }
        let settings = self.load_channel_settings(code).await?;
        let entry = (Instant::now(), settings.clone());
        let cache = self.inner.states.get(SettingsCache::default);
        let mut cache = cache.lock().expect("settings cache");
        // Bounded like every cache: a business has tens of channels, so this is never reached
        // but by codes that name none.
        if cache.len() >= SETTINGS_CACHE_MAX {
            cache.clear();
        }
        cache.insert(code.as_str().to_owned(), entry);
        Ok(settings)
    }

    async fn load_channel_settings(
        &self,
        code: &ChannelCode,
    ) -> StoreResult<(ServiceHours, ResponseStandards)> {
        let row =
            sqlx::query("SELECT service_hours, response_standards FROM channels WHERE code = $1")
                .bind(code.as_str().to_owned())
                .fetch_optional(self.read())
                .await?
                .ok_or(StoreError::NotFound("channel"))?;
        let hours = match row.try_get::<Option<String>, _>("service_hours")? {
            None => ServiceHours::always("UTC")?,
            Some(json) => serde_json::from_str::<ServiceHoursSpec>(&json)
                .map_err(corrupt)?
                .validate()
                .map_err(corrupt)?,
        };
        let standards = match row.try_get::<Option<String>, _>("response_standards")? {
            None => ResponseStandards::default(),
            Some(json) => serde_json::from_str::<ResponseStandards>(&json)
                .map_err(corrupt)?
                .validate()
                .map_err(corrupt)?,
        };
        Ok((hours, standards))
    }
}
