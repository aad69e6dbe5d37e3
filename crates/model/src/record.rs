//! What one projection year produces, in typed fields. The indicator catalogue
//! reads these records; nothing else about the engine's state leaks out.

/// Outcomes of a grade-flow level (primary, junior, general senior, vocational).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LevelRec {
    pub enrollment: f64,
    /// New entrants to the first grade (non-repeaters).
    pub intake: f64,
    pub graduates: f64,
    pub repeaters: f64,
    /// Pupils who dropped out during the year that ended at this headcount.
    pub dropouts: f64,
    /// Enrollment at the previous headcount (the base of the dropout rate).
    pub enrollment_prev: f64,
    /// Net migrants among continuing pupils (positive: more came than left).
    pub migrated: f64,
    pub classes: f64,
    /// Classes of 56–65 pupils and of 66 or more.
    pub classes_56_65: f64,
    pub classes_66: f64,
    /// Classes the rooms would allow if every teacher were there.
    pub classes_needed: f64,
    pub teachers: f64,
    pub hires: f64,
    pub requirement_norm: f64,
    pub requirement_classes: f64,
    pub public_funds_per_pupil: f64,
    pub retention_adjusted: f64,
    pub retention_unadjusted: f64,
    /// School-age population of the level's official ages.
    pub age_population: f64,
    pub rooms_built: f64,
    /// Open schools teaching the level (a nine-year school counts for both its levels).
    pub schools: f64,
    /// Open schools teaching the level with at least one early warning under
    /// the default thresholds (docs/MODEL.md §6a).
    pub schools_flagged: f64,
    /// Teachers moved this year from zones in surplus to zones short (primary
    /// and junior: the exchange levers; 0 for the others).
    pub exchanged: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct KgRec {
    pub demand: f64,
    pub enrollment: [f64; 3],
    pub seats: [f64; 3],
    pub classes: f64,
    pub teachers: f64,
    pub hires: f64,
    pub seats_built: f64,
    pub seats_converted: f64,
    pub seats_accredited: f64,
    pub seats_closed: f64,
    pub public_funds_per_child: f64,
    /// Kindergartens in the register with at least one early warning under
    /// the default thresholds.
    pub schools_flagged: f64,
}

impl KgRec {
    pub fn total_enrollment(&self) -> f64 {
        self.enrollment.iter().sum()
    }
    pub fn total_seats(&self) -> f64 {
        self.seats.iter().sum()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneLevelRec {
    pub enrollment: f64,
    pub classes: f64,
    pub classes_56_65: f64,
    pub classes_66: f64,
    /// Primary and junior (zone pools): the pool's teachers and what the
    /// staffing norm asks for its pupils; 0 for county-pool levels.
    pub teachers: f64,
    pub requirement_norm: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneRec {
    pub pop_3_5: f64,
    pub pop_6_14: f64,
    pub kg_demand: f64,
    pub kg_enrollment: f64,
    pub kg_public: f64,
    pub kg_inclusive: f64,
    pub kg_seats: f64,
    /// Indexed like [`crate::level::Level::FLOW`].
    pub levels: [ZoneLevelRec; 4],
}

/// One school's or kindergarten's year, as the schools view shows it
/// (collected only when asked for: [`crate::engine::Engine::schools`]).
/// docs/MODEL.md §6a states how each figure is made.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolRec {
    /// False from the year a merge closes it (its figures are then zero).
    pub open: bool,
    /// Pupils (children in a kindergarten).
    pub pupils: f64,
    pub classes: u32,
    /// Pupils in its largest class (0 without classes).
    pub largest_class: u32,
    pub classes_56_65: u32,
    pub classes_66: u32,
    /// Grades (kindergarten: age groups) with pupils.
    pub grades: u32,
    /// Classrooms: what its classes at the standard size need, and what it has
    /// (kindergartens: not counted, 0).
    pub rooms_needed: u32,
    pub rooms: u32,
    /// Its share of its pools' teachers, as the engine assigns them (by
    /// pupils), and what the staffing norm asks for its pupils; undefined for
    /// kindergartens (their teachers are one county pool).
    pub teachers: f64,
    pub teachers_needed: f64,
    /// Places: classrooms × the standard class size of its grades
    /// (kindergartens: seats).
    pub places: f64,
    /// Pupils from other zones boarding there (counted in `pupils`).
    pub boarders: f64,
}

impl SchoolRec {
    /// Pupils over places (undefined without places).
    pub fn utilisation(&self) -> f64 {
        if self.places > 0.0 {
            self.pupils / self.places
        } else {
            crate::units::UNDEFINED
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CostRec {
    pub salaries: f64,
    pub public_funds: f64,
    pub special: f64,
    pub construction: f64,
    pub trainees: f64,
    pub other: f64,
}

impl CostRec {
    pub fn total(&self) -> f64 {
        self.salaries + self.public_funds + self.special + self.construction + self.trainees + self.other
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rec {
    pub residents: f64,
    pub births: f64,
    pub pop_3_5: f64,
    pub pop_6_11: f64,
    pub pop_12_14: f64,
    pub pop_15_17: f64,
    pub kg: KgRec,
    /// Indexed like [`crate::level::Level::FLOW`].
    pub levels: [LevelRec; 4],
    /// Local vocational students enrolled outside the county.
    pub vocational_outside: f64,
    pub senior_intake_general: f64,
    /// All vocational entrants, in and outside the county.
    pub senior_intake_vocational: f64,
    pub special_registered: f64,
    pub special_placed: f64,
    /// Pupils boarding at a school outside their zone (boarding places used).
    pub boarders: f64,
    /// Schools and kindergartens with at least one early warning under the
    /// default thresholds (each once, whatever it teaches).
    pub schools_flagged: f64,
    pub trainee_intake: f64,
    pub trainees_joining: f64,
    pub trainees_in_training: f64,
    pub cost: CostRec,
    pub budget: f64,
    pub zones: Vec<ZoneRec>,
}
