//! A scenario: lever and assumption values by stable id, and their
//! resolution against a dataset into one value per lever and year.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::{lever_spec, levers, LeverKind, LeverSpec, LeverUnit};
use crate::dataset::Dataset;
use crate::error::ScenarioError;
use crate::units::Year;

/// One number for every projection year, or a value per year (years not
/// listed take the lever's default).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LeverValue {
    Constant(f64),
    ByYear(BTreeMap<String, f64>),
}

/// A scenario as written in files and read by the runner:
/// `{"name": "...", "levers": {id: value}, "assumptions": {id: value}}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default)]
    pub name: String,
    /// Policy levers that differ from the baseline.
    #[serde(default)]
    pub levers: BTreeMap<String, LeverValue>,
    /// Assumptions that differ from the baseline.
    #[serde(default)]
    pub assumptions: BTreeMap<String, LeverValue>,
    /// Seed of the uncertainty runs (the default seed when absent), so a
    /// scenario gives the same bands everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

impl Scenario {
    pub fn from_json(json: &str) -> Result<Scenario, ScenarioError> {
        serde_json::from_str(json).map_err(|e| ScenarioError::Json(e.to_string()))
    }

    /// Sets a lever in its proper section.
    pub fn set(&mut self, id: &str, value: LeverValue) -> Result<(), ScenarioError> {
        let spec = lever_spec(id).ok_or_else(|| ScenarioError::UnknownLever(id.to_string()))?;
        let section = match spec.kind {
            LeverKind::Policy => &mut self.levers,
            LeverKind::Assumption => &mut self.assumptions,
        };
        section.insert(id.to_string(), value);
        Ok(())
    }

    /// Returns a lever to its baseline (removes it from either section).
    pub fn unset(&mut self, id: &str) {
        self.levers.remove(id);
        self.assumptions.remove(id);
    }

    /// Checks every entry against the catalogue and the dataset's years.
    pub fn validate(&self, ds: &Dataset) -> Result<(), ScenarioError> {
        for (section, map) in [
            (LeverKind::Policy, &self.levers),
            (LeverKind::Assumption, &self.assumptions),
        ] {
            for (id, value) in map {
                let spec = lever_spec(id).ok_or_else(|| ScenarioError::UnknownLever(id.clone()))?;
                if spec.kind != section {
                    return Err(ScenarioError::WrongSection {
                        id: id.clone(),
                        expected: spec.kind.section(),
                    });
                }
                match value {
                    LeverValue::Constant(v) => check_value(spec, *v)?,
                    LeverValue::ByYear(by_year) => {
                        if !spec.per_year {
                            return Err(ScenarioError::NotPerYear { id: id.clone() });
                        }
                        for (y, v) in by_year {
                            parse_year(id, y, ds)?;
                            check_value(spec, *v)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

fn check_value(spec: &LeverSpec, v: f64) -> Result<(), ScenarioError> {
    if !v.is_finite() {
        return Err(ScenarioError::NotANumber {
            id: spec.id.to_string(),
        });
    }
    if spec.unit == LeverUnit::Order && crate::catalogue::levers::order_of(v).is_none() {
        return Err(ScenarioError::BadOrder {
            id: spec.id.to_string(),
            value: v,
        });
    }
    if v < spec.min || v > spec.max || (spec.unit == LeverUnit::Choice && v.fract() != 0.0) {
        return Err(ScenarioError::OutOfRange {
            id: spec.id.to_string(),
            value: v,
            min: spec.min,
            max: spec.max,
        });
    }
    Ok(())
}

fn parse_year(id: &str, y: &str, ds: &Dataset) -> Result<Year, ScenarioError> {
    let err = || ScenarioError::BadYear {
        id: id.to_string(),
        year: y.to_string(),
        first: ds.base_year + 1,
        last: ds.max_horizon,
    };
    let year: Year = y.trim().parse().map_err(|_| err())?;
    if year <= ds.base_year || year > ds.max_horizon {
        return Err(err());
    }
    Ok(year)
}

/// The baseline value of a lever for a dataset (dataset override or catalogue default).
pub fn default_value(spec: &LeverSpec, ds: &Dataset) -> f64 {
    ds.lever_defaults.get(spec.id).map_or(spec.default, |p| p.value)
}

/// Every lever's value for every year from the base year to `horizon`
/// (index 0 is the base year, where levers do not act).
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub base_year: Year,
    pub horizon: Year,
    values: Vec<Vec<f64>>,
}

impl Resolved {
    /// Resolves a validated scenario. Entries that fail validation are
    /// skipped (the caller validates first where it must reject them).
    pub fn new(ds: &Dataset, sc: &Scenario, horizon: Year) -> Resolved {
        let n = (horizon - ds.base_year + 1).max(1) as usize;
        let values = levers()
            .iter()
            .map(|spec| {
                let default = default_value(spec, ds);
                let mut row = vec![default; n];
                let given = match spec.kind {
                    LeverKind::Policy => sc.levers.get(spec.id),
                    LeverKind::Assumption => sc.assumptions.get(spec.id),
                };
                match given {
                    Some(LeverValue::Constant(v)) if check_value(spec, *v).is_ok() => {
                        row.iter_mut().skip(1).for_each(|x| *x = *v)
                    }
                    Some(LeverValue::ByYear(m)) if spec.per_year => {
                        for (y, v) in m {
                            if let (Ok(year), Ok(())) = (parse_year(spec.id, y, ds), check_value(spec, *v)) {
                                if let Some(x) = row.get_mut((year - ds.base_year) as usize) {
                                    *x = *v;
                                }
                            }
                        }
                    }
                    _ => {}
                }
                row
            })
            .collect();
        Resolved {
            base_year: ds.base_year,
            horizon,
            values,
        }
    }

    /// The yearly values of a lever (index 0 = base year).
    ///
    /// Engine code asks only for catalogue ids (a test checks each one), so
    /// the empty fallback is never seen in practice.
    pub fn series(&self, id: &str) -> &[f64] {
        match levers().iter().position(|l| l.id == id) {
            Some(i) => &self.values[i],
            None => {
                debug_assert!(false, "engine asked for unknown lever {id}");
                &[]
            }
        }
    }

    /// A lever's value in year index `t`, 0 if unknown.
    pub fn at(&self, id: &str, t: usize) -> f64 {
        self.series(id).get(t).copied().unwrap_or(0.0)
    }
}
