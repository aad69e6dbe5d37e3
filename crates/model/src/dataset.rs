//! The dataset: a county's base-year figures, parameters and plan targets.
//!
//! A dataset is data (JSON), never code: the default one lives in
//! `assets/data/` and is produced by `tools/gen_dataset.py`. Every number
//! carries a `src` naming an entry of `sources`, whose `kind` says whether it
//! was verified in a public document, derived from verified figures, or
//! estimated. The app shows the estimate mark wherever an estimated source
//! feeds a value.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::DataError;
use crate::level::{Level, SchoolKind};
use crate::targets::TargetSpec;
// the bilingual text types live below the dataset (the catalogue and targets use them too)
pub use crate::text::{text_or_string, RegionWords, Text};
use crate::units::{Share, Year};

/// The dataset bundled with the app and used when no other is given.
pub const DEFAULT_DATASET_JSON: &str = include_str!("../../../assets/data/linxiang-2020.json");

/// The id of the bundled dataset.
pub const DEFAULT_DATASET_ID: &str = "linxiang-2020";

/// Ages tracked by the population model: 0 ..= 18.
pub const AGES: usize = 19;

/// How much a figure can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Read in a public document (the source names it).
    Verified,
    /// Arithmetic on verified figures.
    Derived,
    /// A proxy or modelling assumption.
    Estimate,
    /// The bureau's own statistics, imported from its files (the source's
    /// title names the file and sheet; [`Dataset::origins`] the cells).
    Bureau,
}

/// Where an imported value was read: file, sheet and cells (A1 style, a
/// single cell like `C5` or a range like `A3:H218`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub file: String,
    pub sheet: String,
    pub cells: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the source gives and how it is used, in both languages.
    #[serde(default, deserialize_with = "text_or_string", skip_serializing_if = "Text::is_empty")]
    pub note: Text,
}

/// A value with the id of the source it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Param<T> {
    pub value: T,
    pub src: String,
}

/// A value for one year, with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearValue {
    pub year: Year,
    pub value: f64,
    pub src: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Zone {
    pub id: String,
    pub name: Text,
    /// The town seat (城区) receives rural→town movers; rural zones send them.
    pub urban: bool,
}

/// One value per grade-flow level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerFlowLevel<T> {
    pub primary: T,
    pub junior: T,
    pub senior: T,
    pub vocational: T,
}

impl<T> PerFlowLevel<T> {
    /// The value for a grade-flow level; `None` for kindergarten and special.
    pub fn get(&self, level: Level) -> Option<&T> {
        match level {
            Level::Primary => Some(&self.primary),
            Level::Junior => Some(&self.junior),
            Level::Senior => Some(&self.senior),
            Level::Vocational => Some(&self.vocational),
            Level::Kindergarten | Level::Special => None,
        }
    }

    /// The value for a level known to be a grade-flow level.
    pub fn of(&self, level: Level) -> &T {
        self.get(level).unwrap_or(&self.primary)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BirthVariants {
    /// Annual relative change of births after the last recorded year.
    pub low: Param<f64>,
    pub central: Param<f64>,
    pub high: Param<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Demography {
    /// Base-year resident population, all ages.
    pub residents: Param<f64>,
    /// Deaths per resident per year (all ages; child mortality is neglected in
    /// the single-age model, see docs/MODEL.md).
    pub crude_death_rate: Param<f64>,
    /// Net migrants per year aged 19 and over (negative: out-migration).
    pub adult_net_migration: Param<f64>,
    /// Births by calendar year, recorded or estimated.
    pub births: Vec<YearValue>,
    pub birth_variants: BirthVariants,
    /// Share of the county's births in each zone (same order as `zones`).
    pub birth_zone_share: Param<Vec<f64>>,
    /// Base-year population by zone and single age 0..=18.
    pub population: Param<Vec<Vec<f64>>>,
    /// Net migration rate by age (applied when ageing from a to a+1): people
    /// leaving or entering the county.
    pub net_migration_rate: Param<Vec<f64>>,
    /// Share of rural residents of each age moving to the town seat per year (进城).
    pub rural_to_town_rate: Param<Vec<f64>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindergartenParams {
    /// Children per class for the age groups 3, 4, 5 (小班 25, 中班 30, 大班 35).
    pub class_size: Param<[f64; 3]>,
    /// Desired participation (share of ages 3–5 whose families want a place), by zone.
    pub participation: Param<Vec<f64>>,
    /// Participation never rises above this.
    pub participation_max: Param<Share>,
    /// Share of demand that prefers a non-inclusive private kindergarten.
    pub private_preference: Param<Share>,
    /// Private seats close when their utilisation falls below this …
    pub closure_threshold: Param<Share>,
    /// … at this share of the seats in excess per year.
    pub closure_rate: Param<Share>,
    /// Full-time teachers per class (2 teachers + 1 caregiver).
    pub teachers_per_class: Param<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelFlows {
    /// Repetition rate by grade.
    pub repetition: Param<Vec<Share>>,
    /// Dropout rate by grade (true dropout, not transfers).
    pub dropout: Param<Vec<Share>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flows {
    pub rates: PerFlowLevel<LevelFlows>,
    /// Grade-1 entrants per child aged 6.
    pub intake_rate: Param<f64>,
    /// Primary graduates entering junior secondary.
    pub primary_to_junior: Param<Share>,
    /// Share of vocational entrants who study outside the county.
    pub vocational_outside_share: Param<Share>,
    /// Base-year local vocational students enrolled outside the county, by grade.
    pub vocational_outside: Param<Vec<f64>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Norms {
    /// Standard class size for planning (GB 50099-2011: 45 primary, 50 secondary).
    pub class_size: Param<PerFlowLevel<f64>>,
    /// Full-time teachers per class, used for the class-based requirement and to
    /// limit how many classes the teachers of a zone can run.
    pub teachers_per_class: Param<PerFlowLevel<f64>>,
    /// Staffing norm: pupils per staff post (1:19, 1:13.5, 1:12.5, …).
    pub pupils_per_teacher: Param<PerFlowLevel<f64>>,
    /// Class size from which a class is 大班额 (56) and 超大班额 (66).
    pub large_class: Param<u32>,
    pub super_large_class: Param<u32>,
    /// County supervision norm: at most this many kindergarten children per teacher.
    pub kg_children_per_teacher: Param<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpecialParams {
    /// Registered disabled children per child aged 6–14.
    pub prevalence: Param<f64>,
    /// Base-year placements (special school, mainstream classes, home delivery).
    pub placed: Param<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeacherParams {
    /// Years from a publicly funded trainee's intake to joining (公费定向师范生).
    pub trainee_years: Param<u32>,
    /// Recorded trainee intakes before the base year (they join in projection years).
    pub trainee_history: Vec<YearValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KgMoney<T> {
    pub kindergarten: T,
    pub primary: T,
    pub junior: T,
    pub senior: T,
    pub vocational: T,
}

impl<T: Copy> KgMoney<T> {
    pub fn of(&self, level: Level) -> T {
        match level {
            Level::Kindergarten | Level::Special => self.kindergarten,
            Level::Primary => self.primary,
            Level::Junior => self.junior,
            Level::Senior => self.senior,
            Level::Vocational => self.vocational,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FinanceParams {
    /// Base-year education spending, yuan.
    pub budget: Param<f64>,
    /// Average yearly cost of a full-time teacher, yuan (pay and on-costs).
    pub salary: Param<KgMoney<f64>>,
    /// Per-pupil public funds (生均公用经费), yuan a year; kindergarten = per public-kindergarten child.
    pub public_funds: Param<KgMoney<f64>>,
    /// Yearly subsidy per child in an inclusive private kindergarten, yuan.
    pub inclusive_subsidy: Param<f64>,
    /// Per-pupil funds for disabled pupils, yuan a year.
    pub special_per_pupil: Param<f64>,
    /// Building one classroom, yuan.
    pub classroom_cost: Param<f64>,
    /// Building one public kindergarten seat, yuan.
    pub kg_seat_cost: Param<f64>,
    /// Converting one private seat to public, yuan.
    pub conversion_cost: Param<f64>,
    /// Yearly subsidy per publicly funded teacher trainee, yuan.
    pub trainee_subsidy: Param<f64>,
}

/// One school or kindergarten of the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct School {
    pub id: String,
    pub name: String,
    pub zone: String,
    pub kind: SchoolKind,
    pub classrooms: u32,
    /// Kindergarten places (kindergartens only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<f64>,
    /// Base-year enrollment by slot (see [`SchoolKind::slots`]).
    pub enrollment: Vec<f64>,
    pub teachers: f64,
    pub src: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub id: String,
    pub version: u32,
    pub name: Text,
    /// What the base-year figures describe, e.g. "2020–21 school year".
    pub as_of: Text,
    /// How the region names itself (全市 / 市外 or 全县 / 县外).
    #[serde(default)]
    pub words: RegionWords,
    pub base_year: Year,
    pub horizon: Year,
    pub max_horizon: Year,
    pub sources: Vec<Source>,
    pub zones: Vec<Zone>,
    pub demography: Demography,
    pub kindergarten: KindergartenParams,
    pub flows: Flows,
    pub norms: Norms,
    pub special: SpecialParams,
    pub teachers: TeacherParams,
    pub finance: FinanceParams,
    pub schools: Vec<School>,
    pub targets: Vec<TargetSpec>,
    /// Dataset-specific defaults of levers and assumptions (by lever id), each
    /// with its source; levers not listed use the catalogue default.
    pub lever_defaults: BTreeMap<String, Param<f64>>,
    /// For values imported from a bureau's files: the file, sheet and cells
    /// they were read from, keyed by provenance path (as in
    /// [`Dataset::provenance`], e.g. `schools.kg-1` or `demography.population`).
    /// Empty for a dataset written by hand or by `tools/gen_dataset.py`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub origins: BTreeMap<String, Origin>,
}

impl Dataset {
    /// Parses and validates a dataset.
    pub fn from_json(json: &str) -> Result<Dataset, DataError> {
        let ds: Dataset = serde_json::from_str(json).map_err(|e| DataError::Json(e.to_string()))?;
        ds.validate()?;
        Ok(ds)
    }

    /// The bundled default dataset.
    ///
    /// The bundled file is checked by the test-suite, so a failure here is a
    /// build defect, reported as an error value all the same.
    pub fn default_dataset() -> Result<Dataset, DataError> {
        Dataset::from_json(DEFAULT_DATASET_JSON)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The ids of the sources some value uses (a source no value names any
    /// more, after an import replaced its figures, is not among them).
    pub fn sources_in_use(&self) -> std::collections::BTreeSet<&str> {
        self.provenance().into_iter().map(|(_, src)| src).collect()
    }

    /// Whether the value with source id `src` rests on an estimate.
    pub fn is_estimate(&self, src: &str) -> bool {
        self.source(src).is_none_or(|s| s.kind == SourceKind::Estimate)
    }

    /// Whether any value under the provenance path prefixes `depends` (as
    /// listed in an indicator spec) comes from an estimated source.
    pub fn rests_on_estimates(&self, depends: &[&str]) -> bool {
        self.provenance()
            .iter()
            .any(|(path, src)| depends.iter().any(|d| path.starts_with(d)) && self.is_estimate(src))
    }

    pub fn zone_index(&self, id: &str) -> Option<usize> {
        self.zones.iter().position(|z| z.id == id)
    }

    /// Births in `year`, if recorded in the dataset.
    pub fn recorded_births(&self, year: Year) -> Option<f64> {
        self.demography.births.iter().find(|b| b.year == year).map(|b| b.value)
    }

    /// Every (path, source id) pair, for validation and the Data panel.
    pub fn provenance(&self) -> Vec<(String, &str)> {
        let d = &self.demography;
        let k = &self.kindergarten;
        let f = &self.flows;
        let n = &self.norms;
        let fi = &self.finance;
        let mut out: Vec<(String, &str)> = vec![
            ("demography.residents".into(), &d.residents.src),
            ("demography.crude_death_rate".into(), &d.crude_death_rate.src),
            ("demography.adult_net_migration".into(), &d.adult_net_migration.src),
            ("demography.birth_variants.low".into(), &d.birth_variants.low.src),
            (
                "demography.birth_variants.central".into(),
                &d.birth_variants.central.src,
            ),
            ("demography.birth_variants.high".into(), &d.birth_variants.high.src),
            ("demography.birth_zone_share".into(), &d.birth_zone_share.src),
            ("demography.population".into(), &d.population.src),
            ("demography.net_migration_rate".into(), &d.net_migration_rate.src),
            ("demography.rural_to_town_rate".into(), &d.rural_to_town_rate.src),
            ("kindergarten.class_size".into(), &k.class_size.src),
            ("kindergarten.participation".into(), &k.participation.src),
            ("kindergarten.participation_max".into(), &k.participation_max.src),
            ("kindergarten.private_preference".into(), &k.private_preference.src),
            ("kindergarten.closure_threshold".into(), &k.closure_threshold.src),
            ("kindergarten.closure_rate".into(), &k.closure_rate.src),
            ("kindergarten.teachers_per_class".into(), &k.teachers_per_class.src),
            ("flows.intake_rate".into(), &f.intake_rate.src),
            ("flows.primary_to_junior".into(), &f.primary_to_junior.src),
            ("flows.vocational_outside_share".into(), &f.vocational_outside_share.src),
            ("flows.vocational_outside".into(), &f.vocational_outside.src),
            ("norms.class_size".into(), &n.class_size.src),
            ("norms.teachers_per_class".into(), &n.teachers_per_class.src),
            ("norms.pupils_per_teacher".into(), &n.pupils_per_teacher.src),
            ("norms.large_class".into(), &n.large_class.src),
            ("norms.super_large_class".into(), &n.super_large_class.src),
            ("norms.kg_children_per_teacher".into(), &n.kg_children_per_teacher.src),
            ("special.prevalence".into(), &self.special.prevalence.src),
            ("special.placed".into(), &self.special.placed.src),
            ("teachers.trainee_years".into(), &self.teachers.trainee_years.src),
            ("finance.budget".into(), &fi.budget.src),
            ("finance.salary".into(), &fi.salary.src),
            ("finance.public_funds".into(), &fi.public_funds.src),
            ("finance.inclusive_subsidy".into(), &fi.inclusive_subsidy.src),
            ("finance.special_per_pupil".into(), &fi.special_per_pupil.src),
            ("finance.classroom_cost".into(), &fi.classroom_cost.src),
            ("finance.kg_seat_cost".into(), &fi.kg_seat_cost.src),
            ("finance.conversion_cost".into(), &fi.conversion_cost.src),
            ("finance.trainee_subsidy".into(), &fi.trainee_subsidy.src),
        ];
        for l in Level::FLOW {
            let r = f.rates.of(l);
            out.push((format!("flows.rates.{}.repetition", l.key()), &r.repetition.src));
            out.push((format!("flows.rates.{}.dropout", l.key()), &r.dropout.src));
        }
        for b in &d.births {
            out.push((format!("demography.births.{}", b.year), &b.src));
        }
        for t in &self.teachers.trainee_history {
            out.push((format!("teachers.trainee_history.{}", t.year), &t.src));
        }
        for s in &self.schools {
            out.push((format!("schools.{}", s.id), &s.src));
        }
        for (id, p) in &self.lever_defaults {
            out.push((format!("lever_defaults.{id}"), &p.src));
        }
        // a target names the document that sets it (the work plan), if any
        for t in self.targets.iter().filter(|t| !t.src.is_empty()) {
            out.push((format!("targets.{}", t.id), &t.src));
        }
        out
    }

    /// Checks shapes, ranges and references, naming the first problem found.
    pub fn validate(&self) -> Result<(), DataError> {
        let bad = |path: &str, msg: String| {
            Err(DataError::Invalid {
                path: path.to_string(),
                message: msg,
            })
        };
        if self.zones.is_empty() {
            return bad("zones", "at least one zone is needed".into());
        }
        if self.zones.iter().filter(|z| z.urban).count() != 1 {
            return bad(
                "zones",
                "exactly one zone must be the urban town seat (urban: true)".into(),
            );
        }
        if !(self.base_year < self.horizon && self.horizon <= self.max_horizon) {
            return bad(
                "horizon",
                format!(
                    "need base_year < horizon <= max_horizon, got {} / {} / {}",
                    self.base_year, self.horizon, self.max_horizon
                ),
            );
        }
        if self.max_horizon - self.base_year > 40 {
            return bad("max_horizon", "a projection may span at most 40 years".into());
        }
        for (path, src) in self.provenance() {
            if self.source(src).is_none() {
                return bad(&path, format!("source '{src}' is not listed in sources"));
            }
        }
        let nz = self.zones.len();
        let d = &self.demography;
        check_finite_nonneg("demography.residents", &[d.residents.value])?;
        if d.population.value.len() != nz {
            return bad(
                "demography.population",
                format!("needs one row per zone ({nz}), got {}", d.population.value.len()),
            );
        }
        for (i, row) in d.population.value.iter().enumerate() {
            if row.len() != AGES {
                return bad(
                    "demography.population",
                    format!("zone {} needs {AGES} ages (0–18), got {}", self.zones[i].id, row.len()),
                );
            }
            check_finite_nonneg("demography.population", row)?;
        }
        for (path, v) in [
            ("demography.net_migration_rate", &d.net_migration_rate.value),
            ("demography.rural_to_town_rate", &d.rural_to_town_rate.value),
        ] {
            if v.len() != AGES {
                return bad(path, format!("needs {AGES} values (ages 0–18), got {}", v.len()));
            }
            if v.iter().any(|x| !x.is_finite() || *x <= -1.0 || *x >= 1.0) {
                return bad(path, "rates must lie strictly between −1 and 1".into());
            }
        }
        if d.rural_to_town_rate.value.iter().any(|x| *x < 0.0) {
            return bad("demography.rural_to_town_rate", "rates cannot be negative".into());
        }
        if d.birth_zone_share.value.len() != nz {
            return bad(
                "demography.birth_zone_share",
                format!("needs one share per zone ({nz})"),
            );
        }
        check_finite_nonneg("demography.birth_zone_share", &d.birth_zone_share.value)?;
        let s: f64 = d.birth_zone_share.value.iter().sum();
        if (s - 1.0).abs() > 1e-6 {
            return bad("demography.birth_zone_share", format!("shares must sum to 1, got {s}"));
        }
        if d.births.is_empty() {
            return bad("demography.births", "at least one recorded year is needed".into());
        }
        check_finite_nonneg(
            "demography.births",
            &d.births.iter().map(|b| b.value).collect::<Vec<_>>(),
        )?;
        if !d.births.windows(2).all(|w| w[0].year < w[1].year) {
            return bad("demography.births", "years must be strictly increasing".into());
        }
        for (path, p) in [
            ("low", &d.birth_variants.low),
            ("central", &d.birth_variants.central),
            ("high", &d.birth_variants.high),
        ] {
            if !(p.value.is_finite() && p.value > -0.5 && p.value < 0.5) {
                return bad(
                    &format!("demography.birth_variants.{path}"),
                    "annual change must lie between −50% and +50%".into(),
                );
            }
        }
        if !(0.0..0.1).contains(&d.crude_death_rate.value) {
            return bad(
                "demography.crude_death_rate",
                "deaths per resident must lie in 0..0.1".into(),
            );
        }
        let k = &self.kindergarten;
        if k.participation.value.len() != nz {
            return bad("kindergarten.participation", format!("needs one value per zone ({nz})"));
        }
        if k.participation.value.iter().any(|x| !(0.0..=1.0).contains(x)) {
            return bad("kindergarten.participation", "values must lie in 0..1".into());
        }
        if k.class_size.value.iter().any(|x| !(*x >= 1.0 && x.is_finite())) || k.teachers_per_class.value <= 0.0 {
            return bad(
                "kindergarten.class_size",
                "class sizes and teachers per class must be positive".into(),
            );
        }
        for l in Level::FLOW {
            let r = self.flows.rates.of(l);
            for (name, v) in [("repetition", &r.repetition.value), ("dropout", &r.dropout.value)] {
                if v.len() != l.grades() {
                    return bad(
                        &format!("flows.rates.{}.{name}", l.key()),
                        format!("needs {} grades, got {}", l.grades(), v.len()),
                    );
                }
            }
            if r.repetition
                .value
                .iter()
                .zip(&r.dropout.value)
                .any(|(a, b)| a.get() + b.get() > 0.5)
            {
                return bad(
                    &format!("flows.rates.{}", l.key()),
                    "repetition + dropout above 50% in a grade is not plausible".into(),
                );
            }
            let cs = *self.norms.class_size.value.of(l);
            let tpc = *self.norms.teachers_per_class.value.of(l);
            let ppt = *self.norms.pupils_per_teacher.value.of(l);
            if !(cs >= 1.0 && tpc > 0.0 && ppt > 0.0) {
                return bad(
                    &format!("norms.{}", l.key()),
                    "class size, teachers per class and pupils per teacher must be positive".into(),
                );
            }
        }
        if !(0.0..=2.0).contains(&self.flows.intake_rate.value) {
            return bad("flows.intake_rate", "must lie in 0..2".into());
        }
        if self.flows.vocational_outside.value.len() != 3 {
            return bad("flows.vocational_outside", "needs 3 grades".into());
        }
        check_finite_nonneg("flows.vocational_outside", &self.flows.vocational_outside.value)?;
        if self.norms.large_class.value == 0 || self.norms.super_large_class.value <= self.norms.large_class.value {
            return bad(
                "norms.super_large_class",
                "need 0 < large_class < super_large_class".into(),
            );
        }
        if self.teachers.trainee_years.value == 0 || self.teachers.trainee_years.value > 8 {
            return bad("teachers.trainee_years", "must be 1..=8".into());
        }
        let fi = &self.finance;
        let money = [
            fi.budget.value,
            fi.inclusive_subsidy.value,
            fi.special_per_pupil.value,
            fi.classroom_cost.value,
            fi.kg_seat_cost.value,
            fi.conversion_cost.value,
            fi.trainee_subsidy.value,
        ];
        check_finite_nonneg("finance", &money)?;
        let mut ids = std::collections::BTreeSet::new();
        for s in &self.schools {
            let path = format!("schools.{}", s.id);
            if !ids.insert(s.id.as_str()) {
                return bad(&path, "duplicate school id".into());
            }
            if self.zone_index(&s.zone).is_none() {
                return bad(&path, format!("unknown zone '{}'", s.zone));
            }
            let slots = s.kind.slots().len();
            if s.enrollment.len() != slots {
                return bad(
                    &path,
                    format!(
                        "enrollment needs {slots} values for this kind of school, got {}",
                        s.enrollment.len()
                    ),
                );
            }
            check_finite_nonneg(&path, &s.enrollment)?;
            check_finite_nonneg(&path, &[s.teachers])?;
            match (s.kind.provider(), s.seats) {
                (Some(_), Some(seats)) if seats.is_finite() && seats >= 0.0 => {}
                (Some(_), _) => return bad(&path, "a kindergarten needs a non-negative number of seats".into()),
                (None, Some(_)) => return bad(&path, "only kindergartens have seats".into()),
                (None, None) => {}
            }
        }
        for l in [Level::Primary, Level::Junior, Level::Senior, Level::Vocational] {
            if !self.schools.iter().any(|s| s.kind.teaches(l)) {
                return bad("schools", format!("no school teaches level {}", l.key()));
            }
        }
        let mut tids = std::collections::BTreeSet::new();
        for t in &self.targets {
            if !tids.insert(t.id.as_str()) {
                return bad(&format!("targets.{}", t.id), "duplicate target id".into());
            }
            if crate::catalogue::indicator_spec(&t.indicator).is_none() {
                return bad(
                    &format!("targets.{}", t.id),
                    format!("unknown indicator '{}'", t.indicator),
                );
            }
            if t.year <= self.base_year || t.year > self.max_horizon {
                return bad(
                    &format!("targets.{}", t.id),
                    format!(
                        "year {} is outside {}..={}",
                        t.year,
                        self.base_year + 1,
                        self.max_horizon
                    ),
                );
            }
        }
        for (id, p) in &self.lever_defaults {
            let Some(spec) = crate::catalogue::lever_spec(id) else {
                return bad(&format!("lever_defaults.{id}"), "unknown lever id".into());
            };
            if !(p.value >= spec.min && p.value <= spec.max) {
                return bad(
                    &format!("lever_defaults.{id}"),
                    format!("{} is outside {}..={}", p.value, spec.min, spec.max),
                );
            }
        }
        Ok(())
    }
}

fn check_finite_nonneg(path: &str, v: &[f64]) -> Result<(), DataError> {
    match v.iter().find(|x| !(x.is_finite() && **x >= 0.0)) {
        Some(x) => Err(DataError::Invalid {
            path: path.to_string(),
            message: format!("{x} is not a finite, non-negative number"),
        }),
        None => Ok(()),
    }
}
