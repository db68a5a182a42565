//! The operations report as the page shows it: every number formatted in the reader's locale
//! with the link to the inbox listing the records it counted (the same filter, the period's
//! window as instants), and each figure's definition and denominator (`reports.ftl`).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::collections::HashMap;
use tend_app::reports::ReportQuery;
use tend_domain::reports::report::{Figures, OperationsReport, Period};
use tend_domain::reports::{Group, Times};
use tend_store::StoreResult;

use crate::WebState;
use crate::complaints::inbox::category_paths;
use crate::kit::error::urlencode;
use crate::kit::i18n::Tr;

/// A number and, when it counts records the inbox can list, the link to them.
pub struct Value {
    pub text: String,
    pub link: Option<String>,
}

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

/// Names of what a group key stands for.
pub struct Names {
    by: HashMap<(&'static str, String), String>,
}

impl Names {
    pub async fn load(s: &WebState, t: &Tr) -> StoreResult<Names> {
        let mut by = HashMap::new();
        for c in s.store.channels().await? {
            let l = t.label_or("channel", c.code.as_str());
            let l = if l == c.code.as_str() {
                c.name.clone()
            } else {
                l
            };
            by.insert(("channel", c.code.to_string()), l);
        }
        for (id, path) in category_paths(&s.store.categories().await?) {
            by.insert(("category", id.to_string()), path);
        }
        for p in s.store.products().await? {
            by.insert(("product", p.id.0.to_string()), p.name);
        }
        for e in s.store.employees().await? {
            by.insert(("assignee", e.id.0.to_string()), e.name);
        }
        Ok(Names { by })
    }
}

/// The query string of `q` (range and filters), for the CSV link.
pub fn query_string(q: &ReportQuery) -> String {
    let mut pairs: Vec<(&str, String)> = [
        ("from", &q.from),
        ("to", &q.to),
        ("grain", &q.grain),
        ("group", &q.group),
    ]
    .into_iter()
    .filter_map(|(k, v)| {
        v.as_deref()
            .filter(|v| !v.trim().is_empty())
            .map(|v| (k, v.trim().to_owned()))
    })
    .collect();
    pairs.extend(q.filter_pairs());
    join(&pairs)
}

fn join(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn group_field(g: Group) -> Option<&'static str> {
    match g {
        Group::Channel => Some("channel"),
        Group::Category => Some("category"),
        Group::Product => Some("product"),
        Group::Assignee => Some("assignee"),
        Group::Tier => Some("tier"),
        Group::None => None,
    }
}

/// The figures' keys, in the order of every row's cells.
const NAMES: [&str; 15] = [
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
    filters: Vec<(&'static str, String)>,
    group: Group,
    names: &'a Names,
}

impl<'a> View<'a> {
    pub fn new(t: &'a Tr, tz: &'a TimeZone, q: &ReportQuery, names: &'a Names) -> Self {
        let group = q
            .group
            .as_deref()
            .filter(|g| !g.trim().is_empty())
            .and_then(|g| Group::parse(g).ok())
            .unwrap_or(Group::Channel);
        View {
            t,
            tz,
            filters: q.filter_pairs(),
            group,
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
        let pair = |t: &Times, per: f64| Value {
            text: format!("{} / {}", self.hours(t.median, per), self.hours(t.p90, per)),
            link: None,
        };
        [pair(service, 60.0), pair(calendar, 3600.0)]
    }

    /// The inbox link for records of the period `p` (and group `key`) with `window` pairs.
    fn link(&self, key: Option<&str>, window: &[(&'static str, String)]) -> Option<String> {
        let mut pairs: Vec<(&str, String)> = vec![("kind", "complaint".to_owned())];
        let field = key.and_then(|_| group_field(self.group));
        if key.is_some_and(str::is_empty) {
            return None;
        }
        for (k, v) in &self.filters {
            if Some(*k) != field {
                pairs.push((k, v.clone()));
            }
        }
        if let (Some(f), Some(k)) = (field, key) {
            pairs.push((f, k.to_owned()));
        }
        pairs.extend(window.iter().cloned());
        Some(format!("/inbox?{}", join(&pairs)))
    }

    fn cells(&self, p: &Period, f: &Figures, key: Option<&str>) -> Vec<Value> {
        let at = |t: Timestamp| t.to_string();
        let received = [("received_from", at(p.start)), ("received_to", at(p.end))];
        let resolved = [("resolved_from", at(p.start)), ("resolved_to", at(p.end))];
        let responded = [
            ("received_from", at(p.start)),
            ("received_to", at(p.end)),
            ("responded", "1".to_owned()),
        ];
        let plain = |n: i64| Value {
            text: self.count(n),
            link: None,
        };
        let linked = |n: i64, w: &[(&'static str, String)]| Value {
            text: self.count(n),
            link: self.link(key, w),
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
        let share = &f.first_response_within_standard;
        vec![
            linked(f.received.complaints, &received),
            plain(f.received.customers),
            linked(f.resolved.complaints, &resolved),
            plain(f.resolved.customers),
            linked(f.open_at_end, &[("open_at", at(p.end))]),
            frs,
            frc,
            linked(f.first_response_service_minutes.n, &responded),
            rs,
            rc,
            plain(f.first_resolution_service_minutes.n),
            ls,
            lc,
            plain(f.final_resolution_service_minutes.n),
            Value {
                text: match share.percent {
                    None => "–".to_owned(),
                    Some(v) => self.t.args(
                        "reports-share",
                        &[
                            ("percent", &self.t.decimal(&format!("{v:.2}"))),
                            ("within", &self.count(share.within)),
                            ("n", &self.count(share.n)),
                        ],
                    ),
                },
                link: None,
            },
        ]
    }

    fn label(&self, p: &Period) -> String {
        format!("{} ({})", p.label, self.t.date(&p.start, self.tz))
    }

    /// The whole range's figures, each with its definition and n.
    pub fn summary(&self, r: &OperationsReport) -> Vec<Summary> {
        let cells = self.cells(&r.range, &r.range.total, None);
        let f = &r.range.total;
        let n = |v: i64, link: Option<String>| Value {
            text: self.count(v),
            link,
        };
        let names = NAMES;
        let ns = [
            n(f.received.complaints, cells[0].link.clone()),
            n(f.received.complaints, cells[0].link.clone()),
            n(f.resolved.complaints, cells[2].link.clone()),
            n(f.resolved.complaints, cells[2].link.clone()),
            n(f.open_at_end, cells[4].link.clone()),
            n(f.first_response_service_minutes.n, cells[7].link.clone()),
            n(f.first_response_calendar_seconds.n, cells[7].link.clone()),
            n(f.first_response_service_minutes.n, cells[7].link.clone()),
            n(f.first_resolution_service_minutes.n, None),
            n(f.first_resolution_calendar_seconds.n, None),
            n(f.first_resolution_service_minutes.n, None),
            n(f.final_resolution_service_minutes.n, None),
            n(f.final_resolution_calendar_seconds.n, None),
            n(f.final_resolution_service_minutes.n, None),
            n(f.first_response_within_standard.n, None),
        ];
        names
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
        let field = group_field(self.group).unwrap_or("channel");
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
