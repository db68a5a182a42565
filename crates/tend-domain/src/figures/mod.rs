//! Figures: the business's operational and vendor numbers (returns, reject rate, call-centre
//! wait, …) as time series. A figure's definition says its unit, whether higher is better, its
//! period grain, the dimensions its values may carry and where they come from; its values are
//! kept as numerator and (for a ratio) denominator so that any longer period is exact.

mod breakdown;
mod draft;
mod series;
mod stale;
mod value;

pub use breakdown::{Breakdown, Cell, Group, breakdown, breakdown_dimension, dimension_value};
pub use draft::{FigureDraft, NewFigure};
pub use series::{Per, Point, roll_up};
pub use stale::{is_stale, last_complete_period, missed_period};
pub use value::{FigureValue, ValueDraft, canonical_dimensions, parse_period};

use serde::{Deserialize, Serialize};

use crate::kernel::ids::EmployeeId;
use crate::kernel::reason::*;

macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the stored or typed name; refuses with `ONE_OF` naming the allowed ones.
            pub fn parse(raw: &str) -> Result<Self, Reason> {
                match raw.trim().to_ascii_lowercase().as_str() {
                    $($text => Ok($name::$variant),)+
                    _ => Err(ONE_OF
                        .with("allowed", [$($text),+].join(", "))
                        .with("got", format!("{raw:?}"))),
                }
            }
        }
    };
}

text_enum! {
    /// What a value counts: events, seconds, a percentage (always a ratio × 100) or money
    /// (minor units of the figure's currency).
    Unit { Count = "count", Seconds = "seconds", Percent = "percent", Money = "money" }
}

text_enum! {
    /// The period one value covers. A week starts on Monday; a month on its first day.
    Grain { Day = "day", Week = "week", Month = "month" }
}

text_enum! {
    /// Where values come from: the business itself, a named outside vendor, or Tend, which
    /// computes them from its own records (e.g. the return rate from purchases' `returned`).
    Source { Internal = "internal", Vendor = "vendor", Computed = "computed" }
}

text_enum! {
    /// What a value may be broken down by.
    Dimension { Product = "product", Category = "category", Vendor = "vendor" }
}

/// A figure's definition as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub id: i64,
    /// Stable name, e.g. `return_rate`.
    pub code: String,
    pub name: String,
    /// How it is counted, in words.
    pub definition: String,
    pub unit: Unit,
    /// ISO 4217, for money figures.
    pub currency: Option<String>,
    pub higher_is_better: bool,
    pub grain: Grain,
    /// When true a value is `numerator ÷ denominator` (× 100 for percent); else the numerator.
    pub ratio: bool,
    pub dimensions: Vec<Dimension>,
    pub source: Source,
    /// The vendor's name when `source` is `vendor`.
    pub vendor_name: Option<String>,
    /// The account whose token pushes the values (a vendor's), if assigned.
    pub pusher_id: Option<EmployeeId>,
    /// Who is told when the figure goes stale.
    pub owner_id: Option<EmployeeId>,
    /// One of the method's figures, seeded with Tend.
    pub seeded: bool,
}

impl Figure {
    /// What a value of this figure is from its parts: `numerator ÷ denominator` for a ratio
    /// (× 100 when the unit is percent), else the numerator; `None` for a ratio over zero.
    pub fn value(&self, numerator: i64, denominator: Option<i64>) -> Option<f64> {
        match (self.ratio, denominator) {
            (true, Some(d)) if d > 0 => {
                let scale = if self.unit == Unit::Percent {
                    100.0
                } else {
                    1.0
                };
                Some(numerator as f64 * scale / d as f64)
            }
            (true, _) => None,
            (false, _) => Some(numerator as f64),
        }
    }
}
