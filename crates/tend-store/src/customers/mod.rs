//! Customers: create, read, update and list, with re-imports matched on `external_ref`.

mod batch;

pub(crate) use batch::{insert_new, remove_new, upsert_batch};

use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use tend_domain::customers::{Customer, CustomerDraft, EducationLevel, Gender};
use tend_domain::kernel::ids::CustomerId;
use tend_domain::kernel::reason::*;

use crate::error::{StoreError, StoreResult};
use crate::sql::AnyQuery;
use crate::store::Store;
use crate::time::{ts, us};
use batch::{values, write_error};

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
