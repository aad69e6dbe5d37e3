//! A raw sheet read as a template table: the header found (by the id row, or by
//! the Chinese headers and their synonyms, over one or two merged rows), the
//! columns mapped to fields, totals / subset / numbering rows skipped with a
//! note, and typed access to each data cell with errors that name the cell.

use crate::cell::{carries_scale, fold_width, header_scale, parse_number, Cell, NumberError};
use crate::problem::{Location, Sink};
use crate::read::RawSheet;
use crate::spec::{Field, Kind, SheetSpec};

/// How many rows from the top may hold the header (titles, units, codes first).
const HEADER_SCAN: usize = 12;

/// A sheet matched to its spec: which column each field is in, and the data rows.
#[derive(Debug)]
pub struct Table<'a> {
    pub spec: &'static SheetSpec,
    pub raw: &'a RawSheet,
    /// Column of each field (in `spec.fields` order), if present.
    pub cols: Vec<Option<usize>>,
    /// Scale of each field's column from its header unit (万元 → 10⁴).
    pub scales: Vec<f64>,
    /// 0-based row indexes of the data rows.
    pub rows: Vec<usize>,
    /// 0-based index of the last header row.
    pub header_row: usize,
}

/// Header text as compared: width folded, spaces, line breaks, `*` marks and a
/// trailing unit in brackets removed.
pub fn norm_header(s: &str) -> String {
    let mut t: String = fold_width(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect::<String>()
        .to_lowercase();
    for (open, close) in [('（', '）'), ('(', ')'), ('[', ']'), ('【', '】')] {
        if t.ends_with(close) {
            if let Some(i) = t.rfind(open) {
                if i > 0 {
                    t.truncate(i);
                }
            }
        }
    }
    t
}

fn field_matches(f: &Field, text: &str) -> bool {
    let n = norm_header(text);
    !n.is_empty() && f.names().any(|name| norm_header(name) == n)
}

fn is_id_match(f: &Field, text: &str) -> bool {
    fold_width(text).trim().eq_ignore_ascii_case(f.id)
}

/// Fills each merged region with its top-left value (bounded per region).
pub fn unmerge(raw: &mut RawSheet) {
    let merges = std::mem::take(&mut raw.merges);
    for m in &merges {
        let area = (m.r1.saturating_sub(m.r0) as u64 + 1) * (m.c1.saturating_sub(m.c0) as u64 + 1);
        if m.r1 < m.r0 || m.c1 < m.c0 || area > 10_000 || m.r1 >= crate::read::MAX_ROWS || m.c1 >= crate::read::MAX_COLS
        {
            continue;
        }
        let v = raw.cell(m.r0 as usize, m.c0 as usize).clone();
        if v == Cell::Empty {
            continue;
        }
        for r in m.r0..=m.r1 {
            for c in m.c0..=m.c1 {
                crate::read::put(&mut raw.rows, r, c, v.clone());
            }
        }
    }
    raw.merges = merges;
}

/// Finds the header and the data rows. Missing required columns are errors.
pub fn locate<'a>(spec: &'static SheetSpec, raw: &'a RawSheet, sink: &mut Sink) -> Option<Table<'a>> {
    let nf = spec.fields.len();
    let width = raw.rows.iter().take(HEADER_SCAN + 1).map(Vec::len).max().unwrap_or(0);
    // 1. the id row (row 2 of the template)
    let mut best: Option<(usize, usize, Vec<Option<usize>>)> = None; // (matched, last header row, cols)
    for r in 0..raw.rows.len().min(HEADER_SCAN) {
        let mut cols = vec![None; nf];
        for c in 0..width {
            if let Some(t) = raw.cell(r, c).text() {
                if let Some(i) = spec.fields.iter().position(|f| is_id_match(f, &t)) {
                    cols[i].get_or_insert(c);
                }
            }
        }
        let n = cols.iter().flatten().count();
        if n > 0 && best.as_ref().is_none_or(|b| n > b.0) {
            best = Some((n, r, cols));
        }
    }
    // 2. the Chinese header, one row or two merged rows
    for r in 0..raw.rows.len().min(HEADER_SCAN) {
        for depth in [1usize, 2] {
            let mut cols = vec![None; nf];
            for c in 0..width {
                let top = raw.cell(r, c).text().unwrap_or_default();
                let below = if depth == 2 {
                    raw.cell(r + 1, c).text().unwrap_or_default()
                } else {
                    String::new()
                };
                let candidates = [top.clone(), below.clone(), format!("{top}{below}")];
                for (i, f) in spec.fields.iter().enumerate() {
                    if cols[i].is_none() && candidates.iter().any(|t| field_matches(f, t)) {
                        cols[i] = Some(c);
                        break;
                    }
                }
            }
            let n = cols.iter().flatten().count();
            if n > 0 && best.as_ref().is_none_or(|b| n > b.0) {
                best = Some((n, r + depth - 1, cols));
            }
        }
    }
    let header_row_guess = best.as_ref().map_or(0, |b| b.1);
    let Some((_, header_row, cols)) = best else {
        sink.error(
            Location::sheet(&raw.file, &raw.name),
            None,
            format!("找不到表头：前{HEADER_SCAN}行中没有“{}”表的列名或列代码", spec.zh),
            format!(
                "no header found: none of the {} sheet's column names or ids in the first {HEADER_SCAN} rows",
                spec.id
            ),
        );
        return None;
    };
    let mut ok = true;
    for (i, f) in spec.fields.iter().enumerate() {
        if f.required && cols[i].is_none() {
            ok = false;
            sink.error(
                Location::row(&raw.file, &raw.name, header_row_guess as u32 + 1),
                None,
                format!("缺少必填列“{}”（列代码{}）", f.header(), f.id),
                format!("the required column {} ({}) is missing", f.id, f.header()),
            );
        }
    }
    if !ok {
        return None;
    }
    note_extra_columns(spec, raw, header_row, &cols, sink);
    let scales = cols
        .iter()
        .map(|c| c.map_or(1.0, |c| header_scale(&header_text(raw, header_row, c))))
        .collect();
    let rows = data_rows(spec, raw, header_row, &cols, sink);
    Some(Table {
        spec,
        raw,
        cols,
        scales,
        rows,
        header_row,
    })
}

/// The header text over the title rows for a column (for units like 万元).
fn header_text(raw: &RawSheet, header_row: usize, c: usize) -> String {
    let first = header_row.saturating_sub(1);
    (first..=header_row)
        .filter_map(|r| raw.cell(r, c).text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn note_extra_columns(spec: &SheetSpec, raw: &RawSheet, header_row: usize, cols: &[Option<usize>], sink: &mut Sink) {
    let used: Vec<usize> = cols.iter().flatten().copied().collect();
    // in the template layout the Chinese header sits above the id row: a
    // column added by hand has its name there and nothing in the id row
    let above = header_row
        .checked_sub(1)
        .filter(|_| is_id_row(spec, raw, header_row, &used));
    let width = [Some(header_row), above]
        .into_iter()
        .flatten()
        .map(|r| raw.rows.get(r).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    for c in 0..width {
        if used.contains(&c) {
            continue;
        }
        let named = raw
            .cell(header_row, c)
            .text()
            .map(|t| (header_row, t))
            .or_else(|| above.and_then(|r| raw.cell(r, c).text().map(|t| (r, t))));
        if let Some((hr, t)) = named {
            sink.note(
                Location::cell(&raw.file, &raw.name, hr as u32 + 1, c as u32),
                format!("“{t}”不是“{}”表的列，已忽略", spec.zh),
                format!("column \"{t}\" is not part of the {} sheet and was ignored", spec.id),
            );
        }
    }
}

/// Prefixes of rows that are totals or subsets, never data.
const TOTAL_PREFIXES: [&str; 11] = [
    "合计", "总计", "小计", "全县", "全市", "全区", "其中", "#", "＃", "共计", "累计",
];

fn data_rows(
    spec: &SheetSpec,
    raw: &RawSheet,
    header_row: usize,
    cols: &[Option<usize>],
    sink: &mut Sink,
) -> Vec<usize> {
    let mut out = Vec::new();
    let used: Vec<usize> = cols.iter().flatten().copied().collect();
    let first_col = used.iter().copied().min().unwrap_or(0);
    let is_total = |t: &str| TOTAL_PREFIXES.iter().any(|p| t.starts_with(p));
    for r in header_row + 1..raw.rows.len() {
        let texts: Vec<String> = used.iter().filter_map(|c| raw.cell(r, *c).text()).collect();
        if texts.is_empty() {
            continue;
        }
        if is_id_row(spec, raw, r, &used) || is_numbering_row(&texts) {
            continue;
        }
        let first = (0..=first_col.max(1))
            .filter_map(|c| raw.cell(r, c).text())
            .next()
            .unwrap_or_default();
        // a name merged down its rows (a town over its ages, a school over its
        // grades) leaves the 小计 label in the next column, one that holds
        // codes or numbers: never a name or label that may begin with 全县
        let lead = if is_total(&first) {
            first
        } else {
            (0..=first_col.max(1))
                .filter(|c| is_code_or_number_col(spec, cols, *c) && matches!(raw.cell(r, *c), Cell::Text(_)))
                .filter_map(|c| raw.cell(r, c).text())
                .find(|t| is_total(t))
                .unwrap_or(first)
        };
        if is_total(&lead) && !is_key_sheet(spec) {
            sink.note(
                Location::row(&raw.file, &raw.name, r as u32 + 1),
                format!("“{lead}”是合计或“其中”行，未计入"),
                format!("\"{lead}\" is a totals or subset row and was skipped"),
            );
            continue;
        }
        out.push(r);
    }
    out
}

/// Whether column `c` holds a field other than free text.
fn is_code_or_number_col(spec: &SheetSpec, cols: &[Option<usize>], c: usize) -> bool {
    cols.iter()
        .zip(spec.fields)
        .any(|(col, f)| *col == Some(c) && f.kind != Kind::Text)
}

/// Key–value sheets key on codes, never on a 合计 label.
fn is_key_sheet(spec: &SheetSpec) -> bool {
    spec.fields.first().is_some_and(|f| f.id == "key")
}

fn is_id_row(spec: &SheetSpec, raw: &RawSheet, r: usize, used: &[usize]) -> bool {
    let hits = used
        .iter()
        .filter(|c| {
            raw.cell(r, **c)
                .text()
                .is_some_and(|t| spec.fields.iter().any(|f| is_id_match(f, &t)))
        })
        .count();
    hits * 2 > used.len()
}

/// The column-numbering row of official tables: 甲 乙 丙 … (the text
/// columns, by the ten heavenly stems) then 1 2 3 …
fn is_numbering_row(texts: &[String]) -> bool {
    const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    texts.len() >= 2
        && texts.iter().any(|t| matches!(t.as_str(), "甲" | "乙"))
        && texts
            .iter()
            .all(|t| STEMS.contains(&t.as_str()) || t.parse::<u32>().is_ok())
}

impl Table<'_> {
    pub fn file(&self) -> &str {
        &self.raw.file
    }

    pub fn sheet(&self) -> &str {
        &self.raw.name
    }

    fn index(&self, id: &str) -> usize {
        self.spec.fields.iter().position(|f| f.id == id).unwrap_or(usize::MAX)
    }

    /// Whether the sheet has this column.
    pub fn has(&self, id: &str) -> bool {
        self.cols.get(self.index(id)).is_some_and(Option::is_some)
    }

    pub fn raw_cell(&self, r: usize, id: &str) -> &Cell {
        match self.cols.get(self.index(id)).copied().flatten() {
            Some(c) => self.raw.cell(r, c),
            None => &Cell::Empty,
        }
    }

    /// The location of a field's cell in data row `r`.
    pub fn at(&self, r: usize, id: &str) -> Location {
        match self.cols.get(self.index(id)).copied().flatten() {
            Some(c) => Location::cell(&self.raw.file, &self.raw.name, r as u32 + 1, c as u32),
            None => Location::row(&self.raw.file, &self.raw.name, r as u32 + 1),
        }
    }

    /// A1 range covering data rows (for provenance): `A3:H218`.
    pub fn range(&self, rows: &[usize]) -> String {
        let cols: Vec<usize> = self.cols.iter().flatten().copied().collect();
        let (c0, c1) = (
            cols.iter().min().copied().unwrap_or(0),
            cols.iter().max().copied().unwrap_or(0),
        );
        let (r0, r1) = (
            rows.iter().min().copied().unwrap_or(0),
            rows.iter().max().copied().unwrap_or(0),
        );
        let a = |r: usize, c: usize| format!("{}{}", crate::problem::col_letters(c as u32), r + 1);
        if r0 == r1 && c0 == c1 {
            a(r0, c0)
        } else {
            format!("{}:{}", a(r0, c0), a(r1, c1))
        }
    }

    fn field(&self, id: &str) -> Option<&'static Field> {
        self.spec.fields.iter().find(|f| f.id == id)
    }

    /// Text of a cell; an error when required and blank.
    pub fn text(&self, r: usize, id: &str, sink: &mut Sink) -> Option<String> {
        let cell = self.raw_cell(r, id);
        let f = self.field(id);
        let t = match f.map(|f| f.kind) {
            Some(Kind::Code) => cell.code(),
            _ => cell.text(),
        };
        if let (None, Some(f)) = (&t, f.filter(|f| f.required)) {
            missing(f, self.at(r, id), sink);
        }
        t
    }

    /// A number read by the field's kind: range-checked, scaled by its header
    /// unit. `None` when blank (an error too when the field is required) or bad.
    pub fn number(&self, r: usize, id: &str, sink: &mut Sink) -> Option<f64> {
        let f = self.field(id)?;
        let scale = self.scales.get(self.index(id)).copied().unwrap_or(1.0);
        read_number(f, self.raw_cell(r, id), scale, self.at(r, id), sink)
    }
}

/// Reads a cell as a number of the field's kind: `scale` (from a 万元 header or
/// unit cell) applies to money not already scaled in the cell; the range is
/// checked by kind. `None` when blank (an error too when the field is
/// required) or bad, the error at `at`.
pub fn read_number(f: &Field, cell: &Cell, scale: f64, at: Location, sink: &mut Sink) -> Option<f64> {
    match parse_number(cell) {
        Ok(None) => {
            if f.required {
                missing(f, at, sink);
            }
            None
        }
        Ok(Some(x)) => {
            let x = if scale != 1.0 && f.kind == Kind::Money && !carries_scale(cell) {
                x * scale
            } else {
                x
            };
            check_kind(f, x)
                .map_err(|(zh, en)| sink.error(at, Some(cell.display()), zh, en))
                .ok()
        }
        Err(e) => {
            let (zh, en) = match e {
                NumberError::ErrorValue => (
                    "单元格是公式错误值，应为数字".to_string(),
                    "the cell holds a formula error, not a number".to_string(),
                ),
                NumberError::NotANumber => (
                    format!("“{}”应为数字（{}）", f.header(), expected(f).0),
                    format!("{} must be a number ({})", f.id, expected(f).1),
                ),
            };
            sink.error(at, Some(cell.display()), zh, en);
            None
        }
    }
}

/// The error for a required cell left blank.
pub fn missing(f: &Field, at: Location, sink: &mut Sink) {
    sink.error(
        at,
        None,
        format!("“{}”必须填写", f.header()),
        format!("{} is required", f.id),
    );
}

/// What a field of this kind expects, in both languages.
pub fn expected(f: &Field) -> (String, String) {
    match f.kind {
        Kind::Count => ("0～1亿之间的数".into(), "a number from 0 to 100 million".into()),
        Kind::Whole => ("0～1亿之间的整数".into(), "a whole number from 0 to 100 million".into()),
        Kind::Share => (
            "0～1之间的比例，如0.95或95%".into(),
            "a share from 0 to 1, e.g. 0.95 or 95%".into(),
        ),
        Kind::Rate => ("-1～1之间的比例".into(), "a rate between -1 and 1".into()),
        Kind::Money => ("0～1万亿元之间的金额".into(), "an amount from 0 to 10¹² yuan".into()),
        Kind::Year => ("1949～2100之间的年份".into(), "a year from 1949 to 2100".into()),
        Kind::Number | Kind::Text | Kind::Code | Kind::Enum(_) => ("有限数值".into(), "a finite number".into()),
    }
}

/// Range checks by kind.
pub fn check_kind(f: &Field, x: f64) -> Result<f64, (String, String)> {
    let ok = match f.kind {
        // upper bounds far above any county's figure: a typo like 1e300 is caught here
        Kind::Count => (0.0..=1e8).contains(&x),
        Kind::Money => (0.0..=1e12).contains(&x),
        Kind::Whole => (0.0..=1e8).contains(&x) && x.fract() == 0.0,
        Kind::Share => (0.0..=1.0).contains(&x),
        Kind::Rate => x > -1.0 && x < 1.0,
        Kind::Year => (1949.0..=2100.0).contains(&x) && x.fract() == 0.0,
        _ => x.is_finite(),
    };
    if ok {
        Ok(x)
    } else {
        let (zh, en) = expected(f);
        Err((format!("“{}”应为{zh}", f.header()), format!("{} must be {en}", f.id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Merge;
    use crate::spec::BIRTHS;

    fn sheet(rows: &[&[&str]]) -> RawSheet {
        RawSheet {
            file: "f.xlsx".into(),
            name: "出生人口".into(),
            hidden: false,
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|s| {
                            if s.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(s.to_string())
                            }
                        })
                        .collect()
                })
                .collect(),
            merges: vec![],
        }
    }

    #[test]
    fn finds_the_id_row() {
        let raw = sheet(&[
            &["年份（年）", "出生人口（人）"],
            &["year", "births"],
            &["2020", "3700"],
        ]);
        let mut sink = Sink::default();
        let t = locate(&BIRTHS, &raw, &mut sink).unwrap();
        assert_eq!(t.rows, vec![2]);
        assert_eq!(t.cols[0], Some(0));
    }

    #[test]
    fn finds_chinese_headers_below_a_title_and_skips_totals() {
        let raw = sheet(&[
            &["临湘市历年出生人口", ""],
            &["", "单位：人"],
            &["年度", "出生人数"],
            &["甲", "1"],
            &["2019", "4,300"],
            &["合计", "8000"],
            &["2020", "3700人"],
        ]);
        let mut sink = Sink::default();
        let t = locate(&BIRTHS, &raw, &mut sink).unwrap();
        assert_eq!(t.rows, vec![4, 6]);
        assert_eq!(t.number(4, "births", &mut sink), Some(4300.0));
        assert_eq!(sink.problems.len(), 1, "{:?}", sink.problems); // the 合计 note
    }

    #[test]
    fn two_row_merged_header() {
        let mut raw = sheet(&[&["出生", ""], &["年份", "人口（人）"], &["2020", "3700"]]);
        raw.merges = vec![Merge {
            r0: 0,
            c0: 0,
            r1: 0,
            c1: 1,
        }];
        unmerge(&mut raw);
        let mut sink = Sink::default();
        let t = locate(&BIRTHS, &raw, &mut sink).unwrap();
        assert_eq!(t.cols, vec![Some(0), Some(1), None]);
        assert_eq!(t.rows, vec![2]);
    }

    #[test]
    fn missing_required_column_is_an_error_with_its_row() {
        let raw = sheet(&[&["年份"], &["2020"]]);
        let mut sink = Sink::default();
        assert!(locate(&BIRTHS, &raw, &mut sink).is_none());
        assert_eq!(sink.problems[0].at.row, Some(1));
        assert!(sink.problems[0].message.zh.contains("出生人口"));
    }
}
