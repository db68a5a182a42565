//! Figure values: replaced by (figure, period, dimensions) in one transaction, read back as
//! points, the last arrival, and the append-only log of CSV imports.

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::{Any, Row, Transaction};
use tend_domain::figures::{FigureValue, Point};
use tend_domain::kernel::ids::EmployeeId;

use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// How a value arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Api,
    Csv,
    Page,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Api => "api",
            Via::Csv => "csv",
            Via::Page => "page",
        }
    }
}

/// When a figure's newest value arrived, from whom (an employee's name, if known) and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    pub at: Timestamp,
    pub by: Option<String>,
    pub via: String,
}

/// One CSV import of figure values, as logged.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureImport {
    pub id: i64,
    pub file_name: String,
    pub rows: i64,
    pub inserted: i64,
    pub updated: i64,
    pub imported_by: String,
    pub imported_at: Timestamp,
}

/// Replaces or adds one value; true when it was new.
async fn put_one(
    tx: &mut Transaction<'_, Any>,
    figure_id: i64,
    v: &FigureValue,
    by: Option<EmployeeId>,
    via: Via,
    now: Timestamp,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE figure_values SET numerator = $1, denominator = $2, arrived_at = $3, \
         arrived_by = $4, via = $5 WHERE figure_id = $6 AND period = $7 AND dimensions = $8",
    )
    .bind(v.numerator)
    .bind(v.denominator)
    .bind(us(now))
    .bind(by.map(|e| e.0))
    .bind(via.as_str())
    .bind(figure_id)
    .bind(v.period.to_string())
    .bind(v.dimensions.clone())
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO figure_values (figure_id, period, dimensions, numerator, denominator, \
         arrived_at, arrived_by, via) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(figure_id)
    .bind(v.period.to_string())
    .bind(v.dimensions.clone())
    .bind(v.numerator)
    .bind(v.denominator)
    .bind(us(now))
    .bind(by.map(|e| e.0))
    .bind(via.as_str())
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

impl Store {
    /// Stores `values` of one figure, all or none; returns (inserted, updated).
    pub async fn put_figure_values(
        &self,
        figure_id: i64,
        values: &[FigureValue],
        by: Option<EmployeeId>,
        via: Via,
        now: Timestamp,
    ) -> StoreResult<(i64, i64)> {
        let mut tx = self.write().begin().await?;
        let (mut inserted, mut updated) = (0, 0);
        for v in values {
            if put_one(&mut tx, figure_id, v, by, via, now).await? {
                inserted += 1;
            } else {
                updated += 1;
            }
        }
        tx.commit().await?;
        Ok((inserted, updated))
    }

    /// Stores a CSV file's values (figure id, value), all or none, and logs the import in the
    /// same transaction.
    pub async fn import_figure_values(
        &self,
        rows: &[(i64, FigureValue)],
        file_name: &str,
        imported_by: &str,
        now: Timestamp,
    ) -> StoreResult<FigureImport> {
        let mut tx = self.write().begin().await?;
        let (mut inserted, mut updated) = (0, 0);
        for (figure, v) in rows {
            if put_one(&mut tx, *figure, v, None, Via::Csv, now).await? {
                inserted += 1;
            } else {
                updated += 1;
            }
        }
        let row = sqlx::query(
            "INSERT INTO figure_imports (file_name, row_count, inserted, updated, imported_by, \
             imported_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(file_name.to_owned())
        .bind(rows.len() as i64)
        .bind(inserted)
        .bind(updated)
        .bind(imported_by.to_owned())
        .bind(us(now))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(FigureImport {
            id: row.try_get("id")?,
            file_name: file_name.to_owned(),
            rows: rows.len() as i64,
            inserted,
            updated,
            imported_by: imported_by.to_owned(),
            imported_at: now,
        })
    }

    /// The newest imports first.
    pub async fn figure_imports(&self, limit: i64) -> StoreResult<Vec<FigureImport>> {
        let rows = sqlx::query(
            "SELECT id, file_name, row_count, inserted, updated, imported_by, imported_at \
             FROM figure_imports ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FigureImport {
                    id: r.try_get("id")?,
                    file_name: r.try_get("file_name")?,
                    rows: r.try_get("row_count")?,
                    inserted: r.try_get("inserted")?,
                    updated: r.try_get("updated")?,
                    imported_by: r.try_get("imported_by")?,
                    imported_at: ts(r.try_get("imported_at")?),
                })
            })
            .collect()
    }

    /// A stored figure's values with periods in `[from, to)`, one point per stored row,
    /// restricted to one canonical dimensions text when `dimensions` is given.
    pub(crate) async fn stored_points(
        &self,
        figure_id: i64,
        from: Date,
        to: Date,
        dimensions: Option<&str>,
    ) -> StoreResult<Vec<Point>> {
        let rows = sqlx::query(
            "SELECT period, numerator, denominator FROM figure_values WHERE figure_id = $1 \
             AND period >= $2 AND period < $3 AND ($4 = '*' OR dimensions = $4) ORDER BY period",
        )
        .bind(figure_id)
        .bind(from.to_string())
        .bind(to.to_string())
        .bind(dimensions.unwrap_or("*").to_owned())
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let period: String = r.try_get("period")?;
                Ok(Point {
                    period: period
                        .parse()
                        .map_err(|e: jiff::Error| sqlx::Error::Decode(e.into()))?,
                    numerator: r.try_get("numerator")?,
                    denominator: r.try_get("denominator")?,
                })
            })
            .collect()
    }

    /// The newest period the figure has a value for; `None` before the first.
    pub async fn last_period(&self, figure_id: i64) -> StoreResult<Option<Date>> {
        let row = sqlx::query(
            "SELECT period FROM figure_values WHERE figure_id = $1 ORDER BY period DESC LIMIT 1",
        )
        .bind(figure_id)
        .fetch_optional(self.read())
        .await?;
        row.map(|r| {
            let p: String = r.try_get("period")?;
            Ok(p.parse()
                .map_err(|e: jiff::Error| sqlx::Error::Decode(e.into()))?)
        })
        .transpose()
    }

    /// When the figure's newest value arrived; `None` before the first.
    pub async fn last_arrival(&self, figure_id: i64) -> StoreResult<Option<Arrival>> {
        let row = sqlx::query(
            "SELECT v.arrived_at, e.name, v.via FROM figure_values v \
             LEFT JOIN employees e ON e.id = v.arrived_by WHERE v.figure_id = $1 \
             ORDER BY v.arrived_at DESC, v.id DESC LIMIT 1",
        )
        .bind(figure_id)
        .fetch_optional(self.read())
        .await?;
        row.map(|r| {
            Ok(Arrival {
                at: ts(r.try_get("arrived_at")?),
                by: r.try_get("name")?,
                via: r.try_get("via")?,
            })
        })
        .transpose()
    }
}
