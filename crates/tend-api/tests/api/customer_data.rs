//! A customer's data: the export (managers and admins) and the anonymisation (admins only):
//! afterwards none of their personal data is in any text column of any table, and the
//! complaints, with their figures, are all still there.

use serde_json::{Value, json};
use tend_domain::kernel::ids::{ComplaintId, CustomerId};
use tend_store::Actor;

use crate::helpers::{TestApp, spawn_app};

const DESCRIPTION: &str = "The quokka-shaped lid melted on its first use";
const PROPOSAL: &str = "Send me a replacement quokka lid";
const MESSAGE: &str = "I still have the receipt from Villaverde bazaar";

/// Zebulon, with two complaints worked a little; returns their id and complaint ids.
async fn zebulon(app: &TestApp) -> (i64, Vec<i64>) {
    let body = json!({
        "name": "Zebulon Quartermaine", "email": "zebulon.q@example.org",
        "phone": "+34 611 222 333", "address": "Calle Falsa 123", "city": "Villaverde Alto",
        "country": "ES", "gender": "male", "birth_year": 1970,
        "notes": "Prefers calls after six", "external_ref": "CRM-ZQ-77", "consent_to_contact": true,
    });
    let id = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let one = app
        .create_complaint_with(&json!({"customer_id": id, "channel": "phone",
            "subject": "Quokka lid order QX-4242", "description": DESCRIPTION}))
        .await["id"]
        .as_i64()
        .unwrap();
    let two = app.create_complaint(id).await["id"].as_i64().unwrap();
    for a in [
        json!({"action": "understand", "facts": "Zebulon Quartermaine says the lid melted"}),
        json!({"action": "identify_cause", "root_cause": "Bad batch", "responsible_party": "vendor"}),
        json!({"action": "agree_solution", "customer_proposal": PROPOSAL,
            "agreed_solution": "A new lid", "solution_mode": "on_the_spot"}),
        json!({"action": "resolve", "compensation": {"kind": "coupon", "amount": "10.00", "currency": "EUR"}}),
    ] {
        app.act(one, &a).await.expect(200);
    }
    let step = json!({"text": "Rang zebulon.q@example.org's number back"});
    app.post_json(
        &format!("/api/v1/complaints/{one}/steps"),
        &app.agent.token,
        &step,
    )
    .await
    .expect(201);
    let customer = Actor::system("customer");
    app.store
        .add_step(ComplaintId(two), &customer, MESSAGE, app.clock_now())
        .await
        .unwrap();
    (id, vec![one, two])
}

trait Now {
    fn clock_now(&self) -> jiff::Timestamp;
}
impl Now for TestApp {
    fn clock_now(&self) -> jiff::Timestamp {
        use tend_domain::kernel::clock::Clock;
        self.clock.now()
    }
}

#[tokio::test]
async fn managers_export_everything_stored_about_a_customer() {
    let app = spawn_app().await;
    let (id, complaints) = zebulon(&app).await;
    let path = format!("/api/v1/customers/{id}/export");
    app.get(&path, &app.agent.token)
        .await
        .expect_error(403, "forbidden", None);
    let export = app.get(&path, &app.manager.token).await.expect(200);
    assert_eq!(export["format"], "tend-customer-export/1");
    assert_eq!(export["customer"]["name"], "Zebulon Quartermaine");
    assert_eq!(export["customer"]["notes"], "Prefers calls after six");
    assert_eq!(export["consent_log"][0]["via"], "api");
    assert_eq!(export["consent_log"][0]["given"], 1);
    let listed: Vec<i64> = export["complaints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(listed, complaints);
    let first = &export["complaints"][0];
    assert_eq!(first["description"], DESCRIPTION);
    assert_eq!(first["compensation_minor"], 1000);
    assert!(first["received_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(first["steps"].as_array().unwrap().len(), 1);
    let actions: Vec<&str> = first["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"created") && actions.contains(&"resolve"),
        "{actions:?}"
    );
    assert_eq!(export["complaints"][1]["steps"][0]["text"], MESSAGE);
    app.get("/api/v1/customers/999/export", &app.admin.token)
        .await
        .expect_error(404, "not_found", None);
}

#[tokio::test]
async fn an_anonymised_customer_leaves_no_personal_data_and_every_figure() {
    let app = spawn_app().await;
    let other = app.create_customer_named("Olivia Othername").await;
    let others = app.create_complaint(other).await["id"].as_i64().unwrap();
    let (id, complaints) = zebulon(&app).await;
    let before = app
        .get(&format!("/api/v1/customers/{id}/export"), &app.admin.token)
        .await
        .expect(200);
    let all_before = app.list_ids("").await;
    let statuses: Vec<Value> = {
        let mut v = Vec::new();
        for c in &complaints {
            let c = app.complaint(*c).await;
            v.push(json!([
                c["status"],
                c["channel"],
                c["received_at"],
                c["compensation"]
            ]));
        }
        v
    };
    let c = &before["customer"];
    let needles: Vec<String> = [
        "name",
        "email",
        "phone",
        "address",
        "city",
        "notes",
        "external_ref",
    ]
    .iter()
    .map(|f| c[f].as_str().unwrap().to_owned())
    .chain([DESCRIPTION, PROPOSAL, MESSAGE, "Quokka lid order"].map(String::from))
    .collect();
    for n in &needles {
        let found = tend_store::testing::text_columns_containing(&app.database_url, n).await;
        assert!(!found.is_empty(), "{n} is stored before");
    }

    let path = format!("/api/v1/customers/{id}/anonymise");
    app.post_json(&path, &app.manager.token, &json!({}))
        .await
        .expect_error(403, "forbidden", None);
    let done = app
        .post_json(&path, &app.admin.token, &json!({}))
        .await
        .expect(200);
    assert_eq!(done["complaints"], 2);

    for n in &needles {
        let found = tend_store::testing::text_columns_containing(&app.database_url, n).await;
        assert!(found.is_empty(), "{n:?} is still in {found:?}");
    }
    let other_name =
        tend_store::testing::text_columns_containing(&app.database_url, "Olivia Othername").await;
    assert!(!other_name.is_empty(), "only this customer is anonymised");
    // Counts, dates, amounts and statuses are kept.
    assert_eq!(app.list_ids("").await, all_before);
    assert_eq!(app.list_ids(&format!("customer_id={id}")).await.len(), 2);
    for (c, kept) in complaints.iter().zip(&statuses) {
        let now = app.complaint(*c).await;
        assert_eq!(
            json!([
                now["status"],
                now["channel"],
                now["received_at"],
                now["compensation"]
            ]),
            *kept
        );
        let tl = app.timeline(*c).await;
        assert_eq!(tl.last().unwrap()["action"], "anonymised");
        assert_eq!(tl.last().unwrap()["actor"], app.admin.name);
    }
    let after = app
        .get(&format!("/api/v1/customers/{id}"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(after["name"], "Anonymised customer");
    assert_eq!(after["country"], "ES");
    assert_eq!(after["birth_year"], 1970);
    assert_eq!(after["consent_to_contact"], false);
    let log = app.store.consent_log(CustomerId(id)).await.unwrap();
    assert_eq!(
        log.iter()
            .map(|e| (e.given, e.via.as_str()))
            .collect::<Vec<_>>(),
        [(true, "api"), (false, "anonymised")]
    );
    // The timeline is still append-only to anyone else: no edit, no rewrite, no delete.
    for sql in [
        "UPDATE complaint_events SET new_value = 'rewritten'".to_owned(),
        format!(
            "UPDATE complaint_events SET actor = 'x' WHERE complaint_id = {}",
            complaints[0]
        ),
        "DELETE FROM complaint_events".to_owned(),
        format!(
            "UPDATE complaint_events SET new_value = '[anonymised]' WHERE complaint_id = {others}"
        ),
    ] {
        let refused = tend_store::testing::execute(&app.database_url, &sql).await;
        assert!(refused.is_err_and(|e| e.contains("append-only")), "{sql}");
    }
}
