//! `/api/v1/surveys/{id}/schedule`: the relationship (NPS) survey asked round after round,
//! inside the e-mail channel's hours, through a real SMTP server, of every customer with an
//! address and consent not asked by any survey within the cooldown (30 days here) — who is
//! asked counted by hand, round by round.

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::Mailer;
use tend_domain::kernel::ids::ComplaintId;
use tend_testkit::smtp::SmtpServer;

use crate::helpers::{Reply, TestApp, now, spawn_app};

async fn customer(app: &TestApp, name: &str, consent: bool, email: bool) -> i64 {
    let mut body = json!({"name": name, "consent_to_contact": consent,
                          "preferred_language": "en", "phone": "+34600111222"});
    if email {
        body["email"] = json!(format!("{name}@example.com"));
    }
    let r = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    r.expect(201)["id"].as_i64().unwrap()
}

fn t(en: &str) -> Value {
    json!({"en": en, "es": format!("{en} (es)"), "tr": format!("{en} (tr)")})
}

async fn open_survey(app: &TestApp, title: &str, kind: &str) -> i64 {
    let m = &app.manager.token;
    let def = json!({"languages": ["en", "es", "tr"], "title": t(title),
        "questions": [{"kind": kind, "required": true, "text": t("How likely?")}]});
    let id = app.post_json("/api/v1/surveys", m, &def).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);
    id
}

/// The recipients of the relationship survey's messages so far, sorted.
fn asked(smtp: &SmtpServer) -> Vec<String> {
    let mut to: Vec<String> = smtp
        .inbox()
        .iter()
        .filter(|m| m["subject"].as_str().unwrap_or("").contains("Relationship"))
        .map(|m| m["rcpt_tos"][0].as_str().unwrap().to_owned())
        .collect();
    to.sort();
    to
}

async fn invited(app: &TestApp, survey: i64) -> Vec<(i64, Timestamp)> {
    let path = format!("/api/v1/surveys/{survey}/invitations");
    let page = app.get(&path, &app.viewer.token).await.expect(200);
    page["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let at = i["invited_at"].as_str().unwrap().parse().unwrap();
            (i["customer_id"].as_i64().unwrap(), at)
        })
        .collect()
}

async fn drain_at(app: &TestApp, w: &Worker, at: &str) {
    app.clock.set(at.parse().unwrap());
    for _ in 0..3 {
        w.drain().await.unwrap();
    }
}

#[tokio::test]
async fn relationship_rounds_ask_only_customers_outside_the_cooldown_inside_service_hours() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = Worker::new(
        app.state.clone(),
        Some(Mailer::new(&smtp.settings()).unwrap()),
        WorkerConfig::new("w1"),
    );
    let m = &app.manager.token;
    let ana = customer(&app, "ana", true, true).await;
    let bob = customer(&app, "bob", true, true).await;
    let cem = customer(&app, "cem", true, true).await;
    let dan = customer(&app, "dan", false, true).await;
    let eve = customer(&app, "eve", true, false).await;
    let fay = customer(&app, "fay", true, true).await;
    let _ = (dan, eve);

    // Asked before, by other surveys: Cem invited 40 days ago, Bob 10 days ago (that survey
    // then closed, so nothing is mailed); Fay sent a satisfaction request 5 days ago.
    let other = open_survey(&app, "Other", "yes_no").await;
    let path = format!("/api/v1/surveys/{other}/invitations");
    for (who, days) in [(cem, 40), (bob, 10)] {
        app.clock.set(now() - SignedDuration::from_hours(24 * days));
        let body = json!({"customers": [who]});
        app.post_json(&path, m, &body).await.expect(201);
    }
    app.clock.set(now());
    app.post_json(&format!("/api/v1/surveys/{other}/close"), m, &json!({}))
        .await
        .expect(200);
    let complaint = app.create_complaint(fay).await["id"].as_i64().unwrap();
    let five_days_ago = now() - SignedDuration::from_hours(24 * 5);
    app.store
        .csat_request(ComplaintId(complaint), five_days_ago, None, five_days_ago)
        .await
        .unwrap();

    // A 30-day cooldown; the e-mail channel open Monday to Friday 09:00–17:00 UTC.
    let settings = json!({"invitation_link_days": 30, "cooldown_days": 30});
    app.put_json("/api/v1/survey-settings", m, &settings)
        .await
        .expect(200);
    let week: Value = ["mon", "tue", "wed", "thu", "fri"]
        .iter()
        .map(|d| (d.to_string(), json!([["09:00", "17:00"]])))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let hours = json!({"time_zone": "UTC", "week": week});
    app.put_json("/api/v1/channels/email/service-hours", m, &hours)
        .await
        .expect(200);

    // Refusals: a survey without an NPS question, a draft, a period out of range.
    let nps = open_survey(&app, "Relationship", "nps").await;
    let sched = format!("/api/v1/surveys/{nps}/schedule");
    let first = json!({"every_days": 91, "starts_at": "2026-03-07T10:00:00Z"});
    app.put_json(&format!("/api/v1/surveys/{other}/schedule"), m, &first)
        .await
        .expect_error(422, "validation_failed", Some("status"));
    let yes_no = open_survey(&app, "Yes or no", "yes_no").await;
    app.put_json(&format!("/api/v1/surveys/{yes_no}/schedule"), m, &first)
        .await
        .expect_error(422, "validation_failed", Some("questions"));
    app.put_json(&sched, m, &json!({"every_days": 0}))
        .await
        .expect_error(422, "validation_failed", Some("every_days"));
    app.put_json(&sched, &app.agent.token, &first)
        .await
        .expect_error(403, "forbidden", None);
    app.get(&sched, m)
        .await
        .expect_error(404, "not_found", None);
    // Every 91 days from Saturday 7 March 10:00 (the channel is closed then).
    let set = app.put_json(&sched, m, &first).await.expect(200);
    assert_eq!(set["next_run_at"], "2026-03-07T10:00:00Z");

    // Friday: not due. Saturday: due, but the channel is closed — nobody is asked yet.
    drain_at(&app, &w, "2026-03-06T16:00:00Z").await;
    drain_at(&app, &w, "2026-03-07T10:00:00Z").await;
    assert!(invited(&app, nps).await.is_empty());
    // Monday 09:00, round 1: since 7 February, Bob (10 days ago) and Fay (a satisfaction
    // request 5 days ago) were asked; Dan has no consent, Eve no address. Ana and Cem (40
    // days ago) are asked: 2.
    drain_at(&app, &w, "2026-03-09T09:00:00Z").await;
    let monday: Timestamp = "2026-03-09T09:00:00Z".parse().unwrap();
    assert_eq!(invited(&app, nps).await, [(ana, monday), (cem, monday)]);
    assert_eq!(asked(&smtp), ["ana@example.com", "cem@example.com"]);
    let next = app.get(&sched, &app.viewer.token).await.expect(200);
    assert_eq!(next["next_run_at"], "2026-06-06T10:00:00Z");

    // Bob withdraws consent. Round 2 (Saturday 6 June, so Monday 8 June 09:00): nobody was
    // asked since 9 May; Bob has no consent now: Ana, Cem and Fay are asked: 3. (Round 1's
    // reminders, their links expired on 8 April, send nothing.)
    app.patch_json(
        &format!("/api/v1/customers/{bob}"),
        &app.agent.token,
        &json!({"consent_to_contact": false}),
    )
    .await
    .expect(200);
    drain_at(&app, &w, "2026-06-06T10:00:00Z").await;
    assert_eq!(invited(&app, nps).await.len(), 2);
    drain_at(&app, &w, "2026-06-08T09:00:00Z").await;
    let june: Timestamp = "2026-06-08T09:00:00Z".parse().unwrap();
    let all = invited(&app, nps).await;
    assert_eq!(all.len(), 5, "{all:?}");
    assert_eq!(&all[2..], [(ana, june), (cem, june), (fay, june)]);
    assert_eq!(
        asked(&smtp),
        [
            "ana@example.com",
            "ana@example.com",
            "cem@example.com",
            "cem@example.com",
            "fay@example.com"
        ]
    );

    // Stopped: the queued round 3 asks nobody.
    let stop = Reply::send(app.client.delete(app.url(&sched)).bearer_auth(m)).await;
    assert_eq!(stop.status.as_u16(), 204, "{}", stop.text);
    app.get(&sched, m)
        .await
        .expect_error(404, "not_found", None);
    drain_at(&app, &w, "2026-09-07T09:00:00Z").await;
    assert_eq!(invited(&app, nps).await.len(), 5);
}
