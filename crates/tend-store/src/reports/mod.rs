//! What the operations report reads: the filters it shares with the inbox (so a number's link
//! lists exactly the records it counted), one row per complaint with its stored durations
//! ([`rows`]), and those durations written at the event ([`durations`]).

mod durations;
mod rows;

pub(crate) use durations::on_change;
pub use rows::{ReportRow, ReportRows};

use crate::complaints::ComplaintFilter;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;

/// The instant a complaint stopped being open: its first resolution, else its closing.
pub(crate) const ENDED: &str = "COALESCE(c.first_resolved_at, c.closed_at)";

/// The report's filters of `f` as `AND …` conditions on `c` (product, tier, team, first
/// resolution in a window, open at an instant, responded).
pub(crate) fn push_report_filters(qb: &mut Sql, f: &ComplaintFilter) {
    if let Some(p) = f.product_id {
        qb.push(" AND c.product_id = ").bind(p.0);
    }
    if let Some(t) = f.tier {
        qb.push(" AND c.tier = ").bind(t);
    }
    if let Some(team) = &f.team {
        qb.push(" AND c.assignee_id IN (SELECT e.id FROM employees e WHERE e.team = ")
            .bind(team.clone())
            .push(")");
    }
    if let Some(t) = f.resolved_from {
        qb.push(" AND c.first_resolved_at >= ").bind(us(t));
    }
    if let Some(t) = f.resolved_to {
        qb.push(" AND c.first_resolved_at < ").bind(us(t));
    }
    if let Some(t) = f.open_at {
        qb.push(" AND c.received_at < ")
            .bind(us(t))
            .push(&format!(" AND ({ENDED} IS NULL OR {ENDED} >= "))
            .bind(us(t))
            .push(")");
    }
    match f.responded {
        Some(true) => qb.push(" AND c.first_response_at IS NOT NULL"),
        Some(false) => qb.push(" AND c.first_response_at IS NULL"),
        None => &mut *qb,
    };
}
