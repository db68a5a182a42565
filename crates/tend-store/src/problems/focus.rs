//! The plan's focus problems as adopted by managers: append-only adoptions, each naming up to
//! three categories in order and the ranking period they were chosen from.

use jiff::Timestamp;
use sqlx::Row;
use tend_domain::kernel::ids::EmployeeId;
use tend_domain::kernel::reason::NO_CATEGORY;
use tend_domain::problems::focus::check_focus;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// One adoption: its categories (ids, position 1 first), the ranking period `[from, to)` they
/// were chosen from (UTC dates as `YYYY-MM-DD`), who adopted them and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusAdoption {
    pub id: i64,
    pub categories: Vec<i64>,
    pub period_from: String,
    pub period_to: String,
    pub adopted_by: EmployeeId,
    pub adopted_at: Timestamp,
}

impl Store {
    /// Stores an adoption in one transaction. Errors: `Invalid` on `categories` (1 to 3, none
    /// twice, each an existing category: `focus_count`, `focus_twice`, `no_category`).
    pub async fn adopt_focus(
        &self,
        categories: &[i64],
        period: (&str, &str),
        by: EmployeeId,
        at: Timestamp,
    ) -> StoreResult<i64> {
        check_focus(categories).map_err(|r| StoreError::field("categories", r))?;
        let mut tx = self.write().begin().await?;
        for id in categories {
            let known = sqlx::query("SELECT 1 FROM categories WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            if known.is_none() {
                return Err(StoreError::field("categories", NO_CATEGORY.with("id", id)));
            }
        }
        let id: i64 = sqlx::query(
            "INSERT INTO problem_focus (period_from, period_to, adopted_by, adopted_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(period.0.to_owned())
        .bind(period.1.to_owned())
        .bind(by.0)
        .bind(us(at))
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        for (i, c) in categories.iter().enumerate() {
            sqlx::query(
                "INSERT INTO problem_focus_items (focus_id, position, category_id) \
                 VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(i as i64 + 1)
            .bind(c)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Every adoption, newest first (ties by id).
    pub async fn focus_adoptions(&self) -> StoreResult<Vec<FocusAdoption>> {
        let rows = sqlx::query(
            "SELECT f.id, f.period_from, f.period_to, f.adopted_by, f.adopted_at, i.category_id \
             FROM problem_focus f JOIN problem_focus_items i ON i.focus_id = f.id \
             ORDER BY f.adopted_at DESC, f.id DESC, i.position",
        )
        .fetch_all(self.read())
        .await?;
        let mut out: Vec<FocusAdoption> = Vec::new();
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            let category: i64 = r.try_get("category_id")?;
            match out.last_mut() {
                Some(a) if a.id == id => a.categories.push(category),
                _ => out.push(FocusAdoption {
                    id,
                    categories: vec![category],
                    period_from: r.try_get("period_from")?,
                    period_to: r.try_get("period_to")?,
                    adopted_by: EmployeeId(r.try_get("adopted_by")?),
                    adopted_at: ts(r.try_get("adopted_at")?),
                }),
            }
        }
        Ok(out)
    }

    /// The adoption in force at `at`: the newest adopted at or before it.
    pub async fn focus_at(&self, at: Timestamp) -> StoreResult<Option<FocusAdoption>> {
        Ok(self
            .focus_adoptions()
            .await?
            .into_iter()
            .find(|a| a.adopted_at <= at))
    }
}
