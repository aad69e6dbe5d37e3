//! The projection engine: one annual step from the base-year headcount to the
//! horizon. `project(dataset, scenario)` is a pure function: the same inputs
//! give the same numbers on every machine.
//!
//! Each year: population → kindergartens → grade flows → rooms and classes,
//! school by school → teachers → money. docs/MODEL.md states every formula.

pub mod classes;
pub mod finance;
pub mod flows;
pub mod kindergarten;
pub mod population;
// what each year leaves: the typed record, read through the indicator catalogue
pub use crate::record;

use crate::dataset::Dataset;
use crate::level::{Level, Provider, Slot};
use crate::projection::Projection;
use crate::scenario::{Resolved, Scenario};
use crate::units::Year;

use crate::record::{LevelRec, Rec, ZoneRec};
use kindergarten::ZoneKg;
use population::{Migration, Pop};

/// Runs a quantity scenario (its levers as quantities; budget mode's levers,
/// if any, are not read) to `horizon`, clamped to the dataset's allowed span.
/// Budget mode sits above: [`crate::project::project_to`] buys the
/// quantities first (see budget.rs) and runs them through here.
pub fn project_quantities(ds: &Dataset, sc: &Scenario, horizon: Year) -> Projection {
    let horizon = horizon.clamp(ds.base_year + 1, ds.max_horizon);
    let res = Resolved::new(ds, sc, horizon);
    let recs = run(ds, &res, &Perturbation::none());
    Projection::from_records(ds, recs)
}

/// A grade-teaching school as the engine sees it.
struct FlowSchool {
    zone: usize,
    slots: Vec<Slot>,
    /// Share of its pool's pupils in each slot (pool = zone for primary and
    /// junior, the county for senior and vocational).
    share: Vec<f64>,
    rooms: f64,
}

/// A kindergarten as the engine sees it.
struct KgSchool {
    zone: usize,
    provider: Provider,
    seats: f64,
}

/// Pool of a (level, zone): zones for compulsory levels, one county pool above.
fn pool(level: Level, zone: usize) -> usize {
    match level {
        Level::Primary | Level::Junior => zone,
        _ => 0,
    }
}

fn pools(level: Level, nz: usize) -> usize {
    match level {
        Level::Primary | Level::Junior => nz,
        _ => 1,
    }
}

struct Prep {
    nz: usize,
    town: usize,
    urban: Vec<bool>,
    schools: Vec<FlowSchool>,
    kgs: Vec<KgSchool>,
    /// Base enrollment [level][pool][grade].
    enroll0: [Vec<Vec<f64>>; 4],
    /// Base teachers [level][pool].
    teachers0: [Vec<f64>; 4],
    kg_teachers0: f64,
    kg0: Vec<ZoneKg>,
    /// Base kindergarten enrollment by school and age group.
    kg_ages0: Vec<[f64; 3]>,
    /// Every slot of every grade-teaching school, flattened.
    slots: Vec<FlatSlot>,
    /// Each school's range in `slots`.
    ranges: Vec<std::ops::Range<usize>>,
    /// Standard class size of each flat slot.
    standard: Vec<f64>,
}

/// One (school, grade) slot in the flat tables the yearly loops walk.
struct FlatSlot {
    zone: usize,
    /// Index into [`Level::FLOW`].
    level: usize,
    grade: usize,
    pool: usize,
    share: f64,
}

fn prepare(ds: &Dataset) -> Prep {
    let nz = ds.zones.len();
    let urban: Vec<bool> = ds.zones.iter().map(|z| z.urban).collect();
    let town = urban.iter().position(|u| *u).unwrap_or(0);
    let mut enroll0: [Vec<Vec<f64>>; 4] =
        std::array::from_fn(|i| vec![vec![0.0; Level::FLOW[i].grades()]; pools(Level::FLOW[i], nz)]);
    let mut teachers0: [Vec<f64>; 4] = std::array::from_fn(|i| vec![0.0; pools(Level::FLOW[i], nz)]);
    let mut kg0 = vec![ZoneKg::default(); nz];
    let mut kgs = Vec::new();
    let mut kg_ages0 = Vec::new();
    let mut kg_teachers0 = 0.0;
    let mut raw = Vec::new();
    for s in &ds.schools {
        let zone = ds.zone_index(&s.zone).unwrap_or(town);
        if let Some(p) = s.kind.provider() {
            let seats = s.seats.unwrap_or(0.0);
            kg0[zone].seats[p.index()] += seats;
            let e: f64 = s.enrollment.iter().sum();
            kg0[zone].enrollment[p.index()] += e;
            kg_teachers0 += s.teachers;
            kgs.push(KgSchool {
                zone,
                provider: p,
                seats,
            });
            kg_ages0.push([s.enrollment[0], s.enrollment[1], s.enrollment[2]]);
            continue;
        }
        let slots = s.kind.slots();
        if slots.iter().any(|(l, _)| *l == Level::Special) {
            continue;
        }
        // split the school's teachers over its levels by pupils
        let total: f64 = s.enrollment.iter().sum();
        for l in Level::FLOW {
            let i = l.flow_index().unwrap_or(0);
            let pupils: f64 = slots
                .iter()
                .zip(&s.enrollment)
                .filter(|((sl, _), _)| *sl == l)
                .map(|(_, e)| e)
                .sum();
            let n_slots = slots.iter().filter(|(sl, _)| *sl == l).count();
            if n_slots == 0 {
                continue;
            }
            let frac = if total > 0.0 {
                pupils / total
            } else {
                n_slots as f64 / slots.len() as f64
            };
            teachers0[i][pool(l, zone)] += s.teachers * frac;
            for ((sl, g), e) in slots.iter().zip(&s.enrollment) {
                if *sl == l {
                    enroll0[i][pool(l, zone)][*g] += e;
                }
            }
        }
        raw.push((zone, slots, s.enrollment.clone(), s.classrooms as f64));
    }
    // shares of each school in its pool, per slot
    let mut schools = Vec::with_capacity(raw.len());
    for (zone, slots, enr, rooms) in &raw {
        let share = slots
            .iter()
            .zip(enr)
            .map(|((l, g), e)| {
                let i = l.flow_index().unwrap_or(0);
                let p = pool(*l, *zone);
                let sum = enroll0[i][p][*g];
                if sum > 0.0 {
                    e / sum
                } else {
                    // nobody in this slot at base: split evenly among the pool's schools teaching it
                    let n = raw
                        .iter()
                        .filter(|(z, s, _, _)| pool(*l, *z) == p && s.contains(&(*l, *g)))
                        .count()
                        .max(1);
                    1.0 / n as f64
                }
            })
            .collect();
        schools.push(FlowSchool {
            zone: *zone,
            slots: slots.clone(),
            share,
            rooms: *rooms,
        });
    }
    let mut slots = Vec::new();
    let mut ranges = Vec::with_capacity(schools.len());
    let mut standard = Vec::new();
    for s in &schools {
        let start = slots.len();
        for ((l, g), share) in s.slots.iter().zip(&s.share) {
            let i = l.flow_index().unwrap_or(0);
            let pl = pool(*l, s.zone);
            slots.push(FlatSlot {
                zone: s.zone,
                level: i,
                grade: *g,
                pool: pl,
                share: *share,
            });
            standard.push(*ds.norms.class_size.value.of(*l));
        }
        ranges.push(start..slots.len());
    }
    Prep {
        nz,
        town,
        urban,
        schools,
        kgs,
        enroll0,
        teachers0,
        kg_teachers0,
        kg0,
        kg_ages0,
        slots,
        ranges,
        standard,
    }
}

/// Levers the engine reads, resolved once per run.
struct Lv<'a> {
    r: &'a Resolved,
}

impl Lv<'_> {
    fn at(&self, id: &str, t: usize) -> f64 {
        self.r.at(id, t)
    }
}

/// Lever ids for the rooms of each (level, town?) combination.
fn rooms_lever(level: Level, town: bool) -> Option<&'static str> {
    match (level, town) {
        (Level::Primary, true) => Some("rooms.primary.town"),
        (Level::Primary, false) => Some("rooms.primary.rural"),
        (Level::Junior, true) => Some("rooms.junior.town"),
        (Level::Junior, false) => Some("rooms.junior.rural"),
        (Level::Senior, _) => Some("rooms.senior"),
        (Level::Vocational, _) => Some("rooms.vocational"),
        _ => None,
    }
}

fn hires_lever(level: Level) -> &'static str {
    match level {
        Level::Kindergarten => "hires.kg",
        Level::Primary => "hires.primary",
        Level::Junior => "hires.junior",
        Level::Senior => "hires.senior",
        _ => "hires.vocational",
    }
}

/// Every lever id the engine reads (checked against the catalogue in tests/engine.rs;
/// the other levers are budget mode's, read by `budget::plan`).
pub const LEVERS_READ: &[&str] = &[
    "kg.public_seats",
    "kg.convert_to_public",
    "kg.accredit_inclusive",
    "rooms.primary.town",
    "rooms.primary.rural",
    "rooms.junior.town",
    "rooms.junior.rural",
    "rooms.senior",
    "rooms.vocational",
    "special.places",
    "hires.kg",
    "hires.primary",
    "hires.junior",
    "hires.senior",
    "hires.vocational",
    "trainees.intake",
    "senior.progression",
    "senior.general_share",
    "students.dropout_reduction",
    "funds.step.primary",
    "funds.step.junior",
    "funds.step.senior",
    "funds.step_years",
    "budget.growth",
    "budget.extra",
    "salary.growth",
    "births.variant",
    "migration.scale",
    "kg.participation_trend",
    "teachers.attrition",
    "costs.scale",
];

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

/// What one uncertainty draw changes in the world (never the policy levers).
/// `Perturbation::none()` is the deterministic engine exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Perturbation {
    /// Multiplier of births in each year index after the last recorded year.
    pub births: Vec<f64>,
    /// Multiplier of net migration and rural→town movement.
    pub migration: f64,
    /// Multiplier of every grade's dropout rate.
    pub dropout: f64,
    /// Added to the junior→senior progression rate τ.
    pub progression: f64,
    /// Added to the kindergarten participation of every zone.
    pub participation: f64,
}

impl Perturbation {
    pub fn none() -> Perturbation {
        Perturbation {
            births: Vec::new(),
            migration: 1.0,
            dropout: 1.0,
            progression: 0.0,
            participation: 0.0,
        }
    }
}

/// Runs the engine with a perturbation of the assumptions (for the Monte Carlo).
pub fn project_perturbed(ds: &Dataset, sc: &Scenario, horizon: Year, pert: &Perturbation) -> Projection {
    let horizon = horizon.clamp(ds.base_year + 1, ds.max_horizon);
    let res = Resolved::new(ds, sc, horizon);
    Projection::from_records(ds, run(ds, &res, pert))
}

fn run(ds: &Dataset, res: &Resolved, pert: &Perturbation) -> Vec<Rec> {
    let p = prepare(ds);
    let lv = Lv { r: res };
    let n = (res.horizon - ds.base_year + 1) as usize;
    let nz = p.nz;
    let d = &ds.demography;
    let zoned = |l: Level| matches!(l, Level::Primary | Level::Junior);

    let variant = |t: usize| match lv.at("births.variant", t).round() as i64 {
        0 => d.birth_variants.low.value,
        2 => d.birth_variants.high.value,
        _ => d.birth_variants.central.value,
    };
    let mig_scale = lv.at("migration.scale", 1.min(n - 1)) * pert.migration.max(0.0);
    let mig = Migration {
        net_rate: &d.net_migration_rate.value,
        to_town: &d.rural_to_town_rate.value,
        urban: &p.urban,
        town: p.town,
        scale: mig_scale,
    };

    let mut pop = Pop::base(ds);
    let mut enroll = p.enroll0.clone();
    let mut voc_outside: Vec<f64> = ds.flows.vocational_outside.value.clone();
    let mut teachers = p.teachers0.clone();
    let mut kg_teachers = p.kg_teachers0;
    let mut kg = p.kg0.clone();
    // where new public seats go: fixed from the base year (see kindergarten.rs step 4)
    let mut seat_key: (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    let mut seats_built = 0.0;
    // where the seats built so far went, by zone
    let mut seats_placed: Vec<f64> = vec![0.0; nz];
    let mut rooms: Vec<f64> = p.schools.iter().map(|s| s.rooms).collect();
    let mut special_capacity = ds.special.placed.value;
    let mut last_requirement: [Vec<f64>; 4] = p.teachers0.clone();
    let mut wage = 1.0;
    let mut budget = ds.finance.budget.value;
    let trainee_years = ds.teachers.trainee_years.value as i32;
    let trainee_intake = |year: Year| -> f64 {
        if year <= ds.base_year {
            ds.teachers
                .trainee_history
                .iter()
                .find(|h| h.year == year)
                .map_or(0.0, |h| h.value)
        } else {
            lv.at("trainees.intake", (year - ds.base_year) as usize)
        }
    };
    let mut other_per_pupil = None;
    let mut recs: Vec<Rec> = Vec::with_capacity(n);

    for t in 0..n {
        let year = ds.base_year + t as i32;
        let mut rec = Rec::default();
        let mut seat_changes = kindergarten::SeatChanges::default();
        let mut flows_out: [flows::Account; 4] = Default::default();
        let reduction = if t == 0 {
            0.0
        } else {
            lv.at("students.dropout_reduction", t)
        };
        let rates: [flows::Rates; 4] = std::array::from_fn(|i| {
            let r = ds.flows.rates.of(Level::FLOW[i]);
            let mut rates = flows::Rates::new(&r.repetition.value, &r.dropout.value, reduction);
            if t > 0 {
                for (d, rep) in rates.dropout.iter_mut().zip(&rates.repetition) {
                    *d = (*d * pert.dropout.max(0.0)).min(0.5 - rep);
                }
            }
            rates
        });
        let mut general_intake = 0.0;
        let mut voc_intake_all = 0.0;

        // ---- population ---------------------------------------------------------
        let births = population::births(ds, year, variant(t))
            * if ds.recorded_births(year).is_none() {
                pert.births.get(t).copied().unwrap_or(1.0).max(0.0)
            } else {
                1.0
            };
        if t > 0 {
            pop = pop.step(ds, &mig, births);
        }
        rec.births = births;
        rec.residents = pop.residents;
        rec.pop_3_5 = pop.ages(3, 5);
        rec.pop_6_11 = pop.ages(6, 11);
        rec.pop_12_14 = pop.ages(12, 14);
        rec.pop_15_17 = pop.ages(15, 17);

        // ---- kindergartens ------------------------------------------------------
        let trend = lv.at("kg.participation_trend", 1.min(n - 1));
        let kgp = &ds.kindergarten;
        let demand: Vec<f64> = (0..nz)
            .map(|z| {
                let shift = if t > 0 { pert.participation } else { 0.0 };
                let phi = (kgp.participation.value[z] + trend * t as f64 + shift)
                    .min(kgp.participation_max.value.get().max(kgp.participation.value[z]))
                    .clamp(0.0, 1.0);
                phi * pop.zone_ages(z, 3, 5)
            })
            .collect();
        if t == 0 {
            seat_key = (demand.clone(), kg.iter().map(|z| z.seats.iter().sum()).collect());
        } else {
            let closed =
                kindergarten::close_underused(&mut kg, kgp.closure_threshold.value.get(), kgp.closure_rate.value.get());
            seat_changes.closed = closed.iter().flatten().sum();
            let conv = kindergarten::move_seats(
                &mut kg,
                lv.at("kg.convert_to_public", t),
                &[Provider::Private, Provider::Inclusive],
                Provider::Public,
            );
            seat_changes.converted = conv.iter().sum();
            let acc = kindergarten::move_seats(
                &mut kg,
                lv.at("kg.accredit_inclusive", t),
                &[Provider::Private],
                Provider::Inclusive,
            );
            seat_changes.accredited = acc.iter().sum();
            let now = lv.at("kg.public_seats", t).max(0.0);
            seats_built += now;
            let after = kindergarten::place_new_seats(seats_built, &seat_key.0, &seat_key.1);
            let new: Vec<f64> = after.iter().zip(&seats_placed).map(|(a, b)| (a - b).max(0.0)).collect();
            seats_placed = after;
            for (z, s) in new.iter().enumerate() {
                kg[z].seats[Provider::Public.index()] += s;
            }
            seat_changes.built = new.iter().sum();
            for (z, zk) in kg.iter_mut().enumerate() {
                zk.enrollment = kindergarten::fill(zk.seats, demand[z], kgp.private_preference.value.get());
            }
            kg_teachers = kg_teachers * (1.0 - lv.at("teachers.attrition", t)) + lv.at("hires.kg", t);
            rec.kg.hires = lv.at("hires.kg", t);
        }
        rec.kg.demand = demand.iter().sum();
        for zk in &kg {
            for i in 0..3 {
                rec.kg.seats[i] += zk.seats[i];
                rec.kg.enrollment[i] += zk.enrollment[i];
            }
        }
        rec.kg.seats_built = seat_changes.built;
        rec.kg.seats_converted = seat_changes.converted;
        rec.kg.seats_accredited = seat_changes.accredited;
        rec.kg.seats_closed = seat_changes.closed;
        rec.kg.teachers = kg_teachers;
        rec.kg.classes = kg_classes(ds, &p, &kg, &pop, t);

        // ---- grade flows --------------------------------------------------------
        if t > 0 {
            let mut next = enroll.clone();
            // primary: grade-1 intake from the age-6 population
            let intake: Vec<f64> = (0..nz)
                .map(|z| ds.flows.intake_rate.value * pop.by_zone[z][6])
                .collect();
            let (e, grads_primary, acc) = flows::step(&enroll[0], &rates[0], &intake, 6, &mig, true);
            next[0] = e;
            flows_out[0] = acc;
            // junior: primary graduates move on (with the migration of age 11 → 12)
            let mut junior_in: Vec<f64> = grads_primary
                .iter()
                .map(|g| g * ds.flows.primary_to_junior.value.get())
                .collect();
            mig.apply(&mut junior_in, 11);
            let (e, grads_junior, acc) = flows::step(&enroll[1], &rates[1], &junior_in, 12, &mig, true);
            next[1] = e;
            flows_out[1] = acc;
            // senior stage: county pool; τ progress, σ go to general senior
            let g_js: f64 = grads_junior.iter().sum();
            let g_js = mig.apply_county(g_js, 14);
            let tau = (lv.at("senior.progression", t) + pert.progression).clamp(0.0, 1.0);
            let sigma = lv.at("senior.general_share", t);
            general_intake = tau * sigma * g_js;
            voc_intake_all = tau * (1.0 - sigma) * g_js;
            let out_share = ds.flows.vocational_outside_share.value.get();
            let (e, _, acc) = flows::step(&enroll[2], &rates[2], &[general_intake], 15, &mig, false);
            next[2] = e;
            flows_out[2] = acc;
            let (e, _, acc) = flows::step(
                &enroll[3],
                &rates[3],
                &[voc_intake_all * (1.0 - out_share)],
                15,
                &mig,
                false,
            );
            next[3] = e;
            flows_out[3] = acc;
            let (e, _, _) = flows::step(
                &[voc_outside.clone()],
                &rates[3],
                &[voc_intake_all * out_share],
                15,
                &mig,
                false,
            );
            voc_outside = e.into_iter().next().unwrap_or_default();
            enroll = next;
        }
        rec.vocational_outside = voc_outside.iter().sum();
        if t == 0 {
            // base year: first-grade pupils who are not repeating
            let first = |l: usize| enroll[l].iter().map(|p| p[0]).sum::<f64>() * (1.0 - rates[l].repetition[0]);
            general_intake = first(2);
            voc_intake_all = first(3) + voc_outside.first().copied().unwrap_or(0.0) * (1.0 - rates[3].repetition[0]);
        }
        rec.senior_intake_general = general_intake;
        rec.senior_intake_vocational = voc_intake_all;

        // ---- rooms built this year -------------------------------------------------
        let mut rooms_built = [0.0; 4];
        let pupils: Vec<f64> = p
            .slots
            .iter()
            .map(|s| enroll[s.level][s.pool][s.grade] * s.share)
            .collect();
        let school_total: Vec<f64> = p.ranges.iter().map(|r| pupils[r.clone()].iter().sum()).collect();
        if t > 0 {
            for l in Level::FLOW {
                for town in [true, false] {
                    let Some(id) = rooms_lever(l, town) else {
                        continue;
                    };
                    if !zoned(l) && !town {
                        continue; // senior and vocational levers are county-wide
                    }
                    let amount = lv.at(id, t).max(0.0).round() as u32;
                    let eligible: Vec<usize> = (0..p.schools.len())
                        .filter(|&i| {
                            p.schools[i].slots.iter().any(|(sl, _)| *sl == l)
                                && (!zoned(l) || p.urban[p.schools[i].zone] == town)
                        })
                        .collect();
                    for _ in 0..amount {
                        // the school with the most pupils per classroom
                        let best = eligible.iter().copied().max_by(|&a, &b| {
                            let pa = school_total[a] / rooms[a].max(1.0);
                            let pb = school_total[b] / rooms[b].max(1.0);
                            pa.total_cmp(&pb).then(b.cmp(&a))
                        });
                        if let Some(i) = best {
                            rooms[i] += 1.0;
                            rooms_built[l.flow_index().unwrap_or(0)] += 1.0;
                        }
                    }
                }
            }
        }

        // ---- teachers ---------------------------------------------------------------
        let attrition = if t == 0 { 0.0 } else { lv.at("teachers.attrition", t) };
        let joining = trainee_intake(year - trainee_years);
        if t > 0 {
            for l in Level::FLOW {
                let i = l.flow_index().unwrap_or(0);
                for x in teachers[i].iter_mut() {
                    *x *= 1.0 - attrition;
                }
                let gaps: Vec<f64> = last_requirement[i]
                    .iter()
                    .zip(&teachers[i])
                    .map(|(r, s)| r - s)
                    .collect();
                let eligible = vec![true; teachers[i].len()];
                let hires = lv.at(hires_lever(l), t);
                let add = by_gap(hires, &gaps, &teachers[i], &eligible);
                for (x, h) in teachers[i].iter_mut().zip(add) {
                    *x += h;
                }
                rec.levels[i].hires = hires;
            }
            // publicly funded trainees join rural primaries
            let gaps: Vec<f64> = last_requirement[0]
                .iter()
                .zip(&teachers[0])
                .map(|(r, s)| r - s)
                .collect();
            let rural: Vec<bool> = (0..nz).map(|z| !p.urban[z]).collect();
            let eligible = if rural.iter().any(|r| *r) {
                rural
            } else {
                vec![true; nz]
            };
            let add = by_gap(joining, &gaps, &teachers[0], &eligible);
            for (x, h) in teachers[0].iter_mut().zip(add) {
                *x += h;
            }
        }
        rec.trainee_intake = trainee_intake(year);
        rec.trainees_joining = if t == 0 { 0.0 } else { joining };
        rec.trainees_in_training = ((year - trainee_years + 1)..=year).map(trainee_intake).sum();

        // ---- classes, school by school ------------------------------------------------
        let cls = classes_for_year(ds, &p, &pupils, &rooms, &teachers);
        rec.zones = vec![ZoneRec::default(); nz];
        for z in 0..nz {
            let zr = &mut rec.zones[z];
            zr.pop_3_5 = pop.zone_ages(z, 3, 5);
            zr.pop_6_14 = pop.zone_ages(z, 6, 14);
            zr.kg_demand = demand[z];
            zr.kg_enrollment = kg[z].enrollment.iter().sum();
            zr.kg_public = kg[z].enrollment[0];
            zr.kg_inclusive = kg[z].enrollment[1];
            zr.kg_seats = kg[z].seats.iter().sum();
        }
        for ((s, c), n) in p.slots.iter().zip(&cls.slots).zip(&pupils) {
            let lr = &mut rec.levels[s.level];
            lr.classes += c.classes as f64;
            lr.classes_needed += c.needed as f64;
            lr.classes_56_65 += c.c56 as f64;
            lr.classes_66 += c.c66 as f64;
            let zl = &mut rec.zones[s.zone].levels[s.level];
            zl.enrollment += n;
            zl.classes += c.classes as f64;
            zl.classes_56_65 += c.c56 as f64;
            zl.classes_66 += c.c66 as f64;
        }

        // ---- level records ----------------------------------------------------------------
        let ages = [pop.ages(6, 11), pop.ages(12, 14), pop.ages(15, 17), pop.ages(15, 17)];
        for (i, l) in Level::FLOW.into_iter().enumerate() {
            let lr = &mut rec.levels[i];
            let r = &rates[i];
            lr.enrollment = enroll[i].iter().flatten().sum();
            let first: f64 = enroll[i].iter().map(|p| p[0]).sum();
            lr.repeaters = enroll[i]
                .iter()
                .map(|p| p.iter().zip(&r.repetition).map(|(e, rr)| e * rr).sum::<f64>())
                .sum();
            // base year: no step has run, so flows are read from the base-year rates
            if t == 0 {
                lr.intake = first * (1.0 - r.repetition[0]);
                lr.graduates = enroll[i]
                    .iter()
                    .map(|p| p[l.grades() - 1] * r.promotion(l.grades() - 1))
                    .sum();
                lr.enrollment_prev = lr.enrollment;
                lr.dropouts = enroll[i]
                    .iter()
                    .map(|p| p.iter().zip(&r.dropout).map(|(e, d)| e * d).sum::<f64>())
                    .sum();
            } else {
                let a = &flows_out[i];
                lr.intake = a.intake;
                lr.graduates = a.graduated;
                lr.dropouts = a.dropped;
                lr.enrollment_prev = a.start;
                lr.migrated = a.migrated;
            }
            lr.retention_adjusted = r.retention_adjusted();
            let entry = l.entry_age();
            let migration_survival: f64 = (0..l.grades() - 1)
                .map(|g| 1.0 + d.net_migration_rate.value.get(entry + g).copied().unwrap_or(0.0) * mig_scale)
                .product();
            lr.retention_unadjusted = lr.retention_adjusted * migration_survival;
            lr.teachers = teachers[i].iter().sum();
            lr.requirement_norm = lr.enrollment / ds.norms.pupils_per_teacher.value.of(l);
            lr.requirement_classes = lr.classes_needed * ds.norms.teachers_per_class.value.of(l);
            lr.age_population = ages[i];
            lr.rooms_built = rooms_built[i];
            // per-pool requirement, for next year's hiring
            last_requirement[i] = cls.requirement[i].clone();
        }

        // ---- special education ------------------------------------------------------------
        if t > 0 {
            special_capacity += lv.at("special.places", t);
        }
        rec.special_registered = ds.special.prevalence.value * pop.ages(6, 14);
        rec.special_placed = special_capacity.min(rec.special_registered);

        // ---- money --------------------------------------------------------------------------
        if t > 0 {
            wage *= 1.0 + lv.at("salary.growth", t);
            budget *= 1.0 + lv.at("budget.growth", t);
        }
        // extra funding raises the envelope in both modes (budget mode also spends it)
        rec.budget = budget + if t > 0 { lv.at("budget.extra", t).max(0.0) } else { 0.0 };
        finance::cost_year(
            ds,
            &lv_view(&lv, t),
            t,
            wage,
            &rooms_built,
            &seat_changes,
            &mut rec,
            &mut other_per_pupil,
        );
        recs.push(rec);
    }
    recs
}

/// The levers finance needs for year `t`.
fn lv_view(lv: &Lv, t: usize) -> finance::YearLevers {
    let years = lv
        .at(
            "funds.step_years",
            1.min(lv.r.series("funds.step_years").len().saturating_sub(1)),
        )
        .round()
        .max(0.0) as usize;
    let cum = |id: &str| -> f64 { (1..=t.min(years)).map(|y| lv.at(id, y)).sum() };
    finance::YearLevers {
        step_primary: cum("funds.step.primary"),
        step_junior: cum("funds.step.junior"),
        step_senior: cum("funds.step.senior"),
        costs_scale: lv.at("costs.scale", 1.min(lv.r.series("costs.scale").len().saturating_sub(1))),
    }
}

/// Kindergarten classes: each zone-provider's children are spread over its
/// kindergartens in proportion to seats (seats beyond the base-year ones form a
/// new kindergarten), each age group in classes of 25/30/35.
fn kg_classes(ds: &Dataset, p: &Prep, kg: &[ZoneKg], pop: &Pop, t: usize) -> f64 {
    let size = ds.kindergarten.class_size.value;
    let class_count = |e: [f64; 3]| -> f64 {
        (0..3)
            .map(|a| classes::classes_for(classes::whole(e[a]), size[a]) as f64)
            .sum()
    };
    if t == 0 {
        return p.kg_ages0.iter().map(|e| class_count(*e)).sum();
    }
    let mut total = 0.0;
    for (z, zk) in kg.iter().enumerate() {
        let ages = [pop.by_zone[z][3], pop.by_zone[z][4], pop.by_zone[z][5]];
        let sum_ages: f64 = ages.iter().sum();
        let age_share = |a: usize| {
            if sum_ages > 0.0 {
                ages[a] / sum_ages
            } else {
                1.0 / 3.0
            }
        };
        for prov in Provider::ALL {
            let i = prov.index();
            let enrolled = zk.enrollment[i];
            if enrolled <= 0.0 {
                continue;
            }
            let base: Vec<f64> = p
                .kgs
                .iter()
                .filter(|k| k.zone == z && k.provider == prov)
                .map(|k| k.seats)
                .collect();
            let base_total: f64 = base.iter().sum();
            let now = zk.seats[i];
            let mut units: Vec<f64> = if base_total > 0.0 {
                base.iter().map(|s| s * (now / base_total).min(1.0)).collect()
            } else {
                Vec::new()
            };
            if now > base_total {
                units.push(now - base_total);
            }
            let cap: f64 = units.iter().sum();
            for u in units {
                let e = if cap > 0.0 { enrolled * u / cap } else { 0.0 };
                total += class_count([e * age_share(0), e * age_share(1), e * age_share(2)]);
            }
        }
    }
    total
}

/// Classes of one slot of one school.
#[derive(Clone, Copy, Debug, Default)]
struct SlotClasses {
    needed: u32,
    classes: u32,
    c56: u32,
    c66: u32,
}

struct YearClasses {
    /// Classes of each flat slot.
    slots: Vec<SlotClasses>,
    /// Teacher requirement by the staffing norm per [level][pool]; it steers
    /// where hires go (the class-based requirement would make new rooms pull
    /// teachers from other zones).
    requirement: [Vec<f64>; 4],
}

fn classes_for_year(ds: &Dataset, p: &Prep, pupils: &[f64], rooms: &[f64], teachers: &[Vec<f64>; 4]) -> YearClasses {
    let n = &ds.norms;
    let (large, sup) = (n.large_class.value, n.super_large_class.value);
    let whole: Vec<u32> = pupils.iter().map(|x| classes::whole(*x)).collect();
    // pupils of each [level][pool], for the staffing norm and the teachers' split
    let mut pool_pupils: [Vec<f64>; 4] = std::array::from_fn(|i| vec![0.0; teachers[i].len()]);
    for (s, x) in p.slots.iter().zip(pupils) {
        pool_pupils[s.level][s.pool] += x;
    }
    let mut needed = vec![0u32; whole.len()];
    let mut count = vec![0u32; whole.len()];
    for (si, r) in p.ranges.iter().enumerate() {
        // classes the rooms allow (the class-based teacher requirement)
        classes::allocate(
            &whole[r.clone()],
            &p.standard[r.clone()],
            rooms[si].max(0.0).round() as u32,
            &mut needed[r.clone()],
        );
        count[r.clone()].copy_from_slice(&needed[r.clone()]);
        // the school's share of its pool's teachers follows its pupils; a level
        // whose teachers cannot run the rooms' classes runs as many as they can
        let mut k = r.start;
        while k < r.end {
            let (lvl, pl) = (p.slots[k].level, p.slots[k].pool);
            let mut e = k;
            while e < r.end && p.slots[e].level == lvl {
                e += 1;
            }
            let level_pupils: f64 = pupils[k..e].iter().sum();
            let tpc = *n.teachers_per_class.value.of(Level::FLOW[lvl]);
            let pool_total = pool_pupils[lvl][pl];
            let staff = if pool_total > 0.0 {
                teachers[lvl][pl] * level_pupils / pool_total
            } else {
                0.0
            };
            let cap = (staff / tpc + 1e-9).floor().max(0.0) as u32;
            let have: u32 = count[k..e].iter().sum();
            if have > cap {
                classes::allocate(&whole[k..e], &p.standard[k..e], cap, &mut count[k..e]);
            }
            k = e;
        }
    }
    let mut requirement: [Vec<f64>; 4] = std::array::from_fn(|i| vec![0.0; teachers[i].len()]);
    for (i, l) in Level::FLOW.into_iter().enumerate() {
        let ppt = *n.pupils_per_teacher.value.of(l);
        for (pl, x) in pool_pupils[i].iter().enumerate() {
            requirement[i][pl] = x / ppt;
        }
    }
    let slots = (0..whole.len())
        .map(|k| {
            let (c56, c66) = classes::large_counts(whole[k], count[k], large, sup);
            SlotClasses {
                needed: needed[k],
                classes: count[k],
                c56,
                c66,
            }
        })
        .collect();
    YearClasses { slots, requirement }
}

/// For tests: a level record by level.
pub fn level_of(rec: &Rec, level: Level) -> Option<&LevelRec> {
    level.flow_index().map(|i| &rec.levels[i])
}
