//! The operations report's roll-up (migration 0192, docs/reports.md "Roll-ups"): the marks of
//! changed instants, the complaints whose events fall in a local day, and the stored tallies.
//! Readers take one snapshot; the job rewrites one marked day per transaction.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use sqlx::Row;
use tend_domain::goals::period::midnight;
use tend_domain::reports::{day_number, day_of_number};

use super::ReportRow;
use super::day_rows::day_rows;
use super::hours;
use super::kept::{Kept, push_values};
use super::rows::rows_on;
use super::segments::{Part, SegmentSet, current_set, stored_sets};
use crate::kernel::engine::Engine;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// The dimensions this version tallies (`report_rollup.format`, migrations 0195 and 0196): 3,
/// single fields, pairs and triples, for everyone and for each segment (2 had no segments').
/// Tallies of another format are never read: they are dropped and recounted, as after a change
/// of zone. Bump it whenever `tend-app`'s `Dim::all` or what a segment tallies changes.
const FORMAT: i64 = 3;

/// A mark's span: writes are marked at their instant floored to 15 minutes.
pub const MARK_US: i64 = 900_000_000;

/// More marked days than this in reach and a report is counted live instead (a bulk import
/// waits for the job).
pub const MAX_MARKED_DAYS: usize = 45;

/// What a report reads through the roll-up: the dimension's tallies of the range's unmarked
/// days, every unmarked day's backlog change before the range's end, and the complaints of
/// the marked days before it (unfiltered but for a segment's own tallies, [`Part::Segment`]:
/// then only its members'; the caller tallies them like the job would).
#[derive(Debug, Default)]
pub struct Rolled {
    /// Marked local days before the range's end.
    pub marked: BTreeSet<Date>,
    /// (day, value, encoded tally) of unmarked days in the range.
    pub tallies: Vec<(Date, String, Vec<u8>)>,
    /// (day, value, backlog change) of unmarked days before the range's end.
    pub deltas: Vec<(Date, String, i64)>,
    /// Per marked day, its window and the complaints with an event in it.
    pub rows: Vec<(Date, Timestamp, Timestamp, Vec<ReportRow>)>,
    /// The rows the report asked to take out ([`Part::Outside`]), read in the same snapshot.
    pub outside: Vec<ReportRow>,
}

/// One stored tally: dimension, value, backlog change, encoded tally.
pub type DayTally = (String, String, i64, Vec<u8>);

/// The local days a mark's 15 minutes touch.
fn mark_days(at: i64, tz: &TimeZone) -> [Date; 2] {
    [at, at + MARK_US - 1].map(|t| ts(t).to_zoned(tz.clone()).date())
}

/// The local day's window `[midnight, next midnight)`.
pub fn window(d: Date, tz: &TimeZone) -> (Timestamp, Timestamp) {
    let next = d.tomorrow().unwrap_or(d);
    (midnight(d, tz), midnight(next, tz))
}

impl Store {
    /// A transaction on one snapshot (PostgreSQL: `REPEATABLE READ`; a SQLite transaction is
    /// one already) — on the read pool when `read_only`, else the writer — and the zone the
    /// stored tallies were counted in (none when there are none, or of another [`FORMAT`]).
    pub(crate) async fn rollup_snapshot(
        &self,
        read_only: bool,
    ) -> StoreResult<(sqlx::Transaction<'static, sqlx::Any>, Option<String>)> {
        let pool = if read_only { self.read() } else { self.write() };
        let mut tx = pool.begin().await?;
        if self.engine() == Engine::Postgres {
            let level = if read_only {
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
            } else {
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"
            };
            sqlx::query(level).execute(&mut *tx).await?;
        }
        let stored = sqlx::query_scalar("SELECT zone FROM report_rollup WHERE format = $1")
            .bind(FORMAT)
            .fetch_optional(&mut *tx)
            .await?;
        Ok((tx, stored))
    }

    /// Reads what a report of `dim` (the values `values` keeps) over the local days
    /// `[from, to)` needs through the roll-up, in one snapshot, for `part` (see [`Part`]);
    /// none when the tallies were counted in another zone than `zone`, more than
    /// [`MAX_MARKED_DAYS`] are marked, or a segment's stored set is not its members.
    pub async fn report_rolled(
        &self,
        zone: &str,
        tz: &TimeZone,
        dim: &str,
        values: Kept<'_>,
        (from, to): (Date, Date),
        part: Part<'_>,
    ) -> StoreResult<Option<Rolled>> {
        let (mut tx, stored) = self.rollup_snapshot(true).await?;
        if stored.as_deref() != Some(zone) {
            return Ok(None);
        }
        let set = match part {
            Part::Segment(id, m) => match current_set(&mut tx, self.engine(), id, m).await? {
                Some(set) => Some(set),
                None => return Ok(None),
            },
            _ => None,
        };
        let marks: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT at FROM report_changes")
            .fetch_all(&mut *tx)
            .await?;
        let marked: BTreeSet<Date> = marks
            .iter()
            .flat_map(|&at| mark_days(at, tz))
            .filter(|d| *d < to)
            .collect();
        if marked.len() > MAX_MARKED_DAYS {
            return Ok(None);
        }
        let mut out = Rolled {
            marked,
            ..Rolled::default()
        };
        let mut sql = Sql::new(
            self.engine(),
            "SELECT day, value, tally FROM report_days WHERE dim = ".to_owned(),
        );
        sql.bind(dim.to_owned())
            .push(" AND day >= ")
            .bind(day_number(from))
            .push(" AND day < ")
            .bind(day_number(to));
        push_values(&mut sql, values);
        for r in sql.build().fetch_all(&mut *tx).await? {
            let day = day_of_number(r.try_get("day")?);
            if !out.marked.contains(&day) {
                out.tallies
                    .push((day, r.try_get("value")?, r.try_get("tally")?));
            }
        }
        let mut sql = Sql::new(
            self.engine(),
            "SELECT day, value, delta FROM report_days WHERE delta <> 0 AND dim = ".to_owned(),
        );
        sql.bind(dim.to_owned())
            .push(" AND day < ")
            .bind(day_number(to));
        push_values(&mut sql, values);
        for r in sql.build().fetch_all(&mut *tx).await? {
            let day = day_of_number(r.try_get("day")?);
            if !out.marked.contains(&day) {
                out.deltas
                    .push((day, r.try_get("value")?, r.try_get("delta")?));
            }
        }
        // A marked day whose hours are stored: only its marked hours from the complaints.
        let by_hour = hours::stored_days(&mut tx, &out.marked).await?;
        let marked_hours = hours::marked_hours(&marks, |at| mark_days(at, tz));
        for &d in &out.marked.clone() {
            let (a, b) = window(d, tz);
            match marked_hours.get(&d).filter(|_| by_hour.contains(&d)) {
                Some(hours) => {
                    let want = (dim, values, from);
                    hours::read_day(&mut tx, self.engine(), (d, a, b), hours, want, &mut out)
                        .await?;
                }
                None => {
                    let rows = day_rows(&mut tx, self.engine(), a, b).await?;
                    out.rows.push((d, a, b, rows));
                }
            }
        }
        if let Some(set) = &set {
            for (_, _, _, rows) in &mut out.rows {
                rows.retain(|r| set.contains(r.customer_id));
            }
        }
        if let Part::Outside(q) = part {
            out.outside = rows_on(&mut tx, self.engine(), q).await?;
        }
        tx.commit().await?;
        Ok(Some(out))
    }

    /// One step of the roll-up job in one transaction: when the tallies were counted in
    /// another zone (or never), drops them and marks every instant of every complaint (one
    /// step); otherwise recounts the earliest marked day with `tally` (given a window and the
    /// complaints with an event in it, and the segments' stored sets) and clears the marks
    /// wholly inside it. A day whose window ends after `recent_from` is also tallied per UTC
    /// hour (`report_hours`); older days' hours are dropped. Returns whether anything was
    /// done (false: nothing is marked).
    pub async fn report_roll_up_step(
        &self,
        zone: &str,
        tz: &TimeZone,
        recent_from: Timestamp,
        tally: impl Fn(Timestamp, Timestamp, &[ReportRow], &[SegmentSet]) -> Vec<DayTally>,
    ) -> StoreResult<bool> {
        let (mut tx, stored) = self.rollup_snapshot(false).await?;
        if stored.as_deref() != Some(zone) {
            for q in [
                "DELETE FROM report_days",
                "DELETE FROM report_hours",
                "DELETE FROM report_hour_days",
                "DELETE FROM complainant_days",
                "DELETE FROM report_changes",
                "DELETE FROM report_rollup",
                "INSERT INTO report_changes (at) SELECT DISTINCT x / 900000000 * 900000000 FROM (\
                 SELECT received_at AS x FROM complaints UNION SELECT first_resolved_at FROM complaints \
                 UNION SELECT closed_at FROM complaints UNION SELECT reopened_at FROM complaint_reopens \
                 UNION SELECT ended_at FROM complaint_reopens) m WHERE x IS NOT NULL",
            ] {
                sqlx::query(q).execute(&mut *tx).await?;
            }
            sqlx::query("INSERT INTO report_rollup (id, zone, format) VALUES (1, $1, $2)")
                .bind(zone.to_owned())
                .bind(FORMAT)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            return Ok(true);
        }
        let marks: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT at FROM report_changes")
            .fetch_all(&mut *tx)
            .await?;
        let Some(day) = marks.iter().flat_map(|&at| mark_days(at, tz)).min() else {
            return Ok(false);
        };
        let (a, b) = window(day, tz);
        let rows = day_rows(&mut tx, self.engine(), a, b).await?;
        let sets = stored_sets(&mut tx).await?;
        sqlx::query("DELETE FROM report_days WHERE day = $1")
            .bind(day_number(day))
            .execute(&mut *tx)
            .await?;
        for (dim, value, delta, bytes) in tally(a, b, &rows, &sets) {
            sqlx::query(
                "INSERT INTO report_days (dim, day, value, delta, tally) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(dim)
            .bind(day_number(day))
            .bind(value)
            .bind(delta)
            .bind(bytes)
            .execute(&mut *tx)
            .await?;
        }
        let first_kept = recent_from.to_zoned(tz.clone()).date();
        let keep = (day >= first_kept, first_kept);
        let tally = |a, b, rows: &[ReportRow]| tally(a, b, rows, &sets);
        hours::write(&mut tx, self.engine(), (day, a, b), &rows, keep, &tally).await?;
        crate::problems::recount_complainant_days(&mut tx, us(a), us(b)).await?;
        // Marks wholly inside the day; one that spans two days (a zone whose midnight is not
        // on a quarter hour) stays, and its other day is recounted in turn.
        let done: Vec<i64> = marks
            .into_iter()
            .filter(|&at| mark_days(at, tz) == [day, day])
            .collect();
        for chunk in done.chunks(500) {
            let mut sql = Sql::new(
                self.engine(),
                "DELETE FROM report_changes WHERE at IN (".to_owned(),
            );
            for (i, at) in chunk.iter().enumerate() {
                sql.push(if i == 0 { "" } else { ", " }).bind(*at);
            }
            sql.push(")");
            sql.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
