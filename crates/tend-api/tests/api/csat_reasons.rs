//! `/api/v1/csat-reasons`: Tend's standard list until the business sets its own; managers
//! replace it (audited), every refusal names its place, nothing stored; staff read it.

use serde_json::{Value, json};
use tend_store::testing::count;

use crate::helpers::spawn_app;

fn reason(code: &str) -> Value {
    json!({"code": code, "labels": {"en": format!("{code} (en)"), "es": format!("{code} (es)"), "tr": format!("{code} (tr)")}})
}

fn codes(v: &Value) -> Vec<String> {
    v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn managers_replace_the_reasons_and_refusals_name_their_place() {
    let app = spawn_app().await;
    let path = "/api/v1/csat-reasons";
    let (m, agent) = (&app.manager.token, &app.agent.token);
    let standard = app.get(path, &app.viewer.token).await.expect(200);
    assert_eq!(
        codes(&standard),
        [
            "too_slow",
            "not_solved",
            "staff_manner",
            "unclear_information",
            "compensation",
            "other"
        ]
    );
    assert_eq!(
        standard["reasons"][1]["labels"]["es"],
        "El problema no está resuelto"
    );

    let two = json!({"reasons": [reason("slow"), reason("broken_again")]});
    app.put_json(path, agent, &two)
        .await
        .expect_error(403, "forbidden", None);
    let nine: Vec<Value> = (1..=9).map(|i| reason(&format!("r{i}"))).collect();
    app.put_json(path, m, &json!({"reasons": nine}))
        .await
        .expect_error(422, "validation_failed", Some("reasons"));
    let bad_code = json!({"reasons": [reason("Slow Down"), reason("ok")]});
    app.put_json(path, m, &bad_code).await.expect_error(
        422,
        "validation_failed",
        Some("reasons[1].code"),
    );
    let twice = json!({"reasons": [reason("same"), reason("same")]});
    app.put_json(path, m, &twice).await.expect_error(
        422,
        "validation_failed",
        Some("reasons[2].code"),
    );
    let no_tr = json!({"reasons": [{"code": "slow", "labels": {"en": "Slow", "es": "Lento"}}]});
    app.put_json(path, m, &no_tr).await.expect_error(
        422,
        "validation_failed",
        Some("reasons[1].labels.tr"),
    );
    let german = json!({"reasons": [{"code": "slow", "labels": {"en": "Slow", "es": "Lento", "tr": "Yavaş", "de": "Langsam"}}]});
    app.put_json(path, m, &german).await.expect_error(
        422,
        "validation_failed",
        Some("reasons[1].labels.de"),
    );
    let audited = "staff_audit WHERE action = 'csat_reasons_set'";
    assert_eq!(count(&app.database_url, audited).await, 0);
    assert_eq!(codes(&app.get(path, agent).await.expect(200)).len(), 6);

    let saved = app.put_json(path, m, &two).await.expect(200);
    assert_eq!(codes(&saved), ["slow", "broken_again"]);
    assert_eq!(
        codes(&app.get(path, agent).await.expect(200)),
        ["slow", "broken_again"]
    );
    assert_eq!(count(&app.database_url, audited).await, 1);
    // An empty list is a list: no reason is offered.
    let none = app
        .put_json(path, m, &json!({"reasons": []}))
        .await
        .expect(200);
    assert!(codes(&none).is_empty());
    assert!(codes(&app.get(path, agent).await.expect(200)).is_empty());
}
