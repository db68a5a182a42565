//! Form fields: what a form's text becomes (trimmed, optional, numbers, local date-times), and
//! the errors shown next to the fields the domain names.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use tend_domain::DomainError;
use tend_domain::kernel::reason::Reason;
use tend_store::StoreError;

use crate::kit::error::PageError;
use crate::kit::i18n::{Language, Tr};

/// Errors by field name, as the domain names the fields, each in the reader's language.
#[derive(Debug, Clone)]
pub struct Errors {
    lang: Language,
    by_field: BTreeMap<String, String>,
}

impl Errors {
    /// No errors yet; those added will be written in `t`'s language.
    pub fn new(t: &Tr) -> Self {
        Errors {
            lang: t.lang,
            by_field: BTreeMap::new(),
        }
    }

    /// The reason `field` was refused, if it was.
    pub fn of(&self, field: &str) -> Option<&str> {
        self.by_field.get(field).map(String::as_str)
    }

    /// A message of the pages (already in the reader's language) for `field`; the first one
    /// given for a field is kept.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.by_field
            .entry(field.to_owned())
            .or_insert_with(|| message.into());
    }

    /// A refusal of the domain or the store for `field`, in the reader's language.
    pub fn reason(&mut self, field: &str, reason: impl Into<Reason>) {
        let text = tend_app::i18n::reason(self.lang, &reason.into());
        self.add(field, text);
    }

    pub fn is_empty(&self) -> bool {
        self.by_field.is_empty()
    }

    /// Every field and reason, for the summary at the top of a form.
    pub fn all(&self) -> Vec<(String, String)> {
        self.by_field
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// The domain's reasons, in the reader's language.
    pub fn from_domain(e: DomainError, t: &Tr) -> Self {
        let mut out = Errors::new(t);
        match e {
            DomainError::Invalid(fields) => {
                for (field, reason) in fields.iter() {
                    out.reason(field, reason.clone());
                }
            }
            DomainError::Transition { field, reason, .. } => out.reason(field, reason),
        }
        out
    }

    /// Field errors out of a store failure; anything else is the page's error.
    pub fn from_store(e: StoreError, t: &Tr) -> Result<Self, PageError> {
        match e {
            StoreError::Domain(d) => Ok(Errors::from_domain(d, t)),
            StoreError::Conflict { field, reason } => {
                let mut out = Errors::new(t);
                out.reason(field, reason);
                Ok(out)
            }
            other => Err(other.into()),
        }
    }
}

/// A typed text: trimmed, `None` when empty.
pub fn opt(raw: &str) -> Option<String> {
    let s = raw.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// An optional whole number; `Err` names why it is not one.
pub fn number(raw: &str, t: &Tr) -> Result<Option<i64>, String> {
    match opt(raw) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| t.get("error-number")),
    }
}

/// A `datetime-local` input (`2026-03-06T15:30`) read in `tz`.
pub fn local_time(raw: &str, tz: &TimeZone, t: &Tr) -> Result<Option<Timestamp>, String> {
    let Some(s) = opt(raw) else {
        return Ok(None);
    };
    s.parse::<DateTime>()
        .ok()
        .and_then(|dt| dt.to_zoned(tz.clone()).ok())
        .map(|z| Some(z.timestamp()))
        .ok_or_else(|| t.get("error-datetime"))
}

/// An instant as a `datetime-local` input's value in `tz`.
pub fn local_input(ts: Option<Timestamp>, tz: &TimeZone) -> String {
    ts.map(|ts| {
        ts.to_zoned(tz.clone())
            .strftime("%Y-%m-%dT%H:%M")
            .to_string()
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::i18n::Language;

    #[test]
    fn local_times_read_in_the_zone() {
        let t = Tr::new(Language::En);
        let tz = TimeZone::get("Europe/Madrid").unwrap();
        let ts = local_time("2026-03-06T16:30", &tz, &t).unwrap().unwrap();
        assert_eq!(ts.to_string(), "2026-03-06T15:30:00Z");
        assert_eq!(local_input(Some(ts), &tz), "2026-03-06T16:30");
        assert_eq!(local_time(" ", &tz, &t), Ok(None));
        assert!(local_time("tomorrow", &tz, &t).is_err());
    }
}
