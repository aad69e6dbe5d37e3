//! Monte Carlo around the deterministic engine: how sure is each line, and
//! how likely is each target to be met in its year.
//!
//! Per draw (policy levers held fixed), with spread factor s (1 = default):
//! - births after the last recorded year: a random walk in logs,
//!   ln m(t) = ln m(t−1) + N(0, (0.05·s)²), so the spread grows with lead time;
//! - migration (net and rural→town): × N(1, (0.25·s)²), not below 0;
//! - dropout rates: × exp(N(0, (0.3·s)²));
//! - junior→senior progression τ: + N(0, (0.02·s)²);
//! - kindergarten participation: + N(0, (0.01·s)²).
//!
//! The generator is rand's StdRng (ChaCha) seeded from the scenario's seed;
//! normals come from Box–Muller with `libm`'s ln/cos, so the same seed gives
//! bit-identical draws natively and in WebAssembly. With s = 0 every band
//! collapses onto the deterministic line.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::engine::{Engine, Perturbation};
use crate::scenario::{Resolved, Scenario};
use crate::units::Year;

/// The seed used when a scenario names none.
pub const DEFAULT_SEED: u64 = 20_201_101;
/// Draws per run unless asked otherwise.
pub const DEFAULT_DRAWS: u32 = 500;
/// The most draws one run may ask for.
pub const MAX_DRAWS: u32 = 10_000;

/// What an uncertainty run is asked to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct McSettings {
    pub draws: u32,
    pub seed: u64,
    /// Multiplies every distribution's spread (0 = no uncertainty).
    pub spread: f64,
}

impl Default for McSettings {
    fn default() -> Self {
        McSettings {
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
            spread: 1.0,
        }
    }
}

/// Percentile bands per county indicator and year, and P(met) per target.
/// Equal when every value is the same bits or both undefined (an indicator
/// the draws leave undefined, such as the warning counts, is NaN in both).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Bands {
    pub years: Vec<Year>,
    pub draws: u32,
    pub seed: u64,
    /// Indicator ids, in catalogue order (county indicators).
    pub ids: Vec<String>,
    /// `[indicator][year]` for the 10th, 25th, 50th, 75th and 90th
    /// percentiles of the draws in which the value is defined; undefined
    /// (`null` in JSON) when it is undefined in every draw.
    #[serde(deserialize_with = "crate::units::nested_or_undefined")]
    pub p10: Vec<Vec<f64>>,
    #[serde(deserialize_with = "crate::units::nested_or_undefined")]
    pub p25: Vec<Vec<f64>>,
    #[serde(deserialize_with = "crate::units::nested_or_undefined")]
    pub p50: Vec<Vec<f64>>,
    #[serde(deserialize_with = "crate::units::nested_or_undefined")]
    pub p75: Vec<Vec<f64>>,
    #[serde(deserialize_with = "crate::units::nested_or_undefined")]
    pub p90: Vec<Vec<f64>>,
    /// Target ids and the share of draws in which each is met in its year.
    pub targets: Vec<String>,
    pub prob_met: Vec<f64>,
}

impl PartialEq for Bands {
    fn eq(&self, o: &Self) -> bool {
        let same = |a: &Vec<Vec<f64>>, b: &Vec<Vec<f64>>| {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| {
                    x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p == q || (p.is_nan() && q.is_nan()))
                })
        };
        self.years == o.years
            && self.draws == o.draws
            && self.seed == o.seed
            && self.ids == o.ids
            && same(&self.p10, &o.p10)
            && same(&self.p25, &o.p25)
            && same(&self.p50, &o.p50)
            && same(&self.p75, &o.p75)
            && same(&self.p90, &o.p90)
            && self.targets == o.targets
            && self.prob_met == o.prob_met
    }
}

impl Bands {
    /// (p10, p25, p50, p75, p90) of an indicator, if it is in the bands.
    pub fn get(&self, id: &str) -> Option<[&[f64]; 5]> {
        let i = self.ids.iter().position(|x| x == id)?;
        Some([&self.p10[i], &self.p25[i], &self.p50[i], &self.p75[i], &self.p90[i]])
    }

    pub fn prob(&self, target: &str) -> Option<f64> {
        self.targets.iter().position(|t| t == target).map(|i| self.prob_met[i])
    }
}

/// A standard normal from two uniforms (Box–Muller), with libm's functions
/// so that native and wasm builds agree to the bit.
fn normal(rng: &mut StdRng) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>(); // (0, 1]
    let u2: f64 = rng.random::<f64>();
    libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * std::f64::consts::PI * u2)
}

/// One draw's perturbation.
fn draw(rng: &mut StdRng, ds: &Dataset, n_years: usize, s: f64) -> Perturbation {
    let last = ds.demography.births.last().map_or(ds.base_year, |b| b.year);
    let mut walk = 0.0;
    let births = (0..n_years)
        .map(|t| {
            let year = ds.base_year + t as i32;
            if year > last {
                walk += 0.05 * s * normal(rng);
                libm::exp(walk)
            } else {
                1.0
            }
        })
        .collect();
    Perturbation {
        births,
        migration: (1.0 + 0.25 * s * normal(rng)).max(0.0),
        dropout: libm::exp(0.3 * s * normal(rng)),
        progression: 0.02 * s * normal(rng),
        participation: 0.01 * s * normal(rng),
    }
}

/// The q-quantile of sorted values (linear between order statistics);
/// undefined when there are none. The bands find the same values without
/// the merge ([`band_quantiles`]); this is the definition tests hold them to.
#[cfg(test)]
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return crate::units::UNDEFINED;
    }
    quantile_by(sorted.len(), q, |i| sorted[i])
}

/// The q-quantile of `n ≥ 1` sorted values, `at(i)` giving the i-th:
/// linear between the order statistics around it.
fn quantile_by(n: usize, q: f64, at: impl Fn(usize) -> f64) -> f64 {
    let (i, f) = quantile_rank(n, q);
    if i + 1 < n {
        at(i) + f * (at(i + 1) - at(i))
    } else {
        at(i)
    }
}

/// The quantiles the bands give: P10, P25, P50, P75, P90.
const BAND_QUANTILES: [f64; 5] = [0.1, 0.25, 0.5, 0.75, 0.9];

/// Where the q-quantile of `n` sorted values falls: the order statistic `i`
/// below it and the fraction `f` of the way to the next (n ≥ 1).
fn quantile_rank(n: usize, q: f64) -> (usize, f64) {
    let pos = q * (n - 1) as f64;
    (pos.floor() as usize, pos - pos.floor())
}

/// Which draws one worker computes: draw k (counting from 0) belongs to part
/// `k mod of`. Every part generates every draw's perturbation in order from
/// the seed (cheap) and projects only its own, so the draws — and the merged
/// bands — are the same whatever the number of parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub index: u32,
    pub of: u32,
}

impl Part {
    /// All draws in one part.
    pub const WHOLE: Part = Part { index: 0, of: 1 };

    /// Part `index` of `of` (`of` at least 1, `index` below it), or `None`.
    pub fn new(index: u32, of: u32) -> Option<Part> {
        (of >= 1 && index < of).then_some(Part { index, of })
    }
}

/// One part's draws, ready to merge: for each cell (indicator × year, in
/// catalogue then year order) the defined values of the part's draws,
/// sorted ascending (`f64::total_cmp`), all cells end to end in `values`,
/// `lens[cell]` of them per cell; `met[target]` counts the part's draws in
/// which the target is met.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PartResult {
    /// Draws this part computed.
    pub draws: u32,
    pub years: Vec<Year>,
    pub values: Vec<f64>,
    pub lens: Vec<u32>,
    pub met: Vec<u32>,
}

/// Runs one part of the Monte Carlo for a scenario to the dataset's horizon.
pub fn run_part(ds: &Dataset, sc: &Scenario, settings: &McSettings, part: Part) -> PartResult {
    let draws = settings.draws.clamp(1, MAX_DRAWS);
    let spread = if settings.spread.is_finite() {
        settings.spread.clamp(0.0, 3.0)
    } else {
        1.0
    };
    let horizon = ds.horizon;
    let n_years = (horizon - ds.base_year + 1) as usize;
    // budget mode: the purchases are planned once, on the central projection, and the
    // draws perturb the world with those quantities fixed, like every other lever
    let planned;
    let sc = if crate::budget::is_budget_mode(sc) {
        planned = crate::budget::plan(ds, sc, horizon).0;
        &planned
    } else {
        sc
    };
    let mut rng = StdRng::seed_from_u64(settings.seed);
    let n_ind = crate::catalogue::indicators().len();
    // cells[indicator][year] = this part's values
    let mine = draws.div_ceil(part.of.max(1)) as usize;
    let mut cells: Vec<Vec<f64>> = vec![Vec::with_capacity(mine); n_ind * n_years];
    let mut met = vec![0u32; ds.targets.len()];
    let years: Vec<Year> = (0..n_years).map(|t| ds.base_year + t as i32).collect();
    // one prepared engine and one state for every draw (their buffers are
    // reused), the scenario resolved once; each draw's outcomes are read off
    // its records without building a whole projection
    let engine = Engine::for_scenario(ds, sc);
    let mut state = engine.state();
    // warnings are counted school by school, about a quarter of a draw's time: only
    // when a target needs them (their bands are otherwise left undefined)
    state.set_count_flags(ds.targets.iter().any(|t| t.indicator.contains("schools_flagged")));
    let resolved = Resolved::new(ds, sc, horizon);
    for k in 0..draws {
        let pert = draw(&mut rng, ds, n_years, spread);
        if k % part.of.max(1) != part.index {
            continue;
        }
        let records = engine.records(&resolved, &pert, &mut state);
        let value = |i: usize, y: usize, v: f64| {
            if let Some(cell) = cells.get_mut(i * n_years + y).filter(|_| y < n_years) {
                cell.push(v);
            }
        };
        crate::projection::draw_outcomes(ds, &years, &records, value, &mut met);
    }
    let mut out = PartResult {
        draws: (0..draws).filter(|k| k % part.of.max(1) == part.index).count() as u32,
        years,
        values: Vec::with_capacity(cells.iter().map(Vec::len).sum()),
        lens: Vec::with_capacity(cells.len()),
        met,
    };
    let mut keys = Vec::with_capacity(mine);
    for v in cells {
        // a draw in which the ratio is undefined has no value to rank
        keys.clear();
        keys.extend(
            v.iter()
                .filter(|x| crate::units::is_defined(**x))
                .map(|x| total_key(*x)),
        );
        // values equal under total_cmp are the same bits, so an unstable sort
        // gives the same order as a stable one, faster; and sorting the keys
        // total_cmp compares is its order exactly, with integer comparisons
        keys.sort_unstable();
        out.lens.push(keys.len() as u32);
        out.values.extend(keys.iter().map(|k| from_total_key(*k)));
    }
    out
}

/// The integer `f64::total_cmp` orders by (the same transformation it
/// applies): negative values have their other bits flipped, so the integers
/// order as the values do, −NaN < −∞ < … < −0 < +0 < … < +∞ < NaN.
fn total_key(x: f64) -> i64 {
    flip_negative(x.to_bits() as i64)
}

/// The value of a [`total_key`].
fn from_total_key(k: i64) -> f64 {
    f64::from_bits(flip_negative(k) as u64)
}

/// Flips every bit but the sign of a negative; its own inverse, as it keeps
/// the sign bit it reads.
fn flip_negative(b: i64) -> i64 {
    b ^ ((((b >> 63) as u64) >> 1) as i64)
}

/// Merges the parts of one run (any number, in any order) into its bands:
/// the sorted cells are merged, so the quantiles are those of all draws
/// together, bit for bit. Parts whose shape does not match the dataset's
/// are left out; `Bands::draws` says how many draws were merged (the
/// settings' number when every part came back).
pub fn merge(ds: &Dataset, settings: &McSettings, parts: &[PartResult]) -> Bands {
    let specs = crate::catalogue::indicators();
    let n_years = (ds.horizon - ds.base_year + 1) as usize;
    let cells = specs.len() * n_years;
    let parts: Vec<&PartResult> = parts
        .iter()
        .filter(|p| {
            p.lens.len() == cells
                && p.met.len() == ds.targets.len()
                && p.lens.iter().map(|n| *n as usize).sum::<usize>() == p.values.len()
        })
        .collect();
    let draws: u32 = parts.iter().map(|p| p.draws).sum();
    let mut met = vec![0u32; ds.targets.len()];
    for p in &parts {
        for (m, x) in met.iter_mut().zip(&p.met) {
            *m += x;
        }
    }
    let years = parts
        .iter()
        .map(|p| p.years.clone())
        .find(|y| !y.is_empty())
        .unwrap_or_default();
    let mut out = Bands {
        years,
        draws,
        seed: settings.seed,
        ids: specs.iter().map(|s| s.id.clone()).collect(),
        p10: Vec::new(),
        p25: Vec::new(),
        p50: Vec::new(),
        p75: Vec::new(),
        p90: Vec::new(),
        targets: ds.targets.iter().map(|t| t.id.clone()).collect(),
        prob_met: met.iter().map(|m| *m as f64 / draws.max(1) as f64).collect(),
    };
    let mut starts = vec![0usize; parts.len()];
    let mut cell: Vec<&[f64]> = Vec::with_capacity(parts.len());
    let mut heads = Vec::with_capacity(parts.len());
    for i in 0..specs.len() {
        let mut row: [Vec<f64>; 5] = Default::default();
        for y in 0..n_years {
            cell.clear();
            for (p, start) in parts.iter().zip(starts.iter_mut()) {
                let len = p.lens[i * n_years + y] as usize;
                cell.push(&p.values[*start..*start + len]);
                *start += len;
            }
            for (r, v) in row.iter_mut().zip(band_quantiles(&cell, &mut heads)) {
                r.push(v);
            }
        }
        let [a, b, c, d, e] = row;
        out.p10.push(a);
        out.p25.push(b);
        out.p50.push(c);
        out.p75.push(d);
        out.p90.push(e);
    }
    out
}

/// The band quantiles ([`BAND_QUANTILES`]) of the sorted `parts` taken
/// together: the values [`quantile`] would give on their merge, found by
/// walking the parts in order only as far as the highest rank needed,
/// without writing the merge out (equal values are the same bits, so which
/// part gives one does not matter). `heads` is working space.
fn band_quantiles(parts: &[&[f64]], heads: &mut Vec<usize>) -> [f64; 5] {
    let n: usize = parts.iter().map(|p| p.len()).sum();
    if n == 0 {
        return [crate::units::UNDEFINED; 5];
    }
    // each quantile reads the order statistics i and i + 1, in rank order
    let mut ranks: [usize; 10] = std::array::from_fn(|k| {
        let i = quantile_rank(n, BAND_QUANTILES[k / 2]).0;
        (i + k % 2).min(n - 1)
    });
    ranks.sort_unstable();
    let mut at = [0.0; 10];
    heads.clear();
    heads.resize(parts.len(), 0);
    let mut next = 0;
    let mut keep = |rank: usize, v: f64| {
        while next < ranks.len() && ranks[next] == rank {
            at[next] = v;
            next += 1;
        }
    };
    match parts {
        [one] => ranks.iter().for_each(|r| keep(*r, one[*r])),
        // two parts (the browser's usual two workers): each rank by bisection
        [a, b] => ranks.iter().for_each(|r| keep(*r, nth_of_two(a, b, *r))),
        _ => {
            for rank in 0..=ranks[9] {
                // the smallest head (the earliest part among equals)
                let mut best: Option<(usize, f64)> = None;
                for (j, (p, h)) in parts.iter().zip(heads.iter()).enumerate() {
                    if let Some(v) = p.get(*h) {
                        if best.is_none_or(|(_, b)| v.total_cmp(&b).is_lt()) {
                            best = Some((j, *v));
                        }
                    }
                }
                let Some((j, v)) = best else { break };
                heads[j] += 1;
                keep(rank, v);
            }
        }
    }
    let value = |rank: usize| {
        ranks
            .iter()
            .position(|r| *r == rank)
            .map_or(crate::units::UNDEFINED, |k| at[k])
    };
    BAND_QUANTILES.map(|q| quantile_by(n, q, value))
}

/// The value at `rank` (from 0, `rank < a.len() + b.len()`) of the merge of
/// sorted `a` and `b` (by `f64::total_cmp`), in O(log n): the first
/// `rank + 1` values of the merge are `a[..i]` and `b[..rank + 1 - i]` for
/// the least `i` whose next value of `a` is not below the last taken of `b`.
fn nth_of_two(a: &[f64], b: &[f64], rank: usize) -> f64 {
    let m = rank + 1;
    let (mut lo, mut hi) = (m.saturating_sub(b.len()), m.min(a.len()));
    // too few from `a` while b's last taken value is above a's next one
    let too_few = |i: usize| i < a.len() && m - i > 0 && b[m - i - 1].total_cmp(&a[i]).is_gt();
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if too_few(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let (i, j) = (lo, m - lo);
    match (i.checked_sub(1).map(|k| a[k]), j.checked_sub(1).map(|k| b[k])) {
        (Some(x), Some(y)) => {
            if x.total_cmp(&y).is_ge() {
                x
            } else {
                y
            }
        }
        (Some(x), None) => x,
        (None, Some(y)) => y,
        (None, None) => crate::units::UNDEFINED, // rank out of range: not reached
    }
}

/// Merges sorted `more` into sorted `into` (by `f64::total_cmp`): the
/// merge [`band_quantiles`] walks without writing out, for tests.
#[cfg(test)]
fn merge_sorted(into: &mut Vec<f64>, more: &[f64]) {
    if into.is_empty() {
        into.extend_from_slice(more);
        return;
    }
    let old = std::mem::take(into);
    into.reserve(old.len() + more.len());
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < more.len() {
        if old[i].total_cmp(&more[j]).is_le() {
            into.push(old[i]);
            i += 1;
        } else {
            into.push(more[j]);
            j += 1;
        }
    }
    into.extend_from_slice(&old[i..]);
    into.extend_from_slice(&more[j..]);
}

/// Runs the Monte Carlo for a scenario to the dataset's horizon (all draws
/// in one part; see [`run_part`] and [`merge`] to split them).
pub fn run(ds: &Dataset, sc: &Scenario, settings: &McSettings) -> Bands {
    merge(ds, settings, &[run_part(ds, sc, settings, Part::WHOLE)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_quantiles_are_those_of_the_merged_parts() {
        // parts of every size from 0 to 7 values, 1 to 4 parts, ties and
        // infinities among them, against quantile() of the written-out merge
        let pool = [3.0, -1.0, 2.5, 2.5, f64::INFINITY, 0.0, -0.5, 7.0, 2.5, 1e9, -3.25, 4.0];
        let mut heads = Vec::new();
        for seed in 0..400usize {
            let n_parts = 1 + seed % 4;
            let parts: Vec<Vec<f64>> = (0..n_parts)
                .map(|j| {
                    let len = (seed / 4 + j * 3) % 8;
                    let mut v: Vec<f64> = (0..len)
                        .map(|k| pool[(seed * 7 + j * 5 + k * 11) % pool.len()])
                        .collect();
                    v.sort_unstable_by(f64::total_cmp);
                    v
                })
                .collect();
            let mut merged = Vec::new();
            for p in &parts {
                merge_sorted(&mut merged, p);
            }
            let slices: Vec<&[f64]> = parts.iter().map(|p| p.as_slice()).collect();
            if let [a, b] = slices.as_slice() {
                for (rank, want) in merged.iter().enumerate() {
                    assert_eq!(
                        nth_of_two(a, b, rank).to_bits(),
                        want.to_bits(),
                        "{a:?} {b:?} rank {rank}"
                    );
                }
            }
            let got = band_quantiles(&slices, &mut heads);
            for (g, q) in got.iter().zip(BAND_QUANTILES) {
                let want = quantile(&merged, q);
                assert!(
                    g.to_bits() == want.to_bits() || (g.is_nan() && want.is_nan()),
                    "{parts:?} q={q}: {g} ≠ {want}"
                );
            }
        }
    }

    #[test]
    fn integer_keys_order_as_total_cmp_and_give_the_bits_back() {
        let mut xs = vec![
            0.0,
            -0.0,
            1.5,
            -1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::MAX,
            f64::MIN,
            f64::NAN,
            -f64::NAN,
            123456.789,
            -0.001,
        ];
        for x in &xs {
            assert_eq!(from_total_key(total_key(*x)).to_bits(), x.to_bits());
        }
        for a in &xs {
            for b in &xs {
                assert_eq!(total_key(*a).cmp(&total_key(*b)), a.total_cmp(b), "{a} {b}");
            }
        }
        let mut by_keys: Vec<i64> = xs.iter().map(|x| total_key(*x)).collect();
        by_keys.sort_unstable();
        xs.sort_unstable_by(f64::total_cmp);
        let back: Vec<u64> = by_keys.iter().map(|k| from_total_key(*k).to_bits()).collect();
        assert_eq!(back, xs.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
    }

    #[test]
    fn budget_mode_draws_run_the_bought_quantities() {
        let ds = Dataset::default_dataset().unwrap();
        let mut sc = Scenario::default();
        sc.set("budget.mode", crate::scenario::LeverValue::Constant(1.0))
            .unwrap();
        sc.set("budget.extra", crate::scenario::LeverValue::Constant(60_000_000.0))
            .unwrap();
        let settings = McSettings {
            draws: 5,
            seed: 3,
            spread: 1.0,
        };
        let derived = crate::project(&ds, &sc).derived.unwrap();
        assert_eq!(run(&ds, &sc, &settings), run(&ds, &derived, &settings));
        assert_ne!(run(&ds, &sc, &settings), run(&ds, &Scenario::default(), &settings));
    }

    fn ds() -> Dataset {
        Dataset::default_dataset().unwrap()
    }

    #[test]
    fn any_number_of_parts_in_any_order_gives_the_same_bits() {
        let ds = ds();
        let mut sc = Scenario::default();
        sc.set("kg.public_seats", crate::scenario::LeverValue::Constant(900.0))
            .unwrap();
        let settings = McSettings {
            draws: 23,
            seed: 11,
            spread: 1.5,
        };
        let whole = run(&ds, &sc, &settings);
        for of in [2, 3, 7, 23, 30] {
            let mut parts: Vec<PartResult> = (0..of)
                .map(|i| run_part(&ds, &sc, &settings, Part::new(i, of).unwrap()))
                .collect();
            assert_eq!(merge(&ds, &settings, &parts), whole, "{of} parts");
            parts.reverse();
            assert_eq!(merge(&ds, &settings, &parts), whole, "{of} parts, reversed");
        }
        // every draw is computed by exactly one part
        let counted: u32 = (0..3)
            .map(|i| run_part(&ds, &sc, &settings, Part::new(i, 3).unwrap()).lens[0])
            .sum();
        assert_eq!(counted, 23);
        assert_eq!(Part::new(3, 3), None);
        assert_eq!(Part::new(0, 0), None);
    }

    #[test]
    fn a_part_of_another_shape_is_left_out() {
        let ds = ds();
        let settings = McSettings {
            draws: 4,
            seed: 2,
            spread: 1.0,
        };
        let good = run_part(&ds, &Scenario::default(), &settings, Part::WHOLE);
        let mut bad = good.clone();
        bad.lens.pop();
        let merged = merge(&ds, &settings, &[good.clone(), bad]);
        assert_eq!(merged, merge(&ds, &settings, &[good]));
        assert_eq!(merged.draws, 4);
        // a part missing: the bands say how many draws they rest on
        let half = run_part(&ds, &Scenario::default(), &settings, Part::new(0, 2).unwrap());
        assert_eq!(merge(&ds, &settings, &[half]).draws, 2);
    }

    #[test]
    fn quantiles_interpolate() {
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.5), 3.0);
        assert_eq!(quantile(&[1.0, 2.0], 0.5), 1.5);
        assert_eq!(quantile(&[7.0], 0.9), 7.0);
        assert!(!crate::units::is_defined(quantile(&[], 0.5)));
    }

    /// Bands travel to the app as JSON: an undefined percentile is written
    /// as null and read back as undefined, not refused.
    #[test]
    fn undefined_percentiles_survive_json() {
        let nan = crate::units::UNDEFINED;
        let b = Bands {
            years: vec![2024, 2025],
            draws: 2,
            seed: 1,
            ids: vec!["senior.pupils_per_teacher".into()],
            p10: vec![vec![nan, 1.0]],
            p25: vec![vec![nan, 1.0]],
            p50: vec![vec![nan, 1.0]],
            p75: vec![vec![nan, 1.0]],
            p90: vec![vec![nan, 1.0]],
            targets: vec![],
            prob_met: vec![],
        };
        let json = serde_json::to_string(&b).unwrap();
        assert!(json.contains("[null,1.0]"), "{json}");
        let back: Bands = serde_json::from_str(&json).unwrap();
        assert!(!crate::units::is_defined(back.p50[0][0]));
        assert_eq!(back.p50[0][1], 1.0);
    }

    #[test]
    fn same_seed_same_bands_other_seed_other_bands() {
        let d = ds();
        let s = McSettings {
            draws: 40,
            seed: 7,
            spread: 1.0,
        };
        let a = run(&d, &Scenario::default(), &s);
        let b = run(&d, &Scenario::default(), &s);
        assert_eq!(a, b);
        let c = run(&d, &Scenario::default(), &McSettings { seed: 8, ..s });
        assert_ne!(a.p50, c.p50);
    }

    #[test]
    fn zero_spread_collapses_onto_the_deterministic_line() {
        let d = ds();
        let det = crate::project(&d, &Scenario::default());
        let b = run(
            &d,
            &Scenario::default(),
            &McSettings {
                draws: 5,
                seed: 1,
                spread: 0.0,
            },
        );
        for (i, series) in det.series.iter().enumerate() {
            // warnings are not counted in the draws (no target of this dataset needs them)
            let counted = !b.ids[i].contains("schools_flagged");
            for (y, v) in series.iter().enumerate() {
                for q in [&b.p10, &b.p50, &b.p90] {
                    if counted {
                        assert_eq!(q[i][y], *v, "{} year {y}", b.ids[i]);
                    } else {
                        assert!(q[i][y].is_nan(), "{} year {y}", b.ids[i]);
                    }
                }
            }
        }
        for (r, p) in det.targets.iter().zip(&b.prob_met) {
            assert_eq!(*p, if r.is_met() { 1.0 } else { 0.0 });
        }
    }

    #[test]
    fn bands_are_ordered_and_widen_with_lead_time() {
        let d = ds();
        let b = run(
            &d,
            &Scenario::default(),
            &McSettings {
                draws: 60,
                seed: 3,
                spread: 1.0,
            },
        );
        let [p10, p25, p50, p75, p90] = b.get("pop.births").unwrap();
        for y in 0..b.years.len() {
            assert!(p10[y] <= p25[y] && p25[y] <= p50[y] && p50[y] <= p75[y] && p75[y] <= p90[y]);
        }
        // recorded years have no spread; later ones spread more and more
        let width = |y: usize| p90[y] - p10[y];
        assert_eq!(width(3), 0.0, "2023 is recorded");
        assert!(width(10) > width(5) && width(5) > 0.0);
    }
}
