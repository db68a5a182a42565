//! Amounts as a person types them: read by the reader's locale, refused when they do not follow
//! it, never guessed.
//!
//! The rule ([`parse_amount`]): the locale gives a decimal mark and a group separator
//! ([`Separators::POINT`] for English, `1,234.50`; [`Separators::COMMA`] for Spanish and
//! Turkish, `1.234,50`). The integer part is digits, optionally grouped — the locale's group
//! separator or a space between groups of exactly three digits after a first group of one to
//! three. After the decimal mark come one to as many digits as the currency has minor units.
//! Anything else is refused with [`AMOUNT_WRITTEN`], which shows the locale's way. So `2,500`
//! is 2500 in English whatever the currency; in Turkish `2.500,00` is 2500.00, `2,500` is 2.5
//! for KWD (three minor units) and refused for EUR, and `2500.00` is refused (a group of two).

use crate::kernel::money::{Currency, Money};
use crate::kernel::reason::*;

/// A locale's decimal mark and group separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Separators {
    pub decimal: char,
    pub group: char,
}

impl Separators {
    /// English: `1,234.50`.
    pub const POINT: Separators = Separators {
        decimal: '.',
        group: ',',
    };
    /// Spanish and Turkish: `1.234,50`.
    pub const COMMA: Separators = Separators {
        decimal: ',',
        group: '.',
    };

    /// An example amount written this way for `currency`: `1,234.50`, `1.234,500`, `1.234`.
    pub fn example(&self, currency: Currency) -> String {
        let exp = currency.exponent() as usize;
        let mut s = format!("1{}234", self.group);
        if exp > 0 {
            s.push(self.decimal);
            s.push('5');
            s.push_str(&"0".repeat(exp - 1));
        }
        s
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Reads `raw` as an amount of `currency` written the `seps` way (see the module's rule).
///
/// Errors: [`AMOUNT_WRITTEN`] (with `example`, `decimals` and `currency`) for anything not
/// written that way; [`AMOUNT_TOO_LARGE`] past Tend's largest amount.
pub fn parse_amount(raw: &str, currency: Currency, seps: Separators) -> Result<Money, Reason> {
    let exp = currency.exponent() as usize;
    let bad = || {
        AMOUNT_WRITTEN
            .with("example", seps.example(currency))
            .with("decimals", exp)
            .with("currency", currency.as_str())
    };
    let s = raw.trim();
    let (int, frac) = match s.split_once(seps.decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if let Some(f) = frac
        && (!digits(f) || f.len() > exp)
    {
        return Err(bad());
    }
    let groups: Vec<&str> = int
        .split(|c: char| c == seps.group || is_space(c))
        .collect();
    let grouped_ok = groups.iter().all(|g| digits(g))
        && (groups.len() == 1
            || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    if !grouped_ok {
        return Err(bad());
    }
    let mut plain = groups.concat();
    if let Some(f) = frac {
        plain.push('.');
        plain.push_str(f);
    }
    Money::parse(&plain, currency).map_err(|r| if r.code() == AMOUNT.code { bad() } else { r })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minor(raw: &str, code: &str, seps: Separators) -> Result<i64, String> {
        parse_amount(raw, Currency::parse(code).unwrap(), seps)
            .map(|m| m.minor())
            .map_err(|r| r.to_string())
    }

    #[test]
    fn english_reads_commas_as_groups() {
        let en = Separators::POINT;
        assert_eq!(minor("2,500", "KWD", en), Ok(2_500_000));
        assert_eq!(minor("2,500", "EUR", en), Ok(250_000));
        assert_eq!(minor("1,234.50", "EUR", en), Ok(123_450));
        assert_eq!(minor("1 234.5", "EUR", en), Ok(123_450));
        assert_eq!(minor(" 7 ", "JPY", en), Ok(7));
        for bad in [
            "2.500,00", "2,50", "25,00.0", "1.234", "1.", ".5", "-1", "1,2345", "", "abc",
        ] {
            assert!(minor(bad, "EUR", en).is_err(), "{bad} accepted");
        }
        let e = minor("2.500,00", "EUR", en).unwrap_err();
        assert!(e.contains("1,234.50"), "{e}");
    }

    #[test]
    fn spanish_and_turkish_read_points_as_groups() {
        let tr = Separators::COMMA;
        assert_eq!(minor("2.500,00", "TRY", tr), Ok(250_000));
        assert_eq!(minor("1.234,5", "EUR", tr), Ok(123_450));
        assert_eq!(minor("2,500", "KWD", tr), Ok(2_500));
        assert_eq!(minor("2500", "EUR", tr), Ok(250_000));
        for bad in ["2500.00", "2,500", "2.50", "1,2,3"] {
            assert!(minor(bad, "EUR", tr).is_err(), "{bad} accepted");
        }
        assert!(minor("1,5", "JPY", tr).is_err(), "JPY has no minor units");
        let e = minor("2500.00", "EUR", tr).unwrap_err();
        assert!(e.contains("1.234,50"), "{e}");
    }
}
