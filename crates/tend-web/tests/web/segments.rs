//! The segments' pages: a manager saves a segment from `/segments/new` (refusals by the field,
//! in Spanish and Turkish too), its page shows its profile with n and the definitions, staff
//! read and may not write; a survey invites a saved segment's members from its page.

use serde_json::{Value, json};
use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::{TestApp, spawn_app};
use crate::survey_api::t;

async fn customer(app: &TestApp, body: Value) -> i64 {
    app.post_json("/api/v1/customers", &app.agent.token, &body)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn managers_save_segments_that_staff_read_with_their_profile() {
    let app = spawn_app().await;
    // Ages in 2026: 31, 25, 40; only Ana and Bea are Spanish and under 35.
    customer(
        &app,
        json!({"name": "Ana", "birth_year": 1995, "country": "ES", "city": "Madrid",
        "gender": "female", "preferred_language": "es"}),
    )
    .await;
    customer(
        &app,
        json!({"name": "Bea", "birth_year": 2001, "country": "ES", "city": "Sevilla",
        "gender": "female", "preferred_language": "es"}),
    )
    .await;
    customer(
        &app,
        json!({"name": "Cem", "birth_year": 1986, "country": "TR"}),
    )
    .await;
    let m = signed_in(&app, Role::Manager).await;
    let new = m.get("/segments/new").await;
    assert_eq!(new.status, 200, "{}", new.html);
    // Refusals by the field, in the reader's language.
    for (lang, text) in [
        ("es", "debe ser al menos min_age"),
        ("tr", "en az min_age"),
        ("en", "must be at least min_age"),
    ] {
        m.set_cookie("lang", lang);
        let r = m
            .submit(
                "/segments/new",
                "/segments/new",
                &[("name", "Young"), ("min_age", "40"), ("max_age", "30")],
            )
            .await;
        assert_eq!(r.status, 422);
        assert!(r.html.contains(text), "{lang}: {}", r.html);
    }
    let r = m
        .submit(
            "/segments/new",
            "/segments/new",
            &[
                ("name", "Spanish under 35"),
                ("country", "es"),
                ("max_age", "34"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.html);
    let path = r.location().to_owned();
    let page = m.get(&path).await;
    assert_eq!(page.status, 200);
    // Ages 25 and 31: median 28.0; both in Spain; cities once each, Madrid first.
    assert!(
        page.html.contains("<dd id=\"median-age\">28.0 · n = 2"),
        "{}",
        page.html
    );
    assert!(page.html.contains("Madrid"));
    assert!(
        page.html
            .contains("complaints received from the members in the 365 days")
    );
    // Staff read; only managers see the forms and may post.
    let viewer = signed_in(&app, Role::Viewer).await;
    viewer.set_cookie("lang", "tr");
    let shown = viewer.get(&path).await;
    assert_eq!(shown.status, 200);
    assert!(shown.html.contains("Ortanca yaş"), "{}", shown.html);
    assert!(!shown.html.contains("id=\"change\""));
    let list = viewer.get("/segments").await;
    assert!(list.html.contains("Spanish under 35"));
    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get("/segments/new").await.status, 403);
    let r = agent.submit(&path, &path, &[("name", "Mine")]).await;
    assert_eq!(r.status, 403);
    // A change is a new version; archiving takes it off the list.
    let r = m
        .submit(
            &path,
            &path,
            &[
                ("name", "Spanish under 30"),
                ("country", "ES"),
                ("max_age", "29"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.html);
    let r = m.submit(&path, &format!("{path}/archive"), &[]).await;
    assert_eq!(r.status, 303);
    let list = m.get("/segments").await;
    assert!(!list.html.contains("Spanish under 30"));
    let page = m.get(&path).await;
    assert!(page.html.contains("Spanish under 30"));
}

#[tokio::test]
async fn a_survey_invites_a_saved_segments_members() {
    let app = spawn_app().await;
    let mk = |name: &str, country: &str| {
        json!({"name": name, "email": format!("{name}@example.com"),
        "consent_to_contact": true, "country": country, "birth_year": 1995})
    };
    customer(&app, mk("ana", "ES")).await;
    customer(&app, mk("bea", "ES")).await;
    customer(&app, mk("cem", "TR")).await;
    let mut no = mk("dan", "ES");
    no["consent_to_contact"] = json!(false);
    customer(&app, no).await;
    let tok = &app.manager.token;
    let seg = app
        .post_json(
            "/api/v1/segments",
            tok,
            &json!({"name": "Spain", "country": "ES"}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let def = json!({"languages": ["en", "es", "tr"], "title": t("Our service"),
        "questions": [{"kind": "nps", "required": true, "text": t("Would you recommend us?")}]});
    let id = app
        .post_json("/api/v1/surveys", tok, &def)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), tok, &json!({}))
        .await
        .expect(200);
    let m = signed_in(&app, Role::Manager).await;
    let page = format!("/surveys/{id}");
    let shown = m.get(&page).await;
    assert!(
        shown.html.contains("value=\"saved_segment\""),
        "{}",
        shown.html
    );
    let invite = format!("/surveys/{id}/invitations");
    let bad = m
        .submit(
            &page,
            &invite,
            &[("audience", "saved_segment"), ("segment_id", "999")],
        )
        .await;
    assert_eq!(bad.status, 422);
    // Ana and Bea invited; Dan (Spanish, no consent) left out; Cem is not a member.
    let seg = seg.to_string();
    let r = m
        .submit(
            &page,
            &invite,
            &[("audience", "saved_segment"), ("segment_id", &seg)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.html);
    assert!(
        r.location().contains("invited=2&left_out=1&already=0"),
        "{}",
        r.location()
    );
}
