//! `f64::max` and `f64::min` for the engine's inner loops. In WebAssembly the
//! standard ones are calls to `fmax`/`fmin` (wasm's own instructions treat
//! NaN differently), about a twentieth of a Monte Carlo draw in the browser;
//! these compare instead and give the same value for every input (a NaN
//! argument yields the other one, as `f64::max` and `f64::min` do).

/// The larger of `x` and `y` (the other when one is NaN).
#[inline]
pub fn max(x: f64, y: f64) -> f64 {
    if x > y || y.is_nan() {
        x
    } else {
        y
    }
}

/// The smaller of `x` and `y` (the other when one is NaN).
#[inline]
pub fn min(x: f64, y: f64) -> f64 {
    if x < y || y.is_nan() {
        x
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_as_the_standard_library() {
        let xs = [
            0.0,
            1.0,
            -1.0,
            2.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            1e-300,
            -7.25,
        ];
        for a in xs {
            for b in xs {
                let same = |x: f64, y: f64| x == y || (x.is_nan() && y.is_nan());
                assert!(same(super::max(a, b), a.max(b)), "max {a} {b}");
                assert!(same(super::min(a, b), a.min(b)), "min {a} {b}");
            }
        }
    }
}
