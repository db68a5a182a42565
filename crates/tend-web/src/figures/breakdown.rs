//! The breakdown of a figure's page by one dimension (`/figures/{id}?by=product`): per value
//! of the dimension, each period's value and n — the page's own definitions — with the values
//! that lack the dimension as "(none)", and each period's total, the same as the undivided
//! table's row.

use jiff::civil::Date;
use tend_domain::figures::{Cell, Dimension, Figure, Per, breakdown, breakdown_dimension};

use super::shown;
use crate::WebState;
use crate::kit::error::PageResult;
use crate::kit::fields::Errors;
use crate::kit::i18n::Tr;

/// One line of the breakdown table: a group's period, or the period's total.
pub struct Line {
    pub period: String,
    pub group: String,
    pub value: String,
    pub n: String,
    pub total: bool,
}

/// The breakdown table: the dimension's name and its lines, period by period.
pub struct Table {
    pub by_label: String,
    pub lines: Vec<Line>,
}

/// A link to one view of the page: all together, or by one of the figure's dimensions.
pub struct Choice {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// The dimension asked for by `raw` (the `by` query, as typed); one the figure lacks is
/// refused in `errors` under `by`, in the reader's language.
pub(crate) fn dimension(
    figure: &Figure,
    raw: Option<&str>,
    errors: &mut Errors,
) -> Option<Dimension> {
    let raw = raw.map(str::trim).filter(|b| !b.is_empty())?;
    breakdown_dimension(figure, raw)
        .map_err(|r| errors.reason("by", r))
        .ok()
}

/// The views the page offers for `figure`, `by` marked as current.
pub(crate) fn choices(t: &Tr, figure: &Figure, by: Option<Dimension>) -> Vec<Choice> {
    let base = format!("/figures/{}", figure.id);
    let mut out = vec![Choice {
        label: t.get("figures-breakdown-all"),
        href: format!("{base}#breakdown"),
        current: by.is_none(),
    }];
    for d in &figure.dimensions {
        out.push(Choice {
            label: t.label("figures-dimension", d.as_str()),
            href: format!("{base}?by={}#breakdown", d.as_str()),
            current: by == Some(*d),
        });
    }
    out
}

fn line(t: &Tr, figure: &Figure, c: &Cell, group: String, total: bool) -> Line {
    Line {
        period: c.period.to_string(),
        group,
        value: shown(t, figure.value(c.numerator, c.denominator)),
        n: c.n(figure.ratio).to_string(),
        total,
    }
}

/// `figure`'s values in `[from, to)` broken down by `by`, per stored period.
pub(crate) async fn table(
    s: &WebState,
    t: &Tr,
    figure: &Figure,
    by: Dimension,
    (from, to): (Date, Date),
) -> PageResult<Table> {
    let values = s
        .store
        .figure_points_with_dimensions(figure, from, to)
        .await?;
    let b = breakdown(&values, by, Per::Period);
    let mut lines = Vec::new();
    for total in &b.total {
        for g in &b.groups {
            if let Some(c) = g.cells.iter().find(|c| c.period == total.period) {
                let name = g
                    .value
                    .clone()
                    .unwrap_or_else(|| t.get("figures-dimension-missing"));
                lines.push(line(t, figure, c, name, false));
            }
        }
        lines.push(line(t, figure, total, t.get("figures-total"), true));
    }
    Ok(Table {
        by_label: t.label("figures-dimension", by.as_str()),
        lines,
    })
}
