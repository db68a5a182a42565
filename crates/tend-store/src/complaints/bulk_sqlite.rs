//! Imports on SQLite: one `BEGIN IMMEDIATE` transaction on a connection of the import's own,
//! each batch written through SQLite's C API (`kernel::sqlite_raw`) with statements prepared
//! once per batch and stepped once per row — no SQL text built per batch, no round trip to
//! sqlx's worker thread per statement, and each complaint's search document made from the row
//! in memory instead of read back.
//!
//! The rules are the other paths': a person once (`people::slots` within the batch, then the
//! stored customers — earlier batches included — by folded e-mail, phone digits, source id),
//! `(source, external_id)` stored already is skipped, and the document is the same text
//! tokenized by the same Rust tokenizer. Dropped without [`SqliteBulk::commit`], the
//! connection closes and SQLite rolls everything back.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

use jiff::Timestamp;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Connection, Executor, Row, SqliteConnection};
use tend_domain::complaints::ComplaintRecord;
use tend_domain::customers::Customer;
use tend_domain::customers::consent::ConsentVia;
use tend_domain::kernel::ids::{ComplaintId, complaint_reference};
use tend_domain::kernel::reason::*;
use tend_domain::kernel::search_text::tokens;

use super::copy_text::document;
use super::insert::year_of;
use super::rows::{RECORD_COLUMNS, values};
use super::{Actor, ImportOutcome};
use crate::customers::{CUSTOMER_COLUMNS, KEY_COLUMNS, customer_values, person_keys, slots};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::search::doc_text;
use crate::kernel::sql::{V, Value};
use crate::kernel::sqlite_raw::{Db, Stmt};
use crate::kernel::time::us;

/// An import under way on SQLite (see the module's note).
pub(crate) struct SqliteBulk {
    conn: SqliteConnection,
    /// The channel codes stored when the import began (an import names only those).
    channels: HashSet<String>,
}

impl SqliteBulk {
    /// Opens the import's connection to `url` (the store's) and begins the transaction: it
    /// waits, up to the store's 5 s, for the writer to be free, then holds it to the end.
    ///
    /// Errors: the database's.
    pub(crate) async fn begin(url: &str) -> StoreResult<SqliteBulk> {
        let options = SqliteConnectOptions::from_str(url)?
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            // A bulk load touches every index: a 64 MiB page cache keeps their upper pages in
            // memory (bounded, whatever the file's size).
            .pragma("cache_size", "-65536")
            // Statement journals in memory: each row's statement opens one (its triggers), and
            // once one outgrows 64 KiB SQLite keeps writing them to a temporary file.
            .pragma("temp_store", "MEMORY");
        let mut conn = SqliteConnection::connect_with(&options).await?;
        conn.execute("BEGIN IMMEDIATE").await?;
        let channels = sqlx::query("SELECT code FROM channels")
            .fetch_all(&mut conn)
            .await?
            .iter()
            .map(|r| r.try_get("code"))
            .collect::<sqlx::Result<_>>()?;
        Ok(SqliteBulk { conn, channels })
    }

    /// Commits everything stored since [`SqliteBulk::begin`].
    ///
    /// Errors: the database's (then nothing is stored).
    pub(crate) async fn commit(mut self) -> StoreResult<()> {
        self.conn.execute("COMMIT").await?;
        self.conn.close().await?;
        Ok(())
    }

    /// Stores one batch of complaints: see [`super::import::ComplaintImport::complaints`].
    pub(crate) async fn complaints(
        &mut self,
        rows: Vec<(Option<Customer>, ComplaintRecord)>,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let mut handle = self.conn.lock_handle().await?;
        store_complaints(Db(handle.as_raw_handle()), &self.channels, rows, actor, now)
    }

    /// Stores one batch of customers, each person once; returns how many were new.
    pub(crate) async fn customers(
        &mut self,
        given: &[&Customer],
        now: Timestamp,
    ) -> StoreResult<u64> {
        let mut handle = self.conn.lock_handle().await?;
        let mut people = People::prepare(Db(handle.as_raw_handle()))?;
        let (_, _, new) = people.ids(given, now)?;
        Ok(new)
    }
}

/// The batch's complaints, their customers, timeline entries and search documents.
fn store_complaints(
    db: Db,
    channels: &HashSet<String>,
    rows: Vec<(Option<Customer>, ComplaintRecord)>,
    actor: &Actor,
    now: Timestamp,
) -> StoreResult<ImportOutcome> {
    let (customers, mut records): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
    let with: Vec<usize> = (0..customers.len())
        .filter(|&i| customers[i].is_some())
        .collect();
    let given: Vec<&Customer> = with.iter().filter_map(|&i| customers[i].as_ref()).collect();
    let (ids, mut names, _) = People::prepare(db)?.ids(&given, now)?;
    for (i, id) in with.into_iter().zip(ids) {
        records[i].customer_id = id;
    }
    let params = |n: usize| {
        (1..=n)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut insert = db.prepare(&format!(
        "INSERT INTO complaints ({}, version, created_at, updated_at, reference_year) VALUES ({}) \
         ON CONFLICT (source, external_id) DO NOTHING",
        RECORD_COLUMNS.join(", "),
        params(RECORD_COLUMNS.len() + 4)
    ))?;
    let mut event = db.prepare(
        "INSERT INTO complaint_events (complaint_id, at, actor_id, actor, action, field, new_value) \
         VALUES (?1, ?2, ?3, ?4, 'created', 'reference', ?5)",
    )?;
    let mut fts = db.prepare("INSERT INTO complaint_fts (rowid, body) VALUES (?1, ?2)")?;
    let mut docs = db.prepare("INSERT INTO complaint_docs (id, doc) VALUES (?1, ?2)")?;
    let mut name_of = db.prepare("SELECT name FROM customers WHERE id = ?1")?;
    let mut out = ImportOutcome::default();
    // The search rows go in together after the batch's other rows: every statement that opens
    // a statement journal makes FTS5 flush its pending terms to a segment of their own, so
    // interleaved they would make one tiny segment (and merges) per complaint.
    let mut search = Vec::with_capacity(records.len());
    for r in &records {
        if !channels.contains(r.channel.as_str()) {
            let got = format!("{:?}", r.channel.as_str());
            return Err(StoreError::field("channel", NO_CHANNEL.with("got", got)));
        }
        let customer = r.customer_id.0;
        if let std::collections::hash_map::Entry::Vacant(e) = names.entry(customer) {
            name_of.bind([&V::from(customer)])?;
            if !name_of.step()? {
                let reason = NO_CUSTOMER.with("id", r.customer_id);
                return Err(StoreError::field("customer_id", reason));
            }
            e.insert(name_of.text(0));
        }
        let vals = values(r);
        let year = year_of(r);
        let bookkeeping = [1, us(now), us(now), i64::from(year)].map(V::from);
        insert.run(vals.iter().chain(&bookkeeping))?;
        if db.changes() == 0 {
            out.already_present += 1;
            continue;
        }
        out.inserted += 1;
        let id = db.last_rowid();
        let reference = complaint_reference(year, ComplaintId(id));
        event.run(&[
            V::from(id),
            V::from(us(now)),
            V::from(actor.id.map(|e| e.0)),
            V::from(actor.label.as_str()),
            V::from(reference),
        ])?;
        let toks = tokens(&document(&vals, &names[&customer]));
        docs.run(&[V::from(id), V::from(doc_text(&toks))])?;
        search.push((id, toks.join(" ")));
    }
    for (id, body) in search {
        fts.run(&[V::from(id), V::from(body)])?;
    }
    Ok(out)
}

/// The statements that store each person once.
struct People {
    db: Db,
    /// By folded e-mail, phone digits, source id (`KEY_COLUMNS`): the first stored match.
    find: Vec<Stmt>,
    insert: Stmt,
    consent: Stmt,
}

impl People {
    fn prepare(db: Db) -> sqlx::Result<People> {
        let find = KEY_COLUMNS
            .iter()
            .map(|k| {
                db.prepare(&format!(
                    "SELECT id, name FROM customers WHERE {k} = ?1 ORDER BY id LIMIT 1"
                ))
            })
            .collect::<sqlx::Result<_>>()?;
        let n = CUSTOMER_COLUMNS.split(", ").count() + 2;
        let params: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
        let insert = db.prepare(&format!(
            "INSERT INTO customers ({CUSTOMER_COLUMNS}, created_at, updated_at) VALUES ({})",
            params.join(", ")
        ))?;
        let consent = db.prepare(
            "INSERT INTO customer_consent_log (customer_id, given, via, at) VALUES (?1, 1, ?2, ?3)",
        )?;
        Ok(People {
            db,
            find,
            insert,
            consent,
        })
    }

    /// Each customer's id (a person stored already, or earlier in `customers`, is reused; the
    /// others are stored, their consent logged), the name stored for each id, and how many
    /// people were new.
    ///
    /// Errors: an unknown `preferred_channel` (by field), or the database's.
    fn ids(
        &mut self,
        customers: &[&Customer],
        now: Timestamp,
    ) -> StoreResult<(
        Vec<tend_domain::kernel::ids::CustomerId>,
        HashMap<i64, String>,
        u64,
    )> {
        let (unique, target) = slots(customers);
        let mut ids = Vec::with_capacity(unique.len());
        let mut names = HashMap::with_capacity(unique.len());
        let mut new = 0;
        for &i in &unique {
            let c = customers[i];
            let keys = person_keys(c);
            let mut stored = None;
            for (n, key) in keys.iter().enumerate() {
                let Some(key) = key else { continue };
                let find = &mut self.find[n];
                find.bind([&V::from(key.as_str())])?;
                if find.step()? {
                    stored = Some((find.int(0), find.text(1)));
                    break;
                }
            }
            let (id, name) = match stored {
                Some(s) => s,
                None => {
                    let vals: Vec<Value> = customer_values(c);
                    let stamps = [V::from(us(now)), V::from(us(now))];
                    self.insert.run(vals.iter().chain(&stamps)).map_err(|e| {
                        if crate::kernel::sqlite_raw::is_foreign_key(&e) {
                            StoreError::field("preferred_channel", UNKNOWN_CHANNEL)
                        } else {
                            e.into()
                        }
                    })?;
                    let id = self.db.last_rowid();
                    if c.consent_to_contact {
                        self.consent.run(&[
                            V::from(id),
                            V::from(ConsentVia::Import.as_str()),
                            V::from(us(now)),
                        ])?;
                    }
                    new += 1;
                    (id, c.name.to_string())
                }
            };
            ids.push(id);
            names.insert(id, name);
        }
        let ids = target
            .into_iter()
            .map(|s| tend_domain::kernel::ids::CustomerId(ids[s]))
            .collect();
        Ok((ids, names, new))
    }
}
