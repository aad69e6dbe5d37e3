//! Classes school by school, and the large-class counts over real classes.
//!
//! Rule (docs/MODEL.md §Classes): each grade with pupils gets at least one
//! class; a school opens the classes needed at the standard size when it has
//! the rooms; when rooms are short, each further room goes to the grade whose
//! classes are currently largest. The same greedy rule, with the number of
//! classes its teachers can run as the budget, applies when teachers are the
//! shorter resource. Greedy "one more class to the largest" extends itself as
//! the budget grows, so more rooms or more teachers never make a class larger.
//! Pupils are split as evenly as whole pupils allow, so 100 pupils in 2
//! classes are 50 + 50, and 113 in 2 are 57 + 56.

use super::num;
use super::state::{Ctx, State, YearStep};
use crate::level::Level;
use crate::record::{SchoolRec, ZoneRec};

/// Whole pupils for class counting (rounded half up; `as` saturates).
pub fn whole(p: f64) -> u32 {
    if p.is_finite() && p > 0.0 {
        (p + 0.5) as u32
    } else {
        0
    }
}

/// ⌈n / size⌉ classes, in integers when the size is whole (it always is in
/// practice; `f64::ceil` and `f64::fract` are library calls on baseline
/// x86-64 and in wasm's integer-heavy paths, a conversion is not).
pub fn classes_for(n: u32, size: f64) -> u32 {
    if n == 0 {
        return 0;
    }
    match whole_size(size) {
        Some(whole) => n.div_ceil(whole),
        None => (n as f64 / num::max(size, 1.0)).ceil() as u32,
    }
}

/// A class size (at least 1) as a whole number when it is one, for
/// [`classes_for`] (class sizes are whole in practice: ⌈n / size⌉ in integers).
pub fn whole_size(size: f64) -> Option<u32> {
    let s = num::max(size, 1.0);
    let whole = s as u32; // saturates; NaN → 0, caught below
    (s < u32::MAX as f64 && whole as f64 == s).then_some(whole)
}

/// Classes per grade for one school, given pupils, standard sizes and rooms,
/// written into `c` (same length as `pupils`).
pub fn allocate(pupils: &[u32], standard: &[f64], rooms: u32, c: &mut [u32]) {
    let need: Vec<u32> = pupils.iter().zip(standard).map(|(n, s)| classes_for(*n, *s)).collect();
    allocate_with(pupils, &need, rooms, c);
}

/// [`allocate`] with each grade's classes at the standard size (`need`)
/// already counted: at most `budget` classes (rooms, or what the teachers can
/// run), each grade with pupils gets one, each further one goes to the grade
/// whose classes are largest.
pub fn allocate_with(pupils: &[u32], need: &[u32], budget: u32, c: &mut [u32]) {
    let total: u64 = need.iter().map(|n| *n as u64).sum();
    if total <= budget as u64 {
        c.copy_from_slice(need);
        return;
    }
    for (x, &n) in c.iter_mut().zip(pupils) {
        *x = u32::from(n > 0);
    }
    let used: u32 = c.iter().sum();
    let spare = budget.saturating_sub(used);
    // a school has at most nine grades: their class sizes are kept and only
    // the grade that gained a class is sized again (under uncertainty many
    // schools are short of rooms, and this loop was a tenth of a draw)
    let mut sizes = [0.0; 9];
    match sizes.get_mut(..c.len()) {
        Some(sizes) => give_spare(pupils, need, c, spare, sizes),
        None => give_spare(pupils, need, c, spare, &mut vec![0.0; c.len()]),
    }
}

/// Gives `spare` classes one at a time to the grade whose classes are
/// largest among those below their need (the last of equals, as `max_by`
/// picks); `sizes` is working space as long as `c`.
fn give_spare(pupils: &[u32], need: &[u32], c: &mut [u32], mut spare: u32, sizes: &mut [f64]) {
    let size = |g: usize, c: &[u32]| pupils[g] as f64 / c[g] as f64;
    for (g, x) in sizes.iter_mut().enumerate() {
        *x = size(g, c);
    }
    while spare > 0 {
        let best = (0..c.len())
            .filter(|&g| c[g] < need[g])
            .max_by(|&a, &b| sizes[a].total_cmp(&sizes[b]));
        match best {
            Some(g) => {
                c[g] += 1;
                sizes[g] = size(g, c);
                spare -= 1;
            }
            None => break,
        }
    }
}

/// Stage 6, classes school by school: the classes the rooms allow (the
/// class-based teacher requirement), cut where a level's share of its pool's
/// teachers cannot run them; large-class counts over the classes run; zone
/// and level totals on the record; the staffing-norm requirement by pool,
/// which steers next year's hires (the class-based one would make new rooms
/// pull teachers from other zones).
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    allocate_schools(cx, st);
    requirements_and_totals(cx, st, y);
    walk_slots(cx, st, y);
}

/// The classes each school's rooms allow (`allowed`) and, cut by what its
/// levels' share of their pools' teachers can run, the classes run (`count`).
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
fn allocate_schools(cx: &Ctx, st: &mut State) {
    let (ds, p) = (cx.ds, cx.p);
    let n = &ds.norms;
    let b = &mut st.buf;
    let slots = p.slots.len();
    b.whole.clear();
    b.whole.extend(b.pupils.iter().map(|x| whole(*x)));
    b.need.clear();
    b.need
        .extend(b.whole.iter().zip(&p.standard).map(|(w, s)| classes_for(*w, *s)));
    b.allowed.clear();
    b.allowed.resize(slots, 0);
    b.count.clear();
    b.count.resize(slots, 0);
    // pupils of each [level][pool], for the staffing norm and the teachers' split
    for (i, row) in b.pool_pupils.iter_mut().enumerate() {
        row.clear();
        row.resize(st.teachers[i].len(), 0.0);
    }
    for (s, x) in p.slots.iter().zip(&b.pupils) {
        b.pool_pupils[s.level][s.pool] += x;
    }
    for (si, r) in p.ranges.iter().enumerate() {
        let rooms = num::max(st.rooms[si], 0.0).round() as u32;
        allocate_with(
            &b.whole[r.clone()],
            &b.need[r.clone()],
            rooms,
            &mut b.allowed[r.clone()],
        );
        b.count[r.clone()].copy_from_slice(&b.allowed[r.clone()]);
        // the school's share of its pool's teachers follows its pupils; a level
        // whose teachers cannot run the rooms' classes runs as many as they can
        let mut k = r.start;
        while k < r.end {
            let (lvl, pl) = (p.slots[k].level, p.slots[k].pool);
            let mut e = k;
            while e < r.end && p.slots[e].level == lvl {
                e += 1;
            }
            let level_pupils: f64 = b.pupils[k..e].iter().sum();
            let tpc = *n.teachers_per_class.value.of(Level::FLOW[lvl]);
            let pool_total = b.pool_pupils[lvl][pl];
            let staff = if pool_total > 0.0 {
                st.teachers[lvl][pl] * level_pupils / pool_total
            } else {
                0.0
            };
            // ⌊x⌋ for x ≥ 0 is what `as` keeps (and it saturates); no library call
            let cap = num::max(staff / tpc + 1e-9, 0.0) as u32;
            let have: u32 = b.count[k..e].iter().sum();
            if have > cap {
                allocate_with(&b.whole[k..e], &b.need[k..e], cap, &mut b.count[k..e]);
            }
            k = e;
        }
    }
}

/// Next year's staffing-norm requirement (and the class-based one when
/// exchange is asked for), the zone records, schools by level and the
/// zone pools' teachers.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
fn requirements_and_totals(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let (ds, p) = (cx.ds, cx.p);
    let n = &ds.norms;
    let b = &mut st.buf;
    for (i, l) in Level::FLOW.into_iter().enumerate() {
        let ppt = *n.pupils_per_teacher.value.of(l);
        for (req, x) in b.requirement[i].iter_mut().zip(&b.pool_pupils[i]) {
            *req = x / ppt;
        }
    }
    std::mem::swap(&mut st.last_requirement, &mut b.requirement);
    // the class-based requirement by pool (the exchange between zones keeps
    // it; kept only when a run asks for exchange)
    if cx.lv.exchange_used {
        for row in st.last_class_requirement.iter_mut() {
            row.iter_mut().for_each(|x| *x = 0.0);
        }
        for (s, allowed) in p.slots.iter().zip(&b.allowed) {
            let tpc = *n.teachers_per_class.value.of(Level::FLOW[s.level]);
            st.last_class_requirement[s.level][s.pool] += *allowed as f64 * tpc;
        }
    }
    let rec = &mut y.rec;
    rec.zones = vec![ZoneRec::default(); p.nz];
    for z in 0..p.nz {
        let zr = &mut rec.zones[z];
        let kg = &st.kg[z];
        zr.pop_3_5 = st.pop.zone_ages(z, 3, 5);
        zr.pop_6_14 = st.pop.zone_ages(z, 6, 14);
        zr.kg_demand = b.demand[z];
        zr.kg_enrollment = kg.enrollment.iter().sum();
        zr.kg_public = kg.enrollment[0];
        zr.kg_inclusive = kg.enrollment[1];
        zr.kg_seats = kg.seats.iter().sum();
    }
    for (teaches, closed) in p.teaches.iter().zip(&st.closed) {
        for (lr, t) in y.rec.levels.iter_mut().zip(teaches) {
            if *t && !closed {
                lr.schools += 1.0;
            }
        }
    }
    // zone pools (primary, junior): their teachers against the staffing norm
    for i in 0..2 {
        let ppt = *n.pupils_per_teacher.value.of(Level::FLOW[i]);
        for (z, zr) in y.rec.zones.iter_mut().enumerate() {
            let zl = &mut zr.levels[i];
            zl.teachers = st.teachers[i].get(z).copied().unwrap_or(0.0);
            zl.requirement_norm = st.buf.pool_pupils[i].get(z).copied().unwrap_or(0.0) / ppt;
        }
    }
}

/// Large classes, the level and zone totals, and (when a stage wants them)
/// each school's record, in one walk over the slots.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
fn walk_slots(cx: &Ctx, st: &State, y: &mut YearStep) {
    let p = cx.p;
    let n = &cx.ds.norms;
    let (large, sup) = (n.large_class.value, n.super_large_class.value);
    let b = &st.buf;
    let want = y.schools.wanted();
    for (si, r) in p.ranges.iter().enumerate() {
        let mut school = want.then(|| SchoolYear::start(st, si));
        for k in r.clone() {
            let (s, x) = (&p.slots[k], b.pupils[k]);
            let (c56, c66) = large_counts(b.whole[k], b.count[k], large, sup);
            let classes = b.count[k] as f64;
            let lr = &mut y.rec.levels[s.level];
            lr.classes += classes;
            lr.classes_needed += b.allowed[k] as f64;
            lr.classes_56_65 += c56 as f64;
            lr.classes_66 += c66 as f64;
            let zl = &mut y.rec.zones[s.zone].levels[s.level];
            zl.enrollment += x;
            zl.classes += classes;
            zl.classes_56_65 += c56 as f64;
            zl.classes_66 += c66 as f64;
            if let Some(sy) = school.as_mut() {
                sy.add_slot(cx, st, k, (c56, c66));
            }
        }
        if let Some(sy) = school {
            y.schools
                .put(p.schools[si].index, p.teaches.get(si), sy.finish(r.len()));
        }
    }
}

/// A grade-teaching school's year (docs/MODEL.md §6a) as the slots add to it.
struct SchoolYear {
    rec: SchoolRec,
    /// Sum of its slots' standard class sizes (for its places).
    standard: f64,
}

impl SchoolYear {
    fn start(st: &State, si: usize) -> SchoolYear {
        let rec = SchoolRec {
            open: !st.closed[si],
            pupils: st.buf.school_total[si],
            classes: 0,
            largest_class: 0,
            classes_56_65: 0,
            classes_66: 0,
            grades: 0,
            rooms_needed: 0,
            rooms: num::max(st.rooms[si], 0.0).round() as u32,
            teachers: 0.0,
            teachers_needed: 0.0,
            places: 0.0,
            boarders: st.boarders[si],
        };
        SchoolYear { rec, standard: 0.0 }
    }

    /// Slot `k` of the school, with its classes of 56–65 and of 66+.
    fn add_slot(&mut self, cx: &Ctx, st: &State, k: usize, (c56, c66): (u32, u32)) {
        let (p, b, rec) = (cx.p, &st.buf, &mut self.rec);
        let (whole, count) = (b.whole[k], b.count[k]);
        let slot = &p.slots[k];
        rec.classes += count;
        rec.rooms_needed += b.need[k];
        rec.grades += u32::from(whole > 0);
        if count > 0 {
            rec.largest_class = rec.largest_class.max(whole.div_ceil(count));
        }
        rec.classes_56_65 += c56;
        rec.classes_66 += c66;
        self.standard += p.standard[k];
        // its pools' teachers follow pupils, as in the classes above
        let pool_total = b.pool_pupils[slot.level][slot.pool];
        if pool_total > 0.0 {
            rec.teachers += st.teachers[slot.level][slot.pool] * b.pupils[k] / pool_total;
        }
        let ppt = cx.ds.norms.pupils_per_teacher.value.of(Level::FLOW[slot.level]);
        rec.teachers_needed += b.pupils[k] / ppt;
    }

    /// The record of a school of `slots` slots.
    fn finish(mut self, slots: usize) -> SchoolRec {
        if slots > 0 {
            self.rec.places = self.rec.rooms as f64 * self.standard / slots as f64;
        }
        self.rec
    }
}

#[cfg(test)]
fn allocated(pupils: &[u32], standard: &[f64], rooms: u32) -> Vec<u32> {
    let mut c = vec![0; pupils.len()];
    allocate(pupils, standard, rooms, &mut c);
    c
}

/// Classes of 56–65 and of 66+ among `classes` classes sharing `pupils` evenly.
pub fn large_counts(pupils: u32, classes: u32, large: u32, super_large: u32) -> (u32, u32) {
    if classes == 0 {
        return (0, 0);
    }
    // nothing to count when the largest class, ⌈pupils / classes⌉, is below
    // both thresholds (most schools; saves the division)
    let first = large.min(super_large) as u64;
    if first > 0 && pupils as u64 + (classes as u64 - 1) < first * classes as u64 {
        return (0, 0);
    }
    let q = pupils / classes;
    let bigger = pupils % classes; // classes with q + 1 pupils
    let count = |size: u32, n: u32| -> (u32, u32) {
        if size >= super_large {
            (0, n)
        } else if size >= large {
            (n, 0)
        } else {
            (0, 0)
        }
    };
    let a = count(q + 1, bigger);
    let b = count(q, classes - bigger);
    (a.0 + b.0, a.1 + b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enough_rooms_gives_standard_classes() {
        assert_eq!(allocated(&[90, 91, 0], &[45.0, 45.0, 45.0], 10), vec![2, 3, 0]);
    }

    #[test]
    fn short_rooms_go_to_the_largest_classes() {
        // needs 3 + 3 = 6 classes, has 4 rooms: each grade 1, then 2 more to the largest
        assert_eq!(allocated(&[130, 100], &[45.0, 45.0], 4), vec![2, 2]);
        assert_eq!(allocated(&[130, 60], &[45.0, 45.0], 4), vec![3, 1]);
        // fewer rooms than grades with pupils: one class per grade all the same
        assert_eq!(allocated(&[10, 10, 10], &[45.0, 45.0, 45.0], 2), vec![1, 1, 1]);
    }

    #[test]
    fn a_larger_budget_extends_the_smaller_one() {
        // the property that makes more rooms or teachers never enlarge a class
        let pupils = [130, 61, 240, 12, 0, 95];
        let std = [45.0; 6];
        let mut prev = allocated(&pupils, &std, 0);
        for rooms in 1..30 {
            let next = allocated(&pupils, &std, rooms);
            assert!(
                next.iter().zip(&prev).all(|(a, b)| a >= b),
                "{rooms}: {prev:?} → {next:?}"
            );
            assert!(next.iter().sum::<u32>() - prev.iter().sum::<u32>() <= 1);
            prev = next;
        }
    }

    #[test]
    fn class_counts_round_up() {
        assert_eq!(classes_for(0, 45.0), 0);
        assert_eq!(classes_for(45, 45.0), 1);
        assert_eq!(classes_for(46, 45.0), 2);
        assert_eq!(classes_for(10, 2.5), 4);
        assert_eq!(whole(44.5), 45);
        assert_eq!(whole(-3.0), 0);
        assert_eq!(whole(f64::NAN), 0);
    }

    #[test]
    fn even_split_counts_large_classes() {
        assert_eq!(large_counts(113, 2, 56, 66), (2, 0));
        assert_eq!(large_counts(111, 2, 56, 66), (1, 0));
        assert_eq!(large_counts(132, 2, 56, 66), (0, 2));
        assert_eq!(large_counts(131, 2, 56, 66), (1, 1));
        assert_eq!(large_counts(0, 0, 56, 66), (0, 0));
    }
}
