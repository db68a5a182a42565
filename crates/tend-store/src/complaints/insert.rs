//! Inserting new complaints in batches: a few multi-row statements per batch instead of a
//! handful per complaint, which is what makes group commit pay off on both engines.

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::complaints::ComplaintRecord;
use tend_domain::kernel::ids::{ComplaintId, complaint_reference};

use super::rows::{RECORD_COLUMNS, values};
use super::{Actor, Complaint};
use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::search;
use crate::kernel::sql::{Sql, Statements, V, match_ids};
use crate::kernel::time::us;

/// Rows per statement: 42 parameters each keeps a statement well under both engines' limits.
const CHUNK: usize = 400;

/// Inserts each record, adding its `created` timeline entry and search document to `st` (the
/// caller sends them, with its own writes). Per record: `Ok(Some)` stored, `Ok(None)` its
/// `(source, external_id)` is stored already, `Err` its own fault (a missing customer, say).
/// The outer error aborts the caller's transaction.
pub(crate) async fn insert_batch(
    conn: &mut AnyConnection,
    engine: Engine,
    rows: &[(&ComplaintRecord, &Actor)],
    now: Timestamp,
    st: &mut Statements,
) -> sqlx::Result<Vec<StoreResult<Option<Complaint>>>> {
    let records: Vec<&ComplaintRecord> = rows.iter().map(|(r, _)| *r).collect();
    let problems = super::refs::check(conn, engine, &records).await?;
    let mut out: Vec<StoreResult<Option<Complaint>>> = Vec::with_capacity(rows.len());
    let mut valid = Vec::new();
    for (i, p) in problems.into_iter().enumerate() {
        if p.is_empty() {
            valid.push(i);
            out.push(Ok(None));
        } else {
            out.push(Err(StoreError::invalid(p)));
        }
    }
    let mut created: Vec<(ComplaintId, usize)> = Vec::with_capacity(valid.len());
    for chunk in valid.chunks(CHUNK) {
        let ids = insert_rows(conn, engine, chunk.iter().map(|&i| records[i]), now).await?;
        for (&i, id) in chunk.iter().zip(ids) {
            if let Some(id) = id {
                created.push((id, i));
            }
        }
    }
    for chunk in created.chunks(CHUNK) {
        let sql = st.next(
            "INSERT INTO complaint_events (complaint_id, at, actor_id, actor, action, field, new_value) VALUES ",
        );
        for (n, &(id, i)) in chunk.iter().enumerate() {
            let (r, actor) = rows[i];
            sql.push(if n == 0 { "(" } else { ", (" });
            sql.bind(id.0)
                .push(", ")
                .bind(us(now))
                .push(", ")
                .bind(actor.id.map(|e| e.0))
                .push(", ");
            sql.bind(actor.label.clone())
                .push(", 'created', 'reference', ")
                .bind(reference(r, id))
                .push(")");
        }
        let ids: Vec<ComplaintId> = chunk.iter().map(|(id, _)| *id).collect();
        search::push_new(conn, engine, &ids, st).await?;
    }
    for (id, i) in created {
        let r = records[i];
        out[i] = Ok(Some(Complaint {
            id,
            reference: reference(r, id),
            version: 1,
            created_at: now,
            updated_at: now,
            record: r.clone(),
        }));
    }
    Ok(out)
}

fn reference(r: &ComplaintRecord, id: ComplaintId) -> String {
    complaint_reference(year_of(r), id)
}

/// The year a new complaint's reference carries, kept in `reference_year` for good: the UTC
/// year of its `received_at` at creation.
pub(super) fn year_of(r: &ComplaintRecord) -> i16 {
    r.received_at.to_zoned(jiff::tz::TimeZone::UTC).year()
}

/// One multi-row INSERT; the id of each record, or `None` where its source id is stored already
/// (or repeated earlier in the same batch).
async fn insert_rows<'a>(
    conn: &mut AnyConnection,
    engine: Engine,
    records: impl Iterator<Item = &'a ComplaintRecord>,
    now: Timestamp,
) -> sqlx::Result<Vec<Option<ComplaintId>>> {
    let records: Vec<&ComplaintRecord> = records.collect();
    let mut sql = Sql::new(
        engine,
        format!(
            "INSERT INTO complaints ({}, version, created_at, updated_at, reference_year) VALUES ",
            RECORD_COLUMNS.join(", ")
        ),
    );
    for (n, r) in records.iter().enumerate() {
        let year = i64::from(year_of(r));
        let bookkeeping = [
            V::from(1),
            V::from(us(now)),
            V::from(us(now)),
            V::from(year),
        ];
        sql.push_tuple(n, values(r).into_iter().chain(bookkeeping));
    }
    sql.push(" ON CONFLICT (source, external_id) DO NOTHING RETURNING id, source, external_id");
    let returned = sql.build().fetch_all(&mut *conn).await?;
    let returned = returned
        .iter()
        .map(|row| {
            let ext: Option<String> = row.try_get("external_id")?;
            let key = ext
                .map(|e| row.try_get::<String, _>("source").map(|s| (s, e)))
                .transpose()?;
            Ok((key, row.try_get("id")?))
        })
        .collect::<sqlx::Result<Vec<_>>>()?;
    let sent: Vec<_> = records
        .iter()
        .map(|r| r.external_id.clone().map(|e| (r.source.clone(), e)))
        .collect();
    Ok(match_ids(returned, &sent)
        .into_iter()
        .map(|id| id.map(ComplaintId))
        .collect())
}
