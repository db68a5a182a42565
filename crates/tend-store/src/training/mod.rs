//! Training sessions with their attendees, and recognitions of employees, as kept: each written
//! once in one transaction (the tables refuse UPDATE and DELETE on both engines).

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::*;
use tend_domain::training::{Attendee, Recognition, Session};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::{Sql, V};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One stored session: what it was, who it was for and who attended.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSession {
    pub id: i64,
    pub kind: String,
    pub topic: String,
    pub held_on: Date,
    pub trainer: String,
    pub policy_version: Option<i64>,
    /// (employee, name, attended), by name.
    pub attendees: Vec<(EmployeeId, String, bool)>,
    pub created_at: Timestamp,
}

/// One stored recognition, with the employee's and the recogniser's names.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRecognition {
    pub id: i64,
    pub employee_id: EmployeeId,
    pub employee_name: String,
    pub source: String,
    pub complaint_id: Option<i64>,
    pub note: String,
    pub by_name: String,
    pub created_at: Timestamp,
}

impl Store {
    /// Stores session `s` and its attendees, written by `by` at `now`; returns its id. Refused
    /// naming `attendees` (`no_employee`) or `policy_version` (`no_policy_version`) when either
    /// does not exist.
    pub async fn create_training_session(
        &self,
        s: &Session,
        by: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        if let Some(v) = s.policy_version {
            let found = sqlx::query("SELECT id FROM policy_versions WHERE id = $1")
                .bind(v)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Err(StoreError::field(
                    "policy_version",
                    NO_POLICY_VERSION.with("id", v),
                ));
            }
        }
        for Attendee { employee_id, .. } in &s.attendees {
            let found = sqlx::query("SELECT id FROM employees WHERE id = $1")
                .bind(*employee_id)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Err(StoreError::field(
                    "attendees",
                    NO_EMPLOYEE.with("id", employee_id),
                ));
            }
        }
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO training_sessions (kind, topic, held_on, trainer, policy_version_id, \
             created_by, created_at) VALUES ",
        );
        sql.push_tuple(
            0,
            [
                V::from(s.kind),
                V::from(s.topic.to_string()),
                V::from(s.held_on.to_string()),
                V::from(s.trainer.to_string()),
                V::from(s.policy_version),
                V::from(by.0),
                V::from(us(now)),
            ],
        );
        sql.push(" RETURNING id");
        let id: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("id")?;
        if !s.attendees.is_empty() {
            let mut sql = Sql::new(
                self.engine(),
                "INSERT INTO training_attendees (session_id, employee_id, attended) VALUES ",
            );
            for (n, a) in s.attendees.iter().enumerate() {
                sql.push_tuple(
                    n,
                    [
                        V::from(id),
                        V::from(a.employee_id),
                        V::from(i64::from(a.attended)),
                    ],
                );
            }
            sql.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Every session, latest held first (then newest).
    pub async fn training_sessions(&self) -> StoreResult<Vec<StoredSession>> {
        let rows = sqlx::query(
            "SELECT id, kind, topic, held_on, trainer, policy_version_id, created_at \
             FROM training_sessions ORDER BY held_on DESC, id DESC",
        )
        .fetch_all(self.read())
        .await?;
        let people = sqlx::query(
            "SELECT a.session_id, a.employee_id, e.name, a.attended FROM training_attendees a \
             JOIN employees e ON e.id = a.employee_id ORDER BY e.name, e.id",
        )
        .fetch_all(self.read())
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            let mut attendees = Vec::new();
            for p in &people {
                if p.try_get::<i64, _>("session_id")? == id {
                    attendees.push((
                        EmployeeId(p.try_get("employee_id")?),
                        p.try_get("name")?,
                        p.try_get::<i64, _>("attended")? == 1,
                    ));
                }
            }
            let held: String = r.try_get("held_on")?;
            out.push(StoredSession {
                id,
                kind: r.try_get("kind")?,
                topic: r.try_get("topic")?,
                held_on: held
                    .parse()
                    .map_err(|e: jiff::Error| sqlx::Error::Decode(e.into()))?,
                trainer: r.try_get("trainer")?,
                policy_version: r.try_get("policy_version_id")?,
                attendees,
                created_at: ts(r.try_get("created_at")?),
            });
        }
        Ok(out)
    }

    /// Stores recognition `r` given by `by` at `now`; returns its id. Refused naming
    /// `employee_id` when there is no such employee.
    pub async fn create_recognition(
        &self,
        r: &Recognition,
        by: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        let found = sqlx::query("SELECT id FROM employees WHERE id = $1")
            .bind(r.employee_id)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            let reason = NO_EMPLOYEE.with("id", r.employee_id);
            return Err(StoreError::field("employee_id", reason));
        }
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO training_recognitions (employee_id, source, complaint_id, note, by_id, \
             created_at) VALUES ",
        );
        sql.push_tuple(
            0,
            [
                V::from(r.employee_id),
                V::from(r.source),
                V::from(r.complaint_id),
                V::from(r.note.to_string()),
                V::from(by.0),
                V::from(us(now)),
            ],
        );
        sql.push(" RETURNING id");
        let id: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("id")?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every recognition, newest first; only `employee`'s when given.
    pub async fn recognitions(
        &self,
        employee: Option<EmployeeId>,
    ) -> StoreResult<Vec<StoredRecognition>> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT r.id, r.employee_id, e.name AS employee_name, r.source, r.complaint_id, \
             r.note, b.name AS by_name, r.created_at FROM training_recognitions r \
             JOIN employees e ON e.id = r.employee_id JOIN employees b ON b.id = r.by_id",
        );
        if let Some(e) = employee {
            sql.push(" WHERE r.employee_id = ").bind(e.0);
        }
        sql.push(" ORDER BY r.id DESC");
        let rows = sql.build().fetch_all(self.read()).await?;
        rows.iter()
            .map(|r| {
                Ok(StoredRecognition {
                    id: r.try_get("id")?,
                    employee_id: EmployeeId(r.try_get("employee_id")?),
                    employee_name: r.try_get("employee_name")?,
                    source: r.try_get("source")?,
                    complaint_id: r.try_get("complaint_id")?,
                    note: r.try_get("note")?,
                    by_name: r.try_get("by_name")?,
                    created_at: ts(r.try_get("created_at")?),
                })
            })
            .collect()
    }
}
