//! Languages of the pages: Fluent messages for English, Spanish and Turkish, embedded in the
//! binary (`locales/<lang>/<capability>.ftl`); the language comes from the `lang` cookie (the
//! switcher), else `Accept-Language`, else English. Dates and numbers are written the locale's
//! way (number separators live in `kit.ftl`; instants go through `tend_app::i18n::instant`).

use std::sync::LazyLock;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use fluent_bundle::FluentArgs;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use tend_app::i18n::Catalog;
pub use tend_app::i18n::{Language, message_ids};

use crate::kit::cookies::cookie;

/// The `.ftl` files of one language: (capability, source), one per capability. `kit` holds the
/// frame, errors, formats and the labels several capabilities share.
macro_rules! files {
    ($lang:literal) => {
        files!($lang: "kit", "complaints", "customers", "staff", "channels", "public", "jobs", "surveys", "quotient", "audit", "help", "goals", "vision", "policy", "training", "conversations", "plan", "dashboard", "reports", "focus_groups", "figures", "segments", "problems", "csat")
    };
    ($lang:literal: $($capability:literal),+) => {
        [$((
            $capability,
            include_str!(concat!("../../locales/", $lang, "/", $capability, ".ftl")),
        )),+]
    };
}

/// The pages' `.ftl` files in `lang`: (capability, source), one per capability.
pub fn files(lang: Language) -> [(&'static str, &'static str); 24] {
    match lang {
        Language::En => files!("en"),
        Language::Es => files!("es"),
        Language::Tr => files!("tr"),
    }
}

/// The `.ftl` sources of the pages in `lang`, every capability's.
pub fn sources(lang: Language) -> Vec<&'static str> {
    files(lang).into_iter().map(|(_, source)| source).collect()
}

/// The pages' messages. Pages are HTML: no Unicode isolation marks around arguments.
static PAGES: LazyLock<Catalog> = LazyLock::new(|| Catalog::new(sources, false));

/// The translator a page renders with. Cheap to copy.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Language,
}

impl Tr {
    pub fn new(lang: Language) -> Self {
        Tr { lang }
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        PAGES.format(self.lang, key, args)
    }

    /// The message `key`.
    pub fn get(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with several arguments: (name, value).
    pub fn args(&self, key: &str, pairs: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in pairs {
            args.set(*name, (*value).to_owned());
        }
        self.format(key, Some(&args))
    }

    /// The message `key` with one argument.
    pub fn arg(&self, key: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name, value.to_owned());
        self.format(key, Some(&args))
    }

    /// The label of an enumeration value: `{prefix}-{value}`, e.g. `status-resolved`.
    pub fn label(&self, prefix: &str, value: &str) -> String {
        self.get(&format!("{prefix}-{value}"))
    }

    /// Like `label`, but a value with no message (e.g. a channel an import added) shows as is.
    pub fn label_or(&self, prefix: &str, value: &str) -> String {
        let key = format!("{prefix}-{value}");
        if has_message(self.lang, &key) {
            self.get(&key)
        } else {
            value.to_owned()
        }
    }

    /// The label of a field the domain names (`root_cause` → "What caused the problem"), or the
    /// name itself when no form shows it.
    pub fn field(&self, name: &str) -> String {
        let key = format!("field-{}", name.replace('_', "-"));
        if has_message(self.lang, &key) {
            self.get(&key)
        } else {
            name.to_owned()
        }
    }

    /// An instant as a date and time in `tz`, the locale's way, with the zone named: the shared
    /// formatter `tend_app::i18n::instant::datetime`.
    pub fn datetime(&self, t: &Timestamp, tz: &TimeZone) -> String {
        tend_app::i18n::instant::datetime(t, tz, self.lang)
    }

    /// An instant as a date in `tz`: `tend_app::i18n::instant::date`.
    pub fn date(&self, t: &Timestamp, tz: &TimeZone) -> String {
        tend_app::i18n::instant::date(t, tz, self.lang)
    }

    /// A decimal such as `1234.50` (as the domain writes money) the locale's way: `1,234.50`,
    /// `1.234,50`.
    pub fn decimal(&self, plain: &str) -> String {
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let group = self.get("format-group-separator");
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push_str(&group);
            }
            grouped.push(c);
        }
        if frac.is_empty() {
            format!("{sign}{grouped}")
        } else {
            let point = self.get("format-decimal-separator");
            format!("{sign}{grouped}{point}{frac}")
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Tr::new(lang_of(&parts.headers)))
    }
}

/// The language a request asks for: the `lang` cookie, else `Accept-Language`, else English.
pub fn lang_of(headers: &axum::http::HeaderMap) -> Language {
    cookie(headers, "lang")
        .and_then(|c| Language::parse(&c))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::from_accept_language)
        })
        .unwrap_or(Language::En)
}

/// Whether `lang` has a message `key` with a value.
pub fn has_message(lang: Language, key: &str) -> bool {
    PAGES.has(lang, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(Tr::new(Language::En).decimal("1234567.50"), "1,234,567.50");
        assert_eq!(Tr::new(Language::Es).decimal("1234.50"), "1.234,50");
        assert_eq!(Tr::new(Language::Tr).decimal("-12.5"), "-12,5");
        assert_eq!(Tr::new(Language::En).decimal("100"), "100");
    }

    #[test]
    fn fields_are_named_by_their_labels() {
        assert_eq!(
            Tr::new(Language::En).field("root_cause"),
            "What caused the problem"
        );
        assert_eq!(
            Tr::new(Language::Es).field("facts"),
            "Los hechos, tal como los contó el cliente"
        );
        assert_eq!(
            Tr::new(Language::Tr).field("compensation.amount"),
            "compensation.amount"
        );
    }

    #[test]
    fn dates_follow_the_locale() {
        let t: Timestamp = "2026-03-06T15:30:00Z".parse().unwrap();
        let tz = TimeZone::get("Europe/Madrid").unwrap();
        assert_eq!(Tr::new(Language::Es).date(&t, &tz), "06/03/2026");
        assert_eq!(Tr::new(Language::Tr).date(&t, &tz), "06.03.2026");
        assert_eq!(Tr::new(Language::En).date(&t, &tz), "Mar 6, 2026");
    }
}
