//! Grade flows (UNESCO/IIEP reconstructed-cohort identities).
//!
//! For each grade g of a level with repetition r_g and dropout d_g (dropout
//! already cut by the prevention lever), promotion p_g = 1 − r_g − d_g:
//!   E[1](t+1) = intake(t+1) + M(r_1·E[1](t))
//!   E[g](t+1) = M(p_{g−1}·E[g−1](t)) + M(r_g·E[g](t))
//!   graduates(t) = p_G·E[G](t)
//! where M moves pupils with the migration of their age (county net rate and,
//! for zone pools, rural→town movement). Dropout is kept apart from migration.

use crate::engine::population::Migration;
use crate::units::Share;

/// Flow rates of one level for one year.
#[derive(Clone, Debug)]
pub struct Rates {
    pub repetition: Vec<f64>,
    pub dropout: Vec<f64>,
}

impl Rates {
    /// Dataset rates with dropout cut by `reduction` (0..=1).
    pub fn new(repetition: &[Share], dropout: &[Share], reduction: f64) -> Rates {
        let keep = 1.0 - reduction.clamp(0.0, 1.0);
        Rates {
            repetition: repetition.iter().map(|s| s.get()).collect(),
            dropout: dropout.iter().map(|s| s.get() * keep).collect(),
        }
    }

    pub fn promotion(&self, g: usize) -> f64 {
        (1.0 - self.repetition[g] - self.dropout[g]).max(0.0)
    }

    /// Transfer-adjusted retention: the chance that an entrant eventually
    /// passes every grade, Π (1 − d_g/(1 − r_g)); transfers do not count.
    pub fn retention_adjusted(&self) -> f64 {
        self.repetition
            .iter()
            .zip(&self.dropout)
            .map(|(r, d)| 1.0 - d / (1.0 - r).max(1e-9))
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
    let pools = e.len();
    let grades = rates.repetition.len();
    let mut next = vec![vec![0.0; grades]; pools];
    let mut graduates = vec![0.0; pools];
    let mut acc = Account::default();
    let mut col = vec![0.0; pools];
    let moved = |col: &mut Vec<f64>, age: usize| -> f64 {
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
        // repeaters stay in grade g
        for p in 0..pools {
            let x = e[p][g];
            acc.start += x;
            acc.dropped += rates.dropout[g] * x;
            col[p] = rates.repetition[g] * x;
        }
        acc.repeated += col.iter().sum::<f64>();
        acc.migrated += moved(&mut col, age);
        for p in 0..pools {
            next[p][g] += col[p];
        }
        // promoted move to g + 1, or graduate from the last grade
        for p in 0..pools {
            col[p] = rates.promotion(g) * e[p][g];
        }
        if g + 1 < grades {
            acc.promoted += col.iter().sum::<f64>();
            acc.migrated += moved(&mut col, age);
            for p in 0..pools {
                next[p][g + 1] += col[p];
            }
        } else {
            acc.graduated += col.iter().sum::<f64>();
            graduates.copy_from_slice(&col);
        }
    }
    for (p, row) in next.iter_mut().enumerate() {
        let i = intake.get(p).copied().unwrap_or(0.0).max(0.0);
        row[0] += i;
        acc.intake += i;
    }
    acc.end = next.iter().flatten().sum();
    (next, graduates, acc)
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
