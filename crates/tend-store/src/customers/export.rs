//! Everything stored about one customer, as JSON: their profile, consent log, complaints with
//! steps and timeline, purchases and the mail sent to them. Rows are copied column by column
//! from the tables themselves, so a column added later is exported too.

use jiff::Timestamp;
use serde_json::{Map, Value, json};
use sqlx::any::AnyRow;
use sqlx::{Column, Row};
use tend_domain::kernel::ids::CustomerId;

use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::time::ts;
use crate::store::Store;

/// Columns that are working copies of others (search keys), left out.
const DERIVED: [&str; 2] = ["name_folded", "email_folded"];

/// Whether a column holds an instant (UTC microseconds), exported as RFC 3339.
fn is_instant(column: &str) -> bool {
    column == "at" || column.ends_with("_at") || column == "promised_by"
}

/// One row as a JSON object: integers as numbers, instants as RFC 3339 text in UTC, text as
/// text, NULL as null.
fn object(row: &AnyRow) -> Value {
    let mut m = Map::new();
    for c in row.columns() {
        let name = c.name();
        if DERIVED.contains(&name) {
            continue;
        }
        let v = if let Ok(i) = row.try_get::<Option<i64>, _>(c.ordinal()) {
            match i {
                Some(i) if is_instant(name) => json!(ts(i).to_string()),
                Some(i) => json!(i),
                None => Value::Null,
            }
        } else if let Ok(s) = row.try_get::<Option<String>, _>(c.ordinal()) {
            json!(s)
        } else if let Ok(f) = row.try_get::<Option<f64>, _>(c.ordinal()) {
            json!(f)
        } else {
            Value::Null
        };
        m.insert(name.to_owned(), v);
    }
    Value::Object(m)
}

impl Store {
    async fn rows(&self, sql: &'static str, id: i64) -> StoreResult<Vec<Value>> {
        let rows = sqlx::query(sql).bind(id).fetch_all(self.read()).await?;
        Ok(rows.iter().map(object).collect())
    }

    /// Everything stored about customer `id`, as one JSON document:
    /// `{"format": "tend-customer-export/1", "exported_at", "customer", "consent_log",
    /// "complaints": [{…, "steps", "timeline", "messages"}], "purchases", "mail_sent",
    /// "mail_received"}`; instants in RFC 3339 (UTC), amounts in minor units as stored.
    /// Errors: `NotFound("customer")`.
    pub async fn customer_export(&self, id: CustomerId, now: Timestamp) -> StoreResult<Value> {
        let customer = self
            .rows("SELECT * FROM customers WHERE id = $1", id.0)
            .await?
            .pop()
            .ok_or(StoreError::NotFound("customer"))?;
        let mut complaints = self
            .rows(
                "SELECT * FROM complaints WHERE customer_id = $1 ORDER BY id",
                id.0,
            )
            .await?;
        for c in &mut complaints {
            let cid = c["id"].as_i64().unwrap_or_default();
            let steps = self
                .rows(
                    "SELECT * FROM complaint_steps WHERE complaint_id = $1 ORDER BY id",
                    cid,
                )
                .await?;
            let timeline = self
                .rows(
                    "SELECT * FROM complaint_events WHERE complaint_id = $1 ORDER BY id",
                    cid,
                )
                .await?;
            let messages = self
                .rows(
                    "SELECT * FROM complaint_messages WHERE complaint_id = $1 ORDER BY id",
                    cid,
                )
                .await?;
            c["steps"] = Value::Array(steps);
            c["timeline"] = Value::Array(timeline);
            c["messages"] = Value::Array(messages);
        }
        let consent = self
            .rows(
                "SELECT given, via, at FROM customer_consent_log WHERE customer_id = $1 ORDER BY id",
                id.0,
            )
            .await?;
        let purchases = self
            .rows(
                "SELECT t.*, p.name AS product FROM transactions t \
                 LEFT JOIN products p ON p.id = t.product_id WHERE t.customer_id = $1 ORDER BY t.id",
                id.0,
            )
            .await?;
        let mail_sent = self
            .rows(
                "SELECT m.* FROM sent_mail m JOIN customers c ON lower(m.recipient) = lower(c.email) \
                 WHERE c.id = $1 ORDER BY m.sent_at",
                id.0,
            )
            .await?;
        // Mail they sent, raw (base64) as received.
        let mail_received = self
            .rows(
                "SELECT m.* FROM inbound_mail m JOIN customers c ON lower(m.sender) = lower(c.email) \
                 WHERE c.id = $1 ORDER BY m.id",
                id.0,
            )
            .await?;
        Ok(json!({
            "format": "tend-customer-export/1",
            "exported_at": now.to_string(),
            "customer": customer,
            "consent_log": consent,
            "complaints": complaints,
            "purchases": purchases,
            "mail_sent": mail_sent,
            "mail_received": mail_received,
        }))
    }
}
