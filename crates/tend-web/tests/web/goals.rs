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
