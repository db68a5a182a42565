//! One survey with a question of each kind (open, rating 1–5, rating 1–10, NPS, single
//! choice, multiple choice with "other: …", yes/no) in three languages, answered page by page
//! through its public link and through invitations mailed by the worker: the distributions,
//! means, medians, NPS and response rate (invited vs answered, partial answers apart), in all
//! and per channel, checked against values computed by hand.

use serde_json::{Value, json};
use tend_app::jobs::{Worker, WorkerConfig};
use tend_app::mail::Mailer;
use tend_testkit::smtp::SmtpServer;

use crate::browser::Browser;
use crate::helpers::{TestApp, spawn_app};
use crate::survey_api::{browser, roomy, t};

/// Seven questions: four on page 1, three on page 2.
fn seven_kinds() -> Value {
    json!({
        "languages": ["en", "es", "tr"],
        "title": t("After your visit"),
        "questions": [
            {"kind": "open", "text": t("What happened?")},
            {"kind": "rating", "scale": 5, "required": true, "text": t("How was it?")},
            {"kind": "rating", "scale": 10, "text": t("How fast were we?")},
            {"kind": "nps", "text": t("Would you recommend us?")},
            {"kind": "single_choice", "page": 2, "options": [t("Shop"), t("Web")], "text": t("Where?")},
            {"kind": "multiple_choice", "page": 2, "other": true, "options": [t("Price"), t("Staff"), t("Wait")], "text": t("What mattered?")},
            {"kind": "yes_no", "page": 2, "text": t("Solved?")},
        ]
    })
}

/// Sends one page from `b` at `path` (the public link or an invitation's); its status.
async fn send(b: &Browser, path: &str, page: &str, fields: &[(&str, &str)]) -> u16 {
    let mut all = vec![("page", page), ("website", "")];
    all.extend_from_slice(fields);
    b.submit(path, path, &all).await.status
}

/// Answers both pages from `b` at `path`.
async fn both(b: &Browser, path: &str, one: &[(&str, &str)], two: &[(&str, &str)]) {
    assert_eq!(send(b, path, "1", one).await, 303, "page 1 at {path}");
    assert_eq!(send(b, path, "2", two).await, 303, "page 2 at {path}");
}

/// The invitation link `/s/i/TOKEN` in the message sent to `who`.
fn link_to(inbox: &[Value], who: &str) -> String {
    let mail = inbox
        .iter()
        .find(|m| m["rcpt_tos"][0] == who)
        .expect("a message");
    let text = mail["text"].as_str().expect("a text part");
    let at = text.find("/s/i/").expect("an invitation link");
    text[at..]
        .split(char::is_whitespace)
        .next()
        .unwrap()
        .to_owned()
}

async fn results(app: &TestApp, id: i64, query: &str) -> Value {
    let path = format!("/api/v1/surveys/{id}/results{query}");
    app.get(&path, &app.viewer.token).await.expect(200)
}

/// Question `n`'s distribution as (value, count) pairs.
fn dist(res: &Value, n: usize) -> Vec<(String, u64)> {
    res["questions"][n - 1]["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["value"].as_str().unwrap().to_owned(),
                b["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, u64)]) -> Vec<(String, u64)> {
    v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
}

#[tokio::test]
async fn every_kind_answered_by_link_and_by_invitation_gives_hand_computed_results() {
    let app = spawn_app().await;
    let smtp = SmtpServer::start();
    let w = Worker::new(
        app.state.clone(),
        Some(Mailer::new(&smtp.settings()).unwrap()),
        WorkerConfig::new("w1"),
    );
    let m = &app.manager.token;
    let s = app
        .post_json("/api/v1/surveys", m, &seven_kinds())
        .await
        .expect(201);
    let id = s["id"].as_i64().unwrap();
    let link = s["public_link"].as_str().unwrap();
    let public = link[link.find("/s/").unwrap()..].to_owned();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);

    // Four customers invited (es, en, tr, en) and mailed.
    let mut invited = Vec::new();
    for (name, lang) in [("Ana", "es"), ("Bob", "en"), ("Cem", "tr"), ("Dan", "en")] {
        let c = json!({"name": name, "email": format!("{}@example.com", name.to_lowercase()),
                       "consent_to_contact": true, "preferred_language": lang});
        let r = app
            .post_json("/api/v1/customers", &app.agent.token, &c)
            .await;
        invited.push(r.expect(201)["id"].as_i64().unwrap());
    }
    let path = format!("/api/v1/surveys/{id}/invitations");
    let done = app
        .post_json(&path, m, &json!({"customers": invited}))
        .await
        .expect(201);
    assert_eq!(done["invited"], 4);
    w.drain().await.unwrap();
    w.drain().await.unwrap();
    let inbox = smtp.inbox();
    assert_eq!(inbox.len(), 4, "{inbox:?}");

    let base = roomy(&app).await;
    // Through invitations: Ana (es) and Cem (tr) answer both pages; Bob only the first.
    let ana = link_to(&inbox, "ana@example.com");
    let b = browser(&app, &base);
    assert!(b.get(&ana).await.html.contains("How fast were we? (es)"));
    both(
        &b,
        &ana,
        &[
            ("q1", "La tapa se rompió"),
            ("q2", "4"),
            ("q3", "8"),
            ("q4", "10"),
        ],
        &[("q5", "0"), ("q6", "0"), ("q6", "2"), ("q7", "yes")],
    )
    .await;
    // The link answers once.
    assert_eq!(
        send(&browser(&app, &base), &ana, "1", &[("q2", "1")]).await,
        200
    );
    let cem = link_to(&inbox, "cem@example.com");
    let b = browser(&app, &base);
    assert!(b.get(&cem).await.html.contains("How fast were we? (tr)"));
    both(
        &b,
        &cem,
        &[("q2", "5"), ("q3", "10"), ("q4", "9")],
        &[
            ("q5", "1"),
            ("q6", "other"),
            ("q6-other", "Otopark"),
            ("q7", "no"),
        ],
    )
    .await;
    let bob = link_to(&inbox, "bob@example.com");
    let b = browser(&app, &base);
    let one = [("q2", "1"), ("q3", "1"), ("q4", "0")];
    assert_eq!(send(&b, &bob, "1", &one).await, 303);

    // Through the public link, in English, Spanish and Turkish; one stops after page 1.
    for (lang, one, two) in [
        (
            "en",
            vec![
                ("q1", "Slow delivery"),
                ("q2", "2"),
                ("q3", "3"),
                ("q4", "3"),
            ],
            vec![("q5", "1"), ("q6", "1"), ("q7", "yes")],
        ),
        (
            "es",
            vec![("q2", "3"), ("q3", "6"), ("q4", "7")],
            vec![("q5", "0"), ("q6", "0"), ("q6", "1"), ("q7", "yes")],
        ),
        (
            "tr",
            vec![
                ("q1", "Kargo geç geldi"),
                ("q2", "5"),
                ("q3", "9"),
                ("q4", "0"),
            ],
            vec![
                ("q5", "0"),
                ("q6", "2"),
                ("q6", "other"),
                ("q6-other", "Fiyat"),
                ("q7", "no"),
            ],
        ),
    ] {
        let b = browser(&app, &base);
        b.set_cookie("lang", lang);
        both(&b, &public, &one, &two).await;
    }
    let b = browser(&app, &base);
    let one = [("q2", "2"), ("q3", "2"), ("q4", "5")];
    assert_eq!(send(&b, &public, "1", &one).await, 303);

    // All five complete responses (Ana, Cem; three public), the two partial ones apart.
    let res = results(&app, id, "").await;
    assert_eq!((&res["complete"], &res["partial"]), (&json!(5), &json!(2)));
    let q = |n: usize| res["questions"][n - 1].clone();
    // Open: Ana, the English and the Turkish respondent wrote something.
    assert_eq!(q(1)["n"], 3);
    // Rating 1–5: 4 5 2 3 5 — mean 19 / 5 = 3.8, median of 2 3 4 5 5 = 4.
    assert_eq!((&q(2)["mean"], &q(2)["median"]), (&json!(3.8), &json!(4.0)));
    let five = [("1", 0), ("2", 1), ("3", 1), ("4", 1), ("5", 2)];
    assert_eq!(dist(&res, 2), pairs(&five));
    // Rating 1–10: 8 10 3 6 9 — mean 36 / 5 = 7.2, median of 3 6 8 9 10 = 8.
    assert_eq!((&q(3)["mean"], &q(3)["median"]), (&json!(7.2), &json!(8.0)));
    let ten: Vec<(String, u64)> = (1..=10)
        .map(|v| (v.to_string(), u64::from([3, 6, 8, 9, 10].contains(&v))))
        .collect();
    assert_eq!(dist(&res, 3), ten);
    // NPS 10 9 3 7 0: 2 promoters, 1 passive, 2 detractors; 100 · (2 − 2) / 5 = 0.0; n < 30.
    let nps = &q(4)["nps"];
    let groups = (&nps["promoters"], &nps["passives"], &nps["detractors"]);
    assert_eq!(groups, (&json!(2), &json!(1), &json!(2)));
    assert_eq!(
        (&nps["score"], &nps["interval"]),
        (&json!(0.0), &Value::Null)
    );
    assert_eq!((&q(4)["mean"], &q(4)["median"]), (&json!(5.8), &json!(7.0)));
    // Single: Shop (Ana, es, tr), Web (Cem, en).
    assert_eq!(dist(&res, 5), pairs(&[("0", 3), ("1", 2)]));
    // Multiple: Price (Ana, es), Staff (en, es), Wait (Ana, tr), other (Cem, tr); n = 5.
    assert_eq!(q(6)["n"], 5);
    let chosen = [("0", 2), ("1", 2), ("2", 2), ("other", 2)];
    assert_eq!(dist(&res, 6), pairs(&chosen));
    assert_eq!(dist(&res, 7), pairs(&[("yes", 3), ("no", 2)]));

    // Per channel. Invitations: Ana and Cem (Bob partial); NPS 10, 9 → 100.0.
    let inv = results(&app, id, "?channel=invitation").await;
    assert_eq!((&inv["complete"], &inv["partial"]), (&json!(2), &json!(1)));
    assert_eq!(inv["questions"][3]["nps"]["score"], 100.0);
    assert_eq!(
        dist(&inv, 2),
        pairs(&[("1", 0), ("2", 0), ("3", 0), ("4", 1), ("5", 1)])
    );
    // The public link: NPS 3, 7, 0 → 100 · (0 − 2) / 3 = −66.7; Staff twice, other once.
    let public = results(&app, id, "?channel=public").await;
    assert_eq!(
        (&public["complete"], &public["partial"]),
        (&json!(3), &json!(1))
    );
    assert_eq!(public["questions"][3]["nps"]["score"], -66.7);
    let chosen = [("0", 1), ("1", 2), ("2", 1), ("other", 1)];
    assert_eq!(dist(&public, 6), pairs(&chosen));

    // Response rate: 2 complete answers ÷ 4 delivered (4 sent, none bounced) = 50 %.
    let rate = app
        .get(
            &format!("/api/v1/surveys/{id}/response-rate"),
            &app.viewer.token,
        )
        .await
        .expect(200);
    let counts = (&rate["invited"], &rate["delivered"], &rate["answered"]);
    assert_eq!(counts, (&json!(4), &json!(4), &json!(2)));
    assert_eq!(rate["rate"].as_f64(), Some(50.0));
}
