//! `cargo bench -p eduplan-model --bench project`: the engine on the default
//! dataset, baseline and a scenario that moves many levers.

use criterion::{criterion_group, criterion_main, Criterion};
use eduplan_model::{project, Dataset, LeverValue, Scenario};

fn busy_scenario() -> Scenario {
    let mut s = Scenario::default();
    for (id, v) in [
        ("kg.public_seats", 800.0),
        ("rooms.primary.town", 12.0),
        ("rooms.junior.town", 8.0),
        ("rooms.senior", 10.0),
        ("hires.primary", 120.0),
        ("students.dropout_reduction", 0.5),
        ("funds.step.primary", 100.0),
    ] {
        s.set(id, LeverValue::Constant(v)).expect("catalogue lever");
    }
    s
}

fn bench(c: &mut Criterion) {
    let ds = Dataset::default_dataset().expect("bundled dataset");
    let base = Scenario::default();
    let busy = busy_scenario();
    c.bench_function("project/baseline", |b| {
        b.iter(|| project(std::hint::black_box(&ds), std::hint::black_box(&base)))
    });
    c.bench_function("project/many-levers", |b| {
        b.iter(|| project(std::hint::black_box(&ds), std::hint::black_box(&busy)))
    });
    c.bench_function("dataset/parse", |b| {
        b.iter(|| Dataset::from_json(std::hint::black_box(eduplan_model::dataset::DEFAULT_DATASET_JSON)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
