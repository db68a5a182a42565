//! Checks that the rows complaints point at exist, for a whole batch in a few queries, and
//! names each missing one by the field that points at it.

use std::collections::HashSet;

use sqlx::{AnyConnection, Row};
use tend_domain::FieldErrors;
use tend_domain::complaint::ComplaintRecord;

use crate::sql::Sql;

/// The ids of `table` among `ids`, in one query (none when `ids` is empty).
async fn present(
    conn: &mut AnyConnection,
    table: &str,
    column: &str,
    ids: HashSet<Key>,
) -> sqlx::Result<HashSet<Key>> {
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    let mut sql = Sql::new(format!(
        "SELECT {column} AS k FROM {table} WHERE {column} IN ("
    ));
    for (i, id) in ids.into_iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        match id {
            Key::Id(n) => sql.bind(n),
            Key::Code(c) => sql.bind(c),
        };
    }
    sql.push(")");
    let rows = sql.build().fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| match r.try_get::<i64, _>("k") {
            Ok(n) => Ok(Key::Id(n)),
            Err(_) => r.try_get::<String, _>("k").map(Key::Code),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Id(i64),
    Code(String),
}

/// For each record, the fields that point at rows that do not exist.
pub(crate) async fn check(
    conn: &mut AnyConnection,
    records: &[&ComplaintRecord],
) -> sqlx::Result<Vec<FieldErrors>> {
    let ids = |f: &dyn Fn(&ComplaintRecord) -> Vec<Option<i64>>| -> HashSet<Key> {
        records
            .iter()
            .flat_map(|r| f(r))
            .flatten()
            .map(Key::Id)
            .collect()
    };
    let customers = present(
        conn,
        "customers",
        "id",
        ids(&|r| vec![Some(r.customer_id.0)]),
    )
    .await?;
    let channels_wanted = records
        .iter()
        .map(|r| Key::Code(r.channel.as_str().to_owned()))
        .collect();
    let channels = present(conn, "channels", "code", channels_wanted).await?;
    let categories = present(
        conn,
        "categories",
        "id",
        ids(&|r| vec![r.category_id.map(|c| c.0)]),
    )
    .await?;
    let products = present(
        conn,
        "products",
        "id",
        ids(&|r| vec![r.product_id.map(|p| p.0)]),
    )
    .await?;
    let employees = present(
        conn,
        "employees",
        "id",
        ids(&|r| {
            vec![
                r.received_by.map(|e| e.0),
                r.assignee_id.map(|e| e.0),
                r.escalated_to.map(|e| e.0),
            ]
        }),
    )
    .await?;
    Ok(records
        .iter()
        .map(|r| {
            let mut e = FieldErrors::new();
            if !customers.contains(&Key::Id(r.customer_id.0)) {
                e.add(
                    "customer_id",
                    format!("no customer with id {}", r.customer_id),
                );
            }
            if !channels.contains(&Key::Code(r.channel.as_str().to_owned())) {
                e.add("channel", format!("no channel {:?}", r.channel.as_str()));
            }
            for (field, what, id, set) in [
                (
                    "category_id",
                    "category",
                    r.category_id.map(|c| c.0),
                    &categories,
                ),
                (
                    "product_id",
                    "product",
                    r.product_id.map(|p| p.0),
                    &products,
                ),
                (
                    "received_by",
                    "employee",
                    r.received_by.map(|e| e.0),
                    &employees,
                ),
                (
                    "assignee_id",
                    "employee",
                    r.assignee_id.map(|e| e.0),
                    &employees,
                ),
                ("to", "employee", r.escalated_to.map(|e| e.0), &employees),
            ] {
                if let Some(id) = id.filter(|id| !set.contains(&Key::Id(*id))) {
                    e.add(field, format!("no {what} with id {id}"));
                }
            }
            e
        })
        .collect())
}
