//! The results' definitions, computed from counts: a numeric question's distribution, its mean
//! and median, and the Net Promoter Score with its 95 % interval.

use std::collections::BTreeMap;

/// How many answers gave each value: value → count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histogram(pub BTreeMap<i64, u64>);

impl Histogram {
    pub fn add(&mut self, value: i64, count: u64) {
        *self.0.entry(value).or_default() += count;
    }

    /// The number of answers, n.
    pub fn n(&self) -> u64 {
        self.0.values().sum()
    }

    /// The arithmetic mean Σ value·count / n; `None` when n = 0.
    pub fn mean(&self) -> Option<f64> {
        let n = self.n();
        let sum: i128 = self
            .0
            .iter()
            .map(|(v, c)| i128::from(*v) * i128::from(*c))
            .sum();
        (n > 0).then(|| sum as f64 / n as f64)
    }

    /// The median: the middle value of the sorted answers, the mean of the two middle values
    /// when n is even; `None` when n = 0.
    pub fn median(&self) -> Option<f64> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        // The k-th smallest answer, k from 0.
        let kth = |k: u64| {
            let mut seen = 0;
            for (v, c) in &self.0 {
                seen += c;
                if k < seen {
                    return *v;
                }
            }
            unreachable!("k < n")
        };
        Some((kth((n - 1) / 2) + kth(n / 2)) as f64 / 2.0)
    }
}

/// The Net Promoter Score of a set of 0–10 answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Nps {
    pub n: u64,
    /// Answers 9 or 10.
    pub promoters: u64,
    /// Answers 7 or 8.
    pub passives: u64,
    /// Answers 0 to 6.
    pub detractors: u64,
    /// 100 · (promoters − detractors) / n, from −100 to 100; `None` when n = 0.
    pub score: Option<f64>,
    /// The 95 % interval (low, high): each answer scored +1 (promoter), 0 (passive) or −1
    /// (detractor); with p and d the shares of promoters and detractors, the variance of a
    /// score is p + d − (p − d)², and the interval is score ± 1.96 · 100 · √(variance / n),
    /// clamped to −100…100 (the normal approximation). `None` below 30 answers.
    pub interval: Option<(f64, f64)>,
}

/// The fewest answers for which [`Nps::interval`] is given.
pub const NPS_INTERVAL_MIN: u64 = 30;

impl Nps {
    /// From a histogram of 0–10 answers (values outside 0–10 are not counted).
    pub fn of(h: &Histogram) -> Nps {
        let count = |r: std::ops::RangeInclusive<i64>| -> u64 {
            h.0.iter()
                .filter(|(v, _)| r.contains(v))
                .map(|(_, c)| c)
                .sum()
        };
        let (promoters, passives, detractors) = (count(9..=10), count(7..=8), count(0..=6));
        let n = promoters + passives + detractors;
        let (p, d) = match n {
            0 => (0.0, 0.0),
            n => (promoters as f64 / n as f64, detractors as f64 / n as f64),
        };
        let score = (n > 0).then_some(100.0 * (p - d));
        let interval = (n >= NPS_INTERVAL_MIN).then(|| {
            let variance = p + d - (p - d).powi(2);
            let half = 1.96 * 100.0 * (variance / n as f64).sqrt();
            let s = 100.0 * (p - d);
            ((s - half).max(-100.0), (s + half).min(100.0))
        });
        Nps {
            n,
            promoters,
            passives,
            detractors,
            score,
            interval,
        }
    }
}

/// `x` to one decimal, halves away from zero (how scores are shown).
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The response rate of a survey's invitations: complete answers through an invitation ÷
/// invitations delivered (their mail sent, minus those that bounced), in percent; `None` when
/// none was delivered. Partial answers are not counted (they are shown apart).
pub fn response_rate(answered: u64, delivered: u64) -> Option<f64> {
    (delivered > 0).then(|| 100.0 * answered as f64 / delivered as f64)
}
