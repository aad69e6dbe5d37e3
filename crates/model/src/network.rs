//! School-network changes a scenario makes (issue 18): merging a school into
//! another from a year (撤并). docs/MODEL.md §6b states the rule.

use serde::{Deserialize, Serialize};

use crate::dataset::{Dataset, School};
pub use crate::error::MergeError;
use crate::level::Level;
use crate::units::Year;

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

/// A merge in words, with the schools' names: "江南镇教学点（1）并入江南镇中心小学（2023年起）"
/// (the share when it is not all: "…，50%的学生转入该校").
pub fn describe(m: &Merge, ds: &Dataset, loc: crate::format::Locale) -> String {
    let name = |id: &str| {
        ds.schools
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_string(), |s| s.name.clone())
    };
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
