//! The home page's operations section: the reports page's default report (the last 12 whole
//! weeks up to today, by week, by channel; `tend_app::reports::operations`) — its headline
//! figures with their definitions, n and links to the records, complaints received per week
//! stacked by channel, and resolved per week with the backlog at each week's end.

use std::collections::BTreeMap;

use tend_app::reports::{self, ReportQuery};
use tend_domain::reports::report::OperationsReport;

use crate::WebState;
use crate::kit::chart::{Chart, Kind, Series};
use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::reports::view::{Names, Summary, View};

/// The headline figures the home page shows, by their place in the report's summary:
/// received, customers who complained, resolved, open at the end, first response and first
/// resolution (service hours, median / 90th percentile), and first responses within standard.
const SHOWN: [usize; 7] = [0, 1, 2, 4, 5, 8, 14];

/// What the section shows.
pub struct OpsView {
    pub summary: Vec<Summary>,
    pub volume: String,
    pub backlog: String,
    /// The reports page with the same range.
    pub link: String,
}

/// The section for the company's last 12 whole weeks, live.
pub async fn load(s: &WebState, t: &Tr) -> PageResult<OpsView> {
    let q = ReportQuery::default();
    let today = reports::today(&s.store, s.clock.now()).await?;
    let (_, tz) = reports::company_zone(&s.store).await?;
    let f = q
        .filter(today)
        .expect("the default report query is always valid");
    let report = reports::operations(&s.store, &f).await?;
    let names = Names::load(s, t).await?;
    let v = View::new(t, &tz, &q, &names);
    let mut summary: Vec<Option<Summary>> = v.summary(&report).into_iter().map(Some).collect();
    let shown = SHOWN.iter().filter_map(|&i| summary[i].take()).collect();
    let link = format!("/reports?from={}&to={}", f.range.from, f.range.to);
    Ok(OpsView {
        summary: shown,
        volume: volume(t, &report, &v),
        backlog: backlog(t, &report),
        link,
    })
}

fn chart(
    t: &Tr,
    kind: Kind,
    title: String,
    desc: String,
    categories: Vec<String>,
    series: Vec<Series>,
) -> String {
    let w = super::charts::words(t);
    let decimal = |plain: &str| t.decimal(plain);
    Chart {
        kind,
        title,
        desc,
        categories,
        series,
        decimals: 0,
        words: &w,
        decimal: &decimal,
    }
    .render()
}

fn weeks(r: &OperationsReport) -> Vec<String> {
    r.periods.iter().map(|p| p.first_day.to_string()).collect()
}

/// Complaints received per week, one stacked series per channel (the report's groups).
fn volume(t: &Tr, r: &OperationsReport, v: &View<'_>) -> String {
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
            values: r
                .periods
                .iter()
                .map(|p| p.total.received.complaints as f64)
                .collect(),
        }]
    } else {
        by.into_iter()
            .map(|(key, values)| Series {
                name: v.group_name(&key),
                values,
            })
            .collect()
    };
    chart(
        t,
        Kind::Stacked,
        t.get("dashboard-volume"),
        t.arg(
            "dashboard-volume-desc",
            "n",
            &t.decimal(&r.range.total.received.complaints.to_string()),
        ),
        weeks(r),
        series,
    )
}

/// Complaints resolved per week and those open at each week's end.
fn backlog(t: &Tr, r: &OperationsReport) -> String {
    let series = vec![
        Series {
            name: t.get("reports-figure-resolved"),
            values: r
                .periods
                .iter()
                .map(|p| p.total.resolved.complaints as f64)
                .collect(),
        },
        Series {
            name: t.get("reports-figure-open"),
            values: r
                .periods
                .iter()
                .map(|p| p.total.open_at_end as f64)
                .collect(),
        },
    ];
    chart(
        t,
        Kind::Line,
        t.get("dashboard-backlog"),
        t.arg(
            "dashboard-backlog-desc",
            "n",
            &t.decimal(&r.range.total.open_at_end.to_string()),
        ),
        weeks(r),
        series,
    )
}
