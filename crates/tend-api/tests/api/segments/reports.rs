//! `GET /api/v1/reports/operations?segment=ID`: only the segment's members' complaints.

use serde_json::json;

use super::people::scenario;
use crate::helpers::spawn_app;

#[tokio::test]
async fn the_operations_report_narrows_to_a_segment() {
    let app = spawn_app().await;
    scenario(&app).await;
    let m = &app.manager.token;
    let seg = app
        .post_json(
            "/api/v1/segments",
            m,
            &json!({"name": "Spanish under 35 buying on the web",
            "country": "ES", "max_age": 34, "preferred_channel": "web",
            "min_purchases": 1, "purchase_days": 365}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let q = "from=2026-03-01&to=2026-03-07&grain=week&group=none";
    // The business: received in the range 901 (Ana) and 904 (Carlos) — 905 deleted, 906
    // feedback, 907 merged; open at the end also 902 (Ana) and 903 (Bea), never resolved.
    let all = app
        .get(&format!("/api/v1/reports/operations?{q}"), m)
        .await
        .expect(200);
    let total = &all["range"]["total"];
    assert_eq!(
        total["received"],
        json!({"complaints": 2, "customers": 2}),
        "{all}"
    );
    assert_eq!(total["open_at_end"], 4);
    // Members Ana, Bea, Gema: 901 received; 901, 902, 903 open at the end.
    let r = app
        .get(&format!("/api/v1/reports/operations?{q}&segment={seg}"), m)
        .await
        .expect(200);
    let total = &r["range"]["total"];
    assert_eq!(
        total["received"],
        json!({"complaints": 1, "customers": 1}),
        "{r}"
    );
    assert_eq!(total["open_at_end"], 3);
    app.get(&format!("/api/v1/reports/operations?{q}&segment=999"), m)
        .await
        .expect_error(422, "validation_failed", Some("segment"));
}
