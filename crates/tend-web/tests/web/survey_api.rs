//! Surveys over the API: who may build them, structural refusals by field, and the paths in
//! the OpenAPI document.

use serde_json::{Value, json};
use tend_app::AppState;
use tend_web::WebConfig;
use tend_web::kit::limits::{Limits, Rate};

use crate::browser::Browser;
use crate::helpers::{TestApp, serve, spawn_app};

/// A second server on the same database whose public forms take 100 posts a minute from one
/// address (every respondent here comes from 127.0.0.1), and a browser for it.
pub(crate) async fn roomy(app: &TestApp) -> String {
    let rate = Rate {
        burst: 100,
        per_minute: 100,
    };
    let web = WebConfig {
        limits: Limits::new(rate, rate),
        ..WebConfig::default()
    };
    serve(AppState::new(app.store.clone(), app.clock.clone()), web).await
}

pub(crate) fn browser(app: &TestApp, base: &str) -> Browser {
    let mut b = Browser::new(app);
    b.base = base.to_owned();
    b
}

pub(crate) fn t(en: &str) -> Value {
    json!({"en": en, "es": format!("{en} (es)"), "tr": format!("{en} (tr)")})
}

/// One question of each kind, on two pages, in three languages.
pub(crate) fn every_kind() -> Value {
    json!({
        "languages": ["en", "es", "tr"],
        "title": t("After your visit"),
        "questions": [
            {"kind": "open", "text": t("What happened?"), "explanation": t("In your words.")},
            {"kind": "rating", "scale": 5, "required": true, "text": t("How was it?")},
            {"kind": "nps", "text": t("Would you recommend us?")},
            {"kind": "single_choice", "page": 2, "options": [t("Shop"), t("Web")], "text": t("Where?")},
            {"kind": "multiple_choice", "page": 2, "other": true, "options": [t("Price"), t("Staff"), t("Wait")], "text": t("What mattered?")},
            {"kind": "yes_no", "page": 2, "text": t("Solved?")},
        ]
    })
}

#[tokio::test]
async fn only_managers_build_surveys() {
    let app = spawn_app().await;
    let r = app
        .post_json("/api/v1/surveys", &app.agent.token, &every_kind())
        .await;
    assert_eq!(r.status, 403);
    let bad = json!({"languages": ["en", "de"], "title": {"en": "x"}, "questions": []});
    let r = app
        .post_json("/api/v1/surveys", &app.manager.token, &bad)
        .await;
    r.expect_error(422, "validation_failed", Some("languages"));
    r.expect_error(422, "validation_failed", Some("questions"));
    let doc = app
        .get("/api/openapi.json", &app.viewer.token)
        .await
        .expect(200);
    for p in [
        "/api/v1/surveys",
        "/api/v1/surveys/{id}",
        "/api/v1/surveys/{id}/publish",
        "/api/v1/surveys/{id}/close",
        "/api/v1/surveys/{id}/results",
    ] {
        assert!(
            doc["paths"][p].is_object(),
            "{p} is not in the OpenAPI document"
        );
    }
}
