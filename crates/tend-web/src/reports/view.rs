//! The operations report as the page shows it: every number formatted in the reader's locale
//! with the link to the inbox listing the records it counted (the same filter, the period's
//! window as instants), and each figure's definition and denominator (`reports.ftl`).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use tend_app::reports::ReportQuery;
use tend_domain::reports::report::{Figures, OperationsReport, Period};
use tend_domain::reports::{Group, Times};

use super::links::{Links, Part, group_field};
pub use super::links::{Names, Value, query_string};
use crate::kit::i18n::Tr;

/// One figure of the whole range: its name, definition (with its denominator), value and n.
pub struct Summary {
    pub name: String,
    pub definition: String,
    pub value: Value,
    pub n: Value,
}

/// One period's total row.
pub struct PeriodRow {
    pub label: String,
    pub cells: Vec<Value>,
}

/// One period's group row.
pub struct Line {
    pub period: String,
    pub group: String,
    pub cells: Vec<Value>,
}

/// The figures' keys, in the order of every row's cells.
const NAMES: [&str; 16] = [
    "received",
    "received-customers",
    "resolved",
    "resolved-customers",
    "open",
    "first-response-service",
    "first-response-calendar",
    "first-response-n",
    "first-resolution-service",
    "first-resolution-calendar",
    "first-resolution-n",
    "final-resolution-service",
    "final-resolution-calendar",
    "final-resolution-n",
    "within",
    "reopened",
];

/// The tables' column heads, in the reader's language.
pub fn heads(t: &Tr) -> Vec<String> {
    NAMES
        .iter()
        .map(|n| t.get(&format!("reports-figure-{n}")))
        .collect()
}

pub struct View<'a> {
    t: &'a Tr,
    tz: &'a TimeZone,
    links: Links,
    names: &'a Names,
}

impl<'a> View<'a> {
    /// The view of `report`, asked for with `q`.
    pub fn new(
        t: &'a Tr,
        tz: &'a TimeZone,
        q: &ReportQuery,
        names: &'a Names,
        report: &OperationsReport,
    ) -> Self {
        let group = q
            .group
            .as_deref()
            .filter(|g| !g.trim().is_empty())
            .and_then(|g| Group::parse(g).ok())
            .unwrap_or(Group::Channel);
        View {
            t,
            tz,
            links: Links {
                filters: q.filter_pairs(),
                group,
                segment_at: report.range.end.to_string(),
            },
            names,
        }
    }

    fn count(&self, n: i64) -> String {
        self.t.decimal(&n.to_string())
    }

    fn hours(&self, v: Option<f64>, per_hour: f64) -> String {
        match v {
            None => "–".to_owned(),
            Some(v) => self.t.arg(
                "reports-hours",
                "value",
                &self.t.decimal(&format!("{:.2}", v / per_hour)),
            ),
        }
    }

    fn times(&self, service: &Times, calendar: &Times) -> [Value; 2] {
        let pair = |t: &Times, per: f64| {
            Value::one(
                format!("{} / {}", self.hours(t.median, per), self.hours(t.p90, per)),
                None,
            )
        };
        [pair(service, 60.0), pair(calendar, 3600.0)]
    }

    fn cells(&self, p: &Period, f: &Figures, key: Option<&str>) -> Vec<Value> {
        let at = |t: Timestamp| t.to_string();
        let received = [("received_from", at(p.start)), ("received_to", at(p.end))];
        let subset = |s: &str| {
            let mut w = received.to_vec();
            w.push(("measured", s.to_owned()));
            w
        };
        let resolved = [("resolved_from", at(p.start)), ("resolved_to", at(p.end))];
        let reopened = [("reopened_from", at(p.start)), ("reopened_to", at(p.end))];
        let plain = |n: i64| Value::one(self.count(n), None);
        let linked = |n: i64, w: &[(&'static str, String)]| {
            Value::one(self.count(n), Some(self.links.inbox(key, w)))
        };
        let [frs, frc] = self.times(
            &f.first_response_service_minutes,
            &f.first_response_calendar_seconds,
        );
        let [rs, rc] = self.times(
            &f.first_resolution_service_minutes,
            &f.first_resolution_calendar_seconds,
        );
        let [ls, lc] = self.times(
            &f.final_resolution_service_minutes,
            &f.final_resolution_calendar_seconds,
        );
        vec![
            linked(f.received.complaints, &received),
            plain(f.received.customers),
            linked(f.resolved.complaints, &resolved),
            plain(f.resolved.customers),
            linked(f.open_at_end, &[("open_at", at(p.end))]),
            frs,
            frc,
            linked(
                f.first_response_service_minutes.n,
                &subset("first_response"),
            ),
            rs,
            rc,
            linked(
                f.first_resolution_service_minutes.n,
                &subset("first_resolution"),
            ),
            ls,
            lc,
            linked(
                f.final_resolution_service_minutes.n,
                &subset("final_resolution"),
            ),
            self.share(f, key, &subset("within"), &subset("standard")),
            linked(f.reopened.complaints, &reopened),
        ]
    }

    /// The share within the standard as the locale writes it, its within and n each a link.
    fn share(
        &self,
        f: &Figures,
        key: Option<&str>,
        within: &[(&'static str, String)],
        n: &[(&'static str, String)],
    ) -> Value {
        let share = &f.first_response_within_standard;
        let Some(percent) = share.percent else {
            return Value::one("–".to_owned(), None);
        };
        // The message with marks where the two counts go, cut at the marks.
        let text = self.t.args(
            "reports-share",
            &[
                ("percent", &self.t.decimal(&format!("{percent:.2}"))),
                ("within", "\u{1}"),
                ("n", "\u{2}"),
            ],
        );
        let mut parts = Vec::new();
        let mut rest = text.as_str();
        while let Some(i) = rest.find(['\u{1}', '\u{2}']) {
            if i > 0 {
                parts.push(Part {
                    text: rest[..i].to_owned(),
                    link: None,
                });
            }
            let (count, w) = if rest[i..].starts_with('\u{1}') {
                (share.within, within)
            } else {
                (share.n, n)
            };
            parts.push(Part {
                text: self.count(count),
                link: Some(self.links.inbox(key, w)),
            });
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part {
                text: rest.to_owned(),
                link: None,
            });
        }
        Value { parts }
    }

    fn label(&self, p: &Period) -> String {
        format!("{} ({})", p.label, self.t.date(&p.start, self.tz))
    }

    /// The whole range's figures, each with its definition and n (a link to the records
    /// counted, when it is a count of them).
    pub fn summary(&self, r: &OperationsReport) -> Vec<Summary> {
        let cells = self.cells(&r.range, &r.range.total, None);
        let f = &r.range.total;
        let links: Vec<Option<String>> = cells.iter().map(Value::link).collect();
        let n = |v: i64, i: usize| Value::one(self.count(v), links[i].clone());
        let share = &f.first_response_within_standard;
        let ns = [
            n(f.received.complaints, 0),
            n(f.received.complaints, 0),
            n(f.resolved.complaints, 2),
            n(f.resolved.complaints, 2),
            n(f.open_at_end, 4),
            n(f.first_response_service_minutes.n, 7),
            n(f.first_response_calendar_seconds.n, 7),
            n(f.first_response_service_minutes.n, 7),
            n(f.first_resolution_service_minutes.n, 10),
            n(f.first_resolution_calendar_seconds.n, 10),
            n(f.first_resolution_service_minutes.n, 10),
            n(f.final_resolution_service_minutes.n, 13),
            n(f.final_resolution_calendar_seconds.n, 13),
            n(f.final_resolution_service_minutes.n, 13),
            Value::one(
                self.count(share.n),
                cells[14]
                    .parts
                    .iter()
                    .filter_map(|p| p.link.clone())
                    .find(|l| l.contains("measured=standard")),
            ),
            n(f.reopened.complaints, 15),
        ];
        NAMES
            .into_iter()
            .zip(cells)
            .zip(ns)
            .map(|((name, value), n)| Summary {
                name: self.t.get(&format!("reports-figure-{name}")),
                definition: self.t.get(&format!("reports-definition-{name}")),
                value,
                n,
            })
            .collect()
    }

    pub fn periods(&self, r: &OperationsReport) -> Vec<PeriodRow> {
        r.periods
            .iter()
            .map(|p| PeriodRow {
                label: self.label(p),
                cells: self.cells(p, &p.total, None),
            })
            .collect()
    }

    /// The name group key `key` stands for: a channel's label, a category's path, a product's
    /// or an employee's name, or "not set" for the empty key.
    pub fn group_name(&self, key: &str) -> String {
        let field = group_field(self.links.group).unwrap_or("channel");
        if key.is_empty() {
            self.t.get("reports-group-unset")
        } else {
            self.names
                .by
                .get(&(field, key.to_owned()))
                .cloned()
                .unwrap_or_else(|| key.to_owned())
        }
    }

    pub fn grouped(&self, r: &OperationsReport) -> Vec<Line> {
        let mut out = Vec::new();
        for p in &r.periods {
            for c in &p.groups {
                out.push(Line {
                    period: self.label(p),
                    group: self.group_name(&c.key),
                    cells: self.cells(p, &c.figures, Some(&c.key)),
                });
            }
        }
        out
    }
}
