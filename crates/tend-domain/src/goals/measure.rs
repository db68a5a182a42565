//! The catalogue of measures a service goal can be set on: each with its code, its written
//! definition (the one the API and the pages show, in English here; Spanish and Turkish in the
//! pages' `goals.ftl`), how its value is scaled from a numerator and a denominator, the target
//! range it accepts, the scope fields that apply to it and how long after a period ends its
//! value is settled.

use serde::Serialize;

use crate::kernel::reason::*;

/// A measure from the catalogue.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = GoalMeasure))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Share of complaints answered first within their response standard (service hours).
    FirstResponse,
    /// Share of complaints resolved within their response standard (service hours).
    Resolution,
    /// Purchases later marked returned ÷ purchases.
    ReturnRate,
    /// Complainants satisfied with how their complaint was handled (follow-up and CSAT).
    Satisfied,
    /// Complainants who bought again within N days after their complaint's resolution.
    Repurchase,
    /// Share of CSAT answers rated 4 or 5.
    Csat,
    /// Net promoter score in points: promoters − detractors over answers.
    Nps,
    /// Complaints per 1,000 orders (purchases).
    ComplaintsPerThousandOrders,
    /// Share of calls answered within N minutes, from a ratio figure.
    CallsAnswered,
    /// Any figure's value over the period.
    Figure,
}

/// How a value is made from a tally `n / d`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = GoalScale))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// `100 × n ÷ d`, a percentage.
    Percent,
    /// `100 × n ÷ d` where `n` = promoters − detractors: NPS points (−100 to 100).
    Points,
    /// `1000 × n ÷ d`.
    PerThousand,
    /// `n ÷ d` (a ratio figure not in percent).
    Ratio,
    /// `n` itself; `d` counts the values summed (a figure that is not a ratio).
    Sum,
}

/// A scope field a goal may narrow its measure by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeField {
    Channel,
    Category,
    Product,
    /// Only a customer segment's members (their complaints, purchases, answers).
    Segment,
}

use Measure::*;
use ScopeField::*;

impl Measure {
    /// Every measure, in the catalogue's order.
    pub const ALL: [Measure; 10] = [
        FirstResponse,
        Resolution,
        ReturnRate,
        Satisfied,
        Repurchase,
        Csat,
        Nps,
        ComplaintsPerThousandOrders,
        CallsAnswered,
        Figure,
    ];

    /// The stable code, as the API and the database write it.
    pub fn code(self) -> &'static str {
        match self {
            FirstResponse => "first_response_within_standard",
            Resolution => "resolution_within_standard",
            ReturnRate => "return_rate",
            Satisfied => "complainants_satisfied",
            Repurchase => "repurchase_after_resolution",
            Csat => "csat",
            Nps => "nps",
            ComplaintsPerThousandOrders => "complaints_per_thousand_orders",
            CallsAnswered => "calls_answered_within",
            Figure => "figure",
        }
    }

    /// The measure with this code, or `one_of` listing the codes.
    pub fn parse(raw: &str) -> Result<Measure, Reason> {
        Measure::ALL
            .into_iter()
            .find(|m| m.code() == raw.trim())
            .ok_or_else(|| {
                let allowed: Vec<&str> = Measure::ALL.iter().map(|m| m.code()).collect();
                ONE_OF
                    .with("allowed", allowed.join(", "))
                    .with("got", format!("{raw:?}"))
            })
    }

    /// The written definition: what is counted above and below the line, and over which
    /// period. `{days}`, `{minutes}` stand for the goal's parameters.
    pub fn definition(self) -> &'static str {
        match self {
            FirstResponse => {
                "Complaints received in the period whose channel sets a first-response target for their priority: those answered first by the due time (counted in the channel's service hours, pauses waiting on the customer added) ÷ those answered or already past due. Complaints not yet answered and not yet due are not counted."
            }
            Resolution => {
                "Complaints received in the period whose channel sets a resolution target for their priority: those resolved by the due time (service hours, pauses added) ÷ those resolved or already past due."
            }
            ReturnRate => {
                "Purchases dated in the period later marked returned ÷ all purchases dated in the period × 100."
            }
            Satisfied => {
                "Customers with a complaint resolved in the period that has an answer, each counted once: those whose answer on their most recently resolved such complaint is satisfied (at the follow-up, or — without a follow-up answer — a satisfaction (CSAT) rating of 4 or 5) ÷ all such customers × 100."
            }
            Repurchase => {
                "Customers with a complaint resolved in the period whose {days}-day window has ended, each counted once: those who made a purchase within {days} days after the resolution of any of those complaints ÷ all such customers × 100. A period is settled {days} days after it ends."
            }
            Csat => {
                "Satisfaction (CSAT) answers given in the period rated 4 or 5 ÷ all CSAT answers given in the period × 100."
            }
            Nps => {
                "Answers to the NPS questions (0–10) of survey responses completed in the period: promoters (9–10) − detractors (0–6), ÷ all answers × 100, in points from −100 to 100."
            }
            ComplaintsPerThousandOrders => {
                "Complaints (kind complaint) received in the period ÷ purchases dated in the period × 1,000."
            }
            CallsAnswered => {
                "Calls answered within {minutes} minutes ÷ calls, from the chosen ratio figure: its numerators and denominators of the periods starting in the goal's period, each summed, × 100."
            }
            Figure => {
                "The chosen figure over the goal's period: for a ratio, its numerators summed ÷ its denominators summed (× 100 for a percent); otherwise its values summed."
            }
        }
    }

    /// How the value is scaled; `None` for the figure measures, whose scale is the figure's.
    pub fn scale(self) -> Option<Scale> {
        match self {
            Nps => Some(Scale::Points),
            ComplaintsPerThousandOrders => Some(Scale::PerThousand),
            CallsAnswered | Figure => None,
            _ => Some(Scale::Percent),
        }
    }

    /// The targets it accepts, inclusive.
    pub fn target_range(self) -> (f64, f64) {
        match self {
            Nps => (-100.0, 100.0),
            ComplaintsPerThousandOrders => (0.0, 1_000_000.0),
            Figure => (-1e12, 1e12),
            _ => (0.0, 100.0),
        }
    }

    /// The scope fields that apply to it.
    pub fn scopes(self) -> &'static [ScopeField] {
        match self {
            FirstResponse
            | Resolution
            | Satisfied
            | Repurchase
            | Csat
            | ComplaintsPerThousandOrders => &[Channel, Category, Product, Segment],
            ReturnRate => &[Product, Segment],
            Nps | CallsAnswered | Figure => &[],
        }
    }

    /// Whether it takes `days` (the repurchase window), `minutes` (the calls' threshold) and a
    /// figure.
    pub fn takes(self) -> (bool, bool, bool) {
        (
            self == Repurchase,
            self == CallsAnswered,
            matches!(self, CallsAnswered | Figure),
        )
    }

    /// Whole days after a period's end before its value is settled and may be frozen: the
    /// repurchase window for [`Measure::Repurchase`], else 0.
    pub fn settle_days(self, days: Option<i64>) -> i64 {
        if self == Repurchase {
            days.unwrap_or(0)
        } else {
            0
        }
    }
}

impl std::fmt::Display for Measure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A period's tally: the numerator and the denominator its value is made of (the `n`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = GoalTally))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub numerator: i64,
    pub denominator: i64,
}

impl Tally {
    /// The value under `scale`; `None` when the denominator is 0 (no data).
    pub fn value(self, scale: Scale) -> Option<f64> {
        if self.denominator <= 0 {
            return None;
        }
        let (n, d) = (self.numerator as f64, self.denominator as f64);
        Some(match scale {
            Scale::Percent | Scale::Points => 100.0 * n / d,
            Scale::PerThousand => 1000.0 * n / d,
            Scale::Ratio => n / d,
            Scale::Sum => n,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_lists_them() {
        for m in Measure::ALL {
            assert_eq!(Measure::parse(m.code()), Ok(m));
        }
        let r = Measure::parse("happiness").unwrap_err();
        assert_eq!(r.code(), "one_of");
        assert!(
            r.arg("allowed")
                .unwrap()
                .contains("complaints_per_thousand_orders")
        );
    }

    #[test]
    fn values_by_scale() {
        let t = Tally {
            numerator: 3,
            denominator: 4,
        };
        assert_eq!(t.value(Scale::Percent), Some(75.0));
        assert_eq!(t.value(Scale::PerThousand), Some(750.0));
        assert_eq!(t.value(Scale::Ratio), Some(0.75));
        assert_eq!(t.value(Scale::Sum), Some(3.0));
        let nps = Tally {
            numerator: -1,
            denominator: 4,
        };
        assert_eq!(nps.value(Scale::Points), Some(-25.0));
        assert_eq!(Tally::default().value(Scale::Percent), None);
    }
}
