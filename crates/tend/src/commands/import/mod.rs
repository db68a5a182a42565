//! `tend import`: CSV in, validated row by row, stored in one transaction.
//!
//! By default an import is all-or-nothing: if any row is bad nothing is stored and every bad
//! row is listed with its line, field and reason. `--skip-invalid` stores the good rows.
//! Rows carry their source's id, so importing the same file twice adds nothing the second time.
//!
//! Each kind of row is one [`Importer`] in its own file, registered by one line in
//! `importers!` below. What the kinds share is here, once: reading the file, collecting bad
//! rows, the all-or-nothing / `--skip-invalid` policy and the summary line.

mod lines;
mod reader;
mod row;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use jiff::Timestamp;
use tend_domain::FieldErrors;
use tend_store::{ImportOutcome, Store};

use row::Record;

/// Registers the importers, one line each: `module::Type`, where `module.rs` holds `Type`, an
/// [`Importer`], makes `tend import <type in kebab-case>`. A doc comment above the line becomes
/// that value's `--help` text.
macro_rules! importers {
    ($($(#[doc = $doc:literal])* $module:ident::$importer:ident,)*) => {
        $(mod $module;)*

        #[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
        pub enum What {
            $($(#[doc = $doc])* $importer,)*
        }

        /// Imports `file` with the importer `what` names.
        async fn dispatch(
            what: What,
            store: &Store,
            file: &Path,
            opts: &Options,
        ) -> anyhow::Result<()> {
            match what {
                $(What::$importer => import::<$module::$importer>(store, file, opts).await,)*
            }
        }
    };
}

importers! {
    customers::Customers,
    complaints::Complaints,
    /// Purchases (orders), each scheduling a retention contact.
    transactions::Transactions,
    /// Values of figures (figure, period, numerator, denominator, dimensions).
    figures::Figures,
}

/// One kind of row Tend imports: how a CSV row becomes a valid row, and how valid rows are
/// stored. Reading the file, listing bad rows, the all-or-nothing policy and the summary are
/// [`import`]'s, the same for every kind.
///
/// A row goes `validate` (alone) → `resolve` (against the database, reading only) → `store`
/// (all rows together). A refusal at either of the first two makes the row bad; then nothing
/// is stored unless `--skip-invalid`, in which case `store` gets the rest.
trait Importer {
    /// What the rows are, plural, as the summary says it: `imported 3 customers (…)`.
    const KIND: &'static str;
    /// The fields `--map COLUMN=FIELD` may name.
    const FIELDS: &'static [&'static str];
    /// A row that passed [`Importer::validate`]: valid on its own.
    type Row;
    /// A row whose references [`Importer::resolve`] found: ready to store.
    type Resolved;

    /// Refuses, before the file is read, a command line this kind cannot import: by default
    /// a `--map` naming a field not in [`Importer::FIELDS`].
    ///
    /// Errors: one message for the whole command (`--map: unknown field "x"; known: …`).
    fn check(opts: &Options) -> anyhow::Result<()> {
        known_fields(&opts.map, Self::FIELDS)
    }

    /// One CSV record, read through `opts.preset` or `opts.map`, to a valid row.
    ///
    /// Errors: every refused field (a field name, or a column name for a preset) with its
    /// reason; each is listed as `line N: field: reason` and the row is bad.
    fn validate(record: &Record, opts: &Options) -> Result<Self::Row, FieldErrors>;

    /// Finds what the rows refer to in the database (a purchase's customer), reading only.
    /// Returns one result per row, in the rows' order; an `Err` makes that row bad, listed
    /// like a [`Importer::validate`] error.
    ///
    /// Errors (outer): the database's; the import stops and nothing is stored.
    async fn resolve(
        store: &Store,
        rows: Vec<Self::Row>,
    ) -> anyhow::Result<Vec<Result<Self::Resolved, FieldErrors>>>;

    /// Stores the rows in one database transaction: all of them or, on error, none. A row
    /// already present (same source id) is counted in `already_present`, not stored again.
    /// An importer that creates shared entries first (complaints: categories) says so.
    ///
    /// Errors: the database's.
    async fn store(
        store: &Store,
        rows: Vec<Self::Resolved>,
        opts: &Options,
    ) -> anyhow::Result<ImportOutcome>;
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
    /// The separator: `,`, `;`, `tab` or `|`. By default the one the header line uses most.
    #[arg(long, value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Transactions: days from a purchase to its retention contact (default 30; the setting
    /// `jobs.retention_days`).
    #[arg(long, env = "TEND_RETENTION_DAYS", value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub retention_days: Option<i64>,
}

impl ImportArgs {
    pub fn preset_file(file: &Path, preset: Preset) -> Self {
        ImportArgs {
            what: What::Complaints,
            file: file.to_owned(),
            preset: Some(preset),
            map: vec![],
            skip_invalid: false,
            delimiter: None,
            retention_days: None,
        }
    }
}

/// What an importer reads and stores rows with: the command line, and the clock.
struct Options {
    preset: Option<Preset>,
    /// `--map` pairs, (column, field).
    map: Vec<(String, String)>,
    /// `--skip-invalid`.
    skip_invalid: bool,
    /// `--delimiter`; `None`: sniffed from the header line.
    delimiter: Option<u8>,
    /// `--retention-days`.
    retention_days: i64,
    now: Timestamp,
    /// The current year (UTC), for birth years.
    year: i16,
    /// The file's name, for the import log.
    file_name: String,
}

/// A row Tend refused: its line in the file, the field and why.
struct Bad {
    line: u64,
    field: String,
    reason: String,
}

/// A row's field errors as bad rows, one per field.
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

pub async fn run(store: &Store, args: ImportArgs) -> anyhow::Result<()> {
    let map = args
        .map
        .iter()
        .map(|m| {
            m.split_once('=')
                .map(|(c, f)| (c.trim().to_owned(), f.trim().to_owned()))
        })
        .collect::<Option<_>>()
        .ok_or_else(|| anyhow::anyhow!("--map takes COLUMN=FIELD"))?;
    let now = Timestamp::now();
    let opts = Options {
        preset: args.preset,
        map,
        skip_invalid: args.skip_invalid,
        delimiter: args.delimiter,
        retention_days: args.retention_days.unwrap_or(30),
        now,
        year: now.to_zoned(jiff::tz::TimeZone::UTC).year(),
        file_name: args
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    dispatch(args.what, store, &args.file, &opts).await
}

/// The pipeline: check the command line, validate every row, resolve the valid ones, list
/// the bad ones, then refuse the file or store the good rows, and say what happened.
async fn import<I: Importer>(store: &Store, file: &Path, opts: &Options) -> anyhow::Result<()> {
    I::check(opts)?;
    let mut bad = Vec::new();
    let valid = reader::read::<I>(file, opts, &mut bad)?;
    let (lines, rows): (Vec<u64>, Vec<I::Row>) = valid.into_iter().unzip();
    let resolved = I::resolve(store, rows).await?;
    assert_eq!(resolved.len(), lines.len(), "one result per row");
    let mut good = Vec::with_capacity(resolved.len());
    for (line, row) in lines.into_iter().zip(resolved) {
        match row {
            Ok(r) => good.push(r),
            Err(e) => bad.extend(bad_rows(line, e)),
        }
    }
    for b in &bad {
        eprintln!("line {}: {}: {}", b.line, b.field, b.reason);
    }
    let bad_lines: BTreeSet<u64> = bad.iter().map(|b| b.line).collect();
    if !bad.is_empty() && !opts.skip_invalid {
        anyhow::bail!(
            "nothing imported: {} bad row(s) (lines {}); fix them or pass --skip-invalid",
            bad_lines.len(),
            join(&bad_lines)
        );
    }
    let out = I::store(store, good, opts).await?;
    println!(
        "imported {} {} ({} already present); {} bad row(s) skipped",
        out.inserted,
        I::KIND,
        out.already_present,
        bad_lines.len()
    );
    Ok(())
}

fn parse_delimiter(raw: &str) -> Result<u8, String> {
    match raw {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\t" | "tab" => Ok(b'\t'),
        "|" | "pipe" => Ok(b'|'),
        _ => Err(format!("{raw:?} is not one of , ; tab |")),
    }
}

/// Refuses a `--map` naming a field that is not in `known`.
fn known_fields(map: &[(String, String)], known: &[&str]) -> anyhow::Result<()> {
    match map.iter().find(|(_, f)| !known.contains(&f.as_str())) {
        Some((_, f)) => anyhow::bail!("--map: unknown field {f:?}; known: {}", known.join(", ")),
        None => Ok(()),
    }
}

fn join(lines: &BTreeSet<u64>) -> String {
    let shown: Vec<String> = lines.iter().take(20).map(u64::to_string).collect();
    if lines.len() > 20 {
        format!("{}, …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}
