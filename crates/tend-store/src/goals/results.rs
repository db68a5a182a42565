//! Closed periods' values, frozen: when a goal's calendar period has ended (and settled), its
//! value is computed once and stored with the tally, the target and the status it had; the row
//! is never recomputed (insert-if-absent under the primary key `(goal_id, period_start)`, and
//! triggers refuse UPDATE and DELETE on both engines).

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::goals::{Status, Tally};

use crate::kernel::error::StoreResult;
use crate::kernel::sql::{Sql, V};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A closed period's frozen value: the period (its first local day `YYYY-MM-DD`, label and
/// window), the goal version it was measured under, the tally, the value (`None`: no data),
/// the target then in force and the status (met, missed or no data), and when it was frozen.
#[derive(Debug, Clone, PartialEq)]
pub struct FrozenResult {
    pub goal_id: i64,
    pub period_start: String,
    pub label: String,
    pub window_start: Timestamp,
    pub window_end: Timestamp,
    pub version: i64,
    pub tally: Tally,
    pub value: Option<f64>,
    pub target: f64,
    pub status: Status,
    pub frozen_at: Timestamp,
}

fn status(code: &str) -> Status {
    match code {
        "met" => Status::Met,
        "missed" => Status::Missed,
        _ => Status::NoData,
    }
}

impl Store {
    /// Goal `goal_id`'s frozen results, oldest period first.
    pub async fn goal_results(&self, goal_id: i64) -> StoreResult<Vec<FrozenResult>> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT goal_id, period_start, label, window_start, window_end, version, numerator, \
             denominator, value_millionths, target_hundredths, status, frozen_at \
             FROM goal_results WHERE goal_id = ",
        );
        sql.bind(goal_id).push(" ORDER BY period_start");
        let mut out = Vec::new();
        for row in sql.build().fetch_all(self.read()).await? {
            let value: Option<i64> = row.try_get("value_millionths")?;
            let target: i64 = row.try_get("target_hundredths")?;
            let code: String = row.try_get("status")?;
            out.push(FrozenResult {
                goal_id: row.try_get("goal_id")?,
                period_start: row.try_get("period_start")?,
                label: row.try_get("label")?,
                window_start: ts(row.try_get("window_start")?),
                window_end: ts(row.try_get("window_end")?),
                version: row.try_get("version")?,
                tally: Tally {
                    numerator: row.try_get("numerator")?,
                    denominator: row.try_get("denominator")?,
                },
                value: value.map(|v| v as f64 / 1e6),
                target: target as f64 / 100.0,
                status: status(&code),
                frozen_at: ts(row.try_get("frozen_at")?),
            });
        }
        Ok(out)
    }

    /// Stores `r` unless that goal's period is frozen already (then the stored value stays);
    /// one transaction. Returns whether it was stored now.
    pub async fn freeze_goal_result(&self, r: &FrozenResult) -> StoreResult<bool> {
        let mut tx = self.write().begin().await?;
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO goal_results (goal_id, period_start, label, window_start, window_end, \
             version, numerator, denominator, value_millionths, target_hundredths, status, \
             frozen_at) VALUES ",
        );
        sql.push_tuple(
            0,
            [
                V::from(r.goal_id),
                V::from(r.period_start.clone()),
                V::from(r.label.clone()),
                V::from(us(r.window_start)),
                V::from(us(r.window_end)),
                V::from(r.version),
                V::from(r.tally.numerator),
                V::from(r.tally.denominator),
                V::from(r.value.map(|v| (v * 1e6).round() as i64)),
                V::from((r.target * 100.0).round() as i64),
                V::from(r.status.code()),
                V::from(us(r.frozen_at)),
            ],
        );
        sql.push(" ON CONFLICT (goal_id, period_start) DO NOTHING");
        let stored = sql.build().execute(&mut *tx).await?.rows_affected() == 1;
        tx.commit().await?;
        Ok(stored)
    }
}
