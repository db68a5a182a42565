//! Survey invitations end to end: a manager invites a list and then everyone from the survey's
//! page; only customers with an address and consent are invited, each once; the worker mails
//! each in their language through the test kit's SMTP server; a private link answers once; the
//! one reminder skips those who answered or withdrew consent; the response rate by hand.

use jiff::SignedDuration;
use serde_json::{Value, json};
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::Mailer;
use tend_domain::staff::Role;
use tend_testkit::smtp::SmtpServer;

use crate::browser::{Browser, signed_in};
use crate::helpers::{TestApp, now, spawn_app};
use crate::survey_api::{browser, roomy, t};

async fn customer(app: &TestApp, body: Value) -> i64 {
    let r = app
        .post_json("/api/v1/customers", &app.agent.token, &body)
        .await;
    r.expect(201)["id"].as_i64().unwrap()
}

/// The path `/s/i/TOKEN` in a message's text part.
fn link(mail: &Value) -> String {
    let text = mail["text"].as_str().expect("a text part");
    let at = text.find("/s/i/").expect("an invitation link");
    text[at..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_owned()
}

fn to(mail: &Value) -> String {
    mail["rcpt_tos"][0].as_str().unwrap_or_default().to_owned()
}

async fn answer(b: &Browser, path: &str, score: &str) -> u16 {
    let fields = [("page", "1"), ("website", ""), ("q1", score)];
    b.submit(path, path, &fields).await.status
}

#[tokio::test]
async fn invitations_reach_consenting_customers_once_in_their_language_with_one_reminder() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = Worker::new(
        app.state.clone(),
        Some(Mailer::new(&smtp.settings()).unwrap()),
        WorkerConfig::new("w1"),
    );
    let ana = json!({"name": "Ana", "email": "ana@example.com", "consent_to_contact": true,
                     "preferred_language": "es", "country": "ES"});
    let ana = customer(&app, ana).await;
    let bob = json!({"name": "Bob", "email": "bob@example.com", "consent_to_contact": true,
                     "preferred_language": "en", "country": "GB"});
    let bob = customer(&app, bob).await;
    let cem = json!({"name": "Cem", "email": "cem@example.com", "consent_to_contact": true,
                     "preferred_language": "tr", "country": "TR"});
    let cem = customer(&app, cem).await;
    let dan = json!({"name": "Dan", "email": "dan@example.com", "consent_to_contact": false,
                     "preferred_language": "en"});
    let dan = customer(&app, dan).await;
    customer(
        &app,
        json!({"name": "Eve", "phone": "+34600111222", "consent_to_contact": true}),
    )
    .await;

    let m = &app.manager.token;
    let def = json!({"languages": ["en", "es", "tr"], "title": t("Our service"),
        "questions": [{"kind": "nps", "required": true, "text": t("Would you recommend us?")}]});
    let s = app.post_json("/api/v1/surveys", m, &def).await.expect(201);
    let id = s["id"].as_i64().unwrap();
    let page = format!("/surveys/{id}");
    let invite = format!("/surveys/{id}/invitations");
    let manager = signed_in(&app, Role::Manager).await;
    // A draft takes no invitations.
    let r = manager
        .submit("/surveys", &invite, &[("audience", "all")])
        .await;
    assert_eq!(r.status, 422);
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);

    // A list: Ana, Bob, Cem invited; Dan (no consent) left out. A bad number is refused.
    let bad = manager
        .submit(
            &page,
            &invite,
            &[("audience", "list"), ("customers", "1, x")],
        )
        .await;
    assert_eq!(bad.status, 422);
    let list = format!("{ana}, {bob} {cem}\n{dan}");
    let r = manager
        .submit(
            &page,
            &invite,
            &[("audience", "list"), ("customers", &list)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.html);
    assert!(r.location().contains("invited=3&left_out=1&already=0"));
    // Everyone: the three were invited before; Dan and Eve (no address) are left out.
    let r = manager.submit(&page, &invite, &[("audience", "all")]).await;
    assert!(
        r.location().contains("invited=0&left_out=2&already=3"),
        "{}",
        r.location()
    );
    // An agent may not invite.
    let agent = signed_in(&app, Role::Agent).await;
    let r = agent
        .submit("/surveys", &invite, &[("audience", "all")])
        .await;
    assert_eq!(r.status, 403);

    // Nothing sent yet: no rate.
    let shown = manager.get(&page).await;
    assert!(
        shown.html.contains("<strong id=\"invited\">3</strong>"),
        "{}",
        shown.html
    );
    assert!(shown.html.contains("<strong id=\"sent\">0</strong>"));

    // The worker mails each once, in their language.
    w.drain().await.unwrap();
    w.drain().await.unwrap();
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 3, "{inbox:?}");
    let mail_to = |who: &str| inbox.iter().find(|m| to(m) == who).unwrap().clone();
    let (to_ana, to_bob, to_cem) = (
        mail_to("ana@example.com"),
        mail_to("bob@example.com"),
        mail_to("cem@example.com"),
    );
    assert_eq!(to_ana["subject"], "Su opinión, por favor: Our service (es)");
    assert_eq!(to_bob["subject"], "Your opinion, please: Our service");
    assert_eq!(
        to_cem["subject"],
        "Görüşünüzü rica ediyoruz: Our service (tr)"
    );

    // Ana answers in Spanish through her link, once.
    let base = roomy(&app).await;
    let ana_b = browser(&app, &base);
    let ana_link = link(&to_ana);
    let first = ana_b.get(&ana_link).await;
    assert!(
        first.html.contains("Would you recommend us? (es)"),
        "{}",
        first.html
    );
    assert_eq!(answer(&ana_b, &ana_link, "9").await, 303);
    let again = browser(&app, &base);
    assert!(
        again
            .get(&ana_link)
            .await
            .html
            .contains("una respuesta por persona")
    );
    let replay = answer(&again, &ana_link, "0").await;
    assert_eq!(replay, 200);
    // A forged link is not found.
    let forged = format!("{}x", &ana_link[..ana_link.len() - 1]);
    assert_eq!(again.get(&forged).await.status, 404);

    // 1 complete answer ÷ 3 delivered = 33.3 %.
    let shown = manager.get(&page).await;
    assert!(
        shown.html.contains("<strong id=\"delivered\">3</strong>"),
        "{}",
        shown.html
    );
    assert!(shown.html.contains("<strong id=\"answered\">1</strong>"));
    assert!(
        shown
            .html
            .contains("<strong id=\"response-rate\">33.3 %</strong> (n = 3)")
    );

    // Cem withdraws consent; a week later only Bob is reminded (Ana answered).
    let path = format!("/api/v1/customers/{cem}");
    app.patch_json(
        &path,
        &app.agent.token,
        &json!({"consent_to_contact": false}),
    )
    .await
    .expect(200);
    app.clock.set(now() + SignedDuration::from_hours(167));
    w.drain().await.unwrap();
    assert_eq!(smtp.inbox().len(), 3, "no reminder before 168 h");
    app.clock.set(now() + SignedDuration::from_hours(169));
    w.drain().await.unwrap();
    w.drain().await.unwrap();
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 4, "{inbox:?}");
    assert_eq!(to(&inbox[3]), "bob@example.com");
    assert_eq!(inbox[3]["subject"], "A reminder: Our service");

    // Bob answers from the reminder's link: 2 ÷ 3 = 66.7 %.
    let bob_b = browser(&app, &base);
    assert_eq!(answer(&bob_b, &link(&inbox[3]), "3").await, 303);
    // A week on, the first session has expired: sign in again.
    let manager = signed_in(&app, Role::Manager).await;
    let shown = manager.get(&page).await;
    let rate = "<strong id=\"response-rate\">66.7 %</strong> (n = 3)";
    assert!(shown.html.contains(rate), "{} {}", shown.status, shown.html);
    // Both went through invitations; the NPS counts them: 1 promoter, 1 detractor of 2 → 0.0.
    assert!(shown.html.contains("<strong class=\"nps\">0.0</strong>"));

    // Cem's invitation bounces (a failure report over LMTP, from the null sender): it is no
    // longer delivered, so 2 ÷ (3 sent − 1 bounced) = 100.0 %. A delay report, a report about
    // a message Tend never sent and the same report again change nothing; none is a complaint.
    let (lmtp, _stop) =
        tend_testkit::lmtp::start_listener(app.state.clone(), "help@tend.test").await;
    let cem_id = to_cem["message_id"]
        .as_str()
        .expect("a Message-ID")
        .to_owned();
    let bob_id = to_bob["message_id"].as_str().unwrap().to_owned();
    for (action, id) in [
        ("delayed", bob_id.as_str()),
        ("failed", "<never-sent@tend>"),
        ("failed", cem_id.as_str()),
        ("failed", cem_id.as_str()),
    ] {
        let reply = tend_testkit::lmtp::deliver_one(lmtp, "", &dsn(action, id)).await;
        assert!(reply.starts_with("250"), "{reply}");
    }
    let shown = manager.get(&page).await;
    assert!(
        shown.html.contains("<strong id=\"bounced\">1</strong>"),
        "{}",
        shown.html
    );
    assert!(shown.html.contains("<strong id=\"delivered\">2</strong>"));
    let rate = "<strong id=\"response-rate\">100.0 %</strong> (n = 2)";
    assert!(shown.html.contains(rate), "{}", shown.html);
    assert_eq!(
        tend_store::testing::count(&app.database_url, "complaints").await,
        0
    );
}

/// A delivery status report (RFC 3464) for the message `id` with `action` for its recipient.
fn dsn(action: &str, id: &str) -> Vec<u8> {
    format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.example>\r\nTo: help@tend.test\r\n\
         Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <{action}-{}@mx.example>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; \
         boundary=\"R\"\r\n\r\n--R\r\nContent-Type: text/plain\r\n\r\nYour message could not \
         be delivered.\r\n--R\r\nContent-Type: message/delivery-status\r\n\r\n\
         Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; x@example.com\r\n\
         Action: {action}\r\nStatus: 5.1.1\r\n\r\n--R\r\nContent-Type: text/rfc822-headers\r\n\r\n\
         From: help@tend.test\r\nMessage-ID: {id}\r\nSubject: Your opinion\r\n\r\n--R--\r\n",
        id.len() + action.len()
    )
    .into_bytes()
}
