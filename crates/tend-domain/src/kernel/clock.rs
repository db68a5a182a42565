//! The clock, injected everywhere time matters, so tests move time instead of sleeping.

use std::sync::Mutex;

use jiff::{SignedDuration, Timestamp};

/// `t` truncated to whole microseconds: the precision Tend stores instants at.
pub fn micros(t: Timestamp) -> Timestamp {
    Timestamp::from_microsecond(t.as_microsecond()).unwrap_or(t)
}

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> Timestamp;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        micros(Timestamp::now())
    }
}

/// A clock that stands still until told to move.
#[derive(Debug)]
pub struct ManualClock(Mutex<Timestamp>);

impl ManualClock {
    pub fn new(at: Timestamp) -> Self {
        ManualClock(Mutex::new(micros(at)))
    }

    pub fn advance(&self, by: SignedDuration) {
        let mut t = self.0.lock().expect("clock lock");
        *t = micros(*t + by);
    }

    pub fn set(&self, at: Timestamp) {
        *self.0.lock().expect("clock lock") = micros(at);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().expect("clock lock")
    }
}

/// The earliest instant Tend accepts anywhere: 1970-01-01T00:00:00Z (the Unix epoch).
pub const EARLIEST: Timestamp = Timestamp::UNIX_EPOCH;

/// How far ahead a planned instant (a promised solution, a follow-up) may lie: 3,650 days.
pub const PLAN_HORIZON_DAYS: i64 = 3650;

/// The range of an instant that already happened (a complaint received, a purchase made):
/// [`EARLIEST`] ..= `now` + 5 minutes (the slack for clocks that disagree).
/// Errors: `IN_FUTURE` after it, `OUT_OF_RANGE` (`min`, `max`, `got`) before it.
pub fn check_past(t: Timestamp, now: Timestamp) -> Result<(), crate::kernel::reason::Reason> {
    use crate::kernel::reason::{IN_FUTURE, OUT_OF_RANGE};
    if t > now + SignedDuration::from_mins(5) {
        return Err(IN_FUTURE.into());
    }
    if t < EARLIEST {
        return Err(OUT_OF_RANGE
            .with("min", EARLIEST)
            .with("max", "now")
            .with("got", t));
    }
    Ok(())
}

/// The upper end of a planned instant: at most `now` + [`PLAN_HORIZON_DAYS`] days.
/// Errors: `OUT_OF_RANGE` (`min` = now, `max`, `got`).
pub fn check_planned(t: Timestamp, now: Timestamp) -> Result<(), crate::kernel::reason::Reason> {
    let max = now + SignedDuration::from_hours(24 * PLAN_HORIZON_DAYS);
    if t > max {
        return Err(crate::kernel::reason::OUT_OF_RANGE
            .with("min", now)
            .with("max", max)
            .with("got", t));
    }
    Ok(())
}
