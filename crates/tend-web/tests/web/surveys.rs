//! Surveys: built over the API, answered page by page at the public link (one answer per
//! browser, resumable, honeypot), and results checked against values computed by hand.

use serde_json::{Value, json};
use tend_domain::staff::Role;

use crate::browser::{Browser, Page, signed_in};
use crate::helpers::{TestApp, spawn_app};
use crate::survey_api::{browser, every_kind, roomy};

/// Creates and publishes the survey; returns (id, public path `/s/{token}`).
async fn published(app: &TestApp) -> (i64, String) {
    let m = &app.manager.token;
    let mut incomplete = every_kind();
    incomplete["questions"][4]["options"][1]
        .as_object_mut()
        .unwrap()
        .remove("tr");
    let s = app
        .post_json("/api/v1/surveys", m, &incomplete)
        .await
        .expect(201);
    let id = s["id"].as_i64().unwrap();
    assert_eq!(s["status"], "draft");
    assert_eq!(
        s["missing_translations"],
        json!({"questions[5].options[1]": "has no text in tr"})
    );
    let path = format!("/api/v1/surveys/{id}/publish");
    app.post_json(&path, m, &json!({})).await.expect_error(
        422,
        "validation_failed",
        Some("questions[5].options[1]"),
    );
    let link = s["public_link"].as_str().unwrap();
    let public = link[link.find("/s/").unwrap()..].to_owned();
    // A draft has no public page yet.
    assert_eq!(Browser::new(app).get(&public).await.status, 404);
    app.put_json(&format!("/api/v1/surveys/{id}"), m, &every_kind())
        .await
        .expect(200);
    let open = app.post_json(&path, m, &json!({})).await.expect(200);
    assert_eq!(open["status"], "open");
    // Published: no longer changed.
    app.put_json(&format!("/api/v1/surveys/{id}"), m, &every_kind())
        .await
        .expect_error(422, "validation_failed", Some("status"));
    (id, public)
}

/// Sends one page of answers from `b`, as its browser would (the page's CSRF token).
async fn send(b: &Browser, public: &str, page: &str, fields: &[(&str, &str)]) -> Page {
    let mut all = vec![("page", page), ("website", "")];
    all.extend_from_slice(fields);
    b.submit(public, public, &all).await
}

/// A respondent who answers both pages; panics unless each page is taken.
async fn respond(
    app: &TestApp,
    public: &str,
    lang: &str,
    one: &[(&str, &str)],
    two: &[(&str, &str)],
) -> Browser {
    let b = Browser::new(app);
    b.set_cookie("lang", lang);
    let r = send(&b, public, "1", one).await;
    assert_eq!(r.status, 303, "{}", r.html);
    let r = send(&b, public, "2", two).await;
    assert_eq!(r.status, 303, "{}", r.html);
    b
}

#[tokio::test]
async fn a_survey_of_every_kind_answered_at_its_public_link_gives_hand_computed_results() {
    let app = spawn_app().await;
    let (id, public) = published(&app).await;
    let base = roomy(&app).await;

    // Spanish: the questions in Spanish, and a missing required rating refused in Spanish.
    let es = browser(&app, &base);
    es.set_cookie("lang", "es");
    let first = es.get(&public).await;
    assert_eq!(first.status, 200);
    assert!(first.html.contains("How was it? (es)") && first.html.contains("Página 1 de 2"));
    let refused = send(
        &es,
        &public,
        "1",
        &[("q1", "La tapa se rompió"), ("q3", "10")],
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(refused.html.contains("es obligatorio"), "{}", refused.html);
    assert!(refused.html.contains("La tapa se rompió"));
    let r = send(
        &es,
        &public,
        "1",
        &[("q1", "La tapa se rompió"), ("q2", "4"), ("q3", "10")],
    )
    .await;
    assert_eq!(r.status, 303);
    // Resumed from the same link at page 2.
    assert!(es.get(&public).await.html.contains("Página 2 de 2"));
    let r = send(
        &es,
        &public,
        "2",
        &[("q4", "0"), ("q5", "0"), ("q5", "2"), ("q6", "yes")],
    )
    .await;
    assert_eq!(r.status, 303);
    // One answer per browser: the link now only thanks, and a replay changes nothing.
    assert!(es.get(&public).await.html.contains("survey-message"));
    let again = send(&es, &public, "2", &[("q4", "1")]).await;
    assert!(
        again.html.contains("una respuesta por persona"),
        "{}",
        again.html
    );

    respond(
        &app,
        &public,
        "tr",
        &[("q2", "5"), ("q3", "9")],
        &[
            ("q4", "1"),
            ("q5", "other"),
            ("q5-other", "Parking"),
            ("q6", "no"),
        ],
    )
    .await;
    respond(
        &app,
        &public,
        "en",
        &[("q1", "Slow delivery"), ("q2", "2"), ("q3", "3")],
        &[("q4", "1"), ("q5", "1"), ("q6", "yes")],
    )
    .await;
    respond(
        &app,
        &public,
        "en",
        &[("q2", "5"), ("q3", "7")],
        &[("q4", "0"), ("q5", "0"), ("q5", "1"), ("q6", "yes")],
    )
    .await;
    // Partial: page 1 only.
    let partial = browser(&app, &base);
    assert_eq!(
        send(&partial, &public, "1", &[("q2", "1"), ("q3", "0")])
            .await
            .status,
        303
    );
    // A bot fills the honeypot: thanked, nothing stored.
    let bot = browser(&app, &base);
    let r = bot
        .submit(
            &public,
            &public,
            &[("page", "1"), ("q2", "1"), ("website", "http://spam")],
        )
        .await;
    assert_eq!(r.status, 200);

    let res = app
        .get(&format!("/api/v1/surveys/{id}/results"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(
        (res["complete"].clone(), res["partial"].clone()),
        (json!(4), json!(1))
    );
    let q = |n: usize| res["questions"][n - 1].clone();
    let dist = |n: usize| -> Vec<(String, u64)> {
        q(n)["distribution"]
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
    };
    let pairs = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
        v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    };
    // Open: two complete responses wrote something.
    assert_eq!(q(1)["n"], 2);
    // Rating 4, 5, 2, 5: mean 16 / 4 = 4.0; median of 2 4 5 5 = (4 + 5) / 2 = 4.5.
    assert_eq!(
        (
            q(2)["n"].clone(),
            q(2)["mean"].clone(),
            q(2)["median"].clone()
        ),
        (json!(4), json!(4.0), json!(4.5))
    );
    assert_eq!(
        dist(2),
        pairs(&[("1", 0), ("2", 1), ("3", 0), ("4", 1), ("5", 2)])
    );
    // NPS 10, 9, 3, 7: 2 promoters, 1 passive, 1 detractor; 100 · (2 − 1) / 4 = 25.0; n < 30.
    let nps = &q(3)["nps"];
    assert_eq!(
        (
            nps["promoters"].clone(),
            nps["passives"].clone(),
            nps["detractors"].clone()
        ),
        (json!(2), json!(1), json!(1))
    );
    assert_eq!(
        (nps["score"].clone(), nps["interval"].clone()),
        (json!(25.0), Value::Null)
    );
    assert_eq!(
        (q(3)["mean"].clone(), q(3)["median"].clone()),
        (json!(7.25), json!(8.0))
    );
    assert_eq!(dist(4), pairs(&[("0", 2), ("1", 2)]));
    // Multiple: Price (R1, R4), Staff (R3, R4), Wait (R1), other (R2); each response once in n.
    assert_eq!(q(5)["n"], 4);
    assert_eq!(
        dist(5),
        pairs(&[("0", 2), ("1", 2), ("2", 1), ("other", 1)])
    );
    assert_eq!(dist(6), pairs(&[("yes", 3), ("no", 1)]));

    // The raw answers as CSV: one row per answer stored, partial ones with no completed_at.
    // es 6 + tr 5 (no open answer) + en 6 + en 5 + partial 2 = 24 rows, after the header.
    let csv = app
        .get(
            &format!("/api/v1/surveys/{id}/answers.csv"),
            &app.viewer.token,
        )
        .await;
    assert_eq!(csv.status.as_u16(), 200);
    let lines: Vec<&str> = csv.text.lines().collect();
    assert_eq!(
        lines[0],
        "response_id,channel,language,completed_at,question,kind,answer,other"
    );
    assert_eq!(lines.len(), 25, "{}", csv.text);
    assert_eq!(
        lines.iter().filter(|l| l.contains(",public,en,,")).count(),
        2
    );
    for row in [
        ",es,",
        ",5,multiple_choice,0;2,",
        ",5,multiple_choice,,Parking",
        ",6,yes_no,no,",
        ",1,open,La tapa se rompió,",
    ] {
        assert!(csv.text.contains(row), "{row} missing from {}", csv.text);
    }

    // The staff's results page: the figures, their definitions and the open answers, searchable.
    let viewer = signed_in(&app, Role::Viewer).await;
    let page = viewer.get(&format!("/surveys/{id}")).await;
    assert_eq!(page.status, 200);
    for text in [
        "too few answers for an interval",
        "<strong class=\"nps\">25.0</strong>",
        "<strong class=\"mean\">4.00</strong>",
        "NPS = % promoters (9–10)",
        "Slow delivery",
        "La tapa se rompió",
    ] {
        assert!(page.html.contains(text), "{text} missing");
    }
    let found = viewer.get(&format!("/surveys/{id}?q=TAPA")).await;
    assert!(found.html.contains("La tapa se rompió") && !found.html.contains("Slow delivery"));

    // Closed: the link takes no more answers, the results stay.
    app.post_json(
        &format!("/api/v1/surveys/{id}/close"),
        &app.manager.token,
        &json!({}),
    )
    .await
    .expect(200);
    assert!(partial.get(&public).await.html.contains("is closed"));
    let after = app
        .get(&format!("/api/v1/surveys/{id}/results"), &app.viewer.token)
        .await
        .expect(200);
    assert_eq!(after["complete"], 4);
}
