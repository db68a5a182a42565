//! Percentiles by linear interpolation between the closest ranks, exactly as PostgreSQL's
//! `percentile_cont`: for `n` sorted values and a fraction `p`, the position is `p·(n−1)`
//! (0-based); the value is the one at `floor` plus the position's fraction of the step to the
//! one at `ceil`. No value, no percentile.

/// The `p`-th (0.0–1.0) continuous percentile of `sorted` (ascending), or `None` when empty.
pub fn percentile_cont(sorted: &[i64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let p = p.clamp(0.0, 1.0);
    let pos = p * (n - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let a = sorted[lo] as f64;
    let b = sorted[hi] as f64;
    Some(a + (pos - lo as f64) * (b - a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_postgres_percentile_cont_by_hand() {
        // SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM (VALUES (1),(2),(3),(10)) v(x) = 2.5
        assert_eq!(percentile_cont(&[1, 2, 3, 10], 0.5), Some(2.5));
        // p90 of 1,2,3,10: position 0.9·3 = 2.7 → 3 + 0.7·(10−3) = 7.9
        let p90 = percentile_cont(&[1, 2, 3, 10], 0.9).unwrap();
        assert!((p90 - 7.9).abs() < 1e-9, "{p90}");
        // Odd n: the middle value.
        assert_eq!(percentile_cont(&[5, 7, 100], 0.5), Some(7.0));
        // p90 of 5,7,100: position 1.8 → 7 + 0.8·93 = 81.4
        assert!((percentile_cont(&[5, 7, 100], 0.9).unwrap() - 81.4).abs() < 1e-9);
        assert_eq!(percentile_cont(&[42], 0.9), Some(42.0));
        assert_eq!(percentile_cont(&[], 0.5), None);
        assert_eq!(percentile_cont(&[1, 2], 0.0), Some(1.0));
        assert_eq!(percentile_cont(&[1, 2], 1.0), Some(2.0));
    }
}
