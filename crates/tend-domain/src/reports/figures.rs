//! The operations report's figures, each with its n: a count (of complaints, or of distinct
//! customers — never mixed), durations summarised as median and 90th percentile
//! ([`percentile_cont`]), and a share within the response standard.

use serde::Serialize;

use super::percentile::percentile_cont;

/// A count of complaints and, beside it, of the distinct customers they came from.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportCount))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Complaints counted.
    pub complaints: i64,
    /// Distinct customers those complaints came from.
    pub customers: i64,
}

/// Durations summarised: how many (`n`), the median and the 90th percentile
/// (`percentile_cont`), none when `n` is 0.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportTimes))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Times {
    pub n: i64,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

impl Times {
    /// The summary of `values`, in any order.
    pub fn of(mut values: Vec<i64>) -> Times {
        values.sort_unstable();
        Times {
            n: values.len() as i64,
            median: percentile_cont(&values, 0.5),
            p90: percentile_cont(&values, 0.9),
        }
    }
}

/// A share: `within` of `n` (the complaints whose first response had a target), and the
/// percentage, none when `n` is 0.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportShare))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Share {
    pub within: i64,
    pub n: i64,
    pub percent: Option<f64>,
}

impl Share {
    pub fn of(within: i64, n: i64) -> Share {
        Share {
            within,
            n,
            percent: (n > 0).then(|| 100.0 * within as f64 / n as f64),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_by_hand() {
        let t = Times::of(vec![150, 30, 60]);
        assert_eq!((t.n, t.median), (3, Some(60.0)));
        // p90: position 1.8 between 60 and 150 → 60 + 0.8·90 = 132
        assert!((t.p90.unwrap() - 132.0).abs() < 1e-9);
        assert_eq!(Times::of(vec![]), Times::default());
        assert_eq!(
            Share::of(2, 3).percent.map(|p| (p * 100.0).round()),
            Some(6667.0)
        );
        assert_eq!(Share::of(0, 0).percent, None);
    }
}
