//! Stage 4, classrooms: each school's pupils this year (its share of its
//! pool, slot by slot, then boarders moved: boarding.rs), then the classrooms the levers build, one at a time,
//! each at the eligible school with the most pupils per classroom (ties to
//! the school listed first). Primary and junior levers build in town or rural
//! zones; senior and vocational ones anywhere in the county.

use super::num;
use super::prepared::zoned;
use super::state::{Ctx, State, YearStep};
use crate::level::Level;

#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let p = cx.p;
    let b = &mut st.buf;
    b.pupils.clear();
    b.pupils.extend(
        p.slots
            .iter()
            .zip(&st.shares)
            .map(|(s, share)| st.enroll[s.level][s.pool][s.grade] * share),
    );
    if !cx.boarding.is_empty() {
        super::boarding::apply(cx, st, y);
    }
    let b = &mut st.buf;
    b.school_total.clear();
    b.school_total
        .extend(p.ranges.iter().map(|r| b.pupils[r.clone()].iter().sum::<f64>()));
    if y.t == 0 {
        return;
    }
    let rooms = &mut st.rooms;
    for (i, l) in Level::FLOW.into_iter().enumerate() {
        for (k, town) in [true, false].into_iter().enumerate() {
            if !zoned(l) && !town {
                continue; // senior and vocational levers are county-wide
            }
            let amount = cx.lv.rooms[i][k].at(y.t).max(0.0).round() as u32;
            let eligible = &p.rooms_eligible[i][k];
            let closed = &st.closed;
            for _ in 0..amount {
                // the open school with the most pupils per classroom
                let best = eligible.iter().copied().filter(|s| !closed[*s]).max_by(|&a, &b_| {
                    let pa = b.school_total[a] / num::max(rooms[a], 1.0);
                    let pb = b.school_total[b_] / num::max(rooms[b_], 1.0);
                    pa.total_cmp(&pb).then(b_.cmp(&a))
                });
                if let Some(s) = best {
                    rooms[s] += 1.0;
                    y.rooms_built[i] += 1.0;
                }
            }
        }
    }
}
