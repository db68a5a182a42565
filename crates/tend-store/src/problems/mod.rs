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

mod focus;
mod links;
mod money;
mod records;
mod sources;

pub use focus::FocusAdoption;
pub use links::{CodeLink, FigureLink};
pub use sources::Voice;

use std::collections::BTreeMap;

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::problems::{DEFAULT_WEIGHTS, Tally, Weights};

use crate::complaints::counted;
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

const COMPLAINTS: &str = concat!(
    "SELECT category_id, COUNT(*) AS n, COUNT(DISTINCT customer_id) AS customers, \
     CAST(SUM(CASE WHEN resolved_at IS NOT NULL THEN COALESCE(compensation_minor, 0) ELSE 0 END) AS BIGINT) AS paid \
     FROM complaints WHERE received_at >= $1 AND received_at < $2 AND category_id IS NOT NULL AND ",
    counted!(),
    " GROUP BY category_id"
);

const RETURNS: &str = concat!(
    "SELECT c.category_id, CAST(SUM(COALESCE(t.amount_minor, 0)) AS BIGINT) AS returned \
     FROM transactions t JOIN (SELECT DISTINCT category_id, customer_id, product_id FROM complaints \
       WHERE received_at >= $1 AND received_at < $2 AND category_id IS NOT NULL AND product_id IS NOT NULL AND ",
    counted!(),
    ") c \
       ON t.customer_id = c.customer_id AND t.product_id = c.product_id \
     WHERE t.returned = 1 AND t.occurred_at >= $1 AND t.occurred_at < $2 GROUP BY c.category_id"
);

const LOST: &str = concat!(
    "WITH fr AS (SELECT c.category_id, c.customer_id, MIN(e.at) AS r FROM complaints c \
       JOIN complaint_events e ON e.complaint_id = c.id AND e.action = 'resolve' \
       WHERE c.received_at >= $1 AND c.received_at < $2 AND c.category_id IS NOT NULL AND ",
    counted!("c"),
    " GROUP BY c.category_id, c.customer_id) \
     SELECT fr.category_id, COUNT(*) AS base, COUNT(CASE WHEN NOT EXISTS (SELECT 1 FROM transactions t \
       WHERE t.customer_id = fr.customer_id AND t.returned = 0 AND t.occurred_at > fr.r \
       AND t.occurred_at <= fr.r + $3) THEN 1 END) AS lost \
     FROM fr WHERE fr.r + $3 <= $4 GROUP BY fr.category_id"
);

impl Store {
    /// One [`Tally`] per category with complaints received in the period, by category id, and
    /// the number of distinct complainants of the period over all categories (and none).
    pub async fn problem_tallies(&self, p: Period) -> StoreResult<(Vec<Tally>, i64)> {
        let (from, to) = (us(p.from), us(p.to));
        let mut by: BTreeMap<i64, Tally> = BTreeMap::new();
        let rows = sqlx::query(COMPLAINTS)
            .bind(from)
            .bind(to)
            .fetch_all(self.read())
            .await?;
        for r in rows {
            let id: i64 = r.try_get("category_id")?;
            let t = by.entry(id).or_insert_with(|| Tally {
                category_id: id,
                ..Tally::default()
            });
            t.complaints = r.try_get("n")?;
            t.customers = r.try_get("customers")?;
            t.compensation_minor = r.try_get::<Option<i64>, _>("paid")?.unwrap_or(0);
        }
        let rows = sqlx::query(RETURNS)
            .bind(from)
            .bind(to)
            .fetch_all(self.read())
            .await?;
        for r in rows {
            if let Some(t) = by.get_mut(&r.try_get::<i64, _>("category_id")?) {
                t.returns_minor = r.try_get::<Option<i64>, _>("returned")?.unwrap_or(0);
            }
        }
        let rows = sqlx::query(LOST)
            .bind(from)
            .bind(to)
            .bind(p.window_us)
            .bind(us(p.now))
            .fetch_all(self.read())
            .await?;
        for r in rows {
            if let Some(t) = by.get_mut(&r.try_get::<i64, _>("category_id")?) {
                t.lost_base = r.try_get("base")?;
                t.lost = r.try_get("lost")?;
            }
        }
        self.add_voices(&mut by, p).await?;
        let all: i64 = sqlx::query(concat!(
            "SELECT COUNT(DISTINCT customer_id) AS n FROM complaints \
             WHERE received_at >= $1 AND received_at < $2 AND ",
            counted!()
        ))
        .bind(from)
        .bind(to)
        .fetch_one(self.read())
        .await?
        .try_get("n")?;
        Ok((by.into_values().collect(), all))
    }

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
