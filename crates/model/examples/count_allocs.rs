use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
struct Counting;
static N: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        N.fetch_add(1, Ordering::Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        N.fetch_add(1, Ordering::Relaxed);
        System.realloc(p, l, n)
    }
}
#[global_allocator]
static A: Counting = Counting;
fn main() {
    let ds = eduplan_model::Dataset::default_dataset().unwrap();
    let sc = eduplan_model::Scenario::default();
    let s = eduplan_model::uncertainty::McSettings {
        draws: 100,
        seed: 1,
        spread: 1.0,
    };
    let n0 = N.load(Ordering::Relaxed);
    let _ = eduplan_model::uncertainty::run_part(&ds, &sc, &s, eduplan_model::uncertainty::Part::WHOLE);
    let n1 = N.load(Ordering::Relaxed);
    let _ = eduplan_model::project(&ds, &sc);
    let n2 = N.load(Ordering::Relaxed);
    println!("per draw {} ; per project() {}", (n1 - n0) / 100, n2 - n1);
}
