//! "Complainants" measures count customers, not complaints: a customer with two complaints
//! resolved in the period counts once — by their latest answer for satisfaction, and as buying
//! again when a purchase followed any of them.

use serde_json::json;

use super::scenario::{Row, complaint, purchase};
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_customer_with_two_complaints_is_one_complainant() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    // Goals set in May 2026 (UTC, the default company zone), measured live in June.
    app.clock.set("2026-05-20T12:00:00Z".parse().unwrap());
    let owner = app.manager.id;
    let mut ids = Vec::new();
    for extra in [
        json!({"measure": "complainants_satisfied", "target": 50.0}),
        json!({"measure": "repurchase_after_resolution", "target": 50.0, "days": 3}),
    ] {
        let mut g = json!({"direction": "at_least", "period": "month", "owner_id": owner});
        g.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        ids.push(
            app.post_json("/api/v1/goals", m, &g).await.expect(201)["id"]
                .as_i64()
                .unwrap(),
        );
    }
    let a = app.create_customer_named("Two Complaints").await;
    let b = app.create_customer_named("One Complaint").await;
    let c = app.create_customer_named("No Answer").await;
    #[rustfmt::skip]
    let rows: [Row; 4] = [
        // A: first not satisfied, then (resolved later) satisfied: counted once, satisfied.
        (201, a, "phone", "complaint", "2026-06-01T09:00:00Z", Some("2026-06-01T09:10:00Z"), Some("2026-06-02T09:00:00Z"), Some("not_satisfied")),
        (202, a, "phone", "complaint", "2026-06-03T09:00:00Z", Some("2026-06-03T09:10:00Z"), Some("2026-06-05T09:00:00Z"), Some("satisfied")),
        // B: not satisfied.
        (203, b, "phone", "complaint", "2026-06-02T09:00:00Z", Some("2026-06-02T09:10:00Z"), Some("2026-06-04T09:00:00Z"), Some("not_satisfied")),
        // C: no answer: not a satisfaction answer, but a complainant for buying again.
        (204, c, "phone", "complaint", "2026-06-02T09:00:00Z", Some("2026-06-02T09:10:00Z"), Some("2026-06-03T09:00:00Z"), None),
    ];
    for row in rows {
        complaint(&app, row).await;
    }
    // A bought on 4 June, within 3 days of 201's resolution (2 June) and before 202's: yes by
    // 201. B bought nothing; C bought 10 days after its resolution, too late.
    app.clock.set("2026-06-20T12:00:00Z".parse().unwrap());
    purchase(&app, a, "2026-06-04T10:00:00Z", false).await;
    purchase(&app, c, "2026-06-13T10:00:00Z", false).await;

    let list = app
        .get("/api/v1/goals", &app.viewer.token)
        .await
        .expect(200);
    let items = list["items"].as_array().unwrap();
    let current = |i: usize| {
        let g = &items[i];
        assert_eq!(g["id"], ids[i]);
        let cur = &g["current"];
        (
            cur["n"]["numerator"].clone(),
            cur["n"]["denominator"].clone(),
        )
    };
    // Satisfied: A (latest: satisfied) yes, B no; C gave no answer: 1 of 2 customers.
    assert_eq!(current(0), (json!(1), json!(2)), "{}", items[0]);
    // Bought again: A yes (4 June, within 3 days of 2 June), B no, C no (too late): 1 of 3.
    assert_eq!(current(1), (json!(1), json!(3)), "{}", items[1]);

    // The records behind each number are the customers, each once.
    for (i, expected) in [
        (0, vec![(a, true), (b, false)]),
        (1, vec![(a, true), (b, false), (c, false)]),
    ] {
        let path = items[i]["records"].as_str().unwrap().to_owned();
        let rec = app.get(&path, &app.viewer.token).await.expect(200);
        let mut got: Vec<(i64, bool)> = rec["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                assert_eq!(r["kind"], "customer");
                assert_eq!(r["link"], format!("/api/v1/customers/{}", r["id"]));
                (
                    r["id"].as_i64().unwrap(),
                    r["in_numerator"].as_bool().unwrap(),
                )
            })
            .collect();
        got.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(got, expected);
    }
}
