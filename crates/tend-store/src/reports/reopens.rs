//! Reopen instants (migration 0180): each reopen of a complaint as a spell from the reopen to
//! the next resolution or closing, written in the transaction of the change that made it, so
//! the report counts reopens and the backlog from the recorded instants, not current state.

use jiff::Timestamp;
use sqlx::AnyConnection;
use tend_domain::complaints::timeline::Change;
use tend_domain::kernel::ids::ComplaintId;

use crate::kernel::error::StoreResult;
use crate::kernel::time::us;

/// After a change made of `done` (each entry's action and changed fields, in order) at `now`:
/// a reopen starts a spell, a resolution or a closing ends the open one.
pub(crate) async fn on_change(
    tx: &mut AnyConnection,
    id: ComplaintId,
    now: Timestamp,
    done: &[(&'static str, Vec<Change>)],
) -> StoreResult<()> {
    for (action, changes) in done {
        let ends = changes
            .iter()
            .any(|c| matches!(c.field, "resolved_at" | "closed_at") && c.new.is_some());
        if ends {
            sqlx::query(
                "UPDATE complaint_reopens SET ended_at = $1 \
                 WHERE complaint_id = $2 AND ended_at IS NULL",
            )
            .bind(us(now))
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        }
        if *action == "reopen" {
            sqlx::query(
                "INSERT INTO complaint_reopens (complaint_id, reopened_at) VALUES ($1, $2) \
                 ON CONFLICT (complaint_id, reopened_at) DO NOTHING",
            )
            .bind(id.0)
            .bind(us(now))
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}
