//! Plan targets as data, evaluated on every projection year.

use serde::{Deserialize, Serialize};

use crate::dataset::Text;
use crate::units::Year;

/// How a value is compared with its threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    AtLeast(f64),
    AtMost(f64),
    /// Inclusive band `[low, high]`.
    Between(f64, f64),
    /// At least the base-year value plus this amount (e.g. +300 yuan).
    AtLeastBasePlus(f64),
    /// At least the base-year value times this factor (e.g. ×2 trainees).
    AtLeastBaseTimes(f64),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetSpec {
    pub id: String,
    /// The work plan's wording.
    pub label: Text,
    /// The indicator id measured (county or `<id>@<zone>`).
    pub indicator: String,
    pub rule: Rule,
    /// The year in which the target must be met.
    pub year: Year,
    /// Where the target comes from (work plan, national rule, …).
    #[serde(default)]
    pub note: Text,
}

/// Tolerance for comparing with a threshold: values are reported to one
/// decimal of a percent at best, and this keeps 0.95 − 1e-15 from "missing" 95%.
const EPS: f64 = 1e-9;

impl TargetSpec {
    /// The unit of the measured indicator. A loaded dataset's targets name known
    /// indicators (validation checks it); an unknown one reads as a count.
    pub fn unit(&self) -> crate::catalogue::IndicatorUnit {
        crate::catalogue::indicator_spec(&self.indicator).map_or(crate::catalogue::IndicatorUnit::Persons, |s| s.unit)
    }
}

impl Rule {
    /// The (low, high) bounds for a given base-year value; `None` = unbounded.
    pub fn bounds(&self, base: f64) -> (Option<f64>, Option<f64>) {
        match *self {
            Rule::AtLeast(x) => (Some(x), None),
            Rule::AtMost(x) => (None, Some(x)),
            Rule::Between(a, b) => (Some(a), Some(b)),
            Rule::AtLeastBasePlus(x) => (Some(base + x), None),
            Rule::AtLeastBaseTimes(x) => (Some(base * x), None),
        }
    }

    pub fn met(&self, value: f64, base: f64) -> bool {
        let (lo, hi) = self.bounds(base);
        value.is_finite() && lo.is_none_or(|l| value >= l - EPS) && hi.is_none_or(|h| value <= h + EPS)
    }

    /// Signed distance to the nearest bound: positive when met (by how much),
    /// negative when missed (by how much).
    pub fn margin(&self, value: f64, base: f64) -> f64 {
        let (lo, hi) = self.bounds(base);
        let a = lo.map_or(f64::INFINITY, |l| value - l);
        let b = hi.map_or(f64::INFINITY, |h| h - value);
        a.min(b)
    }
}

/// A target evaluated against a projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetResult {
    pub id: String,
    pub indicator: String,
    pub year: Year,
    /// The indicator in the target year (`None` when the year is past the horizon).
    pub value: Option<f64>,
    pub threshold_low: Option<f64>,
    pub threshold_high: Option<f64>,
    pub met: Option<bool>,
    /// Signed distance to the threshold in the target year.
    pub margin: Option<f64>,
    /// First projection year (after the base year) in which it is met.
    pub first_year_met: Option<Year>,
    /// Met or not for each year of the projection (index 0 = base year).
    pub met_by_year: Vec<bool>,
}

impl TargetResult {
    /// The value as the board, slides and brief show it: with the decimals
    /// that keep it from reading as equal to a threshold it misses or meets
    /// ("–" past the horizon).
    pub fn shown(&self, unit: crate::catalogue::IndicatorUnit, loc: crate::format::Locale) -> String {
        let thresholds: Vec<f64> = [self.threshold_low, self.threshold_high]
            .into_iter()
            .flatten()
            .collect();
        self.value.map_or_else(
            || "–".to_string(),
            |v| crate::format::value_near(v, &thresholds, unit, loc),
        )
    }
}

/// Evaluates one target on a series (index 0 = base year).
pub fn evaluate(spec: &TargetSpec, years: &[Year], series: &[f64]) -> TargetResult {
    let base = series.first().copied().unwrap_or(0.0);
    let met_by_year: Vec<bool> = series.iter().map(|v| spec.rule.met(*v, base)).collect();
    let idx = years.iter().position(|y| *y == spec.year);
    let value = idx.and_then(|i| series.get(i).copied());
    let (lo, hi) = spec.rule.bounds(base);
    TargetResult {
        id: spec.id.clone(),
        indicator: spec.indicator.clone(),
        year: spec.year,
        value,
        threshold_low: lo,
        threshold_high: hi,
        met: value.map(|v| spec.rule.met(v, base)),
        margin: value.map(|v| spec.rule.margin(v, base)),
        first_year_met: years
            .iter()
            .zip(&met_by_year)
            .skip(1)
            .find(|(_, m)| **m)
            .map(|(y, _)| *y),
        met_by_year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(rule: Rule, year: Year) -> TargetSpec {
        TargetSpec {
            id: "t".into(),
            label: Text::default(),
            indicator: "kg.ger".into(),
            rule,
            year,
            note: Text::default(),
        }
    }

    #[test]
    fn at_least_with_first_year() {
        let r = evaluate(
            &spec(Rule::AtLeast(0.95), 2022),
            &[2020, 2021, 2022, 2023],
            &[0.9, 0.96, 0.94, 0.97],
        );
        assert_eq!(r.value, Some(0.94));
        assert_eq!(r.met, Some(false));
        assert_eq!(r.first_year_met, Some(2021));
        assert!((r.margin.unwrap() + 0.01).abs() < 1e-12);
    }

    #[test]
    fn relative_rules_use_the_base_year() {
        let r = evaluate(
            &spec(Rule::AtLeastBasePlus(300.0), 2023),
            &[2020, 2021, 2022, 2023],
            &[650.0, 750.0, 850.0, 950.0],
        );
        assert_eq!(r.threshold_low, Some(950.0));
        assert_eq!(r.met, Some(true));
        let r = evaluate(&spec(Rule::AtLeastBaseTimes(2.0), 2021), &[2020, 2021], &[30.0, 59.0]);
        assert_eq!(r.met, Some(false));
    }

    #[test]
    fn band_and_beyond_horizon() {
        let s = spec(Rule::Between(0.45, 0.55), 2040);
        let r = evaluate(&s, &[2020, 2021], &[0.6, 0.5]);
        assert_eq!(r.value, None);
        assert_eq!(r.met, None);
        assert_eq!(r.first_year_met, Some(2021));
        assert!(Rule::Between(0.45, 0.55).met(0.45, 0.0));
        assert!(!Rule::Between(0.45, 0.55).met(0.56, 0.0));
        assert!(Rule::AtMost(0.0).met(0.0, 0.0));
        assert!(!Rule::AtMost(0.0).met(0.001, 0.0));
    }
}

#[cfg(test)]
mod shown_tests {
    use super::*;
    use crate::catalogue::IndicatorUnit;
    use crate::format::Locale;

    /// "95.0% ≥ 95.0% 未达成" must not happen: a missed value just under its
    /// threshold shows the digits that make it visibly under.
    #[test]
    fn a_missed_value_never_reads_as_its_threshold() {
        let r = TargetResult {
            id: "kg_ger".into(),
            indicator: "kg.ger".into(),
            year: 2025,
            value: Some(0.94996),
            threshold_low: Some(0.95),
            threshold_high: None,
            met: Some(false),
            margin: Some(-0.00004),
            first_year_met: None,
            met_by_year: vec![],
        };
        assert_eq!(r.shown(IndicatorUnit::Share, Locale::Zh), "94.996%");
        let band = TargetResult {
            value: Some(0.55001),
            threshold_low: Some(0.45),
            threshold_high: Some(0.55),
            ..r.clone()
        };
        assert_eq!(band.shown(IndicatorUnit::Share, Locale::En), "55.001%");
        let past = TargetResult { value: None, ..r };
        assert_eq!(past.shown(IndicatorUnit::Share, Locale::Zh), "–");
    }
}
