//! The progress gauge: the first value as a horizontal bar from 0 to `max` (clamped), the
//! target as a vertical mark, the value written on the left and the scale's ends below.

use std::fmt::Write;

use super::svg::{Body, LEFT, RIGHT, W, c, title};
use super::{Chart, esc};

/// Progress: the first value as a bar from 0 to `max` (clamped), the target as a mark.
pub fn gauge(ch: &Chart, max: f64, target: Option<f64>) -> Body {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let v = ch.first().first().copied().unwrap_or(0.0);
    let x = |v: f64| LEFT + (v / max).clamp(0.0, 1.0) * (W - RIGHT - LEFT);
    let name = ch.series.first().map_or("", |s| s.name.as_str());
    let mut out = format!(
        "<rect class=\"track\" x=\"{}\" y=\"8\" width=\"{}\" height=\"16\"/>\
         <rect class=\"bar s0\" x=\"{}\" y=\"8\" width=\"{}\" height=\"16\">{}</rect>",
        c(LEFT),
        c(W - RIGHT - LEFT),
        c(LEFT),
        c(x(v) - LEFT),
        title(ch, 0, name, v)
    );
    if let Some(t) = target {
        let _ = write!(
            out,
            "<line class=\"target\" x1=\"{x}\" x2=\"{x}\" y1=\"4\" y2=\"28\"><title>{}</title></line>",
            esc(&format!("{}: {}", ch.words.target, ch.value(t))),
            x = c(x(t))
        );
    }
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"20\" text-anchor=\"end\" font-size=\"10\" aria-hidden=\"true\">{}</text>\
         <text x=\"{}\" y=\"42\" font-size=\"10\" aria-hidden=\"true\">0</text>\
         <text x=\"{}\" y=\"42\" text-anchor=\"end\" font-size=\"10\" aria-hidden=\"true\">{}</text>",
        c(LEFT - 4.0),
        esc(&ch.value(v)),
        c(LEFT),
        c(W - RIGHT),
        esc(&ch.value(max))
    );
    Body {
        height: 48.0,
        marks: out,
    }
}
