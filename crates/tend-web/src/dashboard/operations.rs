//! The home page's operations section: the reports page's default report (the last 12 whole
//! weeks up to today, by week, by channel; `tend_app::reports::operations`) — its headline
//! figures with their definitions, n and links to the records, complaints received per week
//! stacked by channel, and resolved per week with the backlog at each week's end.

use tend_app::reports::{self, ReportQuery};
use tend_domain::reports::report::OperationsReport;

use crate::WebState;
use crate::kit::error::PageResult;
use crate::kit::i18n::Tr;
use crate::reports::charts::{self, Text};
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
    let v = View::new(t, &tz, &q, &names, &report);
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

/// Complaints received per week, stacked by channel.
fn volume(t: &Tr, r: &OperationsReport, v: &View<'_>) -> String {
    let n = t.decimal(&r.range.total.received.complaints.to_string());
    let text = Text {
        title: t.get("dashboard-volume"),
        desc: t.arg("dashboard-volume-desc", "n", &n),
    };
    charts::volume(t, r, v, text)
}

/// Complaints resolved per week and those open at each week's end.
fn backlog(t: &Tr, r: &OperationsReport) -> String {
    let n = t.decimal(&r.range.total.open_at_end.to_string());
    let text = Text {
        title: t.get("dashboard-backlog"),
        desc: t.arg("dashboard-backlog-desc", "n", &n),
    };
    charts::backlog(t, r, text, false)
}
