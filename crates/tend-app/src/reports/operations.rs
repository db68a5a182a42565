//! The operations report, counted in Rust from the rows the store selects (so both engines
//! give one answer): each period's figures in total and per group, and the whole range's.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use tend_domain::reports::report::{Cell, Figures, OperationsReport, Period};
use tend_domain::reports::{Bucket, Count, Group, Range, Share, Times, buckets};
use tend_store::{ComplaintFilter, ReportRow, ReportRows, Store, StoreResult};

use super::tally::value as key;

/// What a report is asked for: the checked range (days, grain, group), the inbox's filters
/// (channel, category with those below it, product, assignee, tier, team) and a customer
/// segment (only its members' complaints; membership read at the end of the range).
#[derive(Debug, Clone)]
pub struct OperationsFilter {
    pub range: Range,
    pub filter: ComplaintFilter,
    pub segment_id: Option<i64>,
}

/// Accumulates one cell's figures.
#[derive(Default)]
struct Acc {
    received: (i64, HashSet<i64>),
    resolved: (i64, HashSet<i64>),
    reopened: (i64, HashSet<i64>),
    open: i64,
    times: [Vec<i64>; 6],
    within: (i64, i64),
}

impl Acc {
    fn received(&mut self, r: &ReportRow) {
        self.received.0 += 1;
        self.received.1.insert(r.customer_id);
        // The final resolution counts only while it stands (not reopened since).
        let last = |v: Option<i64>| v.filter(|_| r.resolved_now);
        let values = [
            r.first_response_minutes,
            r.first_response_seconds,
            r.first_resolution_minutes,
            r.first_resolution_seconds,
            last(r.final_resolution_minutes),
            last(r.final_resolution_seconds),
        ];
        for (t, v) in self.times.iter_mut().zip(values) {
            t.extend(v);
        }
        if let Some(w) = r.first_response_within {
            self.within.0 += i64::from(w);
            self.within.1 += 1;
        }
    }

    fn resolved(&mut self, r: &ReportRow) {
        self.resolved.0 += 1;
        self.resolved.1.insert(r.customer_id);
    }

    fn reopened(&mut self, r: &ReportRow) {
        self.reopened.0 += 1;
        self.reopened.1.insert(r.customer_id);
    }

    fn finish(self) -> Figures {
        let [a, b, c, d, e, f] = self.times.map(Times::of);
        Figures {
            received: Count {
                complaints: self.received.0,
                customers: self.received.1.len() as i64,
            },
            resolved: Count {
                complaints: self.resolved.0,
                customers: self.resolved.1.len() as i64,
            },
            open_at_end: self.open,
            reopened: Count {
                complaints: self.reopened.0,
                customers: self.reopened.1.len() as i64,
            },
            first_response_service_minutes: a,
            first_response_calendar_seconds: b,
            first_resolution_service_minutes: c,
            first_resolution_calendar_seconds: d,
            final_resolution_service_minutes: e,
            final_resolution_calendar_seconds: f,
            first_response_within_standard: Share::of(self.within.0, self.within.1),
        }
    }
}

/// Whether `r` is open at `t`: received before it, and neither first resolved nor closed by
/// it, or in a spell begun by a reopen before `t` and not ended by it.
pub(super) fn open_at(r: &ReportRow, t: Timestamp) -> bool {
    r.received_at < t
        && (r.ended_at.is_none_or(|e| e >= t)
            || r.reopens
                .iter()
                .any(|(a, e)| *a < t && e.is_none_or(|e| e >= t)))
}

/// Each row's group, as an index into the sorted group keys (computed once per report).
struct Keys {
    names: Vec<String>,
    of_row: Vec<usize>,
}

impl Keys {
    fn new(group: Group, rows: &[ReportRow]) -> Keys {
        let mut names: Vec<String> = rows.iter().map(|r| key(group, r)).collect();
        names.sort_unstable();
        names.dedup();
        let index: HashMap<&str, usize> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let of_row = rows.iter().map(|r| index[key(group, r).as_str()]).collect();
        Keys { names, of_row }
    }
}

/// Counts `rows` into one period `b` (total and groups).
fn period(b: &Bucket, group: Group, rows: &[ReportRow], keys: &Keys) -> Period {
    let mut total = Acc::default();
    let mut groups: Vec<Option<Acc>> = (0..keys.names.len()).map(|_| None).collect();
    for (r, &k) in rows.iter().zip(&keys.of_row) {
        let received = r.received_at >= b.start && r.received_at < b.end;
        let resolved = r
            .first_resolved_at
            .is_some_and(|t| t >= b.start && t < b.end);
        let open = open_at(r, b.end);
        let reopened = r.reopens.iter().any(|(a, _)| *a >= b.start && *a < b.end);
        if !(received || resolved || open || reopened) {
            continue;
        }
        let g = groups[k].get_or_insert_with(Acc::default);
        for acc in [&mut total, g] {
            if received {
                acc.received(r);
            }
            if resolved {
                acc.resolved(r);
            }
            if reopened {
                acc.reopened(r);
            }
            acc.open += i64::from(open);
        }
    }
    Period {
        label: b.label.clone(),
        first_day: b.first_day,
        end_day: b.end_day,
        start: b.start,
        end: b.end,
        total: total.finish(),
        groups: if group == Group::None {
            vec![]
        } else {
            groups
                .into_iter()
                .zip(&keys.names)
                .filter_map(|(a, key)| {
                    a.map(|a| Cell {
                        key: key.clone(),
                        figures: a.finish(),
                    })
                })
                .collect()
        },
    }
}

/// The company's zone (`time_zone` setting, else UTC): its name and the zone.
pub async fn company_zone(store: &Store) -> StoreResult<(String, TimeZone)> {
    let name = store
        .company_setting("time_zone")
        .await?
        .map(|n| n.trim().to_owned())
        .filter(|n| TimeZone::get(n).is_ok())
        .unwrap_or_else(|| "UTC".to_owned());
    let tz = TimeZone::get(&name).unwrap_or(TimeZone::UTC);
    Ok((name, tz))
}

/// The company's local date at `now` (the default range ends with it).
pub async fn today(store: &Store, now: Timestamp) -> StoreResult<jiff::civil::Date> {
    let (_, tz) = company_zone(store).await?;
    Ok(now.to_zoned(tz).date())
}

/// The operations report for `f`: periods between local midnights of the company's zone
/// (`time_zone` setting, else UTC). Through the roll-up when it can answer
/// ([`super::rolled`]), else counted live; both give the same figures.
pub async fn operations(store: &Store, f: &OperationsFilter) -> StoreResult<OperationsReport> {
    operations_in(store, f, true).await
}

/// The operations report for `f` counted live from the complaints, never through the
/// roll-up: the reference the roll-up is tested against.
pub async fn operations_live(store: &Store, f: &OperationsFilter) -> StoreResult<OperationsReport> {
    operations_in(store, f, false).await
}

/// The operations report for `f` through the roll-up alone: none when it cannot answer
/// (see [`super::rolled`]).
pub async fn operations_rolled(
    store: &Store,
    f: &OperationsFilter,
) -> StoreResult<Option<OperationsReport>> {
    let (zone_name, tz) = company_zone(store).await?;
    let all = whole(f, &tz);
    super::rolled::operations(store, f, (&zone_name, &tz), &all).await
}

/// The range as one period.
fn whole(f: &OperationsFilter, tz: &TimeZone) -> Bucket {
    let r = f.range;
    buckets(tend_domain::reports::Grain::Day, r.from, r.to, tz, 1)
        .pop()
        .map(|mut b| {
            b.end_day = r.to;
            b.end = tend_domain::goals::period::midnight(r.to, tz);
            b.label = format!("{} – {}", r.from, r.to);
            b
        })
        .expect("a range holds a day")
}

async fn operations_in(
    store: &Store,
    f: &OperationsFilter,
    rolled: bool,
) -> StoreResult<OperationsReport> {
    let (zone_name, tz) = company_zone(store).await?;
    let r = f.range;
    let all = whole(f, &tz);
    if rolled {
        let zone = (zone_name.as_str(), &tz);
        if let Some(report) = super::rolled::operations(store, f, zone, &all).await? {
            return Ok(report);
        }
    }
    let segment = match f.segment_id {
        Some(id) => Some(crate::segments::members(store, "segment", id, all.end).await?),
        None => None,
    };
    let rows = store
        .report_rows(&ReportRows {
            filter: f.filter.clone(),
            from: all.start,
            to: all.end,
            segment,
            outside: None,
        })
        .await?;
    let keys = Keys::new(r.group, &rows);
    let periods = buckets(
        r.grain,
        r.from,
        r.to,
        &tz,
        tend_domain::reports::query::MAX_PERIODS,
    )
    .iter()
    .map(|b| period(b, r.group, &rows, &keys))
    .collect();
    Ok(OperationsReport {
        time_zone: zone_name,
        range: period(&all, r.group, &rows, &keys),
        periods,
    })
}
