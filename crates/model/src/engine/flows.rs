//! Grade flows (UNESCO/IIEP reconstructed-cohort identities).
//!
//! For each grade g of a level with repetition r_g and dropout d_g (dropout
//! already cut by the prevention lever), promotion p_g = 1 − r_g − d_g:
//!   E[1](t+1) = intake(t+1) + M(r_1·E[1](t))
//!   E[g](t+1) = M(p_{g−1}·E[g−1](t)) + M(r_g·E[g](t))
//!   graduates(t) = p_G·E[G](t)
//! where M moves pupils with the migration of their age (county net rate and,
//! for zone pools, rural→town movement). Dropout is kept apart from migration.

use super::num;
use super::state::{Ctx, State, YearStep};
use crate::engine::population::Migration;
use crate::level::Level;
use crate::units::Share;

/// Flow rates of one level for one year.
#[derive(Clone, Debug, Default)]
pub struct Rates {
    pub repetition: Vec<f64>,
    pub dropout: Vec<f64>,
}

impl Rates {
    /// Dataset rates with dropout cut by `reduction` (0..=1).
    pub fn new(repetition: &[Share], dropout: &[Share], reduction: f64) -> Rates {
        let mut r = Rates {
            repetition: Vec::new(),
            dropout: Vec::new(),
        };
        r.set(repetition, dropout, reduction);
        r
    }

    /// [`Rates::new`] in place (keeps the buffers).
    pub fn set(&mut self, repetition: &[Share], dropout: &[Share], reduction: f64) {
        let keep = 1.0 - reduction.clamp(0.0, 1.0);
        self.repetition.clear();
        self.repetition.extend(repetition.iter().map(|s| s.get()));
        self.dropout.clear();
        self.dropout.extend(dropout.iter().map(|s| s.get() * keep));
    }

    pub fn promotion(&self, g: usize) -> f64 {
        num::max(1.0 - self.repetition[g] - self.dropout[g], 0.0)
    }

    /// Transfer-adjusted retention: the chance that an entrant eventually
    /// passes every grade, Π (1 − d_g/(1 − r_g)); transfers do not count.
    pub fn retention_adjusted(&self) -> f64 {
        self.repetition
            .iter()
            .zip(&self.dropout)
            .map(|(r, d)| 1.0 - d / num::max(1.0 - r, 1e-9))
            .product()
    }
}

/// One level's account for one step: where last year's pupils went.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Account {
    /// Pupils at the previous headcount.
    pub start: f64,
    /// Promoted to the next grade of the same level (before migration).
    pub promoted: f64,
    pub repeated: f64,
    pub dropped: f64,
    pub graduated: f64,
    /// Net migrants among promoted and repeating pupils.
    pub migrated: f64,
    /// New entrants to the first grade.
    pub intake: f64,
    /// Pupils at the new headcount.
    pub end: f64,
}

/// Advances one pool-structured level: `e[pool][grade]`. `intake[pool]` enters
/// grade 1. With `zoned`, pools are zones and rural→town movement applies;
/// otherwise there is one county pool and only net migration acts.
/// Returns the new enrollment, graduates by pool and the account.
pub fn step(
    e: &[Vec<f64>],
    rates: &Rates,
    intake: &[f64],
    entry_age: usize,
    mig: &Migration,
    zoned: bool,
) -> (Vec<Vec<f64>>, Vec<f64>, Account) {
    let mut next = vec![vec![0.0; rates.repetition.len()]; e.len()];
    let mut graduates = Vec::new();
    let acc = step_into(
        e,
        rates,
        intake,
        entry_age,
        mig,
        zoned,
        &mut next,
        &mut graduates,
        &mut Vec::new(),
    );
    (next, graduates, acc)
}

/// [`step`] into buffers: the new enrollment into `next` (same shape as `e`),
/// graduates by pool into `graduates`; `col` is working space.
#[allow(clippy::too_many_arguments)]
pub fn step_into(
    e: &[Vec<f64>],
    rates: &Rates,
    intake: &[f64],
    entry_age: usize,
    mig: &Migration,
    zoned: bool,
    next: &mut [Vec<f64>],
    graduates: &mut Vec<f64>,
    col: &mut Vec<f64>,
) -> Account {
    let pools = e.len();
    let grades = rates.repetition.len();
    for row in next.iter_mut() {
        row.fill(0.0);
    }
    graduates.clear();
    graduates.resize(pools, 0.0);
    col.clear();
    col.resize(pools, 0.0);
    let mut acc = Account::default();
    let moved = |col: &mut [f64], age: usize| -> f64 {
        if zoned {
            mig.apply(col, age)
        } else {
            let before: f64 = col.iter().sum();
            for x in col.iter_mut() {
                *x = mig.apply_county(*x, age);
            }
            col.iter().sum::<f64>() - before
        }
    };
    for g in 0..grades {
        let age = entry_age + g;
        for p in 0..pools {
            let x = e[p][g];
            acc.start += x;
            acc.dropped += rates.dropout[g] * x;
            col[p] = rates.repetition[g] * x;
        }
        acc.repeated += col.iter().sum::<f64>();
        acc.migrated += moved(col, age);
        for p in 0..pools {
            next[p][g] += col[p];
        }
        for p in 0..pools {
            col[p] = rates.promotion(g) * e[p][g];
        }
        if g + 1 < grades {
            acc.promoted += col.iter().sum::<f64>();
            acc.migrated += moved(col, age);
            for p in 0..pools {
                next[p][g + 1] += col[p];
            }
        } else {
            acc.graduated += col.iter().sum::<f64>();
            graduates.copy_from_slice(col);
        }
    }
    for (p, row) in next.iter_mut().enumerate() {
        let i = num::max(intake.get(p).copied().unwrap_or(0.0), 0.0);
        row[0] += i;
        acc.intake += i;
    }
    acc.end = next.iter().flatten().sum();
    acc
}

/// This year's rates of every grade-flow level: the dataset's, dropouts cut
/// by the dropout-reduction lever and, after the base year, scaled by the
/// draw's dropout multiplier (never past 0.5 minus repetition).
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn set_year_rates(cx: &Ctx, t: usize, rates: &mut [Rates; 4]) {
    let reduction = if t == 0 { 0.0 } else { cx.lv.dropout_reduction.at(t) };
    for (i, rates) in rates.iter_mut().enumerate() {
        let r = cx.ds.flows.rates.of(Level::FLOW[i]);
        rates.set(&r.repetition.value, &r.dropout.value, reduction);
        if t > 0 {
            for (d, rep) in rates.dropout.iter_mut().zip(&rates.repetition) {
                *d = num::min(*d * num::max(cx.pert.dropout, 0.0), 0.5 - rep);
            }
        }
    }
}

/// Stage 3, grade flows: primary intake from the age-6 population, primary
/// graduates on to junior (with the migration of age 11 → 12), junior
/// graduates to the county's senior stage (τ progress, σ of them to general
/// senior, the rest to vocational, a share of it outside the county).
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let (ds, t, mig) = (cx.ds, y.t, &cx.mig);
    let State {
        enroll,
        voc_outside,
        pop,
        buf,
        rates,
        ..
    } = st;
    if t > 0 {
        let b = buf;
        b.intake.clear();
        b.intake
            .extend((0..cx.p.nz).map(|z| ds.flows.intake_rate.value * pop.by_zone[z][6]));
        let r = &*rates;
        let [next0, next1, next2, next3] = &mut b.enroll_next;
        y.flows[0] = step_into(
            &enroll[0],
            &r[0],
            &b.intake,
            6,
            mig,
            true,
            next0,
            &mut b.graduates,
            &mut b.col,
        );
        // junior: primary graduates move on (with the migration of age 11 → 12)
        b.intake.clear();
        b.intake
            .extend(b.graduates.iter().map(|g| g * ds.flows.primary_to_junior.value.get()));
        mig.apply(&mut b.intake, 11);
        y.flows[1] = step_into(
            &enroll[1],
            &r[1],
            &b.intake,
            12,
            mig,
            true,
            next1,
            &mut b.graduates,
            &mut b.col,
        );
        // senior stage: county pool; τ progress, σ go to general senior
        let g_js: f64 = b.graduates.iter().sum();
        let g_js = mig.apply_county(g_js, 14);
        let tau = (cx.lv.progression.at(t) + cx.pert.progression).clamp(0.0, 1.0);
        let sigma = cx.lv.general_share.at(t);
        y.general_intake = tau * sigma * g_js;
        y.voc_intake = tau * (1.0 - sigma) * g_js;
        let out_share = ds.flows.vocational_outside_share.value.get();
        let general = [y.general_intake];
        y.flows[2] = step_into(
            &enroll[2],
            &r[2],
            &general,
            15,
            mig,
            false,
            next2,
            &mut b.graduates,
            &mut b.col,
        );
        let local = [y.voc_intake * (1.0 - out_share)];
        y.flows[3] = step_into(
            &enroll[3],
            &r[3],
            &local,
            15,
            mig,
            false,
            next3,
            &mut b.graduates,
            &mut b.col,
        );
        let outside = [y.voc_intake * out_share];
        b.voc_next.resize_with(1, Vec::new);
        b.voc_next[0].clear();
        b.voc_next[0].resize(voc_outside.len(), 0.0);
        step_into(
            std::slice::from_ref(voc_outside),
            &r[3],
            &outside,
            15,
            mig,
            false,
            &mut b.voc_next,
            &mut b.graduates,
            &mut b.col,
        );
        std::mem::swap(voc_outside, &mut b.voc_next[0]);
        std::mem::swap(enroll, &mut b.enroll_next);
    } else {
        // base year: first-grade pupils who are not repeating
        let r = &*rates;
        let first = |l: usize| enroll[l].iter().map(|p| p[0]).sum::<f64>() * (1.0 - r[l].repetition[0]);
        y.general_intake = first(2);
        y.voc_intake = first(3) + voc_outside.first().copied().unwrap_or(0.0) * (1.0 - r[3].repetition[0]);
    }
    y.rec.vocational_outside = voc_outside.iter().sum();
    y.rec.senior_intake_general = y.general_intake;
    y.rec.senior_intake_vocational = y.voc_intake;
}

/// Stage 6b, level records: enrollment, intake, graduates, repeaters and
/// dropouts (the base year's read from its rates, later ones from the step's
/// account), retention, teachers and the two requirements of each level.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn record_levels(cx: &Ctx, st: &State, y: &mut YearStep) {
    let (ds, t) = (cx.ds, y.t);
    let pop = &st.pop;
    let ages = [pop.ages(6, 11), pop.ages(12, 14), pop.ages(15, 17), pop.ages(15, 17)];
    for (i, l) in Level::FLOW.into_iter().enumerate() {
        let lr = &mut y.rec.levels[i];
        let r = &st.rates[i];
        let enroll = &st.enroll[i];
        lr.enrollment = enroll.iter().flatten().sum();
        let first: f64 = enroll.iter().map(|p| p[0]).sum();
        lr.repeaters = enroll
            .iter()
            .map(|p| p.iter().zip(&r.repetition).map(|(e, rr)| e * rr).sum::<f64>())
            .sum();
        // base year: no step has run, so flows are read from the base-year rates
        if t == 0 {
            lr.intake = first * (1.0 - r.repetition[0]);
            lr.graduates = enroll
                .iter()
                .map(|p| p[l.grades() - 1] * r.promotion(l.grades() - 1))
                .sum();
            lr.enrollment_prev = lr.enrollment;
            lr.dropouts = enroll
                .iter()
                .map(|p| p.iter().zip(&r.dropout).map(|(e, d)| e * d).sum::<f64>())
                .sum();
        } else {
            let a = &y.flows[i];
            lr.intake = a.intake;
            lr.graduates = a.graduated;
            lr.dropouts = a.dropped;
            lr.enrollment_prev = a.start;
            lr.migrated = a.migrated;
        }
        lr.retention_adjusted = r.retention_adjusted();
        let entry = l.entry_age();
        let migration_survival: f64 = (0..l.grades() - 1)
            .map(|g| {
                1.0 + ds
                    .demography
                    .net_migration_rate
                    .value
                    .get(entry + g)
                    .copied()
                    .unwrap_or(0.0)
                    * cx.mig.scale
            })
            .product();
        lr.retention_unadjusted = lr.retention_adjusted * migration_survival;
        lr.teachers = st.teachers[i].iter().sum();
        lr.requirement_norm = lr.enrollment / ds.norms.pupils_per_teacher.value.of(l);
        lr.requirement_classes = lr.classes_needed * ds.norms.teachers_per_class.value.of(l);
        lr.age_population = ages[i];
        lr.rooms_built = y.rooms_built[i];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(v: &[f64]) -> Vec<Share> {
        v.iter().map(|x| Share::new(*x).unwrap()).collect()
    }

    #[test]
    fn hand_computed_step_without_migration() {
        // 3 grades, r = 0.1, d = 0.05 → p = 0.85
        let rates = Rates::new(&share(&[0.1, 0.1, 0.1]), &share(&[0.05, 0.05, 0.05]), 0.0);
        let mig = Migration {
            net_rate: &[0.0; 19],
            to_town: &[0.0; 19],
            urban: &[true],
            town: 0,
            scale: 1.0,
        };
        let (next, grads, acc) = step(&[vec![100.0, 200.0, 300.0]], &rates, &[50.0], 12, &mig, false);
        assert!((next[0][0] - (50.0 + 10.0)).abs() < 1e-9);
        assert!((next[0][1] - (85.0 + 20.0)).abs() < 1e-9);
        assert!((next[0][2] - (170.0 + 30.0)).abs() < 1e-9);
        assert!((grads[0] - 255.0).abs() < 1e-9);
        assert!((acc.dropped - 30.0).abs() < 1e-9);
        assert!((acc.start - (acc.promoted + acc.repeated + acc.dropped + acc.graduated)).abs() < 1e-9);
        assert!((acc.end - (acc.promoted + acc.repeated + acc.migrated + acc.intake)).abs() < 1e-9);
    }

    #[test]
    fn dropout_reduction_moves_dropouts_to_promotion() {
        let r = Rates::new(&share(&[0.0, 0.0]), &share(&[0.02, 0.04]), 0.5);
        assert!((r.dropout[1] - 0.02).abs() < 1e-12);
        assert!((r.promotion(1) - 0.98).abs() < 1e-12);
        assert!((r.retention_adjusted() - 0.99 * 0.98).abs() < 1e-12);
        let all = Rates::new(&share(&[0.0]), &share(&[0.04]), 1.0);
        assert_eq!(all.retention_adjusted(), 1.0);
    }

    #[test]
    fn zoned_step_moves_pupils_to_town() {
        let rates = Rates::new(&share(&[0.0, 0.0]), &share(&[0.0, 0.0]), 0.0);
        let mut to_town = [0.0; 19];
        to_town[6] = 0.1;
        let mig = Migration {
            net_rate: &[0.0; 19],
            to_town: &to_town,
            urban: &[true, false],
            town: 0,
            scale: 1.0,
        };
        let (next, _, acc) = step(&[vec![0.0, 0.0], vec![100.0, 0.0]], &rates, &[0.0, 0.0], 6, &mig, true);
        assert!((next[0][1] - 10.0).abs() < 1e-9);
        assert!((next[1][1] - 90.0).abs() < 1e-9);
        assert!(acc.migrated.abs() < 1e-9, "rural→town movement is not county migration");
    }
}
