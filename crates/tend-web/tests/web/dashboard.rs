//! The home page (`/`): a scenario with hand-computed values — a goal's actual and n, CSAT's
//! share and n over the company's month (Europe/Istanbul: March is [28 Feb 21:00Z, 31 Mar
//! 21:00Z), so an answer at 28 Feb 22:00Z counts and one at 20:00Z does not), the top problems'
//! order, the quotient's last total — role checks (manager, agent, viewer, anonymous),
//! escaping, and pinning a figure with its CSRF token and audit rows.

use serde_json::json;
use tend_domain::kernel::text::Email;
use tend_domain::staff::Role;

use crate::browser::{Browser, employee, signed_in};
use crate::helpers::TestApp;
use crate::helpers::spawn_app;

async fn sql(app: &TestApp, statement: &str) {
    tend_store::testing::execute(&app.database_url, statement)
        .await
        .unwrap_or_else(|e| panic!("{statement}: {e}"));
}

fn us(t: &str) -> i64 {
    t.parse::<jiff::Timestamp>().unwrap().as_microsecond()
}

/// A CSAT answer `rating` about complaint `complaint`, given at `at`.
async fn csat(app: &TestApp, id: i64, complaint: i64, rating: i64, at: &str) {
    let t = us(at);
    sql(app, &format!(
        "INSERT INTO csat_requests (id, complaint_id, resolved_at, created_at) VALUES ({id}, {complaint}, {t}, {t})"
    ))
    .await;
    sql(app, &format!(
        "INSERT INTO csat_answers (request_id, rating, scale, answered_at) VALUES ({id}, {rating}, 5, {t})"
    ))
    .await;
}

async fn category(app: &TestApp, name: &str) -> i64 {
    app.post_json(
        "/api/v1/categories",
        &app.manager.token,
        &json!({"name": name}),
    )
    .await
    .expect(201)["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn the_dashboard_shows_hand_computed_figures_by_role() {
    let app = spawn_app().await;
    sql(&app, "INSERT INTO company_settings (name, value, updated_at) VALUES ('time_zone', 'Europe/Istanbul', 0)").await;
    let agent_email = employee(&app, Role::Agent, "Dash Agent").await;
    let agent = app
        .store
        .employee_by_email(&Email::parse(&agent_email).unwrap())
        .await
        .unwrap()
        .id
        .0;
    let targets =
        json!({"targets": {"normal": {"first_response_minutes": 60, "resolution_minutes": 1440}}});
    app.put_json(
        "/api/v1/channels/phone/response-standards",
        &app.manager.token,
        &targets,
    )
    .await
    .expect(200);
    let billing = category(&app, "Billing").await;
    let late = category(&app, "Late <b>delivery</b>").await;
    let customer = app.create_customer().await;
    // Billing: 2 complaints (assigned to the agent), Late delivery: 1 (unassigned).
    let mut ids = Vec::new();
    for (cat, who) in [(billing, Some(agent)), (billing, Some(agent)), (late, None)] {
        let draft = json!({"customer_id": customer, "channel": "phone",
            "description": "It went wrong.", "category_id": cat, "assignee_id": who});
        ids.push(
            app.create_complaint_with(&draft).await["id"]
                .as_i64()
                .unwrap(),
        );
    }
    // CSAT in March (Istanbul): 5 and 4 (satisfied) and 2; the 20:00Z answer is February's.
    csat(&app, 1, ids[0], 5, "2026-02-28T22:00:00Z").await;
    csat(&app, 2, ids[1], 4, "2026-03-05T10:00:00Z").await;
    csat(&app, 3, ids[2], 2, "2026-03-06T10:00:00Z").await;
    csat(&app, 4, ids[0], 5, "2026-02-28T20:00:00Z").await;
    let goal = json!({"name": "<script>alert(1)</script> happy", "measure": "csat", "target": 80,
        "direction": "at_least", "period": "month", "owner_id": app.manager.id});
    let goal = app
        .post_json("/api/v1/goals", &app.manager.token, &goal)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    // Total 25.15, adequate (as on the plan page's test).
    let q = json!({"respondent": "Olga Owner", "ratings": {
        "culture": [4, 4, 3, 4], "products": [4, 4, 4, 4], "feedback": [3, 3, 4],
        "knowing": [4, 4, 4], "contact": [3, 3, 3], "staff": [4, 3, 3, 3, 4],
        "improvement": [4, 4, 3]}});
    app.post_json("/api/v1/quotient/assessments", &app.manager.token, &q)
        .await
        .expect(201);

    // Anonymous: to the sign-in page.
    let anon = Browser::new(&app).get("/").await;
    assert_eq!(anon.status, 303);
    assert!(
        anon.location().starts_with("/sign-in"),
        "{}",
        anon.location()
    );

    // The manager's dashboard.
    let m = signed_in(&app, Role::Manager).await;
    let page = m.get("/").await;
    assert_eq!(page.status, 200, "{}", page.html);
    let html = &page.html;
    assert!(html.contains("This month: 2026-03"), "{html}");
    // CSAT: 2 satisfied of 3 answers in March = 66.67 %.
    assert!(
        html.contains("<strong id=\"csat-value\">66.67 %</strong>"),
        "{html}"
    );
    assert!(
        html.contains("<span id=\"csat-n\">n = 2 / 3</span>"),
        "{html}"
    );
    assert!(
        html.contains("<span id=\"nps-n\">n = 0 / 0</span>"),
        "{html}"
    );
    // The list behind the CSAT number: exactly the 3 March answers, each with its complaint.
    assert!(html.contains("<a href=\"/dashboard/csat\">"), "{html}");
    let list = m.get("/dashboard/csat").await;
    assert_eq!(list.status, 200, "{}", list.html);
    assert!(
        list.html
            .contains("<span id=\"csat-records-n\">n = 2 / 3</span>"),
        "{}",
        list.html
    );
    let listed = list.html.matches("<th scope=\"row\">#").count();
    assert_eq!(listed, 3, "as many rows as the number's n: {}", list.html);
    for (answer, complaint) in [(1, ids[0]), (2, ids[1]), (3, ids[2])] {
        assert!(
            list.html
                .contains(&format!("<th scope=\"row\">#{answer}</th>")),
            "{}",
            list.html
        );
        assert!(
            list.html
                .contains(&format!("href=\"/complaints/{complaint}\"")),
            "{}",
            list.html
        );
    }
    assert!(
        !list.html.contains("<th scope=\"row\">#4</th>"),
        "February's answer is not listed"
    );
    // The goal's card: the same 66.67 % against 80, at risk, linked to its records.
    let card = html.split(&format!("id=\"goal-{goal}\"")).nth(1).unwrap();
    assert!(card.contains("<strong>66.67 %</strong>"), "{card}");
    assert!(card.contains("n = 2 / 3"), "{card}");
    assert!(card.contains("status-at_risk"), "{card}");
    assert!(
        card.contains(&format!("href=\"/goals/{goal}/records?period=2026-03-01\"")),
        "{card}"
    );
    // Top problems: Billing (2) before Late delivery (1), each linked to the inbox.
    let b = html.find(&format!(
        "<a href=\"/inbox?category={billing}\">2 complaints</a>"
    ));
    let l = html.find(&format!(
        "<a href=\"/inbox?category={late}\">1 complaints</a>"
    ));
    assert!(b.is_some() && l.is_some() && b < l, "{html}");
    // The quotient's last round.
    assert!(
        html.contains("<strong id=\"quotient-total\">25.15</strong>"),
        "{html}"
    );
    assert!(html.contains("adequate, needs general improvement"));
    // Charts: an image with its text alternative and its table.
    assert!(html.contains("<svg role=\"img\""), "{html}");
    assert!(html.contains("<details class=\"chart-data\">"));
    // Escaped everywhere, no script.
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>delivery"), "{html}");
    // The templates escape as `&#60;`, the charts as `&lt;`.
    assert!(
        html.contains("&#60;script&#62;alert(1)&#60;/script&#62; happy"),
        "{html}"
    );
    assert!(
        html.contains("Late &#60;b&#62;delivery&#60;/b&#62;"),
        "{html}"
    );
    assert!(
        html.contains("<th scope=\"row\">Late &lt;b&gt;delivery&lt;/b&gt;</th>"),
        "{html}"
    );

    // In Spanish: the locale's decimals.
    m.set_cookie("lang", "es");
    let es = m.get("/").await.html;
    assert!(
        es.contains("<strong id=\"csat-value\">66,67 %</strong>"),
        "{es}"
    );
    assert!(es.contains("Los tres problemas principales"));
    m.set_cookie("lang", "tr");
    let tr = m.get("/").await.html;
    assert!(tr.contains("En önemli üç sorun"), "{tr}");
    m.set_cookie("lang", "en");

    // The agent's home: their queue, their own CSAT (2 of 2 about their complaints).
    let a = Browser::new(&app);
    a.sign_in(&agent_email).await;
    let home = a.get("/").await;
    assert_eq!(home.status, 200, "{}", home.html);
    let h = &home.html;
    assert!(h.contains("My queue"), "{h}");
    assert!(!h.contains("Top three problems"));
    assert!(
        h.contains("<a href=\"/inbox?mine=1&#38;status=received\">2</a>"),
        "{h}"
    );
    assert!(
        h.contains("<strong id=\"own-csat\">100.00 %</strong>"),
        "{h}"
    );
    // Due today: both of the agent's complaints, their first response an hour after now.
    let due = h.split("<ul id=\"due\">").nth(1).expect("a due list");
    let due = due.split("</ul>").next().unwrap();
    assert_eq!(due.matches("<li>").count(), 2, "{due}");
    assert!(due.contains("First response: "), "{due}");
    assert!(!due.contains("overdue"), "{due}");
    assert!(
        h.contains("<span id=\"own-csat-n\">n = 2 / 2</span>"),
        "{h}"
    );
    // Nor list the CSAT answers behind the managers' number.
    assert_eq!(a.get("/dashboard/csat").await.status, 403);
    // An agent may not pin.
    let refused = a.submit("/", "/dashboard/pins", &[("figure", "1")]).await;
    assert_eq!(refused.status, 403);
    // A viewer gets the agent's home too.
    let v = signed_in(&app, Role::Viewer).await;
    let vh = v.get("/").await;
    assert_eq!(vh.status, 200);
    assert!(vh.html.contains("My queue"));
}

#[tokio::test]
async fn a_manager_pins_and_unpins_a_figure_with_csrf_and_audit() {
    let app = spawn_app().await;
    let figure = app.store.figures().await.unwrap().remove(0);
    let m = signed_in(&app, Role::Manager).await;
    let page = m.get("/").await;
    assert!(page.html.contains("No figure pinned yet."), "{}", page.html);
    let id = figure.id.to_string();

    // Without the CSRF token: refused, nothing pinned.
    let forged = m
        .post_raw("/dashboard/pins", &[("figure", id.as_str())])
        .await;
    assert_eq!(forged.status, 403);
    assert!(app.store.dashboard_pins().await.unwrap().is_empty());

    // An unknown figure: 422 naming the field.
    let unknown = m
        .submit("/", "/dashboard/pins", &[("figure", "999999")])
        .await;
    assert_eq!(unknown.status, 422, "{}", unknown.html);
    assert!(
        unknown.html.contains("no figure 999999"),
        "{}",
        unknown.html
    );

    let pinned = m
        .submit("/", "/dashboard/pins", &[("figure", id.as_str())])
        .await;
    assert_eq!(pinned.status, 303, "{}", pinned.html);
    let home = m.get("/").await.html;
    assert!(home.contains(&format!("id=\"pin-{id}\"")), "{home}");
    assert!(
        home.contains(&format!("/api/v1/figures/{id}/values?from=")),
        "{home}"
    );
    // Pinning again changes nothing (one audit row).
    m.submit("/", "/dashboard/pins", &[("figure", id.as_str())])
        .await;
    assert_eq!(app.store.dashboard_pins().await.unwrap().len(), 1);

    let action = format!("/dashboard/pins/{id}/unpin");
    assert_eq!(m.post_raw(&action, &[]).await.status, 403, "no token");
    let unpinned = m.submit("/", &action, &[]).await;
    assert_eq!(unpinned.status, 303);
    assert!(app.store.dashboard_pins().await.unwrap().is_empty());
    assert_eq!(m.submit("/", &action, &[]).await.status, 404);

    let log = app.store.audit_log(50, None).await.unwrap();
    let actions: Vec<&str> = log
        .iter()
        .filter(|e| e.subject == figure.code)
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(actions, vec!["figure_unpinned", "figure_pinned"]);
}
