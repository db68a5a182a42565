//! Writing customers: create, update and bulk import, imports through one multi-row upsert that
//! stores each person once (e-mail, then phone, then `external_ref`; complaint imports use it too).

use jiff::Timestamp;
use tend_domain::kernel::reason::*;

use sqlx::{AnyConnection, AssertSqlSafe, Row};
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::CustomerId;

use super::StoredCustomer;
use super::consent::{log_new_consents, set_consent_in};
use super::rows::{COLUMNS, bind, values};
use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::{Sql, V, match_ids};
use crate::kernel::time::us;
use crate::store::Store;
use tend_domain::customers::consent::ConsentVia;

/// A failed customer write, as the caller should see it: a duplicate `external_ref` or an
/// unknown `preferred_channel` names the field; anything else stays a database error.
fn write_error(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_foreign_key_violation() => {
            StoreError::field("preferred_channel", UNKNOWN_CHANNEL)
        }
        _ => StoreError::unique(e, "external_ref", DUPLICATE_CUSTOMER_REF),
    }
}

/// Customers per statement: 21 parameters each.
const CHUNK: usize = 1000;

/// Stores each customer as a new row, in the caller's transaction: the customers a complaint
/// brings with it at intake. An `external_ref` stored already, or given twice, is a conflict.
/// Their consent is logged by the caller ([`log_new_consents`]) once it knows which stay.
pub(crate) async fn insert_new(
    conn: &mut AnyConnection,
    engine: Engine,
    customers: &[&Customer],
    now: Timestamp,
) -> StoreResult<Vec<CustomerId>> {
    insert(conn, engine, customers, Upsert::No, now).await
}

/// Takes back customers [`insert_new`] stored in the caller's transaction, before it commits:
/// those whose complaint was refused. Nothing else points at them yet.
pub(crate) async fn remove_new(
    conn: &mut AnyConnection,
    engine: Engine,
    ids: &[CustomerId],
) -> sqlx::Result<()> {
    for chunk in ids.chunks(CHUNK) {
        let mut sql = Sql::new(engine, "DELETE FROM customers WHERE id IN (");
        for (n, id) in chunk.iter().enumerate() {
            sql.push(if n == 0 { "" } else { ", " }).bind(id.0);
        }
        sql.push(")");
        sql.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Whether a row whose `external_ref` is stored already answers with that row's id.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Upsert {
    Yes,
    No,
}

/// One multi-row INSERT per chunk; the id of each customer, in order.
pub(super) async fn insert(
    conn: &mut AnyConnection,
    engine: Engine,
    customers: &[&Customer],
    upsert: Upsert,
    now: Timestamp,
) -> StoreResult<Vec<CustomerId>> {
    let mut ids: Vec<CustomerId> = Vec::with_capacity(customers.len());
    for chunk in customers.chunks(CHUNK) {
        let mut sql = Sql::new(
            engine,
            format!("INSERT INTO customers ({COLUMNS}, created_at, updated_at) VALUES "),
        );
        for (n, c) in chunk.iter().enumerate() {
            sql.push_tuple(
                n,
                values(c)
                    .into_iter()
                    .chain([V::from(us(now)), V::from(us(now))]),
            );
        }
        if upsert == Upsert::Yes {
            sql.push(" ON CONFLICT (external_ref) DO UPDATE SET updated_at = customers.updated_at");
        }
        sql.push(" RETURNING id, external_ref");
        let rows = sql
            .build()
            .fetch_all(&mut *conn)
            .await
            .map_err(write_error)?;
        let returned = rows
            .iter()
            .map(|row| {
                Ok((
                    row.try_get::<Option<String>, _>("external_ref")?,
                    row.try_get("id")?,
                ))
            })
            .collect::<sqlx::Result<Vec<_>>>()?;
        let sent: Vec<Option<String>> = chunk
            .iter()
            .map(|c| c.external_ref.as_ref().map(|r| r.to_string()))
            .collect();
        for id in match_ids(returned, &sent) {
            ids.push(CustomerId(id.ok_or_else(corrupt_batch)?));
        }
    }
    Ok(ids)
}

pub(super) fn corrupt_batch() -> StoreError {
    StoreError::Database(sqlx::Error::Protocol(
        "a batch insert returned fewer customers than it was given".into(),
    ))
}

impl Store {
    pub async fn create_customer(
        &self,
        c: &Customer,
        now: Timestamp,
        via: ConsentVia,
    ) -> StoreResult<StoredCustomer> {
        let mut conn = self.write().begin().await?;
        if c.external_ref.is_some() {
            let existing = sqlx::query("SELECT 1 FROM customers WHERE external_ref = $1")
                .bind(c.external_ref.as_ref().map(|r| r.to_string()))
                .fetch_optional(&mut *conn)
                .await?;
            if existing.is_some() {
                return Err(StoreError::Conflict {
                    field: "external_ref",
                    reason: DUPLICATE_CUSTOMER_REF.into(),
                });
            }
        }
        let id = insert(&mut conn, self.engine(), &[c], Upsert::No, now).await?[0];
        log_new_consents(&mut conn, self.engine(), &[id], via, now).await?;
        conn.commit().await?;
        self.customer(id).await
    }

    /// Stores many customers in one transaction (all or nothing), each person once (see
    /// `people::upsert_batch`: e-mail, then phone, then `external_ref`); people stored already are kept
    /// as they are. Returns how many rows were new.
    pub async fn import_customers(
        &self,
        customers: &[Customer],
        now: Timestamp,
    ) -> StoreResult<u64> {
        let mut import = self.begin_import().await?;
        let new = import.customers(customers, now).await?;
        import.tx.commit().await?;
        Ok(new)
    }

    pub async fn update_customer(
        &self,
        id: CustomerId,
        c: &Customer,
        now: Timestamp,
        via: ConsentVia,
    ) -> StoreResult<StoredCustomer> {
        let sets: Vec<String> = COLUMNS
            .split(", ")
            .enumerate()
            .map(|(i, col)| format!("{col} = ${}", i + 1))
            .collect();
        let n = sets.len();
        let sql = format!(
            "UPDATE customers SET {}, updated_at = ${} WHERE id = ${}",
            sets.join(", "),
            n + 1,
            n + 2
        );
        let mut tx = self.write().begin().await?;
        // The consent first, so a change of it is logged in this transaction (and locks the row).
        set_consent_in(&mut tx, id, c.consent_to_contact, via, now).await?;
        let done = bind(sqlx::query(AssertSqlSafe(sql)), c)
            .bind(us(now))
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .map_err(write_error)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound("customer"));
        }
        // The customer's name is part of their complaints' search documents.
        let ids = sqlx::query("SELECT id FROM complaints WHERE customer_id = $1")
            .bind(id.0)
            .fetch_all(&mut *tx)
            .await?;
        for row in ids {
            let complaint = tend_domain::kernel::ids::ComplaintId(row.try_get("id")?);
            crate::kernel::search::reindex(&mut tx, self.engine(), complaint).await?;
        }
        tx.commit().await?;
        self.customer(id).await
    }
}

impl crate::complaints::Import {
    /// Stores one batch of customers, each person once (see `people::upsert_batch`: e-mail, then
    /// phone, then `external_ref`, against this batch, earlier ones and the stored customers);
    /// people stored already are kept as they are. Returns how many rows were new.
    ///
    /// Errors: the database's; the import should then be dropped.
    pub async fn customers(&mut self, customers: &[Customer], now: Timestamp) -> StoreResult<u64> {
        let all: Vec<&Customer> = customers.iter().collect();
        let (_, new) =
            super::people::upsert_counted(&mut self.tx, self.engine, &all, now, ConsentVia::Import)
                .await?;
        Ok(new)
    }
}
