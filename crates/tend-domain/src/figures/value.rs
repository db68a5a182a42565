//! One value of a figure as pushed, imported or typed: its period, dimensions, numerator and
//! denominator, checked against the figure's definition.

use std::collections::BTreeMap;

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use super::{Dimension, Figure, Grain, Source};
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::*;
use crate::kernel::text::Text;

/// A value before validation. Unknown fields are refused.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ValueDraft {
    /// The period's first day, `YYYY-MM-DD`: any day, a Monday, or the 1st, by the figure's grain.
    pub period: Option<String>,
    /// Dimension name → value, e.g. `{"product": "Kettle"}`; only the figure's dimensions.
    pub dimensions: BTreeMap<String, String>,
    /// The count, seconds, minor units — or a ratio's numerator. Never negative.
    pub numerator: Option<i64>,
    /// A ratio's denominator (> 0); must be absent for other figures.
    pub denominator: Option<i64>,
}

/// A valid value of one figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureValue {
    pub period: Date,
    /// Canonical `key=value;key=value`, keys sorted; empty for none.
    pub dimensions: String,
    pub numerator: i64,
    pub denominator: Option<i64>,
}

/// The canonical text of a set of dimensions: `key=value` pairs sorted by key, joined by `;`.
pub fn canonical_dimensions(dims: &BTreeMap<Dimension, Text<100>>) -> String {
    let pairs: Vec<String> = dims
        .iter()
        .map(|(k, v)| format!("{}={}", k.as_str(), v.as_str().replace([';', '='], " ")))
        .collect();
    pairs.join(";")
}

/// Parses a period's first day and checks it starts a period of `grain`.
pub fn parse_period(raw: &str, grain: Grain) -> Result<Date, Reason> {
    let d: Date = raw
        .trim()
        .parse()
        .map_err(|_| DATE.with("got", format!("{raw:?}")))?;
    let aligned = match grain {
        Grain::Day => true,
        Grain::Week => d.weekday() == Weekday::Monday,
        Grain::Month => d.day() == 1,
    };
    if aligned {
        Ok(d)
    } else {
        Err(PERIOD_START.with("grain", grain.as_str()).with("got", d))
    }
}

impl ValueDraft {
    /// Validates against `figure`: the period starts one of its periods, the dimensions are
    /// its own, the numerator is present and not negative, and a ratio (only) has a positive
    /// denominator. Computed figures take no values.
    pub fn validate(&self, figure: &Figure) -> Result<FigureValue, DomainError> {
        let mut e = FieldErrors::new();
        if figure.source == Source::Computed {
            return Err(DomainError::field("figure", FIGURE_COMPUTED));
        }
        let period = match self.period.as_deref().map(str::trim) {
            None | Some("") => {
                e.add("period", REQUIRED);
                None
            }
            Some(raw) => parse_period(raw, figure.grain)
                .map_err(|r| e.add("period", r))
                .ok(),
        };
        let allowed: Vec<&str> = figure.dimensions.iter().map(|d| d.as_str()).collect();
        let mut dims = BTreeMap::new();
        for (k, v) in &self.dimensions {
            let field = format!("dimensions.{k}");
            match Dimension::parse(k) {
                Ok(d) if figure.dimensions.contains(&d) => match Text::<100>::parse(v) {
                    Ok(v) => {
                        dims.insert(d, v);
                    }
                    Err(r) => e.add(field, r),
                },
                _ => e.add(
                    field,
                    DIMENSION_UNKNOWN.with("got", format!("{k:?}")).with(
                        "allowed",
                        if allowed.is_empty() {
                            "none".to_owned()
                        } else {
                            allowed.join(", ")
                        },
                    ),
                ),
            }
        }
        match self.numerator {
            None => e.add("numerator", REQUIRED),
            Some(n) if n < 0 => e.add("numerator", NEGATIVE),
            Some(_) => {}
        }
        match (figure.ratio, self.denominator) {
            (true, None) => e.add("denominator", DENOMINATOR_REQUIRED),
            (true, Some(d)) if d <= 0 => e.add("denominator", DENOMINATOR_POSITIVE),
            (false, Some(_)) => e.add("denominator", DENOMINATOR_NOT_RATIO),
            _ => {}
        }
        if !e.is_empty() {
            return Err(DomainError::Invalid(e));
        }
        Ok(FigureValue {
            period: period.expect("checked"),
            dimensions: canonical_dimensions(&dims),
            numerator: self.numerator.expect("checked"),
            denominator: self.denominator,
        })
    }
}
