//! Figures: the catalogue of definitions, their values (numerator and denominator, replaced by
//! figure, period and dimensions, read back summed or with their dimensions), the log of CSV
//! imports, the stale-figure notices, and the figures Tend computes from its own records.

mod computed;
mod dimensioned;
mod notices;
mod values;

pub use notices::StaleNotice;
pub use values::{Arrival, FigureImport, Via};

use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use tend_domain::figures::{Dimension, Figure, Grain, NewFigure, Source, Unit};
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::*;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::us;
use crate::store::Store;

const SELECT: &str = "SELECT id, code, name, definition, unit, currency, higher_is_better, grain, \
     ratio, dimensions, source, vendor_name, pusher_id, owner_id, seeded FROM figures";

fn decode<T>(r: Result<T, Reason>) -> Result<T, sqlx::Error> {
    r.map_err(|e| sqlx::Error::Decode(e.into()))
}

fn figure(r: &AnyRow) -> StoreResult<Figure> {
    let dims: String = r.try_get("dimensions")?;
    let dimensions = dims
        .split(',')
        .filter(|d| !d.is_empty())
        .map(|d| decode(Dimension::parse(d)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Figure {
        id: r.try_get("id")?,
        code: r.try_get("code")?,
        name: r.try_get("name")?,
        definition: r.try_get("definition")?,
        unit: decode(Unit::parse(&r.try_get::<String, _>("unit")?))?,
        currency: r.try_get("currency")?,
        higher_is_better: r.try_get::<i64, _>("higher_is_better")? == 1,
        grain: decode(Grain::parse(&r.try_get::<String, _>("grain")?))?,
        ratio: r.try_get::<i64, _>("ratio")? == 1,
        dimensions,
        source: decode(Source::parse(&r.try_get::<String, _>("source")?))?,
        vendor_name: r.try_get("vendor_name")?,
        pusher_id: r.try_get::<Option<i64>, _>("pusher_id")?.map(EmployeeId),
        owner_id: r.try_get::<Option<i64>, _>("owner_id")?.map(EmployeeId),
        seeded: r.try_get::<i64, _>("seeded")? == 1,
    })
}

impl Store {
    /// Every figure, seeded ones first, then by code.
    pub async fn figures(&self) -> StoreResult<Vec<Figure>> {
        let sql = format!("{SELECT} ORDER BY seeded DESC, code, id");
        let rows = sqlx::query(AssertSqlSafe(sql))
            .fetch_all(self.read())
            .await?;
        rows.iter().map(figure).collect()
    }

    /// One figure by id; `NotFound("figure")` when none.
    pub async fn figure(&self, id: i64) -> StoreResult<Figure> {
        let sql = format!("{SELECT} WHERE id = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.read())
            .await?
            .ok_or(StoreError::NotFound("figure"))?;
        figure(&row)
    }

    /// One figure by code; `NotFound("figure")` when none.
    pub async fn figure_by_code(&self, code: &str) -> StoreResult<Figure> {
        let sql = format!("{SELECT} WHERE code = $1");
        let row = sqlx::query(AssertSqlSafe(sql))
            .bind(code.to_owned())
            .fetch_optional(self.read())
            .await?
            .ok_or(StoreError::NotFound("figure"))?;
        figure(&row)
    }

    /// Adds a custom figure. Refuses a taken code (`Conflict` on `code`) and a pusher or owner
    /// that is no employee (`Domain` naming the field).
    pub async fn create_figure(&self, f: &NewFigure, now: Timestamp) -> StoreResult<Figure> {
        let mut tx = self.write().begin().await?;
        for (field, id) in [("pusher_id", f.pusher_id), ("owner_id", f.owner_id)] {
            let Some(id) = id else { continue };
            let found = sqlx::query("SELECT 1 AS one FROM employees WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Err(StoreError::field(field, NO_EMPLOYEE.with("id", id.0)));
            }
        }
        let dims: Vec<&str> = f.dimensions.iter().map(|d| d.as_str()).collect();
        let row = sqlx::query(
            "INSERT INTO figures (code, name, definition, unit, currency, higher_is_better, grain, \
             ratio, dimensions, source, vendor_name, pusher_id, owner_id, seeded, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14) RETURNING id",
        )
        .bind(f.code.clone())
        .bind(f.name.to_string())
        .bind(f.definition.to_string())
        .bind(f.unit.as_str())
        .bind(f.currency.map(|c| c.as_str().to_owned()))
        .bind(i64::from(f.higher_is_better))
        .bind(f.grain.as_str())
        .bind(i64::from(f.ratio))
        .bind(dims.join(","))
        .bind(f.source.as_str())
        .bind(f.vendor_name.as_ref().map(|v| v.to_string()))
        .bind(f.pusher_id.map(|e| e.0))
        .bind(f.owner_id.map(|e| e.0))
        .bind(us(now))
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| StoreError::unique(e, "code", DUPLICATE_FIGURE))?;
        let id: i64 = row.try_get("id")?;
        tx.commit().await?;
        self.figure(id).await
    }

    /// Assigns who pushes a figure and who is told when it is stale (`None` clears).
    pub async fn assign_figure(
        &self,
        id: i64,
        pusher: Option<EmployeeId>,
        owner: Option<EmployeeId>,
    ) -> StoreResult<()> {
        let done = sqlx::query("UPDATE figures SET pusher_id = $1, owner_id = $2 WHERE id = $3")
            .bind(pusher.map(|e| e.0))
            .bind(owner.map(|e| e.0))
            .bind(id)
            .execute(self.write())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("figure"));
        }
        Ok(())
    }
}
