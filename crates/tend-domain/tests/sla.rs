//! The response-standard watcher's plan: warnings and breaches at the right service time, none
//! while paused or met, and a late watcher firing only what is due now.

use jiff::{SignedDuration, Timestamp};
use tend_domain::channels::response_standard::ResponseStandards;
use tend_domain::channels::service_hours::{ServiceHours, ServiceHoursSpec};
use tend_domain::channels::sla::{Alert, Plan, Stage, Target, plan};
use tend_domain::complaints::{ComplaintDraft, ComplaintRecord, Status};
use tend_domain::kernel::ids::CustomerId;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Mon–Fri 09:00–17:00 in Madrid.
fn office() -> ServiceHours {
    let day = serde_json::json!([["09:00", "17:00"]]);
    serde_json::from_value::<ServiceHoursSpec>(serde_json::json!({
        "time_zone": "Europe/Madrid",
        "week": {"mon": day, "tue": day, "wed": day, "thu": day, "fri": day}
    }))
    .unwrap()
    .validate()
    .unwrap()
}

/// Normal priority: first response in 4 service hours, resolution in 16; warn at 80 %.
fn standards() -> ResponseStandards {
    serde_json::from_value::<ResponseStandards>(serde_json::json!({
        "targets": {"normal": {"first_response_minutes": 240, "resolution_minutes": 960}},
        "warn_at_percent": 80
    }))
    .unwrap()
    .validate()
    .unwrap()
}

/// Received Friday 2026-03-06 16:30 in Madrid.
fn friday_complaint() -> ComplaintRecord {
    let received = at("2026-03-06T15:30:00Z");
    let draft = ComplaintDraft {
        customer_id: Some(CustomerId(1)),
        channel: Some("phone".into()),
        description: Some("The kettle leaks.".into()),
        received_at: Some(received),
        ..Default::default()
    };
    ComplaintRecord::received(draft.validate(received).unwrap(), "api")
}

fn plan_at(r: &ComplaintRecord, now: &str) -> Plan {
    plan(r, &standards(), &office(), at(now)).unwrap()
}

const FIRST_DUE: &str = "2026-03-09T11:30:00Z"; // Monday 12:30 Madrid
const FIRST_WARN: &str = "2026-03-09T10:42:00Z"; // 192 of 240 minutes: Monday 11:42

#[test]
fn the_first_look_is_at_the_warning_time_in_service_hours() {
    let p = plan_at(&friday_complaint(), "2026-03-06T15:30:00Z");
    assert_eq!(p.fire, []);
    assert_eq!(p.next_check, Some(at(FIRST_WARN)));
}

#[test]
fn the_warning_fires_at_80_percent_then_the_breach_at_the_due_time() {
    let r = friday_complaint();
    let p = plan_at(&r, FIRST_WARN);
    let warning = Alert {
        target: Target::FirstResponse,
        stage: Stage::Warning,
        due: at(FIRST_DUE),
    };
    assert_eq!(p.fire, [warning]);
    assert_eq!(p.next_check, Some(at(FIRST_DUE)));
    let p = plan_at(&r, FIRST_DUE);
    assert_eq!(p.fire[0].stage, Stage::Breach);
    assert_eq!(p.fire[0].target, Target::FirstResponse);
    // Resolution (16 h): warns after 12.8 service hours, Tuesday 13:18 Madrid.
    assert_eq!(p.next_check, Some(at("2026-03-10T12:18:00Z")));
}

#[test]
fn a_late_watcher_fires_the_breach_only() {
    let p = plan_at(&friday_complaint(), "2026-03-09T14:00:00Z");
    assert_eq!(p.fire.len(), 1);
    assert_eq!(p.fire[0].stage, Stage::Breach);
}

#[test]
fn met_targets_and_pauses_plan_nothing() {
    let mut r = friday_complaint();
    r.understanding.first_response_at = Some(at("2026-03-09T08:30:00Z"));
    let p = plan_at(&r, "2026-03-09T12:00:00Z");
    assert_eq!(
        p.fire,
        [],
        "the first response was in time; resolution not yet warned"
    );
    assert_eq!(p.next_check, Some(at("2026-03-10T12:18:00Z")));

    r.waiting = Some(tend_domain::complaints::Waiting {
        since: at("2026-03-09T09:00:00Z"),
        reason: "A photo".into(),
    });
    assert_eq!(plan_at(&r, "2026-03-20T12:00:00Z"), Plan::default());

    // The customer answered after two service hours: everything moves two hours on.
    r.waiting = None;
    r.paused_minutes = 120;
    let p = plan_at(&r, "2026-03-09T12:00:00Z");
    assert_eq!(p.next_check, Some(at("2026-03-10T14:18:00Z")));

    r.status = Status::Closed;
    assert_eq!(plan_at(&r, "2026-03-20T12:00:00Z"), Plan::default());
}

#[test]
fn no_targets_for_the_priority_plan_nothing() {
    let mut r = friday_complaint();
    r.priority = tend_domain::complaints::Priority::Urgent;
    assert_eq!(plan_at(&r, "2026-03-20T12:00:00Z"), Plan::default());
    let late = at("2026-03-06T15:30:00Z") + SignedDuration::from_hours(24 * 30);
    assert_eq!(
        plan(&r, &standards(), &office(), late).unwrap(),
        Plan::default()
    );
}
