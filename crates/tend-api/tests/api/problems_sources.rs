//! The ranking's listening sources and linked figures over a scenario computed by hand: coded
//! survey answers (through codes linked to categories), focus-group findings, a vendor's and an
//! internal figure and a computed one linked as evidence, with complaints, compensation and a
//! customer lost — the documented ranking, the top three's evidence and the records behind
//! the voices; the links' refusals by field and role.

use serde_json::{Value, json};
use tend_testkit::TestApp;

use crate::helpers::spawn_app;

fn set_clock(app: &TestApp, at: &str) {
    app.clock.set(at.parse().unwrap());
}

fn us(t: &str) -> i64 {
    t.parse::<jiff::Timestamp>().unwrap().as_microsecond()
}

async fn sql(app: &TestApp, statement: &str) {
    tend_store::testing::execute(&app.database_url, statement)
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

async fn id_of(app: &TestApp, path: &str, body: Value) -> i64 {
    let r = app.post_json(path, &app.manager.token, &body).await;
    r.expect(201)["id"].as_i64().unwrap()
}

async fn complaint(app: &TestApp, at: &str, customer: i64, cat: i64) -> i64 {
    set_clock(app, at);
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "Wrong.",
        "category_id": cat});
    app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap()
}

/// An open answer `text` of survey `survey` completed at `done`, coded with `codes`.
async fn answer(app: &TestApp, survey: i64, id: i64, text: &str, done: &str, codes: &[i64]) {
    let t = us(done);
    sql(app, &format!(
        "INSERT INTO survey_responses (id, survey_id, key_digest, channel, language, page, \
         started_at, updated_at, completed_at) VALUES ({id}, {survey}, 'k{id}', 'public', 'en', 1, {t}, {t}, {t})"
    ))
    .await;
    sql(
        app,
        &format!(
            "INSERT INTO survey_answers (response_id, question, text) VALUES ({id}, 0, '{text}')"
        ),
    )
    .await;
    let path = format!("/api/v1/surveys/{survey}/answers/{id}/0/codes");
    app.put_json(&path, &app.manager.token, &json!({"codes": codes}))
        .await
        .expect(200);
}

fn row(p: &Value, cat: i64) -> &Value {
    p["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["category_id"] == cat)
        .unwrap()
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or(f64::NAN);
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

#[tokio::test]
async fn voices_and_linked_figures_rank_and_evidence_match_hand_counts() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let cat = |n: &'static str| id_of(&app, "/api/v1/categories", json!({"name": n}));
    let (defective, late, rude, packaging) = (
        cat("Defective").await,
        cat("Late").await,
        cat("Rude").await,
        cat("Packaging").await,
    );
    let mut c = Vec::new();
    for i in 1..=6 {
        c.push(app.create_customer_named(&format!("Customer {i}")).await);
    }
    // January: Defective 2 (c1 resolved with 30.00 EUR, c2), Late 4 (c3, c4 twice, c5), Rude 1.
    let d1 = complaint(&app, "2026-01-02T09:00:00Z", c[0], defective).await;
    complaint(&app, "2026-01-03T09:00:00Z", c[1], defective).await;
    complaint(&app, "2026-01-04T09:00:00Z", c[2], late).await;
    complaint(&app, "2026-01-05T09:00:00Z", c[3], late).await;
    complaint(&app, "2026-01-06T09:00:00Z", c[3], late).await;
    complaint(&app, "2026-01-07T09:00:00Z", c[4], late).await;
    complaint(&app, "2026-01-08T09:00:00Z", c[5], rude).await;
    set_clock(&app, "2026-01-05T12:00:00Z");
    for step in [
        json!({"action": "understand", "facts": "Seen."}),
        json!({"action": "identify_cause", "root_cause": "Supplier", "responsible_party": "vendor"}),
        json!({"action": "agree_solution", "agreed_solution": "Refund", "solution_mode": "on_the_spot"}),
        json!({"action": "resolve", "corrective_action": "Refunded",
            "compensation": {"kind": "refund", "amount": "30.00", "currency": "EUR"}}),
    ] {
        app.act(d1, &step).await.expect(200);
    }
    set_clock(&app, "2026-03-01T12:00:00Z");
    // c1 returns what they bought on 10 January (not a kept purchase: lost after 30 days);
    // c2 keeps theirs. January's computed return rate: 1 ÷ 2.
    for (who, day, returned) in [(c[0], "2026-01-10", true), (c[1], "2026-01-12", false)] {
        let t = json!({"customer_id": who, "occurred_at": day, "product": "Jar",
            "amount": "20.00", "currency": "EUR", "returned": returned});
        app.post_json("/api/v1/transactions", &app.agent.token, &t)
            .await
            .expect(201);
    }

    // Listening: one open question; codes broken → Defective, box → Packaging, slow → Late,
    // other → nothing.
    let def = json!({"languages": ["en"], "title": {"en": "Tell us"},
        "questions": [{"kind": "open", "required": true, "text": {"en": "What went wrong?"}}]});
    let survey = id_of(&app, "/api/v1/surveys", def).await;
    let codes = format!("/api/v1/surveys/{survey}/codes");
    let code = |n: &'static str| id_of(&app, &codes, json!({"name": n}));
    let (broken, boxc, slow, other) = (
        code("broken").await,
        code("box").await,
        code("slow").await,
        code("other").await,
    );
    answer(
        &app,
        survey,
        901,
        "It arrived broken",
        "2026-01-10T10:00:00Z",
        &[broken],
    )
    .await;
    answer(
        &app,
        survey,
        902,
        "Broken and the box crushed",
        "2026-01-12T10:00:00Z",
        &[broken, boxc],
    )
    .await;
    answer(
        &app,
        survey,
        903,
        "Took ages",
        "2026-01-13T10:00:00Z",
        &[slow],
    )
    .await;
    answer(&app, survey, 904, "Nice", "2026-01-14T10:00:00Z", &[other]).await;
    // December's answer is the previous period's: not counted.
    answer(
        &app,
        survey,
        905,
        "Broken again",
        "2025-12-20T10:00:00Z",
        &[broken],
    )
    .await;
    set_clock(&app, "2026-03-01T12:00:00Z");
    let links = "/api/v1/problems/links/codes";
    let body = json!({"code_id": broken, "category_id": defective});
    let agent = app.post_json(links, &app.agent.token, &body);
    agent.await.expect_error(403, "forbidden", None);
    for (body, field) in [
        (
            json!({"code_id": 999_999, "category_id": defective}),
            "code_id",
        ),
        (
            json!({"code_id": broken, "category_id": 999_999}),
            "category_id",
        ),
    ] {
        app.post_json(links, m, &body)
            .await
            .expect_error(422, "validation_failed", Some(field));
    }
    for (code, category) in [
        (broken, defective),
        (boxc, packaging),
        (slow, late),
        (other, rude),
    ] {
        let body = json!({"code_id": code, "category_id": category});
        app.post_json(links, m, &body).await.expect(200);
    }
    // "other" is unlinked again: its answer counts for nobody.
    let body = json!({"code_id": other, "category_id": null});
    let l = app.post_json(links, m, &body);
    assert_eq!(l.await.expect(200)["codes"].as_array().unwrap().len(), 3);

    // Focus groups: January's session (employees, none listed) finds crushed boxes raised by 3
    // and snapped parts raised by 0 (counts 1); February's finding is outside the period.
    for (starts, findings) in [
        (
            "2026-01-15T15:00:00Z",
            vec![
                ("Boxes arrive crushed", "Crushed, every time", 3, packaging),
                ("Parts snap", "Two parts snapped", 0, defective),
            ],
        ),
        (
            "2026-02-15T15:00:00Z",
            vec![("Parts snap", "Again", 5, defective)],
        ),
    ] {
        let fg = id_of(
            &app,
            "/api/v1/focus-groups",
            json!({"topic": "Quality",
            "audience": "employees", "starts_at": starts, "participants": [], "questions": "Why?"}),
        )
        .await;
        for (statement, quote, raised_by, category) in findings {
            let f = json!({"statement": statement, "quote": quote, "raised_by": raised_by,
                "severity": "high", "category_id": category});
            let path = format!("/api/v1/focus-groups/{fg}/findings");
            app.post_json(&path, m, &f).await.expect(201);
        }
    }

    // Figures: the internal reject rate (by product) and the shipping unit's re-orders, pushed
    // for December and January, and the computed return rate — linked to Defective.
    for (code, values) in [
        (
            "internal_reject_rate",
            json!([
            {"period": "2025-12-01", "dimensions": {"product": "Kettle"}, "numerator": 1, "denominator": 100},
            {"period": "2026-01-01", "dimensions": {"product": "Kettle"}, "numerator": 3, "denominator": 100},
            {"period": "2026-01-01", "dimensions": {"product": "Toaster"}, "numerator": 1, "denominator": 50}]),
        ),
        (
            "shipping_reorders_defects",
            json!([
            {"period": "2025-12-01", "dimensions": {}, "numerator": 7},
            {"period": "2026-01-01", "dimensions": {}, "numerator": 9}]),
        ),
    ] {
        let path = format!("/api/v1/figures/{code}/values");
        app.post_json(&path, m, &json!({"values": values}))
            .await
            .expect(200);
    }
    let a = &app;
    let fig = |code: &'static str| async move {
        let f = a
            .get(&format!("/api/v1/figures/{code}"), &a.viewer.token)
            .await;
        f.expect(200)["id"].as_i64().unwrap()
    };
    let (reject, reorders, returns) = (
        fig("internal_reject_rate").await,
        fig("shipping_reorders_defects").await,
        fig("return_rate").await,
    );
    let flinks = "/api/v1/problems/links/figures";
    app.post_json(
        flinks,
        m,
        &json!({"figure_id": 999_999, "category_id": defective, "linked": true}),
    )
    .await
    .expect_error(422, "validation_failed", Some("figure_id"));
    for f in [reject, reorders, returns] {
        let body = json!({"figure_id": f, "category_id": defective, "linked": true});
        app.post_json(flinks, m, &body).await.expect(200);
    }
    // Linked to Late and unlinked again: not shown.
    for linked in [true, false] {
        let body = json!({"figure_id": reject, "category_id": late, "linked": linked});
        app.post_json(flinks, m, &body).await.expect(200);
    }
    let l = app
        .get("/api/v1/problems/links", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(l["figures"].as_array().unwrap().len(), 3);

    let p = app
        .get(
            "/api/v1/problems?from=2026-01-01&to=2026-02-01&lost_days=30",
            &app.viewer.token,
        )
        .await
        .expect(200);
    assert_eq!(
        (
            &p["sources"]["survey_answers"],
            &p["sources"]["focus_groups"]
        ),
        (&json!(true), &json!(true))
    );
    let order: Vec<i64> = p["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["category_id"].as_i64().unwrap())
        .collect();
    // Maxima: complaints 4, cost 3000, lost 1, voices 4; weights 40/40/20/20 (sum 120).
    // Defective: F 2/4, C 1, L 1, V 3/4 (2 answers + 1) → (20 + 40 + 20 + 15)/120.
    // Late: F 1, V 1/4 → (40 + 5)/120. Packaging: no complaint, V 4/4 (1 answer + 3) → 20/120.
    // Rude: F 1/4, no voice → 10/120.
    assert_eq!(order, vec![defective, late, packaging, rude]);
    let d = row(&p, defective);
    assert_eq!(
        [
            &d["complaints"],
            &d["cost_minor"],
            &d["customers_lost"],
            &d["lost_base"],
            &d["answers"],
            &d["findings"],
            &d["voices"]
        ],
        [
            &json!(2),
            &json!(3000),
            &json!(1),
            &json!(1),
            &json!(2),
            &json!(1),
            &json!(3)
        ]
    );
    close(&d["listening"], 0.75);
    close(&d["score"], 95.0 / 120.0);
    close(&row(&p, late)["score"], 45.0 / 120.0);
    let pk = row(&p, packaging);
    assert_eq!(
        (&pk["complaints"], &pk["answers"], &pk["voices"]),
        (&json!(0), &json!(1), &json!(4))
    );
    close(&pk["score"], 20.0 / 120.0);
    close(&row(&p, rude)["score"], 10.0 / 120.0);
    assert_eq!(row(&p, rude)["voices"], 0);

    // The top three's evidence: quotes newest answer first, then the finding's quote; figures.
    let top = &p["top"];
    assert_eq!(top[0]["category_id"], defective);
    assert_eq!(top[0]["voices"], 3);
    assert_eq!(
        top[0]["quotes"],
        json!([
            "Broken and the box crushed",
            "It arrived broken",
            "Two parts snapped"
        ])
    );
    assert_eq!(
        top[2]["quotes"],
        json!(["Broken and the box crushed", "Crushed, every time"])
    );
    let figs = top[0]["figures"].as_array().unwrap();
    let by = |id: i64| figs.iter().find(|f| f["figure_id"] == id).unwrap();
    // Reject rate: January (3 + 1) ÷ (100 + 50) × 100, n 150; December 1 ÷ 100; lower is better.
    close(&by(reject)["value"], 400.0 / 150.0);
    assert_eq!(
        (
            &by(reject)["n"],
            &by(reject)["previous_n"],
            &by(reject)["worse"]
        ),
        (&json!(150), &json!(100), &json!(true))
    );
    close(&by(reject)["previous_value"], 1.0);
    // Re-orders: 9 against 7 (a count, n = values), worse.
    close(&by(reorders)["value"], 9.0);
    assert_eq!(
        (&by(reorders)["n"], &by(reorders)["worse"]),
        (&json!(1), &json!(true))
    );
    // Return rate computed from transactions: 1 ÷ 2 in January; none in December.
    close(&by(returns)["value"], 50.0);
    assert_eq!(
        (
            &by(returns)["n"],
            &by(returns)["previous_value"],
            &by(returns)["worse"]
        ),
        (&json!(2), &json!(null), &json!(null))
    );
    assert!(row(&p, late)["figures"].as_array().unwrap().is_empty());

    // The records behind Defective's voices: exactly 2 answers and 1 finding.
    let v = app
        .get(
            &format!("/api/v1/problems/{defective}/voices?from=2026-01-01&to=2026-02-01"),
            &app.viewer.token,
        )
        .await
        .expect(200);
    assert_eq!(
        (&v["answers"], &v["findings"], &v["voices"]),
        (&json!(2), &json!(1), &json!(3))
    );
    let kinds: Vec<&str> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["answer", "answer", "finding"]);
    assert_eq!(v["records"][0]["codes"], "broken");
    app.get("/api/v1/problems/999999/voices", &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);

    // With listening weighed 0, the scores are over 100 again: Defective (20 + 40 + 20)/100.
    let w = json!({"frequency": 40, "cost": 40, "lost": 20, "listening": 0});
    app.put_json("/api/v1/problems/weights", m, &w)
        .await
        .expect(200);
    let p = app
        .get(
            "/api/v1/problems?from=2026-01-01&to=2026-02-01&lost_days=30",
            &app.viewer.token,
        )
        .await
        .expect(200);
    close(&row(&p, defective)["score"], 0.8);
    close(&row(&p, packaging)["score"], 0.0);
}
