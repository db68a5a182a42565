//! Validated scalar types: bounded text, e-mail, phone, country, language, tier, birth year.
//!
//! Each `parse` trims its input and returns the reason it refuses, as a plain sentence the
//! caller attaches to the field name.

use crate::kernel::reason::*;
use serde::{Deserialize, Serialize};

pub use crate::kernel::email::Email;

/// Trimmed, non-empty text of at most `MAX` characters, without control characters. A
/// multi-line text (`MULTILINE`, the default) may hold new lines (CR, LF) and tabs; a single-line
/// one ([`Line`]: names, subjects, product names, references) refuses them, and the Unicode line
/// and paragraph separators U+2028 and U+2029, with [`SINGLE_LINE`] rather than folding them, so
/// what is stored is what was typed. NUL is a control character, so no `Text` holds one
/// (PostgreSQL could not store it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Text<const MAX: usize, const MULTILINE: bool = true>(String);

/// Single-line text of at most `MAX` characters.
pub type Line<const MAX: usize> = Text<MAX, false>;

impl<const MAX: usize, const MULTILINE: bool> Text<MAX, MULTILINE> {
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(EMPTY.into());
        }
        let n = s.chars().count();
        if n > MAX {
            return Err(TOO_LONG.with("max", MAX).with("got", n));
        }
        let breaks = |c: char| c == '\n' || c == '\t' || c == '\r';
        let separators = |c: char| c == '\u{2028}' || c == '\u{2029}';
        if !MULTILINE && s.chars().any(|c| breaks(c) || separators(c)) {
            return Err(SINGLE_LINE.into());
        }
        if s.chars().any(|c| c.is_control() && !breaks(c)) {
            return Err(CONTROL_CHARACTERS.into());
        }
        Ok(Self(s.to_owned()))
    }

    /// Optional text: `None` and blank input are both "not given".
    pub fn parse_opt(raw: Option<&str>) -> Result<Option<Self>, Reason> {
        match raw.map(str::trim) {
            None | Some("") => Ok(None),
            Some(s) => Self::parse(s).map(Some),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl<const MAX: usize, const MULTILINE: bool> std::fmt::Display for Text<MAX, MULTILINE> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Short names and titles: one line.
pub type Name = Line<200>;
/// Descriptions, facts, solutions, notes.
pub type LongText = Text<20_000>;

macro_rules! string_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_newtype!(
    /// A phone number: digits with optional `+ - . ( )` and spaces, 5 to 20 digits.
    Phone
);
string_newtype!(
    /// An ISO 3166-1 alpha-2 country code, upper-case.
    CountryCode
);
string_newtype!(
    /// A BCP 47 language tag such as `en`, `es`, `tr` or `pt-BR`.
    LanguageTag
);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        let s = raw.trim();
        let allowed = |c: char| c.is_ascii_digit() || " +-.()/".contains(c);
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if !s.chars().all(allowed) || !(5..=20).contains(&digits) || s.len() > 32 {
            return Err(PHONE.into());
        }
        Ok(Self(s.to_owned()))
    }
}

impl CountryCode {
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        let s = raw.trim();
        if s.len() != 2 || !s.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(COUNTRY.into());
        }
        Ok(Self(s.to_ascii_uppercase()))
    }
}

impl LanguageTag {
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        let s = raw.trim();
        let mut parts = s.split('-');
        let primary = parts.next().unwrap_or_default();
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if !primary_ok || !rest_ok || s.len() > 35 {
            return Err(LANGUAGE_TAG.into());
        }
        Ok(Self(s.to_owned()))
    }
}

/// The support tier a complaint sits at or an employee works in: 0 self-service,
/// 1 front line, 2 specialists, 3 experts and upper management.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Tier(u8);

impl Tier {
    pub const SELF_SERVICE: Tier = Tier(0);
    pub const FRONT_LINE: Tier = Tier(1);
    pub const TOP: Tier = Tier(3);

    pub fn new(n: i64) -> Result<Self, Reason> {
        u8::try_from(n)
            .ok()
            .filter(|n| *n <= 3)
            .map(Tier)
            .ok_or_else(|| TIER.with("got", n))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// One tier up, staying at the top tier.
    pub fn up(self) -> Tier {
        Tier((self.0 + 1).min(3))
    }
}

impl TryFrom<i64> for Tier {
    type Error = Reason;
    fn try_from(n: i64) -> Result<Self, Reason> {
        Tier::new(n)
    }
}

impl From<Tier> for i64 {
    fn from(t: Tier) -> i64 {
        t.0.into()
    }
}

/// A birth year between 1900 and the current year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct BirthYear(i16);

impl BirthYear {
    pub fn parse(year: i64, current_year: i16) -> Result<Self, Reason> {
        i16::try_from(year)
            .ok()
            .filter(|y| (1900..=current_year).contains(y))
            .map(BirthYear)
            .ok_or_else(|| BIRTH_YEAR.with("max", current_year).with("got", year))
    }

    pub fn get(self) -> i16 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(Text::<5>::parse("  abc ").unwrap().as_str(), "abc");
        assert!(Text::<5>::parse("   ").is_err());
        assert!(
            Text::<5>::parse("abcdef")
                .unwrap_err()
                .to_string()
                .contains("at most 5")
        );
        assert!(Text::<5>::parse("a\u{0}b").is_err());
        assert_eq!(Text::<5>::parse_opt(Some(" ")).unwrap(), None);
    }

    #[test]
    fn phones_countries_languages_tiers() {
        assert!(Phone::parse("+34 (91) 555-0101").is_ok());
        assert!(Phone::parse("call me").is_err());
        assert!(Phone::parse("123").is_err());
        assert_eq!(CountryCode::parse("tr").unwrap().as_str(), "TR");
        assert!(CountryCode::parse("Spain").is_err());
        assert!(LanguageTag::parse("pt-BR").is_ok());
        assert!(LanguageTag::parse("english!").is_err());
        assert_eq!(Tier::new(2).unwrap().up().up().get(), 3);
        assert!(Tier::new(4).is_err());
        assert!(BirthYear::parse(1899, 2026).is_err());
        assert!(BirthYear::parse(2027, 2026).is_err());
    }

    proptest! {
        #[test]
        fn parsed_text_never_exceeds_its_bound(s in ".{0,40}") {
            if let Ok(t) = Text::<20>::parse(&s) {
                prop_assert!(t.as_str().chars().count() <= 20);
                prop_assert!(!t.as_str().is_empty());
                prop_assert_eq!(t.as_str(), t.as_str().trim());
            }
        }

    }
}
