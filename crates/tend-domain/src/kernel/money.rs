//! Money: an exact amount in minor units with an ISO 4217 currency; written as a decimal string.

use crate::kernel::reason::*;
use serde::Serialize;

/// Active ISO 4217 codes. Exponent 2 unless listed in `EXPONENTS`.
const CODES: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL \
BSD BTN BWP BYN BZD CAD CDF CHF CLF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD \
FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR \
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR \
MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK \
SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYI UYU UYW \
UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

const EXPONENTS: &[(&str, u32)] = &[
    ("BIF", 0),
    ("CLP", 0),
    ("DJF", 0),
    ("GNF", 0),
    ("ISK", 0),
    ("JPY", 0),
    ("KMF", 0),
    ("KRW", 0),
    ("PYG", 0),
    ("RWF", 0),
    ("UGX", 0),
    ("UYI", 0),
    ("VND", 0),
    ("VUV", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("XPF", 0),
    ("BHD", 3),
    ("IQD", 3),
    ("JOD", 3),
    ("KWD", 3),
    ("LYD", 3),
    ("OMR", 3),
    ("TND", 3),
    ("CLF", 4),
    ("UYW", 4),
];

/// An ISO 4217 currency code such as `EUR`, `TRY` or `USD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    pub fn parse(raw: &str) -> Result<Self, Reason> {
        let s = raw.trim().to_ascii_uppercase();
        if s.len() == 3 && CODES.split_whitespace().any(|c| c == s) {
            let b = s.as_bytes();
            Ok(Currency([b[0], b[1], b[2]]))
        } else {
            Err(CURRENCY.with("got", format!("{raw:?}")))
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("currency codes are ASCII")
    }

    /// Digits after the decimal point.
    pub fn exponent(&self) -> u32 {
        EXPONENTS
            .iter()
            .find(|(c, _)| *c == self.as_str())
            .map_or(2, |(_, e)| *e)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.as_str().to_owned()
    }
}

/// A non-negative amount of money, exact to the currency's minor unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

/// The largest amount Tend stores: one hundred billion major units.
const MAX_MAJOR: i64 = 100_000_000_000;

impl Money {
    /// Parses a decimal string like `"10.00"` or `"7"` in `currency`.
    pub fn parse(amount: &str, currency: Currency) -> Result<Self, Reason> {
        let s = amount.trim();
        let exp = currency.exponent();
        let bad = || {
            AMOUNT
                .with("decimals", exp)
                .with("currency", currency.as_str())
        };
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        if frac.len() > exp as usize || (s.contains('.') && frac.is_empty()) {
            return Err(bad());
        }
        let major: i64 = int.parse().map_err(|_| bad())?;
        if major > MAX_MAJOR {
            return Err(AMOUNT_TOO_LARGE.with("max", MAX_MAJOR));
        }
        let scale = 10_i64.pow(exp);
        let frac_val: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| bad())?
        };
        let frac_minor = frac_val * 10_i64.pow(exp - frac.len() as u32);
        Ok(Money {
            minor: major * scale + frac_minor,
            currency,
        })
    }

    /// Rebuilds a stored amount.
    pub fn from_minor(minor: i64, currency: Currency) -> Result<Self, Reason> {
        if minor < 0 {
            return Err(NEGATIVE.into());
        }
        Ok(Money { minor, currency })
    }

    pub fn minor(&self) -> i64 {
        self.minor
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The amount as a decimal string with exactly the currency's decimals: `"10.00"`.
    pub fn amount_string(&self) -> String {
        let exp = self.currency.exponent();
        if exp == 0 {
            return self.minor.to_string();
        }
        let scale = 10_i64.pow(exp);
        format!(
            "{}.{:0width$}",
            self.minor / scale,
            self.minor % scale,
            width = exp as usize
        )
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount_string(), self.currency.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn eur() -> Currency {
        Currency::parse("eur").unwrap()
    }

    #[test]
    fn parses_decimal_strings() {
        assert_eq!(Money::parse("10.00", eur()).unwrap().minor(), 1000);
        assert_eq!(Money::parse("10.5", eur()).unwrap().minor(), 1050);
        assert_eq!(Money::parse("7", eur()).unwrap().amount_string(), "7.00");
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(Money::parse("500", jpy).unwrap().amount_string(), "500");
        assert!(Money::parse("500.5", jpy).is_err());
        let kwd = Currency::parse("KWD").unwrap();
        assert_eq!(Money::parse("1.234", kwd).unwrap().amount_string(), "1.234");
        for bad in [
            "",
            "-1",
            "1.",
            ".5",
            "1.234",
            "1,00",
            "abc",
            "1e3",
            "999999999999",
        ] {
            assert!(Money::parse(bad, eur()).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn currencies() {
        assert!(Currency::parse("XYZ").is_err());
        assert_eq!(Currency::parse("try").unwrap().as_str(), "TRY");
    }

    proptest! {
        #[test]
        fn amount_string_round_trips(minor in 0i64..100_000_000_000, code in prop::sample::select(vec!["EUR", "JPY", "KWD", "CLF"])) {
            let c = Currency::parse(code).unwrap();
            let m = Money::from_minor(minor, c).unwrap();
            prop_assert_eq!(Money::parse(&m.amount_string(), c).unwrap(), m);
        }
    }
}
