//! The figures a manager linked to problem categories, as evidence beside the ranking: each
//! linked figure's value over the ranking's period and over the previous one.
//!
//! Definitions: a linked figure's **value over a period** sums the values whose period starts
//! in it (every dimension), Σ numerators ÷ Σ denominators (× 100 for percent) for a ratio
//! figure, else Σ numerators; its **n** is Σ denominators for a ratio figure, else the number
//! of values summed. **Worse** is true when the value moved against the figure's direction
//! (down for a figure where higher is better, up otherwise); `None` when either value is
//! missing or they are equal.

use tend_domain::figures::{Figure, Point};
use tend_store::StoreResult;

use super::Ranking;
use crate::AppState;

/// A figure's sum over one period: value (`None` with no value or a zero denominator) and n.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summed {
    pub value: Option<f64>,
    pub n: i64,
}

/// A figure linked to a category, summed over the ranking's period and the previous one.
#[derive(Debug, Clone)]
pub struct LinkedFigure {
    pub category_id: i64,
    pub figure: Figure,
    pub now: Summed,
    pub before: Summed,
    pub worse: Option<bool>,
}

fn sum(figure: &Figure, points: &[Point]) -> Summed {
    if points.is_empty() {
        return Summed { value: None, n: 0 };
    }
    let num: i64 = points.iter().map(|p| p.numerator).sum();
    let den: Option<i64> = figure
        .ratio
        .then(|| points.iter().filter_map(|p| p.denominator).sum());
    Summed {
        value: figure.value(num, den),
        n: den.unwrap_or(points.len() as i64),
    }
}

/// Every figure linked (at the ranking's instant) to a category, by category then figure id.
pub async fn linked_figures(s: &AppState, rk: &Ranking) -> StoreResult<Vec<LinkedFigure>> {
    let links = s.store.problem_figure_links(rk.period.now).await?;
    let mut out = Vec::with_capacity(links.len());
    for l in links {
        let figure = s.store.figure(l.figure_id).await?;
        let points = s.store.figure_points(&figure, rk.from, rk.to, None).await?;
        let before = s
            .store
            .figure_points(&figure, rk.previous_from, rk.from, None)
            .await?;
        let (now, before) = (sum(&figure, &points), sum(&figure, &before));
        let worse = match (now.value, before.value) {
            (Some(a), Some(b)) if a != b => Some((a > b) != figure.higher_is_better),
            _ => None,
        };
        out.push(LinkedFigure {
            category_id: l.category_id,
            figure,
            now,
            before,
            worse,
        });
    }
    out.sort_by_key(|f| (f.category_id, f.figure.id));
    Ok(out)
}

/// Up to `limit` things customers said about a category in the period: its coded answers
/// (newest first), then its findings' quotes (a finding without a quote gives its statement).
pub async fn quotes(
    s: &AppState,
    category_id: i64,
    period: tend_store::Period,
    limit: usize,
) -> StoreResult<Vec<String>> {
    let voices = s.store.problem_voices(category_id, period).await?;
    Ok(voices
        .into_iter()
        .map(|v| match v {
            tend_store::Voice::Answer { text, .. } => text,
            tend_store::Voice::Finding {
                quote, statement, ..
            } => quote.filter(|q| !q.trim().is_empty()).unwrap_or(statement),
        })
        .take(limit)
        .collect())
}
