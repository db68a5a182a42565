//! Storing purchases in bulk, in the caller's transaction: one multi-row insert per chunk, each
//! purchase with its retention contact; and [`Import::transactions`], a batch of a file's rows.

use std::collections::HashMap;

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::kernel::ids::{CustomerId, ProductId};
use tend_domain::kernel::text::Name;
use tend_domain::transactions::Transaction;

use super::{CHUNK, RETENTION_GRACE, RetentionPlan};
use crate::complaints::{Import, ImportOutcome};
use crate::jobs::insert_many;
use crate::kernel::engine::Engine;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::{Sql, V};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// Inserts purchases whose customers and products are resolved (`products` by name), each with
/// its retention contact by `retention`; external ids stored already are skipped. Returns the
/// ids of the purchases stored.
pub(super) async fn insert_rows(
    conn: &mut AnyConnection,
    engine: Engine,
    rows: &[(CustomerId, &Transaction)],
    products: &HashMap<String, ProductId>,
    retention: Option<RetentionPlan>,
    now: Timestamp,
) -> StoreResult<Vec<i64>> {
    let mut inserted = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(CHUNK) {
        let mut sql = Sql::new(
            engine,
            "INSERT INTO transactions (customer_id, occurred_at, product_id, amount_minor, \
             currency, returned, external_id, created_at) VALUES ",
        );
        for (n, (customer, t)) in chunk.iter().enumerate() {
            let product = t.product.as_ref().map(|p| products[p.as_str()].0);
            sql.push_tuple(
                n,
                [
                    V::from(customer.0),
                    V::from(us(t.occurred_at)),
                    V::from(product),
                    V::from(t.amount.map(|m| m.minor())),
                    V::from(t.amount.map(|m| m.currency().as_str().to_owned())),
                    V::from(i64::from(t.returned)),
                    V::from(t.external_id.as_ref().map(|e| e.to_string())),
                    V::from(us(now)),
                ],
            );
        }
        sql.push(" ON CONFLICT (external_id) DO NOTHING RETURNING id, occurred_at");
        let stored = sql.build().fetch_all(&mut *conn).await?;
        for row in &stored {
            inserted.push(row.try_get::<i64, _>("id")?);
        }
        let Some(plan) = retention else {
            continue;
        };
        let mut jobs = Vec::new();
        for row in &stored {
            let id: i64 = row.try_get("id")?;
            let contact_at = ts(row.try_get("occurred_at")?) + plan.after;
            if contact_at >= now - RETENTION_GRACE {
                jobs.push((plan.job)(id, contact_at.max(now)));
            }
        }
        insert_many(&mut *conn, engine, &jobs, now).await?;
    }
    Ok(inserted)
}

impl Store {
    /// The id of each product named, created if missing (each its own write, so call it before
    /// an [`Import`] begins: on SQLite that holds the one writer).
    ///
    /// Errors: the database's.
    pub async fn ensure_products<'a>(
        &self,
        names: impl IntoIterator<Item = &'a Name>,
        now: Timestamp,
    ) -> StoreResult<HashMap<String, ProductId>> {
        let mut products = HashMap::new();
        for p in names {
            if !products.contains_key(p.as_str()) {
                let id = self.ensure_product(p, now).await?;
                products.insert(p.to_string(), id);
            }
        }
        Ok(products)
    }
}

impl Import {
    /// Stores one batch of purchases (customers resolved; every product in `products`, from
    /// [`Store::ensure_products`]), each with its retention contact by `retention`. A purchase
    /// whose external id is stored already is counted, not stored again.
    ///
    /// Errors: the database's; the import should then be dropped.
    pub async fn transactions(
        &mut self,
        rows: &[(CustomerId, &Transaction)],
        products: &HashMap<String, ProductId>,
        retention: Option<RetentionPlan>,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let ids = insert_rows(&mut self.tx, self.engine, rows, products, retention, now).await?;
        Ok(ImportOutcome {
            inserted: ids.len() as u64,
            already_present: (rows.len() - ids.len()) as u64,
        })
    }
}
