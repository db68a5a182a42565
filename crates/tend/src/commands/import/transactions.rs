//! `tend import transactions`: purchases from CSV, each with its retention contact.
//!
//! Columns are the API's field names (`customer_email` or `customer_ref` or `customer_id`,
//! `occurred_at`, `product`, `amount`, `currency`, `returned`, `external_id`), renamed with
//! `--map`, or the support-tickets preset (e-mail, product and date of purchase per ticket).
//! Customers must exist already (import them first); a row naming an unknown one is a bad row.

use jiff::Timestamp;
use tend_domain::FieldErrors;
use tend_domain::kernel::reason::*;
use tend_domain::transactions::{Transaction, TransactionDraft};
use tend_store::{ImportOutcome, Store};

use super::Preset;
use super::presets::Row;

/// Fields `--map` accepts for transactions.
pub const FIELDS: &[&str] = &[
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
        "returned" => {
            d.returned = Some(matches!(
                v.to_ascii_lowercase().as_str(),
                "yes" | "true" | "1" | "y"
            ))
        }
        "external_id" => d.external_id = Some(v),
        _ => {}
    }
}

/// One row to a purchase.
pub(super) fn row(
    row: &Row,
    preset: Option<Preset>,
    map: &[(String, String)],
    now: Timestamp,
) -> Result<Transaction, FieldErrors> {
    let mut e = FieldErrors::new();
    let mut d = TransactionDraft::default();
    match preset {
        Some(Preset::SupportTickets) => {
            d.customer_email = row.get("Customer Email").map(str::to_owned);
            d.product = row.get("Product Purchased").map(str::to_owned);
            d.occurred_at = row.get("Date of Purchase").map(str::to_owned);
            d.external_id = row
                .get("Ticket ID")
                .map(|id| format!("support-tickets:{id}"));
        }
        Some(Preset::Cfpb) => e.add(
            "preset",
            DETAIL.with("detail", "the CFPB export holds no purchases"),
        ),
        None if map.is_empty() => {
            for field in FIELDS {
                if let Some(v) = row.get(field) {
                    set(&mut d, field, v, &mut e);
                }
            }
        }
        None => {
            for (column, field) in map {
                if let Some(v) = row.get(column) {
                    set(&mut d, field, v, &mut e);
                }
            }
        }
    }
    if !e.is_empty() {
        return Err(e);
    }
    d.validate(now).map_err(|err| match err {
        tend_domain::DomainError::Invalid(f) => f,
        other => FieldErrors::single("row", DETAIL.with("detail", other)),
    })
}

/// Resolves every row's customer in a few queries; rows naming unknown customers come back
/// as bad rows (line, field, reason), the rest are stored with their retention contacts —
/// unless `may_store` is false (other rows were bad already) or bad rows turned up here
/// without `skip_invalid`: then nothing is stored, but every bad row is still named.
pub(super) async fn store_rows(
    store: &Store,
    rows: Vec<(u64, Transaction)>,
    may_store: bool,
    skip_invalid: bool,
    retention: tend_store::RetentionPlan,
    now: Timestamp,
) -> anyhow::Result<(ImportOutcome, Vec<(u64, String, String)>)> {
    let keys: Vec<_> = rows.iter().map(|(_, t)| &t.customer).collect();
    let customers = store.resolve_customers(&keys).await?;
    let mut good = Vec::with_capacity(rows.len());
    let mut bad = Vec::new();
    for ((line, t), customer) in rows.iter().zip(customers) {
        match customer {
            Some(c) => good.push((c, t)),
            None => {
                let (field, reason) = tend_store::unknown_customer(&t.customer);
                bad.push((*line, field.to_owned(), Reason::from(reason).to_string()));
            }
        }
    }
    if !may_store || (!bad.is_empty() && !skip_invalid) {
        return Ok((ImportOutcome::default(), bad));
    }
    let out = store
        .import_transactions(&good, Some(retention), now)
        .await?;
    Ok((out, bad))
}
