//! `/api/v1/surveys/{id}/invitations`, `/response-rate` and `/api/v1/survey-settings`: a
//! manager invites a list and a saved segment by the page's rules (address and consent, once
//! per survey); the worker mails them through a real SMTP server; each invitation's status
//! follows it (pending → sent → reminded / answered / bounced); the response rate by hand;
//! the settings are checked, audited and give each link its expiry.

use jiff::SignedDuration;
use serde_json::{Value, json};
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::Mailer;
use tend_domain::surveys::{Answer, SurveyId};
use tend_store::PageSent;
use tend_testkit::smtp::SmtpServer;

use crate::helpers::{TestApp, now, spawn_app};

async fn customer(app: &TestApp, body: Value) -> i64 {
    let r = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    r.expect(201)["id"].as_i64().unwrap()
}

fn person(name: &str, consent: bool, lang: &str, country: &str) -> Value {
    json!({"name": name, "email": format!("{}@example.com", name.to_lowercase()),
           "consent_to_contact": consent, "preferred_language": lang, "country": country})
}

/// The invitations' (customer, status) in id order, optionally of one status.
async fn statuses(app: &TestApp, id: i64, query: &str) -> Vec<(i64, String)> {
    let path = format!("/api/v1/surveys/{id}/invitations{query}");
    let page = app.get(&path, &app.viewer.token).await.expect(200);
    page["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let status = i["status"].as_str().unwrap().to_owned();
            (i["customer_id"].as_i64().unwrap(), status)
        })
        .collect()
}

fn t(en: &str) -> Value {
    json!({"en": en, "es": format!("{en} (es)"), "tr": format!("{en} (tr)")})
}

#[tokio::test]
async fn invitations_are_made_listed_with_their_status_and_counted_in_the_rate() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = Worker::new(
        app.state.clone(),
        Some(Mailer::new(&smtp.settings()).unwrap()),
        WorkerConfig::new("w1"),
    );
    let ana = customer(&app, person("Ana", true, "es", "ES")).await;
    let bob = customer(&app, person("Bob", true, "en", "GB")).await;
    let cem = customer(&app, person("Cem", true, "tr", "TR")).await;
    let dan = customer(&app, person("Dan", false, "en", "GB")).await;
    let eve = json!({"name": "Eve", "phone": "+34600111222", "consent_to_contact": true});
    let eve = customer(&app, eve).await;
    let fay = customer(&app, person("Fay", true, "tr", "TR")).await;

    let (m, agent) = (&app.manager.token, &app.agent.token);
    let def = json!({"languages": ["en", "es", "tr"], "title": t("Our service"),
        "questions": [{"kind": "nps", "required": true, "text": t("Would you recommend us?")}]});
    let id = app.post_json("/api/v1/surveys", m, &def).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/surveys/{id}/invitations");
    let list = json!({"customers": [ana, bob, cem, dan, eve, 999_999, ana]});
    // A draft takes no invitations; nothing is stored.
    app.post_json(&path, m, &list)
        .await
        .expect_error(422, "validation_failed", Some("status"));
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);
    // Who is asked must be said, once; an unknown segment, an unknown survey, an agent: no.
    for (body, field) in [
        (json!({}), "customers"),
        (json!({"customers": []}), "customers"),
        (json!({"customers": [ana], "segment_id": 1}), "segment_id"),
        (json!({"segment_id": 999_999}), "segment_id"),
    ] {
        app.post_json(&path, m, &body)
            .await
            .expect_error(422, "validation_failed", Some(field));
    }
    app.post_json("/api/v1/surveys/999999/invitations", m, &list)
        .await
        .expect_error(404, "not_found", None);
    app.post_json(&path, agent, &list)
        .await
        .expect_error(403, "forbidden", None);
    assert!(statuses(&app, id, "").await.is_empty());

    // The list: Ana, Bob, Cem invited; Dan (no consent) and Eve (no address) left out; one
    // id names nobody; Ana listed twice counts once.
    let done = app.post_json(&path, m, &list).await.expect(201);
    assert_eq!(
        done,
        json!({"invited": 3, "left_out": 2, "already": 0, "unknown": 1})
    );
    // A saved segment, read now: Turkey is Cem (invited before) and Fay.
    let seg = json!({"name": "Turkey", "country": "TR"});
    let seg = app.post_json("/api/v1/segments", m, &seg).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    let done = app
        .post_json(&path, m, &json!({"segment_id": seg}))
        .await
        .expect(201);
    assert_eq!(
        done,
        json!({"invited": 1, "left_out": 0, "already": 1, "unknown": 0})
    );
    let pending: Vec<(i64, String)> = [ana, bob, cem, fay]
        .iter()
        .map(|c| (*c, "pending".to_owned()))
        .collect();
    assert_eq!(statuses(&app, id, "").await, pending);
    let rate_path = format!("/api/v1/surveys/{id}/response-rate");
    let rate = app.get(&rate_path, &app.viewer.token).await.expect(200);
    assert_eq!(rate["invited"], 4);
    assert_eq!(rate["n"], 0);
    assert_eq!(rate["rate"], Value::Null);

    // Mailed: four messages, four sent.
    w.drain().await.unwrap();
    w.drain().await.unwrap();
    assert_eq!(smtp.inbox().len(), 4, "{:?}", smtp.inbox());
    assert_eq!(statuses(&app, id, "?status=sent").await.len(), 4);

    // Ana answers through her link (stored as the page does: the token is her key); Cem's
    // mail comes back.
    let page = app.get(&path, m).await.expect(200);
    let inv = |c: i64| {
        page["invitations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["customer_id"] == c)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let token = app.store.survey_invitation_token(inv(ana)).await.unwrap();
    let answers = [(1, Some(Answer::Number(9)))];
    let sent = PageSent {
        key: &token,
        channel: "invitation",
        invitation: Some(inv(ana)),
        language: "es",
        answers: &answers,
        next_page: None,
    };
    app.store
        .save_survey_page(SurveyId(id), &sent, now())
        .await
        .unwrap();
    app.store
        .survey_invitation_bounced(inv(cem), now())
        .await
        .unwrap();

    // A week on, the one reminder: Bob and Fay only (Ana answered, Cem bounced).
    app.clock.set(now() + SignedDuration::from_hours(169));
    w.drain().await.unwrap();
    w.drain().await.unwrap();
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 6, "{inbox:?}");
    let mut reminded: Vec<String> = inbox[4..]
        .iter()
        .map(|m| m["rcpt_tos"][0].as_str().unwrap().to_owned())
        .collect();
    reminded.sort();
    assert_eq!(reminded, ["bob@example.com", "fay@example.com"]);
    let expected = vec![
        (ana, "answered".to_owned()),
        (bob, "reminded".to_owned()),
        (cem, "bounced".to_owned()),
        (fay, "reminded".to_owned()),
    ];
    assert_eq!(statuses(&app, id, "").await, expected);
    // Filtered and paged by keyset.
    let only = statuses(&app, id, "?status=reminded").await;
    assert_eq!(
        only,
        expected[1..2]
            .iter()
            .chain(&expected[3..])
            .cloned()
            .collect::<Vec<_>>()
    );
    let first = app.get(&format!("{path}?limit=3"), m).await.expect(200);
    assert_eq!(first["invitations"].as_array().unwrap().len(), 3);
    let after = first["next_after"].as_i64().unwrap();
    let rest = app
        .get(&format!("{path}?limit=3&after={after}"), m)
        .await
        .expect(200);
    assert_eq!(rest["invitations"][0]["customer_id"], fay);
    assert_eq!(rest["next_after"], Value::Null);
    for bad in ["?status=expired", "?limit=0", "?after=-1", "?colour=red"] {
        let r = app.get(&format!("{path}{bad}"), m).await;
        assert_eq!(r.status, 422, "{bad}: {}", r.text);
    }

    // 1 complete answer ÷ (4 sent − 1 bounced) = 33.3 %, n = 3.
    let rate = app.get(&rate_path, &app.viewer.token).await.expect(200);
    assert_eq!(
        (
            &rate["invited"],
            &rate["sent"],
            &rate["bounced"],
            &rate["delivered"]
        ),
        (&json!(4), &json!(4), &json!(1), &json!(3))
    );
    assert_eq!((&rate["answered"], &rate["n"]), (&json!(1), &json!(3)));
    let r = rate["rate"].as_f64().unwrap();
    assert!((r - 100.0 / 3.0).abs() < 1e-9, "{r}");
    assert!(
        rate["definition"]
            .as_str()
            .unwrap()
            .contains("sent − bounced")
    );
}

#[tokio::test]
async fn survey_settings_are_checked_audited_and_set_each_links_expiry() {
    let app = spawn_app().await;
    let (m, agent) = (&app.manager.token, &app.agent.token);
    let get = app.get("/api/v1/survey-settings", agent).await.expect(200);
    assert_eq!(
        get,
        json!({"invitation_link_days": 30, "cooldown_days": 90})
    );
    let bad = app
        .put_json(
            "/api/v1/survey-settings",
            m,
            &json!({"invitation_link_days": 0, "cooldown_days": 3651}),
        )
        .await;
    bad.expect_error(422, "validation_failed", Some("invitation_link_days"));
    bad.expect_error(422, "validation_failed", Some("cooldown_days"));
    let body = json!({"invitation_link_days": 10, "cooldown_days": 0});
    app.put_json("/api/v1/survey-settings", agent, &body)
        .await
        .expect_error(403, "forbidden", None);
    assert_eq!(
        app.put_json("/api/v1/survey-settings", m, &body)
            .await
            .expect(200),
        body
    );
    assert_eq!(
        app.get("/api/v1/survey-settings", agent).await.expect(200),
        body
    );
    let audit = app.get("/api/v1/audit", &app.admin_token).await.expect(200);
    assert!(
        audit
            .to_string()
            .contains("invitation_link_days=10; cooldown_days=0")
    );

    let ana = customer(&app, person("Ana", true, "es", "ES")).await;
    let def = json!({"languages": ["en"], "title": {"en": "Us"},
        "questions": [{"kind": "yes_no", "required": true, "text": {"en": "Happy?"}}]});
    let id = app.post_json("/api/v1/surveys", m, &def).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);
    let path = format!("/api/v1/surveys/{id}/invitations");
    app.post_json(&path, m, &json!({"customers": [ana]}))
        .await
        .expect(201);
    let page = app.get(&path, m).await.expect(200);
    let i = &page["invitations"][0];
    let invited: jiff::Timestamp = i["invited_at"].as_str().unwrap().parse().unwrap();
    let expires: jiff::Timestamp = i["link_expires_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(expires, invited + SignedDuration::from_hours(240));
}
