//! The building blocks of a calendar: an opening interval in local wall-clock minutes, and a closure.

use crate::kernel::reason::*;
use jiff::civil::{Date, Weekday};

/// Minutes in a day.
pub(super) const DAY: u16 = 24 * 60;

/// One opening interval `[start, end)` of a weekday, in local wall-clock minutes after midnight.
///
/// `start` is `00:00` to `23:59`; `end` is `00:01` to `24:00`, where `24:00` (or `00:00`) is the
/// midnight that ends the day. An `end` at or before `start` runs past midnight into the next
/// day: `22:00`–`02:00` is four hours that belong to the day they start on. A zero-length
/// interval (`09:00`–`09:00`, also `00:00`–`00:00`: write `00:00`–`24:00` for a whole day) is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OpenInterval {
    start: u16,
    end: u16,
}

impl OpenInterval {
    /// An interval from two `HH:MM` wall-clock times; the reason it is refused otherwise.
    pub fn parse(start: &str, end: &str) -> Result<Self, Reason> {
        let s = parse_hhmm(start)
            .filter(|m| *m < DAY)
            .ok_or_else(|| INTERVAL_START.with("got", format!("{start:?}")))?;
        let e = parse_hhmm(end).ok_or_else(|| INTERVAL_END.with("got", format!("{end:?}")))?;
        if s == e {
            return Err(INTERVAL_EMPTY.with("start", start).with("end", end));
        }
        // Midnight as an end is the midnight that closes the day.
        let e = if e == 0 { DAY } else { e };
        Ok(Self { start: s, end: e })
    }

    /// Minutes after local midnight at which the interval opens (0 to 1439).
    pub fn start_minute(self) -> u16 {
        self.start
    }

    /// Minutes after local midnight at which it closes (1 to 1440); at or before
    /// [`start_minute`](Self::start_minute) when it runs past midnight.
    pub fn end_minute(self) -> u16 {
        self.end
    }

    /// Whether it closes on the next day (an end of exactly `24:00` does not count).
    pub fn crosses_midnight(self) -> bool {
        self.end <= self.start
    }

    /// Its length in wall-clock minutes (1 to 1440); real time differs across a DST change.
    pub fn minutes(self) -> u16 {
        if self.crosses_midnight() {
            self.end + DAY - self.start
        } else {
            self.end - self.start
        }
    }

    /// Minutes from local midnight of its day to its end (beyond 1440 when it crosses midnight).
    pub(super) fn end_offset(self) -> u16 {
        self.start + self.minutes()
    }
}

impl std::fmt::Display for OpenInterval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}–{}", hhmm(self.start), hhmm(self.end))
    }
}

/// `HH:MM` for minutes after midnight, `24:00` for the closing midnight.
pub(super) fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `HH:MM` (two digits each, 00:00 to 24:00) as minutes after midnight.
fn parse_hhmm(raw: &str) -> Option<u16> {
    let (h, m) = raw.trim().split_once(':')?;
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(h) || !two_digits(m) {
        return None;
    }
    let (h, m) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
    match (h, m) {
        (0..=23, 0..=59) | (24, 0) => Some(h * 60 + m),
        _ => None,
    }
}

/// A day on which the channel does not open: once, or every year on the same month and day
/// (a yearly 29 February closes only leap years). It removes the intervals that start on that
/// date; an interval of the evening before that runs past midnight into it still runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Closure {
    pub date: Date,
    pub yearly: bool,
}

impl Closure {
    pub fn once(date: Date) -> Self {
        Self {
            date,
            yearly: false,
        }
    }

    pub fn yearly(date: Date) -> Self {
        Self { date, yearly: true }
    }

    /// Whether this closure falls on `day`.
    pub fn covers(self, day: Date) -> bool {
        if self.yearly {
            self.date.month() == day.month() && self.date.day() == day.day()
        } else {
            self.date == day
        }
    }
}

/// The three-letter key of a weekday in the serialised week (`mon` … `sun`).
pub(super) fn day_key(day: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day_index(day)]
}

/// Monday 0 … Sunday 6.
pub(super) fn day_index(day: Weekday) -> usize {
    day.to_monday_zero_offset() as usize
}

/// Minutes in a week.
const WEEK: i32 = 7 * DAY as i32;

/// Whether two intervals on weekdays `a` and `b` (Monday 0) share any wall-clock minute,
/// counting an interval that crosses midnight into the next day (and Sunday's into Monday).
pub(super) fn overlap(a: (usize, OpenInterval), b: (usize, OpenInterval)) -> bool {
    let at = |(d, i): (usize, OpenInterval)| d as i32 * DAY as i32 + i32::from(i.start);
    let (pa, pb) = (at(a), at(b));
    (pb - pa).rem_euclid(WEEK) < i32::from(a.1.minutes())
        || (pa - pb).rem_euclid(WEEK) < i32::from(b.1.minutes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_parse() {
        let i = OpenInterval::parse("09:00", "17:30").unwrap();
        assert_eq!(
            (i.start_minute(), i.end_minute(), i.minutes()),
            (540, 1050, 510)
        );
        assert!(!i.crosses_midnight());
        let night = OpenInterval::parse("22:00", "02:00").unwrap();
        assert!(night.crosses_midnight());
        assert_eq!((night.minutes(), night.end_offset()), (240, 1560));
        let whole = OpenInterval::parse("00:00", "24:00").unwrap();
        assert_eq!(whole.minutes(), 1440);
        assert_eq!(
            OpenInterval::parse("18:00", "00:00").unwrap().end_minute(),
            1440
        );
        assert_eq!(whole.to_string(), "00:00–24:00");
        for (s, e) in [
            ("09:00", "09:00"),
            ("00:00", "00:00"),
            ("24:00", "01:00"),
            ("9:00", "10:00"),
            ("09:60", "10:00"),
            ("09:00", "24:01"),
            ("x", "10:00"),
            ("09:00:00", "10:00"),
        ] {
            assert!(OpenInterval::parse(s, e).is_err(), "{s}–{e} accepted");
        }
    }

    #[test]
    fn overlaps_wrap_around_midnight_and_the_week() {
        let i = |s, e| OpenInterval::parse(s, e).unwrap();
        assert!(!overlap((0, i("09:00", "13:00")), (0, i("13:00", "17:00"))));
        assert!(overlap((0, i("09:00", "13:00")), (0, i("12:59", "17:00"))));
        assert!(overlap((0, i("22:00", "02:00")), (1, i("01:00", "03:00"))));
        assert!(!overlap((0, i("22:00", "02:00")), (1, i("02:00", "03:00"))));
        assert!(overlap((6, i("23:00", "01:00")), (0, i("00:30", "08:00"))));
        assert!(overlap((3, i("00:00", "24:00")), (3, i("10:00", "11:00"))));
    }

    #[test]
    fn closures() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert!(Closure::yearly(d("2026-12-25")).covers(d("2031-12-25")));
        assert!(!Closure::once(d("2026-12-25")).covers(d("2031-12-25")));
        assert!(!Closure::yearly(d("2028-02-29")).covers(d("2027-02-28")));
    }
}
