//! Bulk imports: one transaction that batches of rows are stored in — complaints with their
//! customers, customers alone, purchases — committed at the end or dropped (all or nothing), so
//! an import never holds more than a batch in memory. A [`ComplaintImport`] (complaints, or
//! customers alone) goes in by `COPY` through a staging table on PostgreSQL (`copy.rs`) and by
//! statements prepared once and stepped per row on SQLite (`bulk_sqlite.rs`); an [`Import`]
//! (purchases, and the store's own calls) by multi-row inserts.

use jiff::Timestamp;
use sqlx::Any;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::customers::Customer;

use super::bulk_sqlite::SqliteBulk;
use super::copy::PgCopy;
use super::insert::insert_batch;
use super::{Actor, ImportOutcome};
use crate::kernel::engine::Engine;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Statements;
use crate::store::Store;

/// An import under way: one open transaction (multi-row inserts, both engines). Dropped without
/// [`Import::commit`], nothing of it is stored.
pub struct Import {
    pub(crate) engine: Engine,
    pub(crate) tx: sqlx::Transaction<'static, Any>,
}

/// A bulk import of complaints (with their customers) or of customers, under way: on
/// PostgreSQL a `COPY` session, on SQLite a transaction stepping prepared statements, each on a
/// connection of its own. Dropped without [`ComplaintImport::commit`], nothing is stored.
pub struct ComplaintImport(Way);

enum Way {
    Raw(Box<SqliteBulk>),
    Copy(Box<PgCopy>),
}

impl Store {
    /// Begins an [`Import`]: the write connection's transaction (on SQLite the one writer, so
    /// other writes wait until it ends).
    ///
    /// Errors: the database's.
    pub async fn begin_import(&self) -> StoreResult<Import> {
        let mut tx = self.write().begin().await?;
        if self.engine() == Engine::Sqlite {
            // A bulk load touches every index: a 64 MiB page cache instead of the default 2 MiB
            // keeps their upper pages in memory instead of re-reading them from the file.
            sqlx::query("PRAGMA cache_size = -65536")
                .execute(&mut *tx)
                .await?;
        }
        Ok(Import {
            engine: self.engine(),
            tx,
        })
    }

    /// Begins a [`ComplaintImport`] on a connection of its own, opened from the store's URL:
    /// sqlx's `Any` driver speaks neither `COPY` nor SQLite's statement API. On SQLite it holds
    /// the writer until it ends (other writes wait, up to the 5 s busy timeout).
    ///
    /// Errors: the database's.
    pub async fn begin_complaint_import(&self) -> StoreResult<ComplaintImport> {
        Ok(ComplaintImport(match self.engine() {
            Engine::Postgres => Way::Copy(Box::new(PgCopy::begin(&self.inner.url).await?)),
            Engine::Sqlite => Way::Raw(Box::new(SqliteBulk::begin(&self.inner.url).await?)),
        }))
    }

    /// Stores many complaints in one transaction: all or nothing. Records whose
    /// `(source, external_id)` is stored already are counted, not duplicated.
    pub async fn import_complaints(
        &self,
        records: &[ComplaintRecord],
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let rows: Vec<_> = records.iter().map(|r| (None, r.clone())).collect();
        self.import(rows, actor, now).await
    }

    /// Like `import_complaints`, each record with the customer it belongs to: a customer with an
    /// `external_ref` stored already is reused, so re-imports do not duplicate customers either.
    pub async fn import(
        &self,
        rows: Vec<(Option<Customer>, ComplaintRecord)>,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let mut import = self.begin_import().await?;
        let out = import.complaints(rows, actor, now).await?;
        import.commit(self).await?;
        Ok(out)
    }
}

impl ComplaintImport {
    /// Stores one batch of complaints, each with the customer it brings (a person stored
    /// already, or earlier in this import, is reused: `people::upsert_batch`'s rule). Records
    /// whose `(source, external_id)` is stored already are counted, not stored again.
    ///
    /// Errors: a record pointing at something missing (a channel), or the database's; the
    /// import should then be dropped.
    pub async fn complaints(
        &mut self,
        rows: Vec<(Option<Customer>, ComplaintRecord)>,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        match &mut self.0 {
            Way::Raw(i) => i.complaints(rows, actor, now).await,
            Way::Copy(c) => c.complaints(rows, actor, now).await,
        }
    }

    /// Stores one batch of customers, each person once (e-mail, then phone, then
    /// `external_ref`, against this batch, earlier ones and the stored customers); people
    /// stored already are kept as they are. Returns how many were new.
    ///
    /// Errors: an unknown `preferred_channel`, or the database's; the import should then be
    /// dropped.
    pub async fn customers(&mut self, customers: &[Customer], now: Timestamp) -> StoreResult<u64> {
        let all: Vec<&Customer> = customers.iter().collect();
        match &mut self.0 {
            Way::Raw(i) => i.customers(&all, now).await,
            Way::Copy(c) => c.customers(&all, now).await,
        }
    }

    /// Commits everything stored since the import began, then refreshes the planner's statistics.
    ///
    /// Errors: the database's (then nothing is stored).
    pub async fn commit(self, store: &Store) -> StoreResult<()> {
        match self.0 {
            Way::Raw(i) => i.commit().await?,
            Way::Copy(c) => c.commit().await?,
        }
        store.analyze().await
    }
}

impl Import {
    /// Stores one batch of complaints with multi-row inserts (see [`ComplaintImport::complaints`]).
    ///
    /// Errors: as [`ComplaintImport::complaints`].
    pub async fn complaints(
        &mut self,
        rows: Vec<(Option<Customer>, ComplaintRecord)>,
        actor: &Actor,
        now: Timestamp,
    ) -> StoreResult<ImportOutcome> {
        let mut out = ImportOutcome::default();
        let (customers, mut records): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
        let with: Vec<usize> = (0..customers.len())
            .filter(|&i| customers[i].is_some())
            .collect();
        let given: Vec<&Customer> = with.iter().filter_map(|&i| customers[i].as_ref()).collect();
        let ids = crate::customers::upsert_batch(
            &mut self.tx,
            self.engine,
            &given,
            now,
            tend_domain::customers::consent::ConsentVia::Import,
        )
        .await?;
        for (i, id) in with.into_iter().zip(ids) {
            records[i].customer_id = id;
        }
        for chunk in records.chunks(2000) {
            let batch: Vec<_> = chunk.iter().map(|r| (r, actor)).collect();
            let mut st = Statements::new(self.engine);
            let stored = insert_batch(&mut self.tx, self.engine, &batch, now, &mut st).await?;
            st.execute(&mut self.tx).await?;
            for stored in stored {
                match stored? {
                    Some(_) => out.inserted += 1,
                    None => out.already_present += 1,
                }
            }
        }
        Ok(out)
    }

    /// Commits everything stored since the import began, then refreshes the planner's statistics.
    ///
    /// Errors: the database's (then nothing is stored).
    pub async fn commit(mut self, store: &Store) -> StoreResult<()> {
        if self.engine == Engine::Sqlite {
            // The writer goes back to the pool: back to the configured page cache (a pragma
            // takes effect at once, inside the transaction too).
            let pragma = format!("PRAGMA cache_size = -{}", store.inner.sqlite_cache_kib);
            sqlx::query(sqlx::AssertSqlSafe(pragma))
                .execute(&mut *self.tx)
                .await?;
        }
        self.tx.commit().await?;
        store.analyze().await
    }
}
