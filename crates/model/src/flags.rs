//! The early-warning flags of a school's year (issue 18): over capacity,
//! under-used, teachers short or in surplus. docs/MODEL.md §6a. Below the
//! engine (which counts flagged schools each year) and the schools table.

use serde::Serialize;

use crate::record::SchoolRec;
use crate::units::is_defined;

/// The thresholds of the early-warning flags (the planner sets them).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FlagSettings {
    /// Under-used below this many pupils per grade with pupils (default 10).
    pub min_pupils_per_grade: f64,
    /// Under-used below this share of its places filled (default 50%).
    pub min_utilisation: f64,
    /// Teachers short or in surplus by at least this many teachers against
    /// the staffing norm for its pupils (default 1).
    pub teacher_margin: f64,
}

impl Default for FlagSettings {
    fn default() -> Self {
        FlagSettings {
            min_pupils_per_grade: 10.0,
            min_utilisation: 0.5,
            teacher_margin: 1.0,
        }
    }
}

/// An early warning for one school in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Classes of 56 or more, or fewer classrooms than its classes at the
    /// standard size need (a kindergarten: more children than seats).
    OverCapacity,
    /// Fewer pupils per grade than the threshold, or its places filled below the threshold.
    UnderUsed,
    /// Its share of its pool's teachers below the staffing norm by the margin or more.
    TeachersShort,
    /// Above the staffing norm by the margin or more.
    TeachersSurplus,
}

impl Flag {
    pub const ALL: [Flag; 4] = [
        Flag::OverCapacity,
        Flag::UnderUsed,
        Flag::TeachersShort,
        Flag::TeachersSurplus,
    ];

    /// The flag's key in files and links (`over_capacity`, …).
    pub fn key(self) -> &'static str {
        match self {
            Flag::OverCapacity => "over_capacity",
            Flag::UnderUsed => "under_used",
            Flag::TeachersShort => "teachers_short",
            Flag::TeachersSurplus => "teachers_surplus",
        }
    }
}

/// Whether `flag` applies to a school's year under `settings`.
pub fn applies(flag: Flag, r: &SchoolRec, settings: &FlagSettings) -> bool {
    if !r.open {
        return false; // merged into another: nothing left to warn of
    }
    let teachers = is_defined(r.teachers) && is_defined(r.teachers_needed);
    match flag {
        Flag::OverCapacity => {
            r.classes_56_65 + r.classes_66 > 0
                || r.rooms_needed > r.rooms && r.rooms > 0
                || r.rooms == 0 && r.places > 0.0 && r.pupils > r.places + 0.5
        }
        Flag::UnderUsed => {
            let per_grade = r.pupils / r.grades.max(1) as f64;
            let used = r.utilisation();
            per_grade < settings.min_pupils_per_grade || is_defined(used) && used < settings.min_utilisation
        }
        Flag::TeachersShort => teachers && r.teachers_needed - r.teachers >= settings.teacher_margin,
        Flag::TeachersSurplus => teachers && r.teachers - r.teachers_needed >= settings.teacher_margin,
    }
}

/// Whether any flag applies to a school's year under `settings`.
pub fn flagged(r: &SchoolRec, settings: &FlagSettings) -> bool {
    Flag::ALL.into_iter().any(|f| applies(f, r, settings))
}
