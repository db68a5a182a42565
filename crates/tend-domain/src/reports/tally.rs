//! The operations report's figures as mergeable state: a [`Tally`] holds what a set of
//! complaints contributes to one cell (counts, the distinct customers and reopened complaints
//! as bitmaps, every stored duration as value → count), so the tallies of local days add up
//! to a period's exactly (docs/reports.md, "Roll-ups"), and [`Tally::encode`] stores one.

use rustc_hash::FxHashMap;

use roaring::RoaringTreemap;

use super::figures::{Count, Share, Times};
use super::report::Figures;

/// The six stored durations, in the order of [`Figures`]: first response (service minutes,
/// calendar seconds), first resolution (both), final resolution (both).
pub const MEASURES: usize = 6;

/// What some complaints contribute to one cell of the report; see the module.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub received: i64,
    pub received_customers: RoaringTreemap,
    pub resolved: i64,
    pub resolved_customers: RoaringTreemap,
    /// Complaint ids: one reopened on two days of a period counts once.
    pub reopened: RoaringTreemap,
    pub reopened_customers: RoaringTreemap,
    /// First responses within the standard, and those with a target.
    pub within: i64,
    pub standard: i64,
    /// Per measure, each stored value and how many complaints have it.
    pub times: [FxHashMap<i64, i64>; MEASURES],
}

/// A stored tally that does not decode (written by another version, or damaged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTally;

fn id(v: i64) -> u64 {
    v as u64
}

impl Tally {
    /// A complaint received: its customer, its six durations (none where not measured; the
    /// final ones only while its latest resolution stands) and whether its first response
    /// was within the standard (none without a target).
    pub fn add_received(
        &mut self,
        customer: i64,
        values: [Option<i64>; MEASURES],
        within: Option<bool>,
    ) {
        self.received += 1;
        self.received_customers.insert(id(customer));
        for (t, v) in self.times.iter_mut().zip(values) {
            if let Some(v) = v {
                *t.entry(v).or_default() += 1;
            }
        }
        if let Some(w) = within {
            self.within += i64::from(w);
            self.standard += 1;
        }
    }

    /// A complaint first resolved.
    pub fn add_resolved(&mut self, customer: i64) {
        self.resolved += 1;
        self.resolved_customers.insert(id(customer));
    }

    /// A complaint reopened (any number of times: it counts once).
    pub fn add_reopened(&mut self, complaint: i64, customer: i64) {
        self.reopened.insert(id(complaint));
        self.reopened_customers.insert(id(customer));
    }

    /// Adds `other` in: counts add, sets unite, duration counts add.
    pub fn merge(&mut self, other: &Tally) {
        self.received += other.received;
        self.received_customers |= &other.received_customers;
        self.resolved += other.resolved;
        self.resolved_customers |= &other.resolved_customers;
        self.reopened |= &other.reopened;
        self.reopened_customers |= &other.reopened_customers;
        self.within += other.within;
        self.standard += other.standard;
        for (t, o) in self.times.iter_mut().zip(&other.times) {
            t.reserve(o.len());
            for (v, n) in o {
                *t.entry(*v).or_default() += n;
            }
        }
    }

    /// Takes `part` out: the inverse of [`Tally::merge`] for a tally of some of the same
    /// complaints whose customers count nowhere else in `self` (a segment's outsiders: a
    /// customer is in or out). Counts subtract, sets lose `part`'s members, duration counts
    /// subtract (a value whose count reaches zero is dropped).
    pub fn subtract(&mut self, part: &Tally) {
        self.received -= part.received;
        self.received_customers -= &part.received_customers;
        self.resolved -= part.resolved;
        self.resolved_customers -= &part.resolved_customers;
        self.reopened -= &part.reopened;
        self.reopened_customers -= &part.reopened_customers;
        self.within -= part.within;
        self.standard -= part.standard;
        for (t, o) in self.times.iter_mut().zip(&part.times) {
            for (v, n) in o {
                let left = t.entry(*v).or_default();
                *left -= n;
                if *left == 0 {
                    t.remove(v);
                }
            }
        }
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.received == 0 && self.resolved == 0 && self.reopened.is_empty()
    }

    /// The cell's figures, with `open_at_end` counted apart (it is not a sum of days).
    pub fn figures(&self, open_at_end: i64) -> Figures {
        let [a, b, c, d, e, f] = [0, 1, 2, 3, 4, 5].map(|i| times(&self.times[i]));
        Figures {
            received: Count {
                complaints: self.received,
                customers: self.received_customers.len() as i64,
            },
            resolved: Count {
                complaints: self.resolved,
                customers: self.resolved_customers.len() as i64,
            },
            open_at_end,
            reopened: Count {
                complaints: self.reopened.len() as i64,
                customers: self.reopened_customers.len() as i64,
            },
            first_response_service_minutes: a,
            first_response_calendar_seconds: b,
            first_resolution_service_minutes: c,
            first_resolution_calendar_seconds: d,
            final_resolution_service_minutes: e,
            final_resolution_calendar_seconds: f,
            first_response_within_standard: Share::of(self.within, self.standard),
        }
    }
}

/// [`Times::of`] over values given with their counts: the same `percentile_cont` positions
/// (`p·(n−1)`), read from the cumulative counts, so the result is bit for bit the same.
pub fn times(counts: &FxHashMap<i64, i64>) -> Times {
    let mut sorted: Vec<(i64, i64)> = counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(v, n)| (*v, *n))
        .collect();
    sorted.sort_unstable();
    let n: i64 = sorted.iter().map(|(_, c)| c).sum();
    let at = |k: i64| {
        let mut seen = 0;
        for (v, c) in &sorted {
            seen += c;
            if k < seen {
                return *v;
            }
        }
        unreachable!("k < n")
    };
    let pct = |p: f64| {
        if n == 0 {
            return None;
        }
        let pos = p * (n - 1) as f64;
        let lo = pos.floor() as i64;
        let hi = pos.ceil() as i64;
        let (a, b) = (at(lo) as f64, at(hi) as f64);
        Some(a + (pos - lo as f64) * (b - a))
    };
    Times {
        n,
        median: pct(0.5),
        p90: pct(0.9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(complaint: i64, customer: i64, minutes: i64) -> Tally {
        let mut t = Tally::default();
        t.add_received(
            customer,
            [Some(minutes), None, None, None, None, None],
            Some(true),
        );
        t.add_resolved(customer);
        t.add_reopened(complaint, customer);
        t
    }

    #[test]
    fn subtracting_an_outsiders_part_gives_back_the_rest() {
        let mut members = one(1, 10, 30);
        members.merge(&one(2, 10, 45));
        let mut outsiders = one(3, 20, 30);
        outsiders.merge(&one(4, 21, 90));
        let mut all = members.clone();
        all.merge(&outsiders);
        all.subtract(&outsiders);
        assert_eq!(all, members);
        assert_eq!(all.figures(0), members.figures(0));
        // The value 30 stays (one member has it); 90 is gone, not left at zero.
        assert_eq!(all.times[0].get(&30), Some(&1));
        assert!(!all.times[0].contains_key(&90));
    }
}
