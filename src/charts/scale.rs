//! Linear scales and "nice" ticks for the SVG charts, in pure Rust so they are
//! tested natively (Heckbert's nice numbers: steps of 1, 2, 2.5 or 5 × 10ⁿ).

/// Maps a domain interval onto a range interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn new((d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> Linear {
        Linear { d0, d1, r0, r1 }
    }

    /// Position of `x`; a degenerate domain maps everything to the range start.
    pub fn map(&self, x: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span.abs() < f64::EPSILON * self.d0.abs().max(1.0) {
            return self.r0;
        }
        self.r0 + (x - self.d0) / span * (self.r1 - self.r0)
    }

    /// The domain value at range position `r` (for pointer positions).
    pub fn invert(&self, r: f64) -> f64 {
        let span = self.r1 - self.r0;
        if span.abs() < f64::EPSILON {
            return self.d0;
        }
        self.d0 + (r - self.r0) / span * (self.d1 - self.d0)
    }
}

/// A nice step for covering `span` with about `target` intervals.
pub fn nice_step(span: f64, target: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Ticks covering the values: returns the nice domain and its ticks. The
/// domain includes 0 when `zero` (counts and shares start at zero so lines are
/// not exaggerated), and is never empty.
pub fn nice_domain(values: impl IntoIterator<Item = f64>, zero: bool, target: usize) -> ((f64, f64), Vec<f64>) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if (hi - lo).abs() < 1e-12 {
        // a flat series: give it room around its value
        let pad = if hi.abs() > 0.0 { hi.abs() * 0.1 } else { 1.0 };
        hi += pad;
        if !zero || lo < 0.0 {
            lo -= pad;
        }
    }
    let step = nice_step(hi - lo, target);
    let (nlo, nhi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let n = ((nhi - nlo) / step).round() as usize;
    let ticks = (0..=n).map(|i| clean(nlo + i as f64 * step)).collect();
    ((clean(nlo), clean(nhi)), ticks)
}

/// Removes binary noise (0.30000000000000004 → 0.3) so labels print cleanly.
fn clean(x: f64) -> f64 {
    let r = (x * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Year ticks: every year when few, otherwise every second or fifth year.
pub fn year_ticks(first: i32, last: i32) -> Vec<i32> {
    let span = (last - first).max(0);
    let step = if span <= 12 {
        1
    } else if span <= 24 {
        2
    } else {
        5
    };
    (first..=last).filter(|y| (y - first) % step == 0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_maps_and_inverts() {
        let s = Linear::new((0.0, 100.0), (300.0, 0.0));
        assert_eq!(s.map(0.0), 300.0);
        assert_eq!(s.map(100.0), 0.0);
        assert_eq!(s.map(25.0), 225.0);
        assert_eq!(s.invert(225.0), 25.0);
        let flat = Linear::new((5.0, 5.0), (0.0, 10.0));
        assert_eq!(flat.map(7.0), 0.0);
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(1.0, 4), 0.25);
        assert_eq!(nice_step(33_000.0, 5), 10_000.0);
        assert_eq!(nice_step(0.09, 4), 0.025);
        assert_eq!(nice_step(0.0, 5), 1.0);
    }

    #[test]
    fn domains_cover_the_values_with_nice_ticks() {
        let ((lo, hi), t) = nice_domain([3031.0, 5357.0, 2800.0], true, 5);
        assert_eq!((lo, hi), (0.0, 6000.0));
        assert_eq!(t, vec![0.0, 2000.0, 4000.0, 6000.0]);
        let ((lo, hi), t) = nice_domain([0.918, 0.968], false, 4);
        assert!(lo <= 0.918 && hi >= 0.968);
        assert!(t.len() >= 3 && t.len() <= 7, "{t:?}");
        assert_eq!(t.first(), Some(&lo));
        assert_eq!(t.last(), Some(&hi));
        let ((lo, hi), _) = nice_domain([0.3], false, 5);
        assert!(lo < 0.3 && hi > 0.3);
        let ((lo, hi), _) = nice_domain([0.0, 0.0], true, 5);
        assert_eq!((lo, hi), (0.0, 1.0));
        let ((lo, hi), _) = nice_domain(Vec::<f64>::new(), true, 5);
        assert_eq!((lo, hi), (0.0, 1.0));
        let ((_, hi), t) = nice_domain([0.1, 0.2], true, 5);
        assert_eq!(hi, 0.2);
        assert_eq!(t[1], 0.05);
    }

    #[test]
    fn negative_values_are_covered() {
        let ((lo, hi), _) = nice_domain([-1.2e8, 3.0e7], true, 5);
        assert!(lo <= -1.2e8 && hi >= 3.0e7);
    }

    #[test]
    fn year_ticks_thin_out_for_long_spans() {
        assert_eq!(year_ticks(2020, 2030).len(), 11);
        assert_eq!(
            year_ticks(2020, 2035),
            vec![2020, 2022, 2024, 2026, 2028, 2030, 2032, 2034]
        );
    }
}
