//! Messages to customers: the acknowledgement (waiting for opening hours), the follow-up
//! question after the category's delay, and the retention contact a month after a purchase.

use jiff::SignedDuration;
use serde_json::{Value, json};
use tend_app::mail::Mailer;
use tend_domain::kernel::clock::Clock;
use tend_domain::kernel::ids::ComplaintId;

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{customer, madrid, madrid_office, recipients, run_at, worker};

fn days(n: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * n)
}

/// The status token in a message's text (`…/status/TOKEN`).
fn status_token(mail: &Value) -> String {
    let text = mail["text"].as_str().expect("a text part");
    let at = text.find("/status/").expect("a status link") + "/status/".len();
    text[at..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_owned()
}

/// The messages to anyone but staff (`@tend.test`).
fn to_customers(inbox: Vec<Value>) -> Vec<Value> {
    inbox
        .into_iter()
        .filter(|m| {
            !m["rcpt_tos"][0]
                .as_str()
                .unwrap_or("")
                .ends_with("@tend.test")
        })
        .collect()
}

async fn walk_to_resolved(app: &TestApp, id: i64) {
    for step in [
        json!({"action": "understand", "facts": "The lid does not close."}),
        json!({"action": "identify_cause", "root_cause": "Bent hinge", "responsible_party": "vendor"}),
        json!({"action": "agree_solution", "agreed_solution": "A new lid", "solution_mode": "on_the_spot"}),
        json!({"action": "resolve"}),
    ] {
        app.act(id, &step).await.expect(200);
    }
}

#[tokio::test]
async fn the_acknowledgement_waits_for_opening_hours_and_carries_a_working_status_link() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    madrid_office(&app, "phone", false).await;
    let ana = customer(&app, "Ana Pérez", "ana@example.com", false, "es").await;
    let silent = app.create_customer_named("No Address").await;
    app.clock.set(madrid("2026-03-06 17:30")); // Friday, after closing
    let c = app.create_complaint(ana).await;
    app.create_complaint(silent).await;
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");

    run_at(&app, &w, madrid("2026-03-06 17:30")).await;
    run_at(&app, &w, madrid("2026-03-07 12:00")).await;
    assert_eq!(smtp.inbox().len(), 0, "nothing while the channel is closed");
    run_at(&app, &w, madrid("2026-03-09 08:59")).await;
    assert_eq!(smtp.inbox().len(), 0, "nothing before it opens");
    run_at(&app, &w, madrid("2026-03-09 09:00")).await;
    // Nobody is assigned, so the managers hear of the breaches; the customer hears from us.
    let inbox: Vec<Value> = to_customers(smtp.inbox());
    assert_eq!(recipients(&inbox), ["ana@example.com"], "{inbox:#?}");
    let text = inbox[0]["text"].as_str().unwrap();
    assert!(text.contains(c["reference"].as_str().unwrap()), "{text}");
    let token = status_token(&inbox[0]);
    let named = app.store.complaint_for_status_token(&token).await.unwrap();
    assert_eq!(named, Some(ComplaintId(c["id"].as_i64().unwrap())));
    run_at(&app, &w, madrid("2026-03-10 09:00")).await;
    assert_eq!(to_customers(smtp.inbox()).len(), 1, "sent once");
}

#[tokio::test]
async fn the_follow_up_is_asked_once_after_the_categorys_delay() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let m = &app.manager.token;
    let cat = app
        .post_json("/api/v1/categories", m, &json!({"name": "Kettles"}))
        .await;
    let cat = cat.expect(201)["id"].as_i64().unwrap();
    let path = format!("/api/v1/categories/{cat}/follow-up");
    app.put_json(&path, m, &json!({"follow_up_days": 3}))
        .await
        .expect(204);
    app.put_json(&path, m, &json!({"follow_up_days": 400}))
        .await
        .expect_error(422, "validation_failed", Some("follow_up_days"));
    let luis = customer(&app, "Luis Gómez", "luis@example.com", true, "en").await;
    let draft = json!({"customer_id": luis, "channel": "phone", "category_id": cat,
                       "description": "The lid will not close."});
    let id = app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap();
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    // The follow-up alone: the CSAT question a day after resolution has its own tests.
    app.store.set_csat_enabled("phone", false).await.unwrap();
    walk_to_resolved(&app, id).await;
    let resolved = app.complaint(id).await;
    assert_eq!(
        resolved["follow_up_at"].as_str().unwrap(),
        (app.clock.now() + days(3)).to_string()
    );
    let start = app.clock.now();
    run_at(&app, &w, start + days(2)).await;
    assert_eq!(smtp.inbox().len(), 1, "the acknowledgement only");
    assert!(app.list_ids("follow_up_due=true").await.is_empty());

    run_at(&app, &w, start + days(3)).await;
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 2, "{inbox:#?}");
    assert_eq!(recipients(&inbox)[1], "luis@example.com");
    assert_ne!(inbox[1]["subject"], inbox[0]["subject"]);
    let token = status_token(&inbox[1]);
    assert!(
        app.store
            .complaint_for_status_token(&token)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(
        app.list_ids("follow_up_due=true").await,
        [id],
        "in the agents' list"
    );

    let answer = json!({"action": "follow_up", "outcome": "satisfied"});
    app.act(id, &answer).await.expect(200);
    assert!(app.list_ids("follow_up_due=true").await.is_empty());
    run_at(&app, &w, start + days(10)).await;
    assert_eq!(smtp.inbox().len(), 2, "asked once");
}

#[tokio::test]
async fn purchases_bring_a_retention_contact_a_month_later_once() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let ana = customer(&app, "Ana Pérez", "ana@example.com", true, "tr").await;
    let no = customer(&app, "Nope", "nope@example.com", false, "en").await;
    let a = &app.agent.token;
    let bought = (app.clock.now() - days(1)).to_string();
    let sale = json!({"customer_id": ana, "occurred_at": bought, "product": "Kettle",
                      "amount": "39.90", "currency": "EUR", "external_id": "order-1"});
    let t = app
        .post_json("/api/v1/transactions", a, &sale)
        .await
        .expect(201);
    assert_eq!(
        (t["amount"].as_str(), t["product"].as_str()),
        (Some("39.90"), Some("Kettle"))
    );
    app.post_json("/api/v1/transactions", a, &sale)
        .await
        .expect_error(409, "conflict", Some("external_id"));
    let other = json!({"customer_id": no, "occurred_at": bought, "external_id": "order-2"});
    app.post_json("/api/v1/transactions", a, &other)
        .await
        .expect(201);
    let old = json!({"customer_email": "ana@example.com", "occurred_at": "2021-06-07",
                     "external_id": "order-0"});
    app.post_json("/api/v1/transactions", a, &old)
        .await
        .expect(201);
    let bad = json!({"customer_email": "ghost@example.com", "occurred_at": "2026-01-01"});
    app.post_json("/api/v1/transactions", a, &bad)
        .await
        .expect_error(422, "validation_failed", Some("customer_email"));
    let page = app
        .get(&format!("/api/v1/transactions?customer_id={ana}"), a)
        .await;
    assert_eq!(page.expect(200)["items"].as_array().unwrap().len(), 2);

    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    let start = app.clock.now();
    run_at(&app, &w, start + days(28)).await;
    assert_eq!(
        smtp.inbox().len(),
        0,
        "not yet; and never for a purchase from 2021"
    );
    run_at(&app, &w, start + days(29)).await;
    let inbox = smtp.inbox();
    assert_eq!(
        recipients(&inbox),
        ["ana@example.com"],
        "only who agreed to be contacted"
    );
    assert!(inbox[0]["text"].as_str().unwrap().contains("Kettle"));
    run_at(&app, &w, start + days(60)).await;
    assert_eq!(smtp.inbox().len(), 1, "once");
}
