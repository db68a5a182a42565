//! A figure's values with their dimensions, for the breakdown by one dimension.

use jiff::civil::Date;
use sqlx::Row;
use tend_domain::figures::{Figure, Point, Source};

use crate::kernel::error::StoreResult;
use crate::store::Store;

impl Store {
    /// A figure's values with periods in `[from, to)`, each with its canonical dimensions text
    /// (`key=value;key=value`, `''` for none), oldest period first. A figure Tend computes has
    /// no dimensions: its monthly points come with `''`.
    pub async fn figure_points_with_dimensions(
        &self,
        figure: &Figure,
        from: Date,
        to: Date,
    ) -> StoreResult<Vec<(String, Point)>> {
        if figure.source == Source::Computed {
            let points = self.figure_points(figure, from, to, None).await?;
            return Ok(points.into_iter().map(|p| (String::new(), p)).collect());
        }
        let rows = sqlx::query(
            "SELECT period, dimensions, numerator, denominator FROM figure_values \
             WHERE figure_id = $1 AND period >= $2 AND period < $3 ORDER BY period, dimensions",
        )
        .bind(figure.id)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let period: String = r.try_get("period")?;
                let point = Point {
                    period: period
                        .parse()
                        .map_err(|e: jiff::Error| sqlx::Error::Decode(e.into()))?,
                    numerator: r.try_get("numerator")?,
                    denominator: r.try_get("denominator")?,
                };
                Ok((r.try_get("dimensions")?, point))
            })
            .collect()
    }
}
