//! Cohort-component population by zone and single age 0..=18.
//!
//! P[z][a+1](t+1) = P[z][a](t)·(1 + n_a·k), then rural zones send a share
//! ρ_a·k of each age to the town seat (进城); P[z][0](t+1) = B(t+1)·share_z.
//! Survival is taken as 1 at ages 0–18 (child mortality in Hunan is a few per
//! thousand over the whole span, far below migration); k is the migration
//! scale assumption. Residents of all ages follow
//! R(t+1) = R(t)·(1 − cdr) + B(t+1) + child net migrants + adult net migrants·k.

use super::num;
use super::state::{Ctx, State, YearStep};
use crate::dataset::{Dataset, AGES};
use crate::units::Year;

#[derive(Clone, Debug, PartialEq)]
pub struct Pop {
    /// [zone][age]
    pub by_zone: Vec<[f64; AGES]>,
    pub residents: f64,
}

/// The migration of one age group between two headcounts.
pub struct Migration<'a> {
    pub net_rate: &'a [f64],
    pub to_town: &'a [f64],
    pub urban: &'a [bool],
    pub town: usize,
    pub scale: f64,
}

impl Migration<'_> {
    /// Moves a per-zone quantity of people aged `age` one year on: county net
    /// migration first, then rural→town movement. Returns the county net change.
    pub fn apply(&self, by_zone: &mut [f64], age: usize) -> f64 {
        let n = self.net_rate.get(age).copied().unwrap_or(0.0) * self.scale;
        let rho = (self.to_town.get(age).copied().unwrap_or(0.0) * self.scale).clamp(0.0, 1.0);
        let before: f64 = by_zone.iter().sum();
        let mut moved = 0.0;
        for (z, x) in by_zone.iter_mut().enumerate() {
            *x = num::max(*x * (1.0 + n), 0.0);
            if !self.urban[z] {
                let m = *x * rho;
                *x -= m;
                moved += m;
            }
        }
        if let Some(t) = by_zone.get_mut(self.town) {
            *t += moved;
        }
        by_zone.iter().sum::<f64>() - before
    }

    /// County-level version (no zones): only net migration acts.
    pub fn apply_county(&self, x: f64, age: usize) -> f64 {
        num::max(
            x * (1.0 + self.net_rate.get(age).copied().unwrap_or(0.0) * self.scale),
            0.0,
        )
    }
}

/// Births in `year`: recorded where the dataset has them, otherwise the last
/// recorded value carried forward at the variant's annual change.
pub fn births(ds: &Dataset, year: Year, annual_change: f64) -> f64 {
    if let Some(b) = ds.recorded_births(year) {
        return b;
    }
    let last = ds.demography.births.last();
    match last {
        Some(l) if year > l.year => l.value * (1.0 + annual_change).powi(year - l.year),
        // Before the first record: hold the first value (only reached for
        // trainee-era years, never for population ageing).
        _ => ds.demography.births.first().map_or(0.0, |b| b.value),
    }
}

impl Pop {
    pub fn base(ds: &Dataset) -> Pop {
        let by_zone = ds
            .demography
            .population
            .value
            .iter()
            .map(|row| {
                let mut a = [0.0; AGES];
                for (x, v) in a.iter_mut().zip(row) {
                    *x = *v;
                }
                a
            })
            .collect();
        Pop {
            by_zone,
            residents: ds.demography.residents.value,
        }
    }

    /// Sum over zones of ages `lo..=hi`.
    pub fn ages(&self, lo: usize, hi: usize) -> f64 {
        self.by_zone.iter().map(|z| z[lo..=hi].iter().sum::<f64>()).sum()
    }

    pub fn zone_ages(&self, z: usize, lo: usize, hi: usize) -> f64 {
        self.by_zone[z][lo..=hi].iter().sum()
    }

    /// Back to the dataset's base-year population, in the same buffers.
    pub fn reset(&mut self, ds: &Dataset) {
        let rows = &ds.demography.population.value;
        self.by_zone.resize(rows.len(), [0.0; AGES]);
        for (a, row) in self.by_zone.iter_mut().zip(rows) {
            *a = [0.0; AGES];
            for (x, v) in a.iter_mut().zip(row) {
                *x = *v;
            }
        }
        self.residents = ds.demography.residents.value;
    }

    /// One year on: everyone ages a year and migrates, `births` are born by
    /// the zones' birth shares. `next` and `col` are working buffers; the new
    /// population is swapped into `self`.
    pub fn step(
        &mut self,
        ds: &Dataset,
        mig: &Migration,
        births: f64,
        next: &mut Vec<[f64; AGES]>,
        col: &mut Vec<f64>,
    ) {
        let nz = self.by_zone.len();
        next.clear();
        next.resize(nz, [0.0; AGES]);
        col.clear();
        col.resize(nz, 0.0);
        let mut child_net = 0.0;
        for a in 0..AGES - 1 {
            for (c, zone) in col.iter_mut().zip(&self.by_zone) {
                *c = zone[a];
            }
            child_net += mig.apply(col, a);
            for (zone, c) in next.iter_mut().zip(col.iter()) {
                zone[a + 1] = *c;
            }
        }
        for (z, share) in ds.demography.birth_zone_share.value.iter().enumerate().take(nz) {
            next[z][0] = births * share;
        }
        let d = &ds.demography;
        self.residents = (self.residents * (1.0 - d.crude_death_rate.value)
            + births
            + child_net
            + d.adult_net_migration.value * mig.scale)
            .max(0.0);
        std::mem::swap(&mut self.by_zone, next);
    }
}

/// Stage 1, population: the year's births (a recorded year's as recorded,
/// later ones by the chosen variant, times the draw's birth multiplier), the
/// population aged a year with migration, and its age groups on the record.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let (ds, t) = (cx.ds, y.t);
    let d = &ds.demography;
    let variant = match cx.lv.births_variant.at(t).round() as i64 {
        0 => d.birth_variants.low.value,
        2 => d.birth_variants.high.value,
        _ => d.birth_variants.central.value,
    };
    let births = births(ds, y.year, variant)
        * if ds.recorded_births(y.year).is_none() {
            cx.pert.births.get(t).copied().unwrap_or(1.0).max(0.0)
        } else {
            1.0
        };
    if t > 0 {
        st.pop
            .step(ds, &cx.mig, births, &mut st.buf.pop_next, &mut st.buf.zone_col);
    }
    let (pop, rec) = (&st.pop, &mut y.rec);
    rec.births = births;
    rec.residents = pop.residents;
    rec.pop_3_5 = pop.ages(3, 5);
    rec.pop_6_11 = pop.ages(6, 11);
    rec.pop_12_14 = pop.ages(12, 14);
    rec.pop_15_17 = pop.ages(15, 17);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_moves_rural_children_to_town_and_keeps_county_net() {
        let urban = [true, false, false];
        let net = [0.0, -0.01];
        let to_town = [0.0, 0.1];
        let m = Migration {
            net_rate: &net,
            to_town: &to_town,
            urban: &urban,
            town: 0,
            scale: 1.0,
        };
        let mut v = [100.0, 50.0, 50.0];
        let change = m.apply(&mut v, 1);
        // every zone loses 1% to the outside; rural zones then send 10% to town
        assert!((v[1] - 50.0 * 0.99 * 0.9).abs() < 1e-9);
        assert!((v[0] - (99.0 + 2.0 * 50.0 * 0.99 * 0.1)).abs() < 1e-9);
        assert!(
            (change + 2.0).abs() < 1e-9,
            "county net change is only the 1% outflow: {change}"
        );
    }

    #[test]
    fn zero_scale_means_no_migration() {
        let urban = [true, false];
        let m = Migration {
            net_rate: &[0.5],
            to_town: &[0.5],
            urban: &urban,
            town: 0,
            scale: 0.0,
        };
        let mut v = [10.0, 10.0];
        assert_eq!(m.apply(&mut v, 0), 0.0);
        assert_eq!(v, [10.0, 10.0]);
    }
}
