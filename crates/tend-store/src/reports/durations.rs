//! The durations the operations report reads, stored in the transaction of the event that
//! sets them, from the channel's service hours and standards in force then (migration 0125):
//! the first response once, the first resolution once (a reopen clears `resolved_at`, never
//! `first_resolved_at`), the final resolution at every resolution. Rows stored without going
//! through a change (imports, and rows older than 0125) are filled by
//! [`Store::catch_up_report_durations`].

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::catalog::ChannelCode;
use tend_domain::complaints::{ComplaintRecord, Priority};
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::reports::durations::{first_response_within, measure};

use crate::kernel::error::StoreResult;
use crate::kernel::time::{opt_ts, ts, us};
use crate::store::Store;

/// After a change of `record` (which had `responded` and `resolved` as its first response and
/// resolution before it): stores the durations of a first response or a resolution it made.
pub(crate) async fn on_change(
    store: &Store,
    tx: &mut AnyConnection,
    id: ComplaintId,
    responded: Option<Timestamp>,
    resolved: Option<Timestamp>,
    record: &ComplaintRecord,
) -> StoreResult<()> {
    let response = record
        .understanding
        .first_response_at
        .filter(|_| responded.is_none());
    let resolution = record.resolution.resolved_at.filter(|_| resolved.is_none());
    if response.is_none() && resolution.is_none() {
        return Ok(());
    }
    let (hours, standards) = store.channel_settings(&record.channel).await?;
    let (received, paused) = (record.received_at, record.paused_minutes);
    if let Some(at) = response {
        let m = measure(&hours, received, paused, at);
        let within =
            first_response_within(&standards, &hours, record.priority, received, paused, at);
        sqlx::query(
            "UPDATE complaints SET first_response_minutes = $1, first_response_seconds = $2, \
             first_response_within = $3 WHERE id = $4 AND first_response_minutes IS NULL",
        )
        .bind(m.service_minutes)
        .bind(m.calendar_seconds)
        .bind(within.map(i64::from))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    }
    if let Some(at) = resolution {
        let m = measure(&hours, received, paused, at);
        sqlx::query(
            "UPDATE complaints SET final_resolution_minutes = $1, final_resolution_seconds = $2, \
             first_resolution_minutes = COALESCE(first_resolution_minutes, $1), \
             first_resolution_seconds = COALESCE(first_resolution_seconds, $2), \
             first_resolved_at = COALESCE(first_resolved_at, $3) WHERE id = $4",
        )
        .bind(m.service_minutes)
        .bind(m.calendar_seconds)
        .bind(us(at))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    }
    // Nothing left for the catch-up when both are measured (imported rows may still lack one).
    sqlx::query(
        "UPDATE complaints SET durations_done = 1 WHERE id = $1 \
         AND (first_response_at IS NULL OR first_response_minutes IS NOT NULL) \
         AND (resolved_at IS NULL OR final_resolution_minutes IS NOT NULL) \
         AND (first_resolved_at IS NULL OR first_resolution_minutes IS NOT NULL)",
    )
    .bind(id.0)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// How many rows one pass of the catch-up reads.
const BATCH: i64 = 2000;

impl Store {
    /// Fills the durations of rows stored without a change (older than migration 0125, or
    /// imported): from each channel's hours as they are now — the hours in force at the time
    /// were never kept. Columns already set are kept. Returns how many rows it looked at.
    pub async fn catch_up_report_durations(&self) -> StoreResult<u64> {
        let mut done = 0u64;
        loop {
            let rows = sqlx::query(
                "SELECT id, channel, priority, received_at, paused_minutes, first_response_at, \
                 resolved_at, first_resolved_at FROM complaints WHERE durations_done = 0 \
                 AND (first_response_at IS NOT NULL OR resolved_at IS NOT NULL OR first_resolved_at IS NOT NULL) \
                 ORDER BY id LIMIT $1",
            )
            .bind(BATCH)
            .fetch_all(self.read())
            .await?;
            if rows.is_empty() {
                return Ok(done);
            }
            let mut tx = self.write().begin().await?;
            for r in &rows {
                let id: i64 = r.try_get("id")?;
                let channel: String = r.try_get("channel")?;
                let priority: String = r.try_get("priority")?;
                let received = ts(r.try_get("received_at")?);
                let paused: i64 = r.try_get("paused_minutes")?;
                let settings = match ChannelCode::parse(&channel) {
                    Ok(code) => Some(self.channel_settings(&code).await?),
                    Err(_) => None,
                };
                let set = |at: Option<Timestamp>| {
                    let (hours, _) = settings.as_ref()?;
                    let at = at?;
                    Some(measure(hours, received, paused, at))
                };
                let response_at = opt_ts(r.try_get("first_response_at")?);
                let resolved_at = opt_ts(r.try_get("resolved_at")?);
                let first_resolved = opt_ts(r.try_get("first_resolved_at")?).or(resolved_at);
                let response = set(response_at);
                let first = set(first_resolved);
                let last = set(resolved_at);
                let within = match (&settings, Priority::parse(&priority), response_at) {
                    (Some((hours, standards)), Ok(p), Some(at)) => {
                        first_response_within(standards, hours, p, received, paused, at)
                    }
                    _ => None,
                };
                sqlx::query(
                    "UPDATE complaints SET durations_done = 1, \
                     first_response_minutes = COALESCE(first_response_minutes, $1), \
                     first_response_seconds = COALESCE(first_response_seconds, $2), \
                     first_response_within = COALESCE(first_response_within, $3), \
                     first_resolved_at = COALESCE(first_resolved_at, $4), \
                     first_resolution_minutes = COALESCE(first_resolution_minutes, $5), \
                     first_resolution_seconds = COALESCE(first_resolution_seconds, $6), \
                     final_resolution_minutes = COALESCE(final_resolution_minutes, $7), \
                     final_resolution_seconds = COALESCE(final_resolution_seconds, $8) WHERE id = $9",
                )
                .bind(response.map(|m| m.service_minutes))
                .bind(response.map(|m| m.calendar_seconds))
                .bind(within.map(i64::from))
                .bind(first_resolved.map(us))
                .bind(first.map(|m| m.service_minutes))
                .bind(first.map(|m| m.calendar_seconds))
                .bind(last.map(|m| m.service_minutes))
                .bind(last.map(|m| m.calendar_seconds))
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            done += rows.len() as u64;
        }
    }
}
