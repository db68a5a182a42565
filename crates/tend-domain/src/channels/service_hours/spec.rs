//! The serialised shape of service hours (`ServiceHoursSpec`) and its validation.
//!
//! ```json
//! {"time_zone": "Europe/Madrid",
//!  "week": {"mon": [["09:00", "13:00"], ["14:00", "18:00"]], "fri": [["22:00", "02:00"]]},
//!  "closed": [{"date": "2026-12-25", "yearly": true}],
//!  "always_open": false}
//! ```

use crate::kernel::reason::*;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::ServiceHours;
use super::interval::{Closure, OpenInterval, day_key, hhmm, overlap};
use crate::kernel::error::{DomainError, FieldErrors};

/// The most intervals one weekday may have.
const MAX_INTERVALS_PER_DAY: usize = 48;
/// The most closures one calendar may list.
const MAX_CLOSURES: usize = 1000;

/// Service hours as typed; [`validate`](Self::validate) turns them into [`ServiceHours`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceHoursSpec {
    /// An IANA time zone name such as `Europe/Madrid`.
    pub time_zone: String,
    /// Opening intervals per weekday as `["HH:MM", "HH:MM"]` local wall-clock pairs.
    #[serde(default)]
    pub week: WeekSpec,
    /// Dates on which the channel does not open.
    #[serde(default)]
    pub closed: Vec<ClosureSpec>,
    /// Open at every instant; `week` and `closed` must then be empty.
    #[serde(default)]
    pub always_open: bool,
}

/// Opening intervals per weekday; a missing day is closed.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WeekSpec {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mon: Vec<[String; 2]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tue: Vec<[String; 2]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub wed: Vec<[String; 2]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub thu: Vec<[String; 2]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fri: Vec<[String; 2]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sat: Vec<[String; 2]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sun: Vec<[String; 2]>,
}

impl WeekSpec {
    /// The days, Monday first.
    fn days(&self) -> [&Vec<[String; 2]>; 7] {
        [
            &self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun,
        ]
    }

    fn days_mut(&mut self) -> [&mut Vec<[String; 2]>; 7] {
        [
            &mut self.mon,
            &mut self.tue,
            &mut self.wed,
            &mut self.thu,
            &mut self.fri,
            &mut self.sat,
            &mut self.sun,
        ]
    }
}

/// A closed date as `YYYY-MM-DD`, once or every year.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosureSpec {
    pub date: String,
    #[serde(default)]
    pub yearly: bool,
}

impl ServiceHoursSpec {
    /// Checks every field; the errors name them, e.g. `time_zone`, `week.tue[1]`, `closed[0].date`.
    pub fn validate(&self) -> Result<ServiceHours, DomainError> {
        let mut e = FieldErrors::new();
        let zone = parse_zone(&self.time_zone)
            .map_err(|r| e.add("time_zone", r))
            .ok();
        let week = parse_week(&self.week, &mut e);
        let mut closed = Vec::with_capacity(self.closed.len());
        if self.closed.len() > MAX_CLOSURES {
            e.add("closed", TOO_MANY_CLOSURES.with("max", MAX_CLOSURES));
        }
        for (n, c) in self.closed.iter().enumerate() {
            match c.date.trim().parse::<Date>() {
                Ok(date) => closed.push(Closure {
                    date,
                    yearly: c.yearly,
                }),
                Err(_) => e.add(
                    format!("closed[{n}].date"),
                    DATE.with("got", format!("{:?}", c.date)),
                ),
            }
        }
        closed.sort();
        closed.dedup();
        if self.always_open {
            if week.iter().any(|d| !d.is_empty()) {
                e.add("week", EMPTY_WHEN_ALWAYS_OPEN);
            }
            if !closed.is_empty() {
                e.add("closed", EMPTY_WHEN_ALWAYS_OPEN);
            }
        }
        e.finish(|| {
            let (zone_name, zone) = zone.expect("checked");
            ServiceHours {
                zone_name,
                zone,
                week,
                closed,
                always_open: self.always_open,
            }
        })
    }
}

/// A known IANA zone and its canonical name.
fn parse_zone(raw: &str) -> Result<(String, TimeZone), Reason> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(ZONE_REQUIRED.into());
    }
    let zone = TimeZone::get(name).map_err(|_| ZONE_UNKNOWN.with("got", format!("{name:?}")))?;
    let canonical = zone.iana_name().unwrap_or(name).to_owned();
    Ok((canonical, zone))
}

/// Each day's intervals, sorted; records bad, overlapping and excess intervals in `e`.
fn parse_week(spec: &WeekSpec, e: &mut FieldErrors) -> [Vec<OpenInterval>; 7] {
    let mut week: [Vec<OpenInterval>; 7] = Default::default();
    // (day, position in the input, interval) of every valid interval, for the overlap check.
    let mut all = Vec::new();
    for (d, raw) in spec.days().into_iter().enumerate() {
        let key = day_key(jiff::civil::Weekday::from_monday_zero_offset(d as i8).expect("0..7"));
        if raw.len() > MAX_INTERVALS_PER_DAY {
            e.add(
                format!("week.{key}"),
                TOO_MANY_INTERVALS.with("max", MAX_INTERVALS_PER_DAY),
            );
            continue;
        }
        for (n, [start, end]) in raw.iter().enumerate() {
            match OpenInterval::parse(start, end) {
                Ok(i) => all.push((d, n, i)),
                Err(r) => e.add(format!("week.{key}[{n}]"), r),
            }
        }
    }
    for (x, &(da, na, a)) in all.iter().enumerate() {
        for &(db, nb, b) in &all[x + 1..] {
            if overlap((da, a), (db, b)) {
                let key = |d: usize| {
                    day_key(jiff::civil::Weekday::from_monday_zero_offset(d as i8).expect("0..7"))
                };
                e.add(
                    format!("week.{}[{nb}]", key(db)),
                    OVERLAPS
                        .with("day", key(da))
                        .with("interval", a)
                        .with("other", format!("week.{}[{na}]", key(da))),
                );
            }
        }
        week[da].push(a);
    }
    for day in &mut week {
        day.sort();
    }
    week
}

impl TryFrom<ServiceHoursSpec> for ServiceHours {
    type Error = DomainError;
    fn try_from(spec: ServiceHoursSpec) -> Result<Self, DomainError> {
        spec.validate()
    }
}

impl From<ServiceHours> for ServiceHoursSpec {
    fn from(h: ServiceHours) -> Self {
        let mut week = WeekSpec::default();
        for (out, day) in week.days_mut().into_iter().zip(&h.week) {
            *out = day
                .iter()
                .map(|i| [hhmm(i.start_minute()), hhmm(i.end_minute())])
                .collect();
        }
        ServiceHoursSpec {
            time_zone: h.zone_name,
            week,
            closed: h
                .closed
                .iter()
                .map(|c| ClosureSpec {
                    date: c.date.to_string(),
                    yearly: c.yearly,
                })
                .collect(),
            always_open: h.always_open,
        }
    }
}
