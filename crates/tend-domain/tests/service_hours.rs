//! Business-time arithmetic: due times across weekends, holidays, lunch breaks, midnight,
//! year end and both DST changes, plus the algebra `add` and `elapsed` must obey.

use std::time::Instant;

use jiff::{SignedDuration, Timestamp, Zoned};
use proptest::prelude::*;
use tend_domain::DomainError;
use tend_domain::channels::service_hours::{ServiceHours, ServiceHoursError, ServiceHoursSpec};

const OFFICE: &str = r#"{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],"thu":[["09:00","17:00"]],"fri":[["09:00","17:00"]]}"#;

/// Madrid service hours with a week and closures given as JSON fragments.
fn madrid(week: &str, closed: &str) -> ServiceHours {
    let json = format!(
        r#"{{"time_zone":"Europe/Madrid","week":{week},"closed":{closed},"always_open":false}}"#
    );
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// Every day of the week with the same intervals.
fn daily(intervals: &str) -> String {
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let body: Vec<String> = days
        .iter()
        .map(|d| format!(r#""{d}":{intervals}"#))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// An instant from a zoned string such as `2026-03-06T16:30[Europe/Madrid]`.
fn at(s: &str) -> Timestamp {
    s.parse::<Zoned>().unwrap().timestamp()
}

/// An instant shown in the calendar's zone, with its offset.
fn local(h: &ServiceHours, t: Timestamp) -> String {
    t.to_zoned(h.time_zone().clone())
        .strftime("%Y-%m-%d %H:%M %:z")
        .to_string()
}

fn due(h: &ServiceHours, received: &str, minutes: i64) -> String {
    let start = at(received);
    let due = h.add(start, minutes).unwrap();
    assert_eq!(
        h.elapsed(start, due),
        minutes,
        "elapsed back from {received}"
    );
    local(h, due)
}

#[test]
fn acceptance_friday_afternoon_complaint_is_due_monday_morning() {
    let h = madrid(OFFICE, "[]");
    assert_eq!(
        due(&h, "2026-03-06T16:30[Europe/Madrid]", 240),
        "2026-03-09 12:30 +01:00"
    );
}

#[test]
fn spring_forward_weekend_keeps_the_local_due_time() {
    let h = madrid(OFFICE, "[]");
    let start = at("2026-03-27T16:30[Europe/Madrid]");
    assert_eq!(start, "2026-03-27T15:30Z".parse().unwrap());
    let due_at = h.add(start, 240).unwrap();
    assert_eq!(local(&h, due_at), "2026-03-30 12:30 +02:00");
    assert_eq!(due_at, "2026-03-30T10:30Z".parse().unwrap());
    assert_eq!(h.elapsed(start, due_at), 240);
}

#[test]
fn fall_back_weekend_keeps_the_local_due_time() {
    let h = madrid(OFFICE, "[]");
    let start = at("2026-10-23T16:30[Europe/Madrid]");
    assert_eq!(start, "2026-10-23T14:30Z".parse().unwrap());
    let due_at = h.add(start, 240).unwrap();
    assert_eq!(local(&h, due_at), "2026-10-26 12:30 +01:00");
    assert_eq!(due_at, "2026-10-26T11:30Z".parse().unwrap());
}

#[test]
fn a_monday_holiday_pushes_the_due_time_to_tuesday() {
    let h = madrid(OFFICE, r#"[{"date":"2026-03-09"}]"#);
    assert_eq!(
        due(&h, "2026-03-06T16:30[Europe/Madrid]", 240),
        "2026-03-10 12:30 +01:00"
    );
    assert!(!h.is_open(at("2026-03-09T10:00[Europe/Madrid]")));
}

#[test]
fn lunch_breaks_are_not_counted() {
    let h = madrid(r#"{"mon":[["14:00","18:00"],["09:00","13:00"]]}"#, "[]");
    assert_eq!(
        due(&h, "2026-03-09T12:00[Europe/Madrid]", 120),
        "2026-03-09 15:00 +01:00"
    );
    assert!(!h.is_open(at("2026-03-09T13:30[Europe/Madrid]")));
    assert!(!h.is_open(at("2026-03-09T13:59:59[Europe/Madrid]")));
    assert!(h.is_open(at("2026-03-09T14:00[Europe/Madrid]")));
    assert_eq!(
        h.next_opening(at("2026-03-09T13:30[Europe/Madrid]")),
        Ok(at("2026-03-09T14:00[Europe/Madrid]"))
    );
    // The whole Monday is 8 hours; the next one starts a week later.
    assert_eq!(
        due(&h, "2026-03-09T08:00[Europe/Madrid]", 480),
        "2026-03-09 18:00 +01:00"
    );
    assert_eq!(
        due(&h, "2026-03-09T18:00[Europe/Madrid]", 1),
        "2026-03-16 09:01 +01:00"
    );
}

#[test]
fn an_interval_past_midnight_belongs_to_the_day_it_starts() {
    let h = madrid(
        r#"{"fri":[["22:00","02:00"]]}"#,
        r#"[{"date":"2026-03-14"}]"#,
    );
    // Friday 23:00: three hours left tonight, running into Saturday (a closure on Saturday
    // does not cut Friday's night).
    assert_eq!(
        due(&h, "2026-03-13T23:00[Europe/Madrid]", 120),
        "2026-03-14 01:00 +01:00"
    );
    assert!(h.is_open(at("2026-03-14T01:59[Europe/Madrid]")));
    assert!(!h.is_open(at("2026-03-14T02:00[Europe/Madrid]")));
    assert_eq!(
        due(&h, "2026-03-13T23:00[Europe/Madrid]", 240),
        "2026-03-20 23:00 +01:00"
    );
    // A closure on Friday removes the whole night.
    let closed_friday = madrid(
        r#"{"fri":[["22:00","02:00"]]}"#,
        r#"[{"date":"2026-03-13"}]"#,
    );
    assert_eq!(
        due(&closed_friday, "2026-03-13T21:00[Europe/Madrid]", 60),
        "2026-03-20 23:00 +01:00"
    );
    assert!(!closed_friday.is_open(at("2026-03-14T01:00[Europe/Madrid]")));
}

#[test]
fn year_end_skips_new_year_every_year() {
    let h = madrid(OFFICE, r#"[{"date":"2026-01-01","yearly":true}]"#);
    // Wednesday 31 December 2025 → Friday 2 January 2026.
    assert_eq!(
        due(&h, "2025-12-31T16:00[Europe/Madrid]", 120),
        "2026-01-02 10:00 +01:00"
    );
    // Thursday 31 December 2026 → Monday 4 January 2027.
    assert_eq!(
        due(&h, "2026-12-31T16:00[Europe/Madrid]", 120),
        "2027-01-04 10:00 +01:00"
    );
}

#[test]
fn always_open_is_plain_time() {
    let h = ServiceHours::always("Europe/Madrid").unwrap();
    let t = at("2026-03-29T01:30[Europe/Madrid]");
    assert!(h.is_open(t));
    assert_eq!(h.next_opening(t), Ok(t));
    let due_at = h.add(t, 240).unwrap();
    assert_eq!(due_at, t + SignedDuration::from_hours(4));
    // Four real hours across the spring-forward gap read as five on the wall clock.
    assert_eq!(local(&h, due_at), "2026-03-29 06:30 +02:00");
    assert_eq!(h.elapsed(t, due_at), 240);
    assert_eq!(h.elapsed(due_at, t), -240);
}

#[test]
fn no_open_time_at_all_is_an_error_not_a_hang() {
    let t = at("2026-03-06T16:30[Europe/Madrid]");
    let closed_week = madrid("{}", "[]");
    let clock = Instant::now();
    let err = closed_week.add(t, 240).unwrap_err();
    assert_eq!(err, ServiceHoursError::NoOpening { after: t });
    assert!(
        err.to_string().contains("no opening within a year"),
        "{err}"
    );
    assert_eq!(closed_week.next_opening(t), Err(err));
    assert!(!closed_week.is_open(t));
    assert_eq!(
        closed_week.elapsed(t, t + SignedDuration::from_hours(24 * 800)),
        0
    );

    // Every day of a leap year closed, every year: open hours that never come.
    let all_days: Vec<String> = (0..366)
        .map(|d| {
            let date = jiff::civil::date(2028, 1, 1) + SignedDuration::from_hours(24 * d);
            format!(r#"{{"date":"{date}","yearly":true}}"#)
        })
        .collect();
    let holidays = madrid(OFFICE, &format!("[{}]", all_days.join(",")));
    assert_eq!(
        holidays.add(t, 1),
        Err(ServiceHoursError::NoOpening { after: t })
    );
    assert!(clock.elapsed().as_secs() < 5, "took {:?}", clock.elapsed());
}

#[test]
fn a_long_run_of_one_off_closures_ends_the_search_after_a_year() {
    let dates: Vec<String> = (0..380)
        .map(|d| {
            let date = jiff::civil::date(2026, 3, 9) + SignedDuration::from_hours(24 * d);
            format!(r#"{{"date":"{date}"}}"#)
        })
        .collect();
    let h = madrid(OFFICE, &format!("[{}]", dates.join(",")));
    let t = at("2026-03-09T08:00[Europe/Madrid]");
    assert!(matches!(
        h.add(t, 60),
        Err(ServiceHoursError::NoOpening { .. })
    ));
    // `elapsed` is not a search: it still sees the hours after the closures.
    // The closures run to Tuesday 2027-03-23; Wednesday opens again.
    let later = at("2027-03-24T10:00[Europe/Madrid]");
    assert_eq!(h.elapsed(t, later), 60);
}

#[test]
fn dst_gap_boundaries_move_to_the_end_of_the_gap() {
    // Madrid, Sunday 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    let starts_in_gap = madrid(r#"{"sun":[["02:30","04:00"]]}"#, "[]");
    assert_eq!(
        starts_in_gap.next_opening(at("2026-03-29T00:00[Europe/Madrid]")),
        Ok("2026-03-29T01:00Z".parse().unwrap())
    );
    let day = (
        at("2026-03-29T00:00[Europe/Madrid]"),
        at("2026-03-30T00:00[Europe/Madrid]"),
    );
    assert_eq!(starts_in_gap.elapsed(day.0, day.1), 60);

    let ends_in_gap = madrid(r#"{"sun":[["01:00","02:30"]]}"#, "[]");
    assert_eq!(ends_in_gap.elapsed(day.0, day.1), 60);
    assert!(!ends_in_gap.is_open("2026-03-29T01:00Z".parse().unwrap()));

    let inside_gap = madrid(r#"{"sun":[["02:00","02:45"]]}"#, "[]");
    assert_eq!(inside_gap.elapsed(day.0, day.1), 0);
    // That Sunday has no open time, so the next opening is a week later.
    assert_eq!(
        local(&inside_gap, inside_gap.next_opening(day.0).unwrap()),
        "2026-04-05 02:00 +02:00"
    );
}

#[test]
fn dst_fold_intervals_cover_both_occurrences() {
    // Madrid, Sunday 2026-10-25: 03:00 CEST falls back to 02:00 CET at 01:00 UTC, so 02:00–03:00
    // happens twice.
    let day = (
        at("2026-10-25T00:00[Europe/Madrid]"),
        at("2026-10-26T00:00[Europe/Madrid]"),
    );
    let starts_in_fold = madrid(r#"{"sun":[["02:30","04:00"]]}"#, "[]");
    assert_eq!(
        starts_in_fold.next_opening(day.0),
        Ok("2026-10-25T00:30Z".parse().unwrap()) // the first 02:30, +02:00
    );
    assert_eq!(starts_in_fold.elapsed(day.0, day.1), 150);

    let ends_in_fold = madrid(r#"{"sun":[["00:00","02:30"]]}"#, "[]");
    assert_eq!(ends_in_fold.elapsed(day.0, day.1), 210); // until the second 02:30, +01:00
    assert!(ends_in_fold.is_open("2026-10-25T01:29Z".parse().unwrap()));
    assert!(!ends_in_fold.is_open("2026-10-25T01:30Z".parse().unwrap()));

    // Back to back at 02:30: the two intervals overlap by an hour in real time, counted once.
    let both = madrid(r#"{"sun":[["00:00","02:30"],["02:30","04:00"]]}"#, "[]");
    assert_eq!(both.elapsed(day.0, day.1), 300);
    let mid: Timestamp = "2026-10-25T01:00Z".parse().unwrap();
    assert_eq!(
        both.elapsed(day.0, mid) + both.elapsed(mid, day.1),
        both.elapsed(day.0, day.1)
    );
    assert_eq!(
        local(&both, both.add(day.0, 300).unwrap()),
        "2026-10-25 04:00 +01:00"
    );

    // A night shift over the change lasts one real hour more than on the wall clock.
    let night = madrid(r#"{"sat":[["22:00","06:00"]]}"#, "[]");
    let sat = at("2026-10-24T12:00[Europe/Madrid]");
    assert_eq!(night.elapsed(sat, day.1), 9 * 60);
}

#[test]
fn closing_time_is_the_due_time_when_the_day_is_used_up() {
    let h = madrid(OFFICE, "[]");
    assert_eq!(
        due(&h, "2026-03-09T09:00[Europe/Madrid]", 480),
        "2026-03-09 17:00 +01:00"
    );
    assert!(!h.is_open(at("2026-03-09T17:00[Europe/Madrid]")));
    assert_eq!(
        local(
            &h,
            h.next_opening(at("2026-03-07T12:00[Europe/Madrid]"))
                .unwrap()
        ),
        "2026-03-09 09:00 +01:00"
    );
    // Zero minutes from outside the hours is the next opening.
    assert_eq!(
        local(&h, h.add(at("2026-03-07T12:00[Europe/Madrid]"), 0).unwrap()),
        "2026-03-09 09:00 +01:00"
    );
    assert_eq!(
        h.add(at("2026-03-09T09:00[Europe/Madrid]"), -1),
        Err(ServiceHoursError::Negative)
    );
    assert_eq!(
        h.add(at("2026-03-09T09:00[Europe/Madrid]"), i64::MAX),
        Err(ServiceHoursError::TooLong)
    );
}

#[test]
fn elapsed_truncates_to_whole_minutes() {
    let h = madrid(OFFICE, "[]");
    let a = at("2026-03-09T09:00[Europe/Madrid]");
    let b = a + SignedDuration::from_secs(119);
    assert_eq!(h.elapsed(a, b), 1);
    assert_eq!(h.elapsed(b, a), -1);
    assert_eq!(h.open_time(a, b), SignedDuration::from_secs(119));
}

fn field_errors(json: &str) -> Vec<(String, String)> {
    let spec: ServiceHoursSpec = serde_json::from_str(json).unwrap();
    match spec.validate() {
        Err(DomainError::Invalid(fe)) => fe
            .iter()
            .map(|(k, v)| (k.to_owned(), v.to_string()))
            .collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn validation_names_the_bad_fields() {
    let e = field_errors(r#"{"time_zone":"Europe/Atlantis"}"#);
    assert_eq!(e[0].0, "time_zone");
    assert!(e[0].1.contains("Europe/Atlantis"), "{e:?}");
    assert_eq!(field_errors(r#"{"time_zone":" "}"#)[0].0, "time_zone");

    let e = field_errors(
        r#"{"time_zone":"Europe/Madrid","week":{
            "mon":[["09:00","13:00"],["12:00","14:00"]],
            "tue":[["10:00","10:00"]],
            "sun":[["23:00","01:00"]],
            "wed":[["9:00","10:00"]]},
            "closed":[{"date":"2026-02-30"}]}"#,
    );
    let fields: Vec<&str> = e.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        fields,
        [
            "closed[0].date",
            "week.mon[1]",
            "week.tue[0]",
            "week.wed[0]"
        ]
    );
    assert!(e[1].1.contains("overlaps mon 09:00–13:00"), "{e:?}");

    // Sunday night running into Monday morning overlaps across the end of the week.
    let e = field_errors(
        r#"{"time_zone":"UTC","week":{"sun":[["23:00","01:00"]],"mon":[["00:30","08:00"]]}}"#,
    );
    assert_eq!(e[0].0, "week.sun[0]");

    let e = field_errors(
        r#"{"time_zone":"UTC","always_open":true,"week":{"mon":[["09:00","17:00"]]},"closed":[{"date":"2026-12-25"}]}"#,
    );
    let fields: Vec<&str> = e.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(fields, ["closed", "week"]);

    // Deserialising ServiceHours directly validates too.
    let err = serde_json::from_str::<ServiceHours>(r#"{"time_zone":"Mars/Olympus"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("time_zone"), "{err}");
    assert!(
        serde_json::from_str::<ServiceHours>(r#"{"time_zone":"UTC","week":{"monday":[]}}"#)
            .is_err()
    );
}

#[test]
fn serialises_in_a_readable_shape_and_round_trips() {
    let json = r#"{"time_zone":"Europe/Madrid","week":{"mon":[["09:00","13:00"],["14:00","18:00"]],"fri":[["22:00","02:00"]],"sun":[["00:00","24:00"]]},"closed":[{"date":"2026-12-25","yearly":true}],"always_open":false}"#;
    let h: ServiceHours = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&h).unwrap(), json);
    let again: ServiceHours = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
    assert_eq!(again, h);
    assert_eq!(h.to_spec().validate().unwrap(), h);
    // Midnight as an end is written 24:00; zone names are canonical.
    let h: ServiceHours =
        serde_json::from_str(r#"{"time_zone":"europe/madrid","week":{"tue":[["18:00","00:00"]]}}"#)
            .unwrap();
    assert_eq!(
        serde_json::to_string(&h).unwrap(),
        r#"{"time_zone":"Europe/Madrid","week":{"tue":[["18:00","24:00"]]},"closed":[],"always_open":false}"#
    );
}

/// Calendars for the properties: an office, split hours with Saturdays and holidays, nights
/// past midnight in New York, back-to-back intervals meeting in Madrid's DST hour, round the clock.
fn calendars() -> Vec<ServiceHours> {
    vec![
        madrid(OFFICE, "[]"),
        madrid(
            r#"{"mon":[["09:00","13:00"],["14:30","18:00"]],"wed":[["08:15","12:45"]],"sat":[["10:00","14:00"]]}"#,
            r#"[{"date":"2026-01-06","yearly":true},{"date":"2026-05-01","yearly":true},{"date":"2027-03-15"}]"#,
        ),
        serde_json::from_str(
            r#"{"time_zone":"America/New_York","week":{"fri":[["22:00","02:00"]],"sat":[["22:00","02:30"]],"sun":[["02:30","06:00"]]}}"#,
        )
        .unwrap(),
        madrid(&daily(r#"[["00:00","02:30"],["02:30","04:00"],["21:00","23:59"]]"#), "[]"),
        madrid(&daily(r#"[["00:00","24:00"]]"#), r#"[{"date":"2026-12-25","yearly":true}]"#),
    ]
}

/// Whole seconds from 2024 to 2030, half of them within three days of a DST change in
/// Madrid or New York in 2026.
fn instant() -> impl Strategy<Value = Timestamp> {
    let changes = [
        "2026-03-08T07:00Z",
        "2026-03-29T01:00Z",
        "2026-10-25T01:00Z",
        "2026-11-01T06:00Z",
    ];
    let near = (0usize..4, -259_200i64..259_200).prop_map(move |(i, s)| {
        changes[i].parse::<Timestamp>().unwrap() + SignedDuration::from_secs(s)
    });
    let anywhere =
        (1_704_067_200i64..1_893_456_000).prop_map(|s| Timestamp::from_second(s).unwrap());
    prop_oneof![anywhere, near]
}

proptest! {
    #[test]
    fn elapsed_undoes_add(c in 0usize..5, t in instant(), n in 0i64..20_000) {
        let h = &calendars()[c];
        let due = h.add(t, n).unwrap();
        prop_assert!(due >= t);
        prop_assert_eq!(h.elapsed(t, due), n);
        prop_assert_eq!(h.open_time(t, due), SignedDuration::from_mins(n));
        if n > 0 {
            prop_assert!(h.is_open(due - SignedDuration::from_nanos(1)));
        }
    }

    #[test]
    fn add_is_monotonic(c in 0usize..5, t in instant(), n in 0i64..10_000, m in 0i64..10_000) {
        let h = &calendars()[c];
        let (lo, hi) = (n.min(m), n.max(m));
        prop_assert!(h.add(t, lo).unwrap() <= h.add(t, hi).unwrap());
    }

    #[test]
    fn elapsed_is_additive(c in 0usize..5, mut xs in proptest::array::uniform3(instant())) {
        let h = &calendars()[c];
        xs.sort();
        let [a, b, cc] = xs;
        prop_assert_eq!(h.open_time(a, b) + h.open_time(b, cc), h.open_time(a, cc));
        // On whole minutes every boundary is a whole minute too, so minutes add up exactly.
        let m = |t: Timestamp| Timestamp::from_second(t.as_second() / 60 * 60).unwrap();
        let (a, b, cc) = (m(a), m(b), m(cc));
        prop_assert_eq!(h.elapsed(a, b) + h.elapsed(b, cc), h.elapsed(a, cc));
        prop_assert_eq!(h.elapsed(cc, a), -h.elapsed(a, cc));
    }

    #[test]
    fn next_opening_agrees_with_is_open(c in 0usize..5, t in instant()) {
        let h = &calendars()[c];
        let next = h.next_opening(t).unwrap();
        prop_assert_eq!(next == t, h.is_open(t));
        prop_assert!(h.is_open(next));
        prop_assert_eq!(h.open_time(t, next), SignedDuration::ZERO);
    }
}
