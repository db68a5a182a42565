//! The reports page's charts: SVG drawn on the server, no script and no inline style, each
//! with its title, description and data table; every mark's value equals the table's cell
//! for its period and series, and the report's own figures, written the reader's way (es).

use std::collections::BTreeMap;

use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::spawn_app;
use crate::reports::scenario;

/// A chart's marks: (period, series) → value as titled (`<title>period: series · value`).
fn marks(figure: &str) -> BTreeMap<(String, String), String> {
    let svg = &figure[..figure.find("</svg>").expect("an svg")];
    svg.split("<title>")
        .skip(1)
        .map(|s| {
            let t = &s[..s.find("</title>").unwrap()];
            let (period, rest) = t.split_once(": ").expect("period: value");
            let (series, value) = rest.rsplit_once(" · ").expect("series · value");
            ((period.to_owned(), series.to_owned()), value.to_owned())
        })
        .collect()
}

/// A chart's data table: (period, series) → cell.
fn table(figure: &str) -> BTreeMap<(String, String), String> {
    let cells = |row: &str, tag: &str| -> Vec<String> {
        row.split(tag)
            .skip(1)
            .map(|c| {
                let c = if tag.ends_with('>') {
                    c
                } else {
                    &c[c.find('>').unwrap() + 1..]
                };
                c[..c.find('<').unwrap()].to_owned()
            })
            .collect()
    };
    let head = &figure[figure.find("<thead>").unwrap()..figure.find("</thead>").unwrap()];
    let series: Vec<String> = cells(head, "<th scope").into_iter().skip(1).collect();
    let body = &figure[figure.find("<tbody>").unwrap()..figure.find("</tbody>").unwrap()];
    let mut out = BTreeMap::new();
    for row in body.split("<tr>").skip(1) {
        let period = cells(row, "<th scope").remove(0);
        for (s, v) in series.iter().zip(cells(row, "<td>")) {
            out.insert((period.clone(), s.clone()), v);
        }
    }
    out
}

fn es(v: f64) -> String {
    format!("{v:.2}").replace('.', ",")
}

#[tokio::test]
async fn the_charts_marks_are_the_tables_numbers() {
    let app = spawn_app().await;
    scenario(&app).await;
    let q = "from=2026-04-01&to=2026-04-13&grain=week&group=channel";
    let r = app
        .get(
            &format!("/api/v1/reports/operations?{q}"),
            &app.manager.token,
        )
        .await
        .expect(200);
    let m = signed_in(&app, Role::Manager).await;
    m.set_cookie("lang", "es");
    let page = m.get(&format!("/reports?{q}")).await;
    assert_eq!(page.status, 200, "{}", page.html);
    assert!(!page.html.contains("<script"), "no script");
    assert!(!page.html.contains(" style="), "no inline style");
    let figures: Vec<&str> = page
        .html
        .split("<figure class=\"chart\">")
        .skip(1)
        .map(|f| &f[..f.find("</figure>").unwrap()])
        .collect();
    assert_eq!(figures.len(), 4, "volume, backlog, times, within");
    for f in &figures {
        assert!(f.contains("<svg role=\"img\" aria-labelledby="), "{f}");
        assert!(f.contains("<desc id="), "{f}");
        let (marks, table) = (marks(f), table(f));
        assert!(!marks.is_empty(), "{f}");
        assert_eq!(
            marks, table,
            "every mark is its table cell, and no cell lacks one"
        );
    }
    let periods = r["periods"].as_array().unwrap();
    let value = |chart: usize, period: &str, series: &str| -> String {
        marks(figures[chart])
            .get(&(period.to_owned(), series.to_owned()))
            .unwrap_or_else(|| panic!("{period} {series} in chart {chart}"))
            .clone()
    };
    for p in periods {
        let label = p["label"].as_str().unwrap();
        let t = &p["total"];
        let count = |k: &str| t[k]["complaints"].as_i64().unwrap().to_string();
        assert_eq!(value(1, label, "Resueltas"), count("resolved"));
        assert_eq!(value(1, label, "Reabiertas"), count("reopened"));
        assert_eq!(
            value(1, label, "Abiertas al final del periodo"),
            t["open_at_end"].to_string()
        );
        let hours = |k: &str| es(t[k]["median"].as_f64().unwrap_or(0.0) / 60.0);
        assert_eq!(
            value(2, label, "Primera respuesta, horas de servicio"),
            hours("first_response_service_minutes")
        );
        let share = t["first_response_within_standard"]["percent"]
            .as_f64()
            .unwrap_or(0.0);
        assert_eq!(
            value(3, label, "Primera respuesta dentro del estándar"),
            es(share)
        );
        for g in p["groups"].as_array().unwrap() {
            let channel = if g["key"] == "phone" {
                "Teléfono"
            } else {
                "Correo electrónico"
            };
            assert_eq!(
                value(0, label, channel),
                g["figures"]["received"]["complaints"].to_string()
            );
        }
    }
    // W15 by hand: first responses B 30 and C 60 min (D none): median 45 min = 0,75 h.
    assert_eq!(
        value(2, "2026-W15", "Primera respuesta, horas de servicio"),
        "0,75"
    );
}
