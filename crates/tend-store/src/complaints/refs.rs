//! Checks that the rows complaints point at exist — for a whole batch, in one query — and
//! names each missing one by the field that points at it.

use std::collections::HashSet;
use tend_domain::kernel::reason::*;

use sqlx::{AnyConnection, Row};
use tend_domain::FieldErrors;
use tend_domain::complaints::ComplaintRecord;

use crate::kernel::engine::Engine;
use crate::kernel::sql::Sql;

/// What a record points at: `(table, id)` for numeric keys, the channel by its code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Customer(i64),
    Category(i64),
    Product(i64),
    Employee(i64),
    Channel(String),
}

fn keys(r: &ComplaintRecord) -> Vec<Key> {
    let mut k = vec![
        Key::Customer(r.customer_id.0),
        Key::Channel(r.channel.as_str().to_owned()),
    ];
    k.extend(r.category_id.map(|c| Key::Category(c.0)));
    k.extend(r.product_id.map(|p| Key::Product(p.0)));
    for e in [
        r.received_by,
        r.assignee_id,
        r.escalation.as_ref().map(|x| x.to),
    ]
    .into_iter()
    .flatten()
    {
        k.push(Key::Employee(e.0));
    }
    k
}

/// The keys among `wanted` that exist, asked in one `UNION ALL` query.
async fn present(
    conn: &mut AnyConnection,
    engine: Engine,
    wanted: &HashSet<Key>,
) -> sqlx::Result<HashSet<Key>> {
    let mut sql = Sql::new(engine, "");
    let mut first = true;
    for (table, column, kind) in [
        ("customers", "id", "customer"),
        ("categories", "id", "category"),
        ("products", "id", "product"),
        ("employees", "id", "employee"),
    ] {
        let ids: Vec<i64> = wanted
            .iter()
            .filter_map(|k| match (k, kind) {
                (Key::Customer(n), "customer") | (Key::Category(n), "category") => Some(*n),
                (Key::Product(n), "product") | (Key::Employee(n), "employee") => Some(*n),
                _ => None,
            })
            .collect();
        if ids.is_empty() {
            continue;
        }
        sql.push(if first { "" } else { " UNION ALL " });
        first = false;
        sql.push(&format!(
            "SELECT '{kind}' AS kind, {column} AS id, '' AS code FROM {table} WHERE {column} IN ("
        ));
        for (i, id) in ids.into_iter().enumerate() {
            sql.push(if i == 0 { "" } else { ", " }).bind(id);
        }
        sql.push(")");
    }
    let codes: Vec<String> = wanted
        .iter()
        .filter_map(|k| {
            if let Key::Channel(c) = k {
                Some(c.clone())
            } else {
                None
            }
        })
        .collect();
    if !codes.is_empty() {
        sql.push(if first { "" } else { " UNION ALL " });
        sql.push("SELECT 'channel' AS kind, 0 AS id, code FROM channels WHERE code IN (");
        for (i, c) in codes.into_iter().enumerate() {
            sql.push(if i == 0 { "" } else { ", " }).bind(c);
        }
        sql.push(")");
    }
    let rows = sql.build().fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            let id: i64 = r.try_get("id")?;
            Ok(match kind.as_str() {
                "customer" => Key::Customer(id),
                "category" => Key::Category(id),
                "product" => Key::Product(id),
                "employee" => Key::Employee(id),
                _ => Key::Channel(r.try_get("code")?),
            })
        })
        .collect()
}

/// For each record, the fields that point at rows that do not exist.
pub(crate) async fn check(
    conn: &mut AnyConnection,
    engine: Engine,
    records: &[&ComplaintRecord],
) -> sqlx::Result<Vec<FieldErrors>> {
    let wanted: HashSet<Key> = records.iter().flat_map(|r| keys(r)).collect();
    let found = present(conn, engine, &wanted).await?;
    Ok(records
        .iter()
        .map(|r| {
            let mut e = FieldErrors::new();
            if !found.contains(&Key::Customer(r.customer_id.0)) {
                e.add("customer_id", NO_CUSTOMER.with("id", r.customer_id));
            }
            if !found.contains(&Key::Channel(r.channel.as_str().to_owned())) {
                e.add(
                    "channel",
                    NO_CHANNEL.with("got", format!("{:?}", r.channel.as_str())),
                );
            }
            for (field, key, what) in [
                (
                    "category_id",
                    r.category_id.map(|c| Key::Category(c.0)),
                    NO_CATEGORY,
                ),
                (
                    "product_id",
                    r.product_id.map(|p| Key::Product(p.0)),
                    NO_PRODUCT,
                ),
                (
                    "received_by",
                    r.received_by.map(|e| Key::Employee(e.0)),
                    NO_EMPLOYEE,
                ),
                (
                    "assignee_id",
                    r.assignee_id.map(|e| Key::Employee(e.0)),
                    NO_EMPLOYEE,
                ),
                (
                    "to",
                    r.escalation.as_ref().map(|e| Key::Employee(e.to.0)),
                    NO_EMPLOYEE,
                ),
            ] {
                if let Some(key) = key.filter(|k| !found.contains(k)) {
                    let id = match key {
                        Key::Category(n)
                        | Key::Product(n)
                        | Key::Employee(n)
                        | Key::Customer(n) => n,
                        Key::Channel(_) => 0,
                    };
                    e.add(field, what.with("id", id));
                }
            }
            e
        })
        .collect())
}
