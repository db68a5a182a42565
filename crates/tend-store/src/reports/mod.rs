//! What the operations report reads: the filters it shares with the inbox (so a number's link
//! lists exactly the records it counted), one row per complaint with its stored durations
//! ([`rows`]), and those durations written at the event ([`durations`]).

mod day_rows;
mod durations;
mod hours;
mod kept;
mod reopens;
mod rollup;
mod rows;
mod segments;

pub(crate) use durations::on_change;
pub use kept::{Kept, like_literal};
pub(crate) use reopens::on_change as reopens_on_change;
pub use rollup::{DayTally, Rolled, window as day_window};
pub use rows::{ReportRow, ReportRows};
pub use segments::{Part, SegmentSet, segment_dim};

use crate::complaints::ComplaintFilter;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;

/// The instant a complaint stopped being open: its first resolution, else its closing.
pub(crate) const ENDED: &str = "COALESCE(c.first_resolved_at, c.closed_at)";

/// A field a report groups by that can be absent: its "(none)" group lists those without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unset {
    Category,
    Product,
    Assignee,
}

impl Unset {
    /// `category`, `product` or `assignee`.
    pub fn parse(s: &str) -> Option<Unset> {
        Some(match s {
            "category" => Unset::Category,
            "product" => Unset::Product,
            "assignee" => Unset::Assignee,
            _ => return None,
        })
    }

    fn column(self) -> &'static str {
        match self {
            Unset::Category => "c.category_id",
            Unset::Product => "c.product_id",
            Unset::Assignee => "c.assignee_id",
        }
    }
}

/// The complaints a report's figure measured, beyond its window (docs/reports.md): exactly
/// the rows whose stored value the figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subset {
    /// With a first response time (`first_response_minutes`): the first response's n.
    FirstResponse,
    /// With a first resolution time (`first_resolution_minutes`): the headline's n.
    FirstResolution,
    /// Resolved now, with a final resolution time: the final resolution's n.
    FinalResolution,
    /// First response measured against a target (`first_response_within` set): the share's n.
    Standard,
    /// First response within the standard.
    Within,
}

impl Subset {
    /// `first_response`, `first_resolution`, `final_resolution`, `standard` or `within`.
    pub fn parse(s: &str) -> Option<Subset> {
        Some(match s {
            "first_response" => Subset::FirstResponse,
            "first_resolution" => Subset::FirstResolution,
            "final_resolution" => Subset::FinalResolution,
            "standard" => Subset::Standard,
            "within" => Subset::Within,
            _ => return None,
        })
    }

    fn condition(self) -> &'static str {
        match self {
            Subset::FirstResponse => " AND c.first_response_minutes IS NOT NULL",
            Subset::FirstResolution => " AND c.first_resolution_minutes IS NOT NULL",
            Subset::FinalResolution => {
                " AND c.resolved_at IS NOT NULL AND c.final_resolution_minutes IS NOT NULL"
            }
            Subset::Standard => " AND c.first_response_within IS NOT NULL",
            Subset::Within => " AND c.first_response_within = 1",
        }
    }
}

/// `c` is in a reopened spell at the instant bound next: reopened before it, not ended by it.
pub(crate) const REOPENED_AT: &str = "EXISTS (SELECT 1 FROM complaint_reopens o \
     WHERE o.complaint_id = c.id AND o.reopened_at < $t AND (o.ended_at IS NULL OR o.ended_at >= $t))";

/// The condition "open at `t`" on `c`: received before it and neither first resolved nor
/// closed by it, or in a reopened spell then (the recorded reopen instants, migration 0180).
pub(crate) fn push_open_at(qb: &mut Sql, t: jiff::Timestamp) {
    let (before, after) = REOPENED_AT.split_once("$t").expect("two marks");
    let (middle, tail) = after.split_once("$t").expect("two marks");
    qb.push(" AND c.received_at < ")
        .bind(us(t))
        .push(&format!(" AND ({ENDED} IS NULL OR {ENDED} >= "))
        .bind(us(t))
        .push(" OR ")
        .push(before)
        .bind(us(t))
        .push(middle)
        .bind(us(t))
        .push(tail)
        .push(")");
}

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
        push_open_at(qb, t);
    }
    if f.reopened_from.is_some() || f.reopened_to.is_some() {
        qb.push(" AND EXISTS (SELECT 1 FROM complaint_reopens r WHERE r.complaint_id = c.id");
        if let Some(t) = f.reopened_from {
            qb.push(" AND r.reopened_at >= ").bind(us(t));
        }
        if let Some(t) = f.reopened_to {
            qb.push(" AND r.reopened_at < ").bind(us(t));
        }
        qb.push(")");
    }
    if let Some(u) = f.unset {
        qb.push(" AND ").push(u.column()).push(" IS NULL");
    }
    if let Some(cat) = f.category_exact {
        qb.push(" AND c.category_id = ").bind(cat.0);
    }
    if let Some(m) = f.measured {
        qb.push(m.condition());
    }
    if let Some(m) = &f.segment {
        m.push_in(qb, "c.customer_id");
    }
    match f.responded {
        Some(true) => qb.push(" AND c.first_response_at IS NOT NULL"),
        Some(false) => qb.push(" AND c.first_response_at IS NULL"),
        None => &mut *qb,
    };
}
