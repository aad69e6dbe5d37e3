//! Stage 3b, school merges (撤并): from its year, a closing school's share of
//! each grade's pupils goes to the receiving school (the merge's share of it)
//! and to the pool's other open schools teaching that grade (the rest, in
//! proportion to their shares; to the receiver when there are none); the
//! closing school keeps no pupils and no classrooms. Shares of a pool still
//! sum as before, so county pupils — and teachers, who follow pupils within a
//! pool — are unchanged by a merge in its year. docs/MODEL.md §6b.

use super::prepared::Prep;
use super::state::{Ctx, State, YearStep};
use crate::dataset::Dataset;
use crate::scenario::Resolved;

/// The scenario's merges as (year index, closing, receiving, share) over
/// flow-school indices, in the order they take effect.
pub(super) fn resolve(ds: &Dataset, p: &Prep, res: &Resolved) -> Vec<(usize, usize, usize, f64)> {
    let flow = |id: &str| {
        let i = ds.schools.iter().position(|s| s.id == id)?;
        p.flow_of.get(i).copied().flatten()
    };
    crate::network::in_order(&res.merges)
        .into_iter()
        .filter_map(|m| {
            let t = usize::try_from(m.from - ds.base_year).ok().filter(|t| *t >= 1)?;
            Some((t, flow(&m.school)?, flow(&m.into)?, m.share.clamp(0.0, 1.0)))
        })
        .collect()
}

#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    for &(t, closing, receiving, share) in &cx.merges {
        if t == y.t {
            merge(cx.p, st, closing, receiving, share);
        }
    }
}

fn merge(p: &Prep, st: &mut State, closing: usize, receiving: usize, share: f64) {
    for k in p.ranges[closing].clone() {
        let amount = st.shares[k];
        if amount <= 0.0 {
            continue;
        }
        let slot = &p.slots[k];
        let same = |j: usize| {
            let o = &p.slots[j];
            o.level == slot.level && o.pool == slot.pool && o.grade == slot.grade
        };
        let to_receiver = p.ranges[receiving].clone().find(|&j| same(j));
        // the pool's other open schools teaching this grade
        let others: Vec<usize> = (0..p.slots.len())
            .filter(|&j| same(j) && p.school_of[j] != closing && Some(j) != to_receiver && !st.closed[p.school_of[j]])
            .collect();
        let others_total: f64 = others.iter().map(|&j| st.shares[j]).sum();
        let direct = if to_receiver.is_some() { share * amount } else { 0.0 };
        let mut rest = amount - direct;
        if others_total > 0.0 {
            for &j in &others {
                st.shares[j] += rest * st.shares[j] / others_total;
            }
            rest = 0.0;
        }
        if let Some(j) = to_receiver {
            st.shares[j] += direct + rest;
        } else if rest > 0.0 {
            // nobody else teaches the grade: the pupils stay where they were
            continue;
        }
        st.shares[k] = 0.0;
    }
    st.rooms[closing] = 0.0;
    st.closed[closing] = true;
}
