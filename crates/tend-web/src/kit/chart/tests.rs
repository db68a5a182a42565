//! The charts' geometry (scales, ticks, empty data, one point, negative and zero values, many
//! categories) and escaping, by hand-computed values.

use super::scale::{Axis, band, label_every, nice_step};
use super::svg::{cumulative, pareto_order};
use super::{Chart, Kind, Series, Words, esc};

fn comma(plain: &str) -> String {
    plain.replace('.', ",")
}

fn words() -> Words {
    Words {
        table: "Data".into(),
        category: "Period".into(),
        cumulative: "Cumulative".into(),
        target: "Target".into(),
    }
}

fn chart<'a>(kind: Kind, cats: &[&str], values: &[f64], w: &'a Words) -> Chart<'a> {
    Chart {
        kind,
        title: "T".into(),
        desc: "D".into(),
        categories: cats.iter().map(|c| (*c).to_owned()).collect(),
        series: vec![Series {
            name: "S".into(),
            values: values.to_vec(),
        }],
        decimals: 1,
        words: w,
        decimal: &comma,
    }
}

/// Every number in attributes of `svg` (x, y, width, height, points…).
fn numbers(svg: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for attr in [
        " x=\"",
        " y=\"",
        " x1=\"",
        " y1=\"",
        " width=\"",
        " height=\"",
        " cx=\"",
        " cy=\"",
    ] {
        for part in svg.split(attr).skip(1) {
            let raw = part.split('"').next().unwrap_or("");
            if let Ok(v) = raw.parse::<f64>() {
                out.push(v);
            } else if raw != "100%" {
                panic!("not a number: {raw:?} in {attr}");
            }
        }
    }
    out
}

#[test]
fn nice_steps_are_one_two_five() {
    assert_eq!(nice_step(0.7), 1.0);
    assert_eq!(nice_step(1.3), 2.0);
    assert_eq!(nice_step(3.0), 5.0);
    assert_eq!(nice_step(7.0), 10.0);
    assert_eq!(nice_step(23.0), 50.0);
    assert_eq!(nice_step(0.03), 0.05);
    assert_eq!(nice_step(0.0), 1.0);
    assert_eq!(nice_step(f64::NAN), 1.0);
}

#[test]
fn axis_holds_zero_and_the_values() {
    // 0..87: raw step 17.4 -> 20; hi = ceil(87/20)*20 = 100.
    let a = Axis::of([12.0, 87.0]);
    assert_eq!((a.lo, a.hi, a.step), (0.0, 100.0, 20.0));
    assert_eq!(a.ticks(), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    // -30..10: range 40 -> step 10 (raw 8); lo -30, hi 10.
    let a = Axis::of([-30.0, 10.0]);
    assert_eq!((a.lo, a.hi, a.step), (-30.0, 10.0, 10.0));
    // Only negatives: zero is the top.
    let a = Axis::of([-4.0, -1.0]);
    assert_eq!(a.hi, 0.0);
    assert_eq!(a.lo, -4.0);
    // Small fractions: no 0.30000000000000004 among the ticks.
    let a = Axis::of([0.3]);
    assert_eq!(a.step, 0.1);
    assert_eq!(a.ticks(), vec![0.0, 0.1, 0.2, 0.3]);
    assert_eq!(a.decimals(), 1);
}

#[test]
fn empty_zero_and_non_finite_give_the_unit_axis() {
    for values in [vec![], vec![0.0, 0.0], vec![f64::NAN, f64::INFINITY]] {
        let a = Axis::of(values);
        assert_eq!((a.lo, a.hi), (0.0, 1.0));
        assert_eq!(a.ticks().len(), 6);
    }
}

#[test]
fn y_maps_linearly_and_clamps() {
    let a = Axis::of([100.0]);
    assert_eq!(a.y(0.0, 10.0, 150.0), 150.0);
    assert_eq!(a.y(100.0, 10.0, 150.0), 10.0);
    assert_eq!(a.y(50.0, 10.0, 150.0), 80.0);
    assert_eq!(a.y(1e9, 10.0, 150.0), 10.0);
    assert_eq!(a.y(-5.0, 10.0, 150.0), 150.0);
    assert_eq!(a.y(f64::NAN, 10.0, 150.0), 150.0);
}

#[test]
fn bands_and_label_thinning() {
    assert_eq!(band(0, 1, 0.0, 100.0), 50.0);
    assert_eq!(band(1, 4, 0.0, 100.0), 37.5);
    assert_eq!(label_every(3, 8), 1);
    assert_eq!(label_every(16, 8), 2);
    assert_eq!(label_every(100_000, 8), 12_500);
    assert_eq!(label_every(0, 8), 1);
}

#[test]
fn pareto_orders_and_accumulates() {
    let v = [2.0, 5.0, 3.0, 0.0];
    let order = pareto_order(&v);
    assert_eq!(order, vec![1, 2, 0, 3]);
    assert_eq!(cumulative(&v, &order), vec![50.0, 80.0, 100.0, 100.0]);
    assert_eq!(cumulative(&[0.0, 0.0], &[0, 1]), vec![0.0, 0.0]);
}

#[test]
fn every_kind_renders_an_accessible_figure_with_its_table() {
    let w = words();
    let kinds = [
        Kind::Line,
        Kind::Bar,
        Kind::Stacked,
        Kind::Pareto,
        Kind::Gauge {
            max: 100.0,
            target: Some(90.0),
        },
    ];
    for kind in kinds {
        let html = chart(kind, &["Jan", "Feb"], &[1.5, 2.25], &w).render();
        assert!(html.contains("<svg role=\"img\""), "{kind:?}");
        assert!(html.contains("<title id=") && html.contains("<desc id="));
        assert!(html.contains("viewBox=\"0 0 320 ") && html.contains("width=\"100%\""));
        assert!(html.contains("<details class=\"chart-data\"><summary>Data</summary>"));
        assert!(html.contains("<td>1,5</td>"), "{kind:?}: locale decimals");
        assert!(!html.contains("<script"));
        numbers(&html);
    }
}

#[test]
fn empty_and_single_point_charts_draw_without_nan() {
    let w = words();
    for kind in [Kind::Line, Kind::Bar, Kind::Stacked, Kind::Pareto] {
        let html = chart(kind, &[], &[], &w).render();
        assert!(!html.contains("NaN") && !html.contains("inf"), "{kind:?}");
        assert!(html.contains("<tbody></tbody>"));
        let one = chart(kind, &["Only"], &[7.0], &w).render();
        assert!(!one.contains("NaN"));
        numbers(&one);
    }
    let line = chart(Kind::Line, &["Only"], &[7.0], &w).render();
    // One band across 44..310: the point at its centre, 177.
    assert!(line.contains("cx=\"177\""), "{line}");
    let gauge = chart(
        Kind::Gauge {
            max: 0.0,
            target: None,
        },
        &[],
        &[],
        &w,
    )
    .render();
    assert!(!gauge.contains("NaN"));
}

#[test]
fn negative_bars_hang_from_zero() {
    let w = words();
    let html = chart(Kind::Bar, &["A", "B"], &[-30.0, 10.0], &w).render();
    // Axis -30..10 over y 150..10: zero at 150 - 30/40 * 140 = 45.
    // A (-30): from 45 down to 150, height 105; B (10): from 10 to 45, height 35.
    assert!(
        html.contains("y=\"45\" width=\"106.4\" height=\"105\""),
        "{html}"
    );
    assert!(
        html.contains("y=\"10\" width=\"106.4\" height=\"35\""),
        "{html}"
    );
    assert!(html.contains("<td>-30,0</td>"));
}

#[test]
fn stacked_bars_add_up() {
    let w = words();
    let mut ch = chart(Kind::Stacked, &["A"], &[30.0], &w);
    ch.series.push(Series {
        name: "R".into(),
        values: vec![70.0],
    });
    let html = ch.render();
    // Axis 0..100 over 10..150: 30 -> y 108 (height 42), then 70 on top -> y 10 (height 98).
    assert!(
        html.contains("y=\"108\" width=\"212.8\" height=\"42\""),
        "{html}"
    );
    assert!(
        html.contains("y=\"10\" width=\"212.8\" height=\"98\""),
        "{html}"
    );
}

#[test]
fn many_categories_thin_the_labels_and_stay_finite() {
    let w = words();
    let n = 5_000;
    let cats: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    let refs: Vec<&str> = cats.iter().map(String::as_str).collect();
    let values: Vec<f64> = (0..n).map(|i| i as f64 * 1e6).collect();
    for kind in [Kind::Line, Kind::Bar, Kind::Pareto] {
        let html = chart(kind, &refs, &values, &w).render();
        let labels = html.split("class=\"categories\"").nth(1).unwrap_or("");
        let labels = labels.split("</g>").next().unwrap_or("");
        assert!(labels.matches("<text").count() <= 8, "{kind:?}");
        assert!(numbers(&html).iter().all(|v| v.is_finite()));
    }
}

#[test]
fn text_is_escaped_everywhere() {
    assert_eq!(
        esc("<a href=\"x\">&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
    );
    let w = Words {
        table: "<b>".into(),
        category: "\"c\"".into(),
        cumulative: "&".into(),
        target: "'".into(),
    };
    let mut ch = chart(Kind::Pareto, &["<script>alert(1)</script>"], &[1.0], &w);
    ch.title = "</title><script>".into();
    ch.desc = "<desc>".into();
    ch.series[0].name = "<img src=x>".into();
    let html = ch.render();
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;"));
}
