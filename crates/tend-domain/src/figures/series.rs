//! A figure's series rolled up to longer periods. Numerators and denominators are summed
//! separately, so a quarter's rate is Σ numerators ÷ Σ denominators of its months — exact, and
//! not the mean of the monthly rates.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One point: a period's first day and the summed parts of the values in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub period: Date,
    pub numerator: i64,
    /// Σ denominators, for a ratio figure; `None` otherwise.
    pub denominator: Option<i64>,
}

/// The period a series is shown per. A stored value belongs to the longer period its first
/// day falls in (a week that straddles two months counts in the month it starts in).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// As stored, summing only over dimensions.
    Period,
    Month,
    Quarter,
    Year,
}

impl Per {
    /// The first day of the period of this kind that contains `d`.
    pub fn bucket(self, d: Date) -> Date {
        let first = |month: i8| Date::new(d.year(), month, 1).expect("a valid month");
        match self {
            Per::Period => d,
            Per::Month => first(d.month()),
            Per::Quarter => first((d.month() - 1) / 3 * 3 + 1),
            Per::Year => first(1),
        }
    }
}

/// Sums `points` per period of kind `per`, in date order. Overflow saturates (a sum beyond
/// 9.2 × 10^18 is not a business figure).
pub fn roll_up(points: &[Point], per: Per) -> Vec<Point> {
    let mut out: BTreeMap<Date, Point> = BTreeMap::new();
    for p in points {
        let key = per.bucket(p.period);
        let acc = out.entry(key).or_insert(Point {
            period: key,
            numerator: 0,
            denominator: None,
        });
        acc.numerator = acc.numerator.saturating_add(p.numerator);
        acc.denominator = match (acc.denominator, p.denominator) {
            (None, d) | (d, None) => d,
            (Some(a), Some(b)) => Some(a.saturating_add(b)),
        };
    }
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(m: i8, n: i64, d: i64) -> Point {
        Point {
            period: Date::new(2026, m, 1).unwrap(),
            numerator: n,
            denominator: Some(d),
        }
    }

    #[test]
    fn a_quarter_sums_its_months_parts() {
        // Jan 1/10, Feb 3/30, Mar 0/60 → Q1 4/100 = 4 %, not the mean of 10 %, 10 %, 0 %.
        let q = roll_up(
            &[p(1, 1, 10), p(2, 3, 30), p(3, 0, 60), p(4, 5, 5)],
            Per::Quarter,
        );
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].numerator, q[0].denominator), (4, Some(100)));
        assert_eq!(q[0].period, Date::new(2026, 1, 1).unwrap());
        assert_eq!((q[1].numerator, q[1].denominator), (5, Some(5)));
        assert_eq!(q[1].period, Date::new(2026, 4, 1).unwrap());
    }
}
