//! A customer segment's report through the roll-up when its own tallies cannot answer (its
//! members changed since the job last counted them, it has a purchase or complaint window, or
//! it was never counted; docs/reports.md "Segments"): when the
//! segment holds more than half of the customers, the report's figures are the whole report's
//! (the same filters, through the roll-up) less what the outsiders' complaints add to each
//! cell, read in the roll-up's snapshot. Exact, because a customer is in the segment or out of
//! it: the outsiders' counts, customers, reopened complaints and durations are a part of the
//! whole's that nothing else shares (`Tally::subtract`). A smaller segment is then counted live
//! from its members' own complaints, which are the fewer rows to read.

use std::collections::HashMap;

use tend_domain::reports::{Bucket, Tally};
use tend_domain::segments::Rule;
use tend_store::{Members, ReportRow, ReportRows, Store, StoreResult};

use super::operations::{OperationsFilter, open_at};
use super::rolled::Groups;
use super::tally::add;

/// What to take out of the whole report for a segment of `members`: its outsiders' rows over
/// `all`; none when the segment holds at most half of the customers (count it live).
pub(super) async fn outside(
    store: &Store,
    f: &OperationsFilter,
    members: &Members,
    all: &Bucket,
) -> StoreResult<Option<ReportRows>> {
    let size = store.segment_size(members).await?;
    let everyone = store
        .segment_size(&Members::new(Rule::default(), all.end))
        .await?;
    if size * 2 <= everyone {
        return Ok(None);
    }
    Ok(Some(ReportRows {
        filter: f.filter.clone(),
        from: all.start,
        to: all.end,
        segment: None,
        outside: Some(members.clone()),
    }))
}

/// Takes out of each group what its outsiders (each row with its group's key) add to period
/// `b`: their tally of `[b.start, b.end)` and their backlog at `b.end`.
pub(super) fn take_out(groups: &mut Groups, outsiders: &[(String, &ReportRow)], b: &Bucket) {
    for (key, r) in outsiders {
        let mut t = Tally::default();
        add(&mut t, r, b.start, b.end);
        let open = open_at(r, b.end);
        if t.is_empty() && !open {
            continue;
        }
        let g = groups.entry(key.clone()).or_default();
        g.0.subtract(&t);
        g.1 -= i64::from(open);
    }
}

/// Takes the outsiders open at `b.end` out of a backlog per group.
pub(super) fn take_out_open(
    backlog: &mut HashMap<String, i64>,
    outsiders: &[(String, &ReportRow)],
    b: &Bucket,
) {
    for (key, r) in outsiders {
        if open_at(r, b.end) {
            *backlog.entry(key.clone()).or_default() -= 1;
        }
    }
}
