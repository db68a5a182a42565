//! `/api/v1/goals`: every catalogue measure over two periods with hand-computed actuals, in the
//! company's time zone (Europe/Istanbul, UTC+3: February is [31 Jan 21:00Z, 28 Feb 21:00Z)),
//! a closed period frozen once and kept when late data arrives, versions on change, refusals
//! naming the field, role checks and append-only tables.

use jiff::Timestamp;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

fn us(t: &str) -> i64 {
    t.parse::<Timestamp>().expect("instant").as_microsecond()
}

fn opt(t: Option<&str>) -> String {
    t.map_or("NULL".into(), |t| us(t).to_string())
}

async fn sql(app: &TestApp, statement: &str) {
    tend_store::testing::execute(&app.database_url, statement)
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

/// A complaint as stored: id, customer, channel, kind, received, first response, resolved,
/// follow-up outcome.
#[allow(clippy::too_many_arguments)]
async fn complaint(
    app: &TestApp,
    id: i64,
    customer: i64,
    channel: &str,
    kind: &str,
    received: &str,
    first: Option<&str>,
    resolved: Option<&str>,
    outcome: Option<&str>,
) {
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
async fn csat(app: &TestApp, id: i64, complaint: i64, rating: i64, at: &str) {
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

async fn purchase(app: &TestApp, customer: i64, at: &str, returned: bool) {
    let t = json!({"customer_id": customer, "occurred_at": at, "returned": returned});
    app.post_json("/api/v1/transactions", &app.agent.token, &t)
        .await
        .expect(201);
}

/// Every record of the scenario (see each measure's hand computation in the test).
async fn scenario(app: &TestApp) -> (i64, i64) {
    sql(app, "INSERT INTO company_settings (name, value, updated_at) VALUES ('time_zone', 'Europe/Istanbul', 0)").await;
    let targets =
        json!({"targets": {"normal": {"first_response_minutes": 60, "resolution_minutes": 1440}}});
    let m = &app.manager.token;
    app.put_json("/api/v1/channels/phone/response-standards", m, &targets)
        .await
        .expect(200);
    let mut c = Vec::new();
    for i in 1..=6 {
        c.push(app.create_customer_named(&format!("Customer {i}")).await);
    }
    let (c1, c2, c3, c4, c5, c6) = (c[0], c[1], c[2], c[3], c[4], c[5]);
    let p = "phone";
    // February (Istanbul).
    complaint(
        app,
        101,
        c1,
        p,
        "complaint",
        "2026-02-02T10:00:00Z",
        Some("2026-02-02T10:30:00Z"),
        Some("2026-02-02T20:00:00Z"),
        Some("satisfied"),
    )
    .await;
    complaint(
        app,
        102,
        c2,
        p,
        "complaint",
        "2026-02-03T10:00:00Z",
        Some("2026-02-03T12:00:00Z"),
        Some("2026-02-05T10:00:00Z"),
        Some("not_satisfied"),
    )
    .await;
    complaint(
        app,
        103,
        c3,
        p,
        "complaint",
        "2026-02-10T10:00:00Z",
        None,
        None,
        None,
    )
    .await;
    // 31 Jan 23:00 in Istanbul: January, counted nowhere.
    complaint(
        app,
        104,
        c3,
        p,
        "complaint",
        "2026-01-31T20:00:00Z",
        None,
        None,
        None,
    )
    .await;
    // March (Istanbul); 28 Feb 22:00Z is 1 March 01:00 there.
    complaint(
        app,
        105,
        c4,
        p,
        "complaint",
        "2026-02-28T22:00:00Z",
        Some("2026-02-28T22:10:00Z"),
        Some("2026-03-01T10:00:00Z"),
        None,
    )
    .await;
    complaint(
        app,
        106,
        c5,
        p,
        "complaint",
        "2026-03-02T09:00:00Z",
        Some("2026-03-02T09:30:00Z"),
        Some("2026-03-03T08:00:00Z"),
        Some("no_answer"),
    )
    .await;
    complaint(
        app,
        107,
        c5,
        p,
        "complaint",
        "2026-03-06T15:00:00Z",
        None,
        None,
        None,
    )
    .await;
    complaint(
        app,
        108,
        c5,
        p,
        "complaint",
        "2026-03-05T10:00:00Z",
        Some("2026-03-05T10:20:00Z"),
        None,
        None,
    )
    .await;
    complaint(
        app,
        109,
        c5,
        p,
        "feedback",
        "2026-03-03T10:00:00Z",
        None,
        None,
        None,
    )
    .await;
    complaint(
        app,
        110,
        c6,
        "email",
        "complaint",
        "2026-03-04T10:00:00Z",
        Some("2026-03-04T10:05:00Z"),
        None,
        None,
    )
    .await;
    complaint(
        app,
        111,
        c6,
        p,
        "complaint",
        "2026-03-02T12:00:00Z",
        Some("2026-03-02T12:30:00Z"),
        Some("2026-03-02T18:00:00Z"),
        Some("satisfied"),
    )
    .await;
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
fn seen(p: &Value) -> (Option<f64>, i64, i64, String) {
    (
        p["actual"].as_f64(),
        p["n"]["numerator"].as_i64().unwrap(),
        p["n"]["denominator"].as_i64().unwrap(),
        p["status"].as_str().unwrap().to_owned(),
    )
}

fn s(x: &str) -> String {
    x.to_owned()
}

#[tokio::test]
async fn every_measure_by_hand_over_two_periods_with_february_frozen() {
    let app = spawn_app().await;
    let (calls, abandoned) = scenario(&app).await;
    let m = &app.manager.token;
    let product = app
        .post_json("/api/v1/products", m, &json!({"name": "Kettle"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    // Goals are set on 10 February, so February is their first period.
    app.clock.set("2026-02-10T12:00:00Z".parse().unwrap());
    let owner = app.manager.id;
    let goal = |measure: &str, target: f64, direction: &str, extra: Value| {
        let mut g = json!({"measure": measure, "target": target, "direction": direction,
            "period": "month", "owner_id": owner});
        g.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        g
    };
    let goals = [
        goal(
            "first_response_within_standard",
            80.0,
            "at_least",
            json!({"channel": "phone"}),
        ),
        goal("resolution_within_standard", 70.0, "at_least", json!({})),
        goal("return_rate", 30.0, "at_most", json!({})),
        goal("complainants_satisfied", 60.0, "at_least", json!({})),
        goal(
            "repurchase_after_resolution",
            40.0,
            "at_least",
            json!({"days": 3}),
        ),
        goal("csat", 50.0, "at_least", json!({})),
        goal("nps", 0.0, "at_least", json!({})),
        goal(
            "complaints_per_thousand_orders",
            1000.0,
            "at_most",
            json!({}),
        ),
        goal(
            "complaints_per_thousand_orders",
            1000.0,
            "at_most",
            json!({"channel": "phone"}),
        ),
        goal(
            "calls_answered_within",
            85.0,
            "at_least",
            json!({"minutes": 2, "figure_id": calls}),
        ),
        goal("figure", 10.0, "at_most", json!({"figure_id": abandoned})),
        goal("csat", 50.0, "at_least", json!({"product_id": product})),
    ];
    let mut ids = Vec::new();
    for g in &goals {
        let made = app.post_json("/api/v1/goals", m, g).await.expect(201);
        assert_eq!(made["version"], 1);
        ids.push(made["id"].as_i64().unwrap());
    }
    app.clock.set(crate::helpers::now());

    // (February frozen, March live) per goal, computed by hand.
    let expected = [
        // A on time, B late, C never answered (past due); E is January's. March: D, F, H, K on
        // time; G not yet due.
        (
            (Some(33.33), 1, 3, s("missed")),
            (Some(100.0), 4, 4, s("on_track")),
        ),
        // A on time, B late, C past due. March: D, F, K on time, H past due, G not yet due.
        (
            (Some(33.33), 1, 3, s("missed")),
            (Some(75.0), 3, 4, s("on_track")),
        ),
        // 1 of 4 purchases returned; March: 1 of 3 (28 Feb 21:30Z is March in Istanbul).
        (
            (Some(25.0), 1, 4, s("met")),
            (Some(33.33), 1, 3, s("at_risk")),
        ),
        // A satisfied, B not. March: D by CSAT 5, F not (no answer, CSAT 2), K satisfied.
        (
            (Some(50.0), 1, 2, s("missed")),
            (Some(66.67), 2, 3, s("on_track")),
        ),
        // A bought again within 3 days, B after 4. March: D yes, F no, K too late.
        (
            (Some(50.0), 1, 2, s("met")),
            (Some(33.33), 1, 3, s("at_risk")),
        ),
        // Ratings 4 and 3; March 5, 2 and 1.
        (
            (Some(50.0), 1, 2, s("met")),
            (Some(33.33), 1, 3, s("at_risk")),
        ),
        // 10, 9, 7, 3: (2 − 1) / 4; March 0, 6, 10: (1 − 2) / 3.
        (
            (Some(25.0), 1, 4, s("met")),
            (Some(-33.33), -1, 3, s("at_risk")),
        ),
        // 3 complaints / 4 orders; March 6 (D, F, G, H, K and the e-mail one) / 3.
        (
            (Some(750.0), 3, 4, s("met")),
            (Some(2000.0), 6, 3, s("at_risk")),
        ),
        // By phone: March 5 / 3.
        (
            (Some(750.0), 3, 4, s("met")),
            (Some(1666.67), 5, 3, s("at_risk")),
        ),
        (
            (Some(80.0), 80, 100, s("missed")),
            (Some(90.0), 45, 50, s("on_track")),
        ),
        // A count figure: its value, n = the values summed.
        (
            (Some(12.0), 12, 1, s("missed")),
            (Some(7.0), 7, 1, s("on_track")),
        ),
        ((None, 0, 0, s("no_data")), (None, 0, 0, s("no_data"))),
    ];
    let list = app
        .get("/api/v1/goals", &app.viewer.token)
        .await
        .expect(200);
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), expected.len());
    for (i, (feb, march)) in expected.iter().enumerate() {
        let g = &items[i];
        assert_eq!(g["id"], ids[i]);
        assert_eq!(g["current"]["label"], "2026-03", "{g}");
        assert_eq!(
            &seen(&g["current"]),
            march,
            "goal {} march: {g}",
            g["measure"]
        );
        let trend = g["trend"].as_array().unwrap();
        assert_eq!(trend.len(), 1, "{g}");
        assert_eq!(trend[0]["label"], "2026-02");
        assert_eq!(&seen(&trend[0]), feb, "goal {} february: {g}", g["measure"]);
        assert!(!g["definition"].as_str().unwrap().is_empty());
    }
    assert_eq!(items[0]["current"]["start"], "2026-02-28T21:00:00Z");
    assert_eq!(items[0]["unit"], "percent");
    assert_eq!(items[6]["unit"], "points");
    assert_eq!(items[7]["unit"], "per_thousand");
    assert_eq!(items[10]["unit"], "sum");
    assert!(
        items[4]["definition"]
            .as_str()
            .unwrap()
            .contains("within 3 days")
    );
    assert_eq!(
        items[0]["records"],
        format!("/api/v1/goals/{}/records?period=2026-03-01", ids[0])
    );
    assert_eq!(
        items[9]["records"],
        format!("/api/v1/figures/{calls}/values?from=2026-03-01&to=2026-04-01")
    );
    let rec = app
        .get(items[0]["records"].as_str().unwrap(), &app.viewer.token)
        .await
        .expect(200);
    let counted: Vec<(i64, bool)> = rec["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_i64().unwrap(),
                r["in_numerator"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counted,
        [(105, true), (106, true), (108, true), (111, true)]
    );

    // Late data for February: an answer on time, a returned purchase, a corrected figure.
    complaint(
        &app,
        112,
        1,
        "phone",
        "complaint",
        "2026-02-20T10:00:00Z",
        Some("2026-02-20T10:10:00Z"),
        None,
        None,
    )
    .await;
    purchase(&app, 1, "2026-02-25T10:00:00Z", true).await;
    let fix = json!({"values": [{"period": "2026-02-01", "numerator": 95, "denominator": 100}]});
    app.post_json("/api/v1/figures/calls_2min/values", m, &fix)
        .await
        .expect(200);
    let live = format!("/api/v1/goals/{}/records?period=2026-02-01", ids[0]);
    let live = app.get(&live, &app.viewer.token).await.expect(200);
    assert_eq!(live["n"], json!({"numerator": 2, "denominator": 4}));
    for (i, feb) in [
        (0, (Some(33.33), 1, 3)),
        (2, (Some(25.0), 1, 4)),
        (9, (Some(80.0), 80, 100)),
    ] {
        let h = app
            .get(
                &format!("/api/v1/goals/{}/history", ids[i]),
                &app.viewer.token,
            )
            .await
            .expect(200);
        let p = &h["periods"][0];
        assert_eq!(
            (
                p["actual"].as_f64(),
                p["n"]["numerator"].as_i64().unwrap(),
                p["n"]["denominator"].as_i64().unwrap()
            ),
            feb
        );
        assert_eq!(p["frozen_at"], crate::helpers::NOW);
        assert_eq!(p["version"], 1);
    }

    // A change is a new version; February keeps the target it was measured against.
    let changed = app
        .patch_json(
            &format!("/api/v1/goals/{}", ids[0]),
            m,
            &json!({"target": 90}),
        )
        .await
        .expect(200);
    assert_eq!(
        (changed["version"].as_i64(), changed["target"].as_f64()),
        (Some(2), Some(90.0))
    );
    assert_eq!(changed["channel"], "phone");
    assert_eq!(changed["trend"][0]["target"], 80.0);

    // In April, March closes under version 2: G was never answered, so 4 of 5 (80 < 90).
    app.clock.set("2026-04-02T00:00:00Z".parse().unwrap());
    let h = app
        .get(
            &format!("/api/v1/goals/{}/history", ids[0]),
            &app.viewer.token,
        )
        .await
        .expect(200);
    let versions: Vec<i64> = h["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_i64().unwrap())
        .collect();
    assert_eq!(versions, [1, 2]);
    assert_eq!(h["versions"][0]["target"], 80.0);
    let periods = h["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2);
    assert_eq!(seen(&periods[0]), (Some(33.33), 1, 3, s("missed")));
    assert_eq!(seen(&periods[1]), (Some(80.0), 4, 5, s("missed")));
    assert_eq!(
        (
            periods[1]["version"].as_i64(),
            periods[1]["target"].as_f64()
        ),
        (Some(2), Some(90.0))
    );

    for statement in [
        "UPDATE goal_versions SET target_hundredths = 1",
        "DELETE FROM goal_versions",
        "UPDATE goal_results SET numerator = 3",
        "DELETE FROM goal_results",
    ] {
        let refused = tend_store::testing::execute(&app.database_url, statement).await;
        assert!(
            refused.is_err_and(|e| e.contains("append-only")),
            "{statement}"
        );
    }
}

#[tokio::test]
async fn refusals_name_the_field_and_only_managers_write() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let base = json!({"measure": "csat", "target": 80, "direction": "at_least", "period": "quarter",
        "owner_id": app.agent.id});
    let cases = [
        (
            json!({"target": 120}),
            "target",
            "from 0 to 100 with at most 2 decimals (got 120)",
        ),
        (json!({"target": 80.125}), "target", "at most 2 decimals"),
        (
            json!({"measure": "happiness"}),
            "measure",
            "must be one of first_response_within_standard",
        ),
        (
            json!({"owner_id": 999}),
            "owner_id",
            "no employee with id 999",
        ),
        (
            json!({"measure": "nps", "target": -20, "channel": "phone"}),
            "channel",
            "does not apply to the measure nps",
        ),
        (
            json!({"measure": "repurchase_after_resolution"}),
            "days",
            "is required",
        ),
        (
            json!({"measure": "calls_answered_within", "minutes": 2, "figure_id": 7}),
            "figure_id",
            "must be a ratio figure",
        ),
        (
            json!({"period": "week"}),
            "period",
            "must be one of month, quarter, year",
        ),
    ];
    for (change, field, text) in &cases {
        let mut body = base.clone();
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        let r = app.post_json("/api/v1/goals", m, &body).await;
        r.expect_error(422, "validation_failed", Some(field));
        let said = r.body["error"]["fields"][field].as_str().unwrap();
        assert!(said.contains(text), "{field}: {said}");
    }
    let r = app
        .post_json(
            "/api/v1/goals",
            m,
            &json!({"measure": "csat", "colour": "red"}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 422);
    assert_eq!(
        app.get("/api/v1/goals", &app.viewer.token)
            .await
            .expect(200)["items"],
        json!([])
    );

    for token in [&app.agent.token, &app.viewer.token] {
        let r = app.post_json("/api/v1/goals", token, &base).await;
        assert_eq!(r.status.as_u16(), 403);
    }
    let made = app
        .post_json("/api/v1/goals", &app.admin_token, &base)
        .await
        .expect(201);
    let path = format!("/api/v1/goals/{}", made["id"]);
    assert_eq!(made["current"]["label"], "2026-Q1");
    assert_eq!(made["current"]["status"], "no_data");
    let r = app
        .patch_json(&path, &app.agent.token, &json!({"target": 70}))
        .await;
    assert_eq!(r.status.as_u16(), 403);
    let r = app.patch_json(&path, m, &json!({"target": -1})).await;
    r.expect_error(422, "validation_failed", Some("target"));
    let r = app
        .patch_json(&path, m, &json!({"rolling": true, "name": "CSAT, rolling"}))
        .await
        .expect(200);
    assert_eq!(r["current"]["label"], "2025-12-07 – 2026-03-06");
    assert_eq!(r["name"], "CSAT, rolling");
    assert_eq!(r["records"], format!("{path}/records"));
    let h = app
        .get(&format!("{path}/history"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(h["versions"].as_array().unwrap().len(), 2);
    assert_eq!(
        app.get("/api/v1/goals/999", &app.viewer.token)
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(app.get("/api/v1/goals", "nope").await.status.as_u16(), 401);
    let doc = app
        .get("/api/openapi.json", &app.viewer.token)
        .await
        .expect(200);
    for p in [
        "/api/v1/goals",
        "/api/v1/goals/{id}",
        "/api/v1/goals/{id}/history",
    ] {
        assert!(doc["paths"].get(p).is_some(), "{p}");
    }
}
