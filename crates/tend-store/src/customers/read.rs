//! Reading customers: one by id, and pages of them newest first, searched by the start of the
//! name or e-mail address.

use sqlx::AssertSqlSafe;
use tend_domain::kernel::ids::CustomerId;

use super::rows::{COLUMNS, fold, from_row};
use super::{CustomerPage, StoredCustomer};
use crate::kernel::error::{StoreError, StoreResult};
use crate::store::Store;

impl Store {
    pub async fn customer(&self, id: CustomerId) -> StoreResult<StoredCustomer> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT id, {COLUMNS}, created_at, updated_at FROM customers WHERE id = $1"
        )))
        .bind(id.0)
        .fetch_optional(self.read())
        .await?
        .ok_or(StoreError::NotFound("customer"))?;
        from_row(&row)
    }

    /// Customers by id, newest first; `q` matches the start of the name or the e-mail address.
    pub async fn list_customers(
        &self,
        q: Option<&str>,
        after: Option<CustomerId>,
        limit: u32,
    ) -> StoreResult<CustomerPage> {
        let mut qb = crate::kernel::sql::Sql::new(
            self.engine(),
            format!("SELECT id, {COLUMNS}, created_at, updated_at FROM customers WHERE 1 = 1"),
        );
        if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
            let pattern = format!("{}%", fold(&q.replace(['%', '_'], "")));
            qb.push(" AND (name_folded LIKE ")
                .bind(pattern.clone())
                .push(" OR email_folded LIKE ")
                .bind(pattern)
                .push(")");
        }
        if let Some(a) = after {
            qb.push(" AND id < ").bind(a.0);
        }
        qb.push(&format!(" ORDER BY id DESC LIMIT {}", limit.min(1000) + 1));
        let rows = qb.build().fetch_all(self.read()).await?;
        let mut items = rows.iter().map(from_row).collect::<StoreResult<Vec<_>>>()?;
        let next = (items.len() > limit as usize).then(|| {
            items.truncate(limit as usize);
            items.last().map(|c| c.id)
        });
        Ok(CustomerPage {
            items,
            next: next.flatten(),
        })
    }
}
