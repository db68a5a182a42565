//! The roll-up's recent days by the hour (migration 0194, docs/reports.md "Roll-ups"): the
//! job stores a recent day's tallies per UTC hour of its window as well, and a report reading
//! that day while it is marked reads only its marked hours from the complaints — under steady
//! intake the last hour's complaints instead of the whole day's.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use tend_domain::reports::day_number;

use super::ReportRow;
use super::day_rows::day_rows;
use super::kept::{Kept, push_values};
use super::rollup::{DayTally, Rolled};
use crate::kernel::engine::Engine;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::{ts, us};

/// An hour, in µs.
pub const HOUR_US: i64 = 3_600_000_000;

// A mark's 15 minutes (floored) lie within one UTC hour.
const _: () = assert!(HOUR_US % super::rollup::MARK_US == 0);

/// The UTC hour a mark (or any instant, µs) falls in, as its start.
pub(super) fn hour_of(at: i64) -> i64 {
    at.div_euclid(HOUR_US) * HOUR_US
}

/// The slots of the window `[a, b)`: each UTC hour that meets it, clipped to it, as
/// `(hour start, slot start, slot end)`. They partition the window, so the slots' tallies add
/// up to the window's (every measure of a tally is a sum or a union over its events).
pub(super) fn slots(a: Timestamp, b: Timestamp) -> Vec<(i64, Timestamp, Timestamp)> {
    let (a, b) = (us(a), us(b));
    let mut out = Vec::new();
    let mut h = hour_of(a);
    while h < b {
        out.push((h, ts(h.max(a)), ts((h + HOUR_US).min(b))));
        h += HOUR_US;
    }
    out
}

/// Rewrites the hours of `day` (window `[a, b)`, complaints `rows`): dropped, then stored again
/// when `keep` (a recent day) and listed in `report_hour_days`; also drops the hours of days
/// before `first_kept` (no longer recent).
///
/// Errors: the database's.
pub(super) async fn write(
    tx: &mut sqlx::AnyConnection,
    engine: Engine,
    (day, a, b): (Date, Timestamp, Timestamp),
    rows: &[ReportRow],
    (keep, first_kept): (bool, Date),
    tally: &impl Fn(Timestamp, Timestamp, &[ReportRow]) -> Vec<DayTally>,
) -> StoreResult<()> {
    let (this, before) = (day_number(day), day_number(first_kept));
    for (q, d) in [
        ("DELETE FROM report_hours WHERE day = $1", this),
        ("DELETE FROM report_hour_days WHERE day = $1", this),
        ("DELETE FROM report_hours WHERE day < $1", before),
        ("DELETE FROM report_hour_days WHERE day < $1", before),
    ] {
        sqlx::query(q).bind(d).execute(&mut *tx).await?;
    }
    if !keep {
        return Ok(());
    }
    // Each hour is tallied from the complaints with an instant in it (the others add nothing
    // to it), so the hours together cost about what the day does.
    let slots = slots(a, b);
    let mut per: Vec<Vec<ReportRow>> = vec![Vec::new(); slots.len()];
    let first = slots.first().map_or(0, |s| s.0);
    for r in rows {
        let mut hours: Vec<usize> = instants(r)
            .filter(|t| *t >= a && *t < b)
            .map(|t| ((hour_of(us(t)) - first) / HOUR_US) as usize)
            .collect();
        hours.sort_unstable();
        hours.dedup();
        for h in hours {
            per[h].push(r.clone());
        }
    }
    let mut all = Vec::new();
    for ((hour, sa, sb), rows) in slots.into_iter().zip(per) {
        if !rows.is_empty() {
            all.extend(tally(sa, sb, &rows).into_iter().map(|t| (hour, t)));
        }
    }
    for chunk in all.chunks(400) {
        let mut sql = Sql::new(
            engine,
            "INSERT INTO report_hours (dim, day, at, value, delta, tally) VALUES ",
        );
        for (i, (hour, (dim, value, delta, bytes))) in chunk.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" })
                .bind(dim.clone())
                .push(", ")
                .bind(day_number(day))
                .push(", ")
                .bind(*hour)
                .push(", ")
                .bind(value.clone())
                .push(", ")
                .bind(*delta)
                .push(", ")
                .bind(bytes.clone())
                .push(")");
        }
        sql.build().execute(&mut *tx).await?;
    }
    sqlx::query("INSERT INTO report_hour_days (day) VALUES ($1)")
        .bind(day_number(day))
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Every instant of `r` a tally or a backlog change can count: receipt, end of the first open
/// span, first resolution, each reopen and its end.
fn instants(r: &ReportRow) -> impl Iterator<Item = Timestamp> + '_ {
    [Some(r.received_at), r.ended_at, r.first_resolved_at]
        .into_iter()
        .chain(r.reopens.iter().flat_map(|(s, e)| [Some(*s), *e]))
        .flatten()
}

/// The days among `marked` whose hours are stored.
pub(super) async fn stored_days(
    tx: &mut sqlx::AnyConnection,
    marked: &BTreeSet<Date>,
) -> StoreResult<BTreeSet<Date>> {
    if marked.is_empty() {
        return Ok(BTreeSet::new());
    }
    let days: Vec<i64> = sqlx::query_scalar("SELECT day FROM report_hour_days")
        .fetch_all(&mut *tx)
        .await?;
    Ok(marked
        .iter()
        .copied()
        .filter(|d| days.contains(&day_number(*d)))
        .collect())
}

/// What a report of `dim` (the values `values` keeps) reads of a marked `day` (window
/// `[a, b)`) whose hours are stored, into `out`: the stored tallies of its unmarked hours
/// (tallies only when the day is in the range, from `from` on; backlog changes always), and
/// the complaints of the hours in `marked_hours` (hour starts), each run of adjacent marked
/// hours read as one window.
///
/// Errors: the database's.
pub(super) async fn read_day(
    tx: &mut sqlx::AnyConnection,
    engine: Engine,
    (day, a, b): (Date, Timestamp, Timestamp),
    marked_hours: &BTreeSet<i64>,
    (dim, values, from): (&str, Kept<'_>, Date),
    out: &mut Rolled,
) -> StoreResult<()> {
    let mut sql = Sql::new(
        engine,
        "SELECT at, value, delta, tally FROM report_hours WHERE dim = ",
    );
    sql.bind(dim.to_owned())
        .push(" AND day = ")
        .bind(day_number(day));
    push_values(&mut sql, values);
    for r in sql.build().fetch_all(&mut *tx).await? {
        if marked_hours.contains(&r.try_get::<i64, _>("at")?) {
            continue;
        }
        let (value, delta): (String, i64) = (r.try_get("value")?, r.try_get("delta")?);
        if delta != 0 {
            out.deltas.push((day, value.clone(), delta));
        }
        if day >= from {
            out.tallies.push((day, value, r.try_get("tally")?));
        }
    }
    let mut windows: Vec<(Timestamp, Timestamp)> = Vec::new();
    for (_, sa, sb) in slots(a, b)
        .into_iter()
        .filter(|s| marked_hours.contains(&s.0))
    {
        match windows.last_mut() {
            Some((_, end)) if *end == sa => *end = sb,
            _ => windows.push((sa, sb)),
        }
    }
    for (sa, sb) in windows {
        let rows = day_rows(&mut *tx, engine, sa, sb).await?;
        out.rows.push((day, sa, sb, rows));
    }
    Ok(())
}

/// Per local day, the starts of the UTC hours its marks fall in (`days_of`: a mark's days).
pub(super) fn marked_hours(
    marks: &[i64],
    days_of: impl Fn(i64) -> [Date; 2],
) -> BTreeMap<Date, BTreeSet<i64>> {
    let mut out: BTreeMap<Date, BTreeSet<i64>> = BTreeMap::new();
    for &at in marks {
        for d in days_of(at) {
            out.entry(d).or_default().insert(hour_of(at));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_partition_a_window_off_the_hour() {
        // A St John's day (UTC−3:30): 03:30 to 03:30 the next day, UTC.
        let a = ts(3 * HOUR_US + HOUR_US / 2);
        let b = ts(27 * HOUR_US + HOUR_US / 2);
        let s = slots(a, b);
        assert_eq!(s.len(), 25);
        assert_eq!(s[0], (3 * HOUR_US, a, ts(4 * HOUR_US)));
        assert_eq!(s[24], (27 * HOUR_US, ts(27 * HOUR_US), b));
        for w in s.windows(2) {
            assert_eq!(w[0].2, w[1].1, "no gap, no overlap");
        }
        assert_eq!(hour_of(-1), -HOUR_US);
    }
}
