//! The operations report through the roll-up (docs/reports.md "Roll-ups"): each period adds
//! the stored tallies of its local days, and the backlog at its end adds every earlier day's
//! change; marked days (written since the job last ran) are tallied from their complaints in
//! the same snapshot, so the figures equal the live count at every moment. Reports the
//! roll-up cannot answer — two different fields (one filtered, another grouped by), a
//! segment, or a filter it has no dimension for — are counted live.

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use tend_domain::reports::report::{Cell, OperationsReport, Period};
use tend_domain::reports::{Bucket, Group, Tally, buckets};
use tend_store::{ComplaintFilter, Store, StoreResult};

use super::operations::OperationsFilter;
use super::tally::{Dim, JOIN, tally};

/// How to read the roll-up for `f`, when it can answer.
async fn plan(store: &Store, f: &OperationsFilter) -> StoreResult<Option<Read>> {
    // Every field named, so a new filter is a compile error here until it is decided.
    let ComplaintFilter {
        status,
        kind,
        channel,
        category_id,
        customer_id,
        assignee_id,
        escalated,
        follow_up_due_by,
        received_from,
        received_to,
        q,
        after,
        limit: _,
        oldest_first: _,
        product_id,
        tier,
        team,
        resolved_from,
        resolved_to,
        open_at,
        responded,
        reopened_from,
        reopened_to,
        unset,
        category_exact,
        measured,
        segment,
    } = &f.filter;
    let unanswerable = status.is_some()
        || kind.is_some_and(|k| k != tend_domain::complaints::Kind::Complaint)
        || customer_id.is_some()
        || escalated.is_some()
        || follow_up_due_by.is_some()
        || received_from.is_some()
        || received_to.is_some()
        || q.is_some()
        || after.is_some()
        || resolved_from.is_some()
        || resolved_to.is_some()
        || open_at.is_some()
        || responded.is_some()
        || reopened_from.is_some()
        || reopened_to.is_some()
        || unset.is_some()
        || category_exact.is_some()
        || measured.is_some()
        || segment.is_some()
        || f.segment_id.is_some();
    if unanswerable {
        return Ok(None);
    }
    let mut filters: Vec<(Group, Vec<String>)> = Vec::new();
    if let Some(c) = channel {
        filters.push((Group::Channel, vec![c.as_str().to_owned()]));
    }
    if let Some(p) = product_id {
        filters.push((Group::Product, vec![p.0.to_string()]));
    }
    if let Some(t) = tier {
        filters.push((Group::Tier, vec![t.to_string()]));
    }
    if let Some(a) = assignee_id {
        filters.push((Group::Assignee, vec![a.0.to_string()]));
    }
    if let Some(team) = team {
        let ids = store.employees().await?.into_iter();
        let ids = ids.filter(|e| e.team.as_deref() == Some(team.as_str()));
        filters.push((Group::Assignee, ids.map(|e| e.id.0.to_string()).collect()));
    }
    if let Some(c) = category_id {
        let all = store.categories().await?;
        let mut keep: HashSet<i64> = HashSet::from([c.0]);
        loop {
            let more: Vec<i64> = all
                .iter()
                .filter(|k| {
                    k.parent_id.is_some_and(|p| keep.contains(&p.0)) && !keep.contains(&k.id.0)
                })
                .map(|k| k.id.0)
                .collect();
            if more.is_empty() {
                break;
            }
            keep.extend(more);
        }
        filters.push((Group::Category, keep.iter().map(i64::to_string).collect()));
    }
    let group = f.range.group;
    Ok(match filters.as_slice() {
        [] => Some(Read {
            dim: Dim(group, None),
            filter: None,
            key: (group != Group::None).then_some(0),
        }),
        [(field, values)] if group == Group::None || group == *field => Some(Read {
            dim: Dim(*field, None),
            filter: Some((0, values.clone())),
            key: (group != Group::None).then_some(0),
        }),
        [(field, values)] => {
            let (dim, swapped) = Dim::pair(*field, group);
            let (f, g) = if swapped { (1, 0) } else { (0, 1) };
            Some(Read {
                dim,
                filter: Some((f, values.clone())),
                key: Some(g),
            })
        }
        _ => None,
    })
}

/// How a report reads the roll-up: the dimension, the values kept of one of its parts, and
/// the part that is the group's key (none: one group).
struct Read {
    dim: Dim,
    filter: Option<(usize, Vec<String>)>,
    key: Option<usize>,
}

impl Read {
    /// The group a stored value counts in, or none when the filter leaves it out.
    fn key(&self, value: &str) -> Option<String> {
        let parts: Vec<&str> = value.split(JOIN).collect();
        if let Some((i, values)) = &self.filter
            && !values.iter().any(|v| Some(&v.as_str()) == parts.get(*i))
        {
            return None;
        }
        Some(
            self.key
                .and_then(|i| parts.get(i))
                .unwrap_or(&"")
                .to_string(),
        )
    }

    /// The values the store can keep itself (a single field's filter).
    fn stored_values(&self) -> Option<&[String]> {
        match (&self.filter, self.dim.1) {
            (Some((0, values)), None) => Some(values),
            _ => None,
        }
    }
}

/// The report through the roll-up, or none when it cannot answer (see the module).
pub async fn operations(
    store: &Store,
    f: &OperationsFilter,
    (zone, tz): (&str, &TimeZone),
    all: &Bucket,
) -> StoreResult<Option<OperationsReport>> {
    let Some(read) = plan(store, f).await? else {
        return Ok(None);
    };
    let r = f.range;
    let code = read.dim.code();
    let Some(rolled) = store
        .report_rolled(zone, tz, &code, read.stored_values(), (r.from, r.to))
        .await?
    else {
        return Ok(None);
    };
    let mut days: BTreeMap<Date, Vec<(String, Tally)>> = BTreeMap::new();
    let mut deltas: BTreeMap<Date, HashMap<String, i64>> = BTreeMap::new();
    for (day, value, bytes) in rolled.tallies {
        let Some(key) = read.key(&value) else {
            continue;
        };
        let Ok(t) = Tally::decode(&bytes) else {
            tracing::warn!(%day, value, "report_days: a tally does not decode; counting live");
            return Ok(None);
        };
        days.entry(day).or_default().push((key, t));
    }
    for (day, value, d) in rolled.deltas {
        let Some(key) = read.key(&value) else {
            continue;
        };
        *deltas.entry(day).or_default().entry(key).or_default() += d;
    }
    for (day, a, b, rows) in &rolled.rows {
        for ((_, value), (t, d)) in tally(&[read.dim], *a, *b, rows) {
            let Some(key) = read.key(&value) else {
                continue;
            };
            *deltas
                .entry(*day)
                .or_default()
                .entry(key.clone())
                .or_default() += d;
            if *day >= r.from && !t.is_empty() {
                days.entry(*day).or_default().push((key, t));
            }
        }
    }
    // Each group's tally over a period's days, and the backlog at its end.
    let groups_of = |b: &Bucket| -> Groups {
        let mut groups = Groups::new();
        for (_, cells) in days.range(b.first_day..b.end_day) {
            for (value, t) in cells {
                groups.entry(value.clone()).or_default().0.merge(t);
            }
        }
        for (_, by_value) in deltas.range(..b.end_day) {
            for (value, d) in by_value {
                groups.entry(value.clone()).or_default().1 += d;
            }
        }
        groups
    };
    let cut = buckets(
        r.grain,
        r.from,
        r.to,
        tz,
        tend_domain::reports::query::MAX_PERIODS,
    );
    let mut periods = Vec::with_capacity(cut.len());
    let mut whole = Groups::new();
    for b in &cut {
        let groups = groups_of(b);
        for (value, (t, _)) in &groups {
            whole.entry(value.clone()).or_default().0.merge(t);
        }
        periods.push(period(b, r.group, groups));
    }
    // The periods cover the range unless there were too many: then it is added up anew.
    let covered = cut.first().is_some_and(|b| b.first_day == r.from)
        && cut.last().is_some_and(|b| b.end_day == r.to);
    if covered {
        let end = groups_of_end(&deltas, r.to);
        for (value, w) in whole.iter_mut() {
            w.1 = end.get(value).copied().unwrap_or(0);
        }
    } else {
        whole = groups_of(all);
    }
    Ok(Some(OperationsReport {
        time_zone: zone.to_owned(),
        range: period(all, r.group, whole),
        periods,
    }))
}

/// Per group value, its tally and its backlog at the end.
type Groups = BTreeMap<String, (Tally, i64)>;

/// The backlog per value at the midnight starting `end`: every day's change before it.
fn groups_of_end(deltas: &BTreeMap<Date, HashMap<String, i64>>, end: Date) -> HashMap<String, i64> {
    let mut out: HashMap<String, i64> = HashMap::new();
    for (_, by_value) in deltas.range(..end) {
        for (value, d) in by_value {
            *out.entry(value.clone()).or_default() += d;
        }
    }
    out
}

/// A period's figures from its groups: each group that saw an event or ends with a backlog,
/// and their total.
fn period(b: &Bucket, group: Group, groups: Groups) -> Period {
    let mut total = Tally::default();
    let mut open = 0;
    let mut cells = Vec::new();
    for (key, (t, o)) in groups {
        if t.is_empty() && o == 0 {
            continue;
        }
        total.merge(&t);
        open += o;
        if group != Group::None {
            cells.push(Cell {
                key,
                figures: t.figures(o),
            });
        }
    }
    Period {
        label: b.label.clone(),
        first_day: b.first_day,
        end_day: b.end_day,
        start: b.start,
        end: b.end,
        total: total.figures(open),
        groups: cells,
    }
}
