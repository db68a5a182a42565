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
