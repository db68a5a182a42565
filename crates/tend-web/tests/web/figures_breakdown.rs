//! A figure's page broken down by one dimension (`?by=product`) against hand-computed values:
//! the internal reject rate (rejected ÷ inspected × 100, by product) over January and February
//! 2026. Each line is Σ numerators ÷ Σ denominators of its values with n = Σ denominators; the
//! value without a product is "(none)"; each period's total equals the undivided table's row.

use std::collections::BTreeMap;

use tend_domain::figures::ValueDraft;
use tend_domain::staff::Role;
use tend_store::Via;

use crate::browser::signed_in;
use crate::helpers::{TestApp, now, spawn_app};

/// Stores the reject rate's values: (period, product or none, rejected, inspected).
async fn rejects(app: &TestApp, rows: &[(&str, Option<&str>, i64, i64)]) -> i64 {
    let f = app
        .store
        .figure_by_code("internal_reject_rate")
        .await
        .unwrap();
    let values: Vec<_> = rows
        .iter()
        .map(|(period, product, n, d)| {
            let dimensions: BTreeMap<String, String> = product
                .iter()
                .map(|p| ("product".to_owned(), (*p).to_owned()))
                .collect();
            ValueDraft {
                period: Some((*period).into()),
                dimensions,
                numerator: Some(*n),
                denominator: Some(*d),
            }
            .validate(&f)
            .unwrap()
        })
        .collect();
    app.store
        .put_figure_values(f.id, &values, None, Via::Api, now())
        .await
        .unwrap();
    f.id
}

/// The breakdown section of a page.
fn section(html: &str) -> &str {
    let start = html.find(r#"id="breakdown""#).expect("the breakdown");
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap()]
}

fn line(period: &str, group: &str, value: &str, n: &str) -> String {
    format!(r#"<tr><th scope="row">{period}</th><td>{group}</td><td>{value}</td><td>{n}</td></tr>"#)
}

fn total(period: &str, label: &str, value: &str, n: &str) -> String {
    format!(
        r#"<tr class="total"><th scope="row">{period}</th><th scope="row">{label}</th><td><strong>{value}</strong></td><td><strong>{n}</strong></td></tr>"#
    )
}

#[tokio::test]
async fn the_page_breaks_a_rate_down_by_product_with_the_totals_unchanged() {
    let app = spawn_app().await;
    let id = rejects(
        &app,
        &[
            ("2026-01-01", Some("Kettle"), 2, 100),
            ("2026-01-01", Some("Iron"), 6, 200),
            ("2026-01-01", None, 1, 50),
            ("2026-02-01", Some("Kettle"), 4, 300),
            ("2026-02-01", Some("Iron"), 3, 300),
        ],
    )
    .await;
    let b = signed_in(&app, Role::Viewer).await;
    let at = format!("/figures/{id}");
    let plain = b.get(&at).await;
    assert_eq!(plain.status, 200);
    // Undivided: January 9 ÷ 350 = 2.571 %, n = 350; February 7 ÷ 600 = 1.167 %, n = 600.
    let undivided = [
        r#"<tr><th scope="row">2026-01-01</th><td>2.57</td><td>350</td></tr>"#,
        r#"<tr><th scope="row">2026-02-01</th><td>1.17</td><td>600</td></tr>"#,
    ];
    for row in undivided {
        assert!(plain.html.contains(row), "{row}\n{}", plain.html);
    }
    assert!(
        !section(&plain.html).contains("<table"),
        "no breakdown asked for"
    );
    assert!(section(&plain.html).contains(&format!(r#"href="{at}?by=product#breakdown""#)));

    let by = b.get(&format!("{at}?by=product")).await;
    assert_eq!(by.status, 200);
    let s = section(&by.html);
    // Products in order, "(none)" last, then the period's total.
    let expected = [
        line("2026-01-01", "Iron", "3.00", "200"),
        line("2026-01-01", "Kettle", "2.00", "100"),
        line("2026-01-01", "(none)", "2.00", "50"),
        total("2026-01-01", "Total", "2.57", "350"),
        line("2026-02-01", "Iron", "1.00", "300"),
        line("2026-02-01", "Kettle", "1.33", "300"),
        total("2026-02-01", "Total", "1.17", "600"),
    ];
    let mut from = 0;
    for want in &expected {
        let at = s[from..]
            .find(want.as_str())
            .unwrap_or_else(|| panic!("{want}\n{s}"));
        from += at + want.len();
    }
    // The undivided table is still there, unchanged.
    for row in undivided {
        assert!(by.html.contains(row), "{row}");
    }

    // In Spanish: the locale's decimal comma and "(ninguno)".
    b.set_cookie("lang", "es");
    let es = b.get(&format!("{at}?by=product")).await;
    let s = section(&es.html);
    assert!(
        s.contains(&line("2026-01-01", "(ninguno)", "2,00", "50")),
        "{s}"
    );
    assert!(
        s.contains(&total("2026-02-01", "Total", "1,17", "600")),
        "{s}"
    );
}

#[tokio::test]
async fn a_dimension_the_figure_lacks_is_refused_by_name_in_the_reader_s_language() {
    let app = spawn_app().await;
    let id = rejects(&app, &[("2026-01-01", Some("Kettle"), 2, 100)]).await;
    let b = signed_in(&app, Role::Viewer).await;
    let at = format!("/figures/{id}");
    let no = b.get(&format!("{at}?by=vendor")).await;
    assert_eq!(no.status, 422);
    let s = section(&no.html);
    assert!(
        s.contains(
            "Breakdown: this figure has no dimension &quot;vendor&quot; (it takes: product)"
        ) || s.contains(
            "Breakdown: this figure has no dimension &#34;vendor&#34; (it takes: product)"
        ),
        "{s}"
    );
    b.set_cookie("lang", "tr");
    let tr = b.get(&format!("{at}?by=vendor")).await;
    assert_eq!(tr.status, 422);
    assert!(section(&tr.html).contains("Döküm: "), "{}", tr.html);
    // Unknown query fields are a bad request.
    assert_eq!(b.get(&format!("{at}?per=quarter")).await.status, 400);
}
