//! Bulk imports: many complaints, each optionally with its customer, in one all-or-nothing
//! transaction; rows already stored (matched on their source id) are counted, not duplicated.

use jiff::Timestamp;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::customers::Customer;

use super::insert::insert_batch;
use super::{Actor, ImportOutcome};
use crate::kernel::error::StoreResult;
use crate::store::Store;

impl Store {
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
        let mut tx = self.write().begin().await?;
        let mut out = ImportOutcome::default();
        let (customers, mut records): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
        let with: Vec<usize> = (0..customers.len())
            .filter(|&i| customers[i].is_some())
            .collect();
        let given: Vec<&Customer> = with.iter().filter_map(|&i| customers[i].as_ref()).collect();
        let ids = crate::customers::upsert_batch(
            &mut tx,
            self.engine(),
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
            for stored in insert_batch(&mut tx, self.engine(), &batch, now).await? {
                match stored? {
                    Some(_) => out.inserted += 1,
                    None => out.already_present += 1,
                }
            }
        }
        tx.commit().await?;
        self.analyze().await?;
        Ok(out)
    }
}
