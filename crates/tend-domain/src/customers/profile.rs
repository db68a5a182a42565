//! The average customer: median age, most common place, distributions of a field, from counts
//! the store aggregated (`(value, customers)` pairs). Pure arithmetic, no I/O.
//!
//! - A customer's age is the current year minus the birth year (only the year is known).
//! - The median of an even number of ages is the mean of the two middle ones.
//! - The most common value: the largest count; ties go to the value first in text order.
//! - A share is the value's customers ÷ the customers who have the field (missing excluded).

use serde::Serialize;

/// The median of values given as `(value, how many)`; `None` when the total is 0.
pub fn median(counts: &[(i64, i64)]) -> Option<f64> {
    let mut v: Vec<(i64, i64)> = counts.iter().copied().filter(|c| c.1 > 0).collect();
    v.sort();
    let n: i64 = v.iter().map(|c| c.1).sum();
    if n == 0 {
        return None;
    }
    // 0-based ranks of the middle one (odd n) or two (even n).
    let (lo, hi) = ((n - 1) / 2, n / 2);
    let at = |rank: i64| {
        let mut seen = 0;
        for (value, k) in &v {
            seen += k;
            if rank < seen {
                return *value;
            }
        }
        v.last().map(|c| c.0).unwrap_or(0)
    };
    Some((at(lo) + at(hi)) as f64 / 2.0)
}

/// One value of a field with its customers and share of those who have the field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Share {
    pub value: String,
    pub customers: i64,
    /// customers ÷ n (0..=1).
    pub share: f64,
}

/// A field's distribution: `n` customers have it, `missing` do not; values by customers
/// (descending), then text order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Distribution {
    pub n: i64,
    pub missing: i64,
    pub values: Vec<Share>,
}

impl Distribution {
    /// From `(value or None for missing, customers)` pairs.
    pub fn of(counts: &[(Option<String>, i64)]) -> Distribution {
        let missing = counts.iter().filter(|c| c.0.is_none()).map(|c| c.1).sum();
        let mut present: Vec<(String, i64)> = counts
            .iter()
            .filter_map(|(v, k)| v.clone().map(|v| (v, *k)))
            .collect();
        present.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let n: i64 = present.iter().map(|c| c.1).sum();
        let values = present
            .into_iter()
            .map(|(value, customers)| Share {
                share: if n == 0 {
                    0.0
                } else {
                    customers as f64 / n as f64
                },
                value,
                customers,
            })
            .collect();
        Distribution { n, missing, values }
    }

    /// The most common value (first of [`Distribution::values`]).
    pub fn mode(&self) -> Option<&Share> {
        self.values.first()
    }
}

/// The median age: current year (UTC) − birth year, over the customers with a birth year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = AgeView))]
pub struct Age {
    pub median: Option<f64>,
    pub n: i64,
    pub missing: i64,
}

/// The most common value of a place field (ties: first in text order).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ModeView))]
pub struct Mode {
    pub most_common: Option<Share>,
    pub n: i64,
    pub missing: i64,
}

impl Mode {
    pub fn of(d: &Distribution) -> Mode {
        Mode {
            most_common: d.mode().cloned(),
            n: d.n,
            missing: d.missing,
        }
    }
}

/// Complaints received in the 365 days up to now (inclusive) ÷ the customers; merged-away and
/// deleted complaints are not counted (a merge counts once).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ComplaintRateView))]
pub struct ComplaintRate {
    pub per_customer_per_year: Option<f64>,
    pub complaints: i64,
    pub customers: i64,
}

/// Satisfaction (CSAT) answers given in the 365 days up to now (inclusive) about the
/// customers' complaints, rated 4 or 5 ÷ all those answers (`n` = `answers`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SatisfactionView))]
pub struct Satisfaction {
    /// satisfied ÷ answers (0..=1); `None` with no answer.
    pub share_satisfied: Option<f64>,
    pub satisfied: i64,
    pub answers: i64,
}

impl Satisfaction {
    pub fn of(satisfied: i64, answers: i64) -> Satisfaction {
        Satisfaction {
            share_satisfied: (answers > 0).then(|| satisfied as f64 / answers as f64),
            satisfied,
            answers,
        }
    }
}

/// The average customer of a set (all customers, or a segment's members).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ProfileView))]
pub struct Profile {
    /// The customers profiled.
    pub customers: i64,
    pub age: Age,
    pub country: Mode,
    pub region: Mode,
    pub city: Mode,
    pub gender: Distribution,
    pub education_level: Distribution,
    pub preferred_language: Distribution,
    pub preferred_channel: Distribution,
    pub complaint_rate: ComplaintRate,
    pub satisfaction: Satisfaction,
    pub definitions: &'static str,
}

/// How every number of the profile is defined.
pub const PROFILE_DEFINITIONS: &str = "age = current year (UTC) - birth year; the median of an \
even count is the mean of the two middle ages. most_common: the value with most customers, ties \
to the first in text order. share = customers with the value / n, n = customers with the field, \
missing = customers without it (empty or blank). complaint rate = complaints received in the 365 \
days up to now (inclusive) / the customers profiled. satisfaction = satisfaction (CSAT) answers \
given in the 365 days up to now about the customers' complaints rated 4 or 5 / all those \
answers (n = answers); merged-away and deleted complaints never count.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_by_hand() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[(30, 1), (40, 1), (50, 1)]), Some(40.0));
        assert_eq!(median(&[(30, 2), (41, 2)]), Some(35.5));
        assert_eq!(median(&[(20, 3), (60, 1)]), Some(20.0));
    }

    #[test]
    fn distributions_sort_and_share() {
        let d = Distribution::of(&[
            (Some("es".into()), 1),
            (None, 2),
            (Some("tr".into()), 3),
            (Some("en".into()), 1),
        ]);
        assert_eq!((d.n, d.missing), (5, 2));
        let v: Vec<_> = d
            .values
            .iter()
            .map(|s| (s.value.as_str(), s.customers))
            .collect();
        assert_eq!(v, vec![("tr", 3), ("en", 1), ("es", 1)]);
        assert!((d.values[0].share - 0.6).abs() < 1e-12);
    }
}
