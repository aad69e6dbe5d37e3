//! Money: what the year's teachers, pupils and building cost, against the budget.
//!
//! salaries     = Σ_L teachers_L · pay_L · w(t)   (kindergarten teachers count
//!                in proportion to the public share of children: only public
//!                kindergartens are paid from the education budget)
//! public funds = Σ_L pupils_L · u_L(t) + public KG children · u_KG
//!                + inclusive-private children · subsidy
//!                + Σ boarders · yuan per boarder (boarding places)
//! special      = placed disabled pupils · per-pupil funds (6,000 yuan)
//! construction = k · (rooms · room cost + new public seats · seat cost
//!                + converted seats · conversion cost)
//! trainees     = trainees in training · yearly subsidy
//! other        = base-year residual per pupil · pupils · w(t)
//! where w(t) is the cumulated pay growth, u_L(t) the base per-pupil funds plus
//! the yearly rises of the funding levers, and the residual is what the base
//! budget spends beyond the modelled items (so the base-year gap is zero).

use super::state::{Ctx, State, YearStep};
use crate::dataset::Dataset;
use crate::engine::kindergarten::SeatChanges;
use crate::level::Level;
use crate::record::Rec;

/// The funding levers as they act in one year.
pub struct YearLevers {
    /// Cumulated yearly rises of per-pupil funds up to this year, yuan.
    pub step_primary: f64,
    pub step_junior: f64,
    /// Applies to general senior and vocational pupils.
    pub step_senior: f64,
    pub costs_scale: f64,
}

fn pupils(rec: &Rec) -> f64 {
    rec.kg.total_enrollment() + rec.levels.iter().map(|l| l.enrollment).sum::<f64>() + rec.special_placed
}

/// Fills `rec.cost` and the per-pupil funds; `other_per_pupil` is set from the
/// base year and reused after.
#[allow(clippy::too_many_arguments)]
pub fn cost_year(
    ds: &Dataset,
    lv: &YearLevers,
    t: usize,
    wage: f64,
    rooms_built: &[f64; 4],
    seats: &SeatChanges,
    rec: &mut Rec,
    other_per_pupil: &mut Option<f64>,
) {
    let f = &ds.finance;
    let public_share = if rec.kg.total_enrollment() > 0.0 {
        rec.kg.enrollment[0] / rec.kg.total_enrollment()
    } else {
        0.0
    };
    let mut salaries = rec.kg.teachers * public_share * f.salary.value.kindergarten * wage;
    let mut funds =
        rec.kg.enrollment[0] * f.public_funds.value.kindergarten + rec.kg.enrollment[1] * f.inclusive_subsidy.value;
    rec.kg.public_funds_per_child = f.public_funds.value.kindergarten;
    for (i, l) in Level::FLOW.into_iter().enumerate() {
        let step = match l {
            Level::Primary => lv.step_primary,
            Level::Junior => lv.step_junior,
            _ => lv.step_senior,
        };
        let u = f.public_funds.value.of(l) + step;
        let lr = &mut rec.levels[i];
        lr.public_funds_per_pupil = u;
        salaries += lr.teachers * f.salary.value.of(l) * wage;
        funds += lr.enrollment * u;
    }
    let c = &mut rec.cost;
    c.salaries = salaries;
    c.public_funds = funds;
    c.special = rec.special_placed * f.special_per_pupil.value;
    let rooms: f64 = rooms_built.iter().sum();
    c.construction = lv.costs_scale
        * (rooms * f.classroom_cost.value
            + seats.built * f.kg_seat_cost.value
            + seats.converted * f.conversion_cost.value);
    c.trainees = rec.trainees_in_training * f.trainee_subsidy.value;
    let modelled = c.salaries + c.public_funds + c.special + c.construction + c.trainees;
    let n = pupils(rec);
    let per = *other_per_pupil.get_or_insert_with(|| {
        if t == 0 && n > 0.0 {
            ((rec.budget - modelled) / n).max(0.0)
        } else {
            0.0
        }
    });
    rec.cost.other = per * n * wage;
}

/// Stage 8, money: pay grows by the salary lever and the budget by its growth
/// lever (extra funding raises the envelope in both modes; budget mode also
/// spends it), then the year's costs ([`cost_year`]).
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let (lv, t) = (cx.lv, y.t);
    if t > 0 {
        st.wage *= 1.0 + lv.salary_growth.at(t);
        st.budget *= 1.0 + lv.budget_growth.at(t);
    }
    y.rec.budget = st.budget + if t > 0 { lv.budget_extra.at(t).max(0.0) } else { 0.0 };
    let years = lv.funds_step_years.whole_run().round().max(0.0) as usize;
    let cum = |s: super::levers::Series| -> f64 { (1..=t.min(years)).map(|yr| s.at(yr)).sum() };
    let levers = YearLevers {
        step_primary: cum(lv.funds_step_primary),
        step_junior: cum(lv.funds_step_junior),
        step_senior: cum(lv.funds_step_senior),
        costs_scale: lv.costs_scale.whole_run(),
    };
    cost_year(
        cx.ds,
        &levers,
        t,
        st.wage,
        &y.rooms_built,
        &y.seat_changes,
        &mut y.rec,
        &mut st.other_per_pupil,
    );
    // boarders' extra public funds (国发〔2015〕67号: 200 yuan a boarder a year by default)
    y.rec.cost.public_funds += y.boarding_cost;
}
