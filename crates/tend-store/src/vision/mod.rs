//! The vision worksheet's versions: each save appends one row (the table refuses UPDATE and
//! DELETE on both engines); the current version is the newest.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::vision::Vision;

use crate::kernel::error::StoreResult;
use crate::kernel::sql::{Sql, V};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One saved version of the worksheet: lists as saved (blank entries dropped), the statement,
/// the owner's public choice, who saved it (id and name) and when (UTC, microseconds).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredVision {
    /// The version number: increases with each save.
    pub id: i64,
    pub success: Vec<String>,
    pub customer_view: Vec<String>,
    pub steps: Vec<String>,
    pub elements: Vec<String>,
    pub verbs: Vec<String>,
    pub statement: String,
    pub show_public: bool,
    pub author_id: EmployeeId,
    pub author_name: String,
    pub saved_at: Timestamp,
}

fn join(items: &[tend_domain::vision::Item]) -> String {
    let v: Vec<&str> = items.iter().map(|i| i.as_str()).collect();
    v.join("\n")
}

fn split(s: String) -> Vec<String> {
    s.lines()
        .map(str::to_owned)
        .filter(|l| !l.is_empty())
        .collect()
}

const SELECT: &str = "SELECT v.id, v.success, v.customer_view, v.steps, v.elements, v.verbs, \
     v.statement, v.show_public, v.author_id, e.name AS author_name, v.saved_at \
     FROM vision_versions v JOIN employees e ON e.id = v.author_id";

impl Store {
    /// Appends a new version of the worksheet saved by `author` at `now`; returns its id.
    pub async fn create_vision_version(
        &self,
        v: &Vision,
        show_public: bool,
        author: EmployeeId,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut tx = self.write().begin().await?;
        let mut sql = Sql::new(
            self.engine(),
            "INSERT INTO vision_versions (success, customer_view, steps, elements, verbs, \
             statement, show_public, author_id, saved_at) VALUES ",
        );
        sql.push_tuple(
            0,
            [
                V::from(join(&v.success)),
                V::from(join(&v.customer_view)),
                V::from(join(&v.steps)),
                V::from(join(&v.elements)),
                V::from(join(&v.verbs)),
                V::from(v.statement.to_string()),
                V::from(i64::from(show_public)),
                V::from(author.0),
                V::from(us(now)),
            ],
        );
        sql.push(" RETURNING id");
        let id: i64 = sql.build().fetch_one(&mut *tx).await?.try_get("id")?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every version, newest first (the first is the current one).
    pub async fn vision_versions(&self) -> StoreResult<Vec<StoredVision>> {
        self.read_visions(None).await
    }

    /// The current version (the newest), if the worksheet was ever saved.
    pub async fn current_vision(&self) -> StoreResult<Option<StoredVision>> {
        Ok(self.read_visions(Some(1)).await?.into_iter().next())
    }

    async fn read_visions(&self, limit: Option<i64>) -> StoreResult<Vec<StoredVision>> {
        let mut sql = Sql::new(self.engine(), SELECT);
        sql.push(" ORDER BY v.id DESC");
        if let Some(n) = limit {
            sql.push(" LIMIT ").bind(n);
        }
        let rows = sql.build().fetch_all(self.read()).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let flag: i64 = row.try_get("show_public")?;
            out.push(StoredVision {
                id: row.try_get("id")?,
                success: split(row.try_get("success")?),
                customer_view: split(row.try_get("customer_view")?),
                steps: split(row.try_get("steps")?),
                elements: split(row.try_get("elements")?),
                verbs: split(row.try_get("verbs")?),
                statement: row.try_get("statement")?,
                show_public: flag == 1,
                author_id: EmployeeId(row.try_get("author_id")?),
                author_name: row.try_get("author_name")?,
                saved_at: ts(row.try_get("saved_at")?),
            });
        }
        Ok(out)
    }
}
