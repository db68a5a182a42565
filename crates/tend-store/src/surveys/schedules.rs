//! The relationship (NPS) schedule of a survey: a round every `every_days` days, the next at
//! `next_run_at`. A round is one transaction: it moves the schedule on only if it still
//! waits for this round (so a stale or repeated job does nothing), invites the customers not
//! asked by any survey within the cooldown, and queues their mail and the next round.

use jiff::{SignedDuration, Timestamp};
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::surveys::SurveyId;

use super::invitations::{Audience, Invited, invite_in};
use crate::jobs::{NewJob, insert_many};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A survey's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveySchedule {
    pub survey_id: SurveyId,
    pub every_days: i64,
    pub next_run_at: Timestamp,
    pub set_by: Option<EmployeeId>,
    pub set_at: Timestamp,
}

impl Store {
    /// Sets survey `id`'s schedule (replacing any), its first round at `first`, and queues
    /// `job` (that round's), in one transaction.
    pub async fn set_survey_schedule(
        &self,
        id: SurveyId,
        every_days: i64,
        first: Timestamp,
        job: NewJob,
        by: Option<EmployeeId>,
        now: Timestamp,
    ) -> StoreResult<SurveySchedule> {
        let mut tx = self.write().begin().await?;
        sqlx::query(
            "INSERT INTO survey_schedules (survey_id, every_days, next_run_at, set_by, set_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (survey_id) DO UPDATE SET \
             every_days = excluded.every_days, next_run_at = excluded.next_run_at, \
             set_by = excluded.set_by, set_at = excluded.set_at",
        )
        .bind(id.0)
        .bind(every_days)
        .bind(us(first))
        .bind(by.map(|e| e.0))
        .bind(us(now))
        .execute(&mut *tx)
        .await?;
        insert_many(&mut tx, self.engine(), &[job], now).await?;
        tx.commit().await?;
        Ok(SurveySchedule {
            survey_id: id,
            every_days,
            next_run_at: first,
            set_by: by,
            set_at: now,
        })
    }

    /// Survey `id`'s schedule, if it has one.
    pub async fn survey_schedule(&self, id: SurveyId) -> StoreResult<Option<SurveySchedule>> {
        let row = sqlx::query(
            "SELECT every_days, next_run_at, set_by, set_at FROM survey_schedules \
             WHERE survey_id = $1",
        )
        .bind(id.0)
        .fetch_optional(self.write())
        .await?;
        row.map(|r| {
            Ok(SurveySchedule {
                survey_id: id,
                every_days: r.try_get("every_days")?,
                next_run_at: ts(r.try_get("next_run_at")?),
                set_by: r.try_get::<Option<i64>, _>("set_by")?.map(EmployeeId),
                set_at: ts(r.try_get("set_at")?),
            })
        })
        .transpose()
    }

    /// Stops survey `id`'s schedule (its queued round then finds none and does nothing);
    /// `NotFound` when it has none.
    pub async fn delete_survey_schedule(&self, id: SurveyId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM survey_schedules WHERE survey_id = $1")
            .bind(id.0)
            .execute(self.write())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("schedule"));
        }
        Ok(())
    }

    /// Runs survey `id`'s round due at `due`, at `now`: `None` (nothing done) unless the
    /// schedule still waits for it; else, in one transaction, the next round is set
    /// `every_days` after `due` (and its job `next(instant)` queued), and `audience` —
    /// whose `not_asked_since` is the cooldown's start — is invited as by
    /// `invite_to_survey`.
    #[allow(clippy::too_many_arguments)]
    pub async fn run_survey_round(
        &self,
        id: SurveyId,
        due: Timestamp,
        audience: &Audience,
        language_of: impl Fn(Option<&str>) -> String,
        jobs: impl Fn(i64) -> Vec<NewJob>,
        next: impl Fn(Timestamp) -> NewJob,
        now: Timestamp,
    ) -> StoreResult<Option<Invited>> {
        let mut tx = self.write().begin().await?;
        let row = sqlx::query(
            "SELECT every_days FROM survey_schedules WHERE survey_id = $1 AND next_run_at = $2",
        )
        .bind(id.0)
        .bind(us(due))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let every: i64 = row.try_get("every_days")?;
        let following = due + SignedDuration::from_hours(every * 24);
        let moved = sqlx::query(
            "UPDATE survey_schedules SET next_run_at = $1 WHERE survey_id = $2 AND next_run_at = $3",
        )
        .bind(us(following))
        .bind(id.0)
        .bind(us(due))
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() != 1 {
            return Ok(None);
        }
        let engine = self.engine();
        let out = invite_in(&mut tx, engine, id, audience, None, language_of, jobs, now).await?;
        insert_many(&mut tx, engine, &[next(following)], now).await?;
        tx.commit().await?;
        Ok(Some(out))
    }
}
