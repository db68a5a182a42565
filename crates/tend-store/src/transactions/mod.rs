//! Purchases, and the retention contact each one schedules: a job made by the app, written in the
//! same transaction as the purchase, due a configurable while after it.

use std::collections::{BTreeSet, HashMap};
use tend_domain::kernel::reason::*;

use jiff::{SignedDuration, Timestamp};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use tend_domain::kernel::ids::{CustomerId, ProductId};
use tend_domain::kernel::money::{Currency, Money};
use tend_domain::kernel::text::Name;
use tend_domain::transactions::{CustomerKey, Transaction};

use crate::complaints::ImportOutcome;

mod import;
use crate::jobs::NewJob;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Sql;
use crate::kernel::time::ts;
use crate::store::Store;

/// Rows per multi-row statement.
const CHUNK: usize = 500;

/// A retention contact whose time passed longer ago than this when its purchase is stored (an
/// import of old orders) is not scheduled at all: nobody wants a "how is your kettle?" mail
/// about a kettle bought three years ago.
pub const RETENTION_GRACE: SignedDuration = SignedDuration::from_hours(7 * 24);

/// A stored purchase.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredTransaction {
    pub id: i64,
    pub customer_id: CustomerId,
    pub occurred_at: Timestamp,
    pub product_id: Option<ProductId>,
    pub product: Option<String>,
    pub amount: Option<Money>,
    pub returned: bool,
    pub external_id: Option<String>,
    pub created_at: Timestamp,
}

const SELECT: &str = "SELECT t.id, t.customer_id, t.occurred_at, t.product_id, p.name AS product, \
     t.amount_minor, t.currency, t.returned, t.external_id, t.created_at \
     FROM transactions t LEFT JOIN products p ON p.id = t.product_id";

fn from_row(r: &AnyRow) -> StoreResult<StoredTransaction> {
    let currency: Option<String> = r.try_get("currency")?;
    let minor: Option<i64> = r.try_get("amount_minor")?;
    let amount = match (minor, currency) {
        (Some(m), Some(c)) => Currency::parse(&c)
            .and_then(|c| Money::from_minor(m, c))
            .ok(),
        _ => None,
    };
    Ok(StoredTransaction {
        id: r.try_get("id")?,
        customer_id: CustomerId(r.try_get("customer_id")?),
        occurred_at: ts(r.try_get("occurred_at")?),
        product_id: r.try_get::<Option<i64>, _>("product_id")?.map(ProductId),
        product: r.try_get("product")?,
        amount,
        returned: r.try_get::<i64, _>("returned")? == 1,
        external_id: r.try_get("external_id")?,
        created_at: ts(r.try_get("created_at")?),
    })
}

/// When a purchase's retention contact is due (`after` the purchase) and the job that makes it
/// (from the purchase's id and the contact's time), stored with the purchase.
#[derive(Debug, Clone, Copy)]
pub struct RetentionPlan {
    pub after: SignedDuration,
    pub job: fn(i64, Timestamp) -> NewJob,
}

impl Store {
    /// The customer each key names, in order; `None` where no customer matches. One query per
    /// kind of key, however many keys.
    pub async fn resolve_customers(
        &self,
        keys: &[&CustomerKey],
    ) -> StoreResult<Vec<Option<CustomerId>>> {
        let mut found: HashMap<(u8, String), CustomerId> = HashMap::new();
        for (kind, column) in [(0u8, "id"), (1, "email"), (2, "external_ref")] {
            let wanted: BTreeSet<String> = keys
                .iter()
                .filter_map(|k| match (kind, k) {
                    (0, CustomerKey::Id(id)) => Some(id.0.to_string()),
                    (1, CustomerKey::Email(e)) => Some(e.to_string()),
                    (2, CustomerKey::Ref(r)) => Some(r.to_string()),
                    _ => None,
                })
                .collect();
            for chunk in wanted.into_iter().collect::<Vec<_>>().chunks(CHUNK) {
                let mut sql = Sql::new(
                    self.engine(),
                    format!("SELECT id, {column} AS k FROM customers WHERE {column} IN ("),
                );
                for (i, k) in chunk.iter().enumerate() {
                    if i > 0 {
                        sql.push(", ");
                    }
                    match kind {
                        0 => sql.bind(k.parse::<i64>().unwrap_or(0)),
                        _ => sql.bind(k.clone()),
                    };
                }
                sql.push(") ORDER BY id DESC");
                for row in sql.build().fetch_all(self.read()).await? {
                    let key = match kind {
                        0 => row.try_get::<i64, _>("k")?.to_string(),
                        _ => row.try_get::<String, _>("k")?,
                    };
                    // Lowest id last, so it wins when two customers share an address.
                    found.insert((kind, key), CustomerId(row.try_get("id")?));
                }
            }
        }
        Ok(keys
            .iter()
            .map(|k| {
                let key = match k {
                    CustomerKey::Id(id) => (0, id.0.to_string()),
                    CustomerKey::Email(e) => (1, e.to_string()),
                    CustomerKey::Ref(r) => (2, r.to_string()),
                };
                found.get(&key).copied()
            })
            .collect())
    }

    /// Stores purchases whose customers are resolved already, all or none, each with its
    /// retention contact by `retention` (none when `None`, or when that time passed
    /// more than [`RETENTION_GRACE`] ago). External ids stored already are skipped.
    pub async fn import_transactions(
        &self,
        rows: &[(CustomerId, &Transaction)],
        retention: Option<RetentionPlan>,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let inserted = self.insert_transactions(rows, retention, now).await?.len() as u64;
        Ok(ImportOutcome {
            inserted,
            already_present: rows.len() as u64 - inserted,
        })
    }

    /// The ids of the purchases stored (those whose external id was new).
    async fn insert_transactions(
        &self,
        rows: &[(CustomerId, &Transaction)],
        retention: Option<RetentionPlan>,
        now: Timestamp,
    ) -> StoreResult<Vec<i64>> {
        // Products first: catalog entries are idempotent and take the writer themselves.
        let names: Vec<&Name> = rows
            .iter()
            .filter_map(|(_, t)| t.product.as_ref())
            .collect();
        let products = self.ensure_products(names, now).await?;
        let mut tx = self.write().begin().await?;
        let inserted =
            import::insert_rows(&mut tx, self.engine(), rows, &products, retention, now).await?;
        tx.commit().await?;
        Ok(inserted)
    }

    /// Stores one purchase (see [`Store::import_transactions`]); `Conflict` on `external_id`
    /// when a purchase with that id is stored already, a field error when the customer is unknown.
    pub async fn create_transaction(
        &self,
        t: &Transaction,
        retention: Option<RetentionPlan>,
        now: Timestamp,
    ) -> StoreResult<StoredTransaction> {
        let customer = self.resolve_customers(&[&t.customer]).await?[0].ok_or_else(|| {
            let (field, reason) = unknown_customer(&t.customer);
            StoreError::field(field, reason)
        })?;
        let ids = self
            .insert_transactions(&[(customer, t)], retention, now)
            .await?;
        let Some(&id) = ids.first() else {
            return Err(StoreError::Conflict {
                field: "external_id",
                reason: DUPLICATE_PURCHASE.into(),
            });
        };
        let row = sqlx::query(AssertSqlSafe(format!("{SELECT} WHERE t.id = $1")))
            .bind(id)
            .fetch_one(self.write())
            .await?;
        from_row(&row)
    }

    pub async fn transaction(&self, id: i64) -> StoreResult<StoredTransaction> {
        let row = sqlx::query(AssertSqlSafe(format!("{SELECT} WHERE t.id = $1")))
            .bind(id)
            .fetch_optional(self.read())
            .await?
            .ok_or(StoreError::NotFound("transaction"))?;
        from_row(&row)
    }

    /// Purchases newest first, optionally one customer's, `limit` at a time after the purchase
    /// id `before` (keyset paging on the id).
    pub async fn transactions(
        &self,
        customer: Option<CustomerId>,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<StoredTransaction>> {
        let mut sql = Sql::new(self.engine(), format!("{SELECT} WHERE 1 = 1"));
        if let Some(c) = customer {
            sql.push(" AND t.customer_id = ").bind(c.0);
        }
        if let Some(b) = before {
            sql.push(" AND t.id < ").bind(b);
        }
        sql.push(&format!(
            " ORDER BY t.id DESC LIMIT {}",
            limit.clamp(1, 200)
        ));
        let rows = sql.build().fetch_all(self.read()).await?;
        rows.iter().map(from_row).collect()
    }
}

/// The field and reason for a purchase whose customer is not stored.
pub fn unknown_customer(key: &CustomerKey) -> (&'static str, ReasonKind) {
    match key {
        CustomerKey::Id(_) => ("customer_id", UNKNOWN_CUSTOMER_ID),
        CustomerKey::Email(_) => ("customer_email", UNKNOWN_CUSTOMER_EMAIL),
        CustomerKey::Ref(_) => ("customer_ref", UNKNOWN_CUSTOMER_REF),
    }
}
