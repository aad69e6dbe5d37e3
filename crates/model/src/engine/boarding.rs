//! Boarding places (part of stage 4): from its first year, a school with
//! boarding places takes boarders from the county's other zones, up to its
//! places: the year's boarders are the places, or every pupil of the other
//! zones in the grades it teaches when there are fewer; they are spread
//! over its grades in proportion to those pupils, and each other school
//! gives up its part of a grade in proportion to its pupils. Schools with
//! boarding places of their own give none. Pupils stay counted in their
//! zone's enrollment; classes, classrooms and teachers follow them to the
//! school. Each boarder adds its yuan to public funds. docs/MODEL.md §6d.

use super::prepared::Prep;
use super::state::{Ctx, State, YearStep};
use crate::dataset::Dataset;
use crate::scenario::Resolved;

/// The scenario's boarding places as (first year index, flow school, places, yuan per boarder).
pub(super) fn resolve(ds: &Dataset, p: &Prep, res: &Resolved) -> Vec<(usize, usize, f64, f64)> {
    res.boarding
        .iter()
        .filter_map(|b| {
            let i = ds.schools.iter().position(|s| s.id == b.school)?;
            let k = p.flow_of.get(i).copied().flatten()?;
            let t = usize::try_from(b.from - ds.base_year).ok().filter(|t| *t >= 1)?;
            Some((t, k, b.places.max(0.0), b.cost.max(0.0)))
        })
        .collect()
}

/// Moves this year's boarders in `st.buf.pupils` (pupils by flat slot) and
/// records them; returns nothing when no boarding applies.
pub(super) fn apply(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let p = cx.p;
    st.boarders.iter_mut().for_each(|b| *b = 0.0);
    let active = |s: usize, st: &State| cx.boarding.iter().any(|&(t0, k, _, _)| k == s && y.t >= t0) && !st.closed[s];
    for &(t0, k, places, cost) in &cx.boarding {
        if y.t < t0 || st.closed[k] {
            continue;
        }
        let zone = p.schools[k].zone;
        // the other zones' schools' pupils in each grade this school teaches
        let givers = |slot: usize, st: &State| -> Vec<usize> {
            let s = &p.slots[slot];
            (0..p.slots.len())
                .filter(|&o| {
                    let g = &p.slots[o];
                    g.level == s.level && g.grade == s.grade && g.zone != zone && !active(p.school_of[o], st)
                })
                .collect()
        };
        let range = p.ranges[k].clone();
        let avail: Vec<f64> = range
            .clone()
            .map(|j| givers(j, st).iter().map(|&o| st.buf.pupils[o]).sum())
            .collect();
        let total: f64 = avail.iter().sum();
        let boarders = places.min(total);
        if boarders <= 0.0 {
            continue;
        }
        for (j, a) in range.zip(&avail) {
            if *a <= 0.0 {
                continue;
            }
            let take = boarders * a / total;
            for o in givers(j, st) {
                st.buf.pupils[o] -= take * st.buf.pupils[o] / a;
            }
            st.buf.pupils[j] += take;
        }
        st.boarders[k] = boarders;
        y.rec.boarders += boarders;
        y.boarding_cost += boarders * cost;
    }
}
