//! A report's periods: days, ISO weeks (Monday first), months or quarters, each running from
//! one local midnight to the next in the company's time zone, half-open `[start, end)`.

use jiff::Timestamp;
use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::goals::period::{Length, midnight};
use crate::kernel::reason::*;

/// How long each of a report's periods is.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportGrain))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    Day,
    Week,
    Month,
    Quarter,
}

impl Grain {
    pub const ALL: [Grain; 4] = [Grain::Day, Grain::Week, Grain::Month, Grain::Quarter];

    pub fn code(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
        }
    }

    /// The grain with this code, or `one_of`.
    pub fn parse(raw: &str) -> Result<Grain, Reason> {
        Grain::ALL
            .into_iter()
            .find(|g| g.code() == raw.trim())
            .ok_or_else(|| {
                ONE_OF
                    .with("allowed", "day, week, month, quarter")
                    .with("got", format!("{raw:?}"))
            })
    }

    /// The first day of the period holding `d`.
    pub fn start_of(self, d: Date) -> Date {
        match self {
            Grain::Day => d,
            Grain::Week => d.saturating_sub(i64::from(d.weekday().to_monday_zero_offset()).days()),
            Grain::Month => Length::Month.start_of(d),
            Grain::Quarter => Length::Quarter.start_of(d),
        }
    }

    /// The first day of the period after the one starting `start`.
    pub fn next(self, start: Date) -> Date {
        match self {
            Grain::Day => start.saturating_add(1.day()),
            Grain::Week => start.saturating_add(1.week()),
            Grain::Month => Length::Month.next(start),
            Grain::Quarter => Length::Quarter.next(start),
        }
    }

    /// The period's name: `2026-03-06`, `2026-W10`, `2026-03`, `2026-Q1`.
    pub fn label(self, start: Date) -> String {
        match self {
            Grain::Day => start.to_string(),
            Grain::Week => {
                let w = start.iso_week_date();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Grain::Month => Length::Month.label(start),
            Grain::Quarter => Length::Quarter.label(start),
        }
    }
}

/// One period of a report: its first local day, the day after its last, and its instants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub label: String,
    pub first_day: Date,
    pub end_day: Date,
    pub start: Timestamp,
    pub end: Timestamp,
}

/// The periods of `grain` covering the local days `from` up to (not including) `to`, the first
/// and last cut to the range: at most `max` of them (the rest are dropped).
pub fn buckets(grain: Grain, from: Date, to: Date, tz: &TimeZone, max: usize) -> Vec<Bucket> {
    let mut out = Vec::new();
    let mut first = from;
    while first < to && out.len() < max {
        let end_day = grain.next(grain.start_of(first)).min(to);
        out.push(Bucket {
            label: grain.label(grain.start_of(first)),
            first_day: first,
            end_day,
            start: midnight(first, tz),
            end: midnight(end_day, tz),
        });
        first = end_day;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_start_on_monday_at_local_midnight() {
        let madrid = TimeZone::get("Europe/Madrid").unwrap();
        let b = buckets(Grain::Week, d("2026-03-25"), d("2026-04-07"), &madrid, 10);
        let labels: Vec<_> = b.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["2026-W13", "2026-W14", "2026-W15"]);
        // Cut to the range: Wednesday 25 March, 00:00 in Madrid (UTC+1) is 23:00 UTC the day before.
        assert_eq!(b[0].start.to_string(), "2026-03-24T23:00:00Z");
        // Monday 30 March, after the switch to summer time: 22:00 UTC.
        assert_eq!(b[0].end.to_string(), "2026-03-29T22:00:00Z");
        assert_eq!(b[2].end_day, d("2026-04-07"));
    }

    #[test]
    fn months_and_quarters_are_cut_to_the_range() {
        let b = buckets(
            Grain::Quarter,
            d("2026-02-15"),
            d("2026-07-01"),
            &TimeZone::UTC,
            10,
        );
        let got: Vec<_> = b
            .iter()
            .map(|b| (b.label.clone(), b.first_day, b.end_day))
            .collect();
        assert_eq!(
            got,
            [
                ("2026-Q1".into(), d("2026-02-15"), d("2026-04-01")),
                ("2026-Q2".into(), d("2026-04-01"), d("2026-07-01")),
            ]
        );
        assert_eq!(
            buckets(
                Grain::Day,
                d("2026-01-01"),
                d("2026-12-31"),
                &TimeZone::UTC,
                3
            )
            .len(),
            3
        );
        assert_eq!(Grain::parse("month"), Ok(Grain::Month));
        assert!(Grain::parse("year").is_err());
    }
}

/// A local date as days since 1970-01-01 (negative before it): the `day` of the report's
/// roll-up (`report_days`, docs/reports.md).
pub fn day_number(d: Date) -> i64 {
    const EPOCH: Date = Date::constant(1970, 1, 1);
    EPOCH.until(d).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// The local date [`day_number`] numbers `n`.
pub fn day_of_number(n: i64) -> Date {
    const EPOCH: Date = Date::constant(1970, 1, 1);
    EPOCH
        .checked_add(jiff::Span::new().days(n))
        .unwrap_or(EPOCH)
}

#[cfg(test)]
mod day_numbers {
    use super::*;

    #[test]
    fn days_count_from_the_epoch_both_ways() {
        assert_eq!(day_number(Date::constant(1970, 1, 1)), 0);
        assert_eq!(day_number(Date::constant(1970, 1, 2)), 1);
        assert_eq!(day_number(Date::constant(1969, 12, 31)), -1);
        // 2026-12-01: 20,788 days (56 years of 365 days, 14 leap days, 334 days of 2026).
        assert_eq!(day_number(Date::constant(2026, 12, 1)), 20_788);
        for n in [-400, -1, 0, 1, 20_788, 40_000] {
            assert_eq!(day_number(day_of_number(n)), n);
        }
    }
}
