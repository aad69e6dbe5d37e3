//! `f64::max` and `f64::min` for the engine's inner loops. In WebAssembly the
//! standard ones are calls to libm's `fmax`/`fmin` (wasm's own instructions
//! treat NaN differently), about a twentieth of a Monte Carlo draw in the
//! browser; these compare instead, written as libm writes them, so they give
//! what the standard ones give in WebAssembly for every input: a NaN argument
//! yields the other one, and of two equal values (+0 and −0) `max` keeps the
//! first and `min` the second (the standard library leaves that choice open;
//! the engine only ever compares against +0 and other constants, where it
//! cannot show).

/// The larger of `x` and `y` (the other when one is NaN).
#[inline]
pub fn max(x: f64, y: f64) -> f64 {
    if x.is_nan() || x < y {
        y
    } else {
        x
    }
}

/// The smaller of `x` and `y` (the other when one is NaN).
#[inline]
pub fn min(x: f64, y: f64) -> f64 {
    if y.is_nan() || x < y {
        x
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_as_libm_and_the_standard_library() {
        let xs = [
            0.0,
            -0.0,
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
                let same = |x: f64, y: f64| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan());
                // bit for bit as libm, which the standard ones call in WebAssembly
                assert!(same(super::max(a, b), libm::fmax(a, b)), "max {a} {b}");
                assert!(same(super::min(a, b), libm::fmin(a, b)), "min {a} {b}");
                // and the standard library's value (which of ±0 it may choose)
                assert!(super::max(a, b) == a.max(b) || a.max(b).is_nan() && super::max(a, b).is_nan());
                assert!(super::min(a, b) == a.min(b) || a.min(b).is_nan() && super::min(a, b).is_nan());
            }
        }
    }
}
