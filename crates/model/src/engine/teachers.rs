//! Stage 5, teachers: after the base year each pool loses the attrition
//! rate, then the year's hires go first to pools short against last year's
//! requirement (the staffing norm), in proportion to the gap and never past
//! it, the rest in proportion to the pools' teachers; publicly funded
//! trainees who finish this year join rural primary pools the same way;
//! then the exchange levers move primary and junior teachers from zones
//! above last year's requirement to zones below it (城乡交流、走教), in
//! proportion to the surpluses and the shortfalls and never past either.

use super::kindergarten;
use super::num;
use super::state::{Ctx, State, YearStep};
use crate::level::Level;
use crate::units::Year as CalendarYear;

#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let (ds, t, year) = (cx.ds, y.t, y.year);
    let trainee_years = ds.teachers.trainee_years.value as i32;
    let attrition = if t == 0 { 0.0 } else { cx.lv.attrition.at(t) };
    let joining = trainee_intake(cx, year - trainee_years);
    if t > 0 {
        let (teachers, last, b) = (&mut st.teachers, &st.last_requirement, &mut st.buf.hire);
        let by_class = &st.last_class_requirement;
        for i in 0..Level::FLOW.len() {
            for x in teachers[i].iter_mut() {
                *x *= 1.0 - attrition;
            }
            b.gaps.clear();
            b.gaps.extend(last[i].iter().zip(&teachers[i]).map(|(r, s)| r - s));
            let mut all = std::mem::take(&mut b.all);
            all.clear();
            all.resize(teachers[i].len(), true);
            let hires = cx.lv.hires[i].at(t);
            by_gap(hires, &teachers[i], &all, b);
            b.all = all;
            for (x, h) in teachers[i].iter_mut().zip(&b.add) {
                *x += h;
            }
            y.rec.levels[i].hires = hires;
        }
        // publicly funded trainees join rural primaries (any primary when no zone is rural)
        b.gaps.clear();
        b.gaps.extend(last[0].iter().zip(&teachers[0]).map(|(r, s)| r - s));
        by_gap(joining, &teachers[0], &cx.p.trainee_pools, b);
        for (x, h) in teachers[0].iter_mut().zip(&b.add) {
            *x += h;
        }
        for i in 0..2 {
            let amount = cx.lv.exchange[i].at(t);
            y.rec.levels[i].exchanged = exchange(amount, &mut teachers[i], &last[i], &by_class[i]);
        }
    }
    y.rec.trainee_intake = trainee_intake(cx, year);
    y.rec.trainees_joining = if t == 0 { 0.0 } else { joining };
    y.rec.trainees_in_training = ((year - trainee_years + 1)..=year)
        .map(|yr| trainee_intake(cx, yr))
        .sum();
}

/// Moves up to `amount` teachers from pools above their requirement to pools
/// below it: from each in proportion to its surplus, to each in proportion to
/// its shortfall, never past either total. A pool's requirement is the larger
/// of the staffing norm's (`norm`) and the classes its rooms allow
/// (`by_class`): a zone of small schools keeps the teachers its classes
/// need even when the norm counts it in surplus. Returns the teachers moved.
fn exchange(amount: f64, teachers: &mut [f64], norm: &[f64], by_class: &[f64]) -> f64 {
    if amount.is_nan() || amount <= 0.0 {
        return 0.0;
    }
    let n = teachers.len().min(norm.len()).min(by_class.len());
    let need: Vec<f64> = (0..n).map(|z| norm[z].max(by_class[z])).collect();
    let gap = |z: usize| need[z] - teachers[z];
    let short: f64 = (0..n).map(|z| gap(z).max(0.0)).sum();
    let spare: f64 = (0..n).map(|z| (-gap(z)).max(0.0)).sum();
    let moved = amount.min(short).min(spare);
    if moved.is_nan() || moved <= 0.0 {
        return 0.0;
    }
    let gaps: Vec<f64> = (0..n).map(gap).collect();
    for (x, g) in teachers.iter_mut().zip(gaps) {
        if g > 0.0 {
            *x += moved * g / short;
        } else if g < 0.0 {
            *x -= moved * -g / spare;
        }
    }
    moved
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

/// Working space of the hiring rule (kept across years and runs).
#[derive(Default)]
pub(super) struct HireBuffers {
    gaps: Vec<f64>,
    positive: Vec<f64>,
    stock: Vec<f64>,
    by_stock: Vec<f64>,
    add: Vec<f64>,
    all: Vec<bool>,
}

/// Spreads `amount` over pools into `b.add`: first their positive gaps, in
/// proportion and never past them; whatever is left in proportion to their
/// stock (evenly when none has any).
fn by_gap(amount: f64, stock: &[f64], eligible: &[bool], b: &mut HireBuffers) {
    b.positive.clear();
    b.positive.extend(
        b.gaps
            .iter()
            .zip(eligible)
            .map(|(g, e)| if *e { num::max(*g, 0.0) } else { 0.0 }),
    );
    let first = amount.min(b.positive.iter().sum());
    kindergarten::spread_into(first, &b.positive, None, &mut b.add);
    let rest = amount - first;
    if rest <= 0.0 {
        return;
    }
    b.stock.clear();
    b.stock.extend(
        stock
            .iter()
            .zip(eligible)
            .map(|(s, e)| if *e { num::max(*s, 0.0) } else { 0.0 }),
    );
    let total: f64 = b.stock.iter().sum();
    if total.is_nan() || total <= 0.0 {
        b.stock.clear();
        b.stock.extend(eligible.iter().map(|e| if *e { 1.0 } else { 0.0 }));
    }
    kindergarten::spread_into(rest, &b.stock, None, &mut b.by_stock);
    for (a, x) in b.add.iter_mut().zip(&b.by_stock) {
        *a += x;
    }
}

#[cfg(test)]
mod tests {
    use super::exchange;

    #[test]
    fn exchange_moves_surplus_to_shortfall_and_no_further() {
        // zone 0 short by 10, zone 1 spare 6, zone 2 spare 2 (norm)
        let mut t = vec![90.0, 56.0, 22.0];
        let moved = exchange(100.0, &mut t, &[100.0, 50.0, 20.0], &[0.0, 0.0, 0.0]);
        assert_eq!(moved, 8.0);
        assert!(
            (t[0] - 98.0).abs() < 1e-12 && (t[1] - 50.0).abs() < 1e-12 && (t[2] - 20.0).abs() < 1e-12,
            "{t:?}"
        );
        // asked for less: in proportion to the surpluses
        let mut t = vec![90.0, 56.0, 22.0];
        assert_eq!(exchange(4.0, &mut t, &[100.0, 50.0, 20.0], &[0.0; 3]), 4.0);
        assert!((t[1] - 53.0).abs() < 1e-12 && (t[2] - 21.0).abs() < 1e-12, "{t:?}");
        // a zone whose classes need its teachers gives none, though the norm counts it spare
        let mut t = vec![90.0, 56.0, 22.0];
        assert_eq!(exchange(100.0, &mut t, &[100.0, 50.0, 20.0], &[0.0, 56.0, 0.0]), 2.0);
        assert_eq!(t[1], 56.0);
        // nothing asked, nothing short or nothing spare: nothing moves
        for (asked, norm) in [
            (0.0, [100.0, 50.0, 20.0]),
            (f64::NAN, [100.0, 50.0, 20.0]),
            (10.0, [80.0, 50.0, 20.0]),
        ] {
            let mut t = vec![90.0, 56.0, 22.0];
            let before = t.clone();
            if norm[0] == 80.0 {
                t = vec![80.0, 50.0, 20.0];
            }
            let was = t.clone();
            assert_eq!(exchange(asked, &mut t, &norm, &[0.0; 3]), 0.0);
            assert_eq!(t, was, "{before:?}");
        }
    }
}
