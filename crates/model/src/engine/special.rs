//! Stage 7, special education: places grow by the lever; registered pupils
//! are the prevalence times children aged 6–14; placed = min(places, registered).

use super::state::{Ctx, State, YearStep};

#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    if y.t > 0 {
        st.special_capacity += cx.lv.special_places.at(y.t);
    }
    let rec = &mut y.rec;
    rec.special_registered = cx.ds.special.prevalence.value * st.pop.ages(6, 14);
    rec.special_placed = st.special_capacity.min(rec.special_registered);
}
