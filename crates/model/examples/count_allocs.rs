//! Prints how many heap allocations one Monte Carlo draw and one project()
//! make (`cargo run --release -p eduplan-model --example count_allocs`;
//! scripts/bench.sh prints it). Figures only.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting allocations and reallocations.
struct Counting;
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        COUNT.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        COUNT.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    use eduplan_model::uncertainty::{run_part, McSettings, Part};
    let ds = eduplan_model::Dataset::default_dataset().expect("bundled dataset");
    let sc = eduplan_model::Scenario::default();
    let draws = 100;
    let settings = McSettings {
        draws,
        seed: 1,
        spread: 1.0,
    };
    let n0 = COUNT.load(Ordering::Relaxed);
    let _ = run_part(&ds, &sc, &settings, Part::WHOLE);
    let n1 = COUNT.load(Ordering::Relaxed);
    let _ = eduplan_model::project(&ds, &sc);
    let n2 = COUNT.load(Ordering::Relaxed);
    println!(
        "allocations: {} per Monte Carlo draw (run of {draws}, sorting included), {} per project()",
        (n1 - n0) / draws as usize,
        n2 - n1
    );
}
