//! Any dataset → the template workbook: row 1 the Chinese header with its unit,
//! row 2 the field id, data from row 3; a first sheet 填写说明 describing every
//! sheet and column; drop-downs for the enumerations; frozen header rows.
//! Written from the default dataset it is a complete worked example, and it
//! imports back to a dataset with a bit-identical projection.

use eduplan_model::dataset::{Dataset, Source};
use eduplan_model::level::Level;
use eduplan_model::targets::Rule;
use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, Worksheet, XlsxError};

use crate::enums;
use crate::spec::{self, Kind, SheetSpec, META_ITEMS, PARAM_ITEMS, SHEETS};

/// A template cell.
#[derive(Clone, Debug, PartialEq)]
pub enum TCell {
    Empty,
    Num(f64),
    Text(String),
}

impl From<f64> for TCell {
    fn from(x: f64) -> TCell {
        TCell::Num(x)
    }
}

impl From<&str> for TCell {
    fn from(s: &str) -> TCell {
        TCell::Text(s.to_string())
    }
}

impl From<String> for TCell {
    fn from(s: String) -> TCell {
        TCell::Text(s)
    }
}

/// One sheet's data rows (in its spec's field order).
pub struct SheetData {
    pub spec: &'static SheetSpec,
    pub rows: Vec<Vec<TCell>>,
}

/// The data of every template sheet for a dataset.
pub fn sheets(ds: &Dataset) -> Vec<SheetData> {
    SHEETS
        .iter()
        .map(|spec| SheetData {
            spec,
            rows: rows_of(spec, ds),
        })
        .collect()
}

fn rows_of(spec: &SheetSpec, ds: &Dataset) -> Vec<Vec<TCell>> {
    match spec.id {
        "meta" => meta_rows(ds),
        "sources" => ds.sources.iter().map(source_row).collect(),
        "zones" => ds
            .zones
            .iter()
            .enumerate()
            .map(|(i, z)| {
                vec![
                    z.id.as_str().into(),
                    z.name.zh.as_str().into(),
                    z.name.en.as_str().into(),
                    if z.urban { "城区" } else { "乡镇" }.into(),
                    ds.demography.birth_zone_share.value[i].into(),
                    ds.kindergarten.participation.value[i].into(),
                    shared_src(&[&ds.demography.birth_zone_share.src, &ds.kindergarten.participation.src]),
                ]
            })
            .collect(),
        "population" => ds
            .zones
            .iter()
            .zip(&ds.demography.population.value)
            .flat_map(|(z, row)| {
                row.iter().enumerate().map(move |(a, v)| {
                    vec![
                        z.id.as_str().into(),
                        (a as f64).into(),
                        (*v).into(),
                        ds.demography.population.src.as_str().into(),
                    ]
                })
            })
            .collect(),
        "births" => ds
            .demography
            .births
            .iter()
            .map(|b| vec![(b.year as f64).into(), b.value.into(), b.src.as_str().into()])
            .collect(),
        "age_rates" => {
            let d = &ds.demography;
            (0..d.net_migration_rate.value.len())
                .map(|a| {
                    vec![
                        (a as f64).into(),
                        d.net_migration_rate.value[a].into(),
                        d.rural_to_town_rate.value[a].into(),
                        shared_src(&[&d.net_migration_rate.src, &d.rural_to_town_rate.src]),
                    ]
                })
                .collect()
        }
        "schools" => ds.schools.iter().map(school_row).collect(),
        "enrollment" => enrollment_rows(ds),
        "flows" => flow_rows(ds),
        "norms" => norm_rows(ds),
        "money" => money_rows(ds),
        "params" => param_rows(ds),
        "trainees" => ds
            .teachers
            .trainee_history
            .iter()
            .map(|t| vec![(t.year as f64).into(), t.value.into(), t.src.as_str().into()])
            .collect(),
        "targets" => ds.targets.iter().map(target_row).collect(),
        "lever_defaults" => ds
            .lever_defaults
            .iter()
            .map(|(id, p)| {
                let label = eduplan_model::catalogue::lever_spec(id).map_or("", |s| s.label_zh);
                vec![id.as_str().into(), label.into(), p.value.into(), p.src.as_str().into()]
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Parameters on one row share the 来源 cell when they share a source;
/// otherwise the cell stays blank and each keeps its own on import (values unchanged).
fn shared_src(srcs: &[&str]) -> TCell {
    match srcs.split_first() {
        Some((first, rest)) if rest.iter().all(|s| s == first) => (*first).into(),
        _ => TCell::Empty,
    }
}

fn meta_rows(ds: &Dataset) -> Vec<Vec<TCell>> {
    META_ITEMS
        .iter()
        .map(|item| {
            let v: TCell = match item.key {
                "dataset_id" => ds.id.as_str().into(),
                "version" => (ds.version as f64).into(),
                "name" => ds.name.zh.as_str().into(),
                "name_en" => ds.name.en.as_str().into(),
                "as_of" => ds.as_of.zh.as_str().into(),
                "as_of_en" => ds.as_of.en.as_str().into(),
                "base_year" => (ds.base_year as f64).into(),
                "horizon" => (ds.horizon as f64).into(),
                _ => (ds.max_horizon as f64).into(),
            };
            vec![item.key.into(), item.zh.into(), v, item.unit.into(), TCell::Empty]
        })
        .collect()
}

fn source_row(s: &Source) -> Vec<TCell> {
    vec![
        s.id.as_str().into(),
        enums::source_kind_name(s.kind).into(),
        s.title.zh.as_str().into(),
        s.title.en.as_str().into(),
        s.url.as_deref().unwrap_or("").into(),
        s.note.zh.as_str().into(),
        s.note.en.as_str().into(),
    ]
}

fn school_row(s: &eduplan_model::dataset::School) -> Vec<TCell> {
    vec![
        s.id.as_str().into(),
        s.name.as_str().into(),
        s.zone.as_str().into(),
        enums::school_type_name(s.kind).into(),
        s.kind
            .provider()
            .map_or(TCell::Empty, |p| enums::provider_name(p).into()),
        (s.classrooms as f64).into(),
        s.seats.map_or(TCell::Empty, TCell::Num),
        s.teachers.into(),
        s.src.as_str().into(),
    ]
}

fn enrollment_rows(ds: &Dataset) -> Vec<Vec<TCell>> {
    ds.schools
        .iter()
        .flat_map(|s| {
            s.kind
                .slots()
                .iter()
                .copied()
                .zip(s.enrollment.clone())
                .map(move |((l, g), v)| {
                    vec![
                        s.id.as_str().into(),
                        enums::grade_name(l, g).into(),
                        v.into(),
                        TCell::Empty,
                    ]
                })
        })
        .collect()
}

fn flow_rows(ds: &Dataset) -> Vec<Vec<TCell>> {
    let mut out = Vec::new();
    for l in Level::FLOW {
        let r = ds.flows.rates.of(l);
        for g in 0..l.grades() {
            let rep = r.repetition.value.get(g).map_or(0.0, |s| s.get());
            let drop = r.dropout.value.get(g).map_or(0.0, |s| s.get());
            out.push(vec![
                enums::level_name(l).into(),
                ((g + 1) as f64).into(),
                rep.into(),
                drop.into(),
                shared_src(&[&r.repetition.src, &r.dropout.src]),
            ]);
        }
    }
    out
}

fn norm_rows(ds: &Dataset) -> Vec<Vec<TCell>> {
    let n = &ds.norms;
    let src = shared_src(&[&n.class_size.src, &n.teachers_per_class.src, &n.pupils_per_teacher.src]);
    Level::FLOW
        .iter()
        .map(|l| {
            vec![
                enums::level_name(*l).into(),
                (*n.class_size.value.of(*l)).into(),
                (*n.teachers_per_class.value.of(*l)).into(),
                (*n.pupils_per_teacher.value.of(*l)).into(),
                src.clone(),
            ]
        })
        .collect()
}

fn money_rows(ds: &Dataset) -> Vec<Vec<TCell>> {
    let fi = &ds.finance;
    [
        Level::Kindergarten,
        Level::Primary,
        Level::Junior,
        Level::Senior,
        Level::Vocational,
    ]
    .iter()
    .map(|l| {
        vec![
            enums::level_name(*l).into(),
            fi.salary.value.of(*l).into(),
            fi.public_funds.value.of(*l).into(),
            shared_src(&[&fi.salary.src, &fi.public_funds.src]),
        ]
    })
    .collect()
}

fn param_rows(ds: &Dataset) -> Vec<Vec<TCell>> {
    PARAM_ITEMS
        .iter()
        .filter_map(|item| {
            let (v, src) = crate::convert::param_value_src(ds, item.key)?;
            Some(vec![
                item.key.into(),
                item.zh.into(),
                v.into(),
                item.unit.into(),
                src.into(),
            ])
        })
        .collect()
}

fn target_row(t: &eduplan_model::targets::TargetSpec) -> Vec<TCell> {
    let (rule, lo, hi) = match t.rule {
        Rule::AtLeast(x) => ("不低于", x, None),
        Rule::AtMost(x) => ("不高于", x, None),
        Rule::Between(a, b) => ("区间", a, Some(b)),
        Rule::AtLeastBasePlus(x) => ("比基年增加", x, None),
        Rule::AtLeastBaseTimes(x) => ("为基年的倍数", x, None),
    };
    vec![
        t.id.as_str().into(),
        t.label.zh.as_str().into(),
        t.label.en.as_str().into(),
        t.indicator.as_str().into(),
        rule.into(),
        lo.into(),
        hi.map_or(TCell::Empty, TCell::Num),
        (t.year as f64).into(),
        t.note.zh.as_str().into(),
        t.note.en.as_str().into(),
        t.src.as_str().into(),
    ]
}

/// Rows below the data that keep the drop-downs for added rows.
const SPARE_ROWS: u32 = 500;

/// The template workbook (XLSX bytes) for a dataset.
///
/// Errors only if the XLSX writer fails (it does not for valid sheet names).
pub fn write_xlsx(ds: &Dataset) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let head = Format::new().set_bold().set_text_wrap().set_background_color(0xDDEBF7);
    let ids = Format::new().set_font_color(0x808080).set_background_color(0xF2F2F2);
    readme(wb.add_worksheet(), &head)?;
    for sd in sheets(ds) {
        let ws = wb.add_worksheet();
        ws.set_name(sd.spec.zh)?;
        for (c, f) in sd.spec.fields.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, f.header(), &head)?;
            ws.write_string_with_format(1, c, f.id, &ids)?;
            let wide = matches!(f.kind, Kind::Text) || f.id == "school_name" || f.id == "label";
            ws.set_column_width(c, if wide { 28 } else { 14 })?;
        }
        for (r, row) in sd.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 2, c as u16);
                match v {
                    TCell::Num(x) => {
                        ws.write_number(r, c, *x)?;
                    }
                    TCell::Text(s) if !s.is_empty() => {
                        ws.write_string(r, c, eduplan_model::export::cell_text(s))?;
                    }
                    _ => {}
                }
            }
        }
        ws.set_freeze_panes(2, 0)?;
        let last = sd.rows.len() as u32 + 2 + SPARE_ROWS;
        drop_downs(ws, sd.spec, last)?;
    }
    wb.save_to_buffer()
}

/// Drop-down lists on the enumeration columns, and on zone ids (from 片区).
fn drop_downs(ws: &mut Worksheet, spec: &SheetSpec, last: u32) -> Result<(), XlsxError> {
    for (c, f) in spec.fields.iter().enumerate() {
        let dv = match f.kind {
            Kind::Enum(e) => DataValidation::new().allow_list_strings(e.values())?,
            _ if f.id == "zone_id" && spec.id != "zones" => {
                DataValidation::new().allow_list_formula(Formula::new(format!("='{}'!$A$3:$A$1000", spec::ZONES.zh)))
            }
            _ => continue,
        };
        let dv = dv.set_error_message(format!("请从下拉列表中选择“{}”", f.zh))?;
        ws.add_data_validation(2, c as u16, last, c as u16, &dv)?;
    }
    Ok(())
}

/// 填写说明: how to fill the workbook, then every sheet and column.
fn readme(ws: &mut Worksheet, head: &Format) -> Result<(), XlsxError> {
    ws.set_name(spec::README_SHEET)?;
    let intro = [
        "本工作簿是教育规划模拟器的数据模板。每张工作表第1行是中文列名和单位，第2行是列代码（请勿修改），从第3行起填写数据。",
        "可以只提交部分工作表：提交的工作表整体替换对应部分，其余沿用原数据集。也可以把每张工作表另存为CSV文件（文件名用工作表名称）。",
        "“来源”列：数值与原数据相同时沿用原来源；新填或改动的数值记为教育局统计数据，界面上不再标注“估”。",
        "比例以小数填写（如95%填0.95，也可直接填95%）；金额以元为单位，列名或单位注明“万元”的按万元换算。“-”和空白表示无数据。",
    ];
    for (r, line) in intro.iter().enumerate() {
        ws.write_string(r as u32, 0, *line)?;
    }
    let cols = [
        "工作表",
        "列名",
        "列代码",
        "单位",
        "是否必填",
        "可选值",
        "常见来源报表",
        "填写说明",
    ];
    let start = intro.len() as u32 + 1;
    for (c, h) in cols.iter().enumerate() {
        ws.write_string_with_format(start, c as u16, *h, head)?;
    }
    let mut r = start + 1;
    for s in SHEETS {
        ws.write_string(r, 0, s.zh)?;
        ws.write_string(r, 7, s.help)?;
        r += 1;
        for f in s.fields {
            let allowed = match f.kind {
                Kind::Enum(e) => e.values().join("、"),
                Kind::Share => "0～1".into(),
                Kind::Year => "年份".into(),
                _ => String::new(),
            };
            let row = [
                "",
                f.zh,
                f.id,
                f.unit,
                if f.required { "必填" } else { "选填" },
                &allowed,
                f.table,
                f.help,
            ];
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r, c as u16, *v)?;
                }
            }
            r += 1;
        }
        if s.id == "params" || s.id == "meta" {
            let items = if s.id == "params" { PARAM_ITEMS } else { META_ITEMS };
            for item in items {
                ws.write_string(r, 1, item.zh)?;
                ws.write_string(r, 2, item.key)?;
                ws.write_string(r, 3, item.unit)?;
                ws.write_string(r, 4, if item.required { "必填" } else { "选填" })?;
                r += 1;
            }
        }
    }
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 30)?;
    ws.set_column_width(2, 34)?;
    ws.set_column_width(5, 30)?;
    ws.set_column_width(6, 22)?;
    ws.set_column_width(7, 50)?;
    ws.set_freeze_panes(start + 1, 0)?;
    Ok(())
}

/// The template as CSV files (UTF-8 with BOM), one per sheet, named after it:
/// for tests and for bureaus that keep their figures in CSV.
pub fn write_csvs(ds: &Dataset) -> Vec<(String, Vec<u8>)> {
    sheets(ds)
        .into_iter()
        .map(|sd| {
            let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
            let _ = w.write_record(sd.spec.fields.iter().map(|f| f.header()));
            let _ = w.write_record(sd.spec.fields.iter().map(|f| f.id));
            for row in &sd.rows {
                let _ = w.write_record(row.iter().map(|c| match c {
                    TCell::Empty => String::new(),
                    TCell::Num(x) => format!("{x}"),
                    TCell::Text(s) => s.clone(),
                }));
            }
            (format!("{}.csv", sd.spec.zh), w.into_inner().unwrap_or_default())
        })
        .collect()
}
