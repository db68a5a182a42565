//! `tend import`: CSV in, validated row by row, stored in one transaction.
//!
//! By default an import is all-or-nothing: if any row is bad nothing is stored and every bad
//! row is listed with its line, field and reason. `--skip-invalid` stores the good rows.
//! Rows carry their source's id, so importing the same file twice adds nothing the second time.

mod convert;
mod presets;
mod transactions;

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use jiff::Timestamp;
use tend_domain::FieldErrors;
use tend_domain::complaints::ComplaintRecord;
use tend_domain::customers::Customer;
use tend_domain::kernel::ids::{CategoryId, ProductId};
use tend_domain::kernel::text::Name;
use tend_store::{Actor, Store};

use convert::{Converted, complaint_row, customer_row};
use presets::Row;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    Customers,
    Complaints,
    /// Purchases (orders), each scheduling a retention contact.
    Transactions,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Preset {
    /// The CFPB consumer complaint database export.
    Cfpb,
    /// The "Customer Support Ticket Dataset".
    SupportTickets,
}

#[derive(Args)]
pub struct ImportArgs {
    /// What the file holds.
    what: What,
    /// The CSV file (UTF-8, header row).
    file: PathBuf,
    /// A known file layout.
    #[arg(long)]
    preset: Option<Preset>,
    /// Map a column to a field: `--map "Customer Name=customer_name"` (complaints) or
    /// `--map "E-mail=email"` (customers). Repeatable.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// Store the good rows and list the bad ones, instead of refusing the whole file.
    #[arg(long)]
    skip_invalid: bool,
    /// Transactions: days from a purchase to its retention contact.
    #[arg(long, env = "TEND_RETENTION_DAYS", default_value_t = 30, value_parser = clap::value_parser!(i64).range(1..=3650))]
    retention_days: i64,
}

impl ImportArgs {
    pub fn preset_file(file: &Path, preset: Preset) -> Self {
        ImportArgs {
            what: What::Complaints,
            file: file.to_owned(),
            preset: Some(preset),
            map: vec![],
            skip_invalid: false,
            retention_days: 30,
        }
    }
}

/// A row Tend refused: its line in the file, the field and why.
struct Bad {
    line: u64,
    field: String,
    reason: String,
}

fn bad_rows(line: u64, e: FieldErrors) -> impl Iterator<Item = Bad> {
    e.iter()
        .map(|(f, r)| Bad {
            line,
            field: f.to_owned(),
            reason: r.to_string(),
        })
        .collect::<Vec<_>>()
        .into_iter()
}

fn progress(len: u64) -> ProgressBar {
    if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(len);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} rows {per_sec} {eta}")
                .expect("template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    }
}

pub async fn run(store: &Store, args: ImportArgs) -> anyhow::Result<()> {
    let map: Vec<(String, String)> = args
        .map
        .iter()
        .map(|m| {
            m.split_once('=')
                .map(|(c, f)| (c.trim().to_owned(), f.trim().to_owned()))
        })
        .collect::<Option<_>>()
        .ok_or_else(|| anyhow::anyhow!("--map takes COLUMN=FIELD"))?;
    if args.what == What::Transactions {
        known_fields(&map, transactions::FIELDS)?;
    }
    if args.what == What::Complaints && args.preset.is_none() {
        if map.is_empty() {
            anyhow::bail!(
                "--preset cfpb, --preset support-tickets or --map COLUMN=FIELD is needed"
            );
        }
        known_fields(&map, presets::COMPLAINT_FIELDS)?;
    }
    let mut reader = csv::ReaderBuilder::new()
        .from_path(&args.file)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", args.file.display()))?;
    let headers = reader.headers()?.clone();
    let size = std::fs::metadata(&args.file).map(|m| m.len()).unwrap_or(0);
    let bar = progress(size);
    let now = Timestamp::now();
    let year = now.to_zoned(jiff::tz::TimeZone::UTC).year();
    let mut bad = Vec::new();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() + 1;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                let row = Row {
                    headers: &headers,
                    record: &record,
                };
                let converted = match args.what {
                    What::Customers => {
                        customer_row(&row, &map, year).map(|c| Converted::Customer(Box::new(c)))
                    }
                    What::Complaints => {
                        complaint_row(&row, args.preset, &map, now, year).map(Converted::Complaint)
                    }
                    What::Transactions => transactions::row(&row, args.preset, &map, now)
                        .map(|t| Converted::Transaction(Box::new((line, t)))),
                };
                match converted {
                    Ok(c) => rows.push(c),
                    Err(e) => bad.extend(bad_rows(line, e)),
                }
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                bad.push(Bad {
                    line,
                    field: "record".into(),
                    reason: csv_reason(&e),
                });
            }
        }
        bar.set_position(reader.position().byte());
    }
    bar.finish_and_clear();
    let mut stored_transactions = None;
    if args.what == What::Transactions {
        let rows = std::mem::take(&mut rows)
            .into_iter()
            .filter_map(|r| match r {
                Converted::Transaction(t) => Some(*t),
                _ => None,
            })
            .collect();
        let retention = tend_store::RetentionPlan {
            after: jiff::SignedDuration::from_hours(24 * args.retention_days),
            job: tend_app::transactions::retention::retention_job,
        };
        let (out, unknown) = transactions::store_rows(
            store,
            rows,
            bad.is_empty() || args.skip_invalid,
            args.skip_invalid,
            retention,
            now,
        )
        .await?;
        bad.extend(unknown.into_iter().map(|(line, field, reason)| Bad {
            line,
            field,
            reason,
        }));
        stored_transactions = Some(out);
    }
    for b in &bad {
        eprintln!("line {}: {}: {}", b.line, b.field, b.reason);
    }
    if !bad.is_empty() && !args.skip_invalid {
        let lines: std::collections::BTreeSet<u64> = bad.iter().map(|b| b.line).collect();
        anyhow::bail!(
            "nothing imported: {} bad row(s) (lines {}); fix them or pass --skip-invalid",
            lines.len(),
            join(&lines)
        );
    }
    let skipped = bad
        .iter()
        .map(|b| b.line)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let actor = Actor::system("import");
    match args.what {
        What::Customers => {
            let customers: Vec<Customer> =
                rows.into_iter().filter_map(Converted::customer).collect();
            let n = store.import_customers(&customers, now).await?;
            println!(
                "imported {n} customers ({} already present); {skipped} bad row(s) skipped",
                customers.len() as u64 - n
            );
        }
        What::Transactions => {
            let out = stored_transactions.unwrap_or_default();
            println!(
                "imported {} transactions ({} already present); {skipped} bad row(s) skipped",
                out.inserted, out.already_present
            );
        }
        What::Complaints => {
            let items = resolve_catalog(store, rows, now).await?;
            let out = store.import(items, &actor, now).await?;
            println!(
                "imported {} complaints ({} already present); {skipped} bad row(s) skipped",
                out.inserted, out.already_present
            );
        }
    }
    Ok(())
}

/// Refuses a `--map` naming a field that is not in `known`.
fn known_fields(map: &[(String, String)], known: &[&str]) -> anyhow::Result<()> {
    match map.iter().find(|(_, f)| !known.contains(&f.as_str())) {
        Some((_, f)) => anyhow::bail!("--map: unknown field {f:?}; known: {}", known.join(", ")),
        None => Ok(()),
    }
}

fn join(lines: &std::collections::BTreeSet<u64>) -> String {
    let shown: Vec<String> = lines.iter().take(20).map(u64::to_string).collect();
    if lines.len() > 20 {
        format!("{}, …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!(
                "has {len} fields where the header has {expected_len}: the record is cut off or malformed"
            )
        }
        csv::ErrorKind::Utf8 { .. } => "is not valid UTF-8".into(),
        _ => e.to_string(),
    }
}

/// Creates the categories, products and channels the rows name, and points the rows at them.
async fn resolve_catalog(
    store: &Store,
    rows: Vec<Converted>,
    now: Timestamp,
) -> anyhow::Result<Vec<(Option<Customer>, ComplaintRecord)>> {
    let mut categories: HashMap<Vec<String>, Option<CategoryId>> = HashMap::new();
    let mut products: HashMap<String, ProductId> = HashMap::new();
    let mut channels: HashMap<String, ()> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let Converted::Complaint(b) = row else {
            continue;
        };
        let (customer, mut record, m) = *b;
        if !m.category.is_empty() {
            if !categories.contains_key(&m.category) {
                let path: Vec<Name> = m
                    .category
                    .iter()
                    .map(|p| Name::parse(p).expect("checked"))
                    .collect();
                categories.insert(
                    m.category.clone(),
                    store.ensure_category_path(&path, now).await?,
                );
            }
            record.category_id = categories[&m.category];
        }
        if let Some(p) = &m.product {
            if !products.contains_key(p) {
                let name = Name::parse(p).map_err(|r| anyhow::anyhow!("product {p:?}: {r}"))?;
                products.insert(p.clone(), store.ensure_product(&name, now).await?);
            }
            record.product_id = Some(products[p]);
        }
        if let Some(name) = &m.channel_name
            && channels.insert(record.channel.to_string(), ()).is_none()
        {
            store
                .ensure_channel(
                    &record.channel,
                    &Name::parse(name).map_err(|r| anyhow::anyhow!("channel: {r}"))?,
                )
                .await?;
        }
        out.push((Some(customer), record));
    }
    Ok(out)
}
