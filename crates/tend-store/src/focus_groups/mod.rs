//! Focus groups: sessions (planned, then their notes kept), their customer participants, and
//! their findings, each tied to the problem category it concerns.

use jiff::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;
use tend_domain::focus_groups::{Finding, Session};
use tend_domain::kernel::ids::{CustomerId, EmployeeId};

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFocusGroup {
    pub id: i64,
    pub topic: String,
    pub audience: String,
    pub starts_at: Timestamp,
    pub moderator_id: Option<EmployeeId>,
    pub questions: String,
    pub notes: String,
}

/// A stored finding, with its category's name when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFinding {
    pub id: i64,
    pub focus_group_id: i64,
    pub statement: String,
    pub category_id: Option<i64>,
    pub category: Option<String>,
    pub quote: Option<String>,
    pub raised_by: i64,
    pub severity: String,
}

const COLUMNS: &str = "id, topic, audience, starts_at, moderator_id, questions, notes";

fn session(r: &AnyRow) -> StoreResult<StoredFocusGroup> {
    Ok(StoredFocusGroup {
        id: r.try_get("id")?,
        topic: r.try_get("topic")?,
        audience: r.try_get("audience")?,
        starts_at: ts(r.try_get("starts_at")?),
        moderator_id: r.try_get::<Option<i64>, _>("moderator_id")?.map(EmployeeId),
        questions: r.try_get("questions")?,
        notes: r.try_get("notes")?,
    })
}

impl Store {
    /// Plans a session with its participants (customers), in one transaction.
    pub async fn create_focus_group(
        &self,
        s: &Session,
        starts_at: Timestamp,
        moderator: Option<EmployeeId>,
        participants: &[CustomerId],
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO focus_groups (topic, audience, starts_at, moderator_id, questions, notes, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, '', $6, $6) RETURNING id",
        )
        .bind(s.topic.as_str())
        .bind(s.audience)
        .bind(us(starts_at))
        .bind(moderator.map(|e| e.0))
        .bind(s.questions.as_str())
        .bind(us(now))
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        for c in participants {
            let found = sqlx::query("SELECT id FROM customers WHERE id = $1")
                .bind(c.0)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Err(StoreError::field(
                    "participants",
                    tend_domain::kernel::reason::NO_CUSTOMER.with("id", c.0),
                ));
            }
            sqlx::query(
                "INSERT INTO focus_group_participants (focus_group_id, customer_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(c.0)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    pub async fn focus_group(&self, id: i64) -> StoreResult<StoredFocusGroup> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM focus_groups WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(self.read())
        .await?
        .ok_or(StoreError::NotFound("focus group"))?;
        session(&row)
    }

    /// Every session, latest first.
    pub async fn focus_groups(&self) -> StoreResult<Vec<StoredFocusGroup>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM focus_groups ORDER BY starts_at DESC, id DESC"
        )))
        .fetch_all(self.read())
        .await?;
        rows.iter().map(session).collect()
    }

    /// A session's participants: (customer id, name).
    pub async fn focus_group_participants(&self, id: i64) -> StoreResult<Vec<(i64, String)>> {
        let rows = sqlx::query(
            "SELECT c.id, c.name FROM focus_group_participants p JOIN customers c \
             ON c.id = p.customer_id WHERE p.focus_group_id = $1 ORDER BY c.name, c.id",
        )
        .bind(id)
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("id")?, r.try_get("name")?)))
            .collect()
    }

    /// Replaces a session's notes.
    pub async fn set_focus_group_notes(
        &self,
        id: i64,
        notes: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        let done = sqlx::query("UPDATE focus_groups SET notes = $1, updated_at = $2 WHERE id = $3")
            .bind(notes)
            .bind(us(now))
            .bind(id)
            .execute(self.write())
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("focus group"));
        }
        Ok(())
    }

    /// Adds a finding to session `id`, about `category` (checked to exist).
    pub async fn add_finding(
        &self,
        id: i64,
        f: &Finding,
        category: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        if let Some(c) = category {
            let found = sqlx::query("SELECT id FROM categories WHERE id = $1")
                .bind(c)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Err(StoreError::field(
                    "category_id",
                    tend_domain::kernel::reason::NO_CATEGORY.with("id", c),
                ));
            }
        }
        let row = sqlx::query(
            "INSERT INTO focus_group_findings (focus_group_id, statement, category_id, quote, \
             raised_by, severity, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(id)
        .bind(f.statement.as_str())
        .bind(category)
        .bind(f.quote.as_ref().map(|q| q.as_str().to_owned()))
        .bind(f.raised_by)
        .bind(f.severity)
        .bind(us(now))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(row.try_get("id")?)
    }

    /// Findings, of one session or (`None`) of all, most severe and most raised first.
    pub async fn findings(&self, session: Option<i64>) -> StoreResult<Vec<StoredFinding>> {
        let rows = sqlx::query(
            "SELECT f.id, f.focus_group_id, f.statement, f.category_id, c.name AS category, \
             f.quote, f.raised_by, f.severity FROM focus_group_findings f \
             LEFT JOIN categories c ON c.id = f.category_id \
             WHERE ($1 = 0 OR f.focus_group_id = $1) \
             ORDER BY CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, \
             f.raised_by DESC, f.id",
        )
        .bind(session.unwrap_or(0))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredFinding {
                    id: r.try_get("id")?,
                    focus_group_id: r.try_get("focus_group_id")?,
                    statement: r.try_get("statement")?,
                    category_id: r.try_get("category_id")?,
                    category: r.try_get("category")?,
                    quote: r.try_get("quote")?,
                    raised_by: r.try_get("raised_by")?,
                    severity: r.try_get("severity")?,
                })
            })
            .collect()
    }
}
