//! The figures Tend computes from its own records, and the one way to read any figure's series.
//!
//! - `returns`: purchases whose date falls in the month and that are marked returned.
//! - `return_rate`: those ÷ all purchases dated in the month (× 100 when shown), months in UTC.
//!
//! A month with no purchases has no point.

use jiff::civil::Date;
use jiff::{ToSpan, tz::TimeZone};
use sqlx::Row;
use tend_domain::figures::{Figure, Per, Point, Source};

use crate::kernel::error::StoreResult;
use crate::kernel::time::us;
use crate::store::Store;

fn micros(d: Date) -> i64 {
    d.to_zoned(TimeZone::UTC)
        .map(|z| us(z.timestamp()))
        .unwrap_or(i64::MAX)
}

impl Store {
    /// A figure's points with periods in `[from, to)`: stored values (optionally only those
    /// with one canonical dimensions text), or for a computed figure its monthly counts.
    pub async fn figure_points(
        &self,
        figure: &Figure,
        from: Date,
        to: Date,
        dimensions: Option<&str>,
    ) -> StoreResult<Vec<Point>> {
        if figure.source != Source::Computed {
            return self.stored_points(figure.id, from, to, dimensions).await;
        }
        let mut out = Vec::new();
        let mut month = Per::Month.bucket(from);
        while month < to {
            let next = month.saturating_add(1.month());
            let row = sqlx::query(
                "SELECT COUNT(*) AS n, COUNT(CASE WHEN returned = 1 THEN 1 END) AS r \
                 FROM transactions WHERE occurred_at >= $1 AND occurred_at < $2",
            )
            .bind(micros(month))
            .bind(micros(next))
            .fetch_one(self.read())
            .await?;
            let (n, r): (i64, i64) = (row.try_get("n")?, row.try_get("r")?);
            if n > 0 && month >= from {
                out.push(Point {
                    period: month,
                    numerator: r,
                    denominator: figure.ratio.then_some(n),
                });
            }
            month = next;
        }
        Ok(out)
    }
}
