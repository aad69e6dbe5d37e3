//! 留级与辍学, 编制与班额标准, 经费标准: figures by level (and grade).

use eduplan_model::level::Level;
use eduplan_model::units::Share;

use super::Ctx;
use crate::enums;
use crate::problem::{Location, Part};
use crate::table::Table;

/// The level of a row, or an error naming the allowed levels.
fn level_of(ctx: &mut Ctx, t: &Table, r: usize, allow_kg: bool) -> Option<Level> {
    let v = t.text(r, "level", ctx.sink)?;
    match enums::level(&v) {
        Some(Level::Kindergarten) if !allow_kg => {
            ctx.sink.error(
                t.at(r, "level"),
                Some(v),
                "这张表只填小学、初中、普通高中和中职",
                "this sheet takes primary, junior, senior and vocational only",
            );
            None
        }
        Some(l) => Some(l),
        None => {
            enums::bad_value(ctx.sink, t, r, "level", &v);
            None
        }
    }
}

/// Reports levels the sheet lacks, unless rows of the sheet already had errors
/// (a level missing only because its rows were bad is not reported twice).
/// Returns whether any level is missing.
fn missing_levels(ctx: &mut Ctx, t: &Table, missing: &[Level], errors_before: usize) -> bool {
    if missing.is_empty() {
        return false;
    }
    if ctx.sink.error_count() == errors_before {
        let names: Vec<&str> = missing.iter().map(|l| enums::level_name(*l)).collect();
        ctx.sink.error(
            Location::sheet(t.file(), t.sheet()),
            None,
            format!("缺少以下学段：{}", names.join("、")),
            format!("these levels are missing: {}", names.join(", ")),
        );
    }
    true
}

/// The levels with no row read.
fn absent<T>(levels: &[Level], got: &[Option<T>]) -> Vec<Level> {
    levels
        .iter()
        .zip(got)
        .filter(|(_, g)| g.is_none())
        .map(|(l, _)| *l)
        .collect()
}

pub fn flows(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let errors = ctx.sink.error_count();
    let mut got: Vec<Vec<Option<(f64, f64, usize)>>> = Level::FLOW.iter().map(|l| vec![None; l.grades()]).collect();
    for &r in &t.rows {
        let l = level_of(ctx, t, r, false);
        let g = t.number(r, "grade", ctx.sink);
        let rep = t.number(r, "repetition", ctx.sink);
        let drop = t.number(r, "dropout", ctx.sink);
        let (Some(l), Some(g), Some(rep), Some(drop)) = (l, g, rep, drop) else {
            continue;
        };
        let li = l.flow_index().unwrap_or(0);
        let g = g as usize;
        if g == 0 || g > l.grades() {
            ctx.sink.error(
                t.at(r, "grade"),
                Some(g.to_string()),
                format!("{}只有1～{}年级", enums::level_name(l), l.grades()),
                format!("{} has grades 1 to {}", l.key(), l.grades()),
            );
            continue;
        }
        if rep + drop > 0.5 {
            ctx.sink.error(
                t.at(r, "dropout"),
                Some(format!("{rep}+{drop}")),
                "同一年级留级率与辍学率之和超过50%，不合常理",
                "repetition plus dropout above 50% in a grade is not plausible",
            );
            continue;
        }
        got[li][g - 1] = Some((rep, drop, r));
    }
    let mut missing = Vec::new();
    for (li, l) in Level::FLOW.iter().enumerate() {
        if got[li].iter().any(Option::is_none) {
            missing.push(*l);
            continue;
        }
        let rows: Vec<usize> = got[li].iter().flatten().map(|x| x.2).collect();
        let rep: Vec<Share> = got[li].iter().flatten().map(|x| Share::saturating(x.0)).collect();
        let drop: Vec<Share> = got[li].iter().flatten().map(|x| Share::saturating(x.1)).collect();
        let b = base.flows.rates.of(*l);
        let src = ctx.src(t, &rows, rep != b.repetition.value, Some(&b.repetition.src));
        let src_d = ctx.src(t, &rows, drop != b.dropout.value, Some(&b.dropout.src));
        let target = match l {
            Level::Primary => &mut ctx.ds.flows.rates.primary,
            Level::Junior => &mut ctx.ds.flows.rates.junior,
            Level::Senior => &mut ctx.ds.flows.rates.senior,
            _ => &mut ctx.ds.flows.rates.vocational,
        };
        target.repetition.value = rep;
        target.repetition.src = src;
        target.dropout.value = drop;
        target.dropout.src = src_d;
        ctx.origin(format!("flows.rates.{}", l.key()), t, &rows);
    }
    missing_levels(ctx, t, &missing, errors);
    ctx.part(Part::Flows, t);
}

pub fn norms(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let errors = ctx.sink.error_count();
    let mut got: [Option<(f64, f64, f64, usize)>; 4] = [None; 4];
    for &r in &t.rows {
        let l = level_of(ctx, t, r, false);
        let cs = t.number(r, "class_size", ctx.sink);
        let tpc = t.number(r, "teachers_per_class", ctx.sink);
        let ppt = t.number(r, "pupils_per_teacher", ctx.sink);
        let (Some(l), Some(cs), Some(tpc), Some(ppt)) = (l, cs, tpc, ppt) else {
            continue;
        };
        if cs < 1.0 || tpc <= 0.0 || ppt <= 0.0 {
            ctx.sink.error(
                Location::row(t.file(), t.sheet(), r as u32 + 1),
                None,
                "班额、每班教师和编制标准都须大于0",
                "class size, teachers per class and the staffing norm must be positive",
            );
            continue;
        }
        got[l.flow_index().unwrap_or(0)] = Some((cs, tpc, ppt, r));
    }
    if missing_levels(ctx, t, &absent(&Level::FLOW, &got), errors) {
        return;
    }
    let rows: Vec<usize> = got.iter().flatten().map(|g| g.3).collect();
    let v = |i: usize, k: usize| got[i].map_or(0.0, |g| [g.0, g.1, g.2][k]);
    let n = &mut ctx.ds.norms;
    for (k, p) in [&mut n.class_size, &mut n.teachers_per_class, &mut n.pupils_per_teacher]
        .into_iter()
        .enumerate()
    {
        p.value.primary = v(0, k);
        p.value.junior = v(1, k);
        p.value.senior = v(2, k);
        p.value.vocational = v(3, k);
    }
    let b = &base.norms;
    let changed = [
        ctx.ds.norms.class_size.value != b.class_size.value,
        ctx.ds.norms.teachers_per_class.value != b.teachers_per_class.value,
        ctx.ds.norms.pupils_per_teacher.value != b.pupils_per_teacher.value,
    ];
    let srcs = [&b.class_size.src, &b.teachers_per_class.src, &b.pupils_per_teacher.src];
    let new: Vec<String> = (0..3).map(|k| ctx.src(t, &rows, changed[k], Some(srcs[k]))).collect();
    ctx.ds.norms.class_size.src = new[0].clone();
    ctx.ds.norms.teachers_per_class.src = new[1].clone();
    ctx.ds.norms.pupils_per_teacher.src = new[2].clone();
    for p in [
        "norms.class_size",
        "norms.teachers_per_class",
        "norms.pupils_per_teacher",
    ] {
        ctx.origin(p.into(), t, &rows);
    }
    ctx.part(Part::Norms, t);
}

pub fn money(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let errors = ctx.sink.error_count();
    let mut got: [Option<(f64, f64, usize)>; 5] = [None; 5];
    let order = [
        Level::Kindergarten,
        Level::Primary,
        Level::Junior,
        Level::Senior,
        Level::Vocational,
    ];
    for &r in &t.rows {
        let l = level_of(ctx, t, r, true);
        let sal = t.number(r, "salary", ctx.sink);
        let pf = t.number(r, "public_funds", ctx.sink);
        let (Some(l), Some(sal), Some(pf)) = (l, sal, pf) else {
            continue;
        };
        if let Some(i) = order.iter().position(|x| *x == l) {
            got[i] = Some((sal, pf, r));
        }
    }
    if missing_levels(ctx, t, &absent(&order, &got), errors) {
        return;
    }
    let rows: Vec<usize> = got.iter().flatten().map(|g| g.2).collect();
    let v = |i: usize, k: usize| got[i].map_or(0.0, |g| if k == 0 { g.0 } else { g.1 });
    let fi = &mut ctx.ds.finance;
    for (k, p) in [&mut fi.salary, &mut fi.public_funds].into_iter().enumerate() {
        p.value.kindergarten = v(0, k);
        p.value.primary = v(1, k);
        p.value.junior = v(2, k);
        p.value.senior = v(3, k);
        p.value.vocational = v(4, k);
    }
    let b = &base.finance;
    let c0 = ctx.ds.finance.salary.value != b.salary.value;
    let c1 = ctx.ds.finance.public_funds.value != b.public_funds.value;
    ctx.ds.finance.salary.src = ctx.src(t, &rows, c0, Some(&b.salary.src));
    ctx.ds.finance.public_funds.src = ctx.src(t, &rows, c1, Some(&b.public_funds.src));
    ctx.origin("finance.salary".into(), t, &rows);
    ctx.origin("finance.public_funds".into(), t, &rows);
    ctx.part(Part::Money, t);
}
