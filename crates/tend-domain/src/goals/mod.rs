//! Service goals: a measure from the catalogue ([`measure`]), a target, a direction (at least /
//! at most), a period ([`period`]: month, quarter or year; calendar or rolling), an optional
//! scope (channel, category, product, customer segment — where the measure has them), an owner and optionally
//! the focus problem (a category) it addresses. Validation here; the status rule in
//! [`status`]; each change of a goal is a new version (see `tend-store`'s `goals`).

pub mod measure;
pub mod period;
pub mod status;

use serde::{Deserialize, Serialize};

use crate::catalog::ChannelCode;
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::ids::{CategoryId, EmployeeId, ProductId};
use crate::kernel::reason::*;
use crate::kernel::text::Line;

pub use measure::{Measure, Scale, ScopeField, Tally};
pub use period::{Length, Window};
pub use status::{Direction, Status};

/// At most this many characters in a goal's name.
pub const MAX_NAME_CHARS: usize = 120;
/// The repurchase window: 1 to this many days.
pub const MAX_DAYS: i64 = 365;
/// The calls' threshold: 1 to this many minutes.
pub const MAX_MINUTES: i64 = 24 * 60;

/// A goal as sent (every field optional so that each missing one is named). A change (PATCH)
/// is this draft merged over the current version's.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalDraft {
    /// A short name; the measure's name when absent.
    pub name: Option<String>,
    /// A measure code from the catalogue, e.g. `csat` or `return_rate`.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub measure: Option<String>,
    /// The target, in the measure's unit (percent, NPS points, per 1,000 orders, or the
    /// figure's), at most two decimals.
    pub target: Option<f64>,
    /// `at_least` or `at_most`.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub direction: Option<String>,
    /// `month`, `quarter` or `year`.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub period: Option<String>,
    /// A rolling period (the last month/quarter/year up to today) instead of the calendar's.
    pub rolling: Option<bool>,
    /// For `repurchase_after_resolution`: the window after the resolution, 1–365 days.
    pub days: Option<i64>,
    /// For `calls_answered_within`: N, the minutes the figure counts calls answered within.
    pub minutes: Option<i64>,
    /// For `calls_answered_within` and `figure`: the figure's id.
    pub figure_id: Option<i64>,
    /// Scope: only complaints of this channel.
    pub channel: Option<String>,
    /// Scope: only this category and those below it.
    pub category_id: Option<i64>,
    /// Scope: only this product.
    pub product_id: Option<i64>,
    /// Scope: only this customer segment's members (complaints, purchases and answers of its
    /// customers, membership read at the end of each period).
    pub segment_id: Option<i64>,
    /// Who answers for the goal (an employee's id).
    pub owner_id: Option<i64>,
    /// The focus problem it addresses (a category's id).
    pub focus_category_id: Option<i64>,
}

/// A valid goal (one version of it). The target is kept in hundredths.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub name: Line<MAX_NAME_CHARS>,
    pub measure: Measure,
    pub target_hundredths: i64,
    pub direction: Direction,
    pub length: Length,
    pub rolling: bool,
    pub days: Option<i64>,
    pub minutes: Option<i64>,
    pub figure_id: Option<i64>,
    pub channel: Option<ChannelCode>,
    pub category_id: Option<CategoryId>,
    pub product_id: Option<ProductId>,
    pub segment_id: Option<i64>,
    pub owner_id: EmployeeId,
    pub focus_category_id: Option<CategoryId>,
}

impl Goal {
    /// The target as a number.
    pub fn target(&self) -> f64 {
        self.target_hundredths as f64 / 100.0
    }

    /// The draft this version is (what a change is merged over).
    pub fn draft(&self) -> GoalDraft {
        GoalDraft {
            name: Some(self.name.to_string()),
            measure: Some(self.measure.code().to_owned()),
            target: Some(self.target()),
            direction: Some(self.direction.code().to_owned()),
            period: Some(self.length.code().to_owned()),
            rolling: Some(self.rolling),
            days: self.days,
            minutes: self.minutes,
            figure_id: self.figure_id,
            channel: self.channel.as_ref().map(|c| c.to_string()),
            category_id: self.category_id.map(|c| c.0),
            product_id: self.product_id.map(|p| p.0),
            segment_id: self.segment_id,
            owner_id: Some(self.owner_id.0),
            focus_category_id: self.focus_category_id.map(|c| c.0),
        }
    }
}

fn target(e: &mut FieldErrors, m: Option<Measure>, raw: Option<f64>) -> i64 {
    let Some(t) = raw else {
        e.add("target", REQUIRED);
        return 0;
    };
    let Some(m) = m else { return 0 };
    let (min, max) = m.target_range();
    let h = (t * 100.0).round();
    let exact = t.is_finite() && (h - t * 100.0).abs() < 1e-6;
    if !exact || t < min || t > max {
        e.add(
            "target",
            GOAL_TARGET.with("min", min).with("max", max).with("got", t),
        );
        return 0;
    }
    h as i64
}

fn param(e: &mut FieldErrors, field: &str, takes: bool, raw: Option<i64>, max: i64, m: &str) {
    match (takes, raw) {
        (true, None) => e.add(field, REQUIRED),
        (true, Some(v)) if !(1..=max).contains(&v) => {
            e.add(field, RANGE.with("min", 1).with("max", max))
        }
        (false, Some(_)) => e.add(field, GOAL_NOT_FOR_MEASURE.with("measure", m)),
        _ => {}
    }
}

fn id<T>(e: &mut FieldErrors, field: &str, raw: Option<i64>, make: fn(i64) -> T) -> Option<T> {
    match raw {
        Some(v) if v <= 0 => {
            e.add(field, POSITIVE_ID);
            None
        }
        v => v.map(make),
    }
}

impl GoalDraft {
    /// Checks every field; errors name `name`, `measure`, `target`, `direction`, `period`,
    /// `days`, `minutes`, `figure_id`, `channel`, `category_id`, `product_id`, `segment_id`, `owner_id`,
    /// `focus_category_id`. Whether the ids exist is the store's to check.
    pub fn validate(&self) -> Result<Goal, DomainError> {
        let mut e = FieldErrors::new();
        let measure = match self.measure.as_deref() {
            None => {
                e.add("measure", REQUIRED);
                None
            }
            Some(raw) => Measure::parse(raw).map_err(|r| e.add("measure", r)).ok(),
        };
        let name_raw = match (self.name.as_deref().map(str::trim), measure) {
            (Some(n), _) if !n.is_empty() => n.to_owned(),
            (_, Some(m)) => m.code().replace('_', " "),
            _ => "goal".to_owned(),
        };
        let name = Line::parse(&name_raw).map_err(|r| e.add("name", r)).ok();
        let target_h = target(&mut e, measure, self.target);
        let direction = match self.direction.as_deref() {
            None => {
                e.add("direction", REQUIRED);
                None
            }
            Some(raw) => Direction::parse(raw)
                .map_err(|r| e.add("direction", r))
                .ok(),
        };
        let length = match self.period.as_deref() {
            None => {
                e.add("period", REQUIRED);
                None
            }
            Some(raw) => Length::parse(raw).map_err(|r| e.add("period", r)).ok(),
        };
        let code = measure.map_or("", |m| m.code());
        if let Some(m) = measure {
            let (days, minutes, figure) = m.takes();
            param(&mut e, "days", days, self.days, MAX_DAYS, code);
            param(&mut e, "minutes", minutes, self.minutes, MAX_MINUTES, code);
            param(&mut e, "figure_id", figure, self.figure_id, i64::MAX, code);
            for (field, given, scope) in [
                ("channel", self.channel.is_some(), ScopeField::Channel),
                (
                    "category_id",
                    self.category_id.is_some(),
                    ScopeField::Category,
                ),
                ("product_id", self.product_id.is_some(), ScopeField::Product),
                ("segment_id", self.segment_id.is_some(), ScopeField::Segment),
            ] {
                if given && !m.scopes().contains(&scope) {
                    e.add(field, GOAL_NOT_FOR_MEASURE.with("measure", code));
                }
            }
        }
        let channel = match self.channel.as_deref() {
            Some(raw) => ChannelCode::parse(raw)
                .map_err(|r| e.add("channel", r))
                .ok(),
            None => None,
        };
        let category_id = id(&mut e, "category_id", self.category_id, CategoryId);
        let product_id = id(&mut e, "product_id", self.product_id, ProductId);
        let segment_id = id(&mut e, "segment_id", self.segment_id, |s| s);
        let focus = id(
            &mut e,
            "focus_category_id",
            self.focus_category_id,
            CategoryId,
        );
        let owner = id(&mut e, "owner_id", self.owner_id, EmployeeId);
        if self.owner_id.is_none() {
            e.add("owner_id", REQUIRED);
        }
        e.finish(|| Goal {
            name: name.expect("checked"),
            measure: measure.expect("checked"),
            target_hundredths: target_h,
            direction: direction.expect("checked"),
            length: length.expect("checked"),
            rolling: self.rolling.unwrap_or(false),
            days: self.days,
            minutes: self.minutes,
            figure_id: self.figure_id,
            channel,
            category_id,
            product_id,
            segment_id,
            owner_id: owner.expect("checked"),
            focus_category_id: focus,
        })
    }
}

#[cfg(test)]
mod tests;
