//! `/api/v1/figures`: the seeded catalogue, custom figures, values pushed by a vendor's token
//! (and refused everywhere else), quarters rolled up exactly, and the return rate computed from
//! purchases.

use serde_json::{Value, json};
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::Role;

use crate::helpers::{Staff, TestApp, now, spawn_app};

/// A vendor account with its token.
pub(crate) async fn vendor(app: &TestApp, name: &str) -> Staff {
    let email = Email::parse(&format!("{name}@vendor.test")).unwrap();
    let e = app
        .store
        .create_employee(
            &email,
            &Name::parse(name).unwrap(),
            Role::Vendor,
            None,
            Tier::FRONT_LINE,
            "x",
            now(),
        )
        .await
        .unwrap();
    let token = app
        .store
        .create_token(
            e.id,
            Some("vendor"),
            now(),
            &tend_store::Actor::system("test"),
        )
        .await
        .unwrap();
    Staff {
        id: e.id.0,
        name: e.name,
        token,
    }
}

async fn assign(app: &TestApp, code: &str, pusher: i64) {
    let body = json!({"pusher_id": pusher, "owner_id": app.manager.id});
    let path = format!("/api/v1/figures/{code}/assignment");
    let f = app
        .put_json(&path, &app.manager.token, &body)
        .await
        .expect(200);
    assert_eq!(f["pusher_id"], pusher);
}

async fn series(app: &TestApp, code: &str, query: &str) -> Vec<Value> {
    let path = format!("/api/v1/figures/{code}/values?{query}");
    let s = app.get(&path, &app.viewer.token).await.expect(200);
    s["points"].as_array().unwrap().clone()
}

/// (period, numerator, denominator) of each point.
fn parts(points: &[Value]) -> Vec<(String, i64, Option<i64>)> {
    points
        .iter()
        .map(|p| {
            let period = p["period"].as_str().unwrap().to_owned();
            (
                period,
                p["numerator"].as_i64().unwrap(),
                p["denominator"].as_i64(),
            )
        })
        .collect()
}

#[tokio::test]
async fn figures_the_method_s_catalogue_is_seeded() {
    let app = spawn_app().await;
    let all = app
        .get("/api/v1/figures", &app.viewer.token)
        .await
        .expect(200);
    let codes: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in [
        "returns",
        "return_rate",
        "backorders",
        "internal_reject_rate",
        "shipping_reorders_defects",
        "call_average_wait",
        "calls_abandoned",
        "web_feedback",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let rate = app
        .get("/api/v1/figures/return_rate", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(
        (rate["unit"].as_str(), rate["ratio"].as_bool()),
        (Some("percent"), Some(true))
    );
    assert_eq!(rate["source"], "computed");
}

#[tokio::test]
async fn figures_a_vendor_pushes_its_figure_and_nothing_else() {
    let app = spawn_app().await;
    let call_centre = vendor(&app, "Callcentre").await;
    assign(&app, "call_average_wait", call_centre.id).await;
    let t = &call_centre.token;
    // Its own figure: total seconds waited ÷ calls answered.
    let body = json!({"values": [{"period": "2026-02-01", "numerator": 9000, "denominator": 300}]});
    let r = app
        .post_json("/api/v1/figures/call_average_wait/values", t, &body)
        .await
        .expect(200);
    assert_eq!(
        (r["inserted"].as_i64(), r["updated"].as_i64()),
        (Some(1), Some(0))
    );
    // Any other figure, existing or not, is refused alike.
    let other = json!({"values": [{"period": "2026-02-01", "numerator": 4}]});
    for path in [
        "/api/v1/figures/calls_abandoned/values",
        "/api/v1/figures/999/values",
    ] {
        app.post_json(path, t, &other)
            .await
            .expect_error(403, "forbidden", None);
    }
    // Every other route, reading included.
    for path in [
        "/api/v1/figures",
        "/api/v1/figures/call_average_wait",
        "/api/v1/figures/call_average_wait/values",
        "/api/v1/customers",
        "/api/v1/complaints",
        "/api/v1/transactions",
        "/api/v1/categories",
        "/api/v1/employees",
    ] {
        app.get(path, t).await.expect_error(403, "forbidden", None);
    }
    let complaint = json!({"customer_id": 1, "description": "x", "channel": "phone"});
    app.post_json("/api/v1/complaints", t, &complaint)
        .await
        .expect_error(403, "forbidden", None);
    let figure = json!({"code": "mine", "name": "Mine", "definition": "x", "unit": "count"});
    app.post_json("/api/v1/figures", t, &figure)
        .await
        .expect_error(403, "forbidden", None);
    // An agent may not push at all; the value stored is the vendor's: 9000 / 300 = 30 s.
    app.post_json(
        "/api/v1/figures/calls_abandoned/values",
        &app.agent.token,
        &other,
    )
    .await
    .expect_error(403, "forbidden", None);
    let points = series(&app, "call_average_wait", "from=2026-01-01&to=2026-04-01").await;
    assert_eq!(parts(&points), vec![("2026-02-01".into(), 9000, Some(300))]);
    assert_eq!(points[0]["value"].as_f64(), Some(30.0));
    let f = app
        .get("/api/v1/figures/call_average_wait", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(f["pusher_id"], call_centre.id);
    // February is the last complete month on 2026-03-06: delivered, so not stale.
    assert_eq!(
        (f["stale"].as_bool(), f["last_period"].as_str()),
        (Some(false), Some("2026-02-01"))
    );
    assert_eq!(
        (
            f["last_arrived_by"].as_str(),
            f["last_arrived_via"].as_str()
        ),
        (Some("Callcentre"), Some("api"))
    );
    let nothing = app
        .get("/api/v1/figures/calls_abandoned", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(nothing["stale"], true);
    let computed = app
        .get("/api/v1/figures/return_rate", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(computed["stale"], false);
    // A January value only is a month late.
    let late = json!({"values": [{"period": "2026-01-01", "numerator": 4}]});
    app.post_json(
        "/api/v1/figures/calls_abandoned/values",
        &app.manager.token,
        &late,
    )
    .await
    .expect(200);
    let f = app
        .get("/api/v1/figures/calls_abandoned", &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(f["stale"], true);
}

#[tokio::test]
async fn figures_a_quarter_aggregates_its_months_numerators_and_denominators() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let path = "/api/v1/figures/internal_reject_rate/values";
    // Rejected ÷ inspected, by product. Feb's kettle is first pushed wrong, then replaced.
    let first = json!({"values": [
        {"period": "2026-01-01", "dimensions": {"product": "Kettle"}, "numerator": 3, "denominator": 100},
        {"period": "2026-01-01", "dimensions": {"product": "Toaster"}, "numerator": 1, "denominator": 50},
        {"period": "2026-02-01", "dimensions": {"product": "Kettle"}, "numerator": 99, "denominator": 99},
        {"period": "2026-03-01", "dimensions": {"product": "Kettle"}, "numerator": 0, "denominator": 150},
        {"period": "2026-04-01", "dimensions": {"product": "Kettle"}, "numerator": 7, "denominator": 70},
    ]});
    let r = app.post_json(path, m, &first).await.expect(200);
    assert_eq!(r["inserted"], 5);
    let fix = json!({"values": [{"period": "2026-02-01", "dimensions": {"product": "Kettle"}, "numerator": 6, "denominator": 200}]});
    let r = app.post_json(path, m, &fix).await.expect(200);
    assert_eq!(
        (r["inserted"].as_i64(), r["updated"].as_i64()),
        (Some(0), Some(1))
    );

    let months = series(
        &app,
        "internal_reject_rate",
        "from=2026-01-01&to=2026-07-01&per=month",
    )
    .await;
    assert_eq!(
        parts(&months),
        vec![
            ("2026-01-01".into(), 4, Some(150)),
            ("2026-02-01".into(), 6, Some(200)),
            ("2026-03-01".into(), 0, Some(150)),
            ("2026-04-01".into(), 7, Some(70)),
        ]
    );
    // Q1 = (3 + 1 + 6 + 0) ÷ (100 + 50 + 200 + 150) = 10 ÷ 500 = 2 %; the mean of the
    // monthly rates (2.67 %, 3 %, 0 %) would say 1.89 %.
    let quarters = series(
        &app,
        "internal_reject_rate",
        "from=2026-01-01&to=2026-07-01&per=quarter",
    )
    .await;
    assert_eq!(
        parts(&quarters),
        vec![
            ("2026-01-01".into(), 10, Some(500)),
            ("2026-04-01".into(), 7, Some(70)),
        ]
    );
    assert_eq!(quarters[0]["value"].as_f64(), Some(2.0));
    assert_eq!(quarters[1]["value"].as_f64(), Some(10.0));
    // One product's series alone.
    let kettle = series(
        &app,
        "internal_reject_rate",
        "from=2026-01-01&to=2026-04-01&per=quarter&dimensions=product%3DKettle",
    )
    .await;
    assert_eq!(parts(&kettle), vec![("2026-01-01".into(), 9, Some(450))]);
}

#[tokio::test]
async fn figures_the_return_rate_is_computed_from_purchases() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    // January: 3 purchases, 1 returned; February: 2, both returned; March 1: 1, kept.
    for (day, returned) in [
        ("2026-01-05", true),
        ("2026-01-20", false),
        ("2026-01-31T23:59:59Z", false),
        ("2026-02-01", true),
        ("2026-02-28T12:00:00Z", true),
        ("2026-03-01", false),
    ] {
        let t = json!({"customer_id": customer, "occurred_at": day, "returned": returned});
        app.post_json("/api/v1/transactions", &app.agent.token, &t)
            .await
            .expect(201);
    }
    let rate = series(&app, "return_rate", "from=2026-01-01&to=2026-04-01").await;
    assert_eq!(
        parts(&rate),
        vec![
            ("2026-01-01".into(), 1, Some(3)),
            ("2026-02-01".into(), 2, Some(2)),
            ("2026-03-01".into(), 0, Some(1)),
        ]
    );
    assert_eq!(rate[1]["value"].as_f64(), Some(100.0));
    let q1 = series(
        &app,
        "return_rate",
        "from=2026-01-01&to=2026-04-01&per=quarter",
    )
    .await;
    assert_eq!(parts(&q1), vec![("2026-01-01".into(), 3, Some(6))]);
    assert_eq!(q1[0]["value"].as_f64(), Some(50.0));
    let returns = series(&app, "returns", "from=2026-01-01&to=2026-04-01&per=quarter").await;
    assert_eq!(parts(&returns), vec![("2026-01-01".into(), 3, None)]);
    // Tend computes it: nobody pushes it.
    let push = json!({"values": [{"period": "2026-01-01", "numerator": 1, "denominator": 2}]});
    app.post_json(
        "/api/v1/figures/return_rate/values",
        &app.manager.token,
        &push,
    )
    .await
    .expect_error(422, "validation_failed", Some("values[0].figure"));
}

#[tokio::test]
async fn figures_bad_values_and_definitions_are_named_and_nothing_is_stored() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let body = json!({"values": [
        {"period": "2026-01-01", "numerator": 1, "denominator": 10},
        {"period": "2026-01-15", "dimensions": {"colour": "red"}, "numerator": -1},
        {"period": "2026-01-01", "numerator": 2, "denominator": 20},
    ]});
    let r = app
        .post_json("/api/v1/figures/internal_reject_rate/values", m, &body)
        .await;
    for field in [
        "values[1].period",
        "values[1].dimensions.colour",
        "values[1].numerator",
        "values[1].denominator",
        "values[2]",
    ] {
        r.expect_error(422, "validation_failed", Some(field));
    }
    let none = series(
        &app,
        "internal_reject_rate",
        "from=2025-01-01&to=2027-01-01",
    )
    .await;
    assert!(none.is_empty());

    let custom = json!({"code": "late_deliveries", "name": "Late deliveries",
        "definition": "Deliveries after the promised day.", "unit": "count", "grain": "week",
        "dimensions": ["vendor"], "source": "vendor", "vendor_name": "Shipping unit"});
    let f = app
        .post_json("/api/v1/figures", m, &custom)
        .await
        .expect(201);
    assert_eq!(
        (f["grain"].as_str(), f["seeded"].as_bool()),
        (Some("week"), Some(false))
    );
    app.post_json("/api/v1/figures", m, &custom)
        .await
        .expect_error(409, "conflict", Some("code"));
    let bad = json!({"code": "X", "name": "", "definition": "d", "unit": "percent", "ratio": false,
        "source": "vendor"});
    let r = app.post_json("/api/v1/figures", m, &bad).await;
    for field in ["code", "name", "ratio", "vendor_name"] {
        r.expect_error(422, "validation_failed", Some(field));
    }
    // A weekly figure's period is a Monday (2026-03-02 is one).
    let path = "/api/v1/figures/late_deliveries/values";
    let tuesday = json!({"values": [{"period": "2026-03-03", "numerator": 1}]});
    app.post_json(path, m, &tuesday).await.expect_error(
        422,
        "validation_failed",
        Some("values[0].period"),
    );
    let monday = json!({"values": [{"period": "2026-03-02", "dimensions": {"vendor": "Acme"}, "numerator": 4}]});
    app.post_json(path, m, &monday).await.expect(200);
}
