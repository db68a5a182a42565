//! The complaints that count per UTC day and category, read exactly over any span: whole days
//! from the `complaint_days` roll-up (kept by triggers in the transaction of every complaint
//! write, migration 0162), the partial days at the span's edges from the complaints themselves.

use std::collections::BTreeMap;

use sqlx::Row;

use super::counted;

use crate::kernel::error::StoreResult;
use crate::store::Store;

/// A UTC day in microseconds: the roll-up's `day` is `received_at / DAY_US`.
const DAY_US: i64 = 86_400_000_000;

/// `[from, to)` in microseconds cut into whole roll-up days `[first, end)` and the two edge
/// spans read from the raw rows. Days before day 1 are never read from the roll-up (integer
/// division truncates toward zero there), so spans before 1970-01-02 are read raw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split {
    pub first: i64,
    pub end: i64,
    pub head: (i64, i64),
    pub tail: (i64, i64),
}

impl Split {
    pub(crate) fn of(from: i64, to: i64) -> Split {
        let first = from.div_euclid(DAY_US) + i64::from(from.rem_euclid(DAY_US) != 0);
        let first = first.max(1);
        let end = to.div_euclid(DAY_US);
        if first >= end {
            return Split {
                first: 0,
                end: 0,
                head: (from, to),
                tail: (0, 0),
            };
        }
        Split {
            first,
            end,
            head: (from, first * DAY_US),
            tail: (end * DAY_US, to),
        }
    }
}

/// Per category (0: none) the complaints that count received in the span, and the
/// compensation of those resolved: `(complaints, paid_minor)`.
const DAYS: &str = concat!(
    "SELECT category_id, CAST(SUM(n) AS BIGINT) AS n, CAST(SUM(paid) AS BIGINT) AS paid FROM (\
     SELECT category_id, complaints AS n, paid_minor AS paid FROM complaint_days \
       WHERE day >= $1 AND day < $2 \
     UNION ALL SELECT COALESCE(category_id, 0), 1, \
       CASE WHEN resolved_at IS NOT NULL THEN COALESCE(compensation_minor, 0) ELSE 0 END \
       FROM complaints WHERE ((received_at >= $3 AND received_at < $4) \
       OR (received_at >= $5 AND received_at < $6)) AND ",
    counted!(),
    ") x GROUP BY category_id"
);

impl Store {
    /// The complaints that count received in `[from, to)` (microseconds), per category (0:
    /// none): `(complaints, paid_minor)`; categories whose complaints net to none are left out.
    pub(crate) async fn complaint_days(
        &self,
        from: i64,
        to: i64,
    ) -> StoreResult<BTreeMap<i64, (i64, i64)>> {
        let s = Split::of(from, to);
        let rows = sqlx::query(DAYS)
            .bind(s.first)
            .bind(s.end)
            .bind(s.head.0)
            .bind(s.head.1)
            .bind(s.tail.0)
            .bind(s.tail.1)
            .fetch_all(self.read())
            .await?;
        let mut out = BTreeMap::new();
        for r in rows {
            let n: Option<i64> = r.try_get("n")?;
            let paid: Option<i64> = r.try_get("paid")?;
            if let Some(n) = n.filter(|n| *n > 0) {
                out.insert(r.try_get("category_id")?, (n, paid.unwrap_or(0)));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_cut_into_whole_days_and_two_raw_edges() {
        let d = DAY_US;
        let s = Split::of(10 * d + 5, 20 * d + 7);
        assert_eq!((s.first, s.end), (11, 20));
        assert_eq!(
            (s.head, s.tail),
            ((10 * d + 5, 11 * d), (20 * d, 20 * d + 7))
        );
        let s = Split::of(10 * d, 20 * d);
        assert_eq!((s.first, s.end), (10, 20));
        assert_eq!((s.head, s.tail), ((10 * d, 10 * d), (20 * d, 20 * d)));
        // Shorter than a whole day, or before day 1: raw.
        assert_eq!(
            Split::of(10 * d + 5, 11 * d + 1).head,
            (10 * d + 5, 11 * d + 1)
        );
        let s = Split::of(-5 * d, 3 * d);
        assert_eq!((s.first, s.end, s.head), (1, 3, (-5 * d, d)));
        assert_eq!(Split::of(-5 * d, d).head, (-5 * d, d));
    }
}
