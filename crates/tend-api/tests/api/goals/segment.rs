//! Goals scoped to a segment, one per catalogue measure that takes one, by hand over February
//! (closed, frozen) and March (open, live), with members' and non-members' records in both;
//! then late records that would change February — which stays frozen — and March moving. (The
//! measures without a segment scope refuse one: `segments::goals`.)
//!
//! The company's zone is UTC: February is [1 Feb, 1 Mar), March runs to the clock, 6 March
//! 15:30Z. Phone's standard for normal priority: first response 60 minutes, resolution 1,440
//! (service hours: always open). The segment is "country ES": Ana, Bea and Cem are members;
//! Xan and Yusuf (TR) are not.

use serde_json::{Value, json};

use super::scenario::{Row, complaint, csat, purchase, s, seen};
use crate::helpers::{NOW, TestApp, spawn_app};

/// The scoped measures, in the order of the hand computations below.
const MEASURES: [&str; 7] = [
    "first_response_within_standard",
    "resolution_within_standard",
    "return_rate",
    "complainants_satisfied",
    "repurchase_after_resolution",
    "csat",
    "complaints_per_thousand_orders",
];

async fn customer(app: &TestApp, name: &str, country: &str) -> i64 {
    let c = json!({"name": name, "country": country});
    app.post_json("/api/v1/customers", &app.agent.token, &c)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap()
}

/// (actual, numerator, denominator) of a period view.
fn n(p: &Value) -> (Option<f64>, i64, i64) {
    let (actual, num, den, _) = seen(p);
    (actual, num, den)
}

#[tokio::test]
async fn every_segment_scoped_measure_by_hand_with_february_frozen() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let targets =
        json!({"targets": {"normal": {"first_response_minutes": 60, "resolution_minutes": 1440}}});
    app.put_json("/api/v1/channels/phone/response-standards", m, &targets)
        .await
        .expect(200);
    let (a, b, c) = (
        customer(&app, "Ana", "ES").await,
        customer(&app, "Bea", "ES").await,
        customer(&app, "Cem", "ES").await,
    );
    let (x, y) = (
        customer(&app, "Xan", "TR").await,
        customer(&app, "Yusuf", "TR").await,
    );
    // (id, customer, channel, kind, received, first response, resolved, follow-up outcome)
    #[rustfmt::skip]
    let rows: [Row; 12] = [
        // February. 201 Ana: answered in 30 min, resolved in 10 h, satisfied.
        (201, a, "phone", "complaint", "2026-02-02T10:00:00Z", Some("2026-02-02T10:30:00Z"), Some("2026-02-02T20:00:00Z"), Some("satisfied")),
        // 202 Bea: answered after 2 h, resolved after 72 h (both late), not satisfied.
        (202, b, "phone", "complaint", "2026-02-03T10:00:00Z", Some("2026-02-03T12:00:00Z"), Some("2026-02-06T10:00:00Z"), Some("not_satisfied")),
        // 203 Cem: never answered, long past both due times.
        (203, c, "phone", "complaint", "2026-02-10T10:00:00Z", None, None, None),
        // Ana's feedback counts nowhere (kind complaint only).
        (206, a, "phone", "feedback", "2026-02-11T10:00:00Z", Some("2026-02-11T10:05:00Z"), Some("2026-02-11T11:00:00Z"), Some("satisfied")),
        // Non-members, all on time and satisfied: in no scoped number.
        (204, x, "phone", "complaint", "2026-02-04T10:00:00Z", Some("2026-02-04T10:10:00Z"), Some("2026-02-04T12:00:00Z"), Some("satisfied")),
        (205, y, "phone", "complaint", "2026-02-05T10:00:00Z", Some("2026-02-05T10:20:00Z"), Some("2026-02-05T11:00:00Z"), Some("satisfied")),
        // March. 211 Ana: answered in 30 min, resolved in 23 h, no follow-up answer (CSAT 5).
        (211, a, "phone", "complaint", "2026-03-02T09:00:00Z", Some("2026-03-02T09:30:00Z"), Some("2026-03-03T08:00:00Z"), None),
        // 212 Bea: answered in 30 min, resolved in 6 h, satisfied (her CSAT 2 is overruled).
        (212, b, "phone", "complaint", "2026-03-02T12:00:00Z", Some("2026-03-02T12:30:00Z"), Some("2026-03-02T18:00:00Z"), Some("satisfied")),
        // 213 Cem: answered in 20 min, unresolved; resolution was due 6 March 10:00 (past).
        (213, c, "phone", "complaint", "2026-03-05T10:00:00Z", Some("2026-03-05T10:20:00Z"), None, None),
        // 214 Cem: received 30 min ago, neither due yet (16:00 and 7 March 15:00).
        (214, c, "phone", "complaint", "2026-03-06T15:00:00Z", None, None, None),
        // Non-members: late and unanswered ones that would pull the numbers down.
        (215, x, "phone", "complaint", "2026-03-03T10:00:00Z", Some("2026-03-03T13:00:00Z"), None, None),
        (217, y, "phone", "complaint", "2026-03-04T10:00:00Z", None, None, None),
    ];
    for row in rows {
        complaint(&app, row).await;
    }
    // CSAT answers: (request, complaint, rating, answered).
    for (id, complaint, rating, at) in [
        (401, 201, 4, "2026-02-03T10:00:00Z"),
        (402, 202, 3, "2026-02-07T10:00:00Z"),
        (403, 204, 5, "2026-02-05T10:00:00Z"),
        (404, 211, 5, "2026-03-03T10:00:00Z"),
        (405, 212, 2, "2026-03-03T11:00:00Z"),
        (406, 215, 1, "2026-03-04T10:00:00Z"),
    ] {
        csat(&app, id, complaint, rating, at).await;
    }
    // Purchases: (customer, when, returned).
    for (who, at, returned) in [
        (a, "2026-02-04T10:00:00Z", false),
        (b, "2026-02-10T10:00:00Z", true),
        (c, "2026-02-15T10:00:00Z", false),
        (x, "2026-02-05T10:00:00Z", true),
        (y, "2026-02-20T10:00:00Z", false),
        (a, "2026-03-04T10:00:00Z", false),
        (c, "2026-03-05T10:00:00Z", true),
        (y, "2026-03-02T10:00:00Z", true),
    ] {
        purchase(&app, who, at, returned).await;
    }
    let spain = json!({"name": "Spain", "country": "ES"});
    let seg = app
        .post_json("/api/v1/segments", m, &spain)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();

    // Goals set on 10 February, so February is their first period.
    app.clock.set("2026-02-10T12:00:00Z".parse().unwrap());
    let mut ids = Vec::new();
    for measure in MEASURES {
        let mut g = json!({"measure": measure, "target": 50.0, "direction": "at_least",
            "period": "month", "owner_id": app.manager.id, "segment_id": seg});
        if measure == "repurchase_after_resolution" {
            g["days"] = json!(3);
        }
        if measure == "return_rate" {
            g["target"] = json!(40.0);
            g["direction"] = json!("at_most");
        }
        if measure == "complaints_per_thousand_orders" {
            g["target"] = json!(1500.0);
            g["direction"] = json!("at_most");
        }
        let made = app.post_json("/api/v1/goals", m, &g).await.expect(201);
        assert_eq!(made["segment_id"], seg, "{made}");
        ids.push(made["id"].as_i64().unwrap());
    }
    app.clock.set(crate::helpers::now());

    // (February, frozen; March, live) per goal — members' records only.
    #[rustfmt::skip]
    let expected = [
        // First response. February: 201 on time (30 ≤ 60 min); 202 late (120 min); 203 past
        // due → 1 / 3 = 33.33. March: 211, 212 (30 min) and 213 (20 min) on time; 214 not due
        // → 3 / 3 = 100.
        ((Some(33.33), 1, 3, s("missed")), (Some(100.0), 3, 3, s("on_track"))),
        // Resolution. February: 201 in 10 h on time; 202 in 72 h late; 203 past due → 1 / 3.
        // March: 211 (23 h) and 212 (6 h) on time; 213 past due; 214 not due → 2 / 3 = 66.67.
        ((Some(33.33), 1, 3, s("missed")), (Some(66.67), 2, 3, s("on_track"))),
        // Return rate. February: Ana's, Bea's (returned), Cem's → 1 / 3 = 33.33 (Xan's returned
        // one is not a member's). March: Ana's, Cem's (returned) → 1 / 2 = 50.
        // (At most 40 %.)
        ((Some(33.33), 1, 3, s("met")), (Some(50.0), 1, 2, s("at_risk"))),
        // Complainants satisfied. February resolutions: Ana (201 satisfied), Bea (202 not) →
        // 1 / 2 = 50. March: Ana (211: no follow-up answer, CSAT 5 → yes), Bea (212 satisfied)
        // → 2 / 2 = 100.
        ((Some(50.0), 1, 2, s("met")), (Some(100.0), 2, 2, s("on_track"))),
        // Repurchase within 3 days. February: Ana (201 resolved 2 Feb 20:00, bought 4 Feb 10:00:
        // yes), Bea (202 resolved 6 Feb 10:00, bought 10 Feb 10:00, 4 days: no) → 1 / 2.
        // March: Ana (211 resolved 3 Mar 08:00, window ended 6 Mar 08:00; bought 4 Mar: yes),
        // Bea (212 resolved 2 Mar 18:00, window ended 5 Mar 18:00; no purchase: no) → 1 / 2.
        ((Some(50.0), 1, 2, s("met")), (Some(50.0), 1, 2, s("on_track"))),
        // CSAT. February: 401 (4) yes, 402 (3) no → 1 / 2; March: 404 (5) yes, 405 (2) no →
        // 1 / 2 (403 and 406 are non-members' complaints).
        ((Some(50.0), 1, 2, s("met")), (Some(50.0), 1, 2, s("on_track"))),
        // Complaints per 1,000 orders. February: 201, 202, 203 (206 is feedback) over Ana's,
        // Bea's and Cem's orders → 3 / 3 × 1,000 = 1,000. March: 211, 212, 213, 214 over Ana's
        // and Cem's → 4 / 2 × 1,000 = 2,000.
        ((Some(1000.0), 3, 3, s("met")), (Some(2000.0), 4, 2, s("at_risk"))),
    ];
    let v = &app.viewer.token;
    for (i, (feb, march)) in expected.iter().enumerate() {
        let g = app
            .get(&format!("/api/v1/goals/{}", ids[i]), v)
            .await
            .expect(200);
        assert_eq!(g["current"]["label"], "2026-03", "{g}");
        assert_eq!(&seen(&g["current"]), march, "{} march: {g}", MEASURES[i]);
        let trend = g["trend"].as_array().unwrap();
        assert_eq!(trend.len(), 1, "{g}");
        assert_eq!(trend[0]["label"], "2026-02");
        assert_eq!(&seen(&trend[0]), feb, "{} february: {g}", MEASURES[i]);
    }
    // The list behind February's first-response number names members' complaints only.
    let rec = app
        .get(
            &format!("/api/v1/goals/{}/records?period=2026-02-01", ids[0]),
            v,
        )
        .await
        .expect(200);
    let counted: Vec<(i64, bool)> = rec["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_i64().unwrap(), r["in_numerator"] == true))
        .collect();
    assert_eq!(counted, [(201, true), (202, false), (203, false)]);

    // Late February records for Cem, a member: 207 answered in 10 min, resolved in 1 h,
    // satisfied, CSAT 5 on 21 Feb; a purchase on 21 Feb 10:00 (within 3 days), returned.
    let late: Row = (
        207,
        c,
        "phone",
        "complaint",
        "2026-02-20T10:00:00Z",
        Some("2026-02-20T10:10:00Z"),
        Some("2026-02-20T11:00:00Z"),
        Some("satisfied"),
    );
    complaint(&app, late).await;
    csat(&app, 407, 207, 5, "2026-02-21T10:00:00Z").await;
    purchase(&app, c, "2026-02-21T10:00:00Z", true).await;
    // New March records for Bea: 216 answered in 5 min, resolved in 1 h, not satisfied, CSAT 1;
    // a purchase on 5 Mar 15:00 (within 212's window, which ends 5 Mar 18:00).
    let new: Row = (
        216,
        b,
        "phone",
        "complaint",
        "2026-03-05T12:00:00Z",
        Some("2026-03-05T12:05:00Z"),
        Some("2026-03-05T13:00:00Z"),
        Some("not_satisfied"),
    );
    complaint(&app, new).await;
    csat(&app, 408, 216, 1, "2026-03-05T14:00:00Z").await;
    purchase(&app, b, "2026-03-05T15:00:00Z", false).await;

    // February measured live now (what the late records would make it) and March.
    #[rustfmt::skip]
    let after = [
        // First response. February live: + 207 on time → 2 / 4. March: + 216 on time → 4 / 4.
        ((Some(50.0), 2, 4), (Some(100.0), 4, 4)),
        // Resolution. February: + 207 on time → 2 / 4. March: + 216 (1 h) on time → 3 / 4.
        ((Some(50.0), 2, 4), (Some(75.0), 3, 4)),
        // Return rate. February: + Cem's returned one → 2 / 4. March: + Bea's → 1 / 3.
        ((Some(50.0), 2, 4), (Some(33.33), 1, 3)),
        // Satisfied. February: + Cem (207 satisfied) → 2 / 3. March: Bea's latest resolution
        // is now 216 (not satisfied) → Ana only, 1 / 2.
        ((Some(66.67), 2, 3), (Some(50.0), 1, 2)),
        // Repurchase. February: + Cem (207 resolved 20 Feb 11:00, bought 21 Feb) → 2 / 3.
        // March: Bea bought within 212's window → 2 / 2; 216's window ends 8 Mar (not counted).
        ((Some(66.67), 2, 3), (Some(100.0), 2, 2)),
        // CSAT. February: + 407 (5) → 2 / 3. March: + 408 (1) → 1 / 3.
        ((Some(66.67), 2, 3), (Some(33.33), 1, 3)),
        // Per 1,000 orders. February: 4 complaints / 4 orders. March: 5 / 3 → 1,666.67.
        ((Some(1000.0), 4, 4), (Some(1666.67), 5, 3)),
    ];
    for (i, (feb_live, march)) in after.iter().enumerate() {
        let g = app
            .get(&format!("/api/v1/goals/{}", ids[i]), v)
            .await
            .expect(200);
        assert_eq!(&n(&g["current"]), march, "{} march after: {g}", MEASURES[i]);
        // February stays as frozen.
        let frozen = &expected[i].0;
        assert_eq!(&seen(&g["trend"][0]), frozen, "{} frozen: {g}", MEASURES[i]);
        let h = app
            .get(&format!("/api/v1/goals/{}/history", ids[i]), v)
            .await
            .expect(200);
        assert_eq!(h["periods"][0]["frozen_at"], NOW, "{h}");
        assert_eq!(&seen(&h["periods"][0]), frozen, "{h}");
        // The records behind February, measured now, show what the late records changed.
        let live = app
            .get(
                &format!("/api/v1/goals/{}/records?period=2026-02-01", ids[i]),
                v,
            )
            .await
            .expect(200);
        let live_n = (
            live["n"]["numerator"].as_i64(),
            live["n"]["denominator"].as_i64(),
        );
        assert_eq!(
            live_n,
            (Some(feb_live.1), Some(feb_live.2)),
            "{} february live: {live}",
            MEASURES[i]
        );
    }
}
