//! The projection engine: one annual step from the base-year headcount to the
//! horizon. `project(dataset, scenario)` is a pure function: the same inputs
//! give the same numbers on every machine.
//!
//! Each year runs eight stages in order, each in its module, over one
//! [`State`] that carries the years and holds the working buffers:
//!
//! | stage | module | reads | writes |
//! |---|---|---|---|
//! | 1 population | population.rs | births, migration | population by zone and age |
//! | 2 kindergartens | kindergarten.rs | children 3–5, seat levers | seats, children, KG teachers |
//! | 3 grade flows | flows.rs | ages 6 and 11–14, rates, τ, σ | enrollment by level, pool, grade |
//! | 3a openings | openings.rs | the scenario's new schools | their shares, classrooms |
//! | 3b merges | merges.rs | the scenario's school merges | each school's share of its pool |
//! | 4 classrooms | rooms.rs, boarding.rs | enrollment, boarding places, room levers | pupils by school, classrooms |
//! | 5 teachers | teachers.rs | last year's requirement, hires, exchange | teachers by level and pool |
//! | 6 classes | classes.rs | pupils, rooms, teachers | classes, large classes, requirement |
//! | 6b level records | flows.rs | all of the above | the year's level records |
//! | 6c warnings | mod.rs | each school's year | schools flagged by level |
//! | 7 special education | special.rs | children 6–14, places | placed pupils |
//! | 8 money | finance.rs | the year's record | costs and budget |
//!
//! [`Engine::new`] prepares what the dataset fixes (prepared.rs) once; a
//! Monte Carlo run reuses one engine and one state for every draw. A
//! scenario that opens schools runs on the dataset with them appended
//! ([`crate::network::with_new_schools`], [`Engine::for_scenario`]).
//! docs/MODEL.md states every formula.

mod boarding;
pub mod classes;
pub mod finance;
pub mod flows;
pub mod kindergarten;
mod levers;
mod merges;
mod num;
mod openings;
pub mod population;
mod prepared;
mod rooms;
mod special;
mod state;
mod teachers;
mod warnings;
// what each year leaves: the typed record, read through the indicator catalogue
pub use crate::record;
pub use levers::LEVERS_READ;
pub use state::State;

use std::borrow::Cow;

use crate::dataset::Dataset;
use crate::level::Level;
use crate::projection::Projection;
use crate::scenario::{Resolved, Scenario};
use crate::units::Year as CalendarYear;

use crate::record::{LevelRec, Rec, SchoolRec};
use levers::Levers;
use population::Migration;
use prepared::Prep;
use state::{Ctx, YearStep};

/// Runs a quantity scenario (its levers as quantities; budget mode's levers,
/// if any, are not read) to `horizon`, clamped to the dataset's allowed span.
/// Budget mode sits above: [`crate::project::project_to`] buys the
/// quantities first (see budget.rs) and runs them through here.
pub fn project_quantities(ds: &Dataset, sc: &Scenario, horizon: CalendarYear) -> Projection {
    project_perturbed(ds, sc, horizon, &Perturbation::none())
}

/// Runs the engine with a perturbation of the assumptions (for the Monte Carlo).
pub fn project_perturbed(ds: &Dataset, sc: &Scenario, horizon: CalendarYear, pert: &Perturbation) -> Projection {
    let engine = Engine::for_scenario(ds, sc);
    let mut state = engine.state();
    engine.project(sc, horizon, pert, &mut state)
}

/// The engine prepared for one dataset: what the dataset fixes for every run
/// (its schools flattened into slots, the pools' base values), computed once.
pub struct Engine<'a> {
    ds: Cow<'a, Dataset>,
    prep: Prep,
}

impl<'a> Engine<'a> {
    pub fn new(ds: &'a Dataset) -> Engine<'a> {
        Engine {
            prep: prepared::prepare(ds),
            ds: Cow::Borrowed(ds),
        }
    }

    /// The engine for a scenario's school network: on the dataset with the
    /// scenario's new schools appended, or [`Engine::new`] when it opens none.
    pub fn for_scenario(ds: &'a Dataset, sc: &Scenario) -> Engine<'a> {
        let ds = crate::network::with_new_schools(ds, &sc.new_schools);
        Engine {
            prep: prepared::prepare(&ds),
            ds,
        }
    }

    /// The dataset it runs: the scenario's new schools follow the register.
    pub fn dataset(&self) -> &Dataset {
        &self.ds
    }

    /// A state sized for this dataset, to pass to every run (its buffers are reused).
    pub fn state(&self) -> State {
        State::new(&self.ds, &self.prep)
    }

    /// Projects a quantity scenario to `horizon` (clamped to the dataset's
    /// allowed span) under a perturbation of the assumptions.
    pub fn project(&self, sc: &Scenario, horizon: CalendarYear, pert: &Perturbation, state: &mut State) -> Projection {
        let horizon = horizon.clamp(self.ds.base_year + 1, self.ds.max_horizon);
        self.project_resolved(&Resolved::new(&self.ds, sc, horizon), pert, state)
    }

    /// [`Engine::project`] of a scenario already resolved to its horizon
    /// (a Monte Carlo resolves once for all its draws).
    pub fn project_resolved(&self, res: &Resolved, pert: &Perturbation, state: &mut State) -> Projection {
        Projection::from_records(&self.ds, self.run(res, pert, state))
    }

    /// The year-by-year records alone (index 0 = base year), for callers that
    /// read a few outcomes of many runs (the Monte Carlo).
    pub fn records(&self, res: &Resolved, pert: &Perturbation, state: &mut State) -> Vec<Rec> {
        self.run(res, pert, state)
    }

    /// The year-by-year records: each year's stages in order. A scenario
    /// opening schools this engine was not prepared with runs on an engine
    /// prepared for them (the same figures, prepared again).
    fn run(&self, res: &Resolved, pert: &Perturbation, st: &mut State) -> Vec<Rec> {
        let known = |id: &str| self.ds.schools.iter().any(|s| s.id == id);
        if !res.new_schools.iter().all(|n| known(&n.id)) {
            let ds = crate::network::with_new_schools(&self.ds, &res.new_schools);
            let other = Engine {
                prep: prepared::prepare(&ds),
                ds,
            };
            let mut state = other.state();
            state.collect_schools = st.collect_schools;
            state.count_flags = st.count_flags;
            let recs = other.run(res, pert, &mut state);
            st.schools_out = std::mem::take(&mut state.schools_out);
            return recs;
        }
        self.run_prepared(res, pert, st)
    }

    /// The year loop. In WebAssembly each stage stays a function of its own
    /// (`#[cfg_attr(target_arch = "wasm32", inline(never))]` on each): with
    /// every stage inlined into this loop, V8 compiled one very large
    /// function about a fifth slower (1,000 draws 340 → 265 ms in Node's V8);
    /// natively the inlined loop is a little faster, so it stays inlined there.
    fn run_prepared(&self, res: &Resolved, pert: &Perturbation, st: &mut State) -> Vec<Rec> {
        let (ds, p) = (&*self.ds, &self.prep);
        let lv = Levers::new(res);
        let n = (res.horizon - ds.base_year + 1) as usize;
        let d = &ds.demography;
        let cx = Ctx {
            ds,
            p,
            lv: &lv,
            pert,
            mig: Migration {
                net_rate: &d.net_migration_rate.value,
                to_town: &d.rural_to_town_rate.value,
                urban: &p.urban,
                town: p.town,
                scale: lv.migration_scale.whole_run() * pert.migration.max(0.0),
            },
            merges: merges::resolve(ds, p, res),
            openings: openings::resolve(ds, p, res),
            boarding: boarding::resolve(ds, p, res),
        };
        st.reset(ds, p);
        let mut recs = Vec::with_capacity(n);
        // stage 6c: the school records of stage 2 (kindergartens) and stage 6
        // (the others) are judged as they are made (warnings.rs)
        for t in 0..n {
            let schools = warnings::SchoolYears::new(
                st.collect_schools,
                st.count_flags,
                ds.schools.len(),
                std::mem::take(&mut st.school_buf),
            );
            let mut y = YearStep {
                t,
                year: ds.base_year + t as i32,
                rec: Rec::default(),
                seat_changes: Default::default(),
                flows: Default::default(),
                general_intake: 0.0,
                voc_intake: 0.0,
                rooms_built: [0.0; 4],
                boarding_cost: 0.0,
                schools,
            };
            flows::set_year_rates(&cx, t, &mut st.rates);
            population::stage(&cx, st, &mut y);
            kindergarten::stage(&cx, st, &mut y);
            flows::stage(&cx, st, &mut y);
            openings::stage(&cx, st, &mut y);
            merges::stage(&cx, st, &mut y);
            rooms::stage(&cx, st, &mut y);
            teachers::stage(&cx, st, &mut y);
            classes::stage(&cx, st, &mut y);
            flows::record_levels(&cx, st, &mut y);
            special::stage(&cx, st, &mut y);
            y.schools.record(&mut y.rec);
            finance::stage(&cx, st, &mut y);
            // kept records go out whole; otherwise their space serves next year
            let kept = std::mem::take(&mut y.schools.kept);
            if st.collect_schools {
                st.schools_out.push(kept);
            } else {
                st.school_buf = kept;
            }
            recs.push(y.rec);
        }
        recs
    }

    /// Every school's year by year (`[year][school]`, dataset order; `None`
    /// for schools the engine does not follow) beside the projection.
    pub fn schools(
        &self,
        sc: &Scenario,
        horizon: CalendarYear,
        state: &mut State,
    ) -> (Projection, Vec<Vec<Option<SchoolRec>>>) {
        let horizon = horizon.clamp(self.ds.base_year + 1, self.ds.max_horizon);
        let res = Resolved::new(&self.ds, sc, horizon);
        state.collect_schools = true;
        state.schools_out.clear();
        let recs = self.run(&res, &Perturbation::none(), state);
        state.collect_schools = false;
        let schools = std::mem::take(&mut state.schools_out);
        (Projection::from_records(&self.ds, recs), schools)
    }
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

/// For tests: a level record by level.
pub fn level_of(rec: &Rec, level: Level) -> Option<&LevelRec> {
    level.flow_index().map(|i| &rec.levels[i])
}
