//! School-network changes a scenario makes (issue 18): merging a school into
//! another from a year (撤并), opening a new school, and boarding places at a
//! school. docs/MODEL.md §6b–§6d state the rules. (Teacher exchange between
//! zones is a numeric lever, `exchange.primary` / `exchange.junior`.)

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::dataset::{Dataset, School};
pub use crate::error::{BoardingError, MergeError, NewSchoolError};
use crate::level::{Level, SchoolKind};
use crate::units::Year;

/// The `src` of a school a scenario opens, in the dataset the engine runs
/// ([`with_new_schools`]): its figures come from the scenario, not a source.
pub const SCENARIO_SOURCE: &str = "scenario";

/// The kinds of school a scenario may open (kindergartens grow through the
/// seat levers; special schools through special-education places).
pub const NEW_KINDS: [SchoolKind; 5] = [
    SchoolKind::Primary,
    SchoolKind::NineYear,
    SchoolKind::Junior,
    SchoolKind::SeniorGeneral,
    SchoolKind::Vocational,
];

/// Most classrooms a new school may have (a 72-class school is already very large).
pub const MAX_NEW_ROOMS: u32 = 120;

/// A school the scenario opens from a year: it takes pupils from its pool's
/// schools by the classrooms rule of docs/MODEL.md §6c.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSchool {
    /// Its id (letters, digits, `-` and `_`; not a register school's id).
    pub id: String,
    /// Its name as the tables show it.
    pub name: String,
    /// Zone id (primary and junior pupils come from this zone only).
    pub zone: String,
    /// Primary, nine-year, junior, general senior or vocational ([`NEW_KINDS`]).
    pub kind: SchoolKind,
    /// Classrooms it opens with (1 to [`MAX_NEW_ROOMS`]).
    pub classrooms: u32,
    /// The first school year it teaches (after the base year, up to the horizon).
    pub from: Year,
}

/// Boarding places at a school from a year: pupils of the county's other
/// zones board there, up to the places (docs/MODEL.md §6d).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boarding {
    /// A register school (or one the scenario opens) teaching primary or junior grades.
    pub school: String,
    /// Boarding places (pupils), 1 to [`MAX_PLACES`].
    pub places: f64,
    /// The first school year the places are used.
    pub from: Year,
    /// Extra public funds per boarder per year, yuan (default 200: 国发〔2015〕67号,
    /// 对寄宿制学校按照寄宿生年生均200元标准增加公用经费补助).
    #[serde(default = "boarder_cost")]
    pub cost: f64,
}

/// Most boarding places at one school.
pub const MAX_PLACES: f64 = 5000.0;
/// Most yuan per boarder per year a scenario may set.
pub const MAX_BOARDER_COST: f64 = 20000.0;

/// Extra public funds per boarder per year when the scenario gives none, yuan
/// (国务院关于进一步完善城乡义务教育经费保障机制的通知，国发〔2015〕67号).
pub const BOARDER_COST: f64 = 200.0;

fn boarder_cost() -> f64 {
    BOARDER_COST
}

/// A school that closes from a year, its pupils moving to a receiving school
/// of the same pool (the same zone for primary and junior grades).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The school that closes (dataset id).
    pub school: String,
    /// The school that receives its pupils (dataset id).
    pub into: String,
    /// The first school year without it (after the base year, up to the horizon).
    pub from: Year,
    /// Share of its pupils that go to the receiver, 0–1 (1 when absent); the
    /// rest follow the pool's other schools teaching their grades.
    #[serde(default = "whole_share")]
    pub share: f64,
}

fn whole_share() -> f64 {
    1.0
}

/// A school's name by id in the dataset or among the scenario's new schools
/// (the id itself when neither has it).
pub fn school_name(id: &str, ds: &Dataset, new: &[NewSchool]) -> String {
    ds.schools
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.clone())
        .or_else(|| new.iter().find(|s| s.id == id).map(|s| s.name.clone()))
        .unwrap_or_else(|| id.to_string())
}

/// A merge in words, with the schools' names: "江南镇教学点（1）并入江南镇中心小学（2023年起）"
/// (the share when it is not all: "…，50%的学生转入该校"). `new`: the
/// scenario's new schools, which a merge may name.
pub fn describe(m: &Merge, ds: &Dataset, new: &[NewSchool], loc: crate::format::Locale) -> String {
    let name = |id: &str| school_name(id, ds, new);
    let share = crate::format::share_text(m.share);
    match loc {
        crate::format::Locale::Zh if m.share == 1.0 => {
            format!("{}并入{}（{}年起）", name(&m.school), name(&m.into), m.from)
        }
        crate::format::Locale::Zh => format!(
            "{}并入{}（{}年起，{}的学生转入该校，其余转入片区内其他学校）",
            name(&m.school),
            name(&m.into),
            m.from,
            share
        ),
        crate::format::Locale::En if m.share == 1.0 => {
            format!("{} into {} (from {})", name(&m.school), name(&m.into), m.from)
        }
        crate::format::Locale::En => format!(
            "{} into {} (from {}; {share} of its pupils there, the rest to the zone's other schools)",
            name(&m.school),
            name(&m.into),
            m.from
        ),
    }
}

/// Merges in the order they take effect: by year, in the order given within a year.
pub fn in_order(merges: &[Merge]) -> Vec<&Merge> {
    let mut out: Vec<&Merge> = merges.iter().collect();
    out.sort_by_key(|m| m.from);
    out
}

/// Kindergartens and special schools are not run school by school: they neither close nor receive.
fn grade_teaching(s: &School) -> bool {
    s.kind.provider().is_none() && !s.kind.slots().iter().any(|(l, _)| *l == Level::Special)
}

/// Whether the register lets `into` take the pupils of `school` at all
/// (both grade-teaching schools, not the same, the same pool, every grade
/// taught), whatever the year and the other merges.
pub fn can_receive(school: &School, into: &School) -> Result<(), MergeError> {
    for s in [school, into] {
        if !grade_teaching(s) {
            return Err(MergeError::UnknownSchool(s.id.clone()));
        }
    }
    if school.id == into.id {
        return Err(MergeError::IntoItself(school.id.clone()));
    }
    let slots = school.kind.slots();
    let zoned = slots.iter().any(|(l, _)| matches!(l, Level::Primary | Level::Junior));
    if zoned && school.zone != into.zone {
        return Err(MergeError::OtherZone {
            school: school.id.clone(),
            into: into.id.clone(),
        });
    }
    let theirs = into.kind.slots();
    if !slots.iter().all(|s| theirs.contains(s)) {
        return Err(MergeError::Grades {
            school: school.id.clone(),
            into: into.id.clone(),
        });
    }
    Ok(())
}

/// Checks merges against the dataset (in the order they take effect: a
/// receiver must not have closed by the year it receives).
pub fn validate(merges: &[Merge], ds: &Dataset) -> Result<(), MergeError> {
    let school = |id: &str| {
        ds.schools
            .iter()
            .find(|s| s.id == id && grade_teaching(s))
            .ok_or_else(|| MergeError::UnknownSchool(id.to_string()))
    };
    let mut closed: Vec<(&str, Year)> = Vec::new();
    for m in in_order(merges) {
        let (a, b) = (school(&m.school)?, school(&m.into)?);
        if a.id == b.id {
            return Err(MergeError::IntoItself(a.id.clone()));
        }
        if !(m.share.is_finite() && (0.0..=1.0).contains(&m.share)) {
            return Err(MergeError::Share);
        }
        if m.from <= ds.base_year || m.from > ds.max_horizon {
            return Err(MergeError::Year(m.from));
        }
        can_receive(a, b)?;
        if closed.iter().any(|(id, _)| *id == a.id) {
            return Err(MergeError::Twice(a.id.clone()));
        }
        if let Some((_, y)) = closed.iter().find(|(id, y)| *id == b.id && *y <= m.from) {
            return Err(MergeError::ReceiverClosed {
                into: b.id.clone(),
                year: *y,
            });
        }
        closed.push((&m.school, m.from));
    }
    Ok(())
}

/// A new school in words: "新建城区第三小学（城区，小学，36间教室，2026年起启用）".
pub fn describe_new(n: &NewSchool, ds: &Dataset, loc: crate::format::Locale) -> String {
    let zone = ds
        .zones
        .iter()
        .find(|z| z.id == n.zone)
        .map_or(n.zone.clone(), |z| match loc {
            crate::format::Locale::Zh => z.name.zh.clone(),
            crate::format::Locale::En => z.name.en.clone(),
        });
    match loc {
        crate::format::Locale::Zh => format!(
            "新建{}（{}，{}，{}间教室，{}年起启用）",
            n.name,
            zone,
            crate::names::school_kind(n.kind, loc),
            n.classrooms,
            n.from
        ),
        crate::format::Locale::En => format!(
            "New school {} ({}, {}, {} classrooms, open from {})",
            n.name,
            zone,
            crate::names::school_kind(n.kind, loc),
            n.classrooms,
            n.from
        ),
    }
}

/// Boarding places in words: "江南镇中心小学寄宿床位300个（2025年起，每生每年200元）".
pub fn describe_boarding(b: &Boarding, ds: &Dataset, new: &[NewSchool], loc: crate::format::Locale) -> String {
    let name = school_name(&b.school, ds, new);
    let places = crate::format::count(b.places, loc);
    let cost = crate::format::count(b.cost, loc);
    match loc {
        crate::format::Locale::Zh => format!("{name}寄宿床位{places}个（{}年起，每生每年{cost}元）", b.from),
        crate::format::Locale::En => format!(
            "{places} boarding places at {name} (from {}; {cost} yuan a boarder a year)",
            b.from
        ),
    }
}

/// The dataset the engine runs for a scenario that opens schools: the
/// register with each new school appended (no pupils or teachers in the base
/// year, its classrooms, `src` [`SCENARIO_SOURCE`]); the dataset itself when
/// it opens none. New schools that fail [`validate_new`] are left out.
pub fn with_new_schools<'a>(ds: &'a Dataset, new: &[NewSchool]) -> Cow<'a, Dataset> {
    let ok: Vec<&NewSchool> = new
        .iter()
        .enumerate()
        .filter(|(i, n)| check_new(n, &new[..*i], ds).is_ok())
        .map(|(_, n)| n)
        .filter(|n| !ds.schools.iter().any(|s| s.id == n.id))
        .collect();
    if ok.is_empty() {
        return Cow::Borrowed(ds);
    }
    let mut ext = ds.clone();
    ext.schools.extend(ok.into_iter().map(|n| School {
        id: n.id.clone(),
        name: n.name.clone(),
        zone: n.zone.clone(),
        kind: n.kind,
        classrooms: n.classrooms,
        seats: None,
        enrollment: vec![0.0; n.kind.slots().len()],
        teachers: 0.0,
        src: SCENARIO_SOURCE.to_string(),
    }));
    Cow::Owned(ext)
}

/// Whether a school of the engine's dataset is one a scenario opens.
pub fn is_new(s: &School) -> bool {
    s.src == SCENARIO_SOURCE
}

/// A new school id: 1–40 letters, digits, `-` or `_`.
fn id_ok(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Checks one new school against the dataset and the new schools before it.
fn check_new(n: &NewSchool, earlier: &[NewSchool], ds: &Dataset) -> Result<(), NewSchoolError> {
    if !id_ok(&n.id) {
        return Err(NewSchoolError::Id(n.id.clone()));
    }
    // (the engine's dataset already holds the scenario's new schools)
    if ds.schools.iter().any(|s| s.id == n.id && !is_new(s)) || earlier.iter().any(|e| e.id == n.id) {
        return Err(NewSchoolError::IdTaken(n.id.clone()));
    }
    let name = n.name.trim();
    if name.is_empty() || name.chars().count() > 60 || name.chars().any(char::is_control) {
        return Err(NewSchoolError::Name);
    }
    if ds.schools.iter().any(|s| s.name == name && !is_new(s)) || earlier.iter().any(|e| e.name.trim() == name) {
        return Err(NewSchoolError::NameTaken(name.to_string()));
    }
    if ds.zone_index(&n.zone).is_none() {
        return Err(NewSchoolError::Zone(n.zone.clone()));
    }
    if !NEW_KINDS.contains(&n.kind) {
        return Err(NewSchoolError::Kind);
    }
    if !(1..=MAX_NEW_ROOMS).contains(&n.classrooms) {
        return Err(NewSchoolError::Rooms);
    }
    if n.from <= ds.base_year || n.from > ds.max_horizon {
        return Err(NewSchoolError::Year(n.from));
    }
    Ok(())
}

/// Checks the scenario's new schools against the dataset, in order.
pub fn validate_new(new: &[NewSchool], ds: &Dataset) -> Result<(), NewSchoolError> {
    for (i, n) in new.iter().enumerate() {
        check_new(n, &new[..i], ds)?;
    }
    Ok(())
}

/// The year a school opens when the scenario opens it.
fn opens(id: &str, new: &[NewSchool]) -> Option<Year> {
    new.iter().find(|n| n.id == id).map(|n| n.from)
}

/// Merges over the register and the scenario's new schools: [`validate`] on
/// the dataset with them, and no school closes or receives before it opens.
pub fn validate_merges(merges: &[Merge], new: &[NewSchool], ds: &Dataset) -> Result<(), MergeError> {
    validate_merges_on(merges, new, &with_new_schools(ds, new))
}

/// [`validate_merges`] on the dataset already extended with the new schools
/// ([`with_new_schools`]), for callers that check many merges.
pub fn validate_merges_on(merges: &[Merge], new: &[NewSchool], extended: &Dataset) -> Result<(), MergeError> {
    validate(merges, extended)?;
    for m in merges {
        for id in [&m.school, &m.into] {
            if let Some(from) = opens(id, new) {
                if m.from <= from && (id == &m.school || m.from < from) {
                    return Err(MergeError::NotYetOpen { id: id.clone(), from });
                }
            }
        }
    }
    Ok(())
}

/// Whether a school may have boarding places: it teaches primary or junior grades.
pub fn can_board(s: &School) -> bool {
    grade_teaching(s)
        && s.kind
            .slots()
            .iter()
            .any(|(l, _)| matches!(l, Level::Primary | Level::Junior))
}

/// Checks boarding places: a school that may board ([`can_board`]) in the
/// dataset or among the new schools (from its opening year), places and
/// whole yuan in range, a projection year, one entry per school, no school
/// that a merge closes.
/// A school a merge closes has none (its boarders would vanish in silence).
pub fn validate_boarding(
    boarding: &[Boarding],
    new: &[NewSchool],
    merges: &[Merge],
    ds: &Dataset,
) -> Result<(), BoardingError> {
    validate_boarding_on(boarding, new, merges, &with_new_schools(ds, new))
}

/// [`validate_boarding`] on the dataset already extended with the new
/// schools ([`with_new_schools`]).
pub fn validate_boarding_on(
    boarding: &[Boarding],
    new: &[NewSchool],
    merges: &[Merge],
    extended: &Dataset,
) -> Result<(), BoardingError> {
    for (i, b) in boarding.iter().enumerate() {
        let school = extended
            .schools
            .iter()
            .find(|s| s.id == b.school)
            .ok_or_else(|| BoardingError::UnknownSchool(b.school.clone()))?;
        if !can_board(school) {
            return Err(BoardingError::Level(b.school.clone()));
        }
        if !(b.places.is_finite() && b.places >= 1.0 && b.places <= MAX_PLACES && b.places.fract() == 0.0) {
            return Err(BoardingError::Places);
        }
        if !(b.cost.is_finite() && (0.0..=MAX_BOARDER_COST).contains(&b.cost) && b.cost.fract() == 0.0) {
            return Err(BoardingError::Cost);
        }
        if b.from <= extended.base_year || b.from > extended.max_horizon {
            return Err(BoardingError::Year(b.from));
        }
        if let Some(from) = opens(&b.school, new).filter(|f| b.from < *f) {
            return Err(BoardingError::NotYetOpen {
                id: b.school.clone(),
                from,
            });
        }
        if boarding[..i].iter().any(|e| e.school == b.school) {
            return Err(BoardingError::Twice(b.school.clone()));
        }
        if let Some(m) = merges.iter().find(|m| m.school == b.school) {
            return Err(BoardingError::Merged {
                id: b.school.clone(),
                year: m.from,
            });
        }
    }
    Ok(())
}

/// What a network change is, for labels beside its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    NewSchool,
    Merge,
    Boarding,
}

/// Every network change of a scenario in words, in the order they are
/// listed everywhere (new schools, merges, boarding places).
pub fn describe_changes(
    new: &[NewSchool],
    merges: &[Merge],
    boarding: &[Boarding],
    ds: &Dataset,
    loc: crate::format::Locale,
) -> Vec<(ChangeKind, String)> {
    new.iter()
        .map(|n| (ChangeKind::NewSchool, describe_new(n, ds, loc)))
        .chain(merges.iter().map(|m| (ChangeKind::Merge, describe(m, ds, new, loc))))
        .chain(
            boarding
                .iter()
                .map(|b| (ChangeKind::Boarding, describe_boarding(b, ds, new, loc))),
        )
        .collect()
}
