//! A complaint's durations as stored at the event (first response, first and final
//! resolution): service minutes — the channel's service hours open between receipt and the
//! event, less the minutes spent waiting on the customer, exactly as the due time counts them
//! — and calendar seconds; and whether the first response met the response standard.

use jiff::Timestamp;

use crate::channels::response_standard::ResponseStandards;
use crate::channels::service_hours::ServiceHours;
use crate::complaints::Priority;

/// One duration, in both clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measured {
    /// Service minutes from receipt to the event, less paused minutes (never below 0).
    pub service_minutes: i64,
    /// Calendar seconds from receipt to the event (never below 0).
    pub calendar_seconds: i64,
}

/// The duration from `received_at` to `at` in `hours`, less `paused_minutes`.
pub fn measure(
    hours: &ServiceHours,
    received_at: Timestamp,
    paused_minutes: i64,
    at: Timestamp,
) -> Measured {
    Measured {
        service_minutes: (hours.elapsed(received_at, at) - paused_minutes.max(0)).max(0),
        calendar_seconds: at.duration_since(received_at).as_secs().max(0),
    }
}

/// Whether a first response at `at` met the standard for `priority` (by its due time, as the
/// due computation counts it); `None` where the channel sets no target for the priority.
pub fn first_response_within(
    standards: &ResponseStandards,
    hours: &ServiceHours,
    priority: Priority,
    received_at: Timestamp,
    paused_minutes: i64,
    at: Timestamp,
) -> Option<bool> {
    match standards.due(hours, priority, received_at, paused_minutes) {
        Ok((Some(due), _)) => Some(at <= due),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channels::service_hours::ServiceHoursSpec;

    fn office() -> ServiceHours {
        // Mon–Fri 09:00–17:00 in Madrid, closed on 6 April 2026 (Easter Monday).
        serde_json::from_value::<ServiceHoursSpec>(serde_json::json!({
            "time_zone": "Europe/Madrid",
            "week": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]], "wed": [["09:00", "17:00"]],
                     "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]]},
            "closed": [{"date": "2026-04-06"}]
        }))
        .unwrap()
        .validate()
        .unwrap()
    }

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn across_a_weekend_and_a_holiday() {
        // Friday 3 April 16:00 Madrid (14:00Z) to Tuesday 7 April 10:30 Madrid (08:30Z):
        // Friday 60 min, weekend and Easter Monday closed, Tuesday 90 min = 150 service minutes.
        let m = measure(
            &office(),
            t("2026-04-03T14:00:00Z"),
            0,
            t("2026-04-07T08:30:00Z"),
        );
        assert_eq!(m.service_minutes, 150);
        assert_eq!(m.calendar_seconds, (3 * 24 * 60 + 18 * 60 + 30) * 60);
        // Paused minutes come off the service time, never below zero.
        let m = measure(
            &office(),
            t("2026-04-03T14:00:00Z"),
            200,
            t("2026-04-07T08:30:00Z"),
        );
        assert_eq!(m.service_minutes, 0);
    }

    #[test]
    fn within_the_standard_by_the_due_time() {
        let standards: ResponseStandards = serde_json::from_value(serde_json::json!({
            "targets": {"normal": {"first_response_minutes": 120, "resolution_minutes": 960}}
        }))
        .unwrap();
        let received = t("2026-04-03T14:00:00Z");
        // Due: 60 min on Friday + 60 min on Tuesday = Tuesday 10:00 Madrid (08:00Z).
        let at =
            |s| first_response_within(&standards, &office(), Priority::Normal, received, 0, t(s));
        assert_eq!(at("2026-04-07T08:00:00Z"), Some(true));
        assert_eq!(at("2026-04-07T08:30:00Z"), Some(false));
        let none = first_response_within(
            &standards,
            &office(),
            Priority::Urgent,
            received,
            0,
            received,
        );
        assert_eq!(none, None);
    }
}
