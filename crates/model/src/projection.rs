//! A projection: every indicator for every year, and the targets evaluated on it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalogue::{indicator_index, indicators};
use crate::dataset::Dataset;
use crate::record::Rec;
use crate::rows::Rows;
use crate::targets::{evaluate, TargetResult};
use crate::units::Year;

/// Equality treats two undefined values as equal (the same projection twice
/// is equal even where a ratio is undefined, which NaN alone would deny).
#[derive(Clone, Debug)]
pub struct Projection {
    pub years: Vec<Year>,
    /// County series in catalogue order: `series[indicator][year index]`.
    pub series: Rows,
    /// Zone ids, in dataset order.
    pub zones: Vec<String>,
    /// Zonal series: (catalogue index, `[zone][year]`), in catalogue order.
    pub zone_series: Vec<(usize, Rows)>,
    pub targets: Vec<TargetResult>,
    /// The raw yearly records (for tests and diagnostics).
    pub records: Vec<Rec>,
    /// Budget mode: what each year's extra money bought (empty otherwise).
    pub purchases: Vec<crate::purchase::Purchase>,
    /// Budget mode: the quantity scenario those purchases amount to.
    pub derived: Option<crate::scenario::Scenario>,
}

impl PartialEq for Projection {
    fn eq(&self, o: &Self) -> bool {
        // `Rows` treats two undefined values as equal
        self.years == o.years
            && self.series == o.series
            && self.zones == o.zones
            && self.zone_series == o.zone_series
            && self.targets == o.targets
            && self.records == o.records
            && self.purchases == o.purchases
            && self.derived == o.derived
    }
}

impl Projection {
    pub(crate) fn from_records(ds: &Dataset, records: Vec<Rec>) -> Projection {
        let years: Vec<Year> = (0..records.len()).map(|i| ds.base_year + i as i32).collect();
        let specs = indicators();
        let mut series = Rows::with_width(records.len(), specs.len());
        for s in specs {
            series.push(records.iter().map(|r| finite((s.get)(r))));
        }
        let nz = ds.zones.len();
        let zone_series = specs
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let g = s.get_zone.as_ref()?;
                let mut by_zone = Rows::with_width(records.len(), nz);
                for z in 0..nz {
                    by_zone.push(records.iter().map(|r| r.zones.get(z).map_or(0.0, |zr| finite(g(zr)))));
                }
                Some((i, by_zone))
            })
            .collect();
        let zones = ds.zones.iter().map(|z| z.id.clone()).collect();
        let mut p = Projection {
            years,
            series,
            zones,
            zone_series,
            targets: Vec::new(),
            records,
            purchases: Vec::new(),
            derived: None,
        };
        p.targets = ds
            .targets
            .iter()
            .map(|t| evaluate(t, &p.years, p.get(&t.indicator).unwrap_or(&[])))
            .collect();
        p
    }

    /// A series by id (county `a.b` or zonal `a.b@zone`).
    pub fn get(&self, id: &str) -> Option<&[f64]> {
        match id.split_once('@') {
            Some((base, zone)) => {
                let i = indicator_index(base)?;
                let z = self.zones.iter().position(|x| x == zone)?;
                let k = self.zone_series.binary_search_by_key(&i, |(j, _)| *j).ok()?;
                self.zone_series[k].1.get(z)
            }
            None => indicator_index(id).and_then(|i| self.series.get(i)),
        }
    }

    /// Every zonal series as (`<indicator>@<zone>`, values).
    pub fn zonal(&self) -> impl Iterator<Item = (String, &[f64])> {
        let specs = indicators();
        self.zone_series.iter().flat_map(move |(i, by_zone)| {
            self.zones
                .iter()
                .zip(by_zone)
                .map(move |(z, v)| (format!("{}@{z}", specs[*i].id), v))
        })
    }

    /// The value of an indicator in a year.
    pub fn value(&self, id: &str, year: Year) -> Option<f64> {
        let i = self.years.iter().position(|y| *y == year)?;
        self.get(id)?.get(i).copied()
    }

    pub fn target(&self, id: &str) -> Option<&TargetResult> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// The runner's JSON: `{years, indicators: {id: [...]}, targets: [...]}`.
    pub fn to_json(&self, include_zones: bool) -> serde_json::Value {
        #[derive(Serialize)]
        struct Out<'a> {
            years: &'a [Year],
            indicators: BTreeMap<&'a str, &'a [f64]>,
            targets: Vec<TargetOut<'a>>,
            /// Budget mode: what each year's money bought.
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            purchases: &'a [crate::purchase::Purchase],
        }
        #[derive(Serialize)]
        struct TargetOut<'a> {
            id: &'a str,
            indicator: &'a str,
            year: Year,
            value: Option<f64>,
            threshold: Option<f64>,
            threshold_low: Option<f64>,
            threshold_high: Option<f64>,
            met: Option<bool>,
            status: crate::targets::Status,
            first_year_met: Option<Year>,
        }
        let zonal: Vec<(String, &[f64])> = if include_zones {
            self.zonal().collect()
        } else {
            Vec::new()
        };
        let mut ind: BTreeMap<&str, &[f64]> = indicators()
            .iter()
            .zip(&self.series)
            .map(|(s, v)| (s.id.as_str(), v))
            .collect();
        for (k, v) in &zonal {
            ind.insert(k.as_str(), v);
        }
        let targets = self
            .targets
            .iter()
            .map(|t| TargetOut {
                id: &t.id,
                indicator: &t.indicator,
                year: t.year,
                value: t.value,
                threshold: t.threshold_low.or(t.threshold_high),
                threshold_low: t.threshold_low,
                threshold_high: t.threshold_high,
                met: t.met(),
                status: t.status,
                first_year_met: t.first_year_met,
            })
            .collect();
        serde_json::to_value(Out {
            years: &self.years,
            indicators: ind,
            targets,
            purchases: &self.purchases,
        })
        .unwrap_or(serde_json::Value::Null)
    }

    /// CSV: one row per indicator (`indicator,unit,<year>…`), zonal rows after county ones.
    pub fn to_csv(&self, include_zones: bool) -> String {
        let mut out = String::from("indicator,unit");
        for y in &self.years {
            out.push_str(&format!(",{y}"));
        }
        out.push('\n');
        let unit = |id: &str| {
            crate::catalogue::indicator_spec(id)
                .map(|s| {
                    serde_json::to_value(s.unit)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .unwrap_or_default()
        };
        let mut row = |id: &str, v: &[f64]| {
            out.push_str(id);
            out.push(',');
            out.push_str(&unit(id));
            for x in v {
                out.push_str(&format!(",{}", fmt_num(*x)));
            }
            out.push('\n');
        };
        for (s, v) in indicators().iter().zip(&self.series) {
            row(&s.id, v);
        }
        if include_zones {
            for (k, v) in self.zonal() {
                row(&k, v);
            }
        }
        out
    }
}

/// Shortest round-trip text for a number (integers without a decimal point;
/// an undefined value as an empty cell).
fn fmt_num(x: f64) -> String {
    if !crate::units::is_defined(x) {
        String::new()
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Indicators are finite or [`UNDEFINED`](crate::units::UNDEFINED) (a ratio
/// over nothing); this is the last guard so an infinity, which no indicator
/// should produce, is reported as undefined rather than as a number.
/// One Monte Carlo draw's outcomes without building its whole projection:
/// every county indicator's value in every year (`value(indicator, year,
/// v)`, catalogue order; undefined where not finite, as in
/// [`Projection::series`]), and a count in `met[k]` when dataset target k is
/// met (as [`Projection::targets`] would judge it).
pub(crate) fn draw_outcomes(
    ds: &Dataset,
    years: &[Year],
    records: &[Rec],
    mut value: impl FnMut(usize, usize, f64),
    met: &mut [u32],
) {
    let specs = indicators();
    for (i, s) in specs.iter().enumerate() {
        for (y, r) in records.iter().enumerate() {
            value(i, y, finite((s.get)(r)));
        }
    }
    let mut series = Vec::with_capacity(records.len());
    for (k, t) in ds.targets.iter().enumerate() {
        series.clear();
        let found = target_series(ds, records, &t.indicator, &mut series);
        if evaluate(t, years, if found { &series } else { &[] }).is_met() {
            if let Some(m) = met.get_mut(k) {
                *m += 1;
            }
        }
    }
}

/// The series a target reads (county `a.b` or zonal `a.b@zone`), as
/// [`Projection::get`] finds it; false when there is none.
fn target_series(ds: &Dataset, records: &[Rec], id: &str, out: &mut Vec<f64>) -> bool {
    let specs = indicators();
    match id.split_once('@') {
        Some((base, zone)) => {
            let get = indicator_index(base).and_then(|i| specs[i].get_zone.as_ref());
            let z = ds.zones.iter().position(|x| x.id == zone);
            let (Some(g), Some(z)) = (get, z) else {
                return false;
            };
            out.extend(records.iter().map(|r| r.zones.get(z).map_or(0.0, |zr| finite(g(zr)))));
            true
        }
        None => match indicator_index(id) {
            Some(i) => {
                out.extend(records.iter().map(|r| finite((specs[i].get)(r))));
                true
            }
            None => false,
        },
    }
}

fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        crate::units::UNDEFINED
    }
}
