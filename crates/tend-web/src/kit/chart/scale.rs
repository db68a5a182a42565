//! A chart's geometry: the value axis's domain and its "nice" ticks (steps of 1, 2 or 5 × 10^k,
//! zero always inside the domain), and the linear map from values to SVG coordinates.

/// The most ticks an axis asks for.
pub const TICKS: usize = 5;

/// A value axis: `[lo, hi]` (lo ≤ 0 ≤ hi, lo < hi) and its tick step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

/// The step nearest `raw` from 1, 2, 5 × 10^k, not smaller than `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let f = raw / power;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

impl Axis {
    /// The axis holding every finite value of `values` and zero; `[0, 1]` when there is none
    /// or all are zero. Non-finite values are ignored.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Axis {
        let (mut lo, mut hi) = (0f64, 0f64);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if hi - lo <= 0.0 {
            return Axis {
                lo: 0.0,
                hi: 1.0,
                step: 0.2,
            };
        }
        let step = nice_step((hi - lo) / TICKS as f64);
        Axis {
            lo: (lo / step).floor() * step,
            hi: (hi / step).ceil() * step,
            step,
        }
    }

    /// A fixed axis `[0, hi]` (a percentage axis: `hi` = 100).
    pub fn fixed(hi: f64) -> Axis {
        Axis {
            lo: 0.0,
            hi,
            step: nice_step(hi / TICKS as f64),
        }
    }

    /// The ticks from `lo` to `hi`, each a multiple of the step (rounded so that no `0.30000004`
    /// appears).
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as i64;
        let d = self.decimals();
        (0..=n.clamp(0, 1000))
            .map(|i| round_to(self.lo + i as f64 * self.step, d))
            .collect()
    }

    /// How many decimals the ticks need (0 for a step of 1 or more).
    pub fn decimals(&self) -> usize {
        if self.step >= 1.0 {
            0
        } else {
            (-self.step.log10().floor()) as usize
        }
    }

    /// Where `v` lies between `top` (at `hi`) and `bottom` (at `lo`), in SVG units (y grows
    /// downwards); values outside the domain are clamped.
    pub fn y(&self, v: f64, top: f64, bottom: f64) -> f64 {
        let v = if v.is_finite() { v } else { 0.0 };
        let f = ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        bottom - f * (bottom - top)
    }
}

/// `v` rounded to `d` decimals.
pub fn round_to(v: f64, d: usize) -> f64 {
    let p = 10f64.powi(d as i32);
    (v * p).round() / p
}

/// The x centre of band `i` of `n` equal bands across `[left, right]`.
pub fn band(i: usize, n: usize, left: f64, right: f64) -> f64 {
    let w = (right - left) / n.max(1) as f64;
    left + w * (i as f64 + 0.5)
}

/// Which of `n` category labels to write so that at most `max` show (every k-th, the first
/// always): `k`.
pub fn label_every(n: usize, max: usize) -> usize {
    n.div_ceil(max.max(1)).max(1)
}
