//! What a dataset fixes for every run: its schools as the engine walks them
//! (grade slots flattened, each slot's share of its pool), the pools' base
//! enrollment and teachers, and which schools each classroom lever may build
//! at. Computed once per dataset ([`super::Engine::new`]) and shared by every
//! run and Monte Carlo draw.

use crate::dataset::Dataset;
use crate::engine::kindergarten::ZoneKg;
use crate::level::{Level, Provider, Slot};

/// A grade-teaching school as the engine sees it.
pub(super) struct FlowSchool {
    /// Its index in the dataset's schools.
    pub index: usize,
    pub zone: usize,
    pub slots: &'static [Slot],
    /// Share of its pool's pupils in each slot (pool = zone for primary and
    /// junior, the county for senior and vocational).
    pub share: Vec<f64>,
    pub rooms: f64,
    /// A school the scenario opens (closed, without pupils, until it does).
    pub is_new: bool,
}

/// A kindergarten as the engine sees it.
pub(super) struct KgSchool {
    /// Its index in the dataset's schools.
    pub index: usize,
    pub zone: usize,
    pub provider: Provider,
    pub seats: f64,
}

/// Pool of a (level, zone): zones for compulsory levels, one county pool above.
pub(super) fn pool(level: Level, zone: usize) -> usize {
    match level {
        Level::Primary | Level::Junior => zone,
        _ => 0,
    }
}

pub(super) fn pools(level: Level, nz: usize) -> usize {
    match level {
        Level::Primary | Level::Junior => nz,
        _ => 1,
    }
}

pub(super) struct Prep {
    pub nz: usize,
    pub town: usize,
    pub urban: Vec<bool>,
    pub schools: Vec<FlowSchool>,
    /// Base enrollment [level][pool][grade].
    pub enroll0: [Vec<Vec<f64>>; 4],
    /// Base teachers [level][pool].
    pub teachers0: [Vec<f64>; 4],
    pub kg_teachers0: f64,
    pub kg0: Vec<ZoneKg>,
    /// Base kindergarten enrollment by school and age group.
    pub kg_ages0: Vec<[f64; 3]>,
    /// Every slot of every grade-teaching school, flattened.
    pub slots: Vec<FlatSlot>,
    /// Each school's range in `slots`.
    pub ranges: Vec<std::ops::Range<usize>>,
    /// The school (index in `schools`) of each flat slot.
    pub school_of: Vec<usize>,
    /// Standard class size of each flat slot.
    pub standard: Vec<f64>,
    /// Schools a classroom lever may build at, by [level][town = 0, rural = 1]
    /// (senior and vocational levers are county-wide: both entries list every
    /// school teaching the level).
    pub rooms_eligible: [[Vec<usize>; 2]; 4],
    /// Each kindergarten's dataset index and base-year seats, by zone and
    /// provider ([`Provider::ALL`] order), in dataset order.
    pub kg_base: Vec<[Vec<(usize, f64)>; 3]>,
    /// The levels each grade-teaching school teaches ([`Level::FLOW`] order).
    pub teaches: Vec<[bool; 4]>,
    /// Each dataset school's index among the grade-teaching schools (`None`
    /// for kindergartens and special schools).
    pub flow_of: Vec<Option<usize>>,
    /// Primary pools that publicly funded trainees join: the rural zones, or
    /// every zone when none is rural.
    pub trainee_pools: Vec<bool>,
}

/// Primary and junior classroom levers are split town/rural; the others are county-wide.
pub(super) fn zoned(level: Level) -> bool {
    matches!(level, Level::Primary | Level::Junior)
}

/// One (school, grade) slot in the flat tables the yearly loops walk.
pub(super) struct FlatSlot {
    pub zone: usize,
    /// Index into [`Level::FLOW`].
    pub level: usize,
    pub grade: usize,
    pub pool: usize,
    pub share: f64,
}

pub(super) fn prepare(ds: &Dataset) -> Prep {
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
    for (index, s) in ds.schools.iter().enumerate() {
        let zone = ds.zone_index(&s.zone).unwrap_or(town);
        if let Some(p) = s.kind.provider() {
            let seats = s.seats.unwrap_or(0.0);
            kg0[zone].seats[p.index()] += seats;
            let e: f64 = s.enrollment.iter().sum();
            kg0[zone].enrollment[p.index()] += e;
            kg_teachers0 += s.teachers;
            kgs.push(KgSchool {
                index,
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
        raw.push((
            index,
            zone,
            slots,
            &s.enrollment,
            s.classrooms as f64,
            crate::network::is_new(s),
        ));
    }
    // schools teaching each [level][pool][grade], for slots nobody is in at base
    let mut teaching: [Vec<Vec<usize>>; 4] =
        std::array::from_fn(|i| vec![vec![0; enroll0[i][0].len()]; enroll0[i].len()]);
    for (_, zone, slots, _, _, _) in raw.iter().filter(|r| !r.5) {
        // a kind's slots are distinct (level.rs), so each counts once
        for (l, g) in slots.iter() {
            let i = l.flow_index().unwrap_or(0);
            teaching[i][pool(*l, *zone)][*g] += 1;
        }
    }
    // shares of each school in its pool, per slot
    let mut schools = Vec::with_capacity(raw.len());
    for (index, zone, slots, enr, rooms, is_new) in &raw {
        let share = slots
            .iter()
            .zip(enr.iter())
            .map(|((l, g), e)| {
                if *is_new {
                    return 0.0; // it takes pupils when it opens (openings.rs)
                }
                let i = l.flow_index().unwrap_or(0);
                let p = pool(*l, *zone);
                let sum = enroll0[i][p][*g];
                if sum > 0.0 {
                    e / sum
                } else {
                    // nobody in this slot at base: split evenly among the pool's schools teaching it
                    1.0 / teaching[i][p][*g].max(1) as f64
                }
            })
            .collect();
        schools.push(FlowSchool {
            index: *index,
            zone: *zone,
            slots,
            share,
            rooms: *rooms,
            is_new: *is_new,
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
    let rooms_eligible = std::array::from_fn(|i| {
        let l = Level::FLOW[i];
        [true, false].map(|town| {
            (0..schools.len())
                .filter(|&k| {
                    schools[k].slots.iter().any(|(sl, _)| *sl == l) && (!zoned(l) || urban[schools[k].zone] == town)
                })
                .collect()
        })
    });
    let kg_base = (0..nz)
        .map(|z| {
            Provider::ALL.map(|prov| {
                kgs.iter()
                    .filter(|k| k.zone == z && k.provider == prov)
                    .map(|k| (k.index, k.seats))
                    .collect()
            })
        })
        .collect();
    let teaches = schools
        .iter()
        .map(|s| std::array::from_fn(|i| s.slots.iter().any(|(l, _)| *l == Level::FLOW[i])))
        .collect();
    let mut flow_of = vec![None; ds.schools.len()];
    for (k, s) in schools.iter().enumerate() {
        flow_of[s.index] = Some(k);
    }
    let trainee_pools = if urban.iter().any(|u| !u) {
        urban.iter().map(|u| !u).collect()
    } else {
        vec![true; nz]
    };
    let school_of = ranges
        .iter()
        .enumerate()
        .flat_map(|(k, r)| r.clone().map(move |_| k))
        .collect();
    Prep {
        nz,
        town,
        urban,
        schools,
        enroll0,
        teachers0,
        kg_teachers0,
        kg0,
        kg_ages0,
        slots,
        ranges,
        school_of,
        standard,
        rooms_eligible,
        kg_base,
        teaches,
        flow_of,
        trainee_pools,
    }
}
