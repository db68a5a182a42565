//! The operations report through the roll-up (docs/reports.md "Roll-ups"): each period adds
//! the stored tallies of its local days, and the backlog at its end adds every earlier day's
//! change; marked days (written since the job last ran) are tallied from their complaints in
//! the same snapshot, so the figures equal the live count at every moment. Which reports it
//! answers, and how it reads them: [`super::plan`]; the others are counted live.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use tend_domain::reports::report::{Cell, OperationsReport, Period};
use tend_domain::reports::{Bucket, Group, Tally, buckets};
use tend_store::{Part, ReportRow, Store, StoreResult, segment_dim};

use super::operations::OperationsFilter;
use super::plan::plan;
use super::tally::tally;

/// The report through the roll-up, or none when it cannot answer (see the module). A
/// segment's report reads the segment's own tallies when they count its members as they are
/// at the range's end, else the whole report less its outsiders' complaints
/// ([`super::segment`]).
pub async fn operations(
    store: &Store,
    f: &OperationsFilter,
    zone: (&str, &TimeZone),
    all: &Bucket,
) -> StoreResult<Option<OperationsReport>> {
    let Some(id) = f.segment_id else {
        return answer(store, f, zone, all, Part::All).await;
    };
    let members = crate::segments::members(store, "segment", id, all.end).await?;
    if let Some(report) = answer(store, f, zone, all, Part::Segment(id, &members)).await? {
        return Ok(Some(report));
    }
    match super::segment::outside(store, f, &members, all).await? {
        Some(q) => answer(store, f, zone, all, Part::Outside(&q)).await,
        None => Ok(None),
    }
}

/// The report through the roll-up for `part` (of `f`'s segment, if any).
async fn answer(
    store: &Store,
    f: &OperationsFilter,
    (zone, tz): (&str, &TimeZone),
    all: &Bucket,
    part: Part<'_>,
) -> StoreResult<Option<OperationsReport>> {
    let whole = OperationsFilter {
        segment_id: None,
        ..f.clone()
    };
    let Some(read) = plan(store, &whole).await? else {
        return Ok(None);
    };
    let r = f.range;
    let code = match part {
        Part::Segment(id, _) => segment_dim(id, &read.dim.code()),
        _ => read.dim.code(),
    };
    let mut patterns = Vec::new();
    let Some(rolled) = store
        .report_rolled(
            zone,
            tz,
            &code,
            read.narrow(&mut patterns),
            (r.from, r.to),
            part,
        )
        .await?
    else {
        return Ok(None);
    };
    let mut days: BTreeMap<Date, Vec<(String, Stored)>> = BTreeMap::new();
    let mut deltas: BTreeMap<Date, HashMap<String, i64>> = BTreeMap::new();
    for (day, value, bytes) in rolled.tallies {
        let Some(key) = read.key(&value) else {
            continue;
        };
        days.entry(day)
            .or_default()
            .push((key, Stored::Encoded(bytes)));
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
                days.entry(*day)
                    .or_default()
                    .push((key, Stored::Counted(Box::new(t))));
            }
        }
    }
    // A segment's outsiders, each with its group: what they add is taken out again.
    let outsiders: Vec<(String, &ReportRow)> = rolled
        .outside
        .iter()
        .filter_map(|row| Some((read.key(&read.dim.value(row))?, row)))
        .collect();
    // Each group's tally over a period's days, and the backlog at its end.
    // A stored tally that does not decode: the report is counted live.
    let groups_of = |b: &Bucket| -> Option<Groups> {
        let mut groups = Groups::new();
        for (day, cells) in days.range(b.first_day..b.end_day) {
            for (value, t) in cells {
                let sum = &mut groups.entry(value.clone()).or_default().0;
                match t {
                    Stored::Counted(t) => sum.merge(t),
                    Stored::Encoded(bytes) => {
                        if sum.merge_encoded(bytes).is_err() {
                            tracing::warn!(%day, value, "report_days: a tally does not decode; counting live");
                            return None;
                        }
                    }
                }
            }
        }
        for (value, d) in groups_of_end(&deltas, b.end_day) {
            groups.entry(value).or_default().1 += d;
        }
        super::segment::take_out(&mut groups, &outsiders, b);
        Some(groups)
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
        let Some(groups) = groups_of(b) else {
            return Ok(None);
        };
        for (value, (t, _)) in &groups {
            whole.entry(value.clone()).or_default().0.merge(t);
        }
        periods.push(period(b, r.group, groups));
    }
    // The periods cover the range unless there were too many: then it is added up anew.
    let covered = cut.first().is_some_and(|b| b.first_day == r.from)
        && cut.last().is_some_and(|b| b.end_day == r.to);
    if covered {
        let mut end = groups_of_end(&deltas, r.to);
        super::segment::take_out_open(&mut end, &outsiders, all);
        for (value, w) in whole.iter_mut() {
            w.1 = end.get(value).copied().unwrap_or(0);
        }
    } else {
        let Some(all) = groups_of(all) else {
            return Ok(None);
        };
        whole = all;
    }
    Ok(Some(OperationsReport {
        time_zone: zone.to_owned(),
        range: period(all, r.group, whole),
        periods,
    }))
}

/// A day's tally of one group value: as stored (merged straight from its bytes, once, into
/// its period's), or counted from a marked day's complaints.
enum Stored {
    Encoded(Vec<u8>),
    Counted(Box<Tally>),
}

/// Per group value, its tally and its backlog at the end.
pub(super) type Groups = BTreeMap<String, (Tally, i64)>;

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
