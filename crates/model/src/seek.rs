//! Goal seeking: the least value of one lever (the same every projection
//! year) that meets a target in its year, by bisection over the lever's grid
//! on the deterministic engine.
//!
//! Bisection is only right when the response is monotone: the lever is first
//! sampled across its range, and a non-monotone pattern is reported instead of
//! an answer. Every answer is verified: met at the answer, not met one step
//! below it.

use serde::Serialize;

use crate::catalogue::{lever_spec, LeverKind, LeverUnit};
use crate::dataset::Dataset;
use crate::engine::project;
use crate::scenario::{LeverValue, Scenario};
use crate::units::Year;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// The least value that meets the target (on the lever's grid).
    Found { value: f64, year: Year },
    /// Already met with the lever at its minimum.
    MetAtMinimum { value: f64, year: Year },
    /// Not met anywhere in the lever's range.
    Unreachable { max: f64, year: Year },
    /// Met at some values and not at others, not in one switch: no single answer.
    NotMonotone { year: Year },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeekResult {
    pub target: String,
    pub lever: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Engine runs used.
    pub evaluations: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SeekError {
    UnknownTarget(String),
    UnknownLever(String),
    /// Only numeric policy levers can be sought.
    NotSeekable(String),
}

impl std::fmt::Display for SeekError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeekError::UnknownTarget(t) => write!(f, "unknown target '{t}' (run `eduplan targets`)"),
            SeekError::UnknownLever(l) => write!(f, "unknown lever '{l}' (run `eduplan levers`)"),
            SeekError::NotSeekable(l) => write!(
                f,
                "lever '{l}' is an assumption or a choice; goal seeking moves numeric policy levers"
            ),
        }
    }
}

impl std::error::Error for SeekError {}

/// Seeks the least value of `lever` that meets `target` in its year, the other
/// levers as in `sc`.
pub fn seek(ds: &Dataset, sc: &Scenario, target: &str, lever: &str) -> Result<SeekResult, SeekError> {
    let ti = ds
        .targets
        .iter()
        .position(|t| t.id == target)
        .ok_or_else(|| SeekError::UnknownTarget(target.into()))?;
    let spec = lever_spec(lever).ok_or_else(|| SeekError::UnknownLever(lever.into()))?;
    if spec.kind != LeverKind::Policy || spec.unit == LeverUnit::Choice {
        return Err(SeekError::NotSeekable(lever.into()));
    }
    let year = ds.targets[ti].year;
    let steps = ((spec.max - spec.min) / spec.step).round().max(0.0) as i64;
    let value_at = |k: i64| -> f64 {
        let v = spec.min + k as f64 * spec.step;
        ((v * 1e9).round() / 1e9).clamp(spec.min, spec.max)
    };
    let mut evaluations = 0u32;
    let mut met = |k: i64| -> bool {
        evaluations += 1;
        let mut s = sc.clone();
        s.levers.insert(lever.to_string(), LeverValue::Constant(value_at(k)));
        project(ds, &s).targets[ti].is_met()
    };
    // sample the range: the pattern must switch from "missed" to "met" at most once
    let samples: Vec<i64> = {
        let mut v: Vec<i64> = (0..=8).map(|i| steps * i / 8).collect();
        v.dedup();
        v
    };
    let pattern: Vec<bool> = samples.iter().map(|k| met(*k)).collect();
    let switches = pattern.windows(2).filter(|w| w[0] != w[1]).count();
    let outcome = if pattern.iter().all(|m| *m) {
        Outcome::MetAtMinimum {
            value: value_at(0),
            year,
        }
    } else if switches > 1 || pattern.first() == Some(&true) {
        Outcome::NotMonotone { year }
    } else if pattern.iter().all(|m| !*m) {
        Outcome::Unreachable { max: spec.max, year }
    } else {
        // the switch lies between two samples: bisect there
        let i = pattern.iter().position(|m| *m).unwrap_or(pattern.len() - 1);
        let (mut lo, mut hi) = (samples[i - 1], samples[i]); // missed at lo, met at hi
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if met(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Outcome::Found {
            value: value_at(hi),
            year,
        }
    };
    Ok(SeekResult {
        target: target.into(),
        lever: lever.into(),
        outcome,
        evaluations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        Dataset::default_dataset().unwrap()
    }

    fn met_with(d: &Dataset, target: &str, lever: &str, v: f64) -> bool {
        let mut s = Scenario::default();
        s.set(lever, LeverValue::Constant(v)).unwrap();
        project(d, &s).target(target).is_some_and(|t| t.is_met())
    }

    #[test]
    fn answers_are_met_and_one_step_below_is_not() {
        let d = ds();
        for (target, lever) in [
            ("senior_ger", "senior.progression"),
            ("trainees_double", "trainees.intake"),
            ("primary_funds", "funds.step.primary"),
            ("senior_staffing", "hires.senior"),
        ] {
            let r = seek(&d, &Scenario::default(), target, lever).unwrap();
            let Outcome::Found { value, .. } = r.outcome else {
                panic!("{target}/{lever}: {r:?}")
            };
            let step = lever_spec(lever).unwrap().step;
            assert!(met_with(&d, target, lever, value), "{target}: met at {value}");
            assert!(
                !met_with(&d, target, lever, value - step),
                "{target}: not met at {}",
                value - step
            );
            assert!(r.evaluations < 30, "{} runs", r.evaluations);
        }
    }

    #[test]
    fn doubling_trainees_needs_sixty() {
        let r = seek(&ds(), &Scenario::default(), "trainees_double", "trainees.intake").unwrap();
        assert_eq!(
            r.outcome,
            Outcome::Found {
                value: 60.0,
                year: 2021
            }
        );
    }

    #[test]
    fn unreachable_already_met_and_errors() {
        let d = ds();
        // the staffing norm of senior high cannot be met by building kindergartens
        let r = seek(&d, &Scenario::default(), "senior_staffing", "kg.public_seats").unwrap();
        assert!(matches!(r.outcome, Outcome::Unreachable { .. }), "{r:?}");
        let r = seek(&d, &Scenario::default(), "public_kg_share", "kg.public_seats").unwrap();
        assert!(matches!(r.outcome, Outcome::MetAtMinimum { .. }), "{r:?}");
        assert!(matches!(
            seek(&d, &Scenario::default(), "nope", "kg.public_seats"),
            Err(SeekError::UnknownTarget(_))
        ));
        assert!(matches!(
            seek(&d, &Scenario::default(), "kg_ger", "births.variant"),
            Err(SeekError::NotSeekable(_))
        ));
    }
}
