//! A goal's period: a month, a quarter or a year, either calendar (aligned to the calendar, the
//! one containing today is open, earlier ones are closed) or rolling (the last month, quarter
//! or year up to today, always open). Boundaries are local midnights in the company's time
//! zone; windows are half-open `[start, end)`.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

use crate::kernel::reason::*;

/// How long a period is.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = GoalLength))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Length {
    Month,
    Quarter,
    Year,
}

impl Length {
    pub const ALL: [Length; 3] = [Length::Month, Length::Quarter, Length::Year];

    pub fn code(self) -> &'static str {
        match self {
            Length::Month => "month",
            Length::Quarter => "quarter",
            Length::Year => "year",
        }
    }

    /// The length with this code, or `one_of`.
    pub fn parse(raw: &str) -> Result<Length, Reason> {
        Length::ALL
            .into_iter()
            .find(|l| l.code() == raw.trim())
            .ok_or_else(|| {
                ONE_OF
                    .with("allowed", "month, quarter, year")
                    .with("got", format!("{raw:?}"))
            })
    }

    fn months(self) -> i8 {
        match self {
            Length::Month => 1,
            Length::Quarter => 3,
            Length::Year => 12,
        }
    }

    /// The first day of the calendar period containing `d`.
    pub fn start_of(self, d: Date) -> Date {
        let m = self.months();
        let month = (d.month() - 1) / m * m + 1;
        Date::new(d.year(), month, 1).expect("the first of a month exists")
    }

    /// The first day of the calendar period after the one starting `start`.
    pub fn next(self, start: Date) -> Date {
        start.saturating_add(i32::from(self.months()).months())
    }

    /// The name of the calendar period starting `start`: `2026-03`, `2026-Q1`, `2026`.
    pub fn label(self, start: Date) -> String {
        match self {
            Length::Month => format!("{:04}-{:02}", start.year(), start.month()),
            Length::Quarter => format!("{:04}-Q{}", start.year(), (start.month() - 1) / 3 + 1),
            Length::Year => format!("{:04}", start.year()),
        }
    }
}

/// One window of time a goal is measured over: `[start, end)`, its first local day and its
/// label (a calendar period's name, or `first – last day` for a rolling window).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub first_day: Date,
    pub start: Timestamp,
    pub end: Timestamp,
    /// The day after the last local day (for figures, whose periods are dates).
    pub end_day: Date,
    pub label: String,
}

/// Local midnight of `d` in `tz` (the first instant of that day, also across a DST gap).
pub fn midnight(d: Date, tz: &TimeZone) -> Timestamp {
    d.to_zoned(tz.clone())
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::MAX)
}

/// The calendar period of `length` starting on `first_day`.
pub fn calendar(length: Length, first_day: Date, tz: &TimeZone) -> Window {
    let end_day = length.next(first_day);
    Window {
        first_day,
        start: midnight(first_day, tz),
        end: midnight(end_day, tz),
        end_day,
        label: length.label(first_day),
    }
}

/// The window open at `now`: the calendar period containing today, or for a rolling period
/// the `length` of days ending with today (e.g. on 6 March, a rolling month is 7 February to
/// 6 March, ending at the next local midnight).
pub fn current(length: Length, rolling: bool, now: Timestamp, tz: &TimeZone) -> Window {
    let today = now.to_zoned(tz.clone()).date();
    if !rolling {
        return calendar(length, length.start_of(today), tz);
    }
    let end_day = today.saturating_add(1.day());
    let first_day = end_day.saturating_sub(i32::from(length.months()).months());
    let last = today;
    Window {
        first_day,
        start: midnight(first_day, tz),
        end: midnight(end_day, tz),
        end_day,
        label: format!("{first_day} – {last}"),
    }
}

/// The calendar periods from the one containing `since` up to the last one settled at `now`
/// (ended at least `settle_days` whole days before `now`), oldest first.
pub fn settled(
    length: Length,
    since: Timestamp,
    settle_days: i64,
    now: Timestamp,
    tz: &TimeZone,
) -> Vec<Window> {
    let mut out = Vec::new();
    let mut first = length.start_of(since.to_zoned(tz.clone()).date());
    loop {
        let w = calendar(length, first, tz);
        let settles = midnight(w.end_day.saturating_add(settle_days.days()), tz);
        if settles > now {
            return out;
        }
        first = w.end_day;
        out.push(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn calendar_periods_start_at_local_midnight() {
        let madrid = TimeZone::get("Europe/Madrid").unwrap();
        // 6 March 2026, 15:30 UTC: in Madrid it is 16:30 (UTC+1).
        let w = current(Length::Month, false, t("2026-03-06T15:30:00Z"), &madrid);
        assert_eq!(w.label, "2026-03");
        assert_eq!(w.start, t("2026-02-28T23:00:00Z"));
        // Summer time begins on 29 March: April starts at 22:00 UTC.
        assert_eq!(w.end, t("2026-03-31T22:00:00Z"));
        let q = current(Length::Quarter, false, t("2026-05-06T00:00:00Z"), &madrid);
        assert_eq!(
            (q.label.as_str(), q.first_day.to_string()),
            ("2026-Q2", "2026-04-01".into())
        );
        let y = current(Length::Year, false, t("2026-12-31T23:30:00Z"), &madrid);
        assert_eq!(y.label, "2027"); // already 1 January 2027 in Madrid
    }

    #[test]
    fn a_rolling_month_ends_with_today() {
        let w = current(
            Length::Month,
            true,
            t("2026-03-06T15:30:00Z"),
            &TimeZone::UTC,
        );
        assert_eq!(w.first_day.to_string(), "2026-02-07");
        assert_eq!(w.end, t("2026-03-07T00:00:00Z"));
        assert_eq!(w.label, "2026-02-07 – 2026-03-06");
    }

    #[test]
    fn periods_settle_after_their_lag() {
        let since = t("2026-01-20T10:00:00Z");
        let now = t("2026-04-05T00:00:00Z");
        let labels = |lag| -> Vec<String> {
            settled(Length::Month, since, lag, now, &TimeZone::UTC)
                .into_iter()
                .map(|w| w.label)
                .collect()
        };
        assert_eq!(labels(0), ["2026-01", "2026-02", "2026-03"]);
        // March settles on 1 April + 30 days.
        assert_eq!(labels(30), ["2026-01", "2026-02"]);
    }
}
