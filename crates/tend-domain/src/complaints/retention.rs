//! How long a soft-deleted complaint is kept before its text is purged: a whole number of days
//! an administrator sets, from [`PurgeDays::MIN`] to [`PurgeDays::MAX`], [`PurgeDays::DEFAULT`]
//! until set.

use crate::kernel::reason::*;

/// Days between a complaint's soft delete and the purge of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PurgeDays(u16);

impl PurgeDays {
    pub const MIN: u16 = 1;
    pub const MAX: u16 = 3650;
    pub const DEFAULT: PurgeDays = PurgeDays(30);

    /// A typed number of days: digits only (surrounding spaces ignored), within the range.
    /// Refusals: `whole_number`, `range`.
    pub fn parse(raw: &str) -> Result<PurgeDays, Reason> {
        let raw = raw.trim();
        if raw.is_empty() || raw.len() > 9 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return Err(WHOLE_NUMBER.into());
        }
        let n: u32 = raw.parse().map_err(|_| Reason::from(WHOLE_NUMBER))?;
        Self::new(i64::from(n))
    }

    /// `days` when within the range, else `range`.
    pub fn new(days: i64) -> Result<PurgeDays, Reason> {
        u16::try_from(days)
            .ok()
            .filter(|d| (Self::MIN..=Self::MAX).contains(d))
            .map(PurgeDays)
            .ok_or_else(|| RANGE.with("min", Self::MIN).with("max", Self::MAX))
    }

    pub fn get(self) -> u16 {
        self.0
    }

    /// The period as a duration of whole 24-hour days.
    pub fn duration(self) -> jiff::SignedDuration {
        jiff::SignedDuration::from_hours(i64::from(self.0) * 24)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_whole_numbers_in_range() {
        assert_eq!(PurgeDays::parse(" 7 ").map(PurgeDays::get), Ok(7));
        assert_eq!(PurgeDays::parse("3650").map(PurgeDays::get), Ok(3650));
        for bad in ["", "x", "-1", "1.5", "7 days", "99999999999"] {
            assert_eq!(
                PurgeDays::parse(bad).unwrap_err().code(),
                "whole_number",
                "{bad}"
            );
        }
        for bad in ["0", "3651", "99999"] {
            assert_eq!(PurgeDays::parse(bad).unwrap_err().code(), "range", "{bad}");
        }
        assert_eq!(PurgeDays::DEFAULT.duration().as_hours(), 720);
    }
}
