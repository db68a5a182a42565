//! `tend import`: CSV in, validated row by row, stored in one transaction.
//!
//! By default an import is all-or-nothing: if any row is bad nothing is stored and every bad
//! row is listed with its line, field and reason. `--skip-invalid` stores the good rows.
//!
//! The file is streamed twice, so memory stays flat whatever its size: a first pass validates
//! and resolves every row, keeping only the bad rows and what storing needs first (the catalog
//! names complaints use, say); then, if the file is accepted, a second pass reads it again and
//! stores the good rows batch by batch in one transaction.
//! Rows carry their source's id, so importing the same file twice adds nothing the second time.
//!
//! Each kind of row is one [`Importer`] in its own file, registered by one line in
//! `importers!` below. What the kinds share is here, once: reading the file, collecting bad
//! rows, the all-or-nothing / `--skip-invalid` policy and the summary line.

mod lines;
mod one_pass;
mod pipeline;
mod reader;
mod row;

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use jiff::Timestamp;
use tend_domain::FieldErrors;
use tend_domain::kernel::money_text::Separators;
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
                $(What::$importer => pipeline::import::<$module::$importer>(store, file, opts).await,)*
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
/// A row goes `validate` (alone) → `resolve` (against the database, reading only, a batch of
/// [`Importer::BATCH`] rows at a time) → `store` (a batch into the open import). A refusal at
/// either of the first two makes the row bad; then nothing is stored unless `--skip-invalid`,
/// in which case `store` gets the rest.
trait Importer: 'static {
    /// What the rows are, plural, as the summary says it: `imported 3 customers (…)`.
    const KIND: &'static str;
    /// The fields `--map COLUMN=FIELD` may name.
    const FIELDS: &'static [&'static str];
    /// Rows resolved and stored together.
    const BATCH: usize = 5000;
    /// Whether storing needs nothing made first ([`Importer::begin`] ignores what the first
    /// pass notes): then the file is read once, stored as it goes, and the import dropped at
    /// the first bad row (`one_pass.rs`).
    const ONE_PASS: bool = false;
    /// A row that passed [`Importer::validate`]: valid on its own (made on the reading thread).
    type Row: Send + 'static;
    /// A row whose references [`Importer::resolve`] found: ready to store.
    type Resolved;
    /// What the first pass notes of the good rows for [`Importer::begin`].
    type Seen: Default;
    /// The open import batches are stored in.
    type Sink;

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

    /// Notes, in the first pass, what a good row needs made before storing begins.
    fn note(_seen: &mut Self::Seen, _row: &Self::Resolved) {}

    /// Finds what a batch of rows refers to in the database (a purchase's customer), reading
    /// only. Returns one result per row, in the rows' order; an `Err` makes that row bad,
    /// listed like a [`Importer::validate`] error.
    ///
    /// Errors (outer): the database's; the import stops and nothing is stored.
    async fn resolve(
        store: &Store,
        rows: Vec<Self::Row>,
    ) -> anyhow::Result<Vec<Result<Self::Resolved, FieldErrors>>>;

    /// Makes what the good rows need (`seen`, each its own write) and opens the import.
    ///
    /// Errors: the database's; nothing of the rows is stored.
    async fn begin(store: &Store, seen: Self::Seen, opts: &Options) -> anyhow::Result<Self::Sink>;

    /// Stores a batch into the open import. A row already present (same source id) is counted
    /// in `already_present`, not stored again.
    ///
    /// Errors: the database's; the import is dropped and nothing is stored.
    async fn store(
        sink: &mut Self::Sink,
        rows: Vec<Self::Resolved>,
        opts: &Options,
    ) -> anyhow::Result<ImportOutcome>;

    /// Commits the import: all of its batches or, on error, none. Returns what it stored
    /// beyond what [`Importer::store`] counted (figures store everything here).
    ///
    /// Errors: the database's.
    async fn finish(
        sink: Self::Sink,
        store: &Store,
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
    /// Transactions: amounts are read as a person writes them in this language (`en`:
    /// `1,234.50`; `es`, `tr`: `1.234,50`) by the resolve form's rule; an amount not written
    /// that way is refused, naming its line. Without it amounts are plain decimals (`1234.50`).
    #[arg(long, value_parser = parse_locale)]
    pub locale: Option<Separators>,
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
            locale: None,
            retention_days: None,
        }
    }
}

/// What an importer reads and stores rows with: the command line, and the clock.
#[derive(Clone)]
struct Options {
    preset: Option<Preset>,
    /// `--map` pairs, (column, field).
    map: Vec<(String, String)>,
    /// `--skip-invalid`.
    skip_invalid: bool,
    /// `--delimiter`; `None`: sniffed from the header line.
    delimiter: Option<u8>,
    /// `--locale`: how amounts are written; `None`, plain decimals.
    locale: Option<Separators>,
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
        locale: args.locale,
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

fn parse_locale(raw: &str) -> Result<Separators, String> {
    match raw {
        "en" => Ok(Separators::POINT),
        "es" | "tr" => Ok(Separators::COMMA),
        _ => Err(format!("{raw:?} is not one of en, es, tr")),
    }
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
