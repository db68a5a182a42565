//! A calendar's open time as UTC instants: each day's local intervals resolved through the time
//! zone, in order, with any overlap removed.

use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use super::{ServiceHours, ServiceHoursError};

/// Open time `[start, end)`, never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub start: Timestamp,
    pub end: Timestamp,
}

/// Which boundary of an interval a wall-clock time is; they resolve differently in a fold.
#[derive(Debug, Clone, Copy)]
enum Edge {
    Start,
    End,
}

/// The instant of a local wall-clock time.
///
/// In a gap (the time does not exist) every boundary moves to the first instant after the gap,
/// the transition itself. In a fold (the time occurs twice) a start takes the earlier
/// occurrence and an end the later one, so an interval covers the repeated time twice.
fn resolve(tz: &TimeZone, dt: DateTime, edge: Edge) -> Result<Timestamp, ServiceHoursError> {
    let at = |o: Offset| {
        o.to_timestamp(dt)
            .map_err(|_| ServiceHoursError::OutOfRange)
    };
    match tz.to_ambiguous_timestamp(dt).offset() {
        AmbiguousOffset::Unambiguous { offset } => at(offset),
        AmbiguousOffset::Gap { before, after } => {
            // The transition lies in (earliest, latest]: `dt` read with either offset.
            let (a, b) = (at(before)?, at(after)?);
            let (earliest, latest) = (a.min(b), a.max(b));
            Ok(tz
                .following(earliest)
                .next()
                .map(|tr| tr.timestamp())
                .filter(|t| *t <= latest)
                .unwrap_or(latest))
        }
        AmbiguousOffset::Fold { before, after } => {
            let (a, b) = (at(before)?, at(after)?);
            Ok(match edge {
                Edge::Start => a.min(b),
                Edge::End => a.max(b),
            })
        }
    }
}

/// The local date of an instant in the calendar's zone.
pub(super) fn local_date(hours: &ServiceHours, t: Timestamp) -> Date {
    hours.zone.to_datetime(t).date()
}

/// `date` moved by `days`, or `OutOfRange`.
pub(super) fn shift(date: Date, days: i64) -> Result<Date, ServiceHoursError> {
    date.checked_add(SignedDuration::from_hours(24 * days))
        .map_err(|_| ServiceHoursError::OutOfRange)
}

/// Walks the calendar's open spans forward, day by day, from a few days before an instant.
///
/// Span starts never decrease (both resolutions keep wall-clock order), so cutting each span
/// at the furthest end handed out so far leaves disjoint spans whose union is the open time.
pub(super) struct Spans<'a> {
    hours: &'a ServiceHours,
    /// The next local date whose intervals have not been resolved yet.
    day: Date,
    /// The current day's spans, last first.
    pending: Vec<Span>,
    /// The furthest end handed out so far.
    covered: Option<Timestamp>,
}

impl<'a> Spans<'a> {
    /// Starts early enough that every span containing or following `t` is seen: an interval
    /// is under 25 wall-clock hours and starts on its own date.
    pub fn around(hours: &'a ServiceHours, t: Timestamp) -> Result<Self, ServiceHoursError> {
        Ok(Self {
            hours,
            day: shift(local_date(hours, t), -3)?,
            pending: Vec::new(),
            covered: None,
        })
    }

    /// The next span among the intervals of dates up to `last_day`, or `None` when those run out.
    pub fn next_within(&mut self, last_day: Date) -> Result<Option<Span>, ServiceHoursError> {
        loop {
            if let Some(span) = self.pending.pop() {
                let start = self.covered.map_or(span.start, |c| c.max(span.start));
                if start >= span.end {
                    continue;
                }
                self.covered = Some(span.end);
                return Ok(Some(Span {
                    start,
                    end: span.end,
                }));
            }
            if self.day > last_day {
                return Ok(None);
            }
            self.expand()?;
        }
    }

    /// Resolves the intervals of `self.day` into `pending` and moves to the next date.
    fn expand(&mut self) -> Result<(), ServiceHoursError> {
        let day = self.day;
        self.day = shift(day, 1)?;
        if self.hours.is_closed_on(day) {
            return Ok(());
        }
        let midnight = day.to_datetime(jiff::civil::Time::midnight());
        let local = |minutes: u16| {
            midnight
                .checked_add(SignedDuration::from_mins(i64::from(minutes)))
                .map_err(|_| ServiceHoursError::OutOfRange)
        };
        let tz = &self.hours.zone;
        for interval in self.hours.intervals(day.weekday()).iter().rev() {
            let start = resolve(tz, local(interval.start_minute())?, Edge::Start)?;
            let end = resolve(tz, local(interval.end_offset())?, Edge::End)?;
            // Empty when the whole interval lies in a DST gap.
            if start < end {
                self.pending.push(Span { start, end });
            }
        }
        Ok(())
    }
}
