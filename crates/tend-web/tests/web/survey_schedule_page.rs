//! The pages of the surveys' settings and of the relationship (NPS) schedule: staff read them,
//! only managers change them (with the CSRF token), and a refusal names its field in the
//! reader's language with nothing stored.

use serde_json::json;
use tend_domain::staff::Role;
use tend_store::testing::count;

use crate::browser::signed_in;
use crate::helpers::{TestApp, spawn_app};
use crate::survey_api::t;

const SETTINGS: &str = "/surveys/settings";

async fn open_survey(app: &TestApp, kind: &str) -> i64 {
    let m = &app.manager.token;
    let def = json!({"languages": ["en", "es", "tr"], "title": t("Our service"),
        "questions": [{"kind": kind, "required": true, "text": t("Would you recommend us?")}]});
    let id = app.post_json("/api/v1/surveys", m, &def).await.expect(201)["id"]
        .as_i64()
        .unwrap();
    app.post_json(&format!("/api/v1/surveys/{id}/publish"), m, &json!({}))
        .await
        .expect(200);
    id
}

#[tokio::test]
async fn managers_set_the_survey_settings_on_the_page_and_refusals_name_the_field() {
    let app = spawn_app().await;
    let audited = "staff_audit WHERE action = 'survey_settings_set'";
    let manager = signed_in(&app, Role::Manager).await;
    let page = manager.get(SETTINGS).await;
    assert_eq!(page.status, 200);
    assert!(
        page.html
            .contains(r#"name="invitation_link_days" required inputmode="numeric" value="30""#)
    );
    assert!(page.html.contains(r#"value="90""#));

    // In Spanish: not a number, and out of range — both fields named, nothing stored.
    manager.set_cookie("lang", "es");
    let fields = [
        ("invitation_link_days", "treinta"),
        ("cooldown_days", "3651"),
    ];
    let bad = manager.submit(SETTINGS, SETTINGS, &fields).await;
    assert_eq!(bad.status, 422, "{}", bad.html);
    assert!(
        bad.html
            .contains("Días que un enlace acepta respuestas: debe estar entre 1 y 3650")
    );
    assert!(
        bad.html
            .contains("Pausa entre preguntas (días): debe estar entre 0 y 3650")
    );
    assert!(
        bad.html.contains(r#"value="treinta""#),
        "the typed value is kept"
    );
    assert_eq!(count(&app.database_url, audited).await, 0);
    let stored = app.get("/api/v1/survey-settings", &app.viewer.token).await;
    assert_eq!(
        stored.expect(200),
        json!({"invitation_link_days": 30, "cooldown_days": 90})
    );

    // In Turkish, the link's days below the range.
    manager.set_cookie("lang", "tr");
    let fields = [("invitation_link_days", "0"), ("cooldown_days", "45")];
    let bad = manager.submit(SETTINGS, SETTINGS, &fields).await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.html
            .contains("Bağlantının yanıt kabul ettiği gün: 1 ile 3650 arasında olmalıdır")
    );

    let fields = [("invitation_link_days", "10"), ("cooldown_days", "45")];
    let ok = manager.submit(SETTINGS, SETTINGS, &fields).await;
    assert_eq!(ok.status, 303, "{}", ok.html);
    let stored = app.get("/api/v1/survey-settings", &app.viewer.token).await;
    assert_eq!(
        stored.expect(200),
        json!({"invitation_link_days": 10, "cooldown_days": 45})
    );
    assert_eq!(count(&app.database_url, audited).await, 1);

    // No CSRF token: refused; an agent reads the values but may not change them.
    let forged = manager.post_raw(
        SETTINGS,
        &[("invitation_link_days", "5"), ("cooldown_days", "5")],
    );
    assert_eq!(forged.await.status, 403);
    let agent = signed_in(&app, Role::Agent).await;
    let read = agent.get(SETTINGS).await;
    assert_eq!(read.status, 200);
    assert!(
        read.html
            .contains(r#"<dd id="invitation_link_days">10</dd>"#)
    );
    assert!(!read.html.contains("save-settings"));
    let fields = [("invitation_link_days", "5"), ("cooldown_days", "5")];
    assert_eq!(agent.submit(SETTINGS, SETTINGS, &fields).await.status, 403);
    assert_eq!(count(&app.database_url, audited).await, 1);
}

#[tokio::test]
async fn managers_set_and_stop_the_relationship_schedule_on_the_page() {
    let app = spawn_app().await;
    let nps = open_survey(&app, "nps").await;
    let yes_no = open_survey(&app, "yes_no").await;
    let path = format!("/surveys/{nps}/schedule");
    let rounds = "jobs WHERE kind = 'nps_round'";
    let manager = signed_in(&app, Role::Manager).await;
    let results = manager.get(&format!("/surveys/{nps}")).await;
    assert!(
        results
            .html
            .contains(&format!(r#"href="{path}" id="schedule-link""#))
    );
    let page = manager.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains(r#"id="no-schedule""#));
    assert!(page.html.contains("Cooldown (days): 90"));

    // Spanish: days out of range, and a time that is not one; nothing stored.
    manager.set_cookie("lang", "es");
    let fields = [("every_days", "0"), ("starts_at", "mañana")];
    let bad = manager.submit(&path, &path, &fields).await;
    assert_eq!(bad.status, 422, "{}", bad.html);
    assert!(
        bad.html
            .contains("Días entre rondas: debe estar entre 1 y 3650")
    );
    assert!(bad.html.contains("Primera ronda: "));
    // A survey without an NPS question, in Turkish.
    manager.set_cookie("lang", "tr");
    let other = format!("/surveys/{yes_no}/schedule");
    let page = manager.get(&other).await;
    assert!(page.html.contains(r#"id="not-schedulable""#));
    let bad = manager
        .submit(&other, &other, &[("every_days", "91")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.html.contains("Sorular: ankette NPS sorusu yok"));
    assert_eq!(count(&app.database_url, "survey_schedules").await, 0);
    assert_eq!(count(&app.database_url, rounds).await, 0);

    // The first round typed in the manager's zone (UTC here): stored and queued.
    manager.set_cookie("lang", "en");
    let fields = [("every_days", "91"), ("starts_at", "2026-03-09T09:00")];
    let ok = manager.submit(&path, &path, &fields).await;
    assert_eq!(ok.status, 303, "{}", ok.html);
    let api = format!("/api/v1/surveys/{nps}/schedule");
    let stored = app.get(&api, &app.viewer.token).await.expect(200);
    assert_eq!(stored["every_days"], 91);
    assert_eq!(stored["next_run_at"], "2026-03-09T09:00:00Z");
    assert_eq!(count(&app.database_url, rounds).await, 1);
    let page = manager.get(&path).await;
    assert!(page.html.contains(r#"<strong id="every">91</strong>"#));
    assert!(page.html.contains("Mar 9, 2026"), "{}", page.html);

    // An agent reads it but may neither set nor stop it; no token, no change.
    let agent = signed_in(&app, Role::Agent).await;
    let read = agent.get(&path).await;
    assert_eq!(read.status, 200);
    assert!(!read.html.contains("stop-schedule"));
    assert_eq!(
        agent
            .submit(&path, &path, &[("every_days", "7")])
            .await
            .status,
        403
    );
    let stop = format!("{path}/stop");
    assert_eq!(agent.submit(&path, &stop, &[]).await.status, 403);
    assert_eq!(manager.post_raw(&stop, &[]).await.status, 403);
    app.get(&api, &app.viewer.token).await.expect(200);

    let stopped = manager.submit(&path, &stop, &[]).await;
    assert_eq!(stopped.status, 303);
    app.get(&api, &app.viewer.token).await.expect(404);
    assert!(
        manager
            .get(&path)
            .await
            .html
            .contains(r#"id="no-schedule""#)
    );
}
