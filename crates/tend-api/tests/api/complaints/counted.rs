//! Merged-away and deleted complaints are counted nowhere: one customer writes three times in
//! one category (A, B, C), another once (D); B is merged into A and C deleted. Every count is
//! then the hand count of A and D: the list, the problems ranking, the customer profile's
//! complaint rate, a goal's measure and its records, and the export.

use serde_json::json;
use tend_domain::kernel::ids::ComplaintId;

use crate::helpers::{at, spawn_app};

#[tokio::test]
async fn merged_and_deleted_complaints_count_once_or_not_at_all() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let cat = app
        .post_json("/api/v1/categories", m, &json!({"name": "Delivery"}))
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let (x, y) = (app.create_customer().await, app.create_customer().await);
    let mut ids = Vec::new();
    for customer in [x, x, x, y] {
        let draft = json!({"customer_id": customer, "channel": "phone", "received_at": at(-24),
            "description": "The jar arrived broken.", "category_id": cat});
        ids.push(
            app.create_complaint_with(&draft).await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let [a, b, c, d] = ids[..] else { panic!() };
    for (customer, day) in [(x, "2026-03-02"), (y, "2026-03-03")] {
        let t = json!({"customer_id": customer, "occurred_at": day, "product": "Jar",
            "amount": "10.00", "currency": "EUR", "returned": false});
        app.post_json("/api/v1/transactions", &app.agent.token, &t)
            .await
            .expect(201);
    }
    let goal = json!({"measure": "complaints_per_thousand_orders", "target": 5000.0,
        "direction": "at_most", "period": "month", "owner_id": app.manager.id});
    let goal = app.post_json("/api/v1/goals", m, &goal).await.expect(201)["id"]
        .as_i64()
        .unwrap();

    app.post_json(
        &format!("/api/v1/complaints/{b}/merge"),
        m,
        &json!({"into": a}),
    )
    .await
    .expect(204);
    let del = app
        .client
        .delete(app.url(&format!("/api/v1/complaints/{c}?reason=spam")))
        .bearer_auth(m)
        .send()
        .await
        .unwrap();
    assert_eq!(del.status().as_u16(), 204);

    // The list and the customer's list: A and D; X's only A.
    assert_eq!(app.list_ids("").await, vec![d, a]);
    assert_eq!(app.list_ids(&format!("customer_id={x}")).await, vec![a]);

    // Problems: the category has 2 complaints (A, D) from 2 customers; 2 complainants in all.
    let q = "/api/v1/problems?from=2026-03-01&to=2026-04-01&lost_days=30";
    let p = app.get(q, &app.viewer.token).await.expect(200);
    assert_eq!(p["complainants"], 2, "{p}");
    let row = p["ranked"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["category_id"] == cat)
        .unwrap()
        .clone();
    assert_eq!(
        (&row["complaints"], &row["customers"]),
        (&json!(2), &json!(2))
    );

    // The profile's complaint rate: 2 complaints over 2 customers.
    let profile = app
        .get("/api/v1/customers/profile", &app.viewer.token)
        .await
        .expect(200);
    let rate = &profile["complaint_rate"];
    assert_eq!(
        (&rate["complaints"], &rate["customers"]),
        (&json!(2), &json!(2))
    );
    assert_eq!(rate["per_customer_per_year"], 1.0);

    // The goal: 2 complaints ÷ 2 orders × 1,000, its records A and D.
    let g = app
        .get(&format!("/api/v1/goals/{goal}"), &app.viewer.token)
        .await
        .expect(200);
    let current = &g["current"];
    assert_eq!(current["actual"], 1000.0, "{g}");
    assert_eq!(
        (&current["n"]["numerator"], &current["n"]["denominator"]),
        (&json!(2), &json!(2))
    );
    let rec = app
        .get(g["records"].as_str().unwrap(), &app.viewer.token)
        .await
        .expect(200);
    let counted: Vec<i64> = rec["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(counted, vec![a, d]);

    // The export: A and D; with the merged and deleted ones, all four.
    let export = |removed| app.store.all_complaints_after(None, 100, removed);
    let live: Vec<ComplaintId> = export(false).await.unwrap().iter().map(|c| c.id).collect();
    assert_eq!(live, vec![ComplaintId(a), ComplaintId(d)]);
    assert_eq!(export(true).await.unwrap().len(), 4);

    // The API names what B was merged into.
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let raw = plain
        .get(app.url(&format!("/api/v1/complaints/{b}")))
        .bearer_auth(&app.viewer.token)
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 308);
    let location = raw.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location, format!("/api/v1/complaints/{a}"));
    let body: serde_json::Value = raw.json().await.unwrap();
    assert_eq!(
        (body["merged_into"].clone(), body["live"].clone()),
        (json!(a), json!(a))
    );
}
