//! `tend import transactions`: purchases from CSV, each with its retention contact.
//!
//! Columns are the API's field names (`customer_email` or `customer_ref` or `customer_id`,
//! `occurred_at`, `product`, `amount`, `currency`, `returned`, `external_id`), renamed with
//! `--map`, or the support-tickets preset (e-mail, product and date of purchase per ticket).
//! Customers must exist already (import them first); a row naming an unknown one is a bad row.
//! With `--locale`, amounts are read as a person writes them in that language (`1.234,50` in
//! Spanish and Turkish), by the resolve form's rule; one written otherwise is a bad row.

use tend_domain::FieldErrors;
use tend_domain::kernel::ids::CustomerId;
use tend_domain::kernel::money::Currency;
use tend_domain::kernel::money_text::parse_amount;
use tend_domain::kernel::reason::*;
use tend_domain::transactions::{Transaction, TransactionDraft};
use std::collections::{BTreeMap, HashMap};

use tend_domain::kernel::ids::ProductId;
use tend_domain::kernel::text::Name;
use tend_store::{Import, ImportOutcome, RetentionPlan, Store};

use super::row::{Record, yes};
use super::{Importer, Options, Preset};

pub(super) struct Transactions;

/// Sets the draft's `field` from a cell; `customer_id` must be a whole number.
fn set(d: &mut TransactionDraft, field: &str, v: &str, e: &mut FieldErrors) {
    let v = v.to_owned();
    match field {
        "customer_id" => match v.parse() {
            Ok(id) => d.customer_id = Some(id),
            Err(_) => e.add(field, WHOLE_NUMBER),
        },
        "customer_email" => d.customer_email = Some(v),
        "customer_ref" => d.customer_ref = Some(v),
        "occurred_at" => d.occurred_at = Some(v),
        "product" => d.product = Some(v),
        "amount" => d.amount = Some(v),
        "currency" => d.currency = Some(v),
        "returned" => d.returned = Some(yes(&v)),
        "external_id" => d.external_id = Some(v),
        _ => {}
    }
}

impl Importer for Transactions {
    const KIND: &'static str = "transactions";
    const FIELDS: &'static [&'static str] = &[
        "customer_id",
        "customer_email",
        "customer_ref",
        "occurred_at",
        "product",
        "amount",
        "currency",
        "returned",
        "external_id",
    ];
    type Row = Transaction;
    /// The purchase and the customer it names.
    type Resolved = (CustomerId, Transaction);
    /// The products the good rows name.
    type Seen = BTreeMap<String, Name>;
    /// The import, the products' ids by name, and the retention plan.
    type Sink = (Import, HashMap<String, ProductId>, RetentionPlan);

    /// Without `--preset` or `--map`, the columns are the field names. The CFPB preset
    /// refuses every row (field `preset`): that export holds no purchases.
    fn validate(record: &Record, opts: &Options) -> Result<Transaction, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut d = TransactionDraft::default();
        match opts.preset {
            Some(Preset::SupportTickets) => {
                d.customer_email = record.get("Customer Email").map(str::to_owned);
                d.product = record.get("Product Purchased").map(str::to_owned);
                d.occurred_at = record.get("Date of Purchase").map(str::to_owned);
                d.external_id = record
                    .get("Ticket ID")
                    .map(|id| format!("support-tickets:{id}"));
            }
            Some(Preset::Cfpb) => e.add(
                "preset",
                DETAIL.with("detail", "the CFPB export holds no purchases"),
            ),
            None if opts.map.is_empty() => {
                for field in Self::FIELDS {
                    if let Some(v) = record.get(field) {
                        set(&mut d, field, v, &mut e);
                    }
                }
            }
            None => {
                for (column, field) in &opts.map {
                    if let Some(v) = record.get(column) {
                        set(&mut d, field, v, &mut e);
                    }
                }
            }
        }
        if let (Some(seps), Some(raw), Some(Ok(currency))) = (
            opts.locale,
            d.amount.as_deref(),
            d.currency.as_deref().map(Currency::parse),
        ) {
            match parse_amount(raw, currency, seps) {
                Ok(m) => d.amount = Some(m.amount_string()),
                Err(r) => e.add("amount", r),
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        d.validate(opts.now).map_err(|err| match err {
            tend_domain::DomainError::Invalid(f) => f,
            other => FieldErrors::single("row", DETAIL.with("detail", other)),
        })
    }

    /// Every row's customer, in a few queries; a row naming no stored customer is refused
    /// under the field that named it (`customer_email: no customer …`).
    async fn resolve(
        store: &Store,
        rows: Vec<Transaction>,
    ) -> anyhow::Result<Vec<Result<(CustomerId, Transaction), FieldErrors>>> {
        let keys: Vec<_> = rows.iter().map(|t| &t.customer).collect();
        let customers = store.resolve_customers(&keys).await?;
        Ok(rows
            .into_iter()
            .zip(customers)
            .map(|(t, customer)| match customer {
                Some(c) => Ok((c, t)),
                None => {
                    let (field, reason) = tend_store::unknown_customer(&t.customer);
                    Err(FieldErrors::single(field, reason))
                }
            })
            .collect())
    }

    fn note(seen: &mut Self::Seen, (_, t): &Self::Resolved) {
        if let Some(p) = &t.product
            && !seen.contains_key(p.as_str())
        {
            seen.insert(p.to_string(), p.clone());
        }
    }

    /// Each purchase with its retention contact, `--retention-days` later.
    async fn begin(store: &Store, seen: Self::Seen, opts: &Options) -> anyhow::Result<Self::Sink> {
        let products = store.ensure_products(seen.values(), opts.now).await?;
        let retention = RetentionPlan {
            after: jiff::SignedDuration::from_hours(24 * opts.retention_days),
            job: tend_app::transactions::retention::retention_job,
        };
        Ok((store.begin_import().await?, products, retention))
    }

    async fn store(
        (import, products, retention): &mut Self::Sink,
        rows: Vec<(CustomerId, Transaction)>,
        opts: &Options,
    ) -> anyhow::Result<ImportOutcome> {
        let rows: Vec<(CustomerId, &Transaction)> = rows.iter().map(|(c, t)| (*c, t)).collect();
        Ok(import
            .transactions(&rows, products, Some(*retention), opts.now)
            .await?)
    }

    async fn finish(sink: Self::Sink, store: &Store, _: &Options) -> anyhow::Result<ImportOutcome> {
        sink.0.commit(store).await?;
        Ok(ImportOutcome::default())
    }
}
