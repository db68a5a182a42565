//! The stale-figure mail (the `figures_stale` job): a figure with an owner that missed its last
//! period is told to the owner once, through the test kit's real SMTP server, in the owner's
//! language, with a link to the figure; nothing for a fresh figure, a figure Tend computes or
//! one without an owner; again for the next period missed.

use jiff::Timestamp;
use serde_json::{Value, json};
use tend_app::figures::stale::{check, schedule};
use tend_app::mail::Mailer;
use tend_domain::kernel::ids::EmployeeId;
use tend_store::testing::count;

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{recipients, run_at, worker};

/// The stale-figure messages received.
fn stale(inbox: &[Value]) -> Vec<Value> {
    inbox
        .iter()
        .filter(|m| {
            let s = m["subject"].as_str().unwrap_or("");
            s.contains("has no value for") || s.contains("no tiene valor para")
        })
        .cloned()
        .collect()
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// A monthly count figure; `owner` is told when it is stale. Returns its id.
async fn figure(app: &TestApp, code: &str, name: &str, owner: Option<i64>) -> i64 {
    let body = json!({"code": code, "name": name, "definition": "Deliveries later than promised.",
        "unit": "count", "source": "vendor", "vendor_name": "Courier", "owner_id": owner});
    let f = app
        .post_json("/api/v1/figures", &app.manager.token, &body)
        .await
        .expect(201);
    f["id"].as_i64().unwrap()
}

async fn push(app: &TestApp, id: i64, period: &str) {
    let body = json!({"values": [{"period": period, "numerator": 3}]});
    let path = format!("/api/v1/figures/{id}/values");
    app.post_json(&path, &app.manager.token, &body)
        .await
        .expect(200);
}

#[tokio::test]
async fn a_stale_figure_s_owner_is_told_once_per_missed_period() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    app.clock.set(at("2026-03-10T12:00:00Z"));
    let owner = Some(app.manager.id);
    let late = figure(&app, "late_deliveries", "Late deliveries", owner).await;
    let fresh = figure(&app, "lost_parcels", "Lost parcels", owner).await;
    push(&app, fresh, "2026-02-01").await;
    // Stale, but nobody to tell.
    figure(&app, "damaged_parcels", "Damaged parcels", None).await;
    // Computed by Tend: never stale, whoever owns it.
    let body = json!({"pusher_id": null, "owner_id": app.manager.id});
    app.put_json(
        "/api/v1/figures/returns/assignment",
        &app.manager.token,
        &body,
    )
    .await
    .expect(200);

    // Tuesday 10 March: February was missed by "Late deliveries" only.
    schedule(&app.state).await.unwrap();
    schedule(&app.state).await.unwrap();
    run_at(&app, &w, at("2026-03-10T12:00:00Z")).await;
    let got = stale(&smtp.inbox());
    assert_eq!(
        recipients(&got),
        ["manager@tend.test"],
        "{:#?}",
        smtp.inbox()
    );
    assert_eq!(
        got[0]["subject"],
        "The figure \"Late deliveries\" has no value for February 2026"
    );
    let text = got[0]["text"].as_str().unwrap();
    assert!(text.contains("Hello Mona Manager"), "{text}");
    assert!(text.contains(&format!("/figures/{late}")), "{text}");
    assert!(!text.contains(&format!("/figures/{fresh}")), "{text}");

    // The job runs again an hour later, and by hand: nothing more.
    run_at(&app, &w, at("2026-03-10T14:00:00Z")).await;
    assert_eq!(check(&app.state).await.unwrap(), 0);
    run_at(&app, &w, at("2026-03-11T12:00:00Z")).await;
    assert_eq!(stale(&smtp.inbox()).len(), 1, "once per missed period");
    assert_eq!(count(&app.database_url, "figure_stale_notices").await, 1);

    // February arrives late; both are fresh through March.
    push(&app, late, "2026-02-01").await;
    run_at(&app, &w, at("2026-03-20T12:00:00Z")).await;
    assert_eq!(stale(&smtp.inbox()).len(), 1);

    // "Lost parcels" sends March in time; "Late deliveries" misses it: told again, for March.
    app.clock.set(at("2026-03-31T12:00:00Z"));
    push(&app, fresh, "2026-03-01").await;
    run_at(&app, &w, at("2026-04-01T12:00:00Z")).await;
    run_at(&app, &w, at("2026-04-01T15:00:00Z")).await;
    let got = stale(&smtp.inbox());
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(
        got[1]["subject"],
        "The figure \"Late deliveries\" has no value for March 2026"
    );
    assert_eq!(count(&app.database_url, "figure_stale_notices").await, 2);
}

#[tokio::test]
async fn a_spanish_owner_is_told_in_spanish() {
    let app = spawn_app().await;
    let owner = EmployeeId(app.manager.id);
    app.store.set_employee_language(owner, "es").await.unwrap();
    let smtp = SmtpServer::start();
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    app.clock.set(at("2026-03-10T12:00:00Z"));
    let id = figure(&app, "entregas_tarde", "Entregas tardías", Some(owner.0)).await;
    schedule(&app.state).await.unwrap();
    run_at(&app, &w, at("2026-03-10T12:00:00Z")).await;
    let got = stale(&smtp.inbox());
    assert_eq!(recipients(&got), ["manager@tend.test"]);
    assert_eq!(
        got[0]["subject"],
        "La cifra «Entregas tardías» no tiene valor para febrero de 2026"
    );
    let text = got[0]["text"].as_str().unwrap();
    assert!(text.contains("Hola, Mona Manager:"), "{text}");
    assert!(text.contains(&format!("/figures/{id}")), "{text}");
}
