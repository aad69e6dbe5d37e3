//! Errors as values: every input a user, a file or a link supplies is checked
//! and reported with the path of the offending item, never with a panic.

use std::fmt;

/// A dataset that cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// Not JSON, or not the dataset's shape.
    Json(String),
    /// Well-formed, but a value is missing, out of range or inconsistent.
    Invalid { path: String, message: String },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Json(e) => write!(f, "dataset is not valid JSON of the expected shape: {e}"),
            DataError::Invalid { path, message } => write!(f, "dataset: {path}: {message}"),
        }
    }
}

impl std::error::Error for DataError {}

/// A scenario that cannot be run against a dataset.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    Json(String),
    /// The file is not text in UTF-8 (with or without a BOM) or UTF-16 with a BOM.
    Encoding,
    UnknownLever(String),
    /// A policy lever given under "assumptions" or the other way round.
    WrongSection {
        id: String,
        expected: &'static str,
    },
    OutOfRange {
        id: String,
        value: f64,
        min: f64,
        max: f64,
    },
    NotANumber {
        id: String,
    },
    BadYear {
        id: String,
        year: String,
        first: i32,
        last: i32,
    },
    NotPerYear {
        id: String,
    },
    /// A programme order that is not the digits 1–5 each exactly once.
    BadOrder {
        id: String,
        value: f64,
    },
    /// A school merge the dataset cannot make.
    Merge(MergeError),
    /// A new school the dataset cannot take.
    NewSchool(NewSchoolError),
    /// Boarding places the dataset cannot take.
    Boarding(BoardingError),
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Json(e) => {
                write!(f, "scenario is not valid JSON of the expected shape: {e}")
            }
            ScenarioError::Encoding => write!(
                f,
                "the scenario file is not UTF-8 text (EduPlan writes UTF-8; save the file as UTF-8)"
            ),
            ScenarioError::UnknownLever(id) => write!(f, "unknown lever '{id}' (run `eduplan levers` for the list)"),
            ScenarioError::WrongSection { id, expected } => {
                write!(f, "lever '{id}' belongs under \"{expected}\"")
            }
            ScenarioError::OutOfRange { id, value, min, max } => {
                write!(f, "lever '{id}': {value} is outside its range {min}..={max}")
            }
            ScenarioError::NotANumber { id } => {
                write!(f, "lever '{id}': value must be a finite number")
            }
            ScenarioError::BadYear { id, year, first, last } => write!(
                f,
                "lever '{id}': year '{year}' is not a projection year ({first}..={last})"
            ),
            ScenarioError::NotPerYear { id } => {
                write!(f, "lever '{id}' takes one number, not a value per year")
            }
            ScenarioError::BadOrder { id, value } => write!(
                f,
                "lever '{id}': {value} is not a programme order (the digits 1–5 each once, e.g. 12345)"
            ),
            ScenarioError::Merge(e) => write!(f, "merge: {e}"),
            ScenarioError::NewSchool(e) => write!(f, "new school: {e}"),
            ScenarioError::Boarding(e) => write!(f, "boarding: {e}"),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// Why a merge cannot be made on a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// No grade-teaching school with this id.
    UnknownSchool(String),
    /// A school merged into itself.
    IntoItself(String),
    /// The receiver is in another zone (primary and junior pupils stay in their zone).
    OtherZone { school: String, into: String },
    /// The receiver does not teach every grade of the closing school.
    Grades { school: String, into: String },
    /// The year is not after the base year and up to the horizon.
    Year(i32),
    /// The share is not a number from 0 to 1.
    Share,
    /// A school closed twice.
    Twice(String),
    /// The receiving school has closed by then (from `year`).
    ReceiverClosed { into: String, year: i32 },
    /// Not `school:into:year[:share]` (a link's merge item).
    Unreadable,
    /// A school the scenario opens closes or receives before it opens (from `from`).
    NotYetOpen { id: String, from: i32 },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::UnknownSchool(id) => write!(f, "no school '{id}' in the dataset's register"),
            MergeError::IntoItself(id) => write!(f, "'{id}' cannot be merged into itself"),
            MergeError::OtherZone { school, into } => {
                write!(f, "'{school}' and '{into}' are in different zones")
            }
            MergeError::Grades { school, into } => {
                write!(f, "'{into}' does not teach every grade of '{school}'")
            }
            MergeError::Year(y) => write!(f, "{y} is not a projection year"),
            MergeError::Share => write!(f, "the share must be from 0 to 1"),
            MergeError::Twice(id) => write!(f, "'{id}' is closed more than once"),
            MergeError::Unreadable => write!(f, "not school:into:year[:share]"),
            MergeError::NotYetOpen { id, from } => {
                write!(f, "'{id}' opens in {from} and takes part in no merge before that")
            }
            MergeError::ReceiverClosed { into, year } => {
                write!(
                    f,
                    "'{into}' has closed from {year} and cannot receive pupils after that"
                )
            }
        }
    }
}

impl std::error::Error for MergeError {}

/// Why a new school cannot be opened on a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewSchoolError {
    /// Not 1–40 letters, digits, `-` or `_`.
    Id(String),
    /// A register school or an earlier new school has this id.
    IdTaken(String),
    /// Empty, over 60 characters, or with control characters.
    Name,
    /// A register school or an earlier new school has this name.
    NameTaken(String),
    /// No such zone.
    Zone(String),
    /// Not primary, nine-year, junior, general senior or vocational.
    Kind,
    /// Not 1 to 120 classrooms.
    Rooms,
    /// Not after the base year and up to the horizon.
    Year(i32),
    /// Not `id:zone:kind:classrooms:year:name` (a link's item).
    Unreadable,
}

impl fmt::Display for NewSchoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewSchoolError::Id(id) => write!(f, "'{id}' is not an id (1–40 letters, digits, - or _)"),
            NewSchoolError::IdTaken(id) => write!(f, "a school '{id}' already exists"),
            NewSchoolError::Name => write!(f, "the name must be 1–60 characters"),
            NewSchoolError::NameTaken(n) => write!(f, "a school is already called '{n}'"),
            NewSchoolError::Zone(z) => write!(f, "no zone '{z}' in the dataset"),
            NewSchoolError::Kind => {
                write!(
                    f,
                    "the kind must be primary, nine_year, junior, senior_general or vocational"
                )
            }
            NewSchoolError::Rooms => write!(f, "classrooms must be a whole number from 1 to 120"),
            NewSchoolError::Year(y) => write!(f, "{y} is not a projection year"),
            NewSchoolError::Unreadable => write!(f, "not id:zone:kind:classrooms:year:name"),
        }
    }
}

impl std::error::Error for NewSchoolError {}

/// Why boarding places cannot be given on a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BoardingError {
    /// No school with this id (in the register or opened by the scenario).
    UnknownSchool(String),
    /// Not a school that may board: it teaches no primary or junior grade,
    /// or it is a teaching point.
    Level(String),
    /// Places not a whole number from 1 to 5,000.
    Places,
    /// Cost per boarder not whole yuan from 0 to 20,000 a year.
    Cost,
    /// Not after the base year and up to the horizon.
    Year(i32),
    /// Before the new school opens (from `from`).
    NotYetOpen { id: String, from: i32 },
    /// Two entries for one school.
    Twice(String),
    /// A merge closes the school (from `year`).
    Merged { id: String, year: i32 },
    /// Not `school:places:year[:cost]` (a link's item).
    Unreadable,
}

impl fmt::Display for BoardingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BoardingError::UnknownSchool(id) => write!(f, "no school '{id}'"),
            BoardingError::Level(id) => write!(
                f,
                "'{id}' cannot have boarding places (a school teaching primary or junior grades, not a teaching point)"
            ),
            BoardingError::Places => write!(f, "places must be a whole number from 1 to 5000"),
            BoardingError::Cost => write!(f, "the cost per boarder must be whole yuan from 0 to 20000 a year"),
            BoardingError::Year(y) => write!(f, "{y} is not a projection year"),
            BoardingError::NotYetOpen { id, from } => write!(f, "'{id}' opens in {from}"),
            BoardingError::Twice(id) => write!(f, "'{id}' has boarding places twice"),
            BoardingError::Merged { id, year } => {
                write!(
                    f,
                    "'{id}' is merged into another school from {year} and can have no boarding places"
                )
            }
            BoardingError::Unreadable => write!(f, "not school:places:year[:cost]"),
        }
    }
}

impl std::error::Error for BoardingError {}
