//! The operations report's charts, drawn on the server by `kit::chart` (SVG, no script, a
//! title, a description and the data table beside each): complaints received per period
//! stacked by group; first resolved, reopened and open at each period's end; the median first
//! response and first resolution in service hours; the share within the standard. Numbers in
//! the reader's locale. The home page draws the first two for its twelve weeks.

use std::collections::BTreeMap;

use tend_domain::reports::report::{Figures, OperationsReport};

use super::view::View;
use crate::kit::chart::{Chart, Kind, Series};
use crate::kit::i18n::Tr;

/// The words a chart needs besides its data: its title and description, in the reader's
/// language.
pub struct Text {
    pub title: String,
    pub desc: String,
}

fn chart(
    t: &Tr,
    kind: Kind,
    text: Text,
    r: &OperationsReport,
    series: Vec<Series>,
    decimals: usize,
) -> String {
    let w = crate::dashboard::charts::words(t);
    let decimal = |plain: &str| t.decimal(plain);
    Chart {
        kind,
        title: text.title,
        desc: text.desc,
        categories: r.periods.iter().map(|p| p.label.clone()).collect(),
        series,
        decimals,
        words: &w,
        decimal: &decimal,
    }
    .render()
}

/// One value per period of the report.
fn per_period(r: &OperationsReport, f: impl Fn(&Figures) -> f64) -> Vec<f64> {
    r.periods.iter().map(|p| f(&p.total)).collect()
}

/// Complaints received per period, one stacked series per group (a single series without
/// groups).
pub fn volume(t: &Tr, r: &OperationsReport, v: &View<'_>, text: Text) -> String {
    let mut by: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (i, p) in r.periods.iter().enumerate() {
        for c in &p.groups {
            let row = by
                .entry(c.key.clone())
                .or_insert_with(|| vec![0.0; r.periods.len()]);
            row[i] = c.figures.received.complaints as f64;
        }
    }
    let series = if by.is_empty() {
        vec![Series {
            name: t.get("reports-figure-received"),
            values: per_period(r, |f| f.received.complaints as f64),
        }]
    } else {
        by.into_iter()
            .map(|(key, values)| Series {
                name: v.group_name(&key),
                values,
            })
            .collect()
    };
    chart(t, Kind::Stacked, text, r, series, 0)
}

/// Complaints first resolved in each period and open at its end, and with `reopened` those
/// reopened in it.
pub fn backlog(t: &Tr, r: &OperationsReport, text: Text, reopened: bool) -> String {
    let mut series = vec![
        Series {
            name: t.get("reports-figure-resolved"),
            values: per_period(r, |f| f.resolved.complaints as f64),
        },
        Series {
            name: t.get("reports-figure-open"),
            values: per_period(r, |f| f.open_at_end as f64),
        },
    ];
    if reopened {
        series.push(Series {
            name: t.get("reports-figure-reopened"),
            values: per_period(r, |f| f.reopened.complaints as f64),
        });
    }
    chart(t, Kind::Line, text, r, series, 0)
}

/// The report page's charts.
pub fn all(t: &Tr, r: &OperationsReport, v: &View<'_>) -> Vec<String> {
    let text = |key: &str, n: String| Text {
        title: t.get(&format!("reports-chart-{key}")),
        desc: t.arg(&format!("reports-chart-{key}-desc"), "n", &n),
    };
    let total = &r.range.total;
    let hours = |m: Option<f64>| m.map_or(0.0, |m| m / 60.0);
    let times = vec![
        Series {
            name: t.get("reports-figure-first-response-service"),
            values: per_period(r, |f| hours(f.first_response_service_minutes.median)),
        },
        Series {
            name: t.get("reports-figure-first-resolution-service"),
            values: per_period(r, |f| hours(f.first_resolution_service_minutes.median)),
        },
    ];
    let within = vec![Series {
        name: t.get("reports-figure-within"),
        values: per_period(r, |f| {
            f.first_response_within_standard.percent.unwrap_or(0.0)
        }),
    }];
    let count = |n: i64| t.decimal(&n.to_string());
    vec![
        volume(t, r, v, text("volume", count(total.received.complaints))),
        backlog(t, r, text("backlog", count(total.open_at_end)), true),
        chart(
            t,
            Kind::Line,
            text("times", count(total.first_response_service_minutes.n)),
            r,
            times,
            2,
        ),
        chart(
            t,
            Kind::Bar,
            text("within", count(total.first_response_within_standard.n)),
            r,
            within,
            2,
        ),
    ]
}
