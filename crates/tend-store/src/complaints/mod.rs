//! Complaints: reads, edits and actions with their timeline, steps, imports.

use tend_domain::kernel::reason::*;
mod insert;
mod refs;
mod rows;
mod step_rows;

pub(crate) use insert::insert_batch;
pub(crate) use rows::{SELECT, from_row};
use rows::{UPDATE, bind_record};

use jiff::Timestamp;
use sqlx::{AnyConnection, AssertSqlSafe, Row};
use tend_domain::DomainError;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::complaints::timeline::{Change, TimelineEntry, diff};
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::{ComplaintId, EmployeeId};

use crate::error::{StoreError, StoreResult};
use crate::search;
use crate::store::Store;
use crate::time::{ts, us};

/// Who made a change, as the timeline records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: Option<EmployeeId>,
    pub label: String,
}

impl Actor {
    pub fn employee(id: EmployeeId, name: &str) -> Self {
        Actor {
            id: Some(id),
            label: name.to_owned(),
        }
    }

    pub fn system(label: &str) -> Self {
        Actor {
            id: None,
            label: label.to_owned(),
        }
    }
}

/// A stored complaint.
#[derive(Debug, Clone, PartialEq)]
pub struct Complaint {
    pub id: ComplaintId,
    pub reference: String,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub record: ComplaintRecord,
}

/// How an import ended: rows stored, and rows already present (matched on their source id).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub inserted: u64,
    pub already_present: u64,
}

async fn append_events(
    conn: &mut AnyConnection,
    id: ComplaintId,
    actor: &Actor,
    action: &str,
    changes: &[Change],
    now: Timestamp,
) -> sqlx::Result<()> {
    for c in changes {
        sqlx::query(
            "INSERT INTO complaint_events (complaint_id, at, actor_id, actor, action, field, old_value, new_value) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id.0)
        .bind(us(now))
        .bind(actor.id.map(|e| e.0))
        .bind(actor.label.clone())
        .bind(action.to_owned())
        .bind(c.field)
        .bind(c.old.clone())
        .bind(c.new.clone())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Fields whose text feeds the search index.
const SEARCHED: [&str; 5] = [
    "description",
    "subject",
    "facts",
    "agreed_solution",
    "customer_id",
];

impl Store {
    pub async fn complaint(&self, id: ComplaintId) -> StoreResult<Complaint> {
        let row = sqlx::query(AssertSqlSafe(format!("{} WHERE c.id = $1", *SELECT)))
            .bind(id.0)
            .fetch_optional(self.read())
            .await?
            .ok_or(StoreError::NotFound("complaint"))?;
        from_row(&row)
    }

    /// Changes a complaint under the method's rules: `change` edits the record or refuses; the
    /// changed fields become timeline entries under `action`, all in one transaction. With
    /// `expected_version`, a complaint changed by someone else since is a conflict.
    pub async fn change_complaint(
        &self,
        id: ComplaintId,
        expected_version: Option<i64>,
        actor: &Actor,
        action: &str,
        now: Timestamp,
        change: impl FnOnce(&mut ComplaintRecord) -> Result<(), DomainError>,
    ) -> StoreResult<Complaint> {
        let mut tx = self.write().begin().await?;
        let row = sqlx::query(AssertSqlSafe(format!("{} WHERE c.id = $1", *SELECT)))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound("complaint"))?;
        let mut current = from_row(&row)?;
        if let Some(v) = expected_version.filter(|v| *v != current.version) {
            return Err(StoreError::Conflict {
                field: "version",
                reason: VERSION_CHANGED
                    .with("expected", v)
                    .with("current", current.version),
            });
        }
        let before = current.record.snapshot();
        change(&mut current.record)?;
        let changes = diff(&before, &current.record.snapshot());
        if changes.is_empty() {
            return Ok(current);
        }
        let problems = refs::check(&mut tx, self.engine(), &[&current.record])
            .await?
            .pop()
            .unwrap_or_default();
        if !problems.is_empty() {
            return Err(StoreError::invalid(problems));
        }
        let done = bind_record(sqlx::query(AssertSqlSafe(UPDATE.as_str())), &current.record)
            .bind(us(now))
            .bind(id.0)
            .bind(current.version)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::unique(e, "external_id", DUPLICATE_COMPLAINT_OTHER))?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict {
                field: "version",
                reason: CHANGED_MEANWHILE.into(),
            });
        }
        append_events(&mut tx, id, actor, action, &changes, now).await?;
        if changes.iter().any(|c| SEARCHED.contains(&c.field)) {
            search::reindex(&mut tx, self.engine(), id).await?;
        }
        tx.commit().await?;
        current.version += 1;
        current.updated_at = now;
        Ok(current)
    }

    /// Appends a dated step taken; steps, like the timeline, are never edited.
    pub async fn add_step(
        &self,
        id: ComplaintId,
        actor: &Actor,
        text: &str,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let text = tend_domain::kernel::text::LongText::parse(text)
            .map_err(|r| StoreError::field("text", r))?;
        let mut tx = self.write().begin().await?;
        let bumped = sqlx::query(
            "UPDATE complaints SET version = version + 1, updated_at = $1 WHERE id = $2",
        )
        .bind(us(now))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        if bumped.rows_affected() == 0 {
            return Err(StoreError::NotFound("complaint"));
        }
        let row = sqlx::query("INSERT INTO complaint_steps (complaint_id, at, author_id, text) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(id.0)
            .bind(us(now))
            .bind(actor.id.map(|e| e.0))
            .bind(text.as_str().to_owned())
            .fetch_one(&mut *tx)
            .await?;
        let step = Change {
            field: "steps",
            old: None,
            new: Some(text.into_string()),
        };
        append_events(&mut tx, id, actor, "step_added", &[step], now).await?;
        search::reindex(&mut tx, self.engine(), id).await?;
        tx.commit().await?;
        Ok(row.try_get("id")?)
    }

    /// The steps taken, oldest first: `(id, at, author id, text)`.
    pub async fn steps(
        &self,
        id: ComplaintId,
    ) -> StoreResult<Vec<(i64, Timestamp, Option<EmployeeId>, String)>> {
        let rows = sqlx::query("SELECT id, at, author_id, text FROM complaint_steps WHERE complaint_id = $1 ORDER BY id")
            .bind(id.0)
            .fetch_all(self.read())
            .await?;
        rows.iter()
            .map(|r| {
                let author: Option<i64> = r.try_get("author_id")?;
                Ok((
                    r.try_get("id")?,
                    ts(r.try_get("at")?),
                    author.map(EmployeeId),
                    r.try_get("text")?,
                ))
            })
            .collect()
    }

    /// Every timeline entry of a complaint, oldest first.
    pub async fn timeline(&self, id: ComplaintId) -> StoreResult<Vec<TimelineEntry>> {
        let rows = sqlx::query(
            "SELECT id, at, actor_id, actor, action, field, old_value, new_value FROM complaint_events \
             WHERE complaint_id = $1 ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let actor_id: Option<i64> = r.try_get("actor_id")?;
                Ok(TimelineEntry {
                    id: r.try_get("id")?,
                    complaint_id: id,
                    at: ts(r.try_get("at")?),
                    actor_id: actor_id.map(EmployeeId),
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    field: r.try_get("field")?,
                    old_value: r.try_get("old_value")?,
                    new_value: r.try_get("new_value")?,
                })
            })
            .collect()
    }

    /// Stores many complaints in one transaction: all or nothing. Records whose
    /// `(source, external_id)` is stored already are counted, not duplicated.
    pub async fn import_complaints(
        &self,
        records: &[ComplaintRecord],
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let rows: Vec<_> = records.iter().map(|r| (None, r.clone())).collect();
        self.import(rows, actor, now).await
    }

    /// Like `import_complaints`, each record with the customer it belongs to: a customer with an
    /// `external_ref` stored already is reused, so re-imports do not duplicate customers either.
    pub async fn import(
        &self,
        rows: Vec<(Option<Customer>, ComplaintRecord)>,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let mut tx = self.write().begin().await?;
        let mut out = ImportOutcome::default();
        let (customers, mut records): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
        let with: Vec<usize> = (0..customers.len())
            .filter(|&i| customers[i].is_some())
            .collect();
        let given: Vec<&Customer> = with.iter().filter_map(|&i| customers[i].as_ref()).collect();
        let ids = crate::customers::upsert_batch(&mut tx, self.engine(), &given, now).await?;
        for (i, id) in with.into_iter().zip(ids) {
            records[i].customer_id = id;
        }
        for chunk in records.chunks(2000) {
            let batch: Vec<_> = chunk.iter().map(|r| (r, actor)).collect();
            for stored in insert_batch(&mut tx, self.engine(), &batch, now).await? {
                match stored? {
                    Some(_) => out.inserted += 1,
                    None => out.already_present += 1,
                }
            }
        }
        tx.commit().await?;
        self.analyze().await?;
        Ok(out)
    }

    /// Every complaint, oldest first, in pages of `batch` (for exports).
    pub async fn all_complaints_after(
        &self,
        after: Option<ComplaintId>,
        batch: u32,
    ) -> StoreResult<Vec<Complaint>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{} WHERE c.id > $1 ORDER BY c.id LIMIT $2",
            *SELECT
        )))
        .bind(after.map_or(0, |a| a.0))
        .bind(i64::from(batch))
        .fetch_all(self.read())
        .await?;
        rows.iter().map(from_row).collect()
    }
}
