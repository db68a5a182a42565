//! `/api/v1/problems`: the top problems ranking over a scenario computed by hand — complaints,
//! compensation, returns, repeat purchases, an actionability mark, a change of weights — and the
//! previous period compared.

use serde_json::{Value, json};
use tend_testkit::TestApp;

use crate::helpers::spawn_app;

fn set_clock(app: &TestApp, at: &str) {
    app.clock.set(at.parse().unwrap());
}

async fn category(app: &TestApp, name: &str, parent: Option<i64>) -> i64 {
    let body = json!({"name": name, "parent_id": parent});
    let c = app.post_json("/api/v1/categories", &app.manager.token, &body);
    c.await.expect(201)["id"].as_i64().unwrap()
}

/// A complaint received at `at` (the clock is set there); returns (id, reference).
async fn complaint(
    app: &TestApp,
    at: &str,
    customer: i64,
    cat: i64,
    product: Option<i64>,
) -> (i64, String) {
    set_clock(app, at);
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "It went wrong.",
        "category_id": cat, "product_id": product});
    let c = app.create_complaint_with(&draft).await;
    (
        c["id"].as_i64().unwrap(),
        c["reference"].as_str().unwrap().to_owned(),
    )
}

/// Takes the complaint through the method and resolves it at `at` with `amount` EUR.
async fn resolve(app: &TestApp, id: i64, at: &str, amount: &str) {
    set_clock(app, at);
    for step in [
        json!({"action": "understand", "facts": "Seen."}),
        json!({"action": "identify_cause", "root_cause": "Packing", "responsible_party": "shipping"}),
        json!({"action": "agree_solution", "agreed_solution": "Refund", "solution_mode": "on_the_spot"}),
        json!({"action": "resolve", "corrective_action": "Refunded",
            "compensation": {"kind": "refund", "amount": amount, "currency": "EUR"}}),
    ] {
        app.act(id, &step).await.expect(200);
    }
}

async fn purchase(app: &TestApp, customer: i64, day: &str, amount: &str, returned: bool) {
    let t = json!({"customer_id": customer, "occurred_at": day, "product": "Jar",
        "amount": amount, "currency": "EUR", "returned": returned});
    app.post_json("/api/v1/transactions", &app.agent.token, &t)
        .await
        .expect(201);
}

fn row(list: &Value, cat: i64) -> &Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["category_id"] == cat)
        .unwrap()
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap();
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

#[tokio::test]
async fn problems_ranking_evidence_weights_and_actionability_match_hand_counts() {
    let app = spawn_app().await;
    let delivery = category(&app, "Delivery", None).await;
    let broken = category(&app, "Broken on arrival", Some(delivery)).await;
    let billing = category(&app, "Billing", None).await;
    let attitude = category(&app, "Attitude", None).await;
    let late = category(&app, "Late", None).await;
    let body = json!({"name": "Jar"});
    let jar = app.post_json("/api/v1/products", &app.manager.token, &body);
    let jar = jar.await.expect(201)["id"].as_i64().unwrap();
    let mut c = Vec::new();
    for i in 1..=6 {
        c.push(app.create_customer_named(&format!("Customer {i}")).await);
    }
    // December (the previous period): Broken 1, Billing 3, Late 1.
    complaint(&app, "2025-12-15T10:00:00Z", c[1], broken, Some(jar)).await;
    for d in ["2025-12-02", "2025-12-03", "2025-12-04"] {
        complaint(&app, &format!("{d}T10:00:00Z"), c[3], billing, None).await;
    }
    complaint(&app, "2025-12-20T10:00:00Z", c[4], late, None).await;
    // January: Broken 3 (c1, c2 about the jar, c3 without product), Billing 2 (c4 twice),
    // Attitude 1 and Late 1 (c5), one uncategorised (c6).
    let (b1, r1) = complaint(&app, "2026-01-02T09:00:00Z", c[0], broken, Some(jar)).await;
    let (b2, r2) = complaint(&app, "2026-01-03T09:00:00Z", c[1], broken, Some(jar)).await;
    let (_, r3) = complaint(&app, "2026-01-04T09:00:00Z", c[2], broken, None).await;
    let (bi1, _) = complaint(&app, "2026-01-08T09:00:00Z", c[3], billing, None).await;
    complaint(&app, "2026-01-09T09:00:00Z", c[3], billing, None).await;
    complaint(&app, "2026-01-10T09:00:00Z", c[4], attitude, None).await;
    complaint(&app, "2026-01-11T09:00:00Z", c[4], late, None).await;
    set_clock(&app, "2026-01-12T09:00:00Z");
    app.create_complaint(c[5]).await;
    resolve(&app, b1, "2026-01-05T12:00:00Z", "10.00").await;
    resolve(&app, b2, "2026-01-10T12:00:00Z", "5.00").await;
    resolve(&app, bi1, "2026-01-12T12:00:00Z", "50.00").await;
    set_clock(&app, "2026-03-06T15:30:00Z");
    // Returns: c1's jar in January counts (20.00); c2's was in December, c3 named no product.
    purchase(&app, c[0], "2026-01-03", "20.00", true).await;
    purchase(&app, c[1], "2025-12-20", "7.00", true).await;
    purchase(&app, c[2], "2026-01-15", "9.00", true).await;
    // Bought again within 30 days of resolution: c1 yes (Jan 20); c2 only after (Feb 15); c4 never.
    purchase(&app, c[0], "2026-01-20", "3.00", false).await;
    purchase(&app, c[1], "2026-02-15", "3.00", false).await;
    // Attitude is not actionable.
    let mark = json!({"actionable": false, "note": "Taste, not a process"});
    let path = format!("/api/v1/problems/{attitude}/actionability");
    app.put_json(&path, &app.agent.token, &mark)
        .await
        .expect_error(403, "forbidden", None);
    let m = app
        .put_json(&path, &app.manager.token, &mark)
        .await
        .expect(200);
    assert_eq!(
        (m["actionable"].clone(), m["set_by"].clone()),
        (json!(false), json!(app.manager.id))
    );

    let q = "/api/v1/problems?from=2026-01-01&to=2026-02-01&lost_days=30";
    let p = app.get(q, &app.viewer.token).await.expect(200);
    assert_eq!(p["complainants"], 6);
    assert_eq!(
        (p["previous_from"].as_str(), p["previous_to"].as_str()),
        (Some("2025-12-01"), Some("2026-01-01"))
    );
    assert_eq!(
        p["weights"],
        json!({"frequency": 40, "cost": 40, "lost": 20, "listening": 20, "set_by": null, "set_at": null})
    );
    assert_eq!(p["sources"]["survey_answers"], false);
    // Nobody listened: V and its weight are left out, the scores below are over 100.
    assert_eq!(p["ranked"][0]["listening"], json!(null));
    let ranked: Vec<i64> = p["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["category_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ranked, vec![broken, billing, late]);
    let a = row(&p["ranked"], broken);
    assert_eq!(a["category"], "Delivery / Broken on arrival");
    assert_eq!(
        [
            &a["complaints"],
            &a["customers"],
            &a["compensation_minor"],
            &a["returns_minor"],
            &a["cost_minor"],
            &a["customers_lost"],
            &a["lost_base"],
            &a["previous_complaints"],
            &a["trend"]
        ],
        [
            &json!(3),
            &json!(3),
            &json!(1500),
            &json!(2000),
            &json!(3500),
            &json!(1),
            &json!(2),
            &json!(1),
            &json!("rising")
        ]
    );
    close(&a["customer_share"], 0.5);
    // F = 3/3, C = 3500/5000, L = 1/1: (40 + 28 + 20)/100.
    close(&a["score"], 0.88);
    let b = row(&p["ranked"], billing);
    assert_eq!(
        [
            &b["complaints"],
            &b["customers"],
            &b["cost_minor"],
            &b["customers_lost"],
            &b["previous_complaints"],
            &b["trend"]
        ],
        [
            &json!(2),
            &json!(1),
            &json!(5000),
            &json!(1),
            &json!(3),
            &json!("falling")
        ]
    );
    close(&b["customer_share"], 1.0 / 6.0);
    close(&b["score"], (40.0 * 2.0 / 3.0 + 40.0 + 20.0) / 100.0);
    let d = row(&p["ranked"], late);
    assert_eq!(
        (&d["trend"], &d["cost_minor"]),
        (&json!("steady"), &json!(0))
    );
    close(&d["score"], 40.0 / 3.0 / 100.0);
    let na = &p["not_actionable"];
    assert_eq!(na.as_array().unwrap().len(), 1);
    let n = row(na, attitude);
    assert_eq!(
        (&n["rank"], &n["score"], &n["note"]),
        (&json!(null), &json!(null), &json!("Taste, not a process"))
    );
    let top = p["top"].as_array().unwrap();
    assert_eq!(top.len(), 3);
    assert_eq!(top[0]["samples"], json!([r1, r2, r3]));
    assert_eq!(
        (&top[0]["cost_minor"], &top[1]["customers_lost"]),
        (&json!(3500), &json!(1))
    );

    // Cost weighs most: Billing (10·2/3 + 80 + 10)/100 passes Broken (10 + 56 + 10)/100.
    let w = json!({"frequency": 10, "cost": 80, "lost": 10});
    app.put_json("/api/v1/problems/weights", &app.agent.token, &w)
        .await
        .expect_error(403, "forbidden", None);
    let bad = json!({"frequency": 10, "cost": 101, "lost": 10});
    app.put_json("/api/v1/problems/weights", &app.manager.token, &bad)
        .await
        .expect_error(422, "validation_failed", Some("cost"));
    let h = app
        .put_json("/api/v1/problems/weights", &app.manager.token, &w)
        .await
        .expect(200);
    assert_eq!(h["changes"].as_array().unwrap().len(), 1);
    assert_eq!(h["current"]["set_by"], app.manager.id);
    let p = app.get(q, &app.viewer.token).await.expect(200);
    let ranked: Vec<i64> = p["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["category_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ranked, vec![billing, broken, late]);
    close(&row(&p["ranked"], broken)["score"], 0.76);
    close(
        &row(&p["ranked"], billing)["score"],
        (10.0 * 2.0 / 3.0 + 80.0 + 10.0) / 100.0,
    );
}

#[tokio::test]
async fn problems_bad_periods_and_categories_are_named() {
    let app = spawn_app().await;
    let v = &app.viewer.token;
    app.get("/api/v1/problems?from=2026-02-01&to=2026-01-01", v)
        .await
        .expect_error(422, "validation_failed", Some("to"));
    app.get("/api/v1/problems?from=2026-13-01", v)
        .await
        .expect_error(422, "validation_failed", Some("from"));
    app.get("/api/v1/problems?lost_days=0", v)
        .await
        .expect_error(422, "validation_failed", Some("lost_days"));
    let mark = json!({"actionable": true});
    app.put_json(
        "/api/v1/problems/999/actionability",
        &app.manager.token,
        &mark,
    )
    .await
    .expect_error(404, "not_found", None);
    // No complaints: nothing ranked, Tend's default weights.
    let p = app.get("/api/v1/problems", v).await.expect(200);
    assert_eq!(
        (
            p["ranked"].as_array().unwrap().len(),
            &p["weights"]["frequency"]
        ),
        (0, &json!(40))
    );
}

/// `/api/v1/problems/focus`: managers adopt one to three categories, in order, kept with the
/// period, who and when; a refusal names `categories` and stores nothing; staff read.
#[tokio::test]
async fn focus_problems_are_adopted_in_order_and_refused_by_field() {
    let app = spawn_app().await;
    let a = category(&app, "Defective", None).await;
    let b = category(&app, "Late", None).await;
    let c = category(&app, "Courier", Some(b)).await;
    let none = app
        .get("/api/v1/problems/focus", &app.agent.token)
        .await
        .expect(200);
    assert_eq!(none["current"], Value::Null);
    let m = &app.manager.token;
    for (body, why) in [
        (
            json!({"categories": []}),
            "must name from 1 to 3 categories (got 0)",
        ),
        (
            json!({"categories": [a, b, c, a]}),
            "must name from 1 to 3 categories (got 4)",
        ),
        (
            json!({"categories": [a, b, a]}),
            &*format!("names category {a} twice"),
        ),
        (
            json!({"categories": [a, 9_999]}),
            "no category with id 9999",
        ),
    ] {
        let r = app.post_json("/api/v1/problems/focus", m, &body).await;
        r.expect_error(422, "validation_failed", Some("categories"));
        assert_eq!(r.body["error"]["fields"]["categories"], why);
    }
    app.post_json(
        "/api/v1/problems/focus",
        m,
        &json!({"categories": [a], "from": "2026-05-01", "to": "2026-04-01"}),
    )
    .await
    .expect_error(422, "validation_failed", Some("to"));
    assert_eq!(
        tend_store::testing::count(&app.database_url, "problem_focus").await,
        0
    );
    app.post_json(
        "/api/v1/problems/focus",
        &app.agent.token,
        &json!({"categories": [a]}),
    )
    .await
    .expect(403);

    set_clock(&app, "2026-04-15T09:00:00Z");
    let v = app
        .post_json(
            "/api/v1/problems/focus",
            m,
            &json!({"categories": [c, a], "from": "2026-03-01", "to": "2026-04-01"}),
        )
        .await
        .expect(201);
    assert_eq!(
        v["categories"],
        json!([{"id": c, "path": "Late / Courier"}, {"id": a, "path": "Defective"}])
    );
    assert_eq!(
        (v["from"].as_str(), v["to"].as_str()),
        (Some("2026-03-01"), Some("2026-04-01"))
    );
    set_clock(&app, "2026-04-16T09:00:00Z");
    app.post_json("/api/v1/problems/focus", m, &json!({"categories": [b]}))
        .await
        .expect(201);
    let all = app
        .get("/api/v1/problems/focus", &app.agent.token)
        .await
        .expect(200);
    assert_eq!(
        all["current"]["categories"],
        json!([{"id": b, "path": "Late"}])
    );
    assert_eq!(all["adoptions"].as_array().unwrap().len(), 2);
    assert_eq!(all["adoptions"][1]["id"], v["id"]);
}
