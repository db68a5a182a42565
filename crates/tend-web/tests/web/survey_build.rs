//! The survey builder's pages: a manager builds a survey in Spanish, publishing is refused
//! while a text is missing in a language (named, in Spanish, nothing published), then it is
//! published, answered at its public link (NPS by hand) and closed; only managers build.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::{Browser, signed_in};
use crate::helpers::spawn_app;
use crate::survey_api::{browser, roomy};

#[tokio::test]
async fn a_manager_builds_publishes_and_closes_a_survey_on_the_pages() {
    let app = spawn_app().await;
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get("/surveys/new").await.status, 403);

    let b = signed_in(&app, Role::Manager).await;
    b.set_cookie("lang", "es");
    let list = b.get("/surveys").await;
    assert!(list.html.contains("href=\"/surveys/new\""), "{}", list.html);
    let form = b.get("/surveys/new").await;
    assert_eq!(form.status, 200);
    assert!(form.html.contains("Pregunta 1") && form.html.contains("Probabilidad de recomendar"));

    // A structural error is refused with the field named in Spanish, and what was typed kept.
    let bad = b
        .submit(
            "/surveys/new",
            "/surveys/new",
            &[
                ("lang_en", "on"),
                ("lang_es", "on"),
                ("title_en", "Relationship"),
                ("q1_kind", "single_choice"),
                ("q1_page", "1"),
                ("q1_text_en", "Where?"),
                ("q1_options_en", "Shop"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.html.contains("Pregunta 1 · Opciones"), "{}", bad.html);
    assert!(bad.html.contains("value=\"Where?\""));

    // Created as a draft: an NPS question and a rating, Spanish text of the rating missing.
    let fields = [
        ("lang_en", "on"),
        ("lang_es", "on"),
        ("title_en", "Relationship"),
        ("title_es", "Relación"),
        ("q1_kind", "nps"),
        ("q1_page", "1"),
        ("q1_required", "on"),
        ("q1_text_en", "How likely are you to recommend us?"),
        ("q1_text_es", "¿Nos recomendaría?"),
        ("q2_kind", "rating"),
        ("q2_page", "1"),
        ("q2_scale", "10"),
        ("q2_text_en", "Our prices"),
        ("q3_kind", ""),
        ("q3_page", "1"),
    ];
    let created = b.submit("/surveys/new", "/surveys/new", &fields).await;
    assert_eq!(created.status, 303, "{}", created.html);
    let edit = created.location().to_owned();
    let id: i64 = edit
        .trim_start_matches("/surveys/")
        .trim_end_matches("/edit")
        .parse()
        .unwrap();
    let page = b.get(&edit).await;
    assert!(page.html.contains("id=\"missing\""), "{}", page.html);
    assert!(
        page.html
            .contains("Pregunta 2 · Pregunta: no tiene texto en es")
    );

    // Publishing refused, the missing text named in Spanish; still a draft.
    let mut publish = fields.to_vec();
    publish.push(("action", "publish"));
    let refused = b.submit(&edit, &edit, &publish).await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    assert!(
        refused.html.contains("Pregunta 2 · Pregunta"),
        "{}",
        refused.html
    );
    let api = format!("/api/v1/surveys/{id}");
    let s = app.get(&api, &app.manager.token).await.expect(200);
    assert_eq!(s["status"], "draft");

    // The text added: published; the definition is what the form said.
    publish.push(("q2_text_es", "Nuestros precios"));
    let done = b.submit(&edit, &edit, &publish).await;
    assert_eq!(done.status, 303, "{}", done.html);
    assert_eq!(done.location(), format!("/surveys/{id}"));
    let s = app.get(&api, &app.manager.token).await.expect(200);
    assert_eq!(s["status"], "open");
    assert_eq!(s["definition"]["questions"][0]["kind"], "nps");
    assert_eq!(s["definition"]["questions"][1]["scale"], 10);
    assert_eq!(
        s["definition"]["questions"][1]["text"],
        json!({"en": "Our prices", "es": "Nuestros precios"})
    );
    // Published: the builder only leads back to the results.
    assert_eq!(b.get(&edit).await.status, 303);
    let changed = b.submit(&format!("/surveys/{id}"), &edit, &fields).await;
    assert_eq!(changed.status, 422);

    // Five answers: 10, 9, 9 (promoters), 7 (passive), 3 (detractor):
    // NPS = 3/5 − 1/5 = 60 % − 20 % = 40.0.
    let link = s["public_link"].as_str().unwrap();
    let public = link[link.find("/s/").unwrap()..].to_owned();
    let base = roomy(&app).await;
    for score in ["10", "9", "9", "7", "3"] {
        let r: Browser = browser(&app, &base);
        let sent = r
            .submit(
                &public,
                &public,
                &[("page", "1"), ("website", ""), ("q1", score), ("q2", "6")],
            )
            .await;
        assert_eq!(sent.status, 303, "{}", sent.html);
    }
    let results = b.get(&format!("/surveys/{id}")).await;
    assert!(
        results.html.contains("<strong class=\"nps\">40,0</strong>"),
        "{}",
        results.html
    );
    assert!(results.html.contains("<strong id=\"complete\">5</strong>"));

    // Closed from its page; its results stay.
    let closed = b
        .submit(
            &format!("/surveys/{id}"),
            &format!("/surveys/{id}/close"),
            &[],
        )
        .await;
    assert_eq!(closed.status, 303);
    let s = app.get(&api, &app.manager.token).await.expect(200);
    assert_eq!(s["status"], "closed");
    let after = b.get(&format!("/surveys/{id}")).await;
    assert!(after.html.contains("<strong class=\"nps\">40,0</strong>"));
    // An agent may not close or build.
    let r = agent
        .submit("/surveys", &format!("/surveys/{id}/close"), &[])
        .await;
    assert_eq!(r.status, 403);
}
