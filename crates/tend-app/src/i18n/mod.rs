//! Languages: the one [`Language`] type of Tend, and [`Catalog`], Fluent messages per language
//! embedded in the binary, which the pages and the mail both render from; [`reason`] renders a
//! domain refusal in the reader's language; [`instant`] writes instants in the reader's zone
//! and language, the one formatter of times for pages and mail; [`zones`] says whose zone that
//! is (staff: their own, else the company's; customers: their country's, else the channel's).

mod catalog;
pub mod instant;
mod reasons;
pub mod zones;

pub use catalog::{Catalog, message_ids};
pub use reasons::reason;

use serde::{Deserialize, Serialize};

/// The languages Tend speaks: pages, mail and refusal reasons. Any other gets English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Es,
    Tr,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::Es, Language::Tr];

    /// The language's code: `en`, `es`, `tr`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::Tr => "tr",
        }
    }

    /// `es`, `es-MX`, `TR`… → the language, if Tend speaks it.
    pub fn parse(raw: &str) -> Option<Language> {
        let primary = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language for a BCP 47 tag such as `es-MX`, by its primary subtag; English if unknown.
    pub fn from_tag(tag: &str) -> Language {
        Language::parse(tag).unwrap_or(Language::En)
    }

    /// The first language Tend speaks in an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut offers: Vec<(f32, usize, Language)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let lang = Language::parse(bits.next()?)?;
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
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn accept_language_is_read_by_quality() {
        assert_eq!(
            Language::from_accept_language("de, tr;q=0.5, es;q=0.8"),
            Some(Language::Es)
        );
        assert_eq!(
            Language::from_accept_language("es-MX,es;q=0.9"),
            Some(Language::Es)
        );
        assert_eq!(Language::from_accept_language("de, fr"), None);
        assert_eq!(
            Language::from_accept_language("tr;q=0, en"),
            Some(Language::En)
        );
        assert_eq!(Language::from_tag("tr-TR"), Language::Tr);
        assert_eq!(Language::from_tag("de"), Language::En);
    }
}
