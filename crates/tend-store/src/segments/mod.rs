//! Customer segments kept as their versions: creating one stores its first version, a change
//! or archiving appends the next (the tables refuse UPDATE and DELETE on both engines), with
//! who and when; the version in force is the newest. `members` turns a segment's rule into the
//! one SQL condition every query that narrows to a segment pushes.

mod members;

pub use members::Members;
pub(crate) use members::{member_ids, outsider_ids};

use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::SEGMENT_CHANGED_MEANWHILE;
use tend_domain::segments::{Segment, SegmentDraft};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Sql;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One version of a segment: its number (1, 2, …), the definition as it then was, whether it
/// was archived by it, who saved it (id and name) and when.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentVersion {
    pub version: i64,
    pub segment: Segment,
    pub archived: bool,
    pub saved_by: EmployeeId,
    pub saved_by_name: String,
    pub saved_at: Timestamp,
}

/// A segment: its id, who created it when, and its versions oldest first (the last in force).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSegment {
    pub id: i64,
    pub created_by: EmployeeId,
    pub created_at: Timestamp,
    pub versions: Vec<SegmentVersion>,
}

impl StoredSegment {
    /// The version in force.
    pub fn current(&self) -> &SegmentVersion {
        self.versions.last().expect("a segment has a first version")
    }
}

const SELECT: &str = "SELECT v.segment_id, s.created_by, s.created_at, v.version, v.definition, \
     v.archived, v.saved_by, e.name AS saved_by_name, v.saved_at FROM segment_versions v \
     JOIN segments s ON s.id = v.segment_id JOIN employees e ON e.id = v.saved_by";

fn decode(row: &AnyRow) -> StoreResult<SegmentVersion> {
    let bad = |why: String| {
        StoreError::Database(sqlx::Error::ColumnDecode {
            index: "segment_versions.definition".into(),
            source: why.into(),
        })
    };
    let json: String = row.try_get("definition")?;
    let draft: SegmentDraft = serde_json::from_str(&json).map_err(|e| bad(e.to_string()))?;
    let segment = draft.validate().map_err(|e| bad(e.to_string()))?;
    Ok(SegmentVersion {
        version: row.try_get("version")?,
        segment,
        archived: row.try_get::<i64, _>("archived")? == 1,
        saved_by: EmployeeId(row.try_get("saved_by")?),
        saved_by_name: row.try_get("saved_by_name")?,
        saved_at: ts(row.try_get("saved_at")?),
    })
}

impl Store {
    /// Stores a new segment with `s` as its first version, saved by `by` at `now`; its id.
    pub async fn create_segment(
        &self,
        s: &Segment,
        by: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO segments (created_by, created_at) VALUES (",
        );
        sql.bind(by.0)
            .push(", ")
            .bind(us(now))
            .push(") RETURNING id");
        let id: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("id")?;
        insert_version(self, &mut tx, id, 1, s, false, by, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Appends `s` (archived or not) as segment `id`'s next version, saved by `by` at `now`;
    /// its number. `NotFound("segment")` when there is no such segment; a lost race for the
    /// same number is a conflict on `version`.
    pub async fn change_segment(
        &self,
        id: i64,
        s: &Segment,
        archived: bool,
        by: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        let mut sql = Sql::new(
            self.engine(),
            "SELECT COALESCE(MAX(version), 0) AS v FROM segment_versions WHERE segment_id = ",
        );
        sql.bind(id);
        let last: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("v")?;
        if last == 0 {
            return Err(StoreError::NotFound("segment"));
        }
        insert_version(self, &mut tx, id, last + 1, s, archived, by, now).await?;
        tx.commit().await?;
        Ok(last + 1)
    }

    /// Every segment with its versions, by id; archived ones only when `archived`.
    pub async fn segments(&self, archived: bool) -> StoreResult<Vec<StoredSegment>> {
        let all = self.read_segments(None).await?;
        Ok(all
            .into_iter()
            .filter(|s| archived || !s.current().archived)
            .collect())
    }

    /// Segment `id` with its versions (archived or not); `NotFound("segment")` when none.
    pub async fn segment(&self, id: i64) -> StoreResult<StoredSegment> {
        self.read_segments(Some(id))
            .await?
            .pop()
            .ok_or(StoreError::NotFound("segment"))
    }

    async fn read_segments(&self, id: Option<i64>) -> StoreResult<Vec<StoredSegment>> {
        let mut sql = Sql::new(self.engine(), SELECT);
        if let Some(id) = id {
            sql.push(" WHERE v.segment_id = ").bind(id);
        }
        sql.push(" ORDER BY v.segment_id, v.version");
        let mut out: Vec<StoredSegment> = Vec::new();
        for row in sql.build().fetch_all(self.read()).await? {
            let segment_id: i64 = row.try_get("segment_id")?;
            let v = decode(&row)?;
            match out.last_mut() {
                Some(s) if s.id == segment_id => s.versions.push(v),
                _ => out.push(StoredSegment {
                    id: segment_id,
                    created_by: EmployeeId(row.try_get("created_by")?),
                    created_at: ts(row.try_get("created_at")?),
                    versions: vec![v],
                }),
            }
        }
        Ok(out)
    }
}

#[allow(clippy::too_many_arguments)]
async fn insert_version(
    store: &Store,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    version: i64,
    s: &Segment,
    archived: bool,
    by: EmployeeId,
    now: Timestamp,
) -> StoreResult<()> {
    let json = serde_json::to_string(&s.draft()).expect("a draft serialises");
    let mut sql = Sql::new(
        store.engine(),
        "INSERT INTO segment_versions (segment_id, version, name, definition, archived, \
         saved_by, saved_at) VALUES (",
    );
    sql.bind(id)
        .push(", ")
        .bind(version)
        .push(", ")
        .bind(s.name.to_string())
        .push(", ")
        .bind(json)
        .push(", ")
        .bind(i64::from(archived))
        .push(", ")
        .bind(by.0)
        .push(", ")
        .bind(us(now))
        .push(")");
    sql.build()
        .execute(&mut **tx)
        .await
        .map_err(|e| StoreError::unique(e, "version", SEGMENT_CHANGED_MEANWHILE))?;
    Ok(())
}
