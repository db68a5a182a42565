//! `tend import figures`: values of figures from CSV, replacing any stored value with the same
//! figure, period and dimensions; the import is logged (file, rows, inserted, replaced, who,
//! when) in the same transaction.
//!
//! Columns: `figure` (its code), `period` (the period's first day, `YYYY-MM-DD`), `numerator`,
//! `denominator` (ratio figures only) and, for figures broken down so, `product`, `category`,
//! `vendor`. Rows naming the same figure, period and dimensions twice are refused.

use std::collections::HashMap;

use tend_domain::figures::{Figure, FigureValue, ValueDraft};
use tend_domain::kernel::reason::*;
use tend_domain::{DomainError, FieldErrors};
use tend_store::{ImportOutcome, Store};

use super::row::Record;
use super::{Importer, Options};

pub(super) struct Figures;

const DIMENSIONS: [&str; 3] = ["product", "category", "vendor"];

/// Sets the draft's `field` from a cell; numbers must be whole.
fn set(row: &mut (String, ValueDraft), field: &str, v: &str, e: &mut FieldErrors) {
    let number = |e: &mut FieldErrors| match v.trim().parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            e.add(field, WHOLE_NUMBER);
            None
        }
    };
    match field {
        "figure" => row.0 = v.trim().to_owned(),
        "period" => row.1.period = Some(v.to_owned()),
        "numerator" => row.1.numerator = number(e),
        "denominator" if !v.trim().is_empty() => row.1.denominator = number(e),
        d if DIMENSIONS.contains(&d) && !v.trim().is_empty() => {
            row.1.dimensions.insert(d.to_owned(), v.to_owned());
        }
        _ => {}
    }
}

impl Importer for Figures {
    const KIND: &'static str = "figure values";
    const FIELDS: &'static [&'static str] = &[
        "figure",
        "period",
        "numerator",
        "denominator",
        "product",
        "category",
        "vendor",
    ];
    /// The figure's code and the value as typed.
    type Row = (String, ValueDraft);
    /// The figure's id and the valid value.
    type Resolved = (i64, FigureValue);
    /// Values are few: stored together at the end.
    type Seen = ();
    type Sink = Vec<(i64, FigureValue)>;
    /// The whole file at once: the duplicate check compares every row with every other.
    const BATCH: usize = usize::MAX;

    /// The columns are the field names, or renamed with `--map`; presets hold no figures.
    fn validate(record: &Record, opts: &Options) -> Result<Self::Row, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut row = (String::new(), ValueDraft::default());
        if opts.preset.is_some() {
            e.add("preset", DETAIL.with("detail", "the presets hold no figures"));
        } else if opts.map.is_empty() {
            for field in Self::FIELDS {
                if let Some(v) = record.get(field) {
                    set(&mut row, field, v, &mut e);
                }
            }
        } else {
            for (column, field) in &opts.map {
                if let Some(v) = record.get(column) {
                    set(&mut row, field, v, &mut e);
                }
            }
        }
        if row.0.is_empty() {
            e.add("figure", REQUIRED);
        }
        if e.is_empty() { Ok(row) } else { Err(e) }
    }

    /// Each row against its figure's definition (unknown codes and computed figures refused,
    /// under `figure`); the second row with the same figure, period and dimensions is refused,
    /// naming the first by its line (one line per record, after the header).
    async fn resolve(
        store: &Store,
        rows: Vec<Self::Row>,
    ) -> anyhow::Result<Vec<Result<Self::Resolved, FieldErrors>>> {
        let figures: HashMap<String, Figure> = store
            .figures()
            .await?
            .into_iter()
            .map(|f| (f.code.clone(), f))
            .collect();
        let mut seen = HashMap::new();
        Ok(rows
            .into_iter()
            .enumerate()
            .map(|(i, (code, draft))| {
                let Some(figure) = figures.get(&code) else {
                    return Err(FieldErrors::single("figure", NO_FIGURE.with("got", format!("{code:?}"))));
                };
                let v = draft.validate(figure).map_err(|err| match err {
                    DomainError::Invalid(f) => f,
                    other => FieldErrors::single("row", DETAIL.with("detail", other)),
                })?;
                let key = (figure.id, v.period, v.dimensions.clone());
                if let Some(first) = seen.insert(key, i + 2) {
                    return Err(FieldErrors::single("row", DUPLICATE_VALUE.with("line", first)));
                }
                Ok((figure.id, v))
            })
            .collect())
    }

    async fn begin(_: &Store, _: (), _: &Options) -> anyhow::Result<Self::Sink> {
        Ok(Vec::new())
    }

    async fn store(
        sink: &mut Self::Sink,
        rows: Vec<Self::Resolved>,
        _: &Options,
    ) -> anyhow::Result<ImportOutcome> {
        sink.extend(rows);
        Ok(ImportOutcome::default())
    }

    /// All values and the log row in one transaction; a replaced value counts as present.
    async fn finish(
        rows: Self::Sink,
        store: &Store,
        opts: &Options,
    ) -> anyhow::Result<ImportOutcome> {
        let by = std::env::var("USER").unwrap_or_else(|_| "command line".to_owned());
        let log = store
            .import_figure_values(&rows, &opts.file_name, &by, opts.now)
            .await?;
        Ok(ImportOutcome {
            inserted: log.inserted as u64,
            already_present: log.updated as u64,
        })
    }
}
