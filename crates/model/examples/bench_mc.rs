//! Prints the native time of 1,000 Monte Carlo draws and of goal seeks
//! (`cargo run --release -p eduplan-model --example bench_mc`). Figures only.
use std::time::Instant;

use eduplan_model::seek::seek;
use eduplan_model::uncertainty::{run, McSettings};
use eduplan_model::{Dataset, Scenario};

fn main() {
    let ds = Dataset::default_dataset().expect("bundled dataset");
    let sc = Scenario::default();
    let _ = run(
        &ds,
        &sc,
        &McSettings {
            draws: 20,
            seed: 1,
            spread: 1.0,
        },
    );
    // the engine alone: project() on the default dataset and scenario
    let runs = 2000;
    let t = Instant::now();
    let mut acc = 0.0;
    for _ in 0..runs {
        acc += eduplan_model::project(&ds, &sc).series[0][1];
    }
    let per_projection = t.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    assert!(acc.is_finite());
    let t = Instant::now();
    let b = run(
        &ds,
        &sc,
        &McSettings {
            draws: 1000,
            seed: 1,
            spread: 1.0,
        },
    );
    let mc = t.elapsed();
    let mut seeks = Vec::new();
    for (target, lever) in [
        ("senior_ger", "senior.progression"),
        ("trainees_double", "trainees.intake"),
        ("senior_staffing", "hires.senior"),
    ] {
        let t = Instant::now();
        let r = seek(&ds, &sc, target, lever).expect("known target and lever");
        seeks.push(format!(
            "{target} by {lever}: {:.1} ms ({} runs)",
            t.elapsed().as_secs_f64() * 1000.0,
            r.evaluations
        ));
    }
    println!("native: project() {per_projection:.3} ms per projection ({runs} runs)");
    println!(
        "native: 1000 draws in {:.0} ms ({} indicators); goal seek: {}",
        mc.as_secs_f64() * 1000.0,
        b.ids.len(),
        seeks.join("; ")
    );
}
