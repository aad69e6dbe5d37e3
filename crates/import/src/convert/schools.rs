//! 学校名册 and 分年级在校生: the school register and its pupils by grade.

use std::collections::BTreeMap;

use eduplan_model::dataset::School;

use super::zones::zone_of;
use super::Ctx;
use crate::enums;
use crate::problem::{Location, Part};
use crate::table::Table;

/// One register row read: the school, and the row it came from.
fn read_row(ctx: &mut Ctx, t: &Table, r: usize) -> Option<School> {
    let id = t.text(r, "school_id", ctx.sink);
    let name = t.text(r, "school_name", ctx.sink);
    let zone = zone_of(ctx, t, r);
    let provider = match t.raw_cell(r, "provider").text() {
        Some(v) => match enums::provider(&v) {
            Some(p) => Some(p),
            None => {
                enums::bad_value(ctx.sink, t, r, "provider", &v);
                return None;
            }
        },
        None => None,
    };
    let kind = match t.text(r, "school_type", ctx.sink) {
        Some(v) => match enums::school_kind(&v, provider) {
            Ok(k) => Some(k),
            Err(true) => {
                ctx.sink.error(
                    t.at(r, "provider"),
                    None,
                    "幼儿园须填写“举办者类型”：公办、普惠性民办或非普惠性民办",
                    "a kindergarten needs its provider: 公办, 普惠性民办 or 非普惠性民办",
                );
                None
            }
            Err(false) => {
                enums::bad_value(ctx.sink, t, r, "school_type", &v);
                None
            }
        },
        None => None,
    };
    let classrooms = t.number(r, "classrooms", ctx.sink);
    let teachers = t.number(r, "teachers", ctx.sink);
    let seats = t.number(r, "seats", ctx.sink);
    let (id, name, zone, kind, classrooms, teachers) = (id?, name?, zone?, kind?, classrooms?, teachers?);
    let seats = match (kind.provider(), seats) {
        (Some(_), Some(s)) => Some(s),
        (Some(_), None) => {
            ctx.sink.error(
                t.at(r, "seats"),
                None,
                "幼儿园须填写“核定学位”",
                "a kindergarten needs its number of seats",
            );
            return None;
        }
        (None, Some(_)) => {
            ctx.sink.note(
                t.at(r, "seats"),
                "只有幼儿园使用“核定学位”，这一格未读取",
                "only kindergartens use seats; this cell was not read",
            );
            None
        }
        (None, None) => None,
    };
    Some(School {
        id,
        name,
        zone: ctx.ds.zones[zone].id.clone(),
        kind,
        classrooms: classrooms as u32,
        seats,
        enrollment: vec![0.0; kind.slots().len()],
        teachers,
        src: String::new(),
    })
}

pub fn register(ctx: &mut Ctx, t: &Table, has_enrollment: bool) {
    let base = ctx.base;
    let mut schools = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for &r in &t.rows {
        let Some(mut s) = read_row(ctx, t, r) else {
            if let Some(id) = t.raw_cell(r, "school_id").code() {
                ctx.failed_schools.insert(id);
            }
            continue;
        };
        if let Some(first) = seen.insert(s.id.clone(), r) {
            ctx.sink.error(
                t.at(r, "school_id"),
                Some(s.id.clone()),
                format!("学校标识码重复（第{}行已有）", first + 1),
                format!("duplicate school id (already on row {})", first + 1),
            );
            continue;
        }
        let old = base.schools.iter().find(|b| b.id == s.id);
        match old {
            Some(o) if o.kind == s.kind => s.enrollment = o.enrollment.clone(),
            _ if !has_enrollment => {
                ctx.sink.error(
                    t.at(r, "school_id"),
                    Some(s.id.clone()),
                    "这是新学校（或办学类型有变），须同时提供“分年级在校生”表",
                    "a new school (or a changed type) needs the enrollment sheet too",
                );
            }
            _ => {}
        }
        let changed = old.is_none_or(|o| {
            (&o.name, &o.zone, o.kind, o.classrooms, o.seats, o.teachers)
                != (&s.name, &s.zone, s.kind, s.classrooms, s.seats, s.teachers)
        });
        s.src = ctx.src(t, &[r], changed, old.map(|o| o.src.as_str()));
        ctx.origin(format!("schools.{}", s.id), t, &[r]);
        schools.push(s);
    }
    ctx.ds.schools = schools;
    ctx.part(Part::Schools, t);
}

pub fn enrollment(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let mut filled: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut rows_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut fresh: Vec<Vec<f64>> = ctx.ds.schools.iter().map(|s| vec![0.0; s.enrollment.len()]).collect();
    for &r in &t.rows {
        let Some(id) = t.text(r, "school_id", ctx.sink) else {
            continue;
        };
        let Some(i) = ctx.ds.schools.iter().position(|s| s.id == id) else {
            if ctx.failed_schools.contains(&id) {
                continue; // its register row is already reported
            }
            ctx.sink.error(
                t.at(r, "school_id"),
                Some(id),
                "学校名册中没有这个学校标识码",
                "no school with this id in the register",
            );
            continue;
        };
        let kind = ctx.ds.schools[i].kind;
        let grade = t.text(r, "grade", ctx.sink);
        let students = t.number(r, "students", ctx.sink);
        let classes = t.number(r, "classes", ctx.sink);
        let (Some(grade), Some(students)) = (grade, students) else {
            continue;
        };
        let Some(slot) = enums::grade_slot(kind, &grade) else {
            ctx.sink.error(
                t.at(r, "grade"),
                Some(grade),
                format!("{}没有这个年级", enums::school_type_name(kind)),
                "this kind of school has no such grade",
            );
            continue;
        };
        if let Some(first) = filled.insert((i, slot), r) {
            ctx.sink.error(
                t.at(r, "grade"),
                Some(grade),
                format!("同一学校同一年级重复填写（第{}行已有）", first + 1),
                format!("this school's grade is given twice (already on row {})", first + 1),
            );
            continue;
        }
        if let Some(c) = classes {
            check_class_size(ctx, t, r, students, c);
        }
        fresh[i][slot] = students;
        rows_of.entry(i).or_default().push(r);
    }
    for (i, s) in fresh.into_iter().enumerate() {
        let rows = rows_of.remove(&i).unwrap_or_default();
        let id = ctx.ds.schools[i].id.clone();
        if rows.is_empty() {
            ctx.sink.warn(
                Location::sheet(t.file(), t.sheet()),
                None,
                format!(
                    "{}（{}）在“分年级在校生”表中没有任何年级，按0人计",
                    ctx.ds.schools[i].name, id
                ),
                format!(
                    "{} ({id}) has no rows in the enrollment sheet; counted as 0 pupils",
                    ctx.ds.schools[i].name
                ),
            );
        }
        let old = base.schools.iter().find(|b| b.id == id);
        let changed = old.is_none_or(|o| o.enrollment != s);
        if changed && !rows.is_empty() {
            let was = ctx.ds.schools[i].src.clone();
            let keep = ctx
                .ds
                .source(&was)
                .is_some_and(|src| src.kind == eduplan_model::dataset::SourceKind::Bureau);
            if !keep {
                ctx.ds.schools[i].src = ctx.src(t, &rows, true, old.map(|o| o.src.as_str()));
            }
            ctx.origin(format!("schools.{id}.enrollment"), t, &rows);
        }
        ctx.ds.schools[i].enrollment = s;
    }
    ctx.part(Part::Enrollment, t);
}

/// Classes reported with the pupils: a class size beyond any plausible one is
/// a warning (the national forms' largest band is 66+; kindergartens cap at 36).
fn check_class_size(ctx: &mut Ctx, t: &Table, r: usize, students: f64, classes: f64) {
    if classes == 0.0 && students > 0.0 {
        ctx.sink.warn(
            t.at(r, "classes"),
            Some("0".into()),
            "有在校生但班数为0",
            "pupils but no classes",
        );
    } else if classes > 0.0 && students / classes > 90.0 {
        ctx.sink.warn(
            t.at(r, "classes"),
            Some(format!("{:.0}", students / classes)),
            "平均班额超过90人，请核对在校生数和班数",
            "more than 90 pupils a class on average; check pupils and classes",
        );
    }
}
