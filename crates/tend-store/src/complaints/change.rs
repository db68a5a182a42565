//! Changing a complaint: a domain rule applied to the stored record, the changed fields
//! written with a version check and appended to the timeline, and dated steps — each in one
//! transaction, the search document rebuilt when its text changed.

use jiff::Timestamp;
use sqlx::{AnyConnection, AssertSqlSafe, Row};
use tend_domain::DomainError;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::complaints::timeline::{Change, diff};
use tend_domain::kernel::ids::ComplaintId;
use tend_domain::kernel::reason::*;
use tend_domain::kernel::text::LongText;

use super::rows::{SELECT, UPDATE, bind_record, from_row};
use super::{Actor, Complaint, refs};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::search;
use crate::kernel::time::us;
use crate::store::Store;

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

/// A rule of the method applied to the record: it edits it or refuses.
pub type ChangeFn<'a> =
    Box<dyn FnOnce(&mut ComplaintRecord) -> Result<(), DomainError> + Send + 'a>;

/// One thing done to a complaint in [`Store::change_complaint_all`]: a change under an action's
/// name, a dated step taken, or rows another capability writes in the same transaction.
pub enum Entry<'a> {
    Change(&'static str, ChangeFn<'a>),
    Step(String),
    Write(Write<'a>),
}

/// Rows written in a change's transaction, after the record (e.g. a message of the
/// conversation), with the timeline entries they make under `action`. Made inside the store.
pub struct Write<'a> {
    pub(crate) action: &'static str,
    pub(crate) changes: Vec<Change>,
    pub(crate) write: WriteFn<'a>,
}

/// What a [`Write`] does on the transaction's connection.
pub(crate) type WriteFn<'a> = Box<
    dyn for<'c> FnOnce(
            &'c mut AnyConnection,
        ) -> futures_util::future::BoxFuture<'c, StoreResult<()>>
        + Send
        + 'a,
>;

impl Store {
    /// Changes a complaint under the method's rules: `change` edits the record or refuses; the
    /// changed fields become timeline entries under `action`, all in one transaction. With
    /// `expected_version`, a complaint changed by someone else since is a conflict.
    pub async fn change_complaint(
        &self,
        id: ComplaintId,
        expected_version: Option<i64>,
        actor: &Actor,
        action: &'static str,
        now: Timestamp,
        change: impl FnOnce(&mut ComplaintRecord) -> Result<(), DomainError> + Send,
    ) -> StoreResult<Complaint> {
        let entries = vec![Entry::Change(action, Box::new(change))];
        self.change_complaint_all(id, expected_version, actor, now, entries)
            .await
    }

    /// Several changes and steps, in order, in one transaction: each change's fields become
    /// timeline entries under its action, each step is appended like [`Store::add_step`]'s; the
    /// version goes up by one per change that changed something and per step, as if each had
    /// been its own call. The first refusal refuses them all; nothing is stored.
    pub async fn change_complaint_all(
        &self,
        id: ComplaintId,
        expected_version: Option<i64>,
        actor: &Actor,
        now: Timestamp,
        entries: Vec<Entry<'_>>,
    ) -> StoreResult<Complaint> {
        let mut tx = self.write().begin().await?;
        let changed = self
            .change_in(&mut tx, id, expected_version, actor, now, entries)
            .await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// [`Store::change_complaint_all`] inside a transaction the caller opened (and commits),
    /// so another write — an answer that causes the change — stands or falls with it.
    pub(crate) async fn change_in(
        &self,
        tx: &mut AnyConnection,
        id: ComplaintId,
        expected_version: Option<i64>,
        actor: &Actor,
        now: Timestamp,
        entries: Vec<Entry<'_>>,
    ) -> StoreResult<Complaint> {
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
        let responded = current.record.understanding.first_response_at;
        let resolved = current.record.resolution.resolved_at;
        // What each entry did, in order: an action's changed fields, or a step's text.
        let mut done: Vec<(&'static str, Vec<Change>)> = Vec::new();
        let mut steps = Vec::new();
        let mut writes = Vec::new();
        for entry in entries {
            match entry {
                Entry::Change(action, change) => {
                    let before = current.record.snapshot();
                    change(&mut current.record)?;
                    let changes = diff(&before, &current.record.snapshot());
                    if !changes.is_empty() {
                        done.push((action, changes));
                    }
                }
                Entry::Step(text) => {
                    let text = LongText::parse(&text).map_err(|r| StoreError::field("text", r))?;
                    let step = Change {
                        field: "steps",
                        old: None,
                        new: Some(text.to_string()),
                    };
                    steps.push(text);
                    done.push(("step_added", vec![step]));
                }
                Entry::Write(w) => {
                    done.push((w.action, w.changes));
                    writes.push(w.write);
                }
            }
        }
        if done.is_empty() {
            return Ok(current);
        }
        let problems = refs::check(&mut *tx, self.engine(), &[&current.record])
            .await?
            .pop()
            .unwrap_or_default();
        if !problems.is_empty() {
            return Err(StoreError::invalid(problems));
        }
        let updated = bind_record(sqlx::query(AssertSqlSafe(UPDATE.as_str())), &current.record)
            .bind(us(now))
            .bind(id.0)
            .bind(current.version)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::unique(e, "external_id", DUPLICATE_COMPLAINT_OTHER))?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Conflict {
                field: "version",
                reason: CHANGED_MEANWHILE.into(),
            });
        }
        let more = done.len() as i64 - 1;
        if more > 0 {
            sqlx::query("UPDATE complaints SET version = version + $1 WHERE id = $2")
                .bind(more)
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        crate::reports::on_change(self, tx, id, responded, resolved, &current.record).await?;
        crate::reports::reopens_on_change(tx, id, now, &done).await?;
        for text in &steps {
            insert_step(&mut *tx, id, actor, text, now).await?;
        }
        for write in writes {
            write(&mut *tx).await?;
        }
        let mut searched = !steps.is_empty();
        for (action, changes) in &done {
            append_events(&mut *tx, id, actor, action, changes, now).await?;
            searched |= changes.iter().any(|c| SEARCHED.contains(&c.field));
        }
        if searched {
            search::reindex(&mut *tx, self.engine(), id).await?;
        }
        current.version += done.len() as i64;
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
        let text = LongText::parse(text).map_err(|r| StoreError::field("text", r))?;
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
        let step_id = insert_step(&mut tx, id, actor, &text, now).await?;
        let step = Change {
            field: "steps",
            old: None,
            new: Some(text.into_string()),
        };
        append_events(&mut tx, id, actor, "step_added", &[step], now).await?;
        search::reindex(&mut tx, self.engine(), id).await?;
        tx.commit().await?;
        Ok(step_id)
    }
}

/// Stores a dated step; returns its id.
async fn insert_step(
    conn: &mut AnyConnection,
    id: ComplaintId,
    actor: &Actor,
    text: &LongText,
    now: Timestamp,
) -> StoreResult<i64> {
    let row = sqlx::query(
        "INSERT INTO complaint_steps (complaint_id, at, author_id, text) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(id.0)
    .bind(us(now))
    .bind(actor.id.map(|e| e.0))
    .bind(text.as_str().to_owned())
    .fetch_one(&mut *conn)
    .await?;
    Ok(row.try_get("id")?)
}
