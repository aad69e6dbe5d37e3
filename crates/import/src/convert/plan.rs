//! 来源, 公费定向师范生, 目标, 政策措施基准值.

use std::collections::BTreeSet;

use eduplan_model::catalogue::{indicator_spec, lever_spec};
use eduplan_model::dataset::{Param, Source, Text, YearValue};
use eduplan_model::targets::{Rule, TargetSpec};

use super::Ctx;
use crate::enums;
use crate::problem::Part;
use crate::table::Table;

pub fn sources(ctx: &mut Ctx, t: &Table) {
    let mut seen = BTreeSet::new();
    for &r in &t.rows {
        let id = t.text(r, "source_id", ctx.sink);
        let kind = t.text(r, "kind", ctx.sink).and_then(|v| {
            let k = enums::source_kind(&v);
            if k.is_none() {
                enums::bad_value(ctx.sink, t, r, "kind", &v);
            }
            k
        });
        let title = t.text(r, "title", ctx.sink);
        let (Some(id), Some(kind), Some(title)) = (id, kind, title) else {
            continue;
        };
        if !seen.insert(id.clone()) {
            ctx.sink
                .error(t.at(r, "source_id"), Some(id), "来源编号重复", "duplicate source id");
            continue;
        }
        let src = Source {
            id: id.clone(),
            kind,
            title: Text {
                en: t.raw_cell(r, "title_en").text().unwrap_or_else(|| title.clone()),
                zh: title,
            },
            url: t.raw_cell(r, "url").text(),
            note: {
                let note = t.raw_cell(r, "note").text().unwrap_or_default();
                Text {
                    en: t.raw_cell(r, "note_en").text().unwrap_or_else(|| note.clone()),
                    zh: note,
                }
            },
        };
        match ctx.ds.sources.iter_mut().find(|s| s.id == id) {
            Some(s) => *s = src,
            None => ctx.ds.sources.push(src),
        }
    }
    ctx.part(Part::Sources, t);
}

pub fn trainees(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let mut out: Vec<YearValue> = Vec::new();
    for &r in &t.rows {
        let (Some(y), Some(n)) = (t.number(r, "year", ctx.sink), t.number(r, "trainees", ctx.sink)) else {
            continue;
        };
        let year = y as i32;
        if out.iter().any(|v| v.year == year) {
            ctx.sink.error(
                t.at(r, "year"),
                Some(year.to_string()),
                "年份重复",
                "this year is given twice",
            );
            continue;
        }
        let old = base.teachers.trainee_history.iter().find(|v| v.year == year);
        let src = ctx.src(t, &[r], old.is_none_or(|o| o.value != n), old.map(|o| o.src.as_str()));
        ctx.origin(format!("teachers.trainee_history.{year}"), t, &[r]);
        out.push(YearValue { year, value: n, src });
    }
    out.sort_by_key(|v| v.year);
    ctx.ds.teachers.trainee_history = out;
    ctx.part(Part::Trainees, t);
}

pub fn targets(ctx: &mut Ctx, t: &Table) {
    let mut out: Vec<TargetSpec> = Vec::new();
    for &r in &t.rows {
        let id = t.text(r, "target_id", ctx.sink);
        let label = t.text(r, "label", ctx.sink);
        let indicator = t.text(r, "indicator", ctx.sink).and_then(|i| {
            let known = indicator_spec(&i).is_some();
            if !known {
                ctx.sink.error(
                    t.at(r, "indicator"),
                    Some(i.clone()),
                    "没有这个指标代码（见模型说明的指标目录）",
                    "unknown indicator id (see the indicator catalogue)",
                );
            }
            known.then_some(i)
        });
        let rule = t.text(r, "rule", ctx.sink).and_then(|v| {
            let k = enums::rule(&v);
            if k.is_none() {
                enums::bad_value(ctx.sink, t, r, "rule", &v);
            }
            k
        });
        let lo = t.number(r, "threshold", ctx.sink);
        let hi = t.number(r, "threshold_high", ctx.sink);
        let year = t.number(r, "year", ctx.sink);
        let (Some(id), Some(label), Some(indicator), Some(rule), Some(lo), Some(year)) =
            (id, label, indicator, rule, lo, year)
        else {
            continue;
        };
        let rule = match (rule, hi) {
            ("at_least", _) => Rule::AtLeast(lo),
            ("at_most", _) => Rule::AtMost(lo),
            ("between", Some(hi)) if hi >= lo => Rule::Between(lo, hi),
            ("between", _) => {
                ctx.sink.error(
                    t.at(r, "threshold_high"),
                    None,
                    "“区间”须填写不小于阈值的“区间上限”",
                    "a band needs an upper bound not below the threshold",
                );
                continue;
            }
            ("at_least_base_plus", _) => Rule::AtLeastBasePlus(lo),
            _ => Rule::AtLeastBaseTimes(lo),
        };
        if out.iter().any(|x| x.id == id) {
            ctx.sink
                .error(t.at(r, "target_id"), Some(id), "目标代码重复", "duplicate target id");
            continue;
        }
        let note = t.raw_cell(r, "note").text().unwrap_or_default();
        out.push(TargetSpec {
            id,
            label: Text {
                en: t.raw_cell(r, "label_en").text().unwrap_or_else(|| label.clone()),
                zh: label,
            },
            indicator,
            rule,
            year: year as i32,
            note: Text {
                en: t.raw_cell(r, "note_en").text().unwrap_or_else(|| note.clone()),
                zh: note,
            },
            src: t.raw_cell(r, "src").text().unwrap_or_default(),
        });
    }
    ctx.ds.targets = out;
    ctx.part(Part::Targets, t);
}

pub fn lever_defaults(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let mut out = std::collections::BTreeMap::new();
    for &r in &t.rows {
        let (Some(id), Some(v)) = (t.text(r, "lever_id", ctx.sink), t.number(r, "value", ctx.sink)) else {
            continue;
        };
        let Some(spec) = lever_spec(&id) else {
            ctx.sink.error(
                t.at(r, "lever_id"),
                Some(id),
                "没有这个措施代码（见模型说明的措施目录）",
                "unknown lever id (see the lever catalogue)",
            );
            continue;
        };
        if !(spec.min..=spec.max).contains(&v) {
            ctx.sink.error(
                t.at(r, "value"),
                Some(crate::cell::format_number(v)),
                format!("应在{}～{}之间", spec.min, spec.max),
                format!("must lie in {}..={}", spec.min, spec.max),
            );
            continue;
        }
        let old = base.lever_defaults.get(&id);
        let src = ctx.src(t, &[r], old.is_none_or(|o| o.value != v), old.map(|o| o.src.as_str()));
        ctx.origin(format!("lever_defaults.{id}"), t, &[r]);
        if out.insert(id.clone(), Param { value: v, src }).is_some() {
            ctx.sink
                .error(t.at(r, "lever_id"), Some(id), "措施代码重复", "duplicate lever id");
        }
    }
    ctx.ds.lever_defaults = out;
    ctx.part(Part::LeverDefaults, t);
}
