//! Coding open answers: a manager makes a code list, tags open answers (several codes each),
//! and the page counts answers per code with n, each count linking to its answers — checked
//! against counts made by hand; agents may not code.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;
use crate::survey_api::{browser, roomy};

/// The `a{response}-{question}` anchor of the open answer whose text is `text`.
fn anchor(html: &str, text: &str) -> String {
    let at = html
        .find(&format!("<span class=\"answer-text\">{text}</span>"))
        .expect(text);
    let li = html[..at].rfind("<li id=\"").expect("its item") + "<li id=\"".len();
    html[li..].split('"').next().unwrap().to_owned()
}

/// The code id of the row named `name` in the codes table.
fn code_id(html: &str, name: &str) -> String {
    let at = html.find(&format!("<td>{name}</td>")).expect(name);
    let row = html[..at].rfind("<tr id=\"code-").expect("its row") + "<tr id=\"code-".len();
    html[row..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_manager_codes_open_answers_and_the_counts_link_to_them() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let def = json!({"languages": ["en"], "title": {"en": "Why?"},
        "questions": [{"kind": "open", "required": true, "text": {"en": "What should change?"}}]});
    let s = app.post_json("/api/v1/surveys", m, &def).await.expect(201);
    let id = s["id"].as_i64().unwrap();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);
    let link = s["public_link"].as_str().unwrap();
    let public = link[link.find("/s/").unwrap()..].to_owned();
    let base = roomy(&app).await;
    for text in [
        "Prices too high",
        "Slow delivery",
        "Price and delivery",
        "All good",
    ] {
        let b: Browser = browser(&app, &base);
        let fields = [("page", "1"), ("website", ""), ("q1", text)];
        assert_eq!(b.submit(&public, &public, &fields).await.status, 303);
    }

    let page = format!("/surveys/{id}");
    let manager = signed_in(&app, Role::Manager).await;
    for name in ["price", "delivery"] {
        let r = manager
            .submit(&page, &format!("{page}/codes"), &[("name", name)])
            .await;
        assert_eq!(r.status, 303, "{}", r.html);
    }
    let dup = manager
        .submit(&page, &format!("{page}/codes"), &[("name", "price")])
        .await;
    assert_eq!(dup.status, 422);
    let html = manager.get(&page).await.html;
    let (price, delivery) = (code_id(&html, "price"), code_id(&html, "delivery"));
    let (p, d) = (format!("code_{price}"), format!("code_{delivery}"));
    let code = |text: &str, codes: Vec<&str>| {
        let a = anchor(&html, text);
        let (resp, q) = a[1..].split_once('-').unwrap();
        let action = format!("{page}/answers/{resp}/{q}/codes");
        let mut fields: Vec<(String, String)> = codes
            .into_iter()
            .map(|c| (c.to_owned(), "on".to_owned()))
            .collect();
        fields.push(("back".into(), page.clone()));
        (action, fields)
    };
    for (text, codes) in [
        ("Prices too high", vec![p.as_str()]),
        ("Slow delivery", vec![d.as_str()]),
        ("Price and delivery", vec![p.as_str(), d.as_str()]),
    ] {
        let (action, fields) = code(text, codes);
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let r = manager.submit(&page, &action, &fields).await;
        assert_eq!(r.status, 303, "{}", r.html);
    }
    // An agent may not code.
    let agent = signed_in(&app, Role::Agent).await;
    let (action, _) = code("All good", vec![]);
    assert_eq!(agent.submit(&page, &action, &[]).await.status, 403);
    // A code of no survey is refused, and nothing changes.
    let r = manager
        .submit(&page, &action, &[("code_999999", "on")])
        .await;
    assert_eq!(r.status, 422);

    // By hand: n = 4 open answers; 3 carry a code; price 2 (50.0 %), delivery 2 (50.0 %).
    let html = manager.get(&page).await.html;
    assert!(
        html.contains("n = <strong id=\"codes-n\">4</strong>"),
        "{html}"
    );
    assert!(html.contains("<strong id=\"codes-coded\">3</strong>"));
    for (code, name) in [(&price, "price"), (&delivery, "delivery")] {
        let row = format!(
            "<tr id=\"code-{code}\"><td>{name}</td><td class=\"count\"><a href=\"/surveys/{id}?code={code}#open-answers\">2</a></td><td>50.0 %</td></tr>"
        );
        assert!(html.contains(&row), "{row} missing: {html}");
    }
    // The count's link lists exactly the answers it counts.
    let listed = manager.get(&format!("{page}?code={price}")).await.html;
    assert!(listed.contains("Prices too high") && listed.contains("Price and delivery"));
    assert!(!listed.contains("Slow delivery") && !listed.contains("All good"));
    // Uncoding: "Price and delivery" keeps only delivery → price 1.
    let (action, _) = code("Price and delivery", vec![]);
    let r = manager
        .submit(&page, &action, &[(d.as_str(), "on"), ("back", &page)])
        .await;
    assert_eq!(r.status, 303);
    let html = manager.get(&page).await.html;
    let row = format!("?code={price}#open-answers\">1</a></td><td>25.0 %</td>");
    assert!(html.contains(&row), "{html}");
}

#[tokio::test]
async fn the_api_codes_open_answers_with_the_same_counts() {
    let app = spawn_app().await;
    let m = &app.manager.token;
    let def = json!({"languages": ["en"], "title": {"en": "Why?"},
        "questions": [{"kind": "open", "required": true, "text": {"en": "What should change?"}}]});
    let s = app.post_json("/api/v1/surveys", m, &def).await.expect(201);
    let id = s["id"].as_i64().unwrap();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);
    let link = s["public_link"].as_str().unwrap();
    let public = link[link.find("/s/").unwrap()..].to_owned();
    let base = roomy(&app).await;
    let texts = [
        "Prices too high",
        "Slow delivery",
        "Price and delivery",
        "All good",
    ];
    for text in texts {
        let b: Browser = browser(&app, &base);
        let fields = [("page", "1"), ("website", ""), ("q1", text)];
        assert_eq!(b.submit(&public, &public, &fields).await.status, 303);
    }
    let codes = format!("/api/v1/surveys/{id}/codes");
    let add = |name: &str| json!({ "name": name });
    let price = app.post_json(&codes, m, &add("price")).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    let delivery = app.post_json(&codes, m, &add("delivery")).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    app.post_json(&codes, m, &add("price"))
        .await
        .expect_error(409, "conflict", Some("name"));
    app.post_json(&codes, m, &add("  "))
        .await
        .expect_error(422, "validation_failed", Some("name"));
    app.post_json(&codes, &app.agent.token, &add("other"))
        .await
        .expect_error(403, "forbidden", None);

    // The answers' (response, question) from the survey's page.
    let html = signed_in(&app, Role::Manager)
        .await
        .get(&format!("/surveys/{id}"))
        .await
        .html;
    let path = |text: &str| {
        let a = anchor(&html, text);
        let (resp, q) = a[1..].split_once('-').unwrap();
        format!("/api/v1/surveys/{id}/answers/{resp}/{q}/codes")
    };
    for (text, given) in [
        ("Prices too high", vec![price]),
        ("Slow delivery", vec![delivery]),
        ("Price and delivery", vec![delivery, price]),
    ] {
        let r = app
            .put_json(&path(text), m, &json!({ "codes": given }))
            .await
            .expect(200);
        assert_eq!(r.as_array().unwrap().len(), given.len());
    }
    // Refused with nothing changed: a code of no survey; an answer that does not exist.
    app.put_json(&path("All good"), m, &json!({"codes": [999_999]}))
        .await
        .expect_error(422, "validation_failed", Some("codes"));
    let nowhere = format!("/api/v1/surveys/{id}/answers/999999/0/codes");
    app.put_json(&nowhere, m, &json!({"codes": [price]}))
        .await
        .expect_error(422, "validation_failed", Some("answer"));
    app.put_json(&path("All good"), &app.agent.token, &json!({"codes": []}))
        .await
        .expect_error(403, "forbidden", None);

    // By hand: n = 4, 3 coded; price 2 of 4 = 50 %, delivery 2 of 4 = 50 %.
    let of = |c: &serde_json::Value, id: i64| {
        c["codes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .cloned()
            .unwrap()
    };
    let c = app.get(&codes, &app.viewer.token).await.expect(200);
    assert_eq!((c["n"].as_u64(), c["coded"].as_u64()), (Some(4), Some(3)));
    assert_eq!(of(&c, price)["name"], "price");
    assert_eq!(of(&c, price)["answers"], 2);
    assert_eq!(of(&c, price)["share"], 50.0);
    assert_eq!(of(&c, delivery)["answers"], 2);
    // The answers behind a count: exactly as many as it says, the right ones.
    let listed = app
        .get(&format!("{codes}/{price}/answers"), &app.viewer.token)
        .await
        .expect(200);
    let mut got: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap())
        .collect();
    got.sort();
    assert_eq!(got, ["Price and delivery", "Prices too high"]);
    app.get(&format!("{codes}/999999/answers"), &app.viewer.token)
        .await
        .expect_error(404, "not_found", None);
    app.get(
        &format!("{codes}/{price}/answers?limit=0"),
        &app.viewer.token,
    )
    .await
    .expect_error(422, "validation_failed", Some("limit"));
    // Uncoding price from "Price and delivery": price 1 of 4 = 25 %.
    app.put_json(
        &path("Price and delivery"),
        m,
        &json!({"codes": [delivery]}),
    )
    .await
    .expect(200);
    let c = app.get(&codes, &app.viewer.token).await.expect(200);
    assert_eq!(of(&c, price)["answers"], 1);
    assert_eq!(of(&c, price)["share"], 25.0);
}
