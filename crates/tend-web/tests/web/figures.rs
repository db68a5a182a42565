//! The figures' pages against hand-computed values: the latest value and its n, the stale
//! marker (today is 2026-03-06, so a monthly figure's last complete period is 2026-02-01), the
//! line chart with role="img" and its data table, entering a value (refused in Spanish by the
//! field, then stored) and who may enter one.

use tend_domain::figures::ValueDraft;
use tend_domain::staff::Role;
use tend_store::Via;

use crate::browser::signed_in;
use crate::helpers::{TestApp, now, spawn_app};

async fn put(app: &TestApp, code: &str, period: &str, numerator: i64, denominator: Option<i64>) {
    let f = app.store.figure_by_code(code).await.unwrap();
    let v = ValueDraft {
        period: Some(period.into()),
        numerator: Some(numerator),
        denominator,
        ..Default::default()
    }
    .validate(&f)
    .unwrap();
    app.store
        .put_figure_values(f.id, &[v], None, Via::Api, now())
        .await
        .unwrap();
}

/// The list's card of the figure with `code`.
async fn card(app: &TestApp, html: &str, code: &str) -> String {
    let id = app.store.figure_by_code(code).await.unwrap().id;
    let start = html
        .find(&format!("id=\"figure-{id}\""))
        .expect("the figure's card");
    let rest = &html[start..];
    rest[..rest.find("</section>").unwrap()].to_owned()
}

#[tokio::test]
async fn the_list_shows_latest_values_n_charts_and_stale_figures() {
    let app = spawn_app().await;
    // Calls abandoned (count, monthly): December and January only — stale in March.
    put(&app, "calls_abandoned", "2025-12-01", 40, None).await;
    put(&app, "calls_abandoned", "2026-01-01", 55, None).await;
    // Average wait (ratio): February 3000 s over 40 calls → 75.00, n = 40 — current.
    put(&app, "call_average_wait", "2026-01-01", 1000, Some(20)).await;
    put(&app, "call_average_wait", "2026-02-01", 3000, Some(40)).await;

    let b = signed_in(&app, Role::Viewer).await;
    let page = b.get("/figures").await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains(r#"href="/figures""#), "nav link");

    let abandoned = card(&app, &page.html, "calls_abandoned").await;
    assert!(abandoned.contains("Stale"), "{abandoned}");
    assert!(
        abandoned.contains("Latest (2026-01-01): <strong>55.00</strong> · n = 1"),
        "{abandoned}"
    );
    assert!(abandoned.contains(r#"role="img""#), "{abandoned}");
    assert!(abandoned.contains("<table"), "{abandoned}");

    let wait = card(&app, &page.html, "call_average_wait").await;
    assert!(!wait.contains("Stale"), "{wait}");
    assert!(
        wait.contains("Latest (2026-02-01): <strong>75.00</strong> · n = 40"),
        "{wait}"
    );
    // January's 1000 ÷ 20 = 50.00 is in the chart's data table.
    assert!(wait.contains("50.00"), "{wait}");

    // No values yet: stale, no chart; computed by Tend: never stale.
    let backorders = card(&app, &page.html, "backorders").await;
    assert!(backorders.contains("Stale") && !backorders.contains("role=\"img\""));
    let returns = card(&app, &page.html, "returns").await;
    assert!(!returns.contains("Stale"), "{returns}");

    // The figure's page: definition, chart and the values table; a viewer gets no form.
    let id = app
        .store
        .figure_by_code("call_average_wait")
        .await
        .unwrap()
        .id;
    let one = b.get(&format!("/figures/{id}")).await;
    assert_eq!(one.status, 200);
    assert!(one.html.contains("Total seconds callers waited"));
    assert!(one.html.contains(r#"role="img""#));
    assert!(one.html.contains("Call centre"));
    assert!(!one.html.contains(r#"id="enter""#));

    // In Turkish: the stale marker and the locale's decimal comma.
    b.set_cookie("lang", "tr");
    let tr = b.get("/figures").await;
    let abandoned = card(&app, &tr.html, "calls_abandoned").await;
    assert!(abandoned.contains("Güncel değil"), "{abandoned}");
    assert!(
        abandoned.contains("<strong>55,00</strong> · n = 1"),
        "{abandoned}"
    );
}

#[tokio::test]
async fn a_manager_enters_a_value_refused_in_spanish_then_stored() {
    let app = spawn_app().await;
    put(&app, "calls_abandoned", "2026-01-01", 55, None).await;
    let id = app
        .store
        .figure_by_code("calls_abandoned")
        .await
        .unwrap()
        .id;
    let at = format!("/figures/{id}");

    let b = signed_in(&app, Role::Manager).await;
    b.set_cookie("lang", "es");
    let page = b.get(&at).await;
    assert!(page.html.contains("Desactualizada"), "{}", page.html);
    assert!(page.html.contains(r#"id="enter""#));

    let refused = b
        .submit(&at, &at, &[("period", "2026-02-03"), ("numerator", "61")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .html
            .contains("Periodo: debe ser el primer día de un mes (recibido 2026-02-03)"),
        "{}",
        refused.html
    );
    assert!(refused.html.contains(r#"value="61""#));
    let bad = b
        .submit(&at, &at, &[("period", "2026-02-01"), ("numerator", "-3")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.html.contains("Numerador: "), "{}", bad.html);

    let made = b
        .submit(&at, &at, &[("period", "2026-02-01"), ("numerator", "61")])
        .await;
    assert_eq!(made.status, 303, "{}", made.html);
    let page = b.get(&at).await;
    assert!(!page.html.contains("Desactualizada"), "{}", page.html);
    assert!(page.html.contains("61,00"), "{}", page.html);

    // Figures Tend computes take no values: no form, and a post is refused.
    let returns = app.store.figure_by_code("returns").await.unwrap().id;
    let r = format!("/figures/{returns}");
    assert!(!b.get(&r).await.html.contains(r#"id="enter""#));
    let no = b
        .submit(&r, &r, &[("period", "2026-02-01"), ("numerator", "1")])
        .await;
    assert_eq!(no.status, 403);
}

#[tokio::test]
async fn viewers_and_agents_may_not_enter_values() {
    let app = spawn_app().await;
    let id = app
        .store
        .figure_by_code("calls_abandoned")
        .await
        .unwrap()
        .id;
    let at = format!("/figures/{id}");
    for role in [Role::Viewer, Role::Agent] {
        let b = signed_in(&app, role).await;
        let page = b.get(&at).await;
        assert_eq!(page.status, 200);
        assert!(!page.html.contains(r#"id="enter""#));
        let no = b
            .submit(&at, &at, &[("period", "2026-02-01"), ("numerator", "1")])
            .await;
        assert_eq!(no.status, 403, "{role:?}");
    }
    let f = app.store.figure(id).await.unwrap();
    let points = app
        .store
        .figure_points(
            &f,
            "2000-01-01".parse().unwrap(),
            "2100-01-01".parse().unwrap(),
            None,
        )
        .await
        .unwrap();
    assert!(points.is_empty());
}
