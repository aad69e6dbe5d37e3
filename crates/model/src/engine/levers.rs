//! The levers the engine reads, looked up once per run: each is a borrowed
//! yearly series (index 0 = base year), so the yearly stages never search for
//! a lever by name.

use crate::level::Level;
use crate::scenario::Resolved;

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
    "exchange.primary",
    "exchange.junior",
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

/// One lever's values by year index (its unit is the catalogue's).
#[derive(Clone, Copy)]
pub(super) struct Series<'a>(&'a [f64]);

impl Series<'_> {
    /// The value in year index `t`; 0 past the series' end.
    pub fn at(self, t: usize) -> f64 {
        self.0.get(t).copied().unwrap_or(0.0)
    }

    /// The value of a lever that holds for the whole run (read at year index
    /// 1, or 0 when the run has no year after the base).
    pub fn whole_run(self) -> f64 {
        self.at(1.min(self.0.len().saturating_sub(1)))
    }
}

/// The engine's levers for one run.
pub(super) struct Levers<'a> {
    pub kg_public_seats: Series<'a>,
    pub kg_convert: Series<'a>,
    pub kg_accredit: Series<'a>,
    /// Classrooms built: primary and junior by [town, rural]; senior and
    /// vocational county-wide (`[county, county]`).
    pub rooms: [[Series<'a>; 2]; 4],
    pub special_places: Series<'a>,
    pub hires_kg: Series<'a>,
    /// Hires by grade-flow level ([`Level::FLOW`] order).
    pub hires: [Series<'a>; 4],
    pub trainees_intake: Series<'a>,
    /// Teachers moved between zones a year, primary and junior.
    pub exchange: [Series<'a>; 2],
    /// Whether any exchange is asked in any year (the class-based
    /// requirement by pool is kept only then).
    pub exchange_used: bool,
    pub progression: Series<'a>,
    pub general_share: Series<'a>,
    pub dropout_reduction: Series<'a>,
    pub funds_step_primary: Series<'a>,
    pub funds_step_junior: Series<'a>,
    pub funds_step_senior: Series<'a>,
    pub funds_step_years: Series<'a>,
    pub budget_growth: Series<'a>,
    pub budget_extra: Series<'a>,
    pub salary_growth: Series<'a>,
    pub births_variant: Series<'a>,
    pub migration_scale: Series<'a>,
    pub participation_trend: Series<'a>,
    pub attrition: Series<'a>,
    pub costs_scale: Series<'a>,
}

impl<'a> Levers<'a> {
    pub fn new(r: &'a Resolved) -> Levers<'a> {
        let s = |id: &str| Series(r.series(id));
        let rooms_of = |l: Level| match l {
            Level::Primary => [s("rooms.primary.town"), s("rooms.primary.rural")],
            Level::Junior => [s("rooms.junior.town"), s("rooms.junior.rural")],
            Level::Senior => [s("rooms.senior"); 2],
            _ => [s("rooms.vocational"); 2],
        };
        Levers {
            kg_public_seats: s("kg.public_seats"),
            kg_convert: s("kg.convert_to_public"),
            kg_accredit: s("kg.accredit_inclusive"),
            rooms: Level::FLOW.map(rooms_of),
            special_places: s("special.places"),
            hires_kg: s("hires.kg"),
            hires: [
                s("hires.primary"),
                s("hires.junior"),
                s("hires.senior"),
                s("hires.vocational"),
            ],
            trainees_intake: s("trainees.intake"),
            exchange: [s("exchange.primary"), s("exchange.junior")],
            exchange_used: ["exchange.primary", "exchange.junior"]
                .iter()
                .any(|id| r.series(id).iter().any(|v| *v > 0.0)),
            progression: s("senior.progression"),
            general_share: s("senior.general_share"),
            dropout_reduction: s("students.dropout_reduction"),
            funds_step_primary: s("funds.step.primary"),
            funds_step_junior: s("funds.step.junior"),
            funds_step_senior: s("funds.step.senior"),
            funds_step_years: s("funds.step_years"),
            budget_growth: s("budget.growth"),
            budget_extra: s("budget.extra"),
            salary_growth: s("salary.growth"),
            births_variant: s("births.variant"),
            migration_scale: s("migration.scale"),
            participation_trend: s("kg.participation_trend"),
            attrition: s("teachers.attrition"),
            costs_scale: s("costs.scale"),
        }
    }
}
