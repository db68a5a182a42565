//! The home page's charts, in the reader's language and locale: a goal's trend over its frozen
//! periods, a progress gauge, the problems' Pareto, the quotient's totals and a pinned
//! figure's months (`kit::chart`).

use crate::kit::chart::{Chart, Kind, Series, Words};
use crate::kit::i18n::Tr;

/// The words every chart writes.
pub fn words(t: &Tr) -> Words {
    Words {
        table: t.get("dashboard-chart-data"),
        category: t.get("dashboard-chart-period"),
        cumulative: t.get("dashboard-chart-cumulative"),
        target: t.get("dashboard-chart-target"),
    }
}

/// A chart of `kind` with one series (`name`, `points` as (category, value)), titled `title`
/// and described by `desc`, values with two decimals.
pub fn one(
    t: &Tr,
    kind: Kind,
    title: String,
    desc: String,
    name: String,
    points: &[(String, f64)],
) -> String {
    let w = words(t);
    let decimal = |plain: &str| t.decimal(plain);
    Chart {
        kind,
        title,
        desc,
        categories: points.iter().map(|(c, _)| c.clone()).collect(),
        series: vec![Series {
            name,
            values: points.iter().map(|(_, v)| *v).collect(),
        }],
        decimals: 2,
        words: &w,
        decimal: &decimal,
    }
    .render()
}

/// A line with the goal's actuals and its targets over its frozen periods.
pub fn trend(t: &Tr, title: String, points: &[(String, f64, f64)]) -> String {
    let w = words(t);
    let decimal = |plain: &str| t.decimal(plain);
    let desc = t.arg("dashboard-trend-desc", "n", &points.len().to_string());
    Chart {
        kind: Kind::Line,
        title,
        desc,
        categories: points.iter().map(|p| p.0.clone()).collect(),
        series: vec![
            Series {
                name: t.get("dashboard-actual"),
                values: points.iter().map(|p| p.1).collect(),
            },
            Series {
                name: t.get("dashboard-chart-target"),
                values: points.iter().map(|p| p.2).collect(),
            },
        ],
        decimals: 2,
        words: &w,
        decimal: &decimal,
    }
    .render()
}
