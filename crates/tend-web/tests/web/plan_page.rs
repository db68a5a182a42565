//! The plan page (`/plan`): the whole plan as of a date — the vision and policy versions in
//! force that day (an older date shows the older ones), the focus problems, the goals, the
//! introduction's coverage and the last quotient round — in English and Turkish, printable
//! (the stylesheet hides navigation and forms in print), for staff only.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::{Browser, employee, signed_in};
use crate::helpers::{TestApp, spawn_app};

async fn vision(app: &TestApp, statement: &str) {
    let body = json!({"success": ["Loyal customers"], "statement": statement});
    app.post_json("/api/v1/vision", &app.manager.token, &body)
        .await
        .expect(201);
}

/// A policy version with one area, approved from `from`; returns its id.
async fn policy(app: &TestApp, tag: &str, from: &str) -> i64 {
    let draft = json!({"note": tag, "areas": [{"area": "speed", "texts": {"en": tag}}]});
    let id = app
        .post_json("/api/v1/policy", &app.manager.token, &draft)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/v1/policy/{id}/approve");
    let body = json!({"effective_from": from});
    app.post_json(&path, &app.manager.token, &body)
        .await
        .expect(200);
    id
}

#[tokio::test]
async fn the_plan_as_of_a_date_shows_the_versions_then_in_force() {
    let app = spawn_app().await;
    let reader = employee(&app, Role::Viewer, "Plan Reader").await;
    // 2026-03-06: the first vision and policy, an introduction, a quotient, a goal, a complaint.
    vision(&app, "We answer every customer the same day.").await;
    let v1 = policy(&app, "First policy", "2026-03-06").await;
    let intro = json!({"kind": "introduction", "topic": "The plan", "held_on": "2026-03-05",
        "trainer": "Ada", "attendees": [
            {"employee_id": app.admin.id, "attended": true},
            {"employee_id": app.agent.id, "attended": true}]});
    app.post_json("/api/v1/trainings", &app.manager.token, &intro)
        .await
        .expect(201);
    // Culture 15/4, products 4, feedback 10/3, knowing 4, contact 3, staff 17/5,
    // improvement 11/3: total 25.15, adequate.
    let q = json!({"respondent": "Olga Owner", "ratings": {
        "culture": [4, 4, 3, 4], "products": [4, 4, 4, 4], "feedback": [3, 3, 4],
        "knowing": [4, 4, 4], "contact": [3, 3, 3], "staff": [4, 3, 3, 3, 4],
        "improvement": [4, 4, 3]}});
    app.post_json("/api/v1/quotient/assessments", &app.manager.token, &q)
        .await
        .expect(201);
    let goal = json!({"name": "Happy customers", "measure": "csat", "target": 80,
        "direction": "at_least", "period": "quarter", "owner_id": app.agent.id});
    let goal = app
        .post_json("/api/v1/goals", &app.manager.token, &goal)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let cat = json!({"name": "Late delivery"});
    let cat = app
        .post_json("/api/v1/categories", &app.manager.token, &cat)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    let billing = json!({"name": "Billing"});
    let billing = app
        .post_json("/api/v1/categories", &app.manager.token, &billing)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    // Billing: 2 complaints (F = 1), Late delivery: 1 (F = 0.5); no cost or loss: Billing first.
    let customer = app.create_customer().await;
    for (c, text) in [
        (cat, "It came late."),
        (billing, "Charged twice."),
        (billing, "Wrong"),
    ] {
        let draft = json!({"customer_id": customer, "channel": "phone",
            "description": text, "category_id": c});
        app.create_complaint_with(&draft).await;
    }

    // 2026-04-10: the second vision and policy.
    app.clock.set("2026-04-10T09:00:00Z".parse().unwrap());
    vision(&app, "Every customer heard the same day, by name.").await;
    let v2 = policy(&app, "Second policy", "2026-04-10").await;

    let b = Browser::new(&app);
    b.sign_in(&reader).await;
    let today = b.get("/plan").await;
    assert_eq!(today.status, 200, "{}", today.html);
    let html = &today.html;
    assert!(html.contains("The plan as of"), "{html}");
    assert!(
        html.contains("value=\"2026-04-10\""),
        "default today: {html}"
    );
    assert!(html.contains("Every customer heard the same day, by name.</blockquote>"));
    assert!(
        html.contains(&format!("href=\"/plan/policy/{v2}\"")),
        "{html}"
    );
    assert!(!html.contains(&format!("href=\"/plan/policy/{v1}\"")));
    let (first, second) = (
        html.find("<li value=\"1\">Billing · 2 complaints</li>"),
        html.find("<li value=\"2\">Late delivery · 1 complaints</li>"),
    );
    assert!(first.is_some() && second.is_some(), "{html}");
    // The goal's open quarter today, its first quarter (closed) on the earlier date.
    assert!(html.contains("<td>2026-Q2</td>"), "{html}");
    assert!(html.contains(&format!("id=\"plan-goal-{goal}\"")), "{html}");
    assert!(html.contains("Happy customers"));
    assert!(html.contains("target: at least 80.00"), "{html}");
    assert!(html.contains("Total: 25.15</strong>"), "{html}");
    assert!(html.contains("adequate, needs general improvement"));
    assert!(html.contains("2 of "), "{html}");
    assert!(html.contains("Plan Reader"), "not yet trained: {html}");
    assert!(html.contains("href=\"/plan\""), "the nav link");
    assert!(!html.contains("<script"));

    // An earlier date: the first versions; before everything, nothing yet.
    let then = b.get("/plan?on=2026-03-06").await.html;
    assert!(
        then.contains("We answer every customer the same day.</blockquote>"),
        "{then}"
    );
    assert!(!then.contains("by name.</blockquote>"), "{then}");
    assert!(
        then.contains(&format!("href=\"/plan/policy/{v1}\"")),
        "{then}"
    );
    assert!(!then.contains(&format!("href=\"/plan/policy/{v2}\"")));
    assert!(then.contains("<td>2026-Q1</td>"), "{then}");
    let before = b.get("/plan?on=2026-03-01").await.html;
    assert!(before.contains("No vision statement had been saved by this date."));
    assert!(before.contains("No policy version was in effect on this date."));
    assert!(
        before.contains("No ranked problem in this period."),
        "{before}"
    );
    assert!(before.contains("No quotient assessment had been made by this date."));
    assert!(before.contains("0 of "), "{before}");

    // In Turkish; a malformed date is refused; printing hides navigation and forms.
    b.set_cookie("lang", "tr");
    let tr = b.get("/plan?on=2026-03-06").await.html;
    assert!(tr.contains("itibarıyla plan"), "{tr}");
    assert!(
        tr.contains("Toplam: 25,15</strong>") || tr.contains("25,15"),
        "{tr}"
    );
    assert!(tr.contains("Odak sorunlar"));
    assert_eq!(b.get("/plan?on=2026-13-40").await.status, 400);
    let css = b.get("/static/app.css").await.html;
    assert!(css.contains("@media print"));
    assert!(css.contains("header.top nav, header.top form, form"));
    // Signed out, or a vendor's account (no Read permission): no plan.
    let anon = Browser::new(&app).get("/plan").await;
    assert_ne!(anon.status, 200);
    let vendor = signed_in(&app, Role::Vendor).await;
    assert_eq!(vendor.get("/plan").await.status, 403);
}

/// The goal's row on the plan page as of `on` (`None`: today).
async fn goal_row(b: &Browser, on: Option<&str>, goal: i64) -> String {
    let path = on.map_or_else(|| "/plan".to_owned(), |d| format!("/plan?on={d}"));
    let html = b.get(&path).await.html;
    let at = html
        .find(&format!("id=\"plan-goal-{goal}\""))
        .unwrap_or_else(|| panic!("no goal row on {path}: {html}"));
    let end = html[at..].find("</tr>").expect("row end");
    html[at..at + end].to_owned()
}

#[tokio::test]
async fn a_past_day_inside_the_open_period_shows_the_goal_as_it_stood_that_evening() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    app.clock.set("2026-05-01T09:00:00Z".parse().unwrap());
    let goal = json!({"name": "Few returns", "measure": "return_rate", "target": 30,
        "direction": "at_most", "period": "month", "owner_id": app.manager.id});
    let goal = app
        .post_json("/api/v1/goals", &app.manager.token, &goal)
        .await
        .expect(201)["id"]
        .as_i64()
        .unwrap();
    // On the 12th the target is relaxed to at most 60 %: version 2.
    app.clock.set("2026-05-12T09:00:00Z".parse().unwrap());
    app.patch_json(
        &format!("/api/v1/goals/{goal}"),
        &app.manager.token,
        &json!({"target": 60}),
    )
    .await
    .expect(200);
    app.clock.set("2026-05-20T12:00:00Z".parse().unwrap());
    // May 2026 (UTC): bought on the 3rd (returned) and 4th; then on the 15th and 16th.
    for (at, returned) in [
        ("2026-05-03T10:00:00Z", true),
        ("2026-05-04T10:00:00Z", false),
        ("2026-05-15T10:00:00Z", false),
        ("2026-05-16T10:00:00Z", false),
    ] {
        let t = json!({"customer_id": customer, "occurred_at": at, "returned": returned});
        app.post_json("/api/v1/transactions", &app.agent.token, &t)
            .await
            .expect(201);
    }
    let b = signed_in(&app, Role::Viewer).await;

    // As of 10 May: 1 returned of the 2 bought by then = 50.00 %, against version 1's 30 %.
    let row = goal_row(&b, Some("2026-05-10"), goal).await;
    assert!(row.contains("<td>2026-05</td>"), "{row}");
    assert!(row.contains("50.00"), "{row}");
    assert!(row.contains("at most 30.00"), "{row}");
    assert!(row.contains("status-at_risk"), "{row}");
    assert!(row.contains("n = 1 / 2"), "{row}");
    // As of 15 May (the purchase at 10:00 counts): 1 of 3 = 33.33 %, now against 60 %.
    let row = goal_row(&b, Some("2026-05-15"), goal).await;
    assert!(row.contains("33.33") && row.contains("n = 1 / 3"), "{row}");
    assert!(
        row.contains("at most 60.00") && row.contains("status-on_track"),
        "{row}"
    );
    // Today (and any later day): live, 1 of 4 = 25.00 %.
    for on in [None, Some("2026-05-20"), Some("2026-06-30")] {
        let row = goal_row(&b, on, goal).await;
        assert!(
            row.contains("25.00") && row.contains("n = 1 / 4"),
            "{on:?}: {row}"
        );
    }
    // Before the goal existed and before any frozen period: no period that day.
    let row = goal_row(&b, Some("2026-04-20"), goal).await;
    assert!(row.contains("no period on this date"), "{row}");
    // In Spanish, the definition says so.
    b.set_cookie("lang", "es");
    let html = b.get("/plan?on=2026-05-10").await.html;
    assert!(html.contains("medido al final de esta fecha"), "{html}");
}
