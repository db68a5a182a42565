//! The channel settings form: service hours and response standards as fields a manager fills
//! in — a line of opening times per weekday, closures one per line, minutes per priority — turned
//! into the same documents the API takes (and validated by the same rules), and back.

use std::collections::BTreeMap;

use tend_domain::channels::response_standard::{ResponseStandards, Targets};
use tend_domain::channels::service_hours::{ClosureSpec, ServiceHoursSpec, WeekSpec};
use tend_domain::complaints::Priority;

use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;

pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const PRIORITIES: [Priority; 4] = [
    Priority::Low,
    Priority::Normal,
    Priority::High,
    Priority::Urgent,
];

/// One weekday's line, e.g. `09:00-13:00, 14:00-18:00`.
pub struct DayField {
    pub code: &'static str,
    pub label: String,
    pub value: String,
}

/// One priority's targets, in minutes (blank: no target).
pub struct TargetField {
    pub code: &'static str,
    pub label: String,
    pub first_response: String,
    pub resolution: String,
}

/// The form's values, as shown (stored settings, or what was typed).
pub struct ChannelFields {
    pub time_zone: String,
    pub always_open: bool,
    pub days: Vec<DayField>,
    pub closed: String,
    pub targets: Vec<TargetField>,
    pub warn_at_percent: String,
    pub escalate_on_breach: bool,
}

fn day(week: &WeekSpec, code: &str) -> Vec<[String; 2]> {
    serde_json::to_value(week)
        .ok()
        .and_then(|v| serde_json::from_value(v[code].clone()).ok())
        .unwrap_or_default()
}

/// The fields showing stored settings.
pub fn fields(t: &Tr, hours: &ServiceHoursSpec, standards: &ResponseStandards) -> ChannelFields {
    let line = |code: &str| {
        day(&hours.week, code)
            .iter()
            .map(|[a, b]| format!("{a}-{b}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut form = BTreeMap::new();
    form.insert("time_zone".to_owned(), hours.time_zone.clone());
    if hours.always_open {
        form.insert("always_open".to_owned(), "1".to_owned());
    }
    for d in DAYS {
        form.insert(d.to_owned(), line(d));
    }
    let closed: Vec<String> = hours
        .closed
        .iter()
        .map(|c| match c.yearly {
            true => format!("{} yearly", c.date),
            false => c.date.clone(),
        })
        .collect();
    form.insert("closed".to_owned(), closed.join("\n"));
    for (p, tg) in &standards.targets {
        form.insert(
            format!("fr_{}", p.as_str()),
            tg.first_response_minutes.to_string(),
        );
        form.insert(
            format!("res_{}", p.as_str()),
            tg.resolution_minutes.to_string(),
        );
    }
    form.insert(
        "warn_at_percent".to_owned(),
        standards.warn_at_percent.to_string(),
    );
    if standards.escalate_on_breach {
        form.insert("escalate_on_breach".to_owned(), "1".to_owned());
    }
    typed(t, &form)
}

/// The fields showing what was typed.
pub fn typed(t: &Tr, form: &BTreeMap<String, String>) -> ChannelFields {
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    ChannelFields {
        time_zone: get("time_zone"),
        always_open: form.contains_key("always_open"),
        days: DAYS
            .iter()
            .map(|d| DayField {
                code: d,
                label: t.get(&format!("day-{d}")),
                value: get(d),
            })
            .collect(),
        closed: get("closed"),
        targets: PRIORITIES
            .iter()
            .map(|p| TargetField {
                code: p.as_str(),
                label: t.label("priority", p.as_str()),
                first_response: get(&format!("fr_{}", p.as_str())),
                resolution: get(&format!("res_{}", p.as_str())),
            })
            .collect(),
        warn_at_percent: get("warn_at_percent"),
        escalate_on_breach: form.contains_key("escalate_on_breach"),
    }
}

fn minutes(raw: &str) -> Result<Option<i64>, ()> {
    match raw.trim() {
        "" => Ok(None),
        m => m.parse().map(Some).map_err(|_| ()),
    }
}

/// The documents the form describes, checked by the domain's rules; errors are keyed by the
/// form's own field names (`mon`, `closed`, `fr_normal`, …).
pub fn parse(
    t: &Tr,
    form: &BTreeMap<String, String>,
) -> Result<(ServiceHoursSpec, ResponseStandards), Errors> {
    let get = |k: &str| form.get(k).map(|v| v.trim()).unwrap_or_default();
    let mut e = Errors::new(t);
    let mut week = serde_json::Map::new();
    for d in DAYS {
        let mut intervals = Vec::new();
        for part in get(d)
            .split([',', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match part.split_once(['-', '–']) {
                Some((a, b)) => intervals.push([a.trim().to_owned(), b.trim().to_owned()]),
                None => e.add(d, t.get("error-opening-times")),
            }
        }
        if !intervals.is_empty() {
            week.insert(d.to_owned(), serde_json::json!(intervals));
        }
    }
    let mut closed = Vec::new();
    for line in get("closed")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let mut words = line.split_whitespace();
        let date = words.next().unwrap_or_default().to_owned();
        let yearly = match words.next() {
            None => false,
            Some(w) if w.eq_ignore_ascii_case("yearly") => true,
            Some(_) => {
                e.add("closed", t.get("error-closed-line"));
                false
            }
        };
        closed.push(ClosureSpec { date, yearly });
    }
    let week: WeekSpec = serde_json::from_value(week.into()).unwrap_or_default();
    let always_open = form.contains_key("always_open");
    let hours = ServiceHoursSpec {
        time_zone: get("time_zone").to_owned(),
        week,
        closed,
        always_open,
    };
    let mut standards = ResponseStandards {
        escalate_on_breach: form.contains_key("escalate_on_breach"),
        ..Default::default()
    };
    match get("warn_at_percent").parse() {
        Ok(w) => standards.warn_at_percent = w,
        Err(_) if get("warn_at_percent").is_empty() => {}
        Err(_) => e.add("warn_at_percent", t.get("error-whole-number")),
    }
    for p in PRIORITIES {
        let (fr, res) = (format!("fr_{}", p.as_str()), format!("res_{}", p.as_str()));
        match (minutes(get(&fr)), minutes(get(&res))) {
            (Ok(None), Ok(None)) => {}
            (Ok(Some(f)), Ok(Some(r))) => {
                let targets = Targets {
                    first_response_minutes: f,
                    resolution_minutes: r,
                };
                standards.targets.insert(p, targets);
            }
            (f, r) => {
                for (field, v) in [(&fr, f), (&res, r)] {
                    if !matches!(v, Ok(Some(_))) {
                        e.add(field, t.get("error-minutes"));
                    }
                }
            }
        }
    }
    if !e.is_empty() {
        return Err(e);
    }
    // The domain's own checks, named by the form's fields.
    let mut checks = Vec::new();
    if let Err(d) = hours.validate() {
        checks.push(d);
    }
    if let Err(d) = standards.clone().validate() {
        checks.push(d);
    }
    for d in checks {
        for (field, reason) in Errors::from_domain(d, t).all() {
            e.add(&form_field(&field), reason);
        }
    }
    if e.is_empty() {
        Ok((hours, standards))
    } else {
        Err(e)
    }
}

/// `week.tue[1]` → `tue`, `week` (set while always open) → `always_open`, `closed[0].date` → `closed`, `targets.normal.resolution_minutes` →
/// `res_normal`; other names stay.
fn form_field(domain: &str) -> String {
    if domain == "week" {
        return "always_open".to_owned();
    }
    if let Some(rest) = domain.strip_prefix("week.") {
        return rest.split('[').next().unwrap_or(rest).to_owned();
    }
    if domain.starts_with("closed") {
        return "closed".to_owned();
    }
    if let Some(rest) = domain.strip_prefix("targets.") {
        let (p, what) = rest.split_once('.').unwrap_or((rest, ""));
        let prefix = if what.starts_with("first") {
            "fr"
        } else {
            "res"
        };
        return format!("{prefix}_{p}");
    }
    domain.to_owned()
}
