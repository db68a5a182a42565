//! Instants are stored as UTC microseconds since the Unix epoch, on both engines.

use jiff::Timestamp;

pub(crate) fn us(t: Timestamp) -> i64 {
    t.as_microsecond()
}

pub(crate) fn ts(us: i64) -> Timestamp {
    Timestamp::from_microsecond(us).unwrap_or(Timestamp::UNIX_EPOCH)
}

pub(crate) fn opt_us(t: Option<Timestamp>) -> Option<i64> {
    t.map(us)
}

pub(crate) fn opt_ts(us: Option<i64>) -> Option<Timestamp> {
    us.map(ts)
}
