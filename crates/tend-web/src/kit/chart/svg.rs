//! The marks of each chart kind in SVG units: a 320-wide drawing (the viewBox), the value axis
//! on the left with its ticks, categories along the bottom (at most eight labels written), each
//! mark titled with its category and value. Colours come from `static/app.css` (`.s0`…`.s5`).

use std::fmt::Write;

use super::scale::{Axis, band, label_every};
use super::{Chart, esc};

/// The drawing's width and the plot's margins.
pub const W: f64 = 320.0;
const H: f64 = 180.0;
pub(super) const LEFT: f64 = 44.0;
pub(super) const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 150.0;
/// The most category labels written under the plot.
const LABELS: usize = 8;
/// Colour classes available.
const COLOURS: usize = 6;

/// What a kind draws: the drawing's height and its marks.
pub struct Body {
    pub height: f64,
    pub marks: String,
}

/// A coordinate with two decimals at most.
pub(super) fn c(v: f64) -> String {
    let v = (v * 100.0).round() / 100.0;
    if v == 0.0 { "0".into() } else { format!("{v}") }
}

/// The value axis: grid lines and tick labels, at `x0` (labels end there) or on the right.
fn axis(ch: &Chart, a: &Axis, right: f64, x_label: f64, anchor: &str, suffix: &str) -> String {
    let mut out = String::from("<g class=\"axis\" aria-hidden=\"true\">");
    for t in a.ticks() {
        let y = a.y(t, TOP, BOTTOM);
        let _ = write!(
            out,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" class=\"grid\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"10\">{}{}</text>",
            c(LEFT),
            c(right),
            c(x_label),
            c(y + 3.0),
            esc(&ch.number(t, a.decimals())),
            esc(suffix),
            y = c(y),
        );
    }
    out.push_str("</g>");
    out
}

/// The category labels under the plot (every k-th).
fn categories(ch: &Chart, order: &[usize], right: f64) -> String {
    let n = order.len();
    let every = label_every(n, LABELS);
    let mut out = String::from("<g class=\"categories\" aria-hidden=\"true\">");
    for (slot, i) in order.iter().enumerate().step_by(every) {
        let label = ch.categories.get(*i).map_or("", String::as_str);
        let short: String = label.chars().take(12).collect();
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\">{}</text>",
            c(band(slot, n, LEFT, right)),
            c(BOTTOM + 14.0),
            esc(&short)
        );
    }
    out.push_str("</g>");
    out
}

pub(super) fn title(ch: &Chart, category: usize, series: &str, v: f64) -> String {
    let label = ch.categories.get(category).map_or("", String::as_str);
    let name = if series.is_empty() {
        String::new()
    } else {
        format!("{series} · ")
    };
    format!(
        "<title>{}</title>",
        esc(&format!("{label}: {name}{}", ch.value(v)))
    )
}

/// Lines: one polyline per series, a dot per value.
pub fn line(ch: &Chart) -> Body {
    let n = ch.categories.len();
    let a = Axis::of(ch.series.iter().flat_map(|s| s.values.iter().copied()));
    let right = W - RIGHT;
    let mut out = axis(ch, &a, right, LEFT - 4.0, "end", "");
    for (k, s) in ch.series.iter().enumerate() {
        let pts: Vec<(f64, f64)> = (0..n.min(s.values.len()))
            .map(|i| (band(i, n, LEFT, right), a.y(s.values[i], TOP, BOTTOM)))
            .collect();
        let path: Vec<String> = pts
            .iter()
            .map(|(x, y)| format!("{},{}", c(*x), c(*y)))
            .collect();
        let _ = write!(
            out,
            "<polyline class=\"line s{}\" fill=\"none\" points=\"{}\"/>",
            k % COLOURS,
            path.join(" ")
        );
        for (i, (x, y)) in pts.iter().enumerate() {
            let _ = write!(
                out,
                "<circle class=\"dot s{}\" cx=\"{}\" cy=\"{}\" r=\"3\">{}</circle>",
                k % COLOURS,
                c(*x),
                c(*y),
                title(ch, i, &s.name, s.values[i])
            );
        }
    }
    out.push_str(&categories(ch, &(0..n).collect::<Vec<_>>(), right));
    Body {
        height: H,
        marks: out,
    }
}

/// Bars, side by side per category or stacked.
pub fn bars(ch: &Chart, stacked: bool) -> Body {
    let n = ch.categories.len();
    let sums: Vec<f64> = (0..n)
        .map(|i| {
            ch.series
                .iter()
                .filter_map(|s| s.values.get(i))
                .map(|v| v.max(0.0))
                .sum()
        })
        .collect();
    let a = if stacked {
        Axis::of(sums.iter().copied())
    } else {
        Axis::of(ch.series.iter().flat_map(|s| s.values.iter().copied()))
    };
    let right = W - RIGHT;
    let mut out = axis(ch, &a, right, LEFT - 4.0, "end", "");
    let bw = (right - LEFT) / n.max(1) as f64;
    let groups = if stacked { 1 } else { ch.series.len().max(1) };
    let w = bw * 0.8 / groups as f64;
    let zero = a.y(0.0, TOP, BOTTOM);
    for i in 0..n {
        let x0 = LEFT + bw * i as f64 + bw * 0.1;
        let mut base = 0.0;
        for (k, s) in ch.series.iter().enumerate() {
            let Some(v) = s.values.get(i).copied() else {
                continue;
            };
            let (x, y1, y2) = if stacked {
                let v = v.max(0.0);
                let r = (x0, a.y(base + v, TOP, BOTTOM), a.y(base, TOP, BOTTOM));
                base += v;
                r
            } else {
                let y = a.y(v, TOP, BOTTOM);
                (x0 + w * k as f64, y.min(zero), y.max(zero))
            };
            let _ = write!(
                out,
                "<rect class=\"bar s{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">{}</rect>",
                k % COLOURS,
                c(x),
                c(y1),
                c(w),
                c(y2 - y1),
                title(ch, i, &s.name, v)
            );
        }
    }
    out.push_str(&categories(ch, &(0..n).collect::<Vec<_>>(), right));
    Body {
        height: H,
        marks: out,
    }
}

/// The categories by the first series' value, largest first (ties keep their order).
pub fn pareto_order(values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*b].total_cmp(&values[*a]));
    order
}

/// The cumulative share (0–100) after each category in `order`; all 0 when the total is 0.
/// Negative values count as zero.
pub fn cumulative(values: &[f64], order: &[usize]) -> Vec<f64> {
    let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
    let mut run = 0.0;
    order
        .iter()
        .map(|i| {
            run += values[*i].max(0.0);
            if total > 0.0 {
                run / total * 100.0
            } else {
                0.0
            }
        })
        .collect()
}

/// Pareto: bars largest first, the cumulative share as a line on a 0–100 % axis on the right.
pub fn pareto(ch: &Chart) -> Body {
    let values = ch.first();
    let order = pareto_order(values);
    let shares = cumulative(values, &order);
    let n = order.len();
    let a = Axis::of(values.iter().map(|v| v.max(0.0)));
    let pct = Axis::fixed(100.0);
    let right = W - 36.0;
    let mut out = axis(ch, &a, right, LEFT - 4.0, "end", "");
    out.push_str(
        &axis(ch, &pct, right, right + 4.0, "start", " %")
            .replace("class=\"grid\"", "class=\"grid faint\""),
    );
    let bw = (right - LEFT) / n.max(1) as f64;
    let name = ch.series.first().map_or("", |s| s.name.as_str());
    let mut pts = Vec::new();
    for (slot, i) in order.iter().enumerate() {
        let v = values[*i].max(0.0);
        let y = a.y(v, TOP, BOTTOM);
        let _ = write!(
            out,
            "<rect class=\"bar s0\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">{}</rect>",
            c(LEFT + bw * slot as f64 + bw * 0.1),
            c(y),
            c(bw * 0.8),
            c(BOTTOM - y),
            title(ch, *i, name, values[*i])
        );
        pts.push((band(slot, n, LEFT, right), pct.y(shares[slot], TOP, BOTTOM)));
    }
    let path: Vec<String> = pts
        .iter()
        .map(|(x, y)| format!("{},{}", c(*x), c(*y)))
        .collect();
    let _ = write!(
        out,
        "<polyline class=\"line s1\" fill=\"none\" points=\"{}\"/>",
        path.join(" ")
    );
    for (slot, (x, y)) in pts.iter().enumerate() {
        let label = ch.categories.get(order[slot]).map_or("", String::as_str);
        let t = format!(
            "{label}: {} {} %",
            ch.words.cumulative,
            ch.number(shares[slot], 1)
        );
        let _ = write!(
            out,
            "<circle class=\"dot s1\" cx=\"{}\" cy=\"{}\" r=\"3\"><title>{}</title></circle>",
            c(*x),
            c(*y),
            esc(&t)
        );
    }
    out.push_str(&categories(ch, &order, right));
    Body {
        height: H,
        marks: out,
    }
}
