//! Business time: when a channel is open, and how much open time lies between two instants.
//!
//! A [`ServiceHours`] calendar names an IANA time zone and, for each weekday, opening intervals
//! in local wall-clock time, plus closures (holidays); or it says the channel is always open.
//! Everything here is pure arithmetic on UTC [`Timestamp`]s. The rules:
//!
//! - An interval `[start, end)` belongs to the local date it starts on. An `end` at or before
//!   `start` runs past midnight, so `22:00`–`02:00` on Friday is open until Saturday 02:00.
//! - A closure on a date removes the intervals that start on it; an interval of the evening
//!   before that runs past midnight into the closed date still runs.
//! - `always_open` means open at every instant; it then takes no week and no closures (to be
//!   open round the clock except on holidays, give every day `00:00`–`24:00` and the closures).
//! - DST gap (a wall-clock time that does not exist, e.g. 02:30 on 2026-03-29 in Madrid): a
//!   boundary there moves to the first instant after the gap, the transition itself. An
//!   interval wholly inside a gap is empty.
//! - DST fold (a wall-clock time that occurs twice, e.g. 02:30 on 2026-10-25 in Madrid): a
//!   *start* there takes the earlier occurrence and an *end* the later one, so an interval
//!   covers both occurrences. If two intervals then overlap, their common time counts once.
//! - Units: [`ServiceHours::add`] takes whole minutes and [`ServiceHours::elapsed`] returns
//!   whole minutes, truncated toward zero; [`ServiceHours::add_duration`] and
//!   [`ServiceHours::open_time`] are the exact forms, to the nanosecond.
//! - Searches are bounded: when no interval opens within [`SEARCH_DAYS`] days (closed all
//!   week, or closures covering a whole year) the answer is [`ServiceHoursError::NoOpening`].

mod interval;
mod spans;
mod spec;

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

pub use interval::{Closure, OpenInterval};
use spans::{Spans, local_date, shift};
pub use spec::{ClosureSpec, ServiceHoursSpec, WeekSpec};

/// How many days ahead a search for the next opening looks before giving up: a year and a week.
pub const SEARCH_DAYS: i64 = 366 + 7;

/// The most open time one [`ServiceHours::add`] may add: ten years of round-the-clock minutes.
pub const MAX_ADD_MINUTES: i64 = 10 * 366 * 24 * 60;

/// Why a business-time computation has no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ServiceHoursError {
    /// The calendar has no open time in the [`SEARCH_DAYS`] days after `after`.
    #[error(
        "no opening within a year: the service hours have no open time in the {SEARCH_DAYS} days after {after}"
    )]
    NoOpening { after: Timestamp },
    #[error("the open time to add must not be negative")]
    Negative,
    #[error("at most {MAX_ADD_MINUTES} minutes (ten years) of open time can be added at once")]
    TooLong,
    #[error("the result lies outside the supported range of dates")]
    OutOfRange,
}

/// A channel's validated opening hours in one time zone; see the [module docs](self) for the
/// rules. Built from a [`ServiceHoursSpec`] (its serialised shape) with
/// [`ServiceHoursSpec::validate`], or with [`ServiceHours::always`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "ServiceHoursSpec", into = "ServiceHoursSpec")]
pub struct ServiceHours {
    zone_name: String,
    zone: TimeZone,
    /// Monday first; each day's intervals sorted by start and not overlapping.
    week: [Vec<OpenInterval>; 7],
    closed: Vec<Closure>,
    always_open: bool,
}

impl PartialEq for ServiceHours {
    fn eq(&self, other: &Self) -> bool {
        self.zone_name == other.zone_name
            && self.week == other.week
            && self.closed == other.closed
            && self.always_open == other.always_open
    }
}

impl Eq for ServiceHours {}

impl ServiceHours {
    /// Open at every instant, in the named IANA time zone.
    pub fn always(time_zone: &str) -> Result<Self, crate::DomainError> {
        ServiceHoursSpec {
            time_zone: time_zone.to_owned(),
            always_open: true,
            ..ServiceHoursSpec::default()
        }
        .validate()
    }

    /// The IANA name of the time zone, e.g. `Europe/Madrid`.
    pub fn time_zone_name(&self) -> &str {
        &self.zone_name
    }

    pub fn time_zone(&self) -> &TimeZone {
        &self.zone
    }

    /// The opening intervals of a weekday, sorted by start.
    pub fn intervals(&self, day: Weekday) -> &[OpenInterval] {
        &self.week[interval::day_index(day)]
    }

    pub fn closures(&self) -> &[Closure] {
        &self.closed
    }

    pub fn is_always_open(&self) -> bool {
        self.always_open
    }

    /// Whether a closure falls on this local date.
    pub fn is_closed_on(&self, date: Date) -> bool {
        self.closed.iter().any(|c| c.covers(date))
    }

    /// The serialisable shape of this calendar.
    pub fn to_spec(&self) -> ServiceHoursSpec {
        self.clone().into()
    }

    /// Whether the channel is open at `t`.
    pub fn is_open(&self, t: Timestamp) -> bool {
        if self.always_open {
            return true;
        }
        let (Ok(mut spans), Ok(last)) = (Spans::around(self, t), shift(local_date(self, t), 1))
        else {
            return false;
        };
        while let Ok(Some(span)) = spans.next_within(last) {
            if span.start > t {
                break;
            }
            if t < span.end {
                return true;
            }
        }
        false
    }

    /// The first instant at or after `t` at which the channel is open (`t` itself when open).
    pub fn next_opening(&self, t: Timestamp) -> Result<Timestamp, ServiceHoursError> {
        self.add_duration(t, SignedDuration::ZERO)
    }

    /// The instant at which `minutes` of open time have passed since `start`; when `start`
    /// is outside the hours, counting begins at the next opening. The answer may be a
    /// closing time: 480 minutes from Monday 09:00 on 09:00–17:00 is Monday 17:00.
    pub fn add(&self, start: Timestamp, minutes: i64) -> Result<Timestamp, ServiceHoursError> {
        if minutes < 0 {
            return Err(ServiceHoursError::Negative);
        }
        if minutes > MAX_ADD_MINUTES {
            return Err(ServiceHoursError::TooLong);
        }
        self.add_duration(start, SignedDuration::from_mins(minutes))
    }

    /// [`add`](Self::add) for an exact amount of open time.
    pub fn add_duration(
        &self,
        start: Timestamp,
        amount: SignedDuration,
    ) -> Result<Timestamp, ServiceHoursError> {
        if amount.is_negative() {
            return Err(ServiceHoursError::Negative);
        }
        if amount > SignedDuration::from_mins(MAX_ADD_MINUTES) {
            return Err(ServiceHoursError::TooLong);
        }
        let out_of_range = |_| ServiceHoursError::OutOfRange;
        if self.always_open {
            return start.checked_add(amount).map_err(out_of_range);
        }
        if self.week.iter().all(Vec::is_empty) {
            return Err(ServiceHoursError::NoOpening { after: start });
        }
        let mut spans = Spans::around(self, start)?;
        let (mut from, mut remaining) = (start, amount);
        loop {
            let horizon = shift(local_date(self, from), SEARCH_DAYS)?;
            let span = spans
                .next_within(horizon)?
                .ok_or(ServiceHoursError::NoOpening { after: from })?;
            if span.end <= from {
                continue;
            }
            let begin = span.start.max(from);
            let available = span.end.duration_since(begin);
            if remaining <= available {
                return begin.checked_add(remaining).map_err(out_of_range);
            }
            remaining -= available;
            from = span.end;
        }
    }

    /// Whole minutes of open time between two instants, truncated toward zero; negative when
    /// `to` is before `from`.
    pub fn elapsed(&self, from: Timestamp, to: Timestamp) -> i64 {
        self.open_time(from, to).as_secs() / 60
    }

    /// The exact open time between two instants; negative when `to` is before `from`.
    pub fn open_time(&self, from: Timestamp, to: Timestamp) -> SignedDuration {
        if to < from {
            return -self.open_time(to, from);
        }
        if self.always_open {
            return to.duration_since(from);
        }
        let (Ok(mut spans), Ok(last)) = (Spans::around(self, from), shift(local_date(self, to), 1))
        else {
            return SignedDuration::ZERO;
        };
        let mut total = SignedDuration::ZERO;
        while let Ok(Some(span)) = spans.next_within(last) {
            if span.start >= to {
                break;
            }
            let (a, b) = (span.start.max(from), span.end.min(to));
            if a < b {
                total += b.duration_since(a);
            }
        }
        total
    }
}
