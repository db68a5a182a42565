//! One person, one customer: imports match a customer to one earlier in the file or stored
//! already by the folded e-mail, else the phone's digits, else the source's id.

use std::collections::HashMap;

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use tend_domain::customers::Customer;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::CustomerId;

use super::consent::log_new_consents;
use super::rows::{email_key, phone_key};
use super::write::{Upsert, corrupt_batch, insert};
use crate::kernel::engine::Engine;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;

/// Stores many customers in a few multi-row statements, each person once: a customer is the
/// same person as one before it in `customers`, or as one stored already, when they share the
/// e-mail address (case-folded), else the phone's digits, else the source's id
/// (`external_ref`) — checked in that order. A person stored already is kept as they are.
/// Returns the id of each customer, in order.
pub(crate) async fn upsert_batch(
    conn: &mut AnyConnection,
    engine: Engine,
    customers: &[&Customer],
    now: Timestamp,
    via: ConsentVia,
) -> StoreResult<Vec<CustomerId>> {
    Ok(upsert_counted(conn, engine, customers, now, via).await?.0)
}

/// [`upsert_batch`], also saying how many customers were new.
pub(crate) async fn upsert_counted(
    conn: &mut AnyConnection,
    engine: Engine,
    customers: &[&Customer],
    now: Timestamp,
    via: ConsentVia,
) -> StoreResult<(Vec<CustomerId>, u64)> {
    let (unique, target) = slots(customers);
    let unique: Vec<&Customer> = unique.into_iter().map(|i| customers[i]).collect();
    let stored = stored_people(conn, engine, &unique).await?;
    let new: Vec<&Customer> = unique
        .iter()
        .zip(&stored)
        .filter(|(_, s)| s.is_none())
        .map(|(c, _)| *c)
        .collect();
    let made = insert(conn, engine, &new, Upsert::Yes, now).await?;
    log_new_consents(conn, engine, &made, via, now).await?;
    let new = made.len() as u64;
    let mut made = made.into_iter();
    let ids: Vec<CustomerId> = stored
        .into_iter()
        .map(|s| s.or_else(|| made.next()).ok_or_else(corrupt_batch))
        .collect::<StoreResult<_>>()?;
    Ok((target.into_iter().map(|slot| ids[slot]).collect(), new))
}

/// Each person in `customers` once: the indices of the first row of each person, and for every
/// row the position of its person among those (the same person: a shared e-mail, else phone,
/// else source id, with an earlier row or one that matched an earlier row).
pub(crate) fn slots(customers: &[&Customer]) -> (Vec<usize>, Vec<usize>) {
    let mut keys: [HashMap<String, usize>; 3] = Default::default();
    let mut unique: Vec<usize> = Vec::new();
    let mut target: Vec<usize> = Vec::with_capacity(customers.len());
    for (i, c) in customers.iter().enumerate() {
        let k = person_keys(c);
        let found = (0..3).find_map(|n| k[n].as_ref().and_then(|v| keys[n].get(v).copied()));
        let slot = found.unwrap_or_else(|| {
            unique.push(i);
            unique.len() - 1
        });
        for (n, v) in k.into_iter().enumerate() {
            if let Some(v) = v {
                keys[n].entry(v).or_insert(slot);
            }
        }
        target.push(slot);
    }
    (unique, target)
}

/// What a person is matched on, in order: folded e-mail, phone digits, source id.
pub(crate) fn person_keys(c: &Customer) -> [Option<String>; 3] {
    [
        email_key(c),
        phone_key(c),
        c.external_ref.as_ref().map(|r| r.to_string()),
    ]
}

pub(crate) const KEY_COLUMNS: [&str; 3] = ["email_folded", "phone_digits", "external_ref"];

/// The stored person each customer is, if any (by `person_keys`, in their order).
async fn stored_people(
    conn: &mut AnyConnection,
    engine: Engine,
    customers: &[&Customer],
) -> StoreResult<Vec<Option<CustomerId>>> {
    let mut out = Vec::with_capacity(customers.len());
    for chunk in customers.chunks(300) {
        let keys: Vec<[Option<String>; 3]> = chunk.iter().map(|c| person_keys(c)).collect();
        let mut found: [HashMap<String, CustomerId>; 3] = Default::default();
        for (n, column) in KEY_COLUMNS.iter().enumerate() {
            let values: Vec<&String> = keys.iter().filter_map(|k| k[n].as_ref()).collect();
            if values.is_empty() {
                continue;
            }
            let mut sql = Sql::new(
                engine,
                format!("SELECT id, {column} AS k FROM customers WHERE {column} IN ("),
            );
            for (i, v) in values.iter().enumerate() {
                sql.push(if i == 0 { "" } else { ", " }).bind((*v).clone());
            }
            sql.push(") ORDER BY id");
            for row in sql.build().fetch_all(&mut *conn).await? {
                let k: String = row.try_get("k")?;
                found[n].entry(k).or_insert(CustomerId(row.try_get("id")?));
            }
        }
        for k in keys {
            out.push((0..3).find_map(|n| k[n].as_ref().and_then(|v| found[n].get(v).copied())));
        }
    }
    Ok(out)
}
