//! What the engine carries from year to year ([`State`]), what one year's
//! stages hand each other ([`YearStep`]) and what every stage reads but never
//! writes ([`Ctx`]). A `State` is allocated once and reset for each run, so
//! Monte Carlo draws reuse its buffers.

use super::flows::{Account, Rates};
use super::kindergarten::{SeatChanges, ZoneKg};
use super::levers::Levers;
use super::population::{Migration, Pop};
use super::prepared::{pools, Prep};
use super::Perturbation;
use crate::dataset::Dataset;
use crate::level::Level;
use crate::record::{Rec, SchoolRec};
use crate::units::Year;

/// What every stage of a run reads: the dataset, what it fixes for the run,
/// the levers, the draw's perturbation and the migration rule.
pub(super) struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub p: &'a Prep,
    pub lv: &'a Levers<'a>,
    pub pert: &'a Perturbation,
    pub mig: Migration<'a>,
    /// The scenario's merges as (year index, closing school, receiving school,
    /// share), flow-school indices, in the order they take effect.
    pub merges: Vec<(usize, usize, usize, f64)>,
    /// The scenario's new schools as (year index, flow school, classrooms).
    pub openings: Vec<(usize, usize, f64)>,
    /// Its boarding places as (first year index, flow school, places, yuan per boarder).
    pub boarding: Vec<(usize, usize, f64, f64)>,
}

/// The engine's state between years, with the working buffers of its stages.
pub struct State {
    pub(super) pop: Pop,
    /// Enrollment [level][pool][grade] (levels in [`Level::FLOW`] order).
    pub(super) enroll: [Vec<Vec<f64>>; 4],
    /// Local vocational students enrolled outside the county, by grade.
    pub(super) voc_outside: Vec<f64>,
    /// Teachers [level][pool].
    pub(super) teachers: [Vec<f64>; 4],
    pub(super) kg_teachers: f64,
    pub(super) kg: Vec<ZoneKg>,
    /// Where new public seats go: base-year (demand, seats) by zone, fixed for
    /// the run (see kindergarten.rs step 4).
    pub(super) seat_key: (Vec<f64>, Vec<f64>),
    pub(super) seats_built: f64,
    /// Where the seats built so far went, by zone.
    pub(super) seats_placed: Vec<f64>,
    /// Classrooms of each grade-teaching school.
    pub(super) rooms: Vec<f64>,
    /// Each flat slot's share of its pool's pupils (the prepared shares until
    /// a merge moves them).
    pub(super) shares: Vec<f64>,
    /// Grade-teaching schools closed by a merge, or not yet opened.
    pub(super) closed: Vec<bool>,
    /// Pupils boarding at each grade-teaching school this year.
    pub(super) boarders: Vec<f64>,
    pub(super) special_capacity: f64,
    /// Last year's teacher requirement by the staffing norm [level][pool]: it
    /// steers this year's hires.
    pub(super) last_requirement: [Vec<f64>; 4],
    /// Last year's class-based requirement [level][pool]: the classes the
    /// rooms allow × teachers per class (the exchange never takes a pool
    /// below it).
    pub(super) last_class_requirement: [Vec<f64>; 4],
    /// Cumulated pay growth w(t).
    pub(super) wage: f64,
    pub(super) budget: f64,
    /// Base-year spending beyond the modelled items, per pupil (set in year 0).
    pub(super) other_per_pupil: Option<f64>,
    /// This year's grade-flow rates by level ([`Level::FLOW`] order).
    pub(super) rates: [Rates; 4],
    /// Collect each school's year ([`YearStep::schools`]); off for the
    /// Monte Carlo and the workspace's figures, which need none.
    pub(super) collect_schools: bool,
    /// Count the schools with a warning each year (stage 6c); on unless
    /// switched off ([`State::set_count_flags`]).
    pub(super) count_flags: bool,
    /// What the collecting run gathered, `[year][school]`.
    pub(super) schools_out: Vec<Vec<Option<SchoolRec>>>,
    /// The year's school records, kept between years to reuse their space.
    pub(super) school_buf: Vec<Option<SchoolRec>>,
    pub(super) buf: Buffers,
}

/// Working buffers, overwritten each year (kept to avoid reallocating them).
#[derive(Default)]
pub(super) struct Buffers {
    pub pop_next: Vec<[f64; crate::dataset::AGES]>,
    /// A migration column by zone (the population step's working space).
    pub zone_col: Vec<f64>,
    /// Kindergarten demand by zone (children).
    pub demand: Vec<f64>,
    /// Entrants to a level's first grade, and a level's graduates, by pool.
    pub intake: Vec<f64>,
    pub graduates: Vec<f64>,
    /// A grade step's working column by pool.
    pub col: Vec<f64>,
    pub enroll_next: [Vec<Vec<f64>>; 4],
    pub voc_next: Vec<Vec<f64>>,
    /// Pupils of each flat slot, and of each school.
    pub pupils: Vec<f64>,
    pub school_total: Vec<f64>,
    /// Whole pupils, classes needed at the standard size, classes the rooms
    /// allow and classes run, per flat slot.
    pub whole: Vec<u32>,
    pub need: Vec<u32>,
    pub allowed: Vec<u32>,
    pub count: Vec<u32>,
    /// Pupils [level][pool] and this year's requirement [level][pool].
    pub pool_pupils: [Vec<f64>; 4],
    pub requirement: [Vec<f64>; 4],
    pub hire: super::teachers::HireBuffers,
    pub seats: super::kindergarten::SeatBuffers,
}

impl State {
    /// A state sized for `p`'s dataset; [`State::reset`] fills it for a run.
    pub(super) fn new(ds: &Dataset, p: &Prep) -> State {
        let mut st = State {
            pop: Pop::base(ds),
            enroll: p.enroll0.clone(),
            voc_outside: Vec::new(),
            teachers: p.teachers0.clone(),
            kg_teachers: 0.0,
            kg: Vec::new(),
            seat_key: (Vec::new(), Vec::new()),
            seats_built: 0.0,
            seats_placed: Vec::new(),
            rooms: Vec::new(),
            shares: Vec::new(),
            closed: Vec::new(),
            boarders: Vec::new(),
            special_capacity: 0.0,
            last_requirement: p.teachers0.clone(),
            last_class_requirement: p.teachers0.clone(),
            wage: 1.0,
            budget: 0.0,
            other_per_pupil: None,
            rates: Default::default(),
            collect_schools: false,
            count_flags: true,
            schools_out: Vec::new(),
            school_buf: Vec::new(),
            buf: Buffers::default(),
        };
        let b = &mut st.buf;
        b.pop_next = st.pop.by_zone.clone();
        b.enroll_next = p.enroll0.clone();
        b.pool_pupils = std::array::from_fn(|i| vec![0.0; pools(Level::FLOW[i], p.nz)]);
        b.requirement = b.pool_pupils.clone();
        st.reset(ds, p);
        st
    }

    /// Whether runs count the schools with a warning (the `schools_flagged`
    /// indicators; undefined when off). The Monte Carlo switches it off
    /// unless a target needs them: it costs about a quarter of a draw (docs/MODEL.md §6a).
    pub fn set_count_flags(&mut self, on: bool) {
        self.count_flags = on;
    }

    /// Back to the base year: the dataset's values, buffers kept; new
    /// schools closed, without classrooms, until the openings stage opens them.
    pub(super) fn reset(&mut self, ds: &Dataset, p: &Prep) {
        self.pop.reset(ds);
        for i in 0..4 {
            for (row, base) in self.enroll[i].iter_mut().zip(&p.enroll0[i]) {
                row.copy_from_slice(base);
            }
            self.teachers[i].copy_from_slice(&p.teachers0[i]);
            self.last_requirement[i].copy_from_slice(&p.teachers0[i]);
            self.last_class_requirement[i].copy_from_slice(&p.teachers0[i]);
        }
        self.voc_outside.clone_from(&ds.flows.vocational_outside.value);
        self.kg_teachers = p.kg_teachers0;
        self.kg.clone_from(&p.kg0);
        self.seat_key.0.clear();
        self.seat_key.1.clear();
        self.seats_built = 0.0;
        self.seats_placed.clear();
        self.seats_placed.resize(p.nz, 0.0);
        self.rooms.clear();
        self.rooms.extend(p.schools.iter().map(|s| s.rooms));
        self.shares.clear();
        self.shares.extend(p.slots.iter().map(|s| s.share));
        self.closed.clear();
        self.closed.resize(p.schools.len(), false);
        for (k, s) in p.schools.iter().enumerate() {
            if s.is_new {
                // a new school the run does not open never opens
                self.closed[k] = true;
                self.rooms[k] = 0.0;
            }
        }
        self.boarders.clear();
        self.boarders.resize(p.schools.len(), 0.0);
        self.special_capacity = ds.special.placed.value;
        self.wage = 1.0;
        self.budget = ds.finance.budget.value;
        self.other_per_pupil = None;
    }
}

/// One projection year as its stages build it.
pub(super) struct YearStep {
    /// Year index (0 = base year) and calendar year.
    pub t: usize,
    pub year: Year,
    /// The record the stages fill.
    pub rec: Rec,
    pub seat_changes: SeatChanges,
    /// What each level's grade step moved (projection years only).
    pub flows: [Account; 4],
    pub general_intake: f64,
    pub voc_intake: f64,
    /// Classrooms built this year by level (a new school's too).
    pub rooms_built: [f64; 4],
    /// Extra public funds for this year's boarders, yuan.
    pub boarding_cost: f64,
    /// Each school's year as stages 2 and 6 make it: kept, counted when
    /// flagged (stage 6c), or neither.
    pub schools: super::warnings::SchoolYears,
}
