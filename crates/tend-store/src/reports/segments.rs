//! A customer segment's own roll-up (migration 0196, docs/reports.md "Segments"): the member
//! set the job tallied a segment's days for (`report_segments`), brought up to date by marking
//! the complaints of every customer who came in or left, and checked by a report against the
//! segment's members computed in the report's own snapshot.

use roaring::RoaringTreemap;
use sqlx::{AnyConnection, Row};

use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::segments::{Members, member_ids};
use crate::store::Store;

use super::ReportRows;

/// Customers per statement when marking the complaints of those who came in or left.
const MARK_CHUNK: usize = 500;

/// A segment's members as the job tallied its days for them: customer ids.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentSet {
    pub id: i64,
    members: RoaringTreemap,
}

impl SegmentSet {
    /// Whether customer `id` is a member.
    pub fn contains(&self, customer: i64) -> bool {
        self.members.contains(customer as u64)
    }
}

/// Where the roll-up keeps segment `id`'s tallies of dimension `code` (`report_days.dim`):
/// `s<id>:<code>`, e.g. `s7:channel+tier`.
pub fn segment_dim(id: i64, code: &str) -> String {
    format!("s{id}:{code}")
}

/// The ids (ascending) as a set.
fn set_of(ids: &[i64]) -> RoaringTreemap {
    ids.iter().map(|&i| i as u64).collect()
}

/// A stored set, or none when it does not decode (damaged): then it is as if never stored, so
/// reports fall back and the job counts the segment afresh.
fn decode(id: i64, bytes: &[u8]) -> Option<RoaringTreemap> {
    match RoaringTreemap::deserialize_from(bytes) {
        Ok(set) => Some(set),
        Err(e) => {
            tracing::warn!(segment = id, error = %e, "report_segments: a set does not decode");
            None
        }
    }
}

/// Every stored set that decodes, by segment id.
pub(super) async fn stored_sets(conn: &mut AnyConnection) -> StoreResult<Vec<SegmentSet>> {
    let rows = sqlx::query("SELECT segment_id, members FROM report_segments ORDER BY segment_id")
        .fetch_all(&mut *conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (id, bytes): (i64, Vec<u8>) = (r.try_get("segment_id")?, r.try_get("members")?);
        if let Some(members) = decode(id, &bytes) {
            out.push(SegmentSet { id, members });
        }
    }
    Ok(out)
}

async fn stored_set(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<RoaringTreemap>> {
    let bytes: Option<Vec<u8>> =
        sqlx::query_scalar("SELECT members FROM report_segments WHERE segment_id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(bytes.and_then(|b| decode(id, &b)))
}

/// Segment `id`'s stored set when it is exactly the members of `m` in this snapshot (so its
/// tallies count them); none otherwise (never tallied, or the members changed since).
pub(super) async fn current_set(
    conn: &mut AnyConnection,
    engine: Engine,
    id: i64,
    m: &Members,
) -> StoreResult<Option<SegmentSet>> {
    let Some(stored) = stored_set(conn, id).await? else {
        return Ok(None);
    };
    let now = set_of(&member_ids(conn, engine, m).await?);
    Ok((now == stored).then_some(SegmentSet {
        id,
        members: stored,
    }))
}

/// Marks every instant of the complaints of `customers` (their days are recounted), as the
/// triggers do: SQLite's marks are unique (a quarter-hour already marked stays as it is);
/// PostgreSQL's are always inserted, since a step deletes only the marks its snapshot saw, so
/// a mark committed beside a running step must be a row of its own. The ids are written into
/// the statement as numbers: each branch is then served by the `complaints_customer` index.
async fn mark_customers(
    conn: &mut AnyConnection,
    engine: Engine,
    customers: &[u64],
) -> StoreResult<()> {
    let unique = match engine {
        Engine::Sqlite => " ON CONFLICT (at) DO NOTHING",
        Engine::Postgres => "",
    };
    for chunk in customers.chunks(MARK_CHUNK) {
        let ids: Vec<String> = chunk.iter().map(|&id| (id as i64).to_string()).collect();
        let ids = ids.join(", ");
        let reopens = "FROM complaint_reopens o JOIN complaints c ON c.id = o.complaint_id";
        let q = format!(
            "INSERT INTO report_changes (at) SELECT DISTINCT x / 900000000 * 900000000 FROM (\
             SELECT received_at AS x FROM complaints WHERE customer_id IN ({ids}) \
             UNION ALL SELECT first_resolved_at FROM complaints WHERE customer_id IN ({ids}) \
             UNION ALL SELECT closed_at FROM complaints WHERE customer_id IN ({ids}) \
             UNION ALL SELECT o.reopened_at {reopens} WHERE c.customer_id IN ({ids}) \
             UNION ALL SELECT o.ended_at {reopens} WHERE c.customer_id IN ({ids})\
             ) m WHERE x IS NOT NULL{unique}"
        );
        // Numbers only: the ids are integers written by `to_string`.
        sqlx::query(sqlx::AssertSqlSafe(q))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

impl Store {
    /// Brings the segments' roll-up up to date: computes the members of each of `segments`
    /// (id, who is a member now) on a reader and, when any differs from its stored set or a
    /// stored set is of no segment given, in one transaction marks the complaints of the
    /// customers who came in or left and stores the new sets, and drops the set and the
    /// tallies of every other segment (archived, deleted, or now with a window). A segment
    /// with no stored set loses any tallies it still has, then all its members' complaints
    /// are marked. Returns how many sets changed.
    ///
    /// Errors: the database's.
    pub async fn report_segments_sync(&self, segments: &[(i64, Members)]) -> StoreResult<usize> {
        let engine = self.engine();
        // The members are computed on a reader, outside the writer's transaction (SQLite has
        // one writer): a set is only a set, and what makes its tallies right is marking the
        // customers who moved in the transaction that stores it.
        let mut sets = Vec::with_capacity(segments.len());
        let stored = {
            let mut conn = self.read().acquire().await?;
            for (id, m) in segments {
                sets.push((*id, set_of(&member_ids(&mut conn, engine, m).await?)));
            }
            stored_sets(&mut conn).await?
        };
        sets.sort_by_key(|(id, _)| *id);
        let same = stored.len() == sets.len()
            && stored
                .iter()
                .zip(&sets)
                .all(|(s, (id, now))| s.id == *id && s.members == *now);
        if same {
            return Ok(0);
        }
        let (mut tx, _) = self.rollup_snapshot(false).await?;
        let mut changed = 0;
        for (id, now) in &sets {
            let stored = stored_set(&mut tx, *id).await?;
            if stored.as_ref() == Some(now) {
                continue;
            }
            let moved: Vec<u64> = match &stored {
                Some(s) => (s ^ now).into_iter().collect(),
                None => {
                    // Counted afresh: tallies a step wrote for a set dropped beside it (or a
                    // damaged one) are of customers no mark would name.
                    drop_tallies(&mut tx, *id).await?;
                    now.iter().collect()
                }
            };
            mark_customers(&mut tx, engine, &moved).await?;
            let mut bytes = Vec::with_capacity(now.serialized_size());
            now.serialize_into(&mut bytes).map_err(StoreError::io)?;
            sqlx::query("DELETE FROM report_segments WHERE segment_id = $1")
                .bind(*id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO report_segments (segment_id, members) VALUES ($1, $2)")
                .bind(*id)
                .bind(bytes)
                .execute(&mut *tx)
                .await?;
            changed += 1;
        }
        let kept: Vec<i64> = sets.iter().map(|(id, _)| *id).collect();
        for s in stored_sets(&mut tx).await? {
            if kept.contains(&s.id) {
                continue;
            }
            sqlx::query("DELETE FROM report_segments WHERE segment_id = $1")
                .bind(s.id)
                .execute(&mut *tx)
                .await?;
            drop_tallies(&mut tx, s.id).await?;
        }
        tx.commit().await?;
        Ok(changed)
    }
}

/// Deletes every tally of segment `id`: its dimensions `s<id>:…` (no `%` or `_` in the prefix).
async fn drop_tallies(conn: &mut AnyConnection, id: i64) -> StoreResult<()> {
    for table in ["report_days", "report_hours"] {
        // `table` is one of the two names above.
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE dim LIKE $1"
        )))
        .bind(format!("s{id}:%"))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Whose complaints a report reads through the roll-up.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    /// Everyone's: the dimension's tallies as they are.
    All,
    /// Everyone's, plus the rows these ask for, read in the same snapshot (a segment's
    /// outsiders, whose part the caller takes out).
    Outside(&'a ReportRows),
    /// Segment `id`'s own tallies (the dimension given as [`segment_dim`]), when its stored
    /// set is exactly these members in the snapshot; the marked days' complaints are then
    /// only its members'.
    Segment(i64, &'a Members),
}
