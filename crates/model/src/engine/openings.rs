//! Stage 3a, new schools: in its first year a school the scenario opens gets
//! its classrooms and, in each grade it teaches, the share of its pool's
//! pupils that its classrooms per grade are of the classrooms per grade of
//! the pool's open schools teaching that grade (its own included); the other
//! schools give up pupils in proportion to their shares, so the pool's
//! pupils are unchanged. Its classrooms count as built that year (and cost
//! as classrooms). docs/MODEL.md §6c.

use super::prepared::Prep;
use super::state::{Ctx, State, YearStep};
use crate::dataset::Dataset;
use crate::scenario::Resolved;

/// The scenario's new schools as (year index, flow school, classrooms).
pub(super) fn resolve(ds: &Dataset, p: &Prep, res: &Resolved) -> Vec<(usize, usize, f64)> {
    res.new_schools
        .iter()
        .filter_map(|n| {
            let i = ds.schools.iter().position(|s| s.id == n.id)?;
            let k = p.flow_of.get(i).copied().flatten()?;
            let t = usize::try_from(n.from - ds.base_year).ok().filter(|t| *t >= 1)?;
            Some((t, k, n.classrooms as f64))
        })
        .collect()
}

#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    for &(t, k, rooms) in &cx.openings {
        if t == y.t {
            open(cx.p, st, y, k, rooms);
        }
    }
}

/// Classrooms per grade: what a school's rooms give each grade it teaches.
fn per_grade(p: &Prep, st: &State, k: usize) -> f64 {
    st.rooms[k] / p.ranges[k].len().max(1) as f64
}

fn open(p: &Prep, st: &mut State, y: &mut YearStep, k: usize, rooms: f64) {
    st.closed[k] = false;
    st.rooms[k] = rooms;
    let range = p.ranges[k].clone();
    for j in range.clone() {
        // its classrooms count as built at the level of each grade, by grades
        y.rooms_built[p.slots[j].level] += rooms / range.len() as f64;
    }
    for j in range {
        let slot = &p.slots[j];
        let same: Vec<usize> = (0..p.slots.len())
            .filter(|&o| {
                let s = &p.slots[o];
                o != j
                    && s.level == slot.level
                    && s.pool == slot.pool
                    && s.grade == slot.grade
                    && !st.closed[p.school_of[o]]
            })
            .collect();
        let mine = per_grade(p, st, k);
        let all: f64 = mine + same.iter().map(|&o| per_grade(p, st, p.school_of[o])).sum::<f64>();
        let others: f64 = same.iter().map(|&o| st.shares[o]).sum();
        if all <= 0.0 || others <= 0.0 {
            // nobody else teaches the grade: it takes the grade's whole share
            st.shares[j] = if others <= 0.0 { 1.0 } else { 0.0 };
            continue;
        }
        let share = mine / all;
        for &o in &same {
            st.shares[o] *= 1.0 - share;
        }
        st.shares[j] = share * others;
    }
}
