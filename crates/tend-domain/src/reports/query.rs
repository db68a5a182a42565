//! What an operations report is asked for, as typed (query strings of the page, the API and
//! the CSV): the local days `[from, to)`, the period length and the breakdown, checked and
//! defaulted here so every door refuses the same things with the same reasons.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::period::Grain;
use crate::kernel::error::{DomainError, FieldErrors};
use crate::kernel::reason::*;

/// The most periods one report holds.
pub const MAX_PERIODS: usize = 400;

/// What each period's rows are broken down by.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportGroup))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Channel,
    Category,
    Product,
    Assignee,
    Tier,
    None,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Channel,
        Group::Category,
        Group::Product,
        Group::Assignee,
        Group::Tier,
        Group::None,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Group::Channel => "channel",
            Group::Category => "category",
            Group::Product => "product",
            Group::Assignee => "assignee",
            Group::Tier => "tier",
            Group::None => "none",
        }
    }

    pub fn parse(raw: &str) -> Result<Group, Reason> {
        Group::ALL
            .into_iter()
            .find(|g| g.code() == raw.trim())
            .ok_or_else(|| {
                ONE_OF
                    .with(
                        "allowed",
                        "channel, category, product, assignee, tier, none",
                    )
                    .with("got", format!("{raw:?}"))
            })
    }
}

/// A checked range: local days `[from, to)`, at most [`MAX_PERIODS`] periods of `grain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub from: Date,
    pub to: Date,
    pub grain: Grain,
    pub group: Group,
}

fn present(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

/// Reads `from` and `to` (`YYYY-MM-DD`, `to` exclusive), `grain` and `group` as typed; absent
/// or empty ones default to the last 12 whole weeks up to and including `today`, by week, by
/// channel. Errors name each field.
pub fn range(
    from: Option<&str>,
    to: Option<&str>,
    grain: Option<&str>,
    group: Option<&str>,
    today: Date,
) -> Result<Range, DomainError> {
    let mut e = FieldErrors::new();
    let date = |e: &mut FieldErrors, field: &str, v: Option<&str>| {
        present(v).and_then(|v| {
            v.parse::<Date>()
                .map_err(|_| e.add(field, DATE.with("got", format!("{v:?}"))))
                .ok()
        })
    };
    let grain = match present(grain) {
        Some(g) => Grain::parse(g)
            .map_err(|r| e.add("grain", r))
            .unwrap_or(Grain::Week),
        None => Grain::Week,
    };
    let group = match present(group) {
        Some(g) => Group::parse(g)
            .map_err(|r| e.add("group", r))
            .unwrap_or(Group::Channel),
        None => Group::Channel,
    };
    let to = date(&mut e, "to", to).unwrap_or_else(|| today.saturating_add(1.day()));
    let from = date(&mut e, "from", from).unwrap_or_else(|| {
        Grain::Week.start_of(to.saturating_sub(1.day()).saturating_sub(11.weeks()))
    });
    if from >= to {
        e.add("to", PERIOD_ORDER.with("from", from.to_string()));
    } else {
        let mut n = 0usize;
        let mut d = from;
        while d < to && n <= MAX_PERIODS {
            d = grain.next(grain.start_of(d));
            n += 1;
        }
        if n > MAX_PERIODS {
            e.add(
                "to",
                REPORT_PERIODS
                    .with("max", MAX_PERIODS as i64)
                    .with("got", format!("> {MAX_PERIODS}")),
            );
        }
    }
    e.finish(|| Range {
        from,
        to,
        grain,
        group,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn defaults_and_refusals() {
        let r = range(None, None, None, None, d("2026-03-06")).unwrap();
        assert_eq!((r.from, r.to), (d("2025-12-15"), d("2026-03-07")));
        assert_eq!((r.grain, r.group), (Grain::Week, Group::Channel));
        let DomainError::Invalid(e) = range(
            Some("2026-13-01"),
            Some("2026-01-01"),
            Some("year"),
            Some("team"),
            d("2026-03-06"),
        )
        .unwrap_err() else {
            panic!()
        };
        let fields: Vec<_> = e.iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["from", "grain", "group"]);
        assert!(
            range(
                Some("2026-02-01"),
                Some("2026-01-01"),
                None,
                None,
                d("2026-03-06")
            )
            .is_err()
        );
        assert!(
            range(
                Some("2020-01-01"),
                Some("2026-01-01"),
                Some("day"),
                None,
                d("2026-03-06")
            )
            .is_err()
        );
        assert!(
            range(
                Some("2020-01-01"),
                Some("2026-01-01"),
                Some("month"),
                None,
                d("2026-03-06")
            )
            .is_ok()
        );
    }
}
