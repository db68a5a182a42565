//! `GET /api/v1/figures/{id}/breakdown?by=`: a rate broken down by product against
//! hand-computed values — per month and rolled up to the quarter per product (Σ numerators ÷
//! Σ denominators, never the mean of the months' rates) — the values without a product as
//! null ("(none)"), the totals equal to `/values`, and the refusals naming their field.

use serde_json::{Value, json};

use crate::figures::vendor;
use crate::helpers::{TestApp, spawn_app};

/// A monthly defect rate (defective ÷ delivered × 100) by product; returns its id.
async fn defect_rate(app: &TestApp) -> i64 {
    let body = json!({"code": "defect_rate", "name": "Defect rate",
        "definition": "Units delivered defective ÷ units delivered × 100.", "unit": "percent",
        "dimensions": ["product"], "source": "internal"});
    let f = app
        .post_json("/api/v1/figures", &app.manager.token, &body)
        .await
        .expect(201);
    let id = f["id"].as_i64().unwrap();
    let v = |period: &str, product: Option<&str>, n: i64, d: i64| {
        let dims = product.map_or(json!({}), |p| json!({"product": p}));
        json!({"period": period, "dimensions": dims, "numerator": n, "denominator": d})
    };
    let values = json!({"values": [
        v("2026-01-01", Some("Kettle"), 2, 100),
        v("2026-01-01", Some("Iron"), 6, 200),
        v("2026-01-01", None, 1, 50),
        v("2026-02-01", Some("Kettle"), 4, 300),
        v("2026-02-01", Some("Iron"), 3, 300),
        v("2026-04-01", Some("Kettle"), 5, 50),
    ]});
    let path = format!("/api/v1/figures/{id}/values");
    app.post_json(&path, &app.manager.token, &values)
        .await
        .expect(200);
    id
}

/// (period, numerator, denominator, n) of each point.
fn parts(points: &Value) -> Vec<(String, i64, i64, i64)> {
    points
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["period"].as_str().unwrap().to_owned(),
                p["numerator"].as_i64().unwrap(),
                p["denominator"].as_i64().unwrap(),
                p["n"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn p(period: &str, n: i64, d: i64) -> (String, i64, i64, i64) {
    (period.to_owned(), n, d, d)
}

fn close(got: &Value, want: f64) {
    let got = got.as_f64().unwrap();
    assert!((got - want).abs() < 1e-9, "{got} ≠ {want}");
}

#[tokio::test]
async fn figures_a_rate_broken_down_by_product_per_month_and_quarter() {
    let app = spawn_app().await;
    let id = defect_rate(&app).await;
    let v = &app.viewer.token;
    let range = "from=2026-01-01&to=2026-07-01";
    let path = format!("/api/v1/figures/{id}/breakdown?by=product&{range}");
    let b = app.get(&path, v).await.expect(200);
    assert_eq!(
        (b["by"].as_str(), b["per"].as_str()),
        (Some("product"), Some("period"))
    );
    let groups = b["groups"].as_array().unwrap();
    let names: Vec<&Value> = groups.iter().map(|g| &g["value"]).collect();
    assert_eq!(names, [&json!("Iron"), &json!("Kettle"), &Value::Null]);
    // Iron: January 6/200 = 3 %, February 3/300 = 1 %.
    assert_eq!(
        parts(&groups[0]["points"]),
        [p("2026-01-01", 6, 200), p("2026-02-01", 3, 300)]
    );
    close(&groups[0]["points"][0]["value"], 3.0);
    close(&groups[0]["points"][1]["value"], 1.0);
    // Kettle: 2/100 = 2 %, 4/300 = 1.333… %, April 5/50 = 10 %.
    close(&groups[1]["points"][0]["value"], 2.0);
    close(&groups[1]["points"][1]["value"], 400.0 / 300.0);
    close(&groups[1]["points"][2]["value"], 10.0);
    // No product: 1/50 = 2 %.
    assert_eq!(parts(&groups[2]["points"]), [p("2026-01-01", 1, 50)]);
    // Totals: January 9/350, February 7/600, April 5/50.
    assert_eq!(
        parts(&b["total"]),
        [
            p("2026-01-01", 9, 350),
            p("2026-02-01", 7, 600),
            p("2026-04-01", 5, 50)
        ]
    );
    close(&b["total"][0]["value"], 900.0 / 350.0);
    close(&b["total"][1]["value"], 700.0 / 600.0);

    // The quarter per product: Kettle 6/400 = 1.5 % (not the mean 1.667 %), Iron 9/500 = 1.8 %.
    let q = format!("{path}&per=quarter");
    let b = app.get(&q, v).await.expect(200);
    let groups = b["groups"].as_array().unwrap();
    assert_eq!(parts(&groups[0]["points"]), [p("2026-01-01", 9, 500)]);
    assert_eq!(
        parts(&groups[1]["points"]),
        [p("2026-01-01", 6, 400), p("2026-04-01", 5, 50)]
    );
    close(&groups[1]["points"][0]["value"], 1.5);
    close(&groups[0]["points"][0]["value"], 1.8);
    assert_eq!(parts(&groups[2]["points"]), [p("2026-01-01", 1, 50)]);
    // Q1 total 16/950 = 1.684 %, the same as the undivided series.
    assert_eq!(
        parts(&b["total"]),
        [p("2026-01-01", 16, 950), p("2026-04-01", 5, 50)]
    );
    let whole = format!("/api/v1/figures/{id}/values?per=quarter&{range}");
    let whole = app.get(&whole, v).await.expect(200);
    for (i, point) in whole["points"].as_array().unwrap().iter().enumerate() {
        let t = &b["total"][i];
        assert_eq!(
            (
                &point["period"],
                &point["numerator"],
                &point["denominator"],
                &point["value"]
            ),
            (
                &t["period"],
                &t["numerator"],
                &t["denominator"],
                &t["value"]
            )
        );
    }
}

#[tokio::test]
async fn figures_a_breakdown_is_refused_by_field_and_kept_from_vendors() {
    let app = spawn_app().await;
    let id = defect_rate(&app).await;
    let v = &app.viewer.token;
    let base = format!("/api/v1/figures/{id}/breakdown");
    app.get(&base, v)
        .await
        .expect_error(422, "validation_failed", Some("by"));
    // The figure has no vendor dimension; a seeded figure without dimensions has none at all.
    app.get(&format!("{base}?by=vendor"), v).await.expect_error(
        422,
        "validation_failed",
        Some("by"),
    );
    app.get("/api/v1/figures/calls_abandoned/breakdown?by=product", v)
        .await
        .expect_error(422, "validation_failed", Some("by"));
    let backwards = format!("{base}?by=product&from=2026-03-01&to=2026-01-01");
    app.get(&backwards, v)
        .await
        .expect_error(422, "validation_failed", Some("to"));
    app.get(&format!("{base}?by=product&from=March"), v)
        .await
        .expect_error(422, "validation_failed", Some("from"));
    app.get("/api/v1/figures/999/breakdown?by=product", v)
        .await
        .expect_error(404, "not_found", None);
    // A vendor's token reads nothing, its own figures included.
    let courier = vendor(&app, "Courier").await;
    app.get(&format!("{base}?by=product"), &courier.token)
        .await
        .expect_error(403, "forbidden", None);
}
