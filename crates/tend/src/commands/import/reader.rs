//! Reading the CSV file for an importer, as a stream: each record validated, with its line in
//! the file.
//!
//! A record the CSV reader itself refuses (cut off, not UTF-8) is a bad row under `record`.
//! Lines are numbered as an editor shows them (`lines.rs`); a UTF-8 byte order mark is skipped;
//! the separator is `--delimiter`, else sniffed from the header line.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use std::io::{Read, Seek};

use super::lines::{Counting, Lines, sniff_delimiter};
use super::row::Record;
use super::{Bad, Importer, Options, bad_rows};

/// A CSV file read one record at a time, each validated by an importer: memory holds one
/// record (and the parser's buffer), whatever the file's size.
pub(super) struct Source {
    reader: csv::Reader<std::io::BufReader<Counting<std::fs::File>>>,
    lines: Lines,
    headers: csv::StringRecord,
    record: csv::StringRecord,
    bar: ProgressBar,
}

impl Source {
    /// Opens `file`: skips a byte order mark, takes `--delimiter` or sniffs it, reads the header.
    ///
    /// Errors: the file cannot be read, or has no header the CSV reader accepts.
    pub(super) fn open(file: &Path, opts: &Options) -> anyhow::Result<Source> {
        let cannot = |e: std::io::Error| anyhow::anyhow!("cannot read {}: {e}", file.display());
        let mut head = Vec::with_capacity(64 * 1024);
        std::fs::File::open(file)
            .map_err(cannot)?
            .take(64 * 1024)
            .read_to_end(&mut head)
            .map_err(cannot)?;
        // A byte order mark (Excel writes one) is skipped before the parser, so that byte
        // offsets and lines count from the same place.
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
        Ok(Source {
            reader,
            lines,
            headers,
            record: csv::StringRecord::new(),
            bar: progress(size),
        })
    }

    /// The next record's line and, if it is valid, its row; a bad record's faults are added to
    /// `bad` (its row `None`). `None` at the end of the file.
    pub(super) fn next<I: Importer>(
        &mut self,
        opts: &Options,
        bad: &mut Vec<Bad>,
    ) -> Option<(u64, Option<I::Row>)> {
        let next = self.reader.position().byte();
        let out = match self.reader.read_record(&mut self.record) {
            Ok(false) => {
                self.bar.finish_and_clear();
                return None;
            }
            Ok(true) => {
                let at = self.record.position().map_or(next, |p| p.byte());
                let line = self.lines.line_at(at);
                let cells = Record {
                    headers: &self.headers,
                    record: &self.record,
                };
                match I::validate(&cells, opts) {
                    Ok(row) => (line, Some(row)),
                    Err(e) => {
                        bad.extend(bad_rows(line, e));
                        (line, None)
                    }
                }
            }
            Err(e) => {
                let line = self.lines.line_at(e.position().map_or(next, |p| p.byte()));
                bad.push(Bad {
                    line,
                    field: "record".into(),
                    reason: csv_reason(&e),
                });
                (line, None)
            }
        };
        self.bar.set_position(self.reader.position().byte());
        Some(out)
    }
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
