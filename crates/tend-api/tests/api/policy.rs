//! `/api/v1/policy`: drafts, approval by a manager only (agents are refused, a version is
//! approved once, never from a past date), states following the approvals and the clock, the
//! diff between versions, and acknowledgements tied to the exact version in effect.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

/// A draft with the returns area (English and Spanish) and the speed area (English).
fn draft(note: &str, returns_en: &str) -> Value {
    json!({
        "note": note,
        "areas": [
            {"area": "returns", "review_on": "2026-09-01",
             "texts": {"en": returns_en, "es": "Devoluciones en 30 días."}},
            {"area": "speed", "texts": {"en": "We answer within a day."}},
        ]
    })
}

async fn create(app: &TestApp, note: &str, returns_en: &str) -> i64 {
    let v = app
        .post_json("/api/v1/policy", &app.agent.token, &draft(note, returns_en))
        .await
        .expect(201);
    assert_eq!(v["state"], "draft");
    v["id"].as_i64().unwrap()
}

async fn states(app: &TestApp) -> Vec<(i64, String)> {
    let list = app
        .get("/api/v1/policy", &app.viewer.token)
        .await
        .expect(200);
    list["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["id"].as_i64().unwrap(),
                v["state"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn only_a_manager_approves_once_and_states_follow_the_dates() {
    let app = spawn_app().await;
    let v1 = create(&app, "First policy", "Returns within 30 days.").await;
    // The domain names a bad area, and nothing is stored.
    let bad = json!({"note": "x", "areas": [{"area": "Returns!", "texts": {"en": "x"}}]});
    let r = app
        .post_json("/api/v1/policy", &app.agent.token, &bad)
        .await;
    r.expect_error(422, "validation_failed", Some("areas.1.area"));

    let today = json!({"effective_from": "2026-03-06"});
    let path = format!("/api/v1/policy/{v1}/approve");
    let r = app.post_json(&path, &app.agent.token, &today).await;
    r.expect_error(403, "forbidden", None);
    let past = json!({"effective_from": "2026-03-05"});
    let r = app.post_json(&path, &app.manager.token, &past).await;
    r.expect_error(422, "validation_failed", Some("effective_from"));
    let approved = app
        .post_json(&path, &app.manager.token, &today)
        .await
        .expect(200);
    assert_eq!(approved["state"], "effective");
    assert_eq!(approved["approval"]["approved_by"], app.manager.id);
    assert_eq!(approved["approval"]["effective_from"], "2026-03-06");
    let r = app.post_json(&path, &app.admin_token, &today).await;
    r.expect_error(422, "validation_failed", Some("version"));

    // Version 2, approved to take effect on 1 April: approved now, effective then.
    let v2 = create(&app, "Longer returns", "Returns within 60 days.").await;
    let v3 = create(&app, "Never approved", "x").await;
    let april = json!({"effective_from": "2026-04-01"});
    app.post_json(
        &format!("/api/v1/policy/{v2}/approve"),
        &app.manager.token,
        &april,
    )
    .await
    .expect(200);
    let now = states(&app).await;
    assert_eq!(
        now,
        vec![
            (v3, "draft".into()),
            (v2, "approved".into()),
            (v1, "effective".into())
        ]
    );
    app.clock.set("2026-04-01T00:00:00Z".parse().unwrap());
    let later = states(&app).await;
    assert_eq!(
        later,
        vec![
            (v3, "draft".into()),
            (v2, "effective".into()),
            (v1, "superseded".into())
        ]
    );

    // The diff from version 1 to 2: only the English returns text changed.
    let d = app
        .get(
            &format!("/api/v1/policy/{v2}/diff?from={v1}"),
            &app.viewer.token,
        )
        .await
        .expect(200);
    assert_eq!(
        d,
        json!([{"area": "returns", "lang": "en", "lines": [
            {"change": "removed", "text": "Returns within 30 days."},
            {"change": "added", "text": "Returns within 60 days."}
        ]}])
    );
}

#[tokio::test]
async fn an_acknowledgement_is_tied_to_the_exact_version() {
    let app = spawn_app().await;
    let v1 = create(&app, "First policy", "Returns within 30 days.").await;
    let v2 = create(&app, "Longer returns", "Returns within 60 days.").await;
    let approve = |v: i64, from: &'static str| {
        let app = &app;
        async move {
            let body = json!({"effective_from": from});
            let path = format!("/api/v1/policy/{v}/approve");
            app.post_json(&path, &app.manager.token, &body)
                .await
                .expect(200);
        }
    };
    approve(v1, "2026-03-06").await;
    approve(v2, "2026-03-10").await;
    // A draft or a version not yet in effect cannot be acknowledged.
    let ack = |v: i64| format!("/api/v1/policy/{v}/acknowledge");
    let r = app.post_json(&ack(v2), &app.agent.token, &json!({})).await;
    r.expect_error(422, "validation_failed", Some("version"));
    let first = app
        .post_json(&ack(v1), &app.agent.token, &json!({}))
        .await
        .expect(200);
    assert_eq!(first, json!({"version": v1, "new": true}));
    let again = app
        .post_json(&ack(v1), &app.agent.token, &json!({}))
        .await
        .expect(200);
    assert_eq!(again["new"], false);

    let who = |v: i64| format!("/api/v1/policy/{v}/acknowledgements");
    let r = app.get(&who(v1), &app.agent.token).await;
    r.expect_error(403, "forbidden", None);
    let list = app.get(&who(v1), &app.manager.token).await.expect(200);
    let names = |k: &str, l: &Value| -> Vec<String> {
        l[k].as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names("acknowledged", &list), vec!["Arturo Agent"]);
    assert_eq!(
        names("pending", &list),
        vec!["Ada Admin", "Mona Manager", "Vera Viewer"]
    );

    // Version 2 takes effect: the agent's acknowledgement of version 1 does not count for it,
    // and version 1 can no longer be acknowledged.
    app.clock.set("2026-03-10T12:00:00Z".parse().unwrap());
    let list2 = app.get(&who(v2), &app.manager.token).await.expect(200);
    assert_eq!(names("acknowledged", &list2), Vec::<String>::new());
    assert_eq!(names("pending", &list2).len(), 4);
    let r = app.post_json(&ack(v1), &app.viewer.token, &json!({})).await;
    r.expect_error(422, "validation_failed", Some("version"));
    app.post_json(&ack(v2), &app.viewer.token, &json!({}))
        .await
        .expect(200);
    let list2 = app.get(&who(v2), &app.manager.token).await.expect(200);
    assert_eq!(names("acknowledged", &list2), vec!["Vera Viewer"]);
    // Version 1's record is kept as it was.
    let list1 = app.get(&who(v1), &app.manager.token).await.expect(200);
    assert_eq!(names("acknowledged", &list1), vec!["Arturo Agent"]);

    // Nothing of the policy is ever rewritten or removed.
    for sql in [
        "UPDATE policy_versions SET note = 'rewritten'",
        "DELETE FROM policy_texts",
        "UPDATE policy_areas SET review_on = NULL",
        "UPDATE policy_approvals SET effective_from = '2026-01-01'",
        "DELETE FROM policy_acknowledgements",
    ] {
        let refused = tend_store::testing::execute(&app.database_url, sql).await;
        assert!(refused.is_err_and(|e| e.contains("append-only")), "{sql}");
    }
}
