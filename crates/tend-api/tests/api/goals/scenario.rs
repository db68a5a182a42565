//! The goals scenario: complaints, CSAT answers, purchases, NPS answers and figure values in
//! February and March 2026, in the company's time zone (Europe/Istanbul, UTC+3: February is
//! [31 Jan 21:00Z, 28 Feb 21:00Z)), with records on both sides of each boundary.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::helpers::TestApp;

fn us(t: &str) -> i64 {
    t.parse::<Timestamp>().expect("instant").as_microsecond()
}

fn opt(t: Option<&str>) -> String {
    t.map_or("NULL".into(), |t| us(t).to_string())
}

pub(super) async fn sql(app: &TestApp, statement: &str) {
    tend_store::testing::execute(&app.database_url, statement)
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

/// A complaint as stored: id, customer, channel, kind, received, first response, resolved,
/// follow-up outcome.
pub(super) type Row<'a> = (
    i64,
    i64,
    &'a str,
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

pub(super) async fn complaint(app: &TestApp, row: Row<'_>) {
    let (id, customer, channel, kind, received, first, resolved, outcome) = row;
    let outcome = outcome.map_or("NULL".into(), |o| format!("'{o}'"));
    let r = us(received);
    sql(app, &format!(
        "INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, \
         priority, tier, source, version, created_at, updated_at, first_response_at, resolved_at, \
         follow_up_outcome) VALUES ({id}, '{kind}', 'received', {customer}, '{channel}', {r}, 'x', \
         'normal', 1, 'api', 1, {r}, {r}, {}, {}, {outcome})",
        opt(first),
        opt(resolved)
    ))
    .await;
}

/// A CSAT answer `rating` for complaint `complaint`, given at `at`.
pub(super) async fn csat(app: &TestApp, id: i64, complaint: i64, rating: i64, at: &str) {
    let t = us(at);
    sql(app, &format!(
        "INSERT INTO csat_requests (id, complaint_id, resolved_at, created_at) VALUES ({id}, {complaint}, {t}, {t})"
    ))
    .await;
    sql(app, &format!(
        "INSERT INTO csat_answers (request_id, rating, scale, answered_at) VALUES ({id}, {rating}, 5, {t})"
    ))
    .await;
}

/// A survey response completed at `done` (or partial) answering question 1 (a rating, 5) and
/// question 2 (the NPS question) with `score`.
async fn nps(app: &TestApp, survey: i64, id: i64, score: i64, done: Option<&str>) {
    let t = us("2026-02-01T00:00:00Z");
    sql(app, &format!(
        "INSERT INTO survey_responses (id, survey_id, key_digest, channel, language, page, started_at, \
         updated_at, completed_at) VALUES ({id}, {survey}, 'k{id}', 'public', 'en', 1, {t}, {t}, {})",
        opt(done)
    ))
    .await;
    sql(app, &format!(
        "INSERT INTO survey_answers (response_id, question, number) VALUES ({id}, 1, 5), ({id}, 2, {score})"
    ))
    .await;
}

pub(super) async fn purchase(app: &TestApp, customer: i64, at: &str, returned: bool) {
    let t = json!({"customer_id": customer, "occurred_at": at, "returned": returned});
    app.post_json("/api/v1/transactions", &app.agent.token, &t)
        .await
        .expect(201);
}

/// Every record of the scenario (see each measure's hand computation in the test); returns the
/// ids of the calls figure and of the seeded `calls_abandoned` figure.
pub(super) async fn scenario(app: &TestApp) -> (i64, i64) {
    sql(app, "INSERT INTO company_settings (name, value, updated_at) VALUES ('time_zone', 'Europe/Istanbul', 0)").await;
    let targets =
        json!({"targets": {"normal": {"first_response_minutes": 60, "resolution_minutes": 1440}}});
    let m = &app.manager.token;
    app.put_json("/api/v1/channels/phone/response-standards", m, &targets)
        .await
        .expect(200);
    let mut c = vec![0];
    for i in 1..=6 {
        c.push(app.create_customer_named(&format!("Customer {i}")).await);
    }
    let (c1, c2, c3, c4, c5, c6) = (c[1], c[2], c[3], c[4], c[5], c[6]);
    // (id, customer, channel, kind, received, first response, resolved, follow-up outcome)
    #[rustfmt::skip]
    let rows: [Row; 11] = [
        // February (Istanbul).
        (101, c1, "phone", "complaint", "2026-02-02T10:00:00Z", Some("2026-02-02T10:30:00Z"), Some("2026-02-02T20:00:00Z"), Some("satisfied")),
        (102, c2, "phone", "complaint", "2026-02-03T10:00:00Z", Some("2026-02-03T12:00:00Z"), Some("2026-02-05T10:00:00Z"), Some("not_satisfied")),
        (103, c3, "phone", "complaint", "2026-02-10T10:00:00Z", None, None, None),
        // 31 Jan 23:00 in Istanbul: January, counted nowhere.
        (104, c3, "phone", "complaint", "2026-01-31T20:00:00Z", None, None, None),
        // March (Istanbul); 28 Feb 22:00Z is 1 March 01:00 there.
        (105, c4, "phone", "complaint", "2026-02-28T22:00:00Z", Some("2026-02-28T22:10:00Z"), Some("2026-03-01T10:00:00Z"), None),
        (106, c5, "phone", "complaint", "2026-03-02T09:00:00Z", Some("2026-03-02T09:30:00Z"), Some("2026-03-03T08:00:00Z"), Some("no_answer")),
        (107, c5, "phone", "complaint", "2026-03-06T15:00:00Z", None, None, None),
        (108, c5, "phone", "complaint", "2026-03-05T10:00:00Z", Some("2026-03-05T10:20:00Z"), None, None),
        (109, c5, "phone", "feedback", "2026-03-03T10:00:00Z", None, None, None),
        (110, c6, "email", "complaint", "2026-03-04T10:00:00Z", Some("2026-03-04T10:05:00Z"), None, None),
        (111, c6, "phone", "complaint", "2026-03-02T12:00:00Z", Some("2026-03-02T12:30:00Z"), Some("2026-03-02T18:00:00Z"), Some("satisfied")),
    ];
    for row in rows {
        complaint(app, row).await;
    }
    csat(app, 301, 101, 4, "2026-02-03T10:00:00Z").await;
    csat(app, 302, 102, 3, "2026-02-06T10:00:00Z").await;
    csat(app, 303, 105, 5, "2026-03-02T10:00:00Z").await;
    csat(app, 304, 106, 2, "2026-03-04T10:00:00Z").await;
    csat(app, 305, 111, 1, "2026-03-03T10:00:00Z").await;
    purchase(app, c1, "2026-02-04T10:00:00Z", false).await;
    purchase(app, c2, "2026-02-09T10:00:00Z", true).await;
    purchase(app, c3, "2026-02-15T10:00:00Z", false).await;
    purchase(app, c3, "2026-02-20T10:00:00Z", false).await;
    purchase(app, c4, "2026-03-03T10:00:00Z", false).await;
    purchase(app, c6, "2026-03-06T10:00:00Z", true).await;
    purchase(app, c5, "2026-02-28T21:30:00Z", false).await;

    let t = |en: &str| json!({"en": en, "es": en, "tr": en});
    let survey = json!({"languages": ["en", "es", "tr"], "title": t("After"), "questions": [
        {"kind": "rating", "scale": 5, "text": t("How was it?")},
        {"kind": "nps", "text": t("Would you recommend us?")}]});
    let s = app
        .post_json("/api/v1/surveys", m, &survey)
        .await
        .expect(201);
    let sid = s["id"].as_i64().expect("survey id");
    for (id, score, done) in [
        (501, 10, Some("2026-02-05T10:00:00Z")),
        (502, 9, Some("2026-02-06T10:00:00Z")),
        (503, 7, Some("2026-02-07T10:00:00Z")),
        (504, 3, Some("2026-02-08T10:00:00Z")),
        (505, 0, Some("2026-02-28T22:00:00Z")),
        (506, 6, Some("2026-03-02T10:00:00Z")),
        (507, 10, Some("2026-03-03T10:00:00Z")),
        (508, 10, None),
    ] {
        nps(app, sid, id, score, done).await;
    }

    let figure = json!({"code": "calls_2min", "name": "Calls answered within 2 minutes",
        "definition": "Calls answered within 2 minutes ÷ calls.", "unit": "percent", "ratio": true,
        "grain": "month", "source": "internal"});
    let f = app
        .post_json("/api/v1/figures", m, &figure)
        .await
        .expect(201);
    let calls = f["id"].as_i64().expect("figure id");
    let values = json!({"values": [{"period": "2026-02-01", "numerator": 80, "denominator": 100},
        {"period": "2026-03-01", "numerator": 45, "denominator": 50}]});
    app.post_json("/api/v1/figures/calls_2min/values", m, &values)
        .await
        .expect(200);
    let abandoned = app
        .get("/api/v1/figures/calls_abandoned", m)
        .await
        .expect(200);
    let abandoned = abandoned["id"].as_i64().expect("figure id");
    let values = json!({"values": [{"period": "2026-02-01", "numerator": 12},
        {"period": "2026-03-01", "numerator": 7}]});
    app.post_json("/api/v1/figures/calls_abandoned/values", m, &values)
        .await
        .expect(200);
    (calls, abandoned)
}

/// (actual, numerator, denominator, status) of a period view.
pub(super) fn seen(p: &Value) -> (Option<f64>, i64, i64, String) {
    (
        p["actual"].as_f64(),
        p["n"]["numerator"].as_i64().unwrap(),
        p["n"]["denominator"].as_i64().unwrap(),
        p["status"].as_str().unwrap().to_owned(),
    )
}

pub(super) fn s(x: &str) -> String {
    x.to_owned()
}
