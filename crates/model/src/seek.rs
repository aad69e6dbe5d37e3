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
use crate::project::project;
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
    // a band target (45%–55%) is met on one stretch of the range: missed,
    // met, missed again is its normal shape, and the least met value answers
    let band = matches!(ds.targets[ti].rule, crate::targets::Rule::Between(..));
    let one_stretch = band && pattern.first() == Some(&false) && switches == 2;
    let outcome = if pattern.iter().all(|m| *m) {
        Outcome::MetAtMinimum {
            value: value_at(0),
            year,
        }
    } else if (switches > 1 && !one_stretch) || pattern.first() == Some(&true) {
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

/// The levers goal seeking may move: numeric policy levers; in budget mode
/// not those the money sets (nor the extra money itself), otherwise not the
/// budget levers.
pub fn candidates(budget_mode: bool) -> Vec<&'static str> {
    crate::catalogue::levers()
        .iter()
        .filter(|l| {
            l.kind == crate::catalogue::LeverKind::Policy
                && !matches!(
                    l.unit,
                    crate::catalogue::LeverUnit::Choice | crate::catalogue::LeverUnit::Order
                )
        })
        .filter(|l| {
            if budget_mode {
                !crate::budget::BOUGHT.contains(&l.id) && l.id != "budget.extra"
            } else {
                !l.id.starts_with("budget.")
            }
        })
        .map(|l| l.id)
        .collect()
}

/// A lever offered for a target, with how far it can move the target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked {
    pub lever: &'static str,
    /// The best gain in the target's margin (in the indicator's unit) with
    /// the lever at either end of its range, the other levers as in the
    /// scenario; infinite when it makes an undefined value defined.
    pub gain: f64,
}

impl Ranked {
    /// Whether moving the lever brings the target nearer its threshold.
    pub fn helps(&self) -> bool {
        self.gain > 1e-9
    }
}

/// The `candidates` ordered for `target`: the levers that move it towards its
/// threshold first, largest gain first, then the rest in the order given.
/// Costs two engine runs (to the target year) per candidate. An unknown
/// target or lever is kept with no gain.
pub fn rank_levers(ds: &Dataset, sc: &Scenario, target: &str, candidates: &[&'static str]) -> Vec<Ranked> {
    let Some(ti) = ds.targets.iter().position(|t| t.id == target) else {
        return candidates.iter().map(|l| Ranked { lever: l, gain: 0.0 }).collect();
    };
    let year = ds.targets[ti].year;
    let band = matches!(ds.targets[ti].rule, crate::targets::Rule::Between(..));
    let score = |s: &Scenario| {
        let r = &crate::project::project_to(ds, s, year).targets[ti];
        r.margin.unwrap_or(f64::NEG_INFINITY)
    };
    let now = score(sc);
    let mut out: Vec<Ranked> = candidates
        .iter()
        .map(|&lever| {
            let gain = lever_spec(lever).map_or(0.0, |spec| {
                // a band target may be met only inside the range: try its middle too
                let middle = band.then(|| spec.snap((spec.min + spec.max) / 2.0)).flatten();
                [Some(spec.min), middle, Some(spec.max)]
                    .into_iter()
                    .flatten()
                    .map(|v| {
                        let mut s = sc.clone();
                        s.levers.insert(lever.to_string(), LeverValue::Constant(v));
                        match (score(&s), now) {
                            (a, b) if a == b => 0.0,
                            (a, b) if b == f64::NEG_INFINITY => {
                                if a.is_finite() {
                                    f64::INFINITY
                                } else {
                                    0.0
                                }
                            }
                            (a, b) => a - b,
                        }
                    })
                    .fold(0.0, f64::max)
            });
            Ranked { lever, gain }
        })
        .collect();
    // a stable sort keeps the given order among levers that do not help
    out.sort_by(|a, b| {
        let key = |r: &Ranked| if r.helps() { r.gain } else { 0.0 };
        key(b).total_cmp(&key(a))
    });
    out
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

    /// The numeric policy levers (the app's candidates outside budget mode).
    fn candidates() -> Vec<&'static str> {
        crate::catalogue::levers()
            .iter()
            .filter(|l| l.kind == LeverKind::Policy && !matches!(l.unit, LeverUnit::Choice | LeverUnit::Order))
            .filter(|l| !l.id.starts_with("budget."))
            .map(|l| l.id)
            .collect()
    }

    /// Issue 14, kind 10: the trainee target is offered the trainee intake
    /// first, not new public kindergarten seats (the catalogue's first lever).
    #[test]
    fn the_levers_that_move_a_target_come_first() {
        let d = ds();
        let c = candidates();
        assert_eq!(c[0], "kg.public_seats", "the catalogue order the issue saw");
        let r = rank_levers(&d, &Scenario::default(), "trainees_double", &c);
        assert_eq!(r[0].lever, "trainees.intake");
        assert!(r[0].helps());
        assert!(!r.iter().find(|x| x.lever == "kg.public_seats").unwrap().helps());
        assert_eq!(r.len(), c.len(), "every lever is still offered");
        let r = rank_levers(&d, &Scenario::default(), "senior_staffing", &c);
        assert!(
            r[0].lever.starts_with("hires.senior") || r[0].lever.starts_with("rooms.senior"),
            "{:?}",
            &r[..3]
        );
        let r = rank_levers(&d, &Scenario::default(), "public_kg_share", &c);
        let helping: Vec<&str> = r.iter().take_while(|x| x.helps()).map(|x| x.lever).collect();
        assert!(
            helping.contains(&"kg.public_seats") && helping.contains(&"kg.convert_to_public"),
            "{helping:?}"
        );
        assert!(!helping.contains(&"trainees.intake"), "{helping:?}");
    }

    /// A band target (普职分流比例接近1:1, 45%–55%): the lever that sets the
    /// share is offered first and seeking it finds 45%, the least value in
    /// the band (found by the trial: it was "not monotone").
    #[test]
    fn a_band_target_is_sought_and_offered() {
        let d = ds();
        let r = rank_levers(&d, &Scenario::default(), "general_vocational", &candidates());
        assert_eq!(r[0].lever, "senior.general_share", "{:?}", &r[..3]);
        let found = seek(&d, &Scenario::default(), "general_vocational", "senior.general_share").unwrap();
        assert_eq!(
            found.outcome,
            Outcome::Found {
                value: 0.45,
                year: 2025
            }
        );
        assert!(met_with(&d, "general_vocational", "senior.general_share", 0.45));
        assert!(!met_with(&d, "general_vocational", "senior.general_share", 0.445));
    }

    /// For every target, the levers ranked as helping really move it: seeking
    /// the first one never answers "met at the minimum" for a missed target
    /// unless it was met there already, and the unhelpful ones leave the
    /// target's value where it was.
    #[test]
    fn ranking_agrees_with_the_engine_for_every_target() {
        let d = ds();
        let c = candidates();
        let base = project(&d, &Scenario::default());
        for t in &d.targets {
            let r = rank_levers(&d, &Scenario::default(), &t.id, &c);
            let helping: Vec<&str> = r.iter().filter(|x| x.helps()).map(|x| x.lever).collect();
            // helpers come first, then the rest in catalogue order
            let rest: Vec<&str> = r.iter().skip(helping.len()).map(|x| x.lever).collect();
            assert!(rest.iter().all(|l| !helping.contains(l)), "{}", t.id);
            let mut order = rest.clone();
            order.sort_by_key(|l| c.iter().position(|x| x == l));
            assert_eq!(rest, order, "{}: the rest keep catalogue order", t.id);
            if let Some(first) = helping.first() {
                let spec = lever_spec(first).unwrap();
                let moved = [spec.min, spec.max].iter().any(|v| {
                    let mut s = Scenario::default();
                    s.set(first, LeverValue::Constant(*v)).unwrap();
                    project(&d, &s).target(&t.id).unwrap().value != base.target(&t.id).unwrap().value
                });
                assert!(moved, "{}: {first} is said to help but does not move it", t.id);
            }
        }
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
