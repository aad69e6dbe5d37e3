//! The min/max matrix (SDEverywhere's "checks"): every lever at its minimum
//! and at its maximum, alone and all together, keeps every indicator finite
//! and in range.

use eduplan_model::catalogue::{indicators, levers, IndicatorUnit};
use eduplan_model::{project, Dataset, LeverValue, Scenario};

fn check(name: &str, ds: &Dataset, s: &Scenario) {
    s.validate(ds)
        .unwrap_or_else(|e| panic!("{name}: scenario invalid: {e}"));
    let p = project(ds, s);
    for (t, r) in p.records.iter().enumerate() {
        for spec in indicators() {
            let v = spec.value(r);
            assert!(v.is_finite(), "{name}: {} in {} is {v}", spec.id, p.years[t]);
            match spec.unit {
                IndicatorUnit::Share => assert!(
                    (-1e-9..=1.0 + 1e-9).contains(&v),
                    "{name}: {} in {} = {v}",
                    spec.id,
                    p.years[t]
                ),
                _ if spec.id.contains("gap") => {}
                _ => assert!(v >= -1e-9, "{name}: {} in {} = {v}", spec.id, p.years[t]),
            }
        }
    }
}

fn at(ext: fn(&eduplan_model::catalogue::LeverSpec) -> f64, only: Option<&str>) -> Scenario {
    let mut s = Scenario::default();
    for l in levers() {
        if only.is_none_or(|id| id == l.id) {
            s.set(l.id, LeverValue::Constant(ext(l))).expect("catalogue lever");
        }
    }
    s
}

#[test]
fn every_lever_at_min_and_max_alone_and_together() {
    let ds = Dataset::default_dataset().expect("bundled dataset");
    let min = |l: &eduplan_model::catalogue::LeverSpec| l.min;
    let max = |l: &eduplan_model::catalogue::LeverSpec| l.max;
    for l in levers() {
        check(&format!("{} = min", l.id), &ds, &at(min, Some(l.id)));
        check(&format!("{} = max", l.id), &ds, &at(max, Some(l.id)));
    }
    check("all at min", &ds, &at(min, None));
    check("all at max", &ds, &at(max, None));
    // and to the longest horizon
    let p = eduplan_model::project_to(&ds, &at(max, None), ds.max_horizon);
    assert!(p.series.iter().flatten().all(|v| v.is_finite()));
}
