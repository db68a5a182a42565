//! A custom figure's definition as posted or typed, and its validation.

use serde::{Deserialize, Serialize};

use super::{Dimension, Grain, Source, Unit};
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::ids::EmployeeId;
use crate::kernel::money::Currency;
use crate::kernel::reason::*;
use crate::kernel::text::Text;

/// A new figure's definition before validation. Unknown fields are refused.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FigureDraft {
    /// 2 to 40 of `a-z`, `0-9`, `_`, starting with a letter, e.g. `late_deliveries`.
    pub code: Option<String>,
    pub name: Option<String>,
    /// How it is counted, in words (shown beside every chart).
    pub definition: Option<String>,
    /// count, seconds, percent or money.
    pub unit: Option<String>,
    /// ISO 4217 code; required for money.
    pub currency: Option<String>,
    pub higher_is_better: Option<bool>,
    /// day, week or month (default month).
    pub grain: Option<String>,
    /// Values are numerator ÷ denominator; required true for percent.
    pub ratio: Option<bool>,
    /// Any of product, category, vendor.
    pub dimensions: Vec<String>,
    /// internal or vendor (computed figures are Tend's own).
    pub source: Option<String>,
    /// Required when the source is vendor.
    pub vendor_name: Option<String>,
    /// The employee (usually with the vendor role) whose token pushes the values.
    pub pusher_id: Option<i64>,
    /// The employee told when the figure goes stale.
    pub owner_id: Option<i64>,
}

/// A valid new figure (the store assigns its id).
#[derive(Debug, Clone, PartialEq)]
pub struct NewFigure {
    pub code: String,
    pub name: Text<200>,
    pub definition: Text<2000>,
    pub unit: Unit,
    pub currency: Option<Currency>,
    pub higher_is_better: bool,
    pub grain: Grain,
    pub ratio: bool,
    pub dimensions: Vec<Dimension>,
    pub source: Source,
    pub vendor_name: Option<Text<200>>,
    pub pusher_id: Option<EmployeeId>,
    pub owner_id: Option<EmployeeId>,
}

fn code(raw: &str) -> Result<String, Reason> {
    let ok = (2..=40).contains(&raw.len())
        && raw.starts_with(|c: char| c.is_ascii_lowercase())
        && raw
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    ok.then(|| raw.to_owned())
        .ok_or_else(|| FIGURE_CODE.with("got", format!("{raw:?}")))
}

fn required<T>(
    e: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, Reason>,
) -> Option<T> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            e.add(field, REQUIRED);
            None
        }
        Some(s) => parse(s).map_err(|r| e.add(field, r)).ok(),
    }
}

fn employee(e: &mut FieldErrors, field: &str, raw: Option<i64>) -> Option<EmployeeId> {
    match raw {
        Some(id) if id > 0 => Some(EmployeeId(id)),
        Some(_) => {
            e.add(field, POSITIVE_ID);
            None
        }
        None => None,
    }
}

impl FigureDraft {
    /// Validates every field at once: a bad field is named with its reason.
    pub fn validate(&self) -> Result<NewFigure, DomainError> {
        let mut e = FieldErrors::new();
        let code = required(&mut e, "code", self.code.as_deref(), code);
        let name = required(&mut e, "name", self.name.as_deref(), Text::parse);
        let definition = required(
            &mut e,
            "definition",
            self.definition.as_deref(),
            Text::parse,
        );
        let unit = required(&mut e, "unit", self.unit.as_deref(), Unit::parse);
        let currency = match (unit, self.currency.as_deref().map(str::trim)) {
            (Some(Unit::Money), None | Some("")) => {
                e.add("currency", REQUIRED);
                None
            }
            (_, None | Some("")) => None,
            (_, Some(c)) => Currency::parse(c).map_err(|r| e.add("currency", r)).ok(),
        };
        let grain = match self.grain.as_deref().map(str::trim) {
            None | Some("") => Some(Grain::Month),
            Some(g) => Grain::parse(g).map_err(|r| e.add("grain", r)).ok(),
        };
        let ratio = self.ratio.unwrap_or(unit == Some(Unit::Percent));
        if unit == Some(Unit::Percent) && !ratio {
            e.add("ratio", PERCENT_IS_RATIO);
        }
        let mut dimensions = Vec::new();
        for d in &self.dimensions {
            match Dimension::parse(d) {
                Ok(d) if !dimensions.contains(&d) => dimensions.push(d),
                Ok(_) => {}
                Err(r) => e.add("dimensions", r),
            }
        }
        dimensions.sort();
        let source = match self.source.as_deref().map(str::trim) {
            None | Some("") => Some(Source::Internal),
            Some(s) => match Source::parse(s) {
                Ok(Source::Computed) => {
                    e.add(
                        "source",
                        ONE_OF
                            .with("allowed", "internal, vendor")
                            .with("got", "\"computed\""),
                    );
                    None
                }
                Ok(s) => Some(s),
                Err(r) => {
                    e.add("source", r);
                    None
                }
            },
        };
        let vendor_name = match Text::parse_opt(self.vendor_name.as_deref()) {
            Ok(None) if source == Some(Source::Vendor) => {
                e.add("vendor_name", VENDOR_NAME_REQUIRED);
                None
            }
            Ok(v) => v,
            Err(r) => {
                e.add("vendor_name", r);
                None
            }
        };
        let pusher_id = employee(&mut e, "pusher_id", self.pusher_id);
        let owner_id = employee(&mut e, "owner_id", self.owner_id);
        if !e.is_empty() {
            return Err(DomainError::Invalid(e));
        }
        Ok(NewFigure {
            code: code.expect("checked"),
            name: name.expect("checked"),
            definition: definition.expect("checked"),
            unit: unit.expect("checked"),
            currency,
            higher_is_better: self.higher_is_better.unwrap_or(false),
            grain: grain.expect("checked"),
            ratio,
            dimensions,
            source: source.expect("checked"),
            vendor_name,
            pusher_id,
            owner_id,
        })
    }
}
