//! Stage 5, teachers: after the base year each pool loses the attrition
//! rate, then the year's hires go first to pools short against last year's
//! requirement (the staffing norm), in proportion to the gap and never past
//! it, the rest in proportion to the pools' teachers; publicly funded
//! trainees who finish this year join rural primary pools the same way.

use super::kindergarten;
use super::state::{Ctx, State, YearStep};
use crate::level::Level;
use crate::units::Year as CalendarYear;

pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let (ds, t, year) = (cx.ds, y.t, y.year);
    let trainee_years = ds.teachers.trainee_years.value as i32;
    let attrition = if t == 0 { 0.0 } else { cx.lv.attrition.at(t) };
    let joining = trainee_intake(cx, year - trainee_years);
    if t > 0 {
        let (teachers, last) = (&mut st.teachers, &st.last_requirement);
        for i in 0..Level::FLOW.len() {
            for x in teachers[i].iter_mut() {
                *x *= 1.0 - attrition;
            }
            let gaps: Vec<f64> = last[i].iter().zip(&teachers[i]).map(|(r, s)| r - s).collect();
            let eligible = vec![true; teachers[i].len()];
            let hires = cx.lv.hires[i].at(t);
            let add = by_gap(hires, &gaps, &teachers[i], &eligible);
            for (x, h) in teachers[i].iter_mut().zip(add) {
                *x += h;
            }
            y.rec.levels[i].hires = hires;
        }
        // publicly funded trainees join rural primaries
        let gaps: Vec<f64> = last[0].iter().zip(&teachers[0]).map(|(r, s)| r - s).collect();
        let rural: Vec<bool> = (0..cx.p.nz).map(|z| !cx.p.urban[z]).collect();
        let eligible = if rural.iter().any(|r| *r) {
            rural
        } else {
            vec![true; cx.p.nz]
        };
        let add = by_gap(joining, &gaps, &teachers[0], &eligible);
        for (x, h) in teachers[0].iter_mut().zip(add) {
            *x += h;
        }
    }
    y.rec.trainee_intake = trainee_intake(cx, year);
    y.rec.trainees_joining = if t == 0 { 0.0 } else { joining };
    y.rec.trainees_in_training = ((year - trainee_years + 1)..=year)
        .map(|yr| trainee_intake(cx, yr))
        .sum();
}

/// Publicly funded trainees admitted in `year`: recorded up to the base year,
/// the lever after.
fn trainee_intake(cx: &Ctx, year: CalendarYear) -> f64 {
    let ds = cx.ds;
    if year <= ds.base_year {
        ds.teachers
            .trainee_history
            .iter()
            .find(|h| h.year == year)
            .map_or(0.0, |h| h.value)
    } else {
        cx.lv.trainees_intake.at((year - ds.base_year) as usize)
    }
}

/// Spreads `amount` over pools: first their positive gaps, in proportion and
/// never past them; whatever is left in proportion to their stock.
fn by_gap(amount: f64, gaps: &[f64], stock: &[f64], eligible: &[bool]) -> Vec<f64> {
    let pos: Vec<f64> = gaps
        .iter()
        .zip(eligible)
        .map(|(g, e)| if *e { g.max(0.0) } else { 0.0 })
        .collect();
    let first = amount.min(pos.iter().sum());
    let filled = kindergarten::spread(first, &pos, None);
    let rest = amount - first;
    if rest <= 0.0 {
        return filled;
    }
    filled
        .iter()
        .zip(by_stock(rest, stock, eligible))
        .map(|(a, b)| a + b)
        .collect()
}

/// Spreads `amount` over eligible pools in proportion to their stock (evenly
/// when none has any).
fn by_stock(amount: f64, stock: &[f64], eligible: &[bool]) -> Vec<f64> {
    let st: Vec<f64> = stock
        .iter()
        .zip(eligible)
        .map(|(s, e)| if *e { s.max(0.0) } else { 0.0 })
        .collect();
    if st.iter().sum::<f64>() > 0.0 {
        return kindergarten::spread(amount, &st, None);
    }
    let ones: Vec<f64> = eligible.iter().map(|e| if *e { 1.0 } else { 0.0 }).collect();
    kindergarten::spread(amount, &ones, None)
}
