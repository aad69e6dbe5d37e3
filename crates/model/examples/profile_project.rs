//! Runs the engine repeatedly, for profilers (`valgrind --tool=callgrind`).
fn main() {
    let ds = eduplan_model::Dataset::default_dataset().expect("bundled dataset");
    let sc = eduplan_model::Scenario::default();
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let mut acc = 0.0;
    for _ in 0..n {
        acc += eduplan_model::project(&ds, &sc).series[0][1];
    }
    println!("{acc}");
}
