//! Mail in its reader's zone: staff mail (the assignment, a response-standard warning) in the
//! recipient's own zone, else the company's; the customer's acknowledgement in their country's
//! zone, else their channel's. Due times stay counted in the channel's service hours.

use serde_json::json;
use tend_app::mail::Mailer;
use tend_domain::kernel::ids::EmployeeId;
use tend_store::Actor;

use crate::helpers::{TestApp, spawn_app};
use crate::smtp::SmtpServer;
use crate::{madrid, madrid_office, run_at, worker};

/// A customer with an address, a language and (maybe) a country; returns the id.
async fn customer(
    app: &TestApp,
    name: &str,
    email: &str,
    lang: &str,
    country: Option<&str>,
) -> i64 {
    let mut body = json!({"name": name, "email": email, "preferred_language": lang});
    if let Some(c) = country {
        body["country"] = json!(c);
    }
    let res = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    res.expect(201)["id"].as_i64().expect("customer id")
}

/// The text part of the one message to `to`.
fn text_to(inbox: &[serde_json::Value], to: &str) -> String {
    let mine: Vec<_> = inbox.iter().filter(|m| m["rcpt_tos"][0] == to).collect();
    assert_eq!(mine.len(), 1, "one message to {to}: {inbox:#?}");
    mine[0]["text"].as_str().expect("a text part").to_owned()
}

#[tokio::test]
async fn acknowledgements_are_in_the_customers_zone_and_staff_mail_in_the_recipients() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    madrid_office(&app, "phone", false).await;
    // The agent reads in Mexico City (CST, UTC−6, no summer time since 2022); the company in
    // Istanbul (UTC+03:00 all year), which the manager, with no zone of their own, reads in.
    let mexico = Some("America/Mexico_City");
    let agent = EmployeeId(app.agent.id);
    app.store
        .set_own_settings(agent, "en", mexico)
        .await
        .unwrap();
    let by = Actor::employee(EmployeeId(app.admin.id), "Ada Admin");
    let (at, company) = (madrid("2026-03-06 16:00"), "Cafetera Feliz");
    app.store
        .set_company_settings(company, "Europe/Istanbul", at, &by)
        .await
        .unwrap();
    let ayse = customer(&app, "Ayşe Yılmaz", "ayse@example.com", "tr", Some("TR")).await;
    let ana = customer(&app, "Ana Pérez", "ana@example.com", "es", None).await;

    // Friday 16:30 in Madrid = 15:30 UTC: first response due Monday 12:30 in Madrid.
    app.clock.set(madrid("2026-03-06 16:30"));
    let draft = json!({"customer_id": ayse, "channel": "phone",
        "description": "Kapak kırık.", "assignee_id": app.agent.id});
    app.create_complaint_with(&draft).await;
    let draft =
        json!({"customer_id": ana, "channel": "phone", "description": "La tapa no cierra."});
    app.create_complaint_with(&draft).await;
    let w = worker(&app, Some(Mailer::new(&smtp.settings()).unwrap()), "w1");
    run_at(&app, &w, madrid("2026-03-06 16:30")).await;
    let inbox = smtp.inbox();

    // Türkiye's zone for Ayşe, in Turkish; Spain has one too, but Ana gave no country: the
    // channel's zone (Madrid, CET).
    let to_ayse = text_to(&inbox, "ayse@example.com");
    assert!(to_ayse.contains("06.03.2026 18:30 UTC+03:00"), "{to_ayse}");
    let to_ana = text_to(&inbox, "ana@example.com");
    assert!(to_ana.contains("06/03/2026 16:30 CET"), "{to_ana}");
    // The assignment, in the agent's own zone.
    let assigned = text_to(&inbox, "agent@tend.test");
    assert!(assigned.contains("Mar 6, 2026 09:30 CST"), "{assigned}");

    // The warning at 80 % (Monday 11:42 in Madrid): the assignee's zone; Ana's unassigned
    // complaint warns the managers and admins, in the company's zone.
    run_at(&app, &w, madrid("2026-03-09 11:42")).await;
    let inbox = smtp.inbox()[3..].to_vec();
    let warned = text_to(&inbox, "agent@tend.test");
    assert!(warned.contains("Mar 9, 2026 05:30 CST"), "{warned}");
    assert!(!warned.contains("12:30 CET"), "{warned}");
    let manager = text_to(&inbox, "manager@tend.test");
    assert!(manager.contains("Mar 9, 2026 14:30 UTC+03:00"), "{manager}");
}
