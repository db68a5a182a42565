//! The top problems' page against hand counts: every count links to exactly the complaints it
//! counts (a subcategory and a deleted complaint left out), cost in the reader's locale, the
//! previous period and trend, a not-actionable mark listed apart (escaped), weights changed
//! and refused by field, and focus problems adopted — which the plan page then shows as of
//! the day of adoption, not before.

use serde_json::json;
use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::{TestApp, spawn_app};

fn set_clock(app: &TestApp, at: &str) {
    app.clock.set(at.parse().unwrap());
}

async fn category(app: &TestApp, name: &str, parent: Option<i64>) -> i64 {
    let body = json!({"name": name, "parent_id": parent});
    let c = app.post_json("/api/v1/categories", &app.manager.token, &body);
    c.await.expect(201)["id"].as_i64().unwrap()
}

async fn complaint(app: &TestApp, at: &str, customer: i64, cat: i64) -> i64 {
    set_clock(app, at);
    let draft = json!({"customer_id": customer, "channel": "phone", "description": "It went wrong.",
        "category_id": cat});
    app.create_complaint_with(&draft).await["id"]
        .as_i64()
        .unwrap()
}

async fn resolve(app: &TestApp, id: i64, at: &str, amount: &str) {
    set_clock(app, at);
    for step in [
        json!({"action": "understand", "facts": "Seen."}),
        json!({"action": "identify_cause", "root_cause": "Packing", "responsible_party": "shipping"}),
        json!({"action": "agree_solution", "agreed_solution": "Refund", "solution_mode": "on_the_spot"}),
        json!({"action": "resolve", "corrective_action": "Refunded",
            "compensation": {"kind": "refund", "amount": amount, "currency": "EUR"}}),
    ] {
        app.act(id, &step).await.expect(200);
    }
}

/// The `n = …` of a records page and how many references it lists.
fn records(html: &str) -> (i64, usize) {
    let n = html
        .split("<span id=\"n\">n = ")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .and_then(|x| x.parse().ok())
        .unwrap_or_else(|| panic!("no n: {html}"));
    (n, html.matches("<td><a href=\"/complaints/").count())
}

const PERIOD: &str = "from=2026-03-01&to=2026-04-01";
/// The same, as an `href` writes it (`&` escaped).
const PERIOD_HREF: &str = "from=2026-03-01&#38;to=2026-04-01";

#[tokio::test]
async fn the_problems_page_counts_links_marks_weighs_and_adopts() {
    let app = spawn_app().await;
    let defective = category(&app, "Defective", None).await;
    let late = category(&app, "Late", None).await;
    let courier = category(&app, "Courier", Some(late)).await;
    let rude = category(&app, "Rude", None).await;
    let (c1, c2, c3) = (
        app.create_customer_named("Ana").await,
        app.create_customer_named("Bea").await,
        app.create_customer_named("Cem").await,
    );
    // The previous period (29 Jan – 28 Feb, as long as March): one Defective complaint.
    complaint(&app, "2026-02-10T10:00:00Z", c3, defective).await;
    // March: Defective ×3 (Ana twice, Bea) plus one deleted; Late ×1 and its Courier
    // subcategory ×1 (counted apart); Rude ×1.
    let first = complaint(&app, "2026-03-02T10:00:00Z", c1, defective).await;
    complaint(&app, "2026-03-03T10:00:00Z", c2, defective).await;
    complaint(&app, "2026-03-10T10:00:00Z", c1, defective).await;
    let spam = complaint(&app, "2026-03-11T10:00:00Z", c3, defective).await;
    complaint(&app, "2026-03-05T10:00:00Z", c3, late).await;
    complaint(&app, "2026-03-06T10:00:00Z", c2, courier).await;
    complaint(&app, "2026-03-07T10:00:00Z", c3, rude).await;
    resolve(&app, first, "2026-03-04T10:00:00Z", "12.50").await;
    let del = app
        .client
        .delete(app.url(&format!("/api/v1/complaints/{spam}?reason=spam")))
        .bearer_auth(&app.manager.token)
        .send()
        .await
        .unwrap();
    assert_eq!(del.status().as_u16(), 204);
    set_clock(&app, "2026-04-15T09:00:00Z");

    let agent = signed_in(&app, Role::Agent).await;
    let page = agent.get(&format!("/problems?{PERIOD}")).await;
    assert_eq!(page.status, 200, "{}", page.html);
    let h = &page.html;
    // Complainants: Ana, Bea, Cem = 3. Defective: 3 complaints, 2 customers (66.7 %), cost
    // 12.50 EUR, previous 1 → rising; F = 3/3, C = 1250/1250, L = 0 (no window has ended):
    // (40·1 + 40·1 + 20·0) / 100 = 0.800. Late and Courier: F = 1/3, C = 0: 40/3/100 = 0.133;
    // the tie goes to the lower id (Late). Rude the same, after them.
    assert!(h.contains("3 complainants in the period."), "{h}");
    let d_row = format!(
        "<tr data-category=\"{defective}\"><td>1</td><td>Defective</td><td><a href=\"/problems/{defective}/complaints?{PERIOD_HREF}\">3</a></td><td>2</td><td>66.7 %</td><td>12.50 EUR</td><td>0 / 0</td><td>1</td><td>rising</td><td class=\"voices\"><a href=\"/problems/{defective}/voices?{PERIOD_HREF}\">0</a></td><td>0.800</td></tr>"
    );
    assert!(h.contains(&d_row), "{h}");
    for (rank, id, name) in [
        (2, late, "Late"),
        (3, courier, "Late / Courier"),
        (4, rude, "Rude"),
    ] {
        let row = format!(
            "<tr data-category=\"{id}\"><td>{rank}</td><td>{name}</td><td><a href=\"/problems/{id}/complaints?{PERIOD_HREF}\">1</a></td><td>1</td><td>33.3 %</td><td>0.00 EUR</td><td>0 / 0</td><td>0</td><td>rising</td><td class=\"voices\"><a href=\"/problems/{id}/voices?{PERIOD_HREF}\">0</a></td><td>0.133</td></tr>"
        );
        assert!(h.contains(&row), "{rank} {name}: {h}");
    }
    // Each count's link lists exactly what it counts.
    for (id, want) in [(defective, 3), (late, 1), (courier, 1), (rude, 1)] {
        let r = agent
            .get(&format!("/problems/{id}/complaints?{PERIOD}"))
            .await;
        assert_eq!(r.status, 200);
        assert_eq!(records(&r.html), (want, want as usize), "{id}");
    }
    // The top three's evidence: sample references, oldest first.
    let top = h.split("id=\"top\"").nth(1).unwrap();
    assert!(top.contains("1. Defective"), "{top}");
    assert!(top.contains("3. Late / Courier"), "{top}");
    // Agents read but may not change anything.
    let refused = agent
        .submit(
            &format!("/problems?{PERIOD}"),
            "/problems/marks",
            &[("category_id", &rude.to_string()), ("actionable", "no")],
        )
        .await;
    assert_eq!(refused.status, 403);

    let m = signed_in(&app, Role::Manager).await;
    let from = format!("/problems?{PERIOD}");
    let r = m
        .submit(
            &from,
            "/problems/marks",
            &[
                ("category_id", &rude.to_string()),
                ("actionable", "no"),
                ("note", "Staffing <b>rota</b>"),
                ("from", "2026-03-01"),
                ("to", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.html);
    let h = m.get(&from).await.html;
    let apart = h
        .split("id=\"not-actionable\"")
        .nth(1)
        .expect("listed apart");
    assert!(apart.contains("<td>Rude</td>"), "{apart}");
    assert!(
        apart.contains("Staffing &#60;b&#62;rota&#60;/b&#62;"),
        "{apart}"
    );
    assert!(
        !h.contains("<td>4</td><td>Rude</td>"),
        "Rude is no longer ranked"
    );

    // Weights: all zero is refused by field, in Spanish; frequency alone gives 1.000 / 0.333.
    m.set_cookie("lang", "es");
    let bad = m
        .submit(
            &from,
            "/problems/weights",
            &[
                ("frequency", "0"),
                ("cost", "0"),
                ("lost", "0"),
                ("listening", "0"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.html.contains("debe estar entre 1 y 100") || bad.html.contains("de 1 a 100"),
        "{}",
        bad.html
    );
    assert!(
        bad.html.contains("12,50 EUR"),
        "amounts the Spanish way: {}",
        bad.html
    );
    m.set_cookie("lang", "en");
    let ok = m
        .submit(
            &from,
            "/problems/weights",
            &[
                ("frequency", "100"),
                ("cost", "0"),
                ("lost", "0"),
                ("listening", "20"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.html);
    let h = m.get(&from).await.html;
    assert!(h.contains("0</a></td><td>1.000</td>"), "{h}");
    assert!(h.contains("<td>0.333</td>"), "{h}");
    assert!(
        h.contains(
            "Weights: frequency 100, cost 0, customers lost 0, listening 20. Set by Web manager"
        ),
        "{h}"
    );

    // Focus: a category twice is refused (in Turkish too); Late then Defective is adopted.
    m.set_cookie("lang", "tr");
    let twice = m
        .submit(
            &from,
            "/problems/focus",
            &[
                ("first", &late.to_string()),
                ("second", &late.to_string()),
                ("from", "2026-03-01"),
                ("to", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(twice.status, 422);
    assert!(twice.html.contains("iki kez"), "{}", twice.html);
    m.set_cookie("lang", "en");
    let plan_before = m.get("/plan?on=2026-04-15").await.html;
    assert!(
        plan_before.contains("Not adopted yet: the ranking&#39;s top three.")
            || plan_before.contains("Not adopted yet"),
        "{plan_before}"
    );
    let adopted = m
        .submit(
            &from,
            "/problems/focus",
            &[
                ("first", &late.to_string()),
                ("second", &defective.to_string()),
                ("third", ""),
                ("from", "2026-03-01"),
                ("to", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(adopted.status, 303, "{}", adopted.html);
    let h = m.get(&from).await.html;
    let focus = h.split("id=\"focus\"").nth(1).unwrap();
    assert!(
        focus.contains("<ol><li>Late</li><li>Defective</li></ol>"),
        "{focus}"
    );
    // The plan: adopted as of 15 April, the ranking's top three the day before.
    let plan = m.get("/plan?on=2026-04-15").await.html;
    assert!(plan.contains("Adopted by Web manager"), "{plan}");
    let list = plan.split("id=\"plan-problems\"").nth(1).unwrap();
    let late_at = list.find("Late").unwrap();
    let defective_at = list.find("Defective").unwrap();
    assert!(late_at < defective_at, "{list}");
    let before = m.get("/plan?on=2026-04-14").await.html;
    assert!(before.contains("Not adopted yet"), "{before}");
}
