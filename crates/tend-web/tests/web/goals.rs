//! The goals' pages: a manager sets a goal in Spanish (a target out of range refused by the
//! field, in Spanish, with what was typed kept), sees its card with the measure's definition,
//! status and n, changes it (a new version listed on its page); others read but do not write.

use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;

#[tokio::test]
async fn a_goal_set_and_changed_on_the_pages_in_spanish() {
    let app = spawn_app().await;
    let b = signed_in(&app, Role::Manager).await;
    b.set_cookie("lang", "es");
    let list = b.get("/goals").await;
    assert_eq!(list.status, 200);
    assert!(
        list.html.contains("Todavía no hay ningún objetivo."),
        "{}",
        list.html
    );
    assert!(list.html.contains("Los periodos empiezan a medianoche"));

    let form = b.get("/goals/new").await;
    assert_eq!(form.status, 200);
    assert!(
        form.html.contains("Quejas por 1.000 pedidos"),
        "{}",
        form.html
    );
    let owner = app.manager.id.to_string();
    let mut fields = vec![
        ("name", "CSAT del trimestre"),
        ("measure", "csat"),
        ("target", "120"),
        ("direction", "at_least"),
        ("period", "quarter"),
        ("owner_id", owner.as_str()),
        ("channel", "phone"),
    ];
    let refused = b.submit("/goals/new", "/goals/new", &fields).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .html
            .contains("debe ser un número de 0 a 100 con 2 decimales como máximo (se recibió 120)"),
        "{}",
        refused.html
    );
    assert!(refused.html.contains(r#"value="CSAT del trimestre""#));
    assert!(app.store.goals().await.unwrap().is_empty());

    fields[2] = ("target", "80,5");
    let made = b.submit("/goals/new", "/goals/new", &fields).await;
    assert_eq!(made.status, 303, "{}", made.html);
    let at = made.location().to_owned();
    let page = b.get(&at).await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("CSAT del trimestre"));
    assert!(
        page.html.contains("meta: como mínimo 80,50 %"),
        "{}",
        page.html
    );
    assert!(page.html.contains("sin datos"));
    assert!(page.html.contains("n = 0 / 0"));
    assert!(
        page.html
            .contains("Respuestas de satisfacción (CSAT) dadas en el periodo con 4 o 5")
    );
    assert!(page.html.contains("2026-Q1"));

    fields[2] = ("target", "85");
    let changed = b.submit(&at, &at, &fields).await;
    assert_eq!(changed.status, 303, "{}", changed.html);
    let page = b.get(&at).await;
    assert!(
        page.html.contains("meta: como mínimo 85,00 %"),
        "{}",
        page.html
    );
    let goal = &app.store.goals().await.unwrap()[0];
    assert_eq!(goal.versions.len(), 2);
    assert_eq!(goal.versions[0].goal.target_hundredths, 8050);
    assert!(
        page.html.contains("<th scope=\"row\">2</th>"),
        "{}",
        page.html
    );

    let viewer = signed_in(&app, Role::Viewer).await;
    assert_eq!(viewer.get("/goals").await.status, 200);
    assert_eq!(viewer.get(&at).await.status, 200);
    assert!(!viewer.get(&at).await.html.contains("id=\"change\""));
    assert_eq!(viewer.get("/goals/new").await.status, 403);
    let agent = signed_in(&app, Role::Agent).await;
    let r = agent.submit("/goals", &at, &fields).await;
    assert_eq!(r.status, 403);
    assert_eq!(app.store.goals().await.unwrap()[0].versions.len(), 2);
    assert_eq!(b.get("/goals/999").await.status, 404);
}

#[tokio::test]
async fn a_goals_trend_and_records_in_turkish() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    for (at, returned) in [
        ("2026-02-10T10:00:00Z", true),
        ("2026-02-11T10:00:00Z", false),
        ("2026-03-02T10:00:00Z", false),
    ] {
        let t =
            serde_json::json!({"customer_id": customer, "occurred_at": at, "returned": returned});
        app.post_json("/api/v1/transactions", &app.agent.token, &t)
            .await
            .expect(201);
    }
    app.clock.set("2026-02-12T00:00:00Z".parse().unwrap());
    let goal = serde_json::json!({"name": "İadeler", "measure": "return_rate", "target": 10,
        "direction": "at_most", "period": "month", "owner_id": app.manager.id});
    let made = app
        .post_json("/api/v1/goals", &app.manager.token, &goal)
        .await
        .expect(201);
    app.clock.set(crate::helpers::now());
    let b = signed_in(&app, Role::Viewer).await;
    b.set_cookie("lang", "tr");
    let page = b.get("/goals").await;
    assert_eq!(page.status, 200);
    // February: 1 of 2 returned, 50 % against at most 10 %: missed. March: 0 of 1, on track.
    assert!(page.html.contains("<th scope=\"row\">2026-02</th><td>% 50,00</td><td>% 10,00</td><td>n = 1 / 2</td><td>ulaşılamadı</td>"), "{}", page.html);
    assert!(page.html.contains("<svg class=\"trend\""));
    assert!(page.html.contains("yolunda"));
    let records = format!("/goals/{}/records?period=2026-03-01", made["id"]);
    assert!(page.html.contains(&records), "{}", page.html);
    let list = b.get(&records).await;
    assert_eq!(list.status, 200);
    assert!(list.html.contains("Satın alma #3"), "{}", list.html);
    assert!(list.html.contains("yalnızca paydada"));
    let feb = b
        .get(&format!("/goals/{}/records?period=2026-02-01", made["id"]))
        .await;
    assert!(feb.html.contains("n = 1 / 2"), "{}", feb.html);
    let bad = format!("/goals/{}/records?period=2026-02-15", made["id"]);
    assert_eq!(b.get(&bad).await.status, 404);
}
