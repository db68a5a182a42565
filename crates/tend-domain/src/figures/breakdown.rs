//! A figure's values broken down by one dimension (product, category or vendor): per value of
//! that dimension, each period's Σ numerators, Σ denominators and the number of values stored —
//! the same definitions as the totals — with the values that lack the dimension grouped apart
//! (shown as "(none)"), and the totals of all values, equal to the undivided series'.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{Dimension, Figure, Per, Point};
use crate::kernel::reason::*;

/// One period of one group: the summed parts and how many stored values went in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The period's first day.
    pub period: Date,
    pub numerator: i64,
    /// Σ denominators, for a ratio figure; `None` otherwise.
    pub denominator: Option<i64>,
    /// The number of stored values summed.
    pub values: i64,
}

impl Cell {
    /// The cell's n: Σ denominators for a ratio figure, else the number of values stored.
    pub fn n(&self, ratio: bool) -> i64 {
        if ratio {
            self.denominator.unwrap_or(0)
        } else {
            self.values
        }
    }
}

/// The periods of one value of the dimension; `value` is `None` for the values without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub value: Option<String>,
    pub cells: Vec<Cell>,
}

/// A series broken down by `by`: the groups (by value, the values without it last) and the
/// totals per period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    pub by: Dimension,
    pub groups: Vec<Group>,
    pub total: Vec<Cell>,
}

/// The value of `d` in a canonical dimensions text (`product=Kettle;vendor=Acme`), if any.
pub fn dimension_value(canonical: &str, d: Dimension) -> Option<String> {
    canonical
        .split(';')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == d.as_str())
        .map(|(_, v)| v.to_owned())
}

/// The dimension a series of `figure` may be broken down by, from its name as typed; refuses
/// one the figure's values do not carry with `DIMENSION_UNKNOWN`.
pub fn breakdown_dimension(figure: &Figure, raw: &str) -> Result<Dimension, Reason> {
    match Dimension::parse(raw) {
        Ok(d) if figure.dimensions.contains(&d) => Ok(d),
        _ => {
            let allowed: Vec<&str> = figure.dimensions.iter().map(|d| d.as_str()).collect();
            Err(DIMENSION_UNKNOWN.with("got", format!("{raw:?}")).with(
                "allowed",
                if allowed.is_empty() {
                    "none".to_owned()
                } else {
                    allowed.join(", ")
                },
            ))
        }
    }
}

fn add(cells: &mut BTreeMap<Date, Cell>, period: Date, p: &Point) {
    let c = cells.entry(period).or_insert(Cell {
        period,
        numerator: 0,
        denominator: None,
        values: 0,
    });
    c.numerator = c.numerator.saturating_add(p.numerator);
    c.denominator = match (c.denominator, p.denominator) {
        (None, d) | (d, None) => d,
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
    };
    c.values += 1;
}

/// Breaks `values` (canonical dimensions text, point) down by `by`, each rolled up per `per`
/// (numerators and denominators summed apart, so a quarter is exact per group too).
pub fn breakdown(values: &[(String, Point)], by: Dimension, per: Per) -> Breakdown {
    let mut groups: BTreeMap<(bool, Option<String>), BTreeMap<Date, Cell>> = BTreeMap::new();
    let mut total = BTreeMap::new();
    for (dims, p) in values {
        let period = per.bucket(p.period);
        let value = dimension_value(dims, by);
        // Sorted by value, the values without the dimension last.
        let key = (value.is_none(), value);
        add(groups.entry(key).or_default(), period, p);
        add(&mut total, period, p);
    }
    Breakdown {
        by,
        groups: groups
            .into_iter()
            .map(|((_, value), cells)| Group {
                value,
                cells: cells.into_values().collect(),
            })
            .collect(),
        total: total.into_values().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(m: i8, n: i64, d: i64) -> Point {
        Point {
            period: Date::new(2026, m, 1).unwrap(),
            numerator: n,
            denominator: Some(d),
        }
    }

    #[test]
    fn groups_by_one_dimension_with_the_missing_ones_last() {
        let values = vec![
            ("product=Kettle;vendor=Acme".to_owned(), p(1, 2, 100)),
            ("product=Iron".to_owned(), p(1, 6, 200)),
            ("vendor=Acme".to_owned(), p(1, 1, 10)),
            ("product=Kettle".to_owned(), p(2, 4, 100)),
            ("product=Kettle".to_owned(), p(4, 5, 50)),
        ];
        let b = breakdown(&values, Dimension::Product, Per::Quarter);
        let names: Vec<_> = b.groups.iter().map(|g| g.value.clone()).collect();
        assert_eq!(
            names,
            [Some("Iron".to_owned()), Some("Kettle".to_owned()), None]
        );
        // Kettle Q1: (2 + 4) / (100 + 100), from 2 values; Q2: 5 / 50.
        let k = &b.groups[1].cells;
        assert_eq!(
            (k[0].numerator, k[0].denominator, k[0].values),
            (6, Some(200), 2)
        );
        assert_eq!((k[1].numerator, k[1].n(true)), (5, 50));
        // Totals: Q1 = 13 / 410 from 4 values.
        assert_eq!(
            (
                b.total[0].numerator,
                b.total[0].denominator,
                b.total[0].n(false)
            ),
            (13, Some(410), 4)
        );
        assert_eq!(
            dimension_value("product=Kettle;vendor=Acme", Dimension::Vendor).as_deref(),
            Some("Acme")
        );
    }
}
