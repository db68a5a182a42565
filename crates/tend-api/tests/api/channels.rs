//! `/api/v1/channels/{channel}/service-hours` and `/response-standards`.

use serde_json::json;

use crate::helpers::{TestApp, spawn_app};

const HOURS: &str = "/api/v1/channels/phone/service-hours";
const STANDARDS: &str = "/api/v1/channels/phone/response-standards";

/// The phone channel staffed Monday to Friday 09:00–17:00 in Madrid, with normal-priority
/// targets of 240 minutes to a first response and 960 to resolution.
async fn madrid_office_with_targets(app: &TestApp) {
    let m = &app.manager.token;
    let office = json!({"time_zone": "Europe/Madrid", "week": {
        "mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]], "wed": [["09:00", "17:00"]],
        "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]]}});
    app.put_json(HOURS, m, &office).await.expect(200);
    let targets =
        json!({"targets": {"normal": {"first_response_minutes": 240, "resolution_minutes": 960}}});
    app.put_json(STANDARDS, m, &targets).await.expect(200);
}

#[tokio::test]
async fn service_hours_default_to_always_open_and_round_trip() {
    let app = spawn_app().await;
    let default = app.get(HOURS, &app.viewer.token).await.expect(200);
    assert_eq!(default["always_open"], true);
    assert_eq!(default["time_zone"], "UTC");

    let hours = json!({
        "time_zone": "Europe/Madrid",
        "week": {"mon": [["09:00", "13:00"], ["14:00", "18:00"]], "fri": [["09:00", "15:00"]], "sat": [["22:00", "02:00"]]},
        "closed": [{"date": "2026-12-25", "yearly": true}, {"date": "2026-04-03", "yearly": false}]
    });
    let saved = app
        .put_json(HOURS, &app.manager.token, &hours)
        .await
        .expect(200);
    assert_eq!(
        saved["week"]["mon"],
        json!([["09:00", "13:00"], ["14:00", "18:00"]])
    );
    let read = app.get(HOURS, &app.agent.token).await.expect(200);
    assert_eq!(read, saved);
    assert_eq!(
        app.get("/api/v1/channels/email/service-hours", &app.agent.token)
            .await
            .expect(200)["always_open"],
        true
    );
}

#[tokio::test]
async fn bad_service_hours_name_the_field_and_change_nothing() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let cases = [
        (json!({"time_zone": "Mars/Olympus"}), "time_zone"),
        (
            json!({"time_zone": "UTC", "week": {"mon": [["09:00", "25:00"]]}}),
            "week.mon[0]",
        ),
        (
            json!({"time_zone": "UTC", "week": {"mon": [["09:00", "13:00"], ["12:00", "14:00"]]}}),
            "week.mon[1]",
        ),
        (
            json!({"time_zone": "UTC", "closed": [{"date": "2026-02-30"}]}),
            "closed[0].date",
        ),
        (
            json!({"time_zone": "UTC", "week": {"monday": []}}),
            "week.monday",
        ),
    ];
    for (body, field) in cases {
        let res = app.put_json(HOURS, m, &body).await;
        res.expect_error(422, "validation_failed", Some(field));
    }
    assert_eq!(
        app.get(HOURS, m).await.expect(200)["always_open"],
        true,
        "nothing was stored"
    );
}

#[tokio::test]
async fn response_standards_round_trip_and_are_validated() {
    let app = spawn_app().await;
    let empty = app.get(STANDARDS, &app.viewer.token).await.expect(200);
    assert_eq!(
        empty,
        json!({"targets": {}, "warn_at_percent": 80, "escalate_on_breach": false})
    );
    let standards = json!({
        "targets": {"urgent": {"first_response_minutes": 30, "resolution_minutes": 240},
                    "normal": {"first_response_minutes": 240, "resolution_minutes": 960}},
        "warn_at_percent": 75, "escalate_on_breach": true
    });
    assert_eq!(
        app.put_json(STANDARDS, &app.manager.token, &standards)
            .await
            .expect(200),
        standards
    );
    assert_eq!(
        app.get(STANDARDS, &app.agent.token).await.expect(200),
        standards
    );

    let bad = json!({"targets": {"low": {"first_response_minutes": 60, "resolution_minutes": 30}}, "warn_at_percent": 0});
    let res = app.put_json(STANDARDS, &app.manager.token, &bad).await;
    res.expect_error(
        422,
        "validation_failed",
        Some("targets.low.resolution_minutes"),
    );
    res.expect_error(422, "validation_failed", Some("warn_at_percent"));
    let res = app
        .put_json(
            STANDARDS,
            &app.manager.token,
            &json!({"targets": {"asap": {}}}),
        )
        .await;
    assert_eq!(res.status.as_u16(), 422, "{}", res.text);
    assert_eq!(
        app.get(STANDARDS, &app.agent.token).await.expect(200),
        standards,
        "unchanged"
    );
}

#[tokio::test]
async fn only_managers_change_settings_and_unknown_channels_are_404() {
    let app = spawn_app().await;
    let hours = json!({"time_zone": "UTC", "always_open": true});
    app.put_json(HOURS, &app.agent.token, &hours)
        .await
        .expect_error(403, "forbidden", None);
    app.put_json(STANDARDS, &app.agent.token, &json!({}))
        .await
        .expect_error(403, "forbidden", None);
    app.get("/api/v1/channels/pigeon/service-hours", &app.agent.token)
        .await
        .expect_error(404, "not_found", None);
    app.put_json(
        "/api/v1/channels/pigeon/response-standards",
        &app.manager.token,
        &json!({}),
    )
    .await
    .expect_error(404, "not_found", None);
}

#[tokio::test]
async fn complaints_carry_due_times_counted_in_service_hours() {
    let app = spawn_app().await;
    madrid_office_with_targets(&app).await;

    // The test clock stands at Friday 2026-03-06 16:30 in Madrid.
    let customer = app.create_customer().await;
    let created = app.create_complaint(customer).await;
    assert_eq!(
        created["first_response"],
        json!({"due_at": "2026-03-09T11:30:00Z", "state": "pending", "minutes_left": 240})
    );
    assert_eq!(created["resolution"]["due_at"], "2026-03-10T15:30:00Z");
    let id = created["id"].as_i64().unwrap();

    // Monday 13:00 in Madrid: half an hour past the first-response target.
    app.clock.set("2026-03-09T12:00:00Z".parse().unwrap());
    let late = app.complaint(id).await;
    assert_eq!(late["first_response"]["state"], "breached");
    assert_eq!(
        late["resolution"],
        json!({"due_at": "2026-03-10T15:30:00Z", "state": "pending", "minutes_left": 690})
    );
    let answered = app
        .act(id, &json!({"action": "understand", "facts": "Jar cracked"}))
        .await
        .expect(200);
    assert_eq!(
        answered["first_response"]["state"], "breached",
        "answered, but late"
    );

    // A priority without a target has no due times; lists carry them too.
    let urgent = json!({"customer_id": customer, "channel": "phone", "priority": "urgent", "description": "x"});
    let urgent = app.create_complaint_with(&urgent).await;
    assert!(urgent["first_response"].is_null() && urgent["resolution"].is_null());
    let list = app
        .get("/api/v1/complaints?limit=10", &app.viewer.token)
        .await
        .expect(200);
    let listed = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(listed["resolution"]["minutes_left"], 690);
}

#[tokio::test]
async fn waiting_on_the_customer_stops_the_clock_until_they_answer() {
    let app = spawn_app().await;
    madrid_office_with_targets(&app).await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();

    // Friday 16:40 in Madrid: ask the customer for a photo.
    app.clock.set("2026-03-06T15:40:00Z".parse().unwrap());
    let asked = app
        .act(
            id,
            &json!({"action": "wait_for_customer", "reason": "Photo of the jar"}),
        )
        .await
        .expect(200);
    assert_eq!(
        asked["first_response"]["state"], "met",
        "asking the customer is a response"
    );
    let paused = json!({"due_at": "2026-03-10T15:30:00Z", "state": "paused", "minutes_left": 950});
    assert_eq!(asked["resolution"], paused);

    // The weekend and Monday morning pass while waiting: nothing is used up.
    app.clock.set("2026-03-09T09:00:00Z".parse().unwrap());
    assert_eq!(app.complaint(id).await["resolution"], paused);

    // The customer answers Monday 10:00: 80 service minutes were paused; the target moves on.
    let replied = app
        .act(
            id,
            &json!({"action": "customer_replied", "note": "Photo sent"}),
        )
        .await
        .expect(200);
    assert_eq!(
        replied["resolution"],
        json!({"due_at": "2026-03-11T08:50:00Z", "state": "pending", "minutes_left": 950})
    );
    let timeline = app.timeline(id).await;
    assert!(
        timeline
            .iter()
            .any(|e| e["field"] == "paused_minutes" && e["new_value"] == "80")
    );
    app.act(id, &json!({"action": "customer_replied"}))
        .await
        .expect_error(409, "invalid_transition", Some("action"));
}
