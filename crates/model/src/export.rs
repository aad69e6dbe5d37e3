//! Tables for the meeting exports: one workbook (notes, levers, projections,
//! targets, the baseline data used) that the app writes as XLSX (in a worker
//! loaded on demand) and the projections as CSV (UTF-8 with a BOM, so Excel and
//! WPS read Chinese correctly).

use crate::targets::Status;
use serde::{Deserialize, Serialize};

use crate::catalogue::{indicators, levers, LeverKind};
use crate::dataset::{Dataset, SourceKind};
use crate::format::Locale;
use crate::projection::Projection;
use crate::scenario::{default_value, Resolved, Scenario};

/// One spreadsheet cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Text(String),
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<f64> for Cell {
    fn from(x: f64) -> Cell {
        if x.is_finite() {
            Cell::Number(x)
        } else {
            Cell::Empty
        }
    }
}
impl From<i32> for Cell {
    fn from(x: i32) -> Cell {
        Cell::Number(x as f64)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

fn pick(loc: Locale, zh: &str, en: &str) -> String {
    loc.pick(zh, en).to_string()
}

/// The projections: one row per indicator, one column per year.
pub fn projection_sheet(p: &Projection, loc: Locale, words: &crate::dataset::RegionWords) -> Sheet {
    let mut head: Vec<Cell> = vec![
        pick(loc, "指标代码", "indicator").into(),
        pick(loc, "指标", "label").into(),
        pick(loc, "单位", "unit").into(),
    ];
    head.extend(p.years.iter().map(|y| Cell::from(*y)));
    let mut rows = vec![head];
    for (s, v) in indicators().iter().zip(&p.series) {
        let mut r: Vec<Cell> = vec![
            s.id.clone().into(),
            s.label(loc, words).into_owned().into(),
            crate::names::indicator_unit(s.unit, loc).into(),
        ];
        r.extend(v.iter().map(|x| indicator_cell(*x)));
        rows.push(r);
    }
    Sheet {
        name: pick(loc, "预测", "Projection"),
        rows,
    }
}

/// An indicator value as a cell: the number, or "—" when it is undefined (a
/// ratio over nothing), the mark statistical yearbooks use for "not
/// applicable" — an empty cell would read as missing data, 0 as a value.
fn indicator_cell(x: f64) -> Cell {
    if crate::units::is_defined(x) {
        Cell::Number(x)
    } else {
        Cell::Text(crate::format::NO_VALUE.into())
    }
}

/// A target's value in its year: the number, "—" when undefined, empty past
/// the horizon.
fn value_cell(t: &crate::targets::TargetResult) -> Cell {
    match (t.value, t.status) {
        (Some(v), _) => Cell::Number(v),
        (None, Status::Undefined) => Cell::Text(crate::format::NO_VALUE.into()),
        (None, _) => Cell::Empty,
    }
}

/// The whole workbook for a scenario.
pub fn workbook(
    ds: &Dataset,
    sc: &Scenario,
    current: &Projection,
    baseline: &Projection,
    loc: Locale,
    date: &str,
) -> Workbook {
    let name = if sc.name.is_empty() {
        pick(loc, "未命名方案", "Untitled scenario")
    } else {
        sc.name.clone()
    };
    let estimates = ds.sources.iter().filter(|s| s.kind == SourceKind::Estimate).count();
    let notes = Sheet {
        name: pick(loc, "说明", "Notes"),
        rows: vec![
            vec![pick(loc, "教育规划模拟器", "EduPlan education planning simulator").into()],
            vec![pick(loc, "方案", "Scenario").into(), name.into()],
            vec![pick(loc, "基础数据", "Dataset").into(), pick(loc, &ds.name.zh, &ds.name.en).into(), match loc {
                Locale::Zh => format!("第{}版", ds.version),
                Locale::En => format!("version {}", ds.version),
            }
            .into()],
            vec![pick(loc, "基础数据代码", "Dataset id").into(), ds.id.clone().into()],
            vec![pick(loc, "统计时点", "Data as of").into(), pick(loc, &ds.as_of.zh, &ds.as_of.en).into()],
            vec![pick(loc, "导出日期", "Exported").into(), date.into()],
            vec![pick(loc, "预测年份", "Years").into(), format!("{}{}{}{}", current.years.first().copied().unwrap_or(0), pick(loc, "—", "–"), current.years.last().copied().unwrap_or(0), pick(loc, "年", "")).into()],
            vec![],
            vec![pick(
                loc,
                &format!("注意：基础数据中有{estimates}项来源为估算（非公开统计），见“基础数据”表；请用本地教育事业统计年报数据替换。"),
                &format!("Note: {estimates} of the dataset's sources are estimates (not published statistics), listed in the Baseline data sheet; replace them with the bureau's statistical report."),
            )
            .into()],
            vec![pick(
                loc,
                "计算公式、参数及其来源见本模拟器的模型说明文档。",
                "Formulas, parameters and sources: docs/MODEL.md in the EduPlan source.",
            )
            .into()],
            vec![pick(
                loc,
                "“—”表示不适用：比值的分母为零（如无专任教师时的生师比），该目标不计为达成或未达成。",
                "“—” means not applicable: a ratio whose denominator is zero (e.g. pupils per teacher with no teachers); a target on it counts as neither met nor missed.",
            )
            .into()],
        ],
    };
    // levers: every lever with its baseline and, per year, the scenario's value
    let res = Resolved::new(ds, sc, *current.years.last().unwrap_or(&ds.horizon));
    let mut head: Vec<Cell> = vec![
        pick(loc, "措施代码", "lever").into(),
        pick(loc, "名称", "label").into(),
        pick(loc, "类别", "kind").into(),
        pick(loc, "单位", "unit").into(),
        pick(loc, "基准值", "baseline").into(),
        pick(loc, "是否改变", "changed").into(),
    ];
    head.extend(current.years.iter().skip(1).map(|y| Cell::from(*y)));
    let mut lever_rows = vec![head];
    for l in levers() {
        let changed = sc.levers.contains_key(l.id) || sc.assumptions.contains_key(l.id);
        let mut r: Vec<Cell> = vec![
            l.id.into(),
            pick(loc, l.label_zh, l.label_en).into(),
            match l.kind {
                LeverKind::Policy => pick(loc, "政策", "policy"),
                LeverKind::Assumption => pick(loc, "假设", "assumption"),
            }
            .into(),
            crate::names::lever_unit(l.unit, loc).into(),
            default_value(l, ds).into(),
            (if changed {
                pick(loc, "是", "yes")
            } else {
                String::new()
            })
            .into(),
        ];
        r.extend(res.series(l.id).iter().skip(1).map(|v| Cell::from(*v)));
        lever_rows.push(r);
    }
    // the school network: new schools, merges, boarding places, in words
    use crate::network::ChangeKind;
    let network = crate::network::describe_changes(&sc.new_schools, &sc.merges, &sc.boarding, ds, loc)
        .into_iter()
        .map(|(kind, text)| match kind {
            ChangeKind::NewSchool => ("new_school", pick(loc, "新建学校", "New school"), text),
            ChangeKind::Merge => ("merge", pick(loc, "学校撤并", "School merge"), text),
            ChangeKind::Boarding => ("boarding", pick(loc, "寄宿床位", "Boarding places"), text),
        });
    for (key, label, text) in network {
        lever_rows.push(vec![
            key.into(),
            label.into(),
            pick(loc, "政策", "policy").into(),
            Cell::Empty,
            Cell::Empty,
            pick(loc, "是", "yes").into(),
            text.into(),
        ]);
    }
    // targets in their year, current and baseline
    let mut target_rows: Vec<Vec<Cell>> = vec![vec![
        pick(loc, "目标", "target").into(),
        pick(loc, "指标代码", "indicator").into(),
        pick(loc, "目标年份", "year").into(),
        pick(loc, "预测值", "projected").into(),
        pick(loc, "基准值", "baseline").into(),
        pick(loc, "下限", "at least").into(),
        pick(loc, "上限", "at most").into(),
        pick(loc, "是否达成", "met").into(),
        pick(loc, "首次达成", "first met").into(),
    ]];
    for ((spec, cur), base) in ds.targets.iter().zip(&current.targets).zip(&baseline.targets) {
        let opt = |x: Option<f64>| x.map_or(Cell::Empty, Cell::from);
        target_rows.push(vec![
            pick(loc, &spec.label.zh, &spec.label.en).into(),
            spec.indicator.clone().into(),
            spec.year.into(),
            value_cell(cur),
            value_cell(base),
            opt(cur.threshold_low),
            opt(cur.threshold_high),
            match cur.status {
                Status::Met => pick(loc, "达成", "met"),
                Status::Missed => pick(loc, "未达成", "missed"),
                Status::Undefined => pick(loc, "不适用", "not applicable"),
                Status::Beyond => pick(loc, "超出预测期", "beyond horizon"),
            }
            .into(),
            cur.first_year_met.map_or(Cell::Empty, Cell::from),
        ]);
    }
    // the baseline data used: the register and the sources
    let mut data_rows: Vec<Vec<Cell>> = vec![vec![
        pick(loc, "学校代码", "school").into(),
        pick(loc, "名称", "name").into(),
        pick(loc, "片区", "zone").into(),
        pick(loc, "类型", "kind").into(),
        pick(loc, "教室", "classrooms").into(),
        pick(loc, "学位", "seats").into(),
        pick(loc, "在校生", "pupils").into(),
        pick(loc, "专任教师", "teachers").into(),
        pick(loc, "来源代码", "source").into(),
    ]];
    for s in &ds.schools {
        data_rows.push(vec![
            s.id.clone().into(),
            s.name.clone().into(),
            ds.zones
                .iter()
                .find(|z| z.id == s.zone)
                .map_or_else(|| s.zone.clone(), |z| pick(loc, &z.name.zh, &z.name.en))
                .into(),
            crate::names::school_kind(s.kind, loc).into(),
            (s.classrooms as f64).into(),
            s.seats.map_or(Cell::Empty, Cell::from),
            s.enrollment.iter().sum::<f64>().into(),
            s.teachers.into(),
            s.src.clone().into(),
        ]);
    }
    data_rows.push(vec![]);
    data_rows.push(vec![
        pick(loc, "来源代码", "source").into(),
        pick(loc, "类别", "kind").into(),
        pick(loc, "名称", "title").into(),
        pick(loc, "网址", "url").into(),
        pick(loc, "说明", "note").into(),
    ]);
    for s in &ds.sources {
        data_rows.push(vec![
            s.id.clone().into(),
            crate::names::source_kind(s.kind, loc).into(),
            pick(loc, &s.title.zh, &s.title.en).into(),
            s.url.clone().unwrap_or_default().into(),
            pick(loc, &s.note.zh, &s.note.en).into(),
        ]);
    }
    let mut sheets = vec![
        notes,
        Sheet {
            name: pick(loc, "政策措施与假设", "Levers"),
            rows: lever_rows,
        },
        projection_sheet(current, loc, &ds.words),
        Sheet {
            name: pick(loc, "目标", "Targets"),
            rows: target_rows,
        },
        Sheet {
            name: pick(loc, "基础数据", "Baseline data"),
            rows: data_rows,
        },
    ];
    if current.derived.is_some() {
        sheets.insert(2, purchases_sheet(current, loc));
    }
    Workbook { sheets }
}

/// Budget mode: what each year's money bought (yuan and counts).
pub fn purchases_sheet(p: &Projection, loc: Locale) -> Sheet {
    let head = std::iter::once(pick(loc, "年份", "year")).chain(
        crate::purchase::Purchase::COLUMNS
            .iter()
            .map(|(_, zh, en)| pick(loc, zh, en)),
    );
    let mut rows = vec![head.map(Cell::from).collect::<Vec<_>>()];
    for b in &p.purchases {
        let mut row = vec![Cell::from(b.year)];
        row.extend(b.values().map(Cell::Number));
        rows.push(row);
    }
    Sheet {
        name: pick(loc, "新增经费安排", "Purchases"),
        rows,
    }
}

/// The most a spreadsheet cell holds, in UTF-16 code units (Excel's limit;
/// the XLSX writer refuses a longer string and with it the whole file).
pub const MAX_CELL_UNITS: usize = 32_767;

/// `s` as a cell can hold it: unchanged, or cut to [`MAX_CELL_UNITS`] with
/// "…" at the end (a note pasted from a long document must not stop the
/// export of a whole workbook).
pub fn cell_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.encode_utf16().count() <= MAX_CELL_UNITS {
        return s.into();
    }
    let mut units = 0;
    let mut out = String::new();
    for ch in s.chars() {
        units += ch.len_utf16();
        if units > MAX_CELL_UNITS - 1 {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out.into()
}

/// A sheet as CSV, UTF-8 with a byte-order mark.
pub fn csv_with_bom(sheet: &Sheet) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    for row in &sheet.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Number(x) => format!("{x}"),
                Cell::Text(s) => s.clone(),
                Cell::Empty => String::new(),
            })
            .collect();
        // writing to a Vec cannot fail; an error would only drop the row
        let _ = w.write_record(&fields);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15: the Chinese workbook speaks Chinese: units, source kinds,
    /// school types and sheet names included. Only code columns (headed
    /// …代码) and web addresses may hold Latin letters.
    #[test]
    fn the_chinese_workbook_has_no_english() {
        let ds = Dataset::default_dataset().unwrap();
        let mut sc = Scenario::default();
        sc.set("budget.mode", crate::scenario::LeverValue::Constant(1.0))
            .unwrap();
        sc.set("budget.extra", crate::scenario::LeverValue::Constant(40_000_000.0))
            .unwrap();
        let p = crate::project(&ds, &sc);
        let b = crate::project(&ds, &Scenario::default());
        let wb = workbook(&ds, &sc, &p, &b, Locale::Zh, "2026-11-29");
        for sheet in &wb.sheets {
            assert!(crate::wording::stray_latin(&sheet.name).is_empty(), "{}", sheet.name);
            let mut codes: Vec<usize> = Vec::new();
            for row in &sheet.rows {
                // a heading row names the code columns below it
                let heads: Vec<usize> = row
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| matches!(c, Cell::Text(t) if t.ends_with("代码") || t == "网址"))
                    .map(|(i, _)| i)
                    .collect();
                // a key–value row ("基础数据代码", id) holds its code beside it
                if heads.len() == 1 && row.len() == 2 && heads[0] == 0 {
                    continue;
                }
                if !heads.is_empty() {
                    codes = heads;
                    continue;
                }
                for (i, c) in row.iter().enumerate() {
                    if let Cell::Text(t) = c {
                        let stray = crate::wording::stray_latin(t);
                        assert!(
                            codes.contains(&i) || stray.is_empty(),
                            "{}: {t} ({stray:?})",
                            sheet.name
                        );
                    }
                }
            }
        }
        // the columns the review named: units, source kinds, school types in Chinese
        let data = &wb.sheets.iter().find(|s| s.name == "基础数据").unwrap().rows;
        assert!(data.iter().any(|r| r.get(3) == Some(&Cell::from("公办幼儿园"))));
        assert!(data.iter().any(|r| r.get(1) == Some(&Cell::from("估算"))));
        assert!(data.iter().any(|r| r.get(1) == Some(&Cell::from("公开资料"))));
        let proj = &wb.sheets.iter().find(|s| s.name == "预测").unwrap().rows;
        let row = proj
            .iter()
            .find(|r| r[0] == Cell::from("primary.pupils_per_teacher"))
            .unwrap();
        assert_eq!(row[2], Cell::from("生/师"));
        let row = proj.iter().find(|r| r[0] == Cell::from("vocational.outside")).unwrap();
        assert_eq!(row[1], Cell::from("市外就读中职学生"), "the region's own words");
    }

    #[test]
    fn a_cell_never_exceeds_what_a_spreadsheet_holds() {
        assert_eq!(cell_text("方案 C"), "方案 C");
        let long = "临".repeat(40_000);
        let cut = cell_text(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_UNITS);
        assert!(cut.ends_with('…'));
        // a character outside the BMP is two units and is never split
        let emoji = "😀".repeat(20_000);
        let cut = cell_text(&emoji);
        assert!(cut.encode_utf16().count() <= MAX_CELL_UNITS);
        assert!(cut.trim_end_matches('…').chars().all(|c| c == '😀'));
    }

    #[test]
    fn workbook_has_the_five_sheets_and_csv_reads_back() {
        let ds = Dataset::default_dataset().unwrap();
        let mut sc = Scenario {
            name: "方案, \"B\"".into(),
            ..Default::default()
        };
        sc.set("kg.public_seats", crate::scenario::LeverValue::Constant(500.0))
            .unwrap();
        let p = crate::project(&ds, &sc);
        let b = crate::project(&ds, &Scenario::default());
        let wb = workbook(&ds, &sc, &p, &b, Locale::Zh, "2026-11-28");
        let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["说明", "政策措施与假设", "预测", "目标", "基础数据"]);
        // budget mode adds what the money bought, after the levers
        sc.set("budget.mode", crate::scenario::LeverValue::Constant(1.0))
            .unwrap();
        sc.set("budget.extra", crate::scenario::LeverValue::Constant(40_000_000.0))
            .unwrap();
        let pb = crate::project(&ds, &sc);
        let wb2 = workbook(&ds, &sc, &pb, &b, Locale::En, "2026-11-28");
        assert_eq!(wb2.sheets[2].name, "Purchases");
        assert_eq!(wb2.sheets[2].rows.len(), 11);
        assert_eq!(wb2.sheets[2].rows[1][1], Cell::Number(40_000_000.0));
        assert_eq!(wb.sheets[3].rows.len(), ds.targets.len() + 1);
        let lever_row = wb.sheets[1]
            .rows
            .iter()
            .find(|r| r[0] == Cell::from("kg.public_seats"))
            .unwrap();
        assert_eq!(lever_row[6], Cell::Number(500.0));
        let csv = csv_with_bom(&wb.sheets[2]);
        assert_eq!(&csv[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(csv[3..].to_vec()).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let head = r.headers().unwrap().clone();
        assert_eq!(&head[1], "指标");
        assert_eq!(r.records().count(), indicators().len());
        // JSON round trip (the worker receives the workbook as JSON)
        let json = serde_json::to_string(&wb).unwrap();
        let back: Workbook = serde_json::from_str(&json).unwrap();
        assert!(back
            .sheets
            .iter()
            .zip(&wb.sheets)
            .all(|(a, b)| a.name == b.name && a.rows.len() == b.rows.len()));
        assert_eq!(back.sheets[1].rows[1][0], Cell::from("kg.public_seats"));
        assert_eq!(
            back.sheets[4].rows[1][5], wb.sheets[4].rows[1][5],
            "empty cells survive as empty"
        );
    }
}
