//! The key–value sheets: 基本情况 (what the dataset is) and 参数 (single parameters).

use std::collections::BTreeMap;

use eduplan_model::Dataset;

use super::Ctx;
use crate::problem::Part;
use crate::spec::{Field, Item, Kind, META_ITEMS, PARAM_ITEMS};
use crate::table::{missing, read_number, Table};

/// Reads the rows as key → data row, reporting unknown and repeated keys.
fn rows_by_key(ctx: &mut Ctx, t: &Table, items: &[Item]) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for &r in &t.rows {
        let Some(key) = t.text(r, "key", ctx.sink) else {
            continue;
        };
        let Some(item) = items.iter().find(|i| i.key == key) else {
            ctx.sink.warn(
                t.at(r, "key"),
                Some(key),
                "不是这张表的项目代码，已忽略",
                "not an item of this sheet; ignored",
            );
            continue;
        };
        if out.insert(item.key, r).is_some() {
            ctx.sink.error(
                t.at(r, "key"),
                Some(item.key.to_string()),
                "项目代码重复",
                "this item is given twice",
            );
        }
    }
    out
}

/// An item seen as a column field, so its value reads like any other cell.
fn item_field(item: &Item) -> Field {
    Field {
        id: item.key,
        zh: item.zh,
        unit: item.unit,
        kind: item.kind,
        required: true,
        synonyms: &[],
        table: "",
        help: "",
    }
}

/// A value cell read by the item's kind (the sheet's value column is text-typed);
/// a 万元 unit cell scales money.
fn item_number(ctx: &mut Ctx, t: &Table, r: usize, item: &Item) -> Option<f64> {
    let scale = if unit_is_wan(t, r) { 1e4 } else { 1.0 };
    read_number(
        &item_field(item),
        t.raw_cell(r, "value"),
        scale,
        t.at(r, "value"),
        ctx.sink,
    )
}

/// The row's 单位 cell says 万元 (the bureau kept its budget table's unit).
fn unit_is_wan(t: &Table, r: usize) -> bool {
    t.raw_cell(r, "unit").text().is_some_and(|u| u.contains("万元"))
}

pub fn meta(ctx: &mut Ctx, t: &Table) {
    let rows = rows_by_key(ctx, t, META_ITEMS);
    for item in META_ITEMS {
        let Some(&r) = rows.get(item.key) else { continue };
        if matches!(item.kind, Kind::Text | Kind::Code) {
            let Some(v) = t.raw_cell(r, "value").text() else {
                if item.required {
                    missing(&item_field(item), t.at(r, "value"), ctx.sink);
                }
                continue;
            };
            let ds = &mut ctx.ds;
            match item.key {
                "dataset_id" => ds.id = v,
                "name" => ds.name.zh = v,
                "name_en" => ds.name.en = v,
                "as_of" => ds.as_of.zh = v,
                "as_of_en" => ds.as_of.en = v,
                _ => {}
            }
        } else if let Some(x) = item_number(ctx, t, r, item) {
            let ds = &mut ctx.ds;
            match item.key {
                "version" => ds.version = x as u32,
                "base_year" => ds.base_year = x as i32,
                "horizon" => ds.horizon = x as i32,
                "max_horizon" => ds.max_horizon = x as i32,
                _ => {}
            }
        }
    }
    if !rows.contains_key("name_en") && rows.contains_key("name") {
        // an English name left from another county would mislabel this one
        ctx.ds.name.en = ctx.ds.name.zh.clone();
    }
    ctx.part(Part::Meta, t);
}

pub fn params(ctx: &mut Ctx, t: &Table) {
    let rows = rows_by_key(ctx, t, PARAM_ITEMS);
    for item in PARAM_ITEMS {
        let Some(&r) = rows.get(item.key) else { continue };
        let Some(x) = item_number(ctx, t, r, item) else {
            continue;
        };
        let base = param_value_src(ctx.base, item.key);
        let changed = base.as_ref().map(|b| b.0) != Some(x);
        // a vector's elements share one source: an unchanged element leaves it alone
        if !changed && t.raw_cell(r, "src").is_blank() {
            set_param(&mut ctx.ds, item.key, x, None);
            continue;
        }
        let src = ctx.src(t, &[r], changed, base.as_ref().map(|b| b.1.as_str()));
        set_param(&mut ctx.ds, item.key, x, Some(src));
        ctx.origin(path_of(item.key).to_string(), t, &[r]);
    }
    ctx.part(Part::Params, t);
}

/// The provenance path of a parameter item (vector items share their vector's).
fn path_of(key: &str) -> &str {
    match key.rsplit_once('.') {
        Some((p, last)) if last.chars().all(|c| c.is_ascii_digit()) => p,
        _ => key,
    }
}

/// Every parameter item: a getter (value, source) and a setter (value, new source).
macro_rules! param_items {
    ($($key:literal => $param:ident . $($field:ident).+ $( [$idx:literal] )? : $conv:ident;)*) => {
        /// A parameter's value and source by item key.
        pub fn param_value_src(ds: &Dataset, key: &str) -> Option<(f64, String)> {
            match key {
                $($key => {
                    let p = &ds.$param.$($field).+;
                    Some((get_conv!($conv, p.value $( [$idx] )?), p.src.clone()))
                })*
                _ => None,
            }
        }

        /// Sets a parameter by item key (and its source when given).
        fn set_param(ds: &mut Dataset, key: &str, x: f64, src: Option<String>) {
            match key {
                $($key => {
                    let p = &mut ds.$param.$($field).+;
                    set_conv!($conv, p.value $( [$idx] )?, x);
                    if let Some(s) = src {
                        p.src = s;
                    }
                })*
                _ => {}
            }
        }
    };
}

macro_rules! get_conv {
    (f64, $e:expr) => {
        $e
    };
    (vec, $e:expr) => {
        $e
    };
    (share, $e:expr) => {
        $e.get()
    };
    (u32, $e:expr) => {
        $e as f64
    };
}

macro_rules! set_conv {
    (f64, $e:expr, $x:expr) => {
        $e = $x
    };
    (vec, $e:expr, $x:expr) => {
        $e = $x
    };
    (share, $e:expr, $x:expr) => {
        $e = eduplan_model::units::Share::saturating($x)
    };
    (u32, $e:expr, $x:expr) => {
        $e = $x as u32
    };
}

param_items! {
    "demography.residents" => demography.residents: f64;
    "demography.crude_death_rate" => demography.crude_death_rate: f64;
    "demography.adult_net_migration" => demography.adult_net_migration: f64;
    "demography.birth_variants.low" => demography.birth_variants.low: f64;
    "demography.birth_variants.central" => demography.birth_variants.central: f64;
    "demography.birth_variants.high" => demography.birth_variants.high: f64;
    "kindergarten.class_size.1" => kindergarten.class_size[0]: vec;
    "kindergarten.class_size.2" => kindergarten.class_size[1]: vec;
    "kindergarten.class_size.3" => kindergarten.class_size[2]: vec;
    "kindergarten.participation_max" => kindergarten.participation_max: share;
    "kindergarten.private_preference" => kindergarten.private_preference: share;
    "kindergarten.closure_threshold" => kindergarten.closure_threshold: share;
    "kindergarten.closure_rate" => kindergarten.closure_rate: share;
    "kindergarten.teachers_per_class" => kindergarten.teachers_per_class: f64;
    "flows.intake_rate" => flows.intake_rate: f64;
    "flows.primary_to_junior" => flows.primary_to_junior: share;
    "flows.vocational_outside_share" => flows.vocational_outside_share: share;
    "flows.vocational_outside.1" => flows.vocational_outside[0]: vec;
    "flows.vocational_outside.2" => flows.vocational_outside[1]: vec;
    "flows.vocational_outside.3" => flows.vocational_outside[2]: vec;
    "norms.large_class" => norms.large_class: u32;
    "norms.super_large_class" => norms.super_large_class: u32;
    "norms.kg_children_per_teacher" => norms.kg_children_per_teacher: f64;
    "special.prevalence" => special.prevalence: f64;
    "special.placed" => special.placed: f64;
    "teachers.trainee_years" => teachers.trainee_years: u32;
    "finance.budget" => finance.budget: f64;
    "finance.inclusive_subsidy" => finance.inclusive_subsidy: f64;
    "finance.special_per_pupil" => finance.special_per_pupil: f64;
    "finance.classroom_cost" => finance.classroom_cost: f64;
    "finance.kg_seat_cost" => finance.kg_seat_cost: f64;
    "finance.conversion_cost" => finance.conversion_cost: f64;
    "finance.trainee_subsidy" => finance.trainee_subsidy: f64;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_a_parameter() {
        let ds = Dataset::default_dataset().unwrap();
        for item in PARAM_ITEMS {
            assert!(param_value_src(&ds, item.key).is_some(), "{}", item.key);
        }
    }
}
