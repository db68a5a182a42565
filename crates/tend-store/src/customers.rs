//! Customers: create, read, update and list, with re-imports matched on `external_ref`.

use jiff::Timestamp;
use sqlx::any::AnyRow;
use std::collections::HashMap;
use tend_domain::kernel::reason::*;

use sqlx::{AnyConnection, AssertSqlSafe, Row};
use tend_domain::customers::{Customer, CustomerDraft, EducationLevel, Gender};
use tend_domain::kernel::ids::CustomerId;

use crate::error::{StoreError, StoreResult};
use crate::sql::{AnyQuery, Sql, V, Value, match_ids};
use crate::store::{Engine, Store};
use crate::time::{ts, us};

#[derive(Debug, Clone, PartialEq)]
pub struct StoredCustomer {
    pub id: CustomerId,
    pub customer: Customer,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

pub struct CustomerPage {
    pub items: Vec<StoredCustomer>,
    /// Pass as `after` for the next page.
    pub next: Option<CustomerId>,
}

const COLUMNS: &str = "name, address, phone, email, city, region, country, education_level, gender, birth_year, \
    preferred_language, preferred_channel, consent_to_contact, notes, external_ref, name_folded, email_folded";

fn serde_str<T: serde::Serialize>(v: Option<T>) -> Option<String> {
    v.and_then(|v| serde_json::to_value(v).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
}

fn serde_parse<T: serde::de::DeserializeOwned>(v: Option<String>) -> Option<T> {
    v.and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok())
}

/// The stored values of a customer, in `COLUMNS` order.
fn values(c: &Customer) -> Vec<Value> {
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

fn bind<'q>(q: AnyQuery<'q>, c: &Customer) -> AnyQuery<'q> {
    values(c).into_iter().fold(q, |q, v| v.bind_query(q))
}

fn from_row(row: &AnyRow) -> StoreResult<StoredCustomer> {
    let t = |c: &str| row.try_get::<Option<String>, _>(c);
    let draft = CustomerDraft {
        name: t("name")?,
        address: t("address")?,
        phone: t("phone")?,
        email: t("email")?,
        city: t("city")?,
        region: t("region")?,
        country: t("country")?,
        education_level: serde_parse::<EducationLevel>(t("education_level")?),
        gender: serde_parse::<Gender>(t("gender")?),
        birth_year: row.try_get("birth_year")?,
        preferred_language: t("preferred_language")?,
        preferred_channel: t("preferred_channel")?,
        consent_to_contact: Some(row.try_get::<i64, _>("consent_to_contact")? != 0),
        notes: t("notes")?,
        external_ref: t("external_ref")?,
    };
    Ok(StoredCustomer {
        id: CustomerId(row.try_get("id")?),
        customer: draft.validate(i16::MAX)?,
        created_at: ts(row.try_get("created_at")?),
        updated_at: ts(row.try_get("updated_at")?),
    })
}

/// Lower-cased for case-insensitive search in every script, the same on both engines (SQLite's
/// `lower()` folds ASCII only). Turkish İ folds to a plain i.
pub(crate) fn fold(s: &str) -> String {
    s.to_lowercase().replace('\u{307}', "")
}

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
    let mut ids: Vec<CustomerId> = Vec::with_capacity(unique.len());
    for chunk in unique.chunks(CHUNK) {
        let mut sql = Sql::new(
            engine,
            format!("INSERT INTO customers ({COLUMNS}, created_at, updated_at) VALUES "),
        );
        for (n, &i) in chunk.iter().enumerate() {
            sql.push_tuple(
                n,
                values(customers[i])
                    .into_iter()
                    .chain([V::from(us(now)), V::from(us(now))]),
            );
        }
        sql.push(" ON CONFLICT (external_ref) DO UPDATE SET updated_at = customers.updated_at RETURNING id, external_ref");
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
            .map(|&i| customers[i].external_ref.as_ref().map(|r| r.to_string()))
            .collect();
        for id in match_ids(returned, &sent) {
            ids.push(CustomerId(id.ok_or_else(corrupt_batch)?));
        }
    }
    Ok(target.into_iter().map(|slot| ids[slot]).collect())
}

fn corrupt_batch() -> StoreError {
    StoreError::Database(sqlx::Error::Protocol(
        "a batch upsert returned fewer customers than it was given".into(),
    ))
}

impl Store {
    pub async fn create_customer(
        &self,
        c: &Customer,
        now: Timestamp,
    ) -> StoreResult<StoredCustomer> {
        let mut conn = self.write().acquire().await?;
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
        let id = upsert_batch(&mut conn, self.engine(), &[c], now).await?[0];
        drop(conn);
        self.customer(id).await
    }

    /// Stores many customers in one transaction (all or nothing); ones whose `external_ref`
    /// is stored already are kept as they are. Returns how many rows were new.
    pub async fn import_customers(
        &self,
        customers: &[Customer],
        now: Timestamp,
    ) -> StoreResult<u64> {
        let mut tx = self.write().begin().await?;
        let before: i64 = sqlx::query("SELECT count(*) AS n FROM customers")
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
        let all: Vec<&Customer> = customers.iter().collect();
        upsert_batch(&mut tx, self.engine(), &all, now).await?;
        let after: i64 = sqlx::query("SELECT count(*) AS n FROM customers")
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
        tx.commit().await?;
        Ok(u64::try_from(after - before).unwrap_or(0))
    }

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

    pub async fn update_customer(
        &self,
        id: CustomerId,
        c: &Customer,
        now: Timestamp,
    ) -> StoreResult<StoredCustomer> {
        let sets: Vec<String> = COLUMNS
            .split(", ")
            .enumerate()
            .map(|(i, col)| format!("{col} = ${}", i + 1))
            .collect();
        let sql = format!(
            "UPDATE customers SET {}, updated_at = $18 WHERE id = $19",
            sets.join(", ")
        );
        let mut tx = self.write().begin().await?;
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
            crate::search::reindex(&mut tx, self.engine(), complaint).await?;
        }
        tx.commit().await?;
        self.customer(id).await
    }

    /// Customers by id, newest first; `q` matches the start of the name or the e-mail address.
    pub async fn list_customers(
        &self,
        q: Option<&str>,
        after: Option<CustomerId>,
        limit: u32,
    ) -> StoreResult<CustomerPage> {
        let mut qb = crate::sql::Sql::new(
            self.engine(),
            format!("SELECT id, {COLUMNS}, created_at, updated_at FROM customers WHERE 1 = 1"),
        );
        if let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) {
            let pattern = format!("{}%", fold(&q.replace(['%', '_'], "")));
            qb.push(" AND (name_folded LIKE ")
                .bind(pattern.clone())
                .push(" OR email_folded LIKE ")
                .bind(pattern)
                .push(")");
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
