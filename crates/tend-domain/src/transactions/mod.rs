//! Purchases (orders, transactions): who bought what, when, for how much, and whether it came
//! back. They are what the retention contact a month after each purchase is about.

use crate::kernel::reason::*;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::customers::opt;
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::ids::CustomerId;
use crate::kernel::money::{Currency, Money};
use crate::kernel::text::{Email, Line, Name, Text};

/// A purchase as typed, posted or read from a CSV row, before validation.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TransactionDraft {
    /// The customer, by id …
    pub customer_id: Option<i64>,
    /// … or by e-mail address …
    pub customer_email: Option<String>,
    /// … or by their id in the system they were imported from.
    pub customer_ref: Option<String>,
    /// When it was bought: an RFC 3339 instant, or a date (`2026-03-06`, taken as 00:00 UTC).
    pub occurred_at: Option<String>,
    pub product: Option<String>,
    /// Decimal amount, e.g. `"19.90"`; needs `currency`.
    pub amount: Option<String>,
    /// ISO 4217 code, e.g. `EUR`.
    pub currency: Option<String>,
    #[serde(default)]
    pub returned: Option<bool>,
    /// The purchase's id in the system it came from; re-imports skip ids stored already.
    pub external_id: Option<String>,
}

/// How a purchase names its customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomerKey {
    Id(CustomerId),
    Email(Email),
    Ref(Line<100>),
}

/// A valid purchase.
#[derive(Debug, Clone, PartialEq)]
pub struct Transaction {
    pub customer: CustomerKey,
    pub occurred_at: Timestamp,
    pub product: Option<Name>,
    pub amount: Option<Money>,
    pub returned: bool,
    pub external_id: Option<Line<100>>,
}

/// Parses an RFC 3339 instant, or a plain date taken as midnight UTC.
pub fn parse_instant_or_date(raw: &str) -> Result<Timestamp, Reason> {
    let raw = raw.trim();
    if let Ok(t) = raw.parse::<Timestamp>() {
        return Ok(crate::kernel::clock::micros(t));
    }
    raw.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp())
        .ok_or_else(|| Reason::from(DATE_OR_INSTANT))
}

impl TransactionDraft {
    /// Validates every field at once; `now` bounds the date (no purchases from the future).
    pub fn validate(&self, now: Timestamp) -> Result<Transaction, DomainError> {
        let mut e = FieldErrors::new();
        let customer = match (
            self.customer_id,
            self.customer_email
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
            self.customer_ref
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty()),
        ) {
            (Some(id), None, None) if id > 0 => Some(CustomerKey::Id(CustomerId(id))),
            (Some(_), None, None) => {
                e.add("customer_id", POSITIVE_ID);
                None
            }
            (None, Some(email), None) => Email::parse(email)
                .map(CustomerKey::Email)
                .map_err(|r| e.add("customer_email", r))
                .ok(),
            (None, None, Some(r)) => Text::parse(r)
                .map(CustomerKey::Ref)
                .map_err(|why| e.add("customer_ref", why))
                .ok(),
            (None, None, None) => {
                e.add("customer_id", CUSTOMER_KEY_REQUIRED);
                None
            }
            _ => {
                e.add("customer_id", ONE_CUSTOMER_KEY);
                None
            }
        };
        let occurred_at = match self.occurred_at.as_deref().map(str::trim) {
            None | Some("") => {
                e.add("occurred_at", REQUIRED);
                None
            }
            Some(raw) => match parse_instant_or_date(raw) {
                Ok(t) => match crate::kernel::clock::check_past(t, now) {
                    Ok(()) => Some(t),
                    Err(why) => {
                        e.add("occurred_at", why);
                        None
                    }
                },
                Err(why) => {
                    e.add("occurred_at", why);
                    None
                }
            },
        };
        let currency = opt(
            &mut e,
            "currency",
            self.currency.as_deref(),
            Currency::parse,
        );
        let amount = match (self.amount.as_deref().map(str::trim), currency) {
            (None | Some(""), _) => None,
            (Some(_), None) => {
                if self.currency.as_deref().is_none_or(|c| c.trim().is_empty()) {
                    e.add("currency", REQUIRED_WITH_AMOUNT);
                }
                None
            }
            (Some(raw), Some(c)) => match Money::parse(raw, c) {
                Ok(m) if m.minor() < 0 => {
                    e.add("amount", NEGATIVE_PURCHASE);
                    None
                }
                Ok(m) => Some(m),
                Err(why) => {
                    e.add("amount", why);
                    None
                }
            },
        };
        let product = opt(&mut e, "product", self.product.as_deref(), Name::parse);
        let external_id = opt(
            &mut e,
            "external_id",
            self.external_id.as_deref(),
            Text::parse,
        );
        e.finish(|| Transaction {
            customer: customer.expect("checked"),
            occurred_at: occurred_at.expect("checked"),
            product,
            amount,
            returned: self.returned.unwrap_or(false),
            external_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-03-06T15:30:00Z".parse().unwrap()
    }

    #[test]
    fn a_purchase_by_email_with_a_date() {
        let t = TransactionDraft {
            customer_email: Some("ana@example.com".into()),
            occurred_at: Some("2026-02-01".into()),
            product: Some("Kettle".into()),
            amount: Some("19.90".into()),
            currency: Some("EUR".into()),
            ..Default::default()
        }
        .validate(now())
        .unwrap();
        assert_eq!(t.occurred_at, "2026-02-01T00:00:00Z".parse().unwrap());
        assert_eq!(t.amount.unwrap().minor(), 1990);
        assert!(matches!(t.customer, CustomerKey::Email(_)));
    }

    #[test]
    fn every_bad_field_is_named() {
        let err = TransactionDraft {
            customer_id: Some(1),
            customer_email: Some("a@b.c".into()),
            occurred_at: Some("2027-01-01".into()),
            amount: Some("12".into()),
            ..Default::default()
        }
        .validate(now())
        .unwrap_err();
        let DomainError::Invalid(fields) = err else {
            panic!("not a field error")
        };
        let names: Vec<&str> = fields.iter().map(|(f, _)| f).collect();
        assert_eq!(names, ["currency", "customer_id", "occurred_at"]);
        let missing = TransactionDraft::default().validate(now()).unwrap_err();
        assert!(missing.to_string().contains("customer_id"), "{missing}");
    }
}
