//! Languages of the pages: Fluent messages for English, Spanish and Turkish, embedded in the
//! binary; the language comes from the `lang` cookie (the switcher), else `Accept-Language`,
//! else English. Dates and numbers are written the locale's way (patterns live in the `.ftl`).

use std::sync::LazyLock;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::session::cookie;

/// The languages Tend's pages speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
    Tr,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Tr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Tr => "tr",
        }
    }

    /// `es`, `es-MX`, `TR`… → the language, if Tend speaks it.
    pub fn parse(raw: &str) -> Option<Lang> {
        let primary = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first language Tend speaks in an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut offers: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let lang = Lang::parse(bits.next()?)?;
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        offers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        offers.first().map(|o| o.2)
    }

    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../locales/en.ftl"),
            Lang::Es => include_str!("../../locales/es.ftl"),
            Lang::Tr => include_str!("../../locales/tr.ftl"),
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(Lang, Bundle)>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let id = lang
                .code()
                .parse()
                .expect("a language code is a language id");
            let mut bundle = Bundle::new_concurrent(vec![id]);
            // Pages are HTML: no Unicode isolation marks around arguments.
            bundle.set_use_isolating(false);
            let res = FluentResource::try_new(lang.source().to_owned())
                .unwrap_or_else(|(_, errors)| panic!("{}.ftl: {errors:?}", lang.code()));
            bundle
                .add_resource(res)
                .unwrap_or_else(|errors| panic!("{}.ftl: {errors:?}", lang.code()));
            (lang, bundle)
        })
        .collect()
});

/// The translator a page renders with. Cheap to copy.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    fn bundle(&self) -> &'static Bundle {
        &BUNDLES
            .iter()
            .find(|(l, _)| *l == self.lang)
            .expect("every language has a bundle")
            .1
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, lang = self.code(), "missing message");
            return key.to_owned();
        };
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, ?errors, "message formatting");
        }
        text.into_owned()
    }

    /// The message `key`.
    pub fn get(&self, key: &str) -> String {
        self.format(key, None)
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

    /// An instant as a date and time in `tz`, the locale's way, with the zone's abbreviation.
    pub fn datetime(&self, t: &Timestamp, tz: &TimeZone) -> String {
        let pattern = self.get("format-datetime");
        t.to_zoned(tz.clone()).strftime(&pattern).to_string()
    }

    /// An instant as a date in `tz`.
    pub fn date(&self, t: &Timestamp, tz: &TimeZone) -> String {
        let pattern = self.get("format-date");
        t.to_zoned(tz.clone()).strftime(&pattern).to_string()
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
pub fn lang_of(headers: &axum::http::HeaderMap) -> Lang {
    cookie(headers, "lang")
        .and_then(|c| Lang::parse(&c))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::En)
}

/// The message ids one `.ftl` source defines (a message starts a line: `id = …`).
pub fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('='))
        .map(|(id, _)| id.trim().to_owned())
        .collect()
}

/// Whether `lang` has a message `key` with a value.
pub fn has_message(lang: Lang, key: &str) -> bool {
    Tr::new(lang)
        .bundle()
        .get_message(key)
        .is_some_and(|m| m.value().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_read_by_quality() {
        assert_eq!(
            Lang::from_accept_language("de, tr;q=0.5, es;q=0.8"),
            Some(Lang::Es)
        );
        assert_eq!(Lang::from_accept_language("es-MX,es;q=0.9"), Some(Lang::Es));
        assert_eq!(Lang::from_accept_language("de, fr"), None);
        assert_eq!(Lang::from_accept_language("tr;q=0, en"), Some(Lang::En));
    }

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(Tr::new(Lang::En).decimal("1234567.50"), "1,234,567.50");
        assert_eq!(Tr::new(Lang::Es).decimal("1234.50"), "1.234,50");
        assert_eq!(Tr::new(Lang::Tr).decimal("-12.5"), "-12,5");
        assert_eq!(Tr::new(Lang::En).decimal("100"), "100");
    }

    #[test]
    fn fields_are_named_by_their_labels() {
        assert_eq!(
            Tr::new(Lang::En).field("root_cause"),
            "What caused the problem"
        );
        assert_eq!(
            Tr::new(Lang::Es).field("facts"),
            "Los hechos, tal como los contó el cliente"
        );
        assert_eq!(
            Tr::new(Lang::Tr).field("compensation.amount"),
            "compensation.amount"
        );
    }

    #[test]
    fn dates_follow_the_locale() {
        let t: Timestamp = "2026-03-06T15:30:00Z".parse().unwrap();
        let tz = TimeZone::get("Europe/Madrid").unwrap();
        assert_eq!(Tr::new(Lang::Es).date(&t, &tz), "06/03/2026");
        assert_eq!(Tr::new(Lang::Tr).date(&t, &tz), "06.03.2026");
        assert_eq!(Tr::new(Lang::En).date(&t, &tz), "Mar 6, 2026");
    }
}
