//! Focus groups on the pages: a manager plans a session in Spanish at a time typed in the
//! company's zone (Istanbul), with customers taking part, keeps notes and records findings
//! tied to problem categories; the findings list per category; agents read but do not write.

use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::{now, spawn_app};

#[tokio::test]
async fn a_focus_group_is_planned_noted_and_its_findings_listed_by_category() {
    let app = spawn_app().await;
    let by = tend_store::Actor::system("tests");
    app.store
        .set_company_settings("Tend", "Europe/Istanbul", now(), &by)
        .await
        .unwrap();
    let ana = app.create_customer_named("Ana Pérez").await;
    let bob = app.create_customer_named("Bob Brown").await;
    let category = app
        .post_json(
            "/api/v1/categories",
            &app.admin.token,
            &serde_json::json!({"name": "Delivery"}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();

    let m = signed_in(&app, Role::Manager).await;
    m.set_cookie("lang", "es");
    // Refused: no topic, a bad participant; the reasons in Spanish, what was typed kept.
    let bad = m
        .submit(
            "/focus-groups",
            "/focus-groups",
            &[
                ("topic", ""),
                ("audience", "customers"),
                ("starts_at", "2026-03-10T18:00"),
                ("participants", "x"),
                ("questions", ""),
            ],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.html);
    assert!(bad.html.contains("2026-03-10T18:00"));
    let participants = format!("{ana}, {bob}");
    let r = m
        .submit(
            "/focus-groups",
            "/focus-groups",
            &[
                ("topic", "Entregas tardías"),
                ("audience", "customers"),
                ("starts_at", "2026-03-10T18:00"),
                ("participants", &participants),
                ("questions", "¿Qué pasó?\n¿Qué esperaba?"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.html);
    let page = r.location().to_owned();
    let id = page.trim_start_matches("/focus-groups/");
    let shown = m.get(&page).await;
    // 18:00 in Istanbul (UTC+3) is 15:00 UTC; shown in the reader's zone, the company's.
    assert!(shown.html.contains("Entregas tardías") && shown.html.contains("Ana Pérez"));
    assert!(shown.html.contains("18:00"), "{}", shown.html);
    assert!(shown.html.contains("(n = 2)"));

    let r = m
        .submit(
            &page,
            &format!("{page}/notes"),
            &[("notes", "Dos esperaron una semana.")],
        )
        .await;
    assert_eq!(r.status, 303);
    // A finding raised by 3 of 2 participants is refused in Spanish.
    let action = format!("{page}/findings");
    let cat = category.to_string();
    let too_many = m
        .submit(
            &page,
            &action,
            &[
                ("statement", "Nadie avisa del retraso"),
                ("category_id", &cat),
                ("quote", ""),
                ("raised_by", "3"),
                ("severity", "high"),
            ],
        )
        .await;
    assert_eq!(too_many.status, 422);
    assert!(too_many.html.contains("entre 0 y 2"), "{}", too_many.html);
    for (statement, cat, raised, severity) in [
        ("Nadie avisa del retraso", cat.as_str(), "2", "high"),
        ("El repartidor no llama", cat.as_str(), "1", "medium"),
        ("Las cajas llegan bien", "", "1", "low"),
    ] {
        let r = m
            .submit(
                &page,
                &action,
                &[
                    ("statement", statement),
                    ("category_id", cat),
                    ("quote", "«Esperé siete días»"),
                    ("raised_by", raised),
                    ("severity", severity),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.html);
    }
    let shown = m.get(&page).await;
    assert!(shown.html.contains("Dos esperaron una semana."));
    assert!(shown.html.contains("2 / 2") && shown.html.contains("Alta"));

    // By category: Delivery has 2 findings (most severe first), the other has 1.
    let list = m.get("/focus-groups").await;
    let delivery = list
        .html
        .find("Delivery <span class=\"hint\">(n = 2)</span>")
        .expect("Delivery");
    let none = list
        .html
        .find("Sin categoría <span class=\"hint\">(n = 1)</span>")
        .expect("none");
    let first = list.html[delivery..].find("Nadie avisa").unwrap();
    let second = list.html[delivery..].find("El repartidor").unwrap();
    assert!(first < second && none > 0);
    assert!(list.html.contains(&format!("href=\"/focus-groups/{id}\"")));

    let agent = signed_in(&app, Role::Agent).await;
    assert_eq!(agent.get(&page).await.status, 200);
    let r = agent
        .submit(&page, &format!("{page}/notes"), &[("notes", "x")])
        .await;
    assert_eq!(r.status, 403);
}
