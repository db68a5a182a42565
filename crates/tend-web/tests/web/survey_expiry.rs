//! An invitation's link expires its days after the invitation (the surveys' setting, 10 here):
//! until then it takes answers; from that instant its page says so in the customer's language
//! (es, tr, en) and a page sent to it stores nothing; a link answered before still says so.

use jiff::SignedDuration;
use serde_json::{Value, json};
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::Mailer;
use tend_store::testing::count;
use tend_testkit::smtp::SmtpServer;

use crate::browser::Browser;
use crate::helpers::{TestApp, now, spawn_app};
use crate::survey_api::{browser, roomy, t};

async fn customer(app: &TestApp, name: &str, lang: &str) -> i64 {
    let body = json!({"name": name, "email": format!("{name}@example.com"),
                      "consent_to_contact": true, "preferred_language": lang});
    let r = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    r.expect(201)["id"].as_i64().unwrap()
}

/// The path `/s/i/TOKEN` in the message sent to `who`.
fn link_to(inbox: &[Value], who: &str) -> String {
    let mail = inbox
        .iter()
        .find(|m| m["rcpt_tos"][0] == format!("{who}@example.com"))
        .expect("a message");
    let text = mail["text"].as_str().expect("a text part");
    let at = text.find("/s/i/").expect("an invitation link");
    text[at..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_owned()
}

async fn answer(b: &Browser, path: &str) -> (u16, String) {
    let r = b
        .submit(path, path, &[("page", "1"), ("website", ""), ("q1", "7")])
        .await;
    (r.status, r.html)
}

#[tokio::test]
async fn an_expired_invitation_link_says_so_in_three_languages_and_stores_nothing() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = Worker::new(
        app.state.clone(),
        Some(Mailer::new(&smtp.settings()).unwrap()),
        WorkerConfig::new("w1"),
    );
    let m = &app.manager.token;
    let days = json!({"invitation_link_days": 10, "cooldown_days": 90});
    app.put_json("/api/v1/survey-settings", m, &days)
        .await
        .expect(200);
    let ids = [
        customer(&app, "ana", "es").await,
        customer(&app, "cem", "tr").await,
        customer(&app, "bob", "en").await,
    ];
    let def = json!({"languages": ["en", "es", "tr"], "title": t("Our service"),
        "questions": [{"kind": "nps", "required": true, "text": t("Would you recommend us?")}]});
    let id = app.post_json("/api/v1/surveys", m, &def).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);
    app.post_json(
        &format!("/api/v1/surveys/{id}/invitations"),
        m,
        &json!({"customers": ids}),
    )
    .await
    .expect(201);
    w.drain().await.unwrap();
    w.drain().await.unwrap();
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 3, "{inbox:?}");
    let (ana, cem, bob) = (
        link_to(&inbox, "ana"),
        link_to(&inbox, "cem"),
        link_to(&inbox, "bob"),
    );
    let base = roomy(&app).await;

    // A second before the 240 h are up, Bob's link still takes his answer.
    app.clock
        .set(now() + SignedDuration::from_hours(240) - SignedDuration::from_secs(1));
    let bob_b = browser(&app, &base);
    assert!(
        bob_b
            .get(&bob)
            .await
            .html
            .contains("Would you recommend us?")
    );
    assert_eq!(answer(&bob_b, &bob).await.0, 303);
    assert_eq!(count(&app.database_url, "survey_responses").await, 1);

    // At 240 h: expired, said in each customer's language; a page sent stores nothing.
    app.clock.set(now() + SignedDuration::from_hours(240));
    let ana_b = browser(&app, &base);
    let page = ana_b.get(&ana).await.html;
    assert!(page.contains("ha caducado"), "{page}");
    assert!(page.contains("duran 10 días"), "{page}");
    assert!(!page.contains("name=\"q1\""), "{page}");
    let (status, html) = answer(&ana_b, &ana).await;
    assert_eq!(status, 200);
    assert!(html.contains("ha caducado"), "{html}");
    let cem_b = browser(&app, &base);
    let page = cem_b.get(&cem).await.html;
    assert!(page.contains("süresi doldu"), "{page}");
    assert!(page.contains("10 gün geçerlidir"), "{page}");
    assert_eq!(answer(&cem_b, &cem).await.0, 200);
    assert_eq!(count(&app.database_url, "survey_responses").await, 1);
    assert_eq!(count(&app.database_url, "survey_answers").await, 1);
    // Bob's link, answered in time, still thanks him; its rate counts him alone.
    let page = browser(&app, &base).get(&bob).await.html;
    assert!(page.contains("one answer from each person"), "{page}");
    let rate = app
        .get(&format!("/api/v1/surveys/{id}/response-rate"), m)
        .await
        .expect(200);
    assert_eq!((&rate["answered"], &rate["n"]), (&json!(1), &json!(3)));
}
