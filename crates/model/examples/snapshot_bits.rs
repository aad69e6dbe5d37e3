//! Prints every series of many scenarios as exact bits (a refactor check).
use eduplan_model::catalogue::levers;
use eduplan_model::scenario::LeverValue;
use eduplan_model::uncertainty::{run, McSettings};
use eduplan_model::{Dataset, Scenario};
use std::hash::{Hash, Hasher};

fn main() {
    let ds = Dataset::default_dataset().expect("bundled dataset");
    let mut scs = vec![Scenario::default()];
    for l in levers() {
        for v in [l.min, l.max, (l.min + l.max) / 2.0 + 0.37 * (l.max - l.min) / 7.0] {
            let mut s = Scenario::default();
            s.set(l.id, LeverValue::Constant(v)).unwrap();
            scs.push(s);
        }
    }
    let mut all = Scenario::default();
    for l in levers() {
        all.set(l.id, LeverValue::Constant(l.max)).unwrap();
    }
    scs.push(all.clone());
    let mut mid = Scenario::default();
    for (k, l) in levers().iter().enumerate() {
        let mut by = std::collections::BTreeMap::new();
        for y in 2021..=2035 {
            by.insert(
                y.to_string(),
                l.min + (l.max - l.min) * (((k * 7 + y as usize) % 11) as f64 / 10.0),
            );
        }
        mid.set(l.id, LeverValue::ByYear(by)).unwrap();
    }
    scs.push(mid);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (i, s) in scs.iter().enumerate() {
        for horizon in [ds.horizon, ds.max_horizon] {
            let p = eduplan_model::project_to(&ds, s, horizon);
            let mut hh = std::collections::hash_map::DefaultHasher::new();
            for v in p.series.iter().flatten() {
                v.to_bits().hash(&mut hh);
                v.to_bits().hash(&mut h);
            }
            for t in &p.targets {
                format!("{t:?}").hash(&mut hh);
            }
            println!("{i} {horizon} {:016x}", hh.finish());
        }
    }
    for s in [&scs[0], &all] {
        let b = run(
            &ds,
            s,
            &McSettings {
                draws: 200,
                seed: 7,
                spread: 1.5,
            },
        );
        let mut hh = std::collections::hash_map::DefaultHasher::new();
        for q in [&b.p10, &b.p25, &b.p50, &b.p75, &b.p90] {
            for v in q.iter().flatten() {
                v.to_bits().hash(&mut hh);
            }
        }
        for v in &b.prob_met {
            v.to_bits().hash(&mut hh);
        }
        println!("mc {:016x}", hh.finish());
    }
    println!("all {:016x}", h.finish());
}
