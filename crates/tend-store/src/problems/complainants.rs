//! The ranking's distinct complainants per category and of a period overall, through the
//! `complainant_days` roll-up (migration 0193, docs/problems.md "At volume"): whole UTC days
//! that no mark touches are united from their stored bitmaps, the rest (a period's partial edge
//! days, marked days) read from the complaints; exact at every moment.

use std::collections::{BTreeMap, BTreeSet};

use roaring::RoaringTreemap;
use sqlx::Row;

use crate::complaints::counted;
use crate::kernel::error::{StoreError, StoreResult};
use crate::store::Store;

const DAY: i64 = 86_400_000_000;

/// More marked UTC days than this in a period and it is read whole from the complaints.
const MAX_MARKED_DAYS: usize = 45;

/// Distinct complainants per category (0: none) and of the period overall (all categories
/// and none): `(per category, overall)`.
pub type Complainants = (BTreeMap<i64, i64>, i64);

/// The `(category or 0, customer)` of the complaints that count received in `[from, to)`.
const PAIRS: &str = concat!(
    "SELECT COALESCE(category_id, 0) AS category_id, customer_id FROM complaints \
     WHERE received_at >= $1 AND received_at < $2 AND ",
    counted!()
);

/// The period read whole from the complaints (the reference the roll-up is tested against).
const LIVE: &str = concat!(
    "WITH d AS MATERIALIZED (SELECT DISTINCT category_id, customer_id FROM complaints \
       WHERE received_at >= $1 AND received_at < $2 AND ",
    counted!(),
    ") SELECT category_id, COUNT(*) AS n FROM d WHERE category_id IS NOT NULL GROUP BY category_id \
     UNION ALL SELECT NULL, COUNT(DISTINCT customer_id) FROM d"
);

/// Bitmaps of customers by category.
type Sets = BTreeMap<i64, RoaringTreemap>;

async fn add_pairs(
    tx: &mut sqlx::AnyConnection,
    (from, to): (i64, i64),
    sets: &mut Sets,
) -> StoreResult<()> {
    let rows = sqlx::query(PAIRS)
        .bind(from)
        .bind(to)
        .fetch_all(&mut *tx)
        .await?;
    for r in rows {
        let customer: i64 = r.try_get("customer_id")?;
        sets.entry(r.try_get("category_id")?)
            .or_default()
            .insert(customer as u64);
    }
    Ok(())
}

/// Recounts, in the roll-up job's transaction, the UTC days that `[a, b)` (microseconds)
/// touches: their bitmaps are rewritten from the complaints as they stand.
pub(crate) async fn recount_days(tx: &mut sqlx::AnyConnection, a: i64, b: i64) -> StoreResult<()> {
    for day in a.div_euclid(DAY)..=(b - 1).div_euclid(DAY) {
        sqlx::query("DELETE FROM complainant_days WHERE day = $1")
            .bind(day)
            .execute(&mut *tx)
            .await?;
        let mut sets = Sets::new();
        add_pairs(tx, (day * DAY, (day + 1) * DAY), &mut sets).await?;
        for (category, set) in sets {
            let mut bytes = Vec::with_capacity(set.serialized_size());
            set.serialize_into(&mut bytes).map_err(StoreError::io)?;
            sqlx::query(
                "INSERT INTO complainant_days (day, category_id, customers) VALUES ($1, $2, $3)",
            )
            .bind(day)
            .bind(category)
            .bind(bytes)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}

fn counts(sets: &Sets) -> Complainants {
    let mut all = RoaringTreemap::new();
    let mut by = BTreeMap::new();
    for (&category, set) in sets {
        all |= set;
        if category != 0 {
            by.insert(category, set.len() as i64);
        }
    }
    (by, all.len() as i64)
}

impl Store {
    /// The distinct complainants of the complaints that count received in `[from, to)`
    /// (microseconds): through the roll-up when it has been counted and at most
    /// [`MAX_MARKED_DAYS`] of the period's days are marked, else from the complaints.
    pub async fn problem_complainants(&self, from: i64, to: i64) -> StoreResult<Complainants> {
        match self.problem_complainants_rolled(from, to).await? {
            Some(c) => Ok(c),
            None => self.problem_complainants_live(from, to).await,
        }
    }

    /// [`Store::problem_complainants`] through the roll-up, in one snapshot; none when the
    /// roll-up has not been counted (or is being started over) or too many days are marked.
    pub async fn problem_complainants_rolled(
        &self,
        from: i64,
        to: i64,
    ) -> StoreResult<Option<Complainants>> {
        let (mut tx, stored) = self.rollup_snapshot(true).await?;
        if stored.is_none() {
            return Ok(None);
        }
        // Whole days `[first, last)`; a mark's 15 minutes lie within one UTC day.
        let first = from.div_euclid(DAY) + i64::from(from.rem_euclid(DAY) != 0);
        let last = to.div_euclid(DAY);
        let marks: Vec<i64> =
            sqlx::query_scalar("SELECT DISTINCT at FROM report_changes WHERE at >= $1 AND at < $2")
                .bind(first * DAY)
                .bind(last.max(first) * DAY)
                .fetch_all(&mut *tx)
                .await?;
        let marked: BTreeSet<i64> = marks.iter().map(|at| at.div_euclid(DAY)).collect();
        if marked.len() > MAX_MARKED_DAYS {
            return Ok(None);
        }
        let mut sets = Sets::new();
        if first < last {
            let rows = sqlx::query(
                "SELECT day, category_id, customers FROM complainant_days WHERE day >= $1 AND day < $2",
            )
            .bind(first)
            .bind(last)
            .fetch_all(&mut *tx)
            .await?;
            for r in rows {
                if marked.contains(&r.try_get::<i64, _>("day")?) {
                    continue;
                }
                let bytes: Vec<u8> = r.try_get("customers")?;
                let set = RoaringTreemap::deserialize_from(&bytes[..]).map_err(StoreError::io)?;
                *sets.entry(r.try_get("category_id")?).or_default() |= set;
            }
        }
        // From the complaints: the edges and the marked days, adjacent ones joined.
        let mut ranges: Vec<(i64, i64)> = Vec::new();
        let mut push = |a: i64, b: i64| match ranges.last_mut() {
            _ if a >= b => {}
            Some(last) if last.1 == a => last.1 = b,
            _ => ranges.push((a, b)),
        };
        if first < last {
            push(from, first * DAY);
            for d in &marked {
                push(d * DAY, (d + 1) * DAY);
            }
            push(last * DAY, to);
        } else {
            push(from, to);
        }
        for range in ranges {
            add_pairs(&mut tx, range, &mut sets).await?;
        }
        tx.commit().await?;
        Ok(Some(counts(&sets)))
    }

    /// [`Store::problem_complainants`] read whole from the complaints: one pass over the
    /// period's distinct `(category, customer)` pairs.
    pub async fn problem_complainants_live(&self, from: i64, to: i64) -> StoreResult<Complainants> {
        let rows = sqlx::query(LIVE)
            .bind(from)
            .bind(to)
            .fetch_all(self.read())
            .await?;
        let (mut by, mut all) = (BTreeMap::new(), 0);
        for r in rows {
            match r.try_get::<Option<i64>, _>("category_id")? {
                Some(id) => {
                    by.insert(id, r.try_get("n")?);
                }
                None => all = r.try_get("n")?,
            }
        }
        Ok((by, all))
    }
}
