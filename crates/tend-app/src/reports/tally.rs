//! A local day's tallies (docs/reports.md "Roll-ups"): what the complaints with an event in the
//! day's window contribute, per dimension and value, and the backlog's change over the day.
//! The job stores them; a report counts a marked day the same way from its complaints.

use std::collections::HashMap;

use jiff::Timestamp;
use tend_domain::reports::tally::MEASURES;
use tend_domain::reports::{Group, Tally};
use tend_store::{DayTally, ReportRow, SegmentSet, segment_dim};

/// A dimension of the roll-up: `none` (one value, empty), one field, or two or three fields
/// in [`FIELDS`]' order — filters on some with a grouping by one — whose value is their
/// values joined by U+001F.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dim(pub Group, pub Option<Group>, pub Option<Group>);

/// The fields a report filters or groups by, in the order pairs and triples name them.
const FIELDS: [Group; 5] = [
    Group::Channel,
    Group::Category,
    Group::Product,
    Group::Assignee,
    Group::Tier,
];

/// The most fields a dimension joins.
pub const MAX_PARTS: usize = 3;

/// Joins the values of a pair's or a triple's fields.
pub const JOIN: char = '\u{1f}';

impl Dim {
    /// Every dimension a day is tallied by: `none`, each field alone, each pair and each
    /// triple of fields (1 + 5 + 10 + 10). Changing them changes what is stored: bump the
    /// store's roll-up format (`FORMAT` in `tend-store/src/reports/rollup.rs`) with it, so
    /// tallies counted the old way are recounted instead of read.
    pub fn all() -> Vec<Dim> {
        let mut out: Vec<Dim> = Group::ALL.iter().map(|g| Dim(*g, None, None)).collect();
        for (i, a) in FIELDS.iter().enumerate() {
            for (j, b) in FIELDS.iter().enumerate().skip(i + 1) {
                out.push(Dim(*a, Some(*b), None));
                for c in &FIELDS[j + 1..] {
                    out.push(Dim(*a, Some(*b), Some(*c)));
                }
            }
        }
        out
    }

    /// The dimension of `fields` (one to [`MAX_PARTS`] distinct fields of [`FIELDS`]) in
    /// the stored order, with each given field's position in its value; none when there are
    /// more, or one repeats or is `none`.
    pub fn of(fields: &[Group]) -> Option<(Dim, Vec<usize>)> {
        let at = |g: &Group| FIELDS.iter().position(|f| f == g);
        let mut sorted: Vec<(usize, Group)> = Vec::with_capacity(fields.len());
        for g in fields {
            sorted.push((at(g)?, *g));
        }
        sorted.sort_unstable_by_key(|(i, _)| *i);
        sorted.dedup_by_key(|(i, _)| *i);
        if sorted.is_empty() || sorted.len() != fields.len() || sorted.len() > MAX_PARTS {
            return None;
        }
        let parts: Vec<Group> = sorted.iter().map(|(_, g)| *g).collect();
        let dim = Dim(parts[0], parts.get(1).copied(), parts.get(2).copied());
        let positions = fields
            .iter()
            .map(|g| parts.iter().position(|p| p == g).unwrap_or_default())
            .collect();
        Some((dim, positions))
    }

    /// Its fields, in the stored order.
    pub fn parts(self) -> impl Iterator<Item = Group> {
        std::iter::once(self.0).chain(self.1).chain(self.2)
    }

    /// `channel`, …, `none`, or `channel+tier`, `channel+assignee+tier` (the `dim` of
    /// `report_days`).
    pub fn code(self) -> String {
        self.parts().map(Group::code).collect::<Vec<_>>().join("+")
    }

    /// The value of `r` in this dimension.
    pub fn value(self, r: &ReportRow) -> String {
        let mut out = value(self.0, r);
        for g in self.parts().skip(1) {
            out.push(JOIN);
            out.push_str(&value(g, r));
        }
        out
    }
}

/// The value of `r` in `dim`: the channel code, the category, product or assignee id (empty
/// when none), the tier, or empty for `none` — the report's group keys.
pub fn value(dim: Group, r: &ReportRow) -> String {
    let id = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    match dim {
        Group::Channel => r.channel.clone(),
        Group::Category => id(r.category_id),
        Group::Product => id(r.product_id),
        Group::Assignee => id(r.assignee_id),
        Group::Tier => r.tier.to_string(),
        Group::None => String::new(),
    }
}

/// The spans `r` is open in, each `(start, end]` (open at `t` when `start < t ≤ end`; no end
/// while it lasts), overlapping ones joined: from receipt to its first resolution or closing,
/// and each reopened spell — the report's definition of open (docs/reports.md).
fn open_spans(r: &ReportRow) -> Vec<(Timestamp, Option<Timestamp>)> {
    let mut spans: Vec<(Timestamp, Option<Timestamp>)> =
        std::iter::once((r.received_at, r.ended_at))
            .chain(r.reopens.iter().copied())
            .filter(|(s, e)| e.is_none_or(|e| e > *s))
            .collect();
    spans.sort_unstable_by_key(|(s, _)| *s);
    let mut out: Vec<(Timestamp, Option<Timestamp>)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some((_, last)) if last.is_none_or(|l| s <= l) => {
                *last = match (*last, e) {
                    (Some(l), Some(e)) => Some(l.max(e)),
                    _ => None,
                };
            }
            _ => out.push((s, e)),
        }
    }
    out
}

/// How the count open changes over `[a, b)` because of `r`: +1 per open span starting in it,
/// −1 per one ending in it (open at `t` counts the spans started before `t` and not ended
/// before `t`, so a day's change added to the count at its midnight gives the next one's).
pub fn delta(r: &ReportRow, a: Timestamp, b: Timestamp) -> i64 {
    let inside = |t: Timestamp| t >= a && t < b;
    open_spans(r)
        .iter()
        .map(|(s, e)| i64::from(inside(*s)) - i64::from(e.is_some_and(inside)))
        .sum()
}

/// Adds what `r` contributes to the window `[a, b)` to `t`: received in it (with its
/// durations), first resolved in it, reopened in it.
pub fn add(t: &mut Tally, r: &ReportRow, a: Timestamp, b: Timestamp) {
    let inside = |x: Timestamp| x >= a && x < b;
    if inside(r.received_at) {
        let last = |v: Option<i64>| v.filter(|_| r.resolved_now);
        let values: [Option<i64>; MEASURES] = [
            r.first_response_minutes,
            r.first_response_seconds,
            r.first_resolution_minutes,
            r.first_resolution_seconds,
            last(r.final_resolution_minutes),
            last(r.final_resolution_seconds),
        ];
        t.add_received(r.customer_id, values, r.first_response_within);
    }
    if r.first_resolved_at.is_some_and(inside) {
        t.add_resolved(r.customer_id);
    }
    if r.reopens.iter().any(|(x, _)| inside(*x)) {
        t.add_reopened(r.id, r.customer_id);
    }
}

/// The tallies of the window `[a, b)` in `dims` from the complaints with an event in it:
/// per (dimension, value), the tally and the backlog's change; only those not both empty.
pub fn tally<'a>(
    dims: &[Dim],
    a: Timestamp,
    b: Timestamp,
    rows: impl IntoIterator<Item = &'a ReportRow>,
) -> HashMap<(Dim, String), (Tally, i64)> {
    let mut out: HashMap<(Dim, String), (Tally, i64)> = HashMap::new();
    for r in rows {
        let d = delta(r, a, b);
        let mut one = Tally::default();
        add(&mut one, r, a, b);
        if one.is_empty() && d == 0 {
            continue;
        }
        for &dim in dims {
            let e = out.entry((dim, dim.value(r))).or_default();
            e.0.merge(&one);
            e.1 += d;
        }
    }
    out
}

/// [`tally`] in every dimension, encoded for `report_days` (the job's step): everyone's, then
/// each segment's in `sets`, of its members' complaints only (dimension [`segment_dim`]).
pub fn stored(
    a: Timestamp,
    b: Timestamp,
    rows: &[ReportRow],
    sets: &[SegmentSet],
) -> Vec<DayTally> {
    let all = Dim::all();
    let mut out: Vec<DayTally> = tally(&all, a, b, rows)
        .into_iter()
        .map(|((dim, value), (t, d))| (dim.code(), value, d, t.encode()))
        .collect();
    for set in sets {
        let members = rows.iter().filter(|r| set.contains(r.customer_id));
        out.extend(
            tally(&all, a, b, members)
                .into_iter()
                .map(|((dim, value), (t, d))| {
                    (segment_dim(set.id, &dim.code()), value, d, t.encode())
                }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_tallied_by_none_five_fields_ten_pairs_and_ten_triples() {
        let all = Dim::all();
        assert_eq!(all.len(), 26);
        let codes: std::collections::HashSet<String> = all.iter().map(|d| d.code()).collect();
        assert_eq!(codes.len(), 26);
        assert!(codes.contains("channel+tier"));
        assert!(codes.contains("channel+assignee+tier"));
        assert!(codes.contains("none"));
    }

    #[test]
    fn fields_in_any_order_name_one_dimension_and_say_where_each_part_is() {
        let (dim, at) = Dim::of(&[Group::Tier, Group::Channel, Group::Assignee]).unwrap();
        assert_eq!(dim.code(), "channel+assignee+tier");
        assert_eq!(at, vec![2, 0, 1]);
        let (dim, at) = Dim::of(&[Group::Product]).unwrap();
        assert_eq!((dim.code(), at), ("product".to_owned(), vec![0]));
        let four = [Group::Tier, Group::Channel, Group::Assignee, Group::Product];
        assert_eq!(Dim::of(&four), None);
        assert_eq!(Dim::of(&[Group::Tier, Group::Tier]), None);
        assert_eq!(Dim::of(&[Group::None]), None);
        assert_eq!(Dim::of(&[]), None);
    }
}
