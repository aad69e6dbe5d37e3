//! Plan targets as data, evaluated on every projection year.

use serde::{Deserialize, Serialize};

use crate::text::Text;
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
    /// The source (an id in the dataset's `sources`) that sets the target,
    /// e.g. the work plan; empty when none is named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub src: String,
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

    /// Whether `value` meets the rule. An undefined value (or an undefined
    /// base for a relative rule) never meets it — see [`Rule::status`] for
    /// "neither met nor missed".
    pub fn met(&self, value: f64, base: f64) -> bool {
        self.status(value, base) == Status::Met
    }

    /// Met, missed, or undefined when the value or a bound is undefined
    /// (a ratio over nothing, or a relative rule on an undefined base year).
    pub fn status(&self, value: f64, base: f64) -> Status {
        let (lo, hi) = self.bounds(base);
        let defined = value.is_finite() && lo.is_none_or(f64::is_finite) && hi.is_none_or(f64::is_finite);
        if !defined {
            Status::Undefined
        } else if lo.is_none_or(|l| value >= l - EPS) && hi.is_none_or(|h| value <= h + EPS) {
            Status::Met
        } else {
            Status::Missed
        }
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

/// Where a target stands in its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Missed,
    /// The measured value is undefined (e.g. pupils per teacher with no
    /// teachers): neither met nor missed, shown as 不适用 / not applicable.
    Undefined,
    /// The target year lies past the projection horizon.
    Beyond,
}

impl Status {
    /// A stable lower-case key (`met`, `missed`, `undefined`, `beyond`), as
    /// in JSON; the app uses it as the CSS class of a status cell.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missed => "missed",
            Status::Undefined => "undefined",
            Status::Beyond => "beyond",
        }
    }
}

/// A target evaluated against a projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetResult {
    pub id: String,
    pub indicator: String,
    pub year: Year,
    /// The indicator in the target year (`None` when the year is past the
    /// horizon or the value is undefined; `status` says which).
    pub value: Option<f64>,
    pub threshold_low: Option<f64>,
    pub threshold_high: Option<f64>,
    pub status: Status,
    /// Signed distance to the threshold in the target year (`None` unless
    /// met or missed).
    pub margin: Option<f64>,
    /// First projection year (after the base year) in which it is met.
    pub first_year_met: Option<Year>,
    /// Met or not for each year of the projection (index 0 = base year).
    pub met_by_year: Vec<bool>,
}

impl TargetResult {
    /// Met in the target year.
    pub fn is_met(&self) -> bool {
        self.status == Status::Met
    }

    /// Met (`Some(true)`), missed (`Some(false)`) or neither (`None`: undefined
    /// or past the horizon) — the runner's `met` field.
    pub fn met(&self) -> Option<bool> {
        match self.status {
            Status::Met => Some(true),
            Status::Missed => Some(false),
            Status::Undefined | Status::Beyond => None,
        }
    }

    /// The threshold as the board shows it: "≥ 95.0%", "≤ 5.0%", "45.0%～55.0%"
    /// (～ between numbers in Chinese, – in English).
    pub fn threshold_text(&self, unit: crate::catalogue::IndicatorUnit, loc: crate::format::Locale) -> String {
        let f = |x: f64| crate::format::value(x, unit, loc);
        match (self.threshold_low, self.threshold_high) {
            (Some(a), Some(b)) => format!("{}{}{}", f(a), crate::format::range_dash(loc), f(b)),
            (Some(a), None) => format!("≥ {}", f(a)),
            (None, Some(b)) => format!("≤ {}", f(b)),
            (None, None) => crate::format::NO_VALUE.into(),
        }
    }

    /// The value as the board, slides and brief show it: with the decimals
    /// that keep it from reading as equal to a threshold it misses or meets
    /// ("—" past the horizon or when undefined).
    pub fn shown(&self, unit: crate::catalogue::IndicatorUnit, loc: crate::format::Locale) -> String {
        let thresholds: Vec<f64> = [self.threshold_low, self.threshold_high]
            .into_iter()
            .flatten()
            .collect();
        self.value.map_or_else(
            || crate::format::NO_VALUE.to_string(),
            |v| crate::format::value_near(v, &thresholds, unit, loc),
        )
    }
}

/// Evaluates one target on a series (index 0 = base year).
pub fn evaluate(spec: &TargetSpec, years: &[Year], series: &[f64]) -> TargetResult {
    let base = series.first().copied().unwrap_or(0.0);
    let met_by_year: Vec<bool> = series.iter().map(|v| spec.rule.met(*v, base)).collect();
    let idx = years.iter().position(|y| *y == spec.year);
    let raw = idx.and_then(|i| series.get(i).copied());
    let status = raw.map_or(Status::Beyond, |v| spec.rule.status(v, base));
    let judged = matches!(status, Status::Met | Status::Missed);
    let value = raw.filter(|v| crate::units::is_defined(*v));
    let (lo, hi) = spec.rule.bounds(base);
    let defined = |b: Option<f64>| b.filter(|x| x.is_finite());
    TargetResult {
        id: spec.id.clone(),
        indicator: spec.indicator.clone(),
        year: spec.year,
        value,
        threshold_low: defined(lo),
        threshold_high: defined(hi),
        status,
        margin: raw.filter(|_| judged).map(|v| spec.rule.margin(v, base)),
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
            src: String::new(),
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
        assert_eq!(r.status, Status::Missed);
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
        assert_eq!(r.status, Status::Met);
        let r = evaluate(&spec(Rule::AtLeastBaseTimes(2.0), 2021), &[2020, 2021], &[30.0, 59.0]);
        assert_eq!(r.status, Status::Missed);
    }

    #[test]
    fn band_and_beyond_horizon() {
        let s = spec(Rule::Between(0.45, 0.55), 2040);
        let r = evaluate(&s, &[2020, 2021], &[0.6, 0.5]);
        assert_eq!(r.value, None);
        assert_eq!(r.status, Status::Beyond);
        assert_eq!(r.first_year_met, Some(2021));
        assert!(Rule::Between(0.45, 0.55).met(0.45, 0.0));
        assert!(!Rule::Between(0.45, 0.55).met(0.56, 0.0));
        assert!(Rule::AtMost(0.0).met(0.0, 0.0));
        assert!(!Rule::AtMost(0.0).met(0.001, 0.0));
    }

    /// Issue 14, kind 4: pupils per teacher with no teachers is undefined,
    /// and "at most 12.5" on it is neither met nor missed.
    #[test]
    fn an_undefined_value_is_neither_met_nor_missed() {
        let nan = crate::units::UNDEFINED;
        let r = evaluate(&spec(Rule::AtMost(12.5), 2021), &[2020, 2021], &[11.0, nan]);
        assert_eq!(r.status, Status::Undefined);
        assert_eq!((r.value, r.margin, r.met()), (None, None, None));
        assert!(!r.is_met());
        assert_eq!(r.met_by_year, vec![true, false]);
        assert_eq!(r.first_year_met, None);
        // a relative rule on an undefined base year is undefined in every year
        let r = evaluate(&spec(Rule::AtLeastBasePlus(100.0), 2021), &[2020, 2021], &[nan, 900.0]);
        assert_eq!(r.status, Status::Undefined);
        assert_eq!(r.threshold_low, None);
        // and a defined value still compares as before
        let r = evaluate(&spec(Rule::AtMost(12.5), 2021), &[2020, 2021], &[nan, 12.0]);
        assert_eq!(r.status, Status::Met);
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
            status: Status::Missed,
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
        assert_eq!(past.shown(IndicatorUnit::Share, Locale::Zh), "—");
    }
}
