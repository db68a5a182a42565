//! Complaint imports on PostgreSQL: each batch goes in by `COPY … FROM STDIN` (sqlx's
//! `PgConnection::copy_in_raw`, on a plain PostgreSQL connection of its own, since the `Any`
//! driver has no `COPY`) — new customers straight into `customers`, complaints into a temporary
//! staging table — then one `INSERT … SELECT` each for the complaints, their `created` timeline
//! entries and their search documents, all in one transaction. Ids are drawn from the tables'
//! sequences first, so every row is known by its id without reading anything back.
//!
//! The rules are the multi-row path's: a person once (`people::slots`, then the stored
//! customers by e-mail, phone, source id), `(source, external_id)` stored already is skipped,
//! and the search document is the same text tokenized by the same Rust tokenizer.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{AssertSqlSafe, Postgres, Row, Transaction};
use tend_domain::complaints::ComplaintRecord;
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::{ComplaintId, CustomerId, complaint_reference};
use tend_domain::kernel::reason::*;
use tend_domain::kernel::search_text::tokens;

use super::copy_text::{document, put_row, tsvector};
use super::insert::year_of;
use super::rows::{RECORD_COLUMNS, values};
use super::{Actor, ImportOutcome};
use crate::customers::{CUSTOMER_COLUMNS, KEY_COLUMNS, customer_values, person_keys, slots};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Value;
use crate::kernel::time::us;

/// A `COPY` import session: one transaction on its own connection.
pub(crate) struct PgCopy {
    tx: Transaction<'static, Postgres>,
}

/// The columns the staging table adds to `complaints`': the timeline's reference and the
/// search document (a `tsvector` literal).
const STAGING: &str = "CREATE TEMPORARY TABLE import_complaints \
    (LIKE complaints INCLUDING DEFAULTS, reference TEXT, doc TEXT) ON COMMIT DROP";

impl PgCopy {
    /// Connects to `url` and begins the transaction, with the staging table.
    pub(crate) async fn begin(url: &str) -> StoreResult<PgCopy> {
        let options: PgConnectOptions = url.parse()?;
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await?;
        let mut tx = pool.begin().await?;
        sqlx::query(STAGING).execute(&mut *tx).await?;
        Ok(PgCopy { tx })
    }

    pub(crate) async fn commit(self) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }

    /// Stores one batch: see [`super::import::ComplaintImport::complaints`].
    pub(crate) async fn complaints(
        &mut self,
        rows: Vec<(Option<Customer>, ComplaintRecord)>,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let (customers, mut records): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
        let with: Vec<usize> = (0..customers.len())
            .filter(|&i| customers[i].is_some())
            .collect();
        let given: Vec<&Customer> = with.iter().filter_map(|&i| customers[i].as_ref()).collect();
        let (ids, mut names, _) = self.people(&given, now).await?;
        for (i, id) in with.into_iter().zip(ids) {
            records[i].customer_id = id;
        }
        self.check_refs(&records, &mut names).await?;
        let ids = self.next_ids("complaints", records.len()).await?;
        let mut buf = Vec::with_capacity(records.len() * 512);
        for (r, &id) in records.iter().zip(&ids) {
            let vals = values(r);
            let name = &names[&r.customer_id.0];
            let doc = tsvector(&tokens(&document(&vals, name)));
            let year = i64::from(year_of(r));
            let row = std::iter::once(Value::Int(Some(id)))
                .chain(vals)
                .chain([1, us(now), us(now), year].map(|n| Value::Int(Some(n))))
                .chain([
                    Value::Text(Some(complaint_reference(year_of(r), ComplaintId(id)))),
                    Value::Text(Some(doc)),
                ]);
            put_row(&mut buf, row);
        }
        let cols = format!(
            "id, {}, version, created_at, updated_at, reference_year",
            RECORD_COLUMNS.join(", ")
        );
        self.copy(&format!("import_complaints ({cols}, reference, doc)"), buf)
            .await?;
        let inserted = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO complaints ({cols}) SELECT {cols} FROM import_complaints ORDER BY id \
             ON CONFLICT (source, external_id) DO NOTHING"
        )))
        .execute(&mut *self.tx)
        .await?
        .rows_affected();
        if inserted < records.len() as u64 {
            // Some were stored already: keep only the staged rows just stored (their ids are
            // new from the sequence, so a staged id is in `complaints` only if stored now),
            // through the primary key — an `= ANY` of the batch against a staging table that
            // has no index would compare every row with every id.
            sqlx::query(
                "DELETE FROM import_complaints i \
                 WHERE NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = i.id)",
            )
            .execute(&mut *self.tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO complaint_events (complaint_id, at, actor_id, actor, action, field, new_value) \
             SELECT id, $1, $2, $3, 'created', 'reference', reference FROM import_complaints \
             ORDER BY id",
        )
        .bind(us(now))
        .bind(actor.id.map(|e| e.0))
        .bind(actor.label.clone())
        .execute(&mut *self.tx)
        .await?;
        sqlx::query(
            "INSERT INTO complaint_search (complaint_id, doc) SELECT id, doc::tsvector \
             FROM import_complaints",
        )
        .execute(&mut *self.tx)
        .await?;
        sqlx::query("TRUNCATE import_complaints")
            .execute(&mut *self.tx)
            .await?;
        Ok(ImportOutcome {
            inserted,
            already_present: records.len() as u64 - inserted,
        })
    }

    /// Stores one batch of customers, each person once; returns how many were new.
    pub(crate) async fn customers(
        &mut self,
        given: &[&Customer],
        now: Timestamp,
    ) -> StoreResult<u64> {
        Ok(self.people(given, now).await?.2)
    }

    /// Each customer's id, storing the people not stored yet; the stored name of each id; and
    /// how many people were new.
    async fn people(
        &mut self,
        customers: &[&Customer],
        now: Timestamp,
    ) -> StoreResult<(Vec<CustomerId>, HashMap<i64, String>, u64)> {
        let (unique, target) = slots(customers);
        let keys: Vec<[Option<String>; 3]> =
            unique.iter().map(|&i| person_keys(customers[i])).collect();
        let mut found: [HashMap<String, (i64, String)>; 3] = Default::default();
        for (n, column) in KEY_COLUMNS.iter().enumerate() {
            let wanted: Vec<&str> = keys.iter().filter_map(|k| k[n].as_deref()).collect();
            if wanted.is_empty() {
                continue;
            }
            let sql = format!(
                "SELECT id, name, {column} AS k FROM customers WHERE {column} = ANY($1) ORDER BY id"
            );
            for row in sqlx::query(AssertSqlSafe(sql))
                .bind(&wanted)
                .fetch_all(&mut *self.tx)
                .await?
            {
                found[n]
                    .entry(row.try_get("k")?)
                    .or_insert((row.try_get("id")?, row.try_get("name")?));
            }
        }
        let stored: Vec<Option<(i64, String)>> = keys
            .iter()
            .map(|k| (0..3).find_map(|n| k[n].as_ref().and_then(|v| found[n].get(v).cloned())))
            .collect();
        let new: Vec<usize> = (0..unique.len()).filter(|&s| stored[s].is_none()).collect();
        let new_ids = self.next_ids("customers", new.len()).await?;
        let mut ids: Vec<i64> = vec![0; unique.len()];
        let mut names = HashMap::new();
        for (s, st) in stored.into_iter().enumerate() {
            if let Some((id, name)) = st {
                ids[s] = id;
                names.insert(id, name);
            }
        }
        let mut buf = Vec::new();
        for (&s, &id) in new.iter().zip(&new_ids) {
            let c = customers[unique[s]];
            ids[s] = id;
            names.insert(id, c.name.to_string());
            let row = std::iter::once(Value::Int(Some(id)))
                .chain(customer_values(c))
                .chain([Value::Int(Some(us(now))), Value::Int(Some(us(now)))]);
            put_row(&mut buf, row);
        }
        if !new.is_empty() {
            let cols = format!("id, {CUSTOMER_COLUMNS}, created_at, updated_at");
            self.copy(&format!("customers ({cols})"), buf).await?;
            sqlx::query(
                "INSERT INTO customer_consent_log (customer_id, given, via, at) \
                 SELECT id, 1, $1, $2 FROM customers WHERE consent_to_contact = 1 AND id = ANY($3) \
                 ORDER BY id",
            )
            .bind(tend_domain::customers::consent::ConsentVia::Import.as_str())
            .bind(us(now))
            .bind(&new_ids)
            .execute(&mut *self.tx)
            .await?;
        }
        let ids = target.into_iter().map(|s| CustomerId(ids[s])).collect();
        Ok((ids, names, new.len() as u64))
    }

    /// Refuses the batch if a record names a channel or customer that does not exist (the
    /// multi-row path's check, here for what an import can name); adds the stored names of
    /// customers given by id.
    async fn check_refs(
        &mut self,
        records: &[ComplaintRecord],
        names: &mut HashMap<i64, String>,
    ) -> StoreResult<()> {
        let codes: HashSet<&str> = records.iter().map(|r| r.channel.as_str()).collect();
        let codes: Vec<&str> = codes.into_iter().collect();
        let known: HashSet<String> = sqlx::query("SELECT code FROM channels WHERE code = ANY($1)")
            .bind(&codes)
            .fetch_all(&mut *self.tx)
            .await?
            .iter()
            .map(|r| r.try_get("code"))
            .collect::<sqlx::Result<_>>()?;
        if let Some(r) = records.iter().find(|r| !known.contains(r.channel.as_str())) {
            let got = format!("{:?}", r.channel.as_str());
            return Err(StoreError::field("channel", NO_CHANNEL.with("got", got)));
        }
        let ask: Vec<i64> = records
            .iter()
            .map(|r| r.customer_id.0)
            .filter(|id| !names.contains_key(id))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        for row in sqlx::query("SELECT id, name FROM customers WHERE id = ANY($1)")
            .bind(&ask)
            .fetch_all(&mut *self.tx)
            .await?
        {
            names.insert(row.try_get("id")?, row.try_get("name")?);
        }
        match records
            .iter()
            .find(|r| !names.contains_key(&r.customer_id.0))
        {
            Some(r) => Err(StoreError::field(
                "customer_id",
                NO_CUSTOMER.with("id", r.customer_id),
            )),
            None => Ok(()),
        }
    }

    /// `n` new ids from `table`'s identity sequence.
    async fn next_ids(&mut self, table: &str, n: usize) -> StoreResult<Vec<i64>> {
        if n == 0 {
            return Ok(vec![]);
        }
        let sql = format!(
            "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id FROM generate_series(1, $1)"
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(n as i64)
            .fetch_all(&mut *self.tx)
            .await?;
        Ok(rows
            .iter()
            .map(|r| r.try_get("id"))
            .collect::<sqlx::Result<_>>()?)
    }

    /// Sends `data` (rows in `COPY`'s text format) into `target` (`table (columns)`).
    async fn copy(&mut self, target: &str, data: Vec<u8>) -> StoreResult<()> {
        let mut copy = self
            .tx
            .copy_in_raw(&format!("COPY {target} FROM STDIN"))
            .await?;
        copy.send(data).await?;
        copy.finish().await?;
        Ok(())
    }
}
