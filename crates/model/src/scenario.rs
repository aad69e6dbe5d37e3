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
    /// Schools merged into others (撤并), each from a year (issue 18).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<crate::network::Merge>,
    /// Schools the scenario opens, each from a year (issue 18).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_schools: Vec<crate::network::NewSchool>,
    /// Boarding places at schools, each from a year (issue 18).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boarding: Vec<crate::network::Boarding>,
}

impl Scenario {
    pub fn from_json(json: &str) -> Result<Scenario, ScenarioError> {
        serde_json::from_str(json).map_err(|e| ScenarioError::Json(e.to_string()))
    }

    /// Reads a scenario file's bytes: the one reader of the app and the
    /// runner. UTF-8 with or without a BOM, or UTF-16 with a BOM; anything
    /// else (a GBK file, say) is [`ScenarioError::Encoding`], never a garbled name.
    pub fn from_file_bytes(bytes: &[u8]) -> Result<Scenario, ScenarioError> {
        let utf16 = |le: bool| {
            let units = bytes[2..].chunks_exact(2).map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            });
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .map_err(|_| ScenarioError::Encoding)
        };
        let text = match bytes {
            [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
                .map(str::to_string)
                .map_err(|_| ScenarioError::Encoding)?,
            [0xFF, 0xFE, ..] => utf16(true)?,
            [0xFE, 0xFF, ..] => utf16(false)?,
            _ => std::str::from_utf8(bytes)
                .map(str::to_string)
                .map_err(|_| ScenarioError::Encoding)?,
        };
        Scenario::from_json(&text)
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
        use crate::network as net;
        net::validate_new(&self.new_schools, ds).map_err(ScenarioError::NewSchool)?;
        // the register with the new schools, built once for both checks
        let ext = net::with_new_schools(ds, &self.new_schools);
        net::validate_merges_on(&self.merges, &self.new_schools, &ext).map_err(ScenarioError::Merge)?;
        net::validate_boarding_on(&self.boarding, &self.new_schools, &self.merges, &ext)
            .map_err(ScenarioError::Boarding)
    }

    /// Whether the scenario changes the school network (merges, new schools, boarding).
    pub fn changes_network(&self) -> bool {
        !(self.merges.is_empty() && self.new_schools.is_empty() && self.boarding.is_empty())
    }
}

/// The one rule for a lever value: finite, inside the range, whole for a
/// choice, a real programme order for the order lever.
pub(crate) fn check_value(spec: &LeverSpec, v: f64) -> Result<(), ScenarioError> {
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
    /// The scenario's school merges when they are valid on the dataset (none
    /// otherwise: the caller validates first where it must reject them).
    pub merges: Vec<crate::network::Merge>,
    /// Its new schools when valid (none otherwise).
    pub new_schools: Vec<crate::network::NewSchool>,
    /// Its boarding places when valid (none otherwise).
    pub boarding: Vec<crate::network::Boarding>,
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
        let new_schools = match crate::network::validate_new(&sc.new_schools, ds) {
            Ok(()) => sc.new_schools.clone(),
            Err(_) => Vec::new(),
        };
        let ext = crate::network::with_new_schools(ds, &new_schools);
        let merges = match crate::network::validate_merges_on(&sc.merges, &new_schools, &ext) {
            Ok(()) => sc.merges.clone(),
            Err(_) => Vec::new(),
        };
        let boarding = match crate::network::validate_boarding_on(&sc.boarding, &new_schools, &merges, &ext) {
            Ok(()) => sc.boarding.clone(),
            Err(_) => Vec::new(),
        };
        Resolved {
            base_year: ds.base_year,
            horizon,
            values,
            merges,
            new_schools,
            boarding,
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

#[cfg(test)]
mod file_tests {
    use super::*;

    #[test]
    fn one_reader_for_scenario_files() {
        let json = r#"{"name":"方案乙","levers":{"kg.public_seats":800}}"#;
        let plain = Scenario::from_file_bytes(json.as_bytes()).unwrap();
        assert_eq!(plain.name, "方案乙");
        // the issue's example: UTF-8 with a BOM reads the same
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(json.as_bytes());
        assert_eq!(Scenario::from_file_bytes(&bom).unwrap(), plain);
        // others of the kind: UTF-16 either way round with its BOM
        for le in [true, false] {
            let mut b = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
            for u in json.encode_utf16() {
                b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            assert_eq!(Scenario::from_file_bytes(&b).unwrap(), plain, "utf-16 le={le}");
        }
        // GBK (方案乙 = B7 BD B0 B8 D2 D2): an encoding error, never a garbled name
        let gbk: Vec<u8> = [
            &br#"{"name":""#[..],
            &[0xB7, 0xBD, 0xB0, 0xB8, 0xD2, 0xD2],
            &br#""}"#[..],
        ]
        .concat();
        assert_eq!(Scenario::from_file_bytes(&gbk), Err(ScenarioError::Encoding));
        assert!(matches!(Scenario::from_file_bytes(b"{"), Err(ScenarioError::Json(_))));
        // cut files never panic
        assert!(Scenario::from_file_bytes(&[0xFF, 0xFE, 0x7B]).is_err());
        assert_eq!(Scenario::from_file_bytes(&[0xFF]), Err(ScenarioError::Encoding));
    }
}
