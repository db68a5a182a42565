//! Top problems: per-category aggregates over a period (complaints, complainants, compensation,
//! returns, customers lost, voices — in `sources`), the actionability marks and the ranking weights (both append-only,
//! the newest row in force). Every sum is `CAST(SUM(..) AS BIGINT)` so both engines answer the
//! same integer. Merged-away and deleted complaints are not counted (`complaints::counted`).

/// The code links in force at `$1`: each code's newest row at or before it, when it names a
/// category (read by `sources` and `links`).
macro_rules! code_links {
    () => {
        "SELECT l.code_id, l.category_id, l.set_by, l.set_at FROM problem_code_links l \
         WHERE l.category_id IS NOT NULL AND l.id = (SELECT MAX(x.id) FROM problem_code_links x \
           WHERE x.code_id = l.code_id AND x.set_at <= $1)"
    };
}

mod complainants;
mod focus;
mod links;
mod money;
mod records;
mod sources;
mod tallies;

pub use complainants::Complainants;
pub(crate) use complainants::recount_days as recount_complainant_days;
pub use focus::FocusAdoption;
pub use links::{CodeLink, FigureLink};
pub use sources::Voice;

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::problems::{DEFAULT_WEIGHTS, Weights};

use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A category's actionability as last set by a manager.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub category_id: i64,
    pub actionable: bool,
    pub note: Option<String>,
    pub set_by: EmployeeId,
    pub set_at: Timestamp,
}

/// The weights in force and who set them (`None`: Tend's defaults, never changed).
#[derive(Debug, Clone, PartialEq)]
pub struct WeightsSet {
    pub weights: Weights,
    pub set_by: Option<EmployeeId>,
    pub set_at: Option<Timestamp>,
}

/// A period `[from, to)` in UTC microseconds, the customers-lost window in microseconds and the
/// instant by which a window must have ended to count.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub from: Timestamp,
    pub to: Timestamp,
    pub window_us: i64,
    pub now: Timestamp,
}

impl Store {
    /// Up to `limit` references of a category's complaints received in the period, oldest first.
    pub async fn problem_samples(
        &self,
        category_id: i64,
        p: Period,
        limit: i64,
    ) -> StoreResult<Vec<String>> {
        let rows = self.problem_complaints(category_id, p, 0, limit).await?;
        Ok(rows.into_iter().map(|(r, _)| r).collect())
    }

    /// The newest mark of every category that has one.
    pub async fn problem_marks(&self) -> StoreResult<Vec<Mark>> {
        let rows = sqlx::query(
            "SELECT m.category_id, m.actionable, m.note, m.set_by, m.set_at FROM problem_marks m \
             WHERE m.id = (SELECT MAX(x.id) FROM problem_marks x WHERE x.category_id = m.category_id) \
             ORDER BY m.category_id",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Mark {
                    category_id: r.try_get("category_id")?,
                    actionable: r.try_get::<i64, _>("actionable")? == 1,
                    note: r.try_get("note")?,
                    set_by: EmployeeId(r.try_get("set_by")?),
                    set_at: ts(r.try_get("set_at")?),
                })
            })
            .collect()
    }

    /// Appends a category's mark (the category must exist: checked by the caller).
    pub async fn mark_problem(
        &self,
        category_id: i64,
        actionable: bool,
        note: Option<&str>,
        by: EmployeeId,
        at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        sqlx::query(
            "INSERT INTO problem_marks (category_id, actionable, note, set_by, set_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(category_id)
        .bind(i64::from(actionable))
        .bind(note.map(str::to_owned))
        .bind(by.0)
        .bind(us(at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The weights in force at `at` (the newest set at or before it), else the defaults.
    pub async fn problem_weights(&self, at: Timestamp) -> StoreResult<WeightsSet> {
        let row = sqlx::query(
            "SELECT frequency, cost, lost, listening, set_by, set_at FROM problem_weights \
             WHERE set_at <= $1 ORDER BY set_at DESC, id DESC LIMIT 1",
        )
        .bind(us(at))
        .fetch_optional(self.read())
        .await?;
        let Some(r) = row else {
            return Ok(WeightsSet {
                weights: DEFAULT_WEIGHTS,
                set_by: None,
                set_at: None,
            });
        };
        Ok(WeightsSet {
            weights: Weights {
                frequency: r.try_get("frequency")?,
                cost: r.try_get("cost")?,
                lost: r.try_get("lost")?,
                listening: r.try_get("listening")?,
            },
            set_by: Some(EmployeeId(r.try_get("set_by")?)),
            set_at: Some(ts(r.try_get("set_at")?)),
        })
    }

    /// Every change of weights, oldest first.
    pub async fn problem_weights_history(&self) -> StoreResult<Vec<WeightsSet>> {
        let rows = sqlx::query(
            "SELECT frequency, cost, lost, listening, set_by, set_at FROM problem_weights ORDER BY set_at, id",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(WeightsSet {
                    weights: Weights {
                        frequency: r.try_get("frequency")?,
                        cost: r.try_get("cost")?,
                        lost: r.try_get("lost")?,
                        listening: r.try_get("listening")?,
                    },
                    set_by: Some(EmployeeId(r.try_get("set_by")?)),
                    set_at: Some(ts(r.try_get("set_at")?)),
                })
            })
            .collect()
    }

    /// Appends a change of weights (checked by the caller).
    pub async fn set_problem_weights(
        &self,
        w: Weights,
        by: EmployeeId,
        at: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        sqlx::query(
            "INSERT INTO problem_weights (frequency, cost, lost, listening, set_by, set_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(w.frequency)
        .bind(w.cost)
        .bind(w.lost)
        .bind(w.listening)
        .bind(by.0)
        .bind(us(at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
