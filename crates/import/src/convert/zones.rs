//! 片区, 分年龄人口, 出生人口, 分年龄迁移: the county's zones and its people.

use std::collections::BTreeMap;

use eduplan_model::dataset::{Text, YearValue, Zone, AGES};

use super::Ctx;
use crate::problem::{Location, Part};
use crate::table::Table;

/// Reads a zone id cell and checks it names a zone of the dataset being built.
pub fn zone_of(ctx: &mut Ctx, t: &Table, r: usize) -> Option<usize> {
    let id = t.text(r, "zone_id", ctx.sink)?;
    let z = ctx.ds.zone_index(&id);
    if z.is_none() {
        let known: Vec<&str> = ctx.ds.zones.iter().map(|z| z.id.as_str()).collect();
        ctx.sink.error(
            t.at(r, "zone_id"),
            Some(id),
            format!("没有这个片区编码（“片区”表中有：{}）", known.join("、")),
            format!("unknown zone id (the zones sheet has: {})", known.join(", ")),
        );
    }
    z
}

pub fn zones(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let mut zones = Vec::new();
    let mut shares = Vec::new();
    let mut participation = Vec::new();
    let mut seen = BTreeMap::new();
    let errors = ctx.sink.error_count();
    for &r in &t.rows {
        let id = t.text(r, "zone_id", ctx.sink);
        let name = t.text(r, "zone_name", ctx.sink);
        let urban = t
            .text(r, "zone_type", ctx.sink)
            .and_then(|v| match crate::enums::zone_type(&v) {
                Some(u) => Some(u),
                None => {
                    crate::enums::bad_value(ctx.sink, t, r, "zone_type", &v);
                    None
                }
            });
        let share = t.number(r, "birth_share", ctx.sink);
        let part = t.number(r, "kg_participation", ctx.sink);
        let (Some(id), Some(name), Some(urban), Some(share), Some(part)) = (id, name, urban, share, part) else {
            continue;
        };
        if let Some(first) = seen.insert(id.clone(), r) {
            ctx.sink.error(
                t.at(r, "zone_id"),
                Some(id.clone()),
                format!("片区编码重复（第{}行已有）", first + 1),
                format!("duplicate zone id (already on row {})", first + 1),
            );
            continue;
        }
        let en = t.raw_cell(r, "zone_name_en").text().unwrap_or_else(|| name.clone());
        zones.push(Zone {
            id,
            name: Text { zh: name, en },
            urban,
        });
        shares.push(share);
        participation.push(part);
    }
    if ctx.sink.error_count() > errors {
        return;
    }
    if zones.iter().filter(|z| z.urban).count() != 1 {
        ctx.sink.error(
            Location::sheet(t.file(), t.sheet()),
            None,
            "“城乡类型”须有且只有一个片区为“城区”（县城或市区所在片区）",
            "exactly one zone must be of type 城区 (the town seat)",
        );
        return;
    }
    let sum: f64 = shares.iter().sum();
    if (sum - 1.0).abs() > 0.02 {
        ctx.sink.error(
            t.at(t.rows.last().copied().unwrap_or(0), "birth_share"),
            Some(format!("{sum:.4}")),
            "各片区“出生人口占比”合计应为1",
            "the zones' birth shares must sum to 1",
        );
        return;
    }
    if (sum - 1.0).abs() > 1e-9 {
        ctx.sink.warn(
            Location::sheet(t.file(), t.sheet()),
            Some(format!("{sum:.4}")),
            "各片区“出生人口占比”合计不等于1，已按比例调整为1",
            "the zones' birth shares did not sum to 1 and were scaled to sum to 1",
        );
        shares.iter_mut().for_each(|s| *s /= sum);
    }
    let ids_changed = zones.iter().map(|z| &z.id).ne(base.zones.iter().map(|z| &z.id));
    ctx.ds.zones = zones;
    let rows = t.rows.clone();
    let b = &base.demography.birth_zone_share;
    let changed = ids_changed || shares != b.value;
    let src = ctx.src(t, &rows, changed, Some(&b.src));
    ctx.ds.demography.birth_zone_share.value = shares;
    ctx.ds.demography.birth_zone_share.src = src;
    let b = &base.kindergarten.participation;
    let changed = ids_changed || participation != b.value;
    let src = ctx.src(t, &rows, changed, Some(&b.src));
    ctx.ds.kindergarten.participation.value = participation;
    ctx.ds.kindergarten.participation.src = src;
    ctx.origin("demography.birth_zone_share".into(), t, &rows);
    ctx.origin("kindergarten.participation".into(), t, &rows);
    ctx.origin("zones".into(), t, &rows);
    ctx.part(Part::Zones, t);
}

pub fn population(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let nz = ctx.ds.zones.len();
    let errors = ctx.sink.error_count();
    let mut pop: Vec<Vec<Option<f64>>> = vec![vec![None; AGES]; nz];
    for &r in &t.rows {
        let z = zone_of(ctx, t, r);
        let age = t.number(r, "age", ctx.sink);
        let n = t.number(r, "population", ctx.sink);
        let (Some(z), Some(age), Some(n)) = (z, age, n) else {
            continue;
        };
        let a = age as usize;
        if a >= AGES {
            ctx.sink.note(
                t.at(r, "age"),
                format!("{a}岁不在0～18岁之内，未读取"),
                format!("age {a} is outside 0–18 and was not read"),
            );
            continue;
        }
        if pop[z][a].replace(n).is_some() {
            ctx.sink.error(
                t.at(r, "age"),
                Some(a.to_string()),
                "同一片区同一年龄重复填写",
                "the same zone and age is given twice",
            );
        }
    }
    let mut out = vec![vec![0.0; AGES]; nz];
    for (z, row) in pop.iter().enumerate() {
        let missing: Vec<String> = row
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_none())
            .map(|(a, _)| a.to_string())
            .collect();
        if !missing.is_empty() && ctx.sink.error_count() == errors {
            ctx.sink.error(
                Location::sheet(t.file(), t.sheet()),
                None,
                format!(
                    "片区“{}”缺少以下年龄的人口：{}岁",
                    ctx.ds.zones[z].id,
                    missing.join("、")
                ),
                format!(
                    "zone {} lacks the population of age(s) {}",
                    ctx.ds.zones[z].id,
                    missing.join(", ")
                ),
            );
        }
        for (a, v) in row.iter().enumerate() {
            out[z][a] = v.unwrap_or(0.0);
        }
    }
    let rows = t.rows.clone();
    let b = &base.demography.population;
    let changed = out != b.value;
    let src = ctx.src(t, &rows, changed, Some(&b.src));
    ctx.ds.demography.population.value = out;
    ctx.ds.demography.population.src = src;
    ctx.origin("demography.population".into(), t, &rows);
    ctx.part(Part::Population, t);
}

pub fn births(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let mut by_year: BTreeMap<i32, (f64, usize)> = BTreeMap::new();
    for &r in &t.rows {
        let (Some(y), Some(n)) = (t.number(r, "year", ctx.sink), t.number(r, "births", ctx.sink)) else {
            continue;
        };
        if by_year.insert(y as i32, (n, r)).is_some() {
            ctx.sink.error(
                t.at(r, "year"),
                Some((y as i32).to_string()),
                "年份重复",
                "this year is given twice",
            );
        }
    }
    let mut births = Vec::new();
    for (year, (value, r)) in by_year {
        let old = base.demography.births.iter().find(|b| b.year == year);
        let changed = old.is_none_or(|b| b.value != value);
        let base_src = old.map(|b| b.src.clone());
        let src = ctx.src(t, &[r], changed, base_src.as_deref());
        ctx.origin(format!("demography.births.{year}"), t, &[r]);
        births.push(YearValue { year, value, src });
    }
    ctx.ds.demography.births = births;
    ctx.part(Part::Births, t);
}

pub fn age_rates(ctx: &mut Ctx, t: &Table) {
    let base = ctx.base;
    let errors = ctx.sink.error_count();
    let mut mig = vec![None; AGES];
    let mut town = vec![None; AGES];
    for &r in &t.rows {
        let age = t.number(r, "age", ctx.sink);
        let m = t.number(r, "net_migration_rate", ctx.sink);
        let w = t.number(r, "rural_to_town_rate", ctx.sink);
        let (Some(age), Some(m), Some(w)) = (age, m, w) else {
            continue;
        };
        let a = age as usize;
        if a >= AGES {
            continue;
        }
        if mig[a].replace(m).is_some() {
            ctx.sink.error(
                t.at(r, "age"),
                Some(a.to_string()),
                "年龄重复",
                "this age is given twice",
            );
        }
        town[a] = Some(w);
    }
    if mig.iter().any(Option::is_none) && ctx.sink.error_count() == errors {
        ctx.sink.error(
            Location::sheet(t.file(), t.sheet()),
            None,
            "须填写0～18岁每个年龄",
            "every age from 0 to 18 is needed",
        );
        return;
    }
    let rows = t.rows.clone();
    let mig: Vec<f64> = mig.into_iter().map(|v| v.unwrap_or(0.0)).collect();
    let town: Vec<f64> = town.into_iter().map(|v| v.unwrap_or(0.0)).collect();
    let b = &base.demography.net_migration_rate;
    let src = ctx.src(t, &rows, mig != b.value, Some(&b.src));
    ctx.ds.demography.net_migration_rate.value = mig;
    ctx.ds.demography.net_migration_rate.src = src;
    let b = &base.demography.rural_to_town_rate;
    let src = ctx.src(t, &rows, town != b.value, Some(&b.src));
    ctx.ds.demography.rural_to_town_rate.value = town;
    ctx.ds.demography.rural_to_town_rate.src = src;
    ctx.origin("demography.net_migration_rate".into(), t, &rows);
    ctx.origin("demography.rural_to_town_rate".into(), t, &rows);
    ctx.part(Part::AgeRates, t);
}
