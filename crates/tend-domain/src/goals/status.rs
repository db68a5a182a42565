//! The status rule: where a goal stands for one period.
//!
//! - no data: the period's denominator is 0 (nothing to measure), open or closed;
//! - a closed period (ended, and settled for measures that settle later): **met** when the
//!   actual reaches the target in the goal's direction, otherwise **missed**;
//! - the open period: **on track** when the actual so far reaches the target, otherwise
//!   **at risk**.
//!
//! "Reaches" is `actual ≥ target` for at least, `actual ≤ target` for at most, compared on
//! values rounded to two decimals (the precision targets are written in).

use serde::Serialize;

use crate::kernel::reason::*;

/// Whether the actual must be at least or at most the target.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = GoalDirection))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtLeast,
    AtMost,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
        }
    }

    /// The direction with this code, or `one_of`.
    pub fn parse(raw: &str) -> Result<Direction, Reason> {
        match raw.trim() {
            "at_least" => Ok(Direction::AtLeast),
            "at_most" => Ok(Direction::AtMost),
            _ => Err(ONE_OF
                .with("allowed", "at_least, at_most")
                .with("got", format!("{raw:?}"))),
        }
    }
}

/// Where a goal stands for one period.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = GoalStatus))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    OnTrack,
    AtRisk,
    Missed,
    NoData,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Missed => "missed",
            Status::NoData => "no_data",
        }
    }
}

/// In hundredths, rounded half away from zero.
pub fn hundredths(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// Whether `actual` reaches `target` in `direction` (both compared in hundredths).
pub fn reaches(actual: f64, target: f64, direction: Direction) -> bool {
    let (a, t) = (hundredths(actual), hundredths(target));
    match direction {
        Direction::AtLeast => a >= t,
        Direction::AtMost => a <= t,
    }
}

/// The status of a period whose value is `actual` (`None`: no data), `closed` or open.
pub fn status(actual: Option<f64>, target: f64, direction: Direction, closed: bool) -> Status {
    match (actual, closed) {
        (None, _) => Status::NoData,
        (Some(a), true) if reaches(a, target, direction) => Status::Met,
        (Some(_), true) => Status::Missed,
        (Some(a), false) if reaches(a, target, direction) => Status::OnTrack,
        (Some(_), false) => Status::AtRisk,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;

    #[test]
    fn the_rule_by_hand() {
        // 2 of 3 = 66.666…% against at least 66.67 %: 66.67 in hundredths, reached.
        let two_thirds = 200.0 / 3.0;
        assert_eq!(status(Some(two_thirds), 66.67, AtLeast, true), Status::Met);
        assert_eq!(
            status(Some(two_thirds), 66.68, AtLeast, true),
            Status::Missed
        );
        assert_eq!(
            status(Some(two_thirds), 66.68, AtLeast, false),
            Status::AtRisk
        );
        assert_eq!(status(Some(5.0), 5.0, AtMost, false), Status::OnTrack);
        assert_eq!(status(Some(5.01), 5.0, AtMost, false), Status::AtRisk);
        assert_eq!(status(Some(-20.0), -25.0, AtLeast, true), Status::Met);
        assert_eq!(status(None, 80.0, AtLeast, true), Status::NoData);
        assert_eq!(status(None, 80.0, AtLeast, false), Status::NoData);
        assert_eq!(Direction::parse("at_most"), Ok(AtMost));
        assert_eq!(Direction::parse("more").unwrap_err().code(), "one_of");
    }
}
