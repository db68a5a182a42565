//! Reading the CSV file for an importer: every record validated, with its line in the file.
//!
//! A record the CSV reader itself refuses (cut off, not UTF-8) is a bad row under `record`.
//! Lines are numbered as an editor shows them (`lines.rs`); a UTF-8 byte order mark is skipped;
//! the separator is `--delimiter`, else sniffed from the header line.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use std::io::{Read, Seek};

use super::lines::{Counting, sniff_delimiter};
use super::row::Record;
use super::{Bad, Importer, Options, bad_rows};

/// Reads and validates every record: returns the valid rows with their lines, and adds the
/// bad ones to `bad`.
pub(super) fn read<I: Importer>(
    file: &Path,
    opts: &Options,
    bad: &mut Vec<Bad>,
) -> anyhow::Result<Vec<(u64, I::Row)>> {
    let cannot = |e: std::io::Error| anyhow::anyhow!("cannot read {}: {e}", file.display());
    let mut head = Vec::with_capacity(64 * 1024);
    std::fs::File::open(file)
        .map_err(cannot)?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(cannot)?;
    // A byte order mark (Excel writes one) is skipped before the parser, so that byte offsets
    // and lines count from the same place.
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let delimiter = opts
        .delimiter
        .unwrap_or_else(|| sniff_delimiter(&head[if bom { 3 } else { 0 }..]));
    let mut f = std::fs::File::open(file).map_err(cannot)?;
    if bom {
        f.seek(std::io::SeekFrom::Start(3)).map_err(cannot)?;
    }
    let (counting, lines) = Counting::new(f);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(std::io::BufReader::with_capacity(64 * 1024, counting));
    let headers = reader.headers()?.clone();
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let bar = progress(size);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let next = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_at(record.position().map_or(next, |p| p.byte()));
                let cells = Record {
                    headers: &headers,
                    record: &record,
                };
                match I::validate(&cells, opts) {
                    Ok(row) => rows.push((line, row)),
                    Err(e) => bad.extend(bad_rows(line, e)),
                }
            }
            Err(e) => {
                let line = lines.line_at(e.position().map_or(next, |p| p.byte()));
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
    Ok(rows)
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
