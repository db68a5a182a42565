//! What became of a complaint besides its progress: merged into another (a customer who wrote
//! twice about one problem), soft-deleted by a manager (with who, when and why), and purged
//! after the retention period — its text erased, the row kept as a tombstone so counts behind
//! goals and rankings do not change (migration `0046_complaints_merge_delete`).

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::kernel::ids::{ComplaintId, EmployeeId, complaint_reference};
use tend_domain::kernel::reason::*;

use super::Actor;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// Whether a complaint is live, merged or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    Live,
    /// Merged into this complaint (which may itself have been merged on since).
    Merged(ComplaintId),
    /// Soft-deleted: when, by whom, why; `purged` once its text is erased.
    Deleted {
        at: Timestamp,
        by: Option<EmployeeId>,
        reason: String,
        purged: bool,
    },
}

/// Complaint columns holding text: erased by the purge (`description` is NOT NULL).
pub(super) const TEXT: [&str; 14] = [
    "subject",
    "customer_proposal",
    "facts",
    "root_cause",
    "agreed_solution",
    "corrective_action",
    "compensation_note",
    "prevention_suggestion",
    "follow_up_note",
    "escalation_reason",
    "close_reason",
    "reopen_reason",
    "waiting_reason",
    "delete_reason",
];

/// A complaint's customer, reference and fate, read in `conn`.
pub(super) async fn fate_in(
    conn: &mut AnyConnection,
    id: ComplaintId,
) -> StoreResult<(i64, String, Fate)> {
    let r = sqlx::query(
        "SELECT customer_id, reference_year, merged_into, deleted_at, deleted_by, delete_reason, purged_at \
         FROM complaints WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound("complaint"))?;
    let fate = if let Some(at) = r.try_get::<Option<i64>, _>("deleted_at")? {
        Fate::Deleted {
            at: ts(at),
            by: r.try_get::<Option<i64>, _>("deleted_by")?.map(EmployeeId),
            reason: r
                .try_get::<Option<String>, _>("delete_reason")?
                .unwrap_or_default(),
            purged: r.try_get::<Option<i64>, _>("purged_at")?.is_some(),
        }
    } else if let Some(into) = r.try_get::<Option<i64>, _>("merged_into")? {
        Fate::Merged(ComplaintId(into))
    } else {
        Fate::Live
    };
    let year = i16::try_from(r.try_get::<i64, _>("reference_year")?).unwrap_or_default();
    let reference = complaint_reference(year, id);
    Ok((r.try_get("customer_id")?, reference, fate))
}

pub(super) async fn event(
    conn: &mut AnyConnection,
    id: i64,
    actor: &Actor,
    action: &str,
    value: Option<String>,
    now: Timestamp,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO complaint_events (complaint_id, at, actor_id, actor, action, new_value) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(us(now))
    .bind(actor.id.map(|e| e.0))
    .bind(actor.label.clone())
    .bind(action.to_owned())
    .bind(value)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Finishes the complaint's pending jobs (watcher, acknowledgement, follow-up, CSAT…): every
/// job kind keys its dedupe key `kind:complaint[:…]`.
pub(super) async fn finish_jobs(
    conn: &mut AnyConnection,
    id: i64,
    now: Timestamp,
) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "UPDATE jobs SET done_at = $1, last_error = 'complaint merged or deleted', locked_by = NULL, \
         locked_until = NULL WHERE done_at IS NULL AND kind <> 'complaint_purge' \
         AND (dedupe_key LIKE $2 OR dedupe_key LIKE $3)",
    )
    .bind(us(now))
    .bind(format!("%:{id}"))
    .bind(format!("%:{id}:%"))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

impl Store {
    /// What became of complaint `id`. Errors: `NotFound("complaint")`.
    pub async fn complaint_fate(&self, id: ComplaintId) -> StoreResult<Fate> {
        let mut conn = self.read().acquire().await?;
        Ok(fate_in(&mut conn, id).await?.2)
    }

    /// The live complaint `id` leads to: itself, or the end of its chain of merges (at most 16
    /// steps). `None` when it (or where it leads) is deleted.
    pub async fn live_complaint(&self, mut id: ComplaintId) -> StoreResult<Option<ComplaintId>> {
        for _ in 0..16 {
            match self.complaint_fate(id).await? {
                Fate::Live => return Ok(Some(id)),
                Fate::Merged(into) => id = into,
                Fate::Deleted { .. } => return Ok(None),
            }
        }
        Ok(None)
    }

    /// The complaints merged directly into `id`, oldest merge first: `(id, reference)`.
    pub async fn merged_from(&self, id: ComplaintId) -> StoreResult<Vec<(ComplaintId, String)>> {
        let rows = sqlx::query(
            "SELECT id, reference_year FROM complaints WHERE merged_into = $1 ORDER BY merged_at, id",
        )
        .bind(id.0)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                let id = ComplaintId(r.try_get("id")?);
                let year =
                    i16::try_from(r.try_get::<i64, _>("reference_year")?).unwrap_or_default();
                Ok((id, complaint_reference(year, id)))
            })
            .collect()
    }

    /// Merges `from` into `into` in one transaction: `from` points at `into`, each timeline
    /// gets an entry (`merged_into` on `from`, `merged_from` on `into`, naming the other's
    /// reference), and `from`'s pending jobs are finished. Both timelines stay whole.
    /// Errors: `NotFound("complaint")`; field `into`: `merge_self`, `merge_target_gone`,
    /// `merge_other_customer`; field `id`: `complaint_gone` (`from` merged or deleted).
    pub async fn merge_complaint(
        &self,
        from: ComplaintId,
        into: ComplaintId,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<()> {
        if from == into {
            return Err(StoreError::field("into", MERGE_SELF));
        }
        let mut tx = self.write().begin().await?;
        let (from_customer, from_ref, from_fate) = fate_in(&mut tx, from).await?;
        if from_fate != Fate::Live {
            return Err(StoreError::field("id", COMPLAINT_GONE));
        }
        let (into_customer, into_ref, into_fate) = match fate_in(&mut tx, into).await {
            Err(StoreError::NotFound(_)) => {
                return Err(StoreError::field(
                    "into",
                    MERGE_TARGET_GONE.with("id", into.0),
                ));
            }
            other => other?,
        };
        if into_fate != Fate::Live {
            return Err(StoreError::field(
                "into",
                MERGE_TARGET_GONE.with("id", into.0),
            ));
        }
        if from_customer != into_customer {
            return Err(StoreError::field(
                "into",
                MERGE_OTHER_CUSTOMER.with("id", into.0),
            ));
        }
        sqlx::query(
            "UPDATE complaints SET merged_into = $1, merged_at = $2, updated_at = $2, version = version + 1 WHERE id = $3",
        )
        .bind(into.0)
        .bind(us(now))
        .bind(from.0)
        .execute(&mut *tx)
        .await?;
        event(&mut tx, from.0, actor, "merged_into", Some(into_ref), now).await?;
        event(&mut tx, into.0, actor, "merged_from", Some(from_ref), now).await?;
        finish_jobs(&mut tx, from.0, now).await?;
        tx.commit().await?;
        Ok(())
    }
}
