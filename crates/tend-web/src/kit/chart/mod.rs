//! Charts drawn on the server as SVG, with no script: line, bar, stacked bar, Pareto (bars and
//! the cumulative share) and a progress gauge. Each chart is a `<figure>` holding an
//! `<svg role="img">` with its `<title>` and `<desc>` (the text alternative), and beside it the
//! same data as a table in a `<details>`. Labels come in the reader's language from the caller;
//! numbers are written through the caller's locale formatter (`Tr::decimal`). The SVG scales to
//! its container (`viewBox`, `width="100%"`), so it reads at 360 px. Every text is escaped here.

mod gauge;
pub mod scale;
mod svg;
#[cfg(test)]
mod tests;

use std::fmt::Write;

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// One line per series over the categories (periods).
    Line,
    /// Bars per category, one per series side by side.
    Bar,
    /// Bars per category, the series stacked (negative values count as zero).
    Stacked,
    /// The first series' bars in descending order and the cumulative share as a line (0–100 %).
    Pareto,
    /// The first series' first value as progress towards `max`, with an optional target mark.
    Gauge { max: f64, target: Option<f64> },
}

/// A named series of values, one per category.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// The words a chart writes, in the reader's language.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// The `<details>` summary of the data table ("Data").
    pub table: String,
    /// The header of the categories' column ("Period").
    pub category: String,
    /// The Pareto's cumulative share ("Cumulative share").
    pub cumulative: String,
    /// The gauge's target ("Target").
    pub target: String,
}

/// A chart to draw.
pub struct Chart<'a> {
    pub kind: Kind,
    pub title: String,
    pub desc: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Decimals of the values in the table and the marks' titles.
    pub decimals: usize,
    pub words: &'a Words,
    /// Writes a plain decimal (`-1234.50`) the reader's way (`Tr::decimal`).
    pub decimal: &'a dyn Fn(&str) -> String,
}

/// `s` escaped for HTML and SVG text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

impl Chart<'_> {
    /// `v` with `d` decimals, the reader's way (no `-0`).
    pub fn number(&self, v: f64, d: usize) -> String {
        let v = if v == 0.0 || !v.is_finite() { 0.0 } else { v };
        (self.decimal)(&format!("{v:.d$}"))
    }

    /// A value of the data as the table and the titles show it.
    pub fn value(&self, v: f64) -> String {
        self.number(v, self.decimals)
    }

    /// The first series' values (empty without a series).
    fn first(&self) -> &[f64] {
        self.series.first().map_or(&[], |s| &s.values)
    }

    /// The chart as HTML: the figure with its SVG and the data table.
    pub fn render(&self) -> String {
        let mut out = String::from("<figure class=\"chart\">");
        let body = match self.kind {
            Kind::Line => svg::line(self),
            Kind::Bar => svg::bars(self, false),
            Kind::Stacked => svg::bars(self, true),
            Kind::Pareto => svg::pareto(self),
            Kind::Gauge { max, target } => gauge::gauge(self, max, target),
        };
        let _ = write!(
            out,
            "<svg role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
             preserveAspectRatio=\"xMidYMid meet\" xmlns=\"http://www.w3.org/2000/svg\">\
             <title id=\"{id}-t\">{title}</title><desc id=\"{id}-d\">{desc}</desc>{svg}</svg>",
            id = self.id(),
            w = svg::W,
            h = body.height,
            title = esc(&self.title),
            desc = esc(&self.desc),
            svg = body.marks,
        );
        out.push_str(&self.table());
        out.push_str("</figure>");
        out
    }

    /// An id for the title and description, from a hash of the chart's title and data, so
    /// that two charts on a page do not share ids.
    fn id(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |b: &[u8]| {
            for x in b {
                h = (h ^ u64::from(*x)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        eat(self.title.as_bytes());
        for s in &self.series {
            eat(s.name.as_bytes());
            for v in &s.values {
                eat(&v.to_bits().to_le_bytes());
            }
        }
        format!("chart-{h:016x}")
    }

    /// The data as a table: a row per category, a column per series (the Pareto adds the
    /// cumulative share; the gauge its target).
    pub fn table(&self) -> String {
        let mut out = format!(
            "<details class=\"chart-data\"><summary>{}</summary><div class=\"scroll\"><table>\
             <caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
            esc(&self.words.table),
            esc(&self.title),
            esc(&self.words.category)
        );
        for s in &self.series {
            let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&s.name));
        }
        let rows: Vec<(usize, Option<f64>)> = match self.kind {
            Kind::Pareto => {
                let _ = write!(
                    out,
                    "<th scope=\"col\">{}</th>",
                    esc(&self.words.cumulative)
                );
                let order = svg::pareto_order(self.first());
                let shares = svg::cumulative(self.first(), &order);
                order
                    .into_iter()
                    .zip(shares.into_iter().map(Some))
                    .collect()
            }
            Kind::Gauge { target, .. } => {
                if target.is_some() {
                    let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&self.words.target));
                }
                (0..self.categories.len()).map(|i| (i, target)).collect()
            }
            _ => (0..self.categories.len()).map(|i| (i, None)).collect(),
        };
        out.push_str("</tr></thead><tbody>");
        for (i, extra) in rows {
            let label = self.categories.get(i).map_or("", String::as_str);
            let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(label));
            for s in &self.series {
                let cell = s.values.get(i).map_or(String::new(), |v| self.value(*v));
                let _ = write!(out, "<td>{}</td>", esc(&cell));
            }
            if let Some(x) = extra {
                let shown = match self.kind {
                    Kind::Pareto => format!("{} %", self.number(x, 1)),
                    _ => self.value(x),
                };
                let _ = write!(out, "<td>{}</td>", esc(&shown));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table></div></details>");
        out
    }
}
