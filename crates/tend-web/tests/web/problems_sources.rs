//! The top problems' sources on the page: a manager links a survey code and a figure to a
//! category with the forms (refused by field in the reader's language), the ranking shows the
//! category's voices linked to exactly the answers and findings they count, and the linked
//! figure's value the reader's way with its n.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::{TestApp, spawn_app};

async fn sql(app: &TestApp, statement: &str) {
    tend_store::testing::execute(&app.database_url, statement)
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

async fn id_of(app: &TestApp, path: &str, body: serde_json::Value) -> i64 {
    let r = app.post_json(path, &app.manager.token, &body).await;
    r.expect(201)["id"].as_i64().unwrap()
}

const FROM: &str = "/problems?from=2026-03-01&to=2026-04-01";

#[tokio::test]
async fn managers_link_codes_and_figures_and_the_voices_link_to_their_records() {
    let app = spawn_app().await;
    app.clock.set("2026-03-02T09:00:00Z".parse().unwrap());
    let late = id_of(&app, "/api/v1/categories", json!({"name": "Late"})).await;
    let who = app.create_customer_named("Ana").await;
    let draft = json!({"customer_id": who, "channel": "phone", "description": "Late.",
        "category_id": late});
    app.create_complaint_with(&draft).await;
    let def = json!({"languages": ["en"], "title": {"en": "Tell us"},
        "questions": [{"kind": "open", "required": true, "text": {"en": "What went wrong?"}}]});
    let survey = id_of(&app, "/api/v1/surveys", def).await;
    let slow = id_of(
        &app,
        &format!("/api/v1/surveys/{survey}/codes"),
        json!({"name": "slow"}),
    )
    .await;
    let t = "2026-03-03T10:00:00Z"
        .parse::<jiff::Timestamp>()
        .unwrap()
        .as_microsecond();
    for (id, text) in [(801, "Took <two> weeks"), (802, "Slow & late")] {
        sql(
            &app,
            &format!(
                "INSERT INTO survey_responses (id, survey_id, key_digest, channel, \
            language, page, started_at, updated_at, completed_at) VALUES ({id}, {survey}, 'k{id}', \
            'public', 'en', 1, {t}, {t}, {t})"
            ),
        )
        .await;
        sql(&app, &format!("INSERT INTO survey_answers (response_id, question, text) VALUES ({id}, 0, '{text}')")).await;
        let path = format!("/api/v1/surveys/{survey}/answers/{id}/0/codes");
        app.put_json(&path, &app.manager.token, &json!({"codes": [slow]}))
            .await
            .expect(200);
    }
    let fg = id_of(
        &app,
        "/api/v1/focus-groups",
        json!({"topic": "Deliveries", "audience": "employees",
        "starts_at": "2026-03-05T15:00:00Z", "participants": [], "questions": "Why?"}),
    )
    .await;
    let f = json!({"statement": "Couriers miss slots", "quote": "Never on time", "raised_by": 4,
        "severity": "high", "category_id": late});
    app.post_json(
        &format!("/api/v1/focus-groups/{fg}/findings"),
        &app.manager.token,
        &f,
    )
    .await
    .expect(201);
    let values = json!({"values": [
        {"period": "2026-03-01", "dimensions": {"product": "Kettle"}, "numerator": 1, "denominator": 3}]});
    app.post_json(
        "/api/v1/figures/internal_reject_rate/values",
        &app.manager.token,
        &values,
    )
    .await
    .expect(200);
    let reject = app
        .get("/api/v1/figures/internal_reject_rate", &app.viewer.token)
        .await
        .expect(200)["id"]
        .as_i64()
        .unwrap();

    // Agents see the page but may not link.
    let a = signed_in(&app, Role::Agent).await;
    assert_eq!(a.get(FROM).await.status, 200);
    let r = a
        .submit(
            FROM,
            "/problems/links/codes",
            &[
                ("code_id", &slow.to_string()),
                ("category_id", &late.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, 403);

    let m = signed_in(&app, Role::Manager).await;
    // No code chosen: refused by field, in Spanish.
    m.set_cookie("lang", "es");
    let bad = m
        .submit(
            FROM,
            "/problems/links/codes",
            &[("code_id", ""), ("category_id", &late.to_string())],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.html.contains("es obligatorio"), "{}", bad.html);
    // An unknown figure: refused naming the figure, in Turkish.
    m.set_cookie("lang", "tr");
    let bad = m
        .submit(
            FROM,
            "/problems/links/figures",
            &[
                ("figure_id", "999999"),
                ("category_id", &late.to_string()),
                ("linked", "yes"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    m.set_cookie("lang", "en");
    let ok = m
        .submit(
            FROM,
            "/problems/links/codes",
            &[
                ("code_id", &slow.to_string()),
                ("category_id", &late.to_string()),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.html);
    let ok = m
        .submit(
            FROM,
            "/problems/links/figures",
            &[
                ("figure_id", &reject.to_string()),
                ("category_id", &late.to_string()),
                ("linked", "yes"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.html);

    // Voices: 2 answers + the finding raised by 4 = 6, linked to exactly those records.
    let h = m.get(FROM).await.html;
    let link = format!(
        "<td class=\"voices\"><a href=\"/problems/{late}/voices?from=2026-03-01&#38;to=2026-04-01\">6</a></td>"
    );
    assert!(h.contains(&link), "{h}");
    assert!(
        h.contains("<li><a href=\"/surveys/"),
        "the code link is listed: {h}"
    );
    // The reject rate 1 ÷ 3 × 100 with n, the English way; in Turkish with a comma.
    assert!(h.contains("<td>33.3 % (n = 3)</td>"), "{h}");
    m.set_cookie("lang", "tr");
    let h = m.get(FROM).await.html;
    assert!(h.contains("<td>33,3 % (n = 3)</td>"), "{h}");
    m.set_cookie("lang", "en");
    let v = m
        .get(&format!(
            "/problems/{late}/voices?from=2026-03-01&to=2026-04-01"
        ))
        .await;
    assert_eq!(v.status, 200);
    assert!(
        v.html.contains("<span id=\"voices\">Voices = 6</span>"),
        "{}",
        v.html
    );
    assert!(
        v.html.contains("<span id=\"answers-n\">2</span>")
            && v.html.contains("<span id=\"findings-n\">1</span>")
    );
    // Escaped: the answer's text is shown, never markup.
    assert!(
        v.html.contains("Took &#60;two&#62; weeks") && v.html.contains("Slow &#38; late"),
        "{}",
        v.html
    );
    assert!(
        v.html.contains("Couriers miss slots — “Never on time”") && v.html.contains("<td>4</td>")
    );
    assert_eq!(m.get("/problems/999999/voices").await.status, 404);
}
