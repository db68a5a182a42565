//! Writing customers in a few multi-row statements: the stored values of a customer, re-imports
//! upserted on `external_ref`, new customers taken with their complaints, and how a failed
//! write reads to the caller.

use std::collections::HashMap;
use tend_domain::kernel::reason::*;

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::CustomerId;

use super::{COLUMNS, fold, serde_str};
use crate::error::{StoreError, StoreResult};
use crate::sql::{Sql, V, Value, match_ids};
use crate::store::Engine;
use crate::time::us;

/// The stored values of a customer, in `COLUMNS` order.
pub(super) fn values(c: &Customer) -> Vec<Value> {
    let s = |v: Option<&dyn ToString>| v.map(|v| v.to_string());
    vec![
        V::from(c.name.to_string()),
        V::from(s(c.address.as_ref().map(|v| v as _))),
        V::from(s(c.phone.as_ref().map(|v| v as _))),
        V::from(s(c.email.as_ref().map(|v| v as _))),
        V::from(s(c.city.as_ref().map(|v| v as _))),
        V::from(s(c.region.as_ref().map(|v| v as _))),
        V::from(s(c.country.as_ref().map(|v| v as _))),
        V::from(serde_str(c.education_level)),
        V::from(serde_str(c.gender)),
        V::from(c.birth_year.map(|y| i64::from(y.get()))),
        V::from(s(c.preferred_language.as_ref().map(|v| v as _))),
        V::from(s(c.preferred_channel.as_ref().map(|v| v as _))),
        V::from(i64::from(c.consent_to_contact)),
        V::from(s(c.notes.as_ref().map(|v| v as _))),
        V::from(s(c.external_ref.as_ref().map(|v| v as _))),
        V::from(fold(c.name.as_str())),
        V::from(c.email.as_ref().map(|e| fold(e.as_str()))),
    ]
}

/// A failed customer write, as the caller should see it: a duplicate `external_ref` or an
/// unknown `preferred_channel` names the field; anything else stays a database error.
pub(super) fn write_error(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_foreign_key_violation() => {
            StoreError::field("preferred_channel", UNKNOWN_CHANNEL)
        }
        _ => StoreError::unique(e, "external_ref", DUPLICATE_CUSTOMER_REF),
    }
}

/// Customers per statement: 19 parameters each.
const CHUNK: usize = 1000;

/// Like `upsert`, for many customers in a few multi-row statements. Customers sharing an
/// `external_ref` are one customer (PostgreSQL refuses to upsert a row twice in one statement).
pub(crate) async fn upsert_batch(
    conn: &mut AnyConnection,
    engine: Engine,
    customers: &[&Customer],
    now: Timestamp,
) -> StoreResult<Vec<CustomerId>> {
    let mut first_by_ref: HashMap<String, usize> = HashMap::new();
    let mut unique: Vec<usize> = Vec::new();
    let mut target: Vec<usize> = Vec::with_capacity(customers.len());
    for (i, c) in customers.iter().enumerate() {
        match c.external_ref.as_ref().map(|r| r.to_string()) {
            Some(r) => {
                let slot = *first_by_ref.entry(r).or_insert_with(|| {
                    unique.push(i);
                    unique.len() - 1
                });
                target.push(slot);
            }
            None => {
                unique.push(i);
                target.push(unique.len() - 1);
            }
        }
    }
    let unique: Vec<&Customer> = unique.into_iter().map(|i| customers[i]).collect();
    let ids = insert(conn, engine, &unique, Upsert::Yes, now).await?;
    Ok(target.into_iter().map(|slot| ids[slot]).collect())
}

/// Stores each customer as a new row, in the caller's transaction: the customers a complaint
/// brings with it at intake. An `external_ref` stored already, or given twice, is a conflict.
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
enum Upsert {
    Yes,
    No,
}

/// One multi-row INSERT per chunk; the id of each customer, in order.
async fn insert(
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

fn corrupt_batch() -> StoreError {
    StoreError::Database(sqlx::Error::Protocol(
        "a batch insert returned fewer customers than it was given".into(),
    ))
}
