//! The complaints of one local day's window as the roll-up tallies them: those that count
//! with any event in it, each with all its reopen spells.

use std::collections::HashMap;

use jiff::Timestamp;
use sqlx::Row;

use super::ReportRow;
use super::rows::{COLUMNS, row};
use crate::kernel::engine::Engine;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::{opt_ts, ts, us};

/// The complaints that count with an event in `[a, b)` — received, first resolved, closed,
/// reopened or a reopened spell ended — each with all its reopen spells, by id.
pub(super) async fn day_rows(
    tx: &mut sqlx::AnyConnection,
    engine: Engine,
    a: Timestamp,
    b: Timestamp,
) -> StoreResult<Vec<ReportRow>> {
    let (a, b) = (us(a), us(b));
    let within = |sql: &mut Sql, col: &str| {
        sql.push(&format!("({col} >= "))
            .bind(a)
            .push(&format!(" AND {col} < "))
            .bind(b)
            .push(")");
    };
    // One index range per event column, united by id: an OR across them (with the reopens'
    // subquery as one arm) makes both engines scan every complaint instead.
    let rebuild = |head: &str| {
        let mut sql = Sql::new(engine, head.to_owned());
        sql.push(" AND c.kind = 'complaint' AND ")
            .push(crate::complaints::COUNTED)
            .push(" AND c.id IN (");
        for (i, (table, id, col)) in [
            ("complaints", "id", "received_at"),
            ("complaints", "id", "first_resolved_at"),
            ("complaints", "id", "closed_at"),
            ("complaint_reopens", "complaint_id", "reopened_at"),
            ("complaint_reopens", "complaint_id", "ended_at"),
        ]
        .into_iter()
        .enumerate()
        {
            let union = if i == 0 { "" } else { " UNION " };
            sql.push(&format!("{union}SELECT {id} FROM {table} WHERE "));
            within(&mut sql, col);
        }
        sql.push(")");
        sql
    };
    let mut spells: HashMap<i64, Vec<(Timestamp, Option<Timestamp>)>> = HashMap::new();
    let sql = rebuild(
        "SELECT r.complaint_id, r.reopened_at, r.ended_at FROM complaint_reopens r \
         JOIN complaints c ON c.id = r.complaint_id WHERE 1 = 1",
    );
    for r in sql.build().fetch_all(&mut *tx).await? {
        spells.entry(r.try_get("complaint_id")?).or_default().push((
            ts(r.try_get("reopened_at")?),
            opt_ts(r.try_get("ended_at")?),
        ));
    }
    let mut sql = rebuild(&format!("SELECT {COLUMNS} FROM complaints c WHERE 1 = 1"));
    sql.push(" ORDER BY c.id");
    let mut out = Vec::new();
    for r in sql.build().fetch_all(&mut *tx).await? {
        let id: i64 = r.try_get("id")?;
        let mut s = spells.remove(&id).unwrap_or_default();
        s.sort_unstable();
        out.push(row(&r, s)?);
    }
    Ok(out)
}
