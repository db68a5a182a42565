//! When a figure is stale: its pusher did not deliver the last complete period.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::{Figure, Grain, Source};

/// The first day of the last period of `grain` that ended before `today`: yesterday, the
/// Monday of last week, or the 1st of last month.
pub fn last_complete_period(grain: Grain, today: Date) -> Date {
    match grain {
        Grain::Day => today.saturating_sub(1.day()),
        Grain::Week => {
            let since_monday = i64::from(today.weekday().to_monday_zero_offset());
            let monday = today.saturating_sub(since_monday.days());
            debug_assert_eq!(monday.weekday(), Weekday::Monday);
            monday.saturating_sub(1.week())
        }
        Grain::Month => today.first_of_month().saturating_sub(1.month()),
    }
}

/// A figure is stale when it is pushed (not computed by Tend) and its newest stored period,
/// `last_period`, is before the last complete period — or it has none yet.
pub fn is_stale(figure: &Figure, last_period: Option<Date>, today: Date) -> bool {
    figure.source != Source::Computed
        && last_period.is_none_or(|p| p < last_complete_period(figure.grain, today))
}

/// The period a stale figure missed — its last complete period — or `None` when it is not
/// stale. The stale-figure mail tells the owner once per missed period.
pub fn missed_period(figure: &Figure, last_period: Option<Date>, today: Date) -> Option<Date> {
    is_stale(figure, last_period, today).then(|| last_complete_period(figure.grain, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_last_complete_period_by_grain() {
        // 2026-03-06 is a Friday.
        let today = date(2026, 3, 6);
        assert_eq!(last_complete_period(Grain::Day, today), date(2026, 3, 5));
        assert_eq!(last_complete_period(Grain::Week, today), date(2026, 2, 23));
        assert_eq!(last_complete_period(Grain::Month, today), date(2026, 2, 1));
        assert_eq!(
            last_complete_period(Grain::Month, date(2026, 1, 1)),
            date(2025, 12, 1)
        );
    }
}
