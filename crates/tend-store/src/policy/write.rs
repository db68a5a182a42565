//! Writing the policy: a new version (its areas and texts) in one transaction, an approval with
//! the review reminders it sets off in one transaction, and an acknowledgement.

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::*;
use tend_domain::policy::Policy;

use crate::jobs::{NewJob, insert_many};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::{Sql, V};
use crate::kernel::time::us;
use crate::store::Store;

impl Store {
    /// Appends `p` as a new draft version written by `author` at `now`; returns its id.
    pub async fn create_policy_version(
        &self,
        p: &Policy,
        author: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO policy_versions (note, author_id, created_at) VALUES ",
        );
        sql.push_tuple(
            0,
            [
                V::from(p.note.to_string()),
                V::from(author.0),
                V::from(us(now)),
            ],
        );
        sql.push(" RETURNING id");
        let id: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("id")?;
        let mut areas = Sql::new(
            self.engine(),
            "INSERT INTO policy_areas (version_id, area, position, title, customer_facing, \
             review_on) VALUES ",
        );
        let mut texts = Sql::new(
            self.engine(),
            "INSERT INTO policy_texts (version_id, area, lang, body) VALUES ",
        );
        let mut n = 0;
        for (i, a) in p.areas.iter().enumerate() {
            areas.push_tuple(
                i,
                [
                    V::from(id),
                    V::from(a.code.clone()),
                    V::from(i as i64),
                    V::from(a.title.as_ref().map(|t| t.to_string())),
                    V::from(i64::from(a.customer_facing)),
                    V::from(a.review_on.map(|d| d.to_string())),
                ],
            );
            for (lang, body) in &a.texts {
                texts.push_tuple(
                    n,
                    [
                        V::from(id),
                        V::from(a.code.clone()),
                        V::from(*lang),
                        V::from(body.to_string()),
                    ],
                );
                n += 1;
            }
        }
        areas.build().execute(&mut *tx).await?;
        if n > 0 {
            texts.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Approves draft `id` by `by` at `now`, effective from `effective_from`, and stores `jobs`
    /// (its review reminders) in the same transaction. Refused (`version`: `policy_not_draft`)
    /// when it is approved already; `NotFound` when there is no such version.
    pub async fn approve_policy_version(
        &self,
        id: i64,
        by: EmployeeId,
        effective_from: Date,
        jobs: &[NewJob],
        now: Timestamp,
    ) -> StoreResult<()> {
        let mut tx = self.write().begin().await?;
        let exists = sqlx::query("SELECT id FROM policy_versions WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Err(StoreError::NotFound("policy version"));
        }
        let inserted = sqlx::query(
            "INSERT INTO policy_approvals (version_id, approved_by, approved_at, effective_from) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (version_id) DO NOTHING",
        )
        .bind(id)
        .bind(by.0)
        .bind(us(now))
        .bind(effective_from.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Err(StoreError::field("version", POLICY_NOT_DRAFT));
        }
        insert_many(&mut tx, self.engine(), jobs, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that `employee` acknowledged version `id` at `now`; the first acknowledgement
    /// stands (returns whether this one was new).
    pub async fn acknowledge_policy(
        &self,
        id: i64,
        employee: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<bool> {
        let n = sqlx::query(
            "INSERT INTO policy_acknowledgements (version_id, employee_id, acknowledged_at) \
             VALUES ($1, $2, $3) ON CONFLICT (version_id, employee_id) DO NOTHING",
        )
        .bind(id)
        .bind(employee.0)
        .bind(us(now))
        .execute(self.write())
        .await?
        .rows_affected();
        Ok(n == 1)
    }
}
