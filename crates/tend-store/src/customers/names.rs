//! Display names by id, for pages that list many complaints: one query for all the customers
//! of a page instead of one per row.

use std::collections::HashMap;

use sqlx::Row;
use tend_domain::kernel::ids::CustomerId;

use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::store::Store;

impl Store {
    /// The names of these customers (unknown ids are left out).
    pub async fn customer_names(
        &self,
        ids: &[CustomerId],
    ) -> StoreResult<HashMap<CustomerId, String>> {
        let mut unique: Vec<i64> = ids.iter().map(|c| c.0).collect();
        unique.sort_unstable();
        unique.dedup();
        if unique.is_empty() {
            return Ok(HashMap::new());
        }
        let mut qb = Sql::new(
            self.engine(),
            "SELECT id, name FROM customers WHERE id IN (".to_owned(),
        );
        for (i, id) in unique.into_iter().enumerate() {
            if i > 0 {
                qb.push(", ");
            }
            qb.bind(id);
        }
        qb.push(")");
        let rows = qb.build().fetch_all(self.read()).await?;
        rows.iter()
            .map(|r| Ok((CustomerId(r.try_get("id")?), r.try_get("name")?)))
            .collect()
    }
}
