//! What every importer reads a CSV row with: cells by column name, dates, yes/no flags.

use csv::StringRecord;
use jiff::Timestamp;
use tend_domain::kernel::reason::*;
use tend_domain::{DomainError, FieldErrors};

/// A CSV record by column name; blank cells read as absent.
pub(super) struct Record<'a> {
    pub headers: &'a StringRecord,
    pub record: &'a StringRecord,
}

impl Record<'_> {
    /// The trimmed cell under `column`; `None` if the column is missing or the cell blank.
    pub fn get(&self, column: &str) -> Option<&str> {
        let i = self
            .headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').trim() == column)?;
        self.record.get(i).map(str::trim).filter(|v| !v.is_empty())
    }
}

/// A yes/no cell: `yes`, `true`, `1` or `y` (any case) is yes, anything else no.
pub(super) fn yes(v: &str) -> bool {
    matches!(v.to_ascii_lowercase().as_str(), "yes" | "true" | "1" | "y")
}

/// A date (`2023-08-25`, midnight UTC), a date and time (`2023-06-01 19:11:14`, UTC) or RFC 3339.
/// `None` if `raw` is; `None` with an error under `field` if it is none of those.
pub(super) fn instant(e: &mut FieldErrors, field: &str, raw: Option<&str>) -> Option<Timestamp> {
    let raw = raw?;
    let utc = jiff::tz::TimeZone::UTC;
    let parsed = raw
        .parse::<Timestamp>()
        .ok()
        .or_else(|| {
            raw.parse::<jiff::civil::DateTime>()
                .ok()
                .and_then(|d| d.to_zoned(utc.clone()).ok())
                .map(|z| z.timestamp())
        })
        .or_else(|| {
            raw.parse::<jiff::civil::Date>()
                .ok()
                .and_then(|d| d.to_zoned(utc).ok())
                .map(|z| z.timestamp())
        });
    if parsed.is_none() {
        e.add(field, DETAIL.with("detail", format!("must be a date (2023-08-25), date and time (2023-06-01 19:11:14) or RFC 3339 instant (got {raw:?})")));
    }
    parsed
}

/// A domain refusal as field errors, so it lands in the bad-row list like any other.
pub(super) fn invalid(e: DomainError) -> FieldErrors {
    match e {
        DomainError::Invalid(f) => f,
        DomainError::Transition { field, reason, .. } => FieldErrors::single(field, reason),
    }
}
