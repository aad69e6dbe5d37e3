//! Small value types shared by the dataset, the engine and the catalogue.
//!
//! Years are plain `i32` calendar years of the autumn headcount (2020 means the
//! 2020–21 school year); the dataset fixes the base year and horizon and the
//! engine indexes years by their offset from the base.

use serde::{Deserialize, Serialize};

/// A school year, named by the calendar year of its autumn headcount.
pub type Year = i32;

/// A fraction in `0..=1` (a rate, a share, a probability).
///
/// Deserialising rejects values outside the range, so a dataset cannot carry a
/// dropout rate of 1.3 or a participation of −0.1 into the engine.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize, Default)]
#[serde(try_from = "f64", into = "f64")]
pub struct Share(f64);

impl Share {
    pub const ZERO: Share = Share(0.0);
    pub const ONE: Share = Share(1.0);

    /// A share, if `v` is finite and within `0..=1`.
    pub fn new(v: f64) -> Option<Share> {
        (v.is_finite() && (0.0..=1.0).contains(&v)).then_some(Share(v))
    }

    /// Clamps any finite number into `0..=1` (NaN becomes 0).
    pub fn saturating(v: f64) -> Share {
        if v.is_nan() {
            Share(0.0)
        } else {
            Share(v.clamp(0.0, 1.0))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Share {
    type Error = String;
    fn try_from(v: f64) -> Result<Self, Self::Error> {
        Share::new(v).ok_or_else(|| format!("{v} is not a share between 0 and 1"))
    }
}

impl From<Share> for f64 {
    fn from(s: Share) -> f64 {
        s.0
    }
}

/// `a / b`, or [`UNDEFINED`] when `b` is 0: pupils per teacher with no
/// teachers, a share of no classes, an enrollment rate of no children. Such a
/// ratio is not 0 and not "good"; it is shown as "—" / 不适用 and a target on
/// it is neither met nor missed (see `targets::Status::Undefined`).
pub fn ratio(a: f64, b: f64) -> f64 {
    if b.abs() < 1e-12 {
        UNDEFINED
    } else {
        a / b
    }
}

/// The value of an undefined indicator (a ratio over nothing). NaN, so any
/// arithmetic on it stays undefined; JSON writes it as `null`, CSV as an
/// empty cell. Test with [`is_defined`].
pub const UNDEFINED: f64 = f64::NAN;

/// Whether an indicator value is defined (not [`UNDEFINED`] and finite).
pub fn is_defined(x: f64) -> bool {
    x.is_finite()
}

/// `x` capped at `cap`, keeping an undefined `x` undefined (`f64::min`
/// would turn NaN into `cap`, i.e. an enrollment rate of 100% for no children).
pub fn capped(x: f64, cap: f64) -> f64 {
    if x.is_nan() {
        x
    } else {
        x.min(cap)
    }
}

/// Deserialises `[[number or null]]`, reading `null` as [`UNDEFINED`] —
/// the inverse of how serde_json writes NaN.
pub fn nested_or_undefined<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Vec<f64>>, D::Error> {
    let rows: Vec<Vec<Option<f64>>> = serde::Deserialize::deserialize(d)?;
    Ok(rows
        .into_iter()
        .map(|r| r.into_iter().map(|x| x.unwrap_or(UNDEFINED)).collect())
        .collect())
}

/// What an indicator counts or measures: persons, pupils, a share (0..=1,
/// shown as a percentage), yuan, pupils per class or per teacher…
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorUnit {
    Persons,
    Pupils,
    /// A fraction in 0..=1 (shown as a percentage).
    Share,
    Seats,
    Places,
    Classes,
    Classrooms,
    /// Schools (所).
    Schools,
    Teachers,
    Trainees,
    Yuan,
    YuanPerPupil,
    PupilsPerClass,
    PupilsPerTeacher,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_rejects_out_of_range() {
        assert!(Share::new(-0.01).is_none());
        assert!(Share::new(1.01).is_none());
        assert!(Share::new(f64::NAN).is_none());
        assert_eq!(Share::new(0.5).unwrap().get(), 0.5);
        assert_eq!(Share::saturating(3.0).get(), 1.0);
        assert_eq!(Share::saturating(f64::NAN).get(), 0.0);
    }

    #[test]
    fn share_deserialises_with_a_message() {
        let e = serde_json::from_str::<Share>("1.5").unwrap_err().to_string();
        assert!(e.contains("not a share"), "{e}");
        assert_eq!(serde_json::from_str::<Share>("0.25").unwrap().get(), 0.25);
    }

    #[test]
    fn ratio_over_nothing_is_undefined() {
        assert!(!is_defined(ratio(3.0, 0.0)));
        assert!(!is_defined(ratio(0.0, 0.0)));
        assert_eq!(ratio(3.0, 2.0), 1.5);
        assert_eq!(ratio(0.0, 2.0), 0.0);
    }

    #[test]
    fn capping_keeps_undefined_undefined() {
        assert!(!is_defined(capped(ratio(1.0, 0.0), 1.0)));
        assert_eq!(capped(1.2, 1.0), 1.0);
        assert_eq!(capped(0.8, 1.0), 0.8);
    }
}
