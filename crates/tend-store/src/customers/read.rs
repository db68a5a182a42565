//! Reading customers: one by id, and pages of them newest first, searched by any part of the
//! name, the e-mail address or the phone's digits.

use sqlx::AssertSqlSafe;
use tend_domain::kernel::ids::CustomerId;

use tend_domain::kernel::search_text::{is_phone_query, phone_digits, query_words};

use super::rows::{COLUMNS, from_row};
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

    /// Customers by id, newest first (search results too). With `q`, every word of it (see
    /// `search_words`) must be part of a token of the name or the e-mail address, or of the
    /// phone's digits: `mayert` finds "Obie Mayert", `example` finds `ana@example.com`,
    /// `+34 600-000` finds `+34 600 000 000`. A full scan of `customers.search_folded`.
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
        for word in q.map(search_words).unwrap_or_default() {
            qb.push(" AND search_folded LIKE ")
                .bind(format!("%{word}%"));
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

/// The words of a customer search: a phone-like query (`search_text::is_phone_query`) is its
/// digits, anything else its folded words (`search_text::query_words`; letters and digits only,
/// so no `LIKE` wildcard can come from the reader).
fn search_words(q: &str) -> Vec<String> {
    if is_phone_query(q) {
        vec![phone_digits(q)]
    } else {
        query_words(q)
    }
}
