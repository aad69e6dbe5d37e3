//! Files to raw sheets: XLSX and XLS through calamine, CSV in any of the
//! encodings bureau files use, with bounded memory whatever the bytes say.

use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{Data, Dimensions, Reader, SheetType, SheetVisible, Xls, Xlsx};

use crate::cell::Cell;
use crate::problem::{Location, Sink};

/// A file handed to the importer: its name (for messages and CSV sheet names)
/// and its bytes.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A merged region, 0-based and inclusive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Merge {
    pub r0: u32,
    pub c0: u32,
    pub r1: u32,
    pub c1: u32,
}

/// One sheet as read: rows from row 1 (index 0), each up to its last used cell.
#[derive(Clone, Debug, PartialEq)]
pub struct RawSheet {
    pub file: String,
    pub name: String,
    pub hidden: bool,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

impl RawSheet {
    pub fn cell(&self, r: usize, c: usize) -> &Cell {
        self.rows.get(r).and_then(|row| row.get(c)).unwrap_or(&Cell::Empty)
    }
}

/// What a file turned out to be.
#[derive(Clone, Debug)]
pub enum Content {
    Sheets(Vec<RawSheet>),
    /// A dataset JSON file (its text).
    Json(String),
}

/// Largest file accepted (bureau workbooks are well under 10 MB).
pub const MAX_FILE_BYTES: usize = 64 << 20;
/// Largest total of uncompressed entries in an XLSX.
pub const MAX_UNZIPPED_BYTES: u64 = 256 << 20;
/// Most non-empty cells read from one file.
pub const MAX_CELLS: usize = 2_000_000;
/// Rows and columns beyond these are not read (the template needs far fewer).
pub const MAX_ROWS: u32 = 200_000;
pub const MAX_COLS: u32 = 256;

/// Reads one file. Errors go to the sink with the file's name; `None` then.
pub fn read_file(file: &InputFile, sink: &mut Sink) -> Option<Content> {
    let at = Location::file(&file.name);
    let b = &file.bytes;
    if b.is_empty() {
        sink.error(at, None, "文件是空的", "the file is empty");
        return None;
    }
    if b.len() > MAX_FILE_BYTES {
        sink.error(
            at,
            None,
            format!(
                "文件过大（{}兆字节），上限为{}兆字节",
                b.len() >> 20,
                MAX_FILE_BYTES >> 20
            ),
            format!(
                "the file is too large ({} MB; at most {} MB)",
                b.len() >> 20,
                MAX_FILE_BYTES >> 20
            ),
        );
        return None;
    }
    let ext = extension(&file.name);
    if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
        return read_xlsx(file, sink).map(Content::Sheets);
    }
    if b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return read_xls(file, sink).map(Content::Sheets);
    }
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "et") {
        sink.error(
            at,
            None,
            format!("扩展名为.{ext}，但内容不是Excel工作簿（可能是改了扩展名的其他文件），请在Excel或WPS中另存为.xlsx"),
            format!("named .{ext} but not an Excel workbook (perhaps another file renamed); save it as .xlsx from Excel or WPS"),
        );
        return None;
    }
    let text = decode_text(file, sink)?;
    if ext == "json" || text.trim_start().starts_with('{') {
        return Some(Content::Json(text));
    }
    read_csv(file, &text, sink).map(|s| Content::Sheets(vec![s]))
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The file name without folder and extension (a CSV's sheet name).
pub fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

/// Text of a CSV or JSON file: UTF-8 (with or without BOM), UTF-16 with BOM,
/// otherwise GB18030 (a superset of GBK and GB2312).
pub fn decode_text(file: &InputFile, sink: &mut Sink) -> Option<String> {
    let b = &file.bytes;
    let at = Location::file(&file.name);
    let (text, lossy) = if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let (t, _, bad) = encoding_rs::UTF_8.decode(rest);
        (t.into_owned(), bad)
    } else if b.starts_with(&[0xFF, 0xFE]) || b.starts_with(&[0xFE, 0xFF]) {
        let (t, _, bad) = encoding_rs::UTF_16LE.decode(b); // BOM sniffing picks LE or BE
        (t.into_owned(), bad)
    } else if looks_utf16le(b) {
        let (t, bad) = encoding_rs::UTF_16LE.decode_without_bom_handling(b);
        (t.into_owned(), bad)
    } else if let Ok(s) = std::str::from_utf8(b) {
        (s.to_string(), false)
    } else {
        let (t, _, bad) = encoding_rs::GB18030.decode(b);
        (t.into_owned(), bad)
    };
    if text.contains('\0') {
        sink.error(
            at,
            None,
            "文件不是文本文件，也不是Excel工作簿，无法读取",
            "the file is neither text nor an Excel workbook",
        );
        return None;
    }
    if lossy {
        sink.warn(
            at,
            None,
            "部分字符无法识别（显示为�），请另存为“UTF-8”或Excel工作簿后再导入",
            "some characters could not be decoded (shown as �); save the file as UTF-8 or as a workbook",
        );
    }
    Some(text)
}

/// UTF-16LE without a BOM: every other byte zero in ASCII-heavy text.
fn looks_utf16le(b: &[u8]) -> bool {
    let n = b.len().min(400);
    n >= 4 && n % 2 == 0 && b[..n].iter().skip(1).step_by(2).filter(|x| **x == 0).count() * 10 >= n / 2 * 8
}

fn read_csv(file: &InputFile, text: &str, sink: &mut Sink) -> Option<RawSheet> {
    let delim = sniff_delimiter(text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    for (i, rec) in rdr.records().enumerate() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(i as u32 + 1, |p| p.line() as u32);
                sink.error(
                    Location::row(&file.name, stem(&file.name), row),
                    None,
                    "这一行无法按CSV格式读取（引号不成对或含不可读的字符）",
                    "this line is not valid CSV (unbalanced quotes or unreadable characters)",
                );
                return None;
            }
        };
        if i as u32 >= MAX_ROWS {
            too_large(file, sink);
            return None;
        }
        let row: Vec<Cell> = rec
            .iter()
            .take(MAX_COLS as usize)
            .map(|s| {
                if s.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(s.to_string())
                }
            })
            .collect();
        cells += row.len();
        if cells > MAX_CELLS {
            too_large(file, sink);
            return None;
        }
        rows.push(trim_row(row));
    }
    Some(RawSheet {
        file: file.name.clone(),
        name: stem(&file.name).to_string(),
        hidden: false,
        rows,
        merges: Vec::new(),
    })
}

/// Comma, tab or semicolon: the one found most consistently in the first lines.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(10).collect();
    let mut best = (b',', 0usize);
    for d in [b',', b'\t', b';'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d as char)).collect();
        let min = counts.iter().copied().filter(|c| *c > 0).min().unwrap_or(0);
        let rows_with = counts.iter().filter(|c| **c > 0).count();
        let score = rows_with * 1000 + min;
        if min > 0 && score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|c| {
            if *c == '"' {
                quoted = !quoted;
            }
            !quoted && *c == d
        })
        .count()
}

fn trim_row(mut row: Vec<Cell>) -> Vec<Cell> {
    while row.last() == Some(&Cell::Empty) {
        row.pop();
    }
    row
}

fn too_large(file: &InputFile, sink: &mut Sink) {
    sink.error(
        Location::file(&file.name),
        None,
        format!("文件内容过多（超过{MAX_ROWS}行或{MAX_CELLS}个单元格），请只保留模板中的工作表"),
        format!("the file holds too much (over {MAX_ROWS} rows or {MAX_CELLS} cells); keep only the template's sheets"),
    );
}

fn unreadable(file: &InputFile, sink: &mut Sink, detail: &str) {
    sink.error(
        Location::file(&file.name),
        None,
        "无法读取这个Excel工作簿（文件已损坏或加了密码），请在Excel或WPS中打开后另存为.xlsx",
        format!("cannot read this workbook (damaged or password-protected; {detail}); open it in Excel or WPS and save it as .xlsx"),
    );
}

/// Refuses an XLSX whose entries declare, or really hold, more than
/// [`MAX_UNZIPPED_BYTES`] in all: a "zip bomb" never reaches calamine.
fn check_zip(file: &InputFile, sink: &mut Sink) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(&file.bytes[..])) else {
        unreadable(file, sink, "not a zip archive");
        return false;
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else {
            unreadable(file, sink, "a damaged entry");
            return false;
        };
        total = total.saturating_add(entry.size());
        if total > MAX_UNZIPPED_BYTES {
            break;
        }
        // the declared size may lie: count what the entry really inflates to
        let limit = MAX_UNZIPPED_BYTES - (total - entry.size()) + 1;
        let mut counter = std::io::sink();
        match std::io::copy(&mut (&mut entry).take(limit), &mut counter) {
            Ok(n) if n <= entry.size() => {}
            Ok(n) => {
                total = total - entry.size() + n;
                if total > MAX_UNZIPPED_BYTES {
                    break;
                }
            }
            Err(_) => {
                unreadable(file, sink, "a damaged entry");
                return false;
            }
        }
    }
    if total > MAX_UNZIPPED_BYTES {
        sink.error(
            Location::file(&file.name),
            None,
            format!(
                "工作簿解压后超过{}兆字节，已拒绝读取（可能是恶意文件）",
                MAX_UNZIPPED_BYTES >> 20
            ),
            format!(
                "the workbook unpacks to more than {} MB and was refused (possibly malicious)",
                MAX_UNZIPPED_BYTES >> 20
            ),
        );
        return false;
    }
    true
}

fn read_xlsx(file: &InputFile, sink: &mut Sink) -> Option<Vec<RawSheet>> {
    if !check_zip(file, sink) {
        return None;
    }
    guarded(file, sink, xlsx_sheets)
}

/// Runs a calamine reader. calamine is well tested, but a reader of untrusted
/// bytes must never take the page down: a panic in it becomes an error value.
fn guarded(
    file: &InputFile,
    sink: &mut Sink,
    read: fn(&InputFile) -> Result<Vec<RawSheet>, XlError>,
) -> Option<Vec<RawSheet>> {
    match catch_unwind(AssertUnwindSafe(|| read(file))) {
        Ok(Ok(sheets)) => return Some(sheets),
        Ok(Err(XlError::TooLarge)) => too_large(file, sink),
        Ok(Err(XlError::Read(d))) => unreadable(file, sink, &d),
        Err(_) => unreadable(file, sink, "the reader failed"),
    }
    None
}

enum XlError {
    TooLarge,
    Read(String),
}

fn xlsx_sheets(file: &InputFile) -> Result<Vec<RawSheet>, XlError> {
    let read_err = |e: calamine::XlsxError| XlError::Read(e.to_string());
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(&file.bytes[..])).map_err(read_err)?;
    let metas = wb.sheets_metadata().to_vec();
    let mut out = Vec::new();
    let mut cells = 0usize;
    for m in metas.into_iter().filter(|m| m.typ == SheetType::WorkSheet) {
        let merges = match wb.worksheet_merge_cells(&m.name) {
            Some(Ok(d)) => d.iter().map(merge_of).collect(),
            _ => Vec::new(),
        };
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut reader = wb.worksheet_cells_reader(&m.name).map_err(read_err)?;
        while let Some(c) = reader.next_cell().map_err(read_err)? {
            let (r, col) = c.get_position();
            add(
                &mut rows,
                &mut cells,
                r,
                col,
                cell_of(Data::from(c.get_value().clone())),
            )?;
        }
        out.push(RawSheet {
            file: file.name.clone(),
            name: m.name.clone(),
            hidden: m.visible != SheetVisible::Visible,
            rows,
            merges,
        });
    }
    Ok(out)
}

/// Adds a read cell at its absolute place: empty cells and columns past
/// [`MAX_COLS`] are dropped; rows past [`MAX_ROWS`] or more than [`MAX_CELLS`]
/// cells in the file make the file too large.
fn add(rows: &mut Vec<Vec<Cell>>, cells: &mut usize, r: u32, c: u32, v: Cell) -> Result<(), XlError> {
    if v == Cell::Empty || c >= MAX_COLS {
        return Ok(());
    }
    *cells += 1;
    if r >= MAX_ROWS || *cells > MAX_CELLS {
        return Err(XlError::TooLarge);
    }
    put(rows, r, c, v);
    Ok(())
}

/// Sets a cell, growing the rows to reach it.
pub(crate) fn put(rows: &mut Vec<Vec<Cell>>, r: u32, c: u32, v: Cell) {
    let (r, c) = (r as usize, c as usize);
    if rows.len() <= r {
        rows.resize(r + 1, Vec::new());
    }
    let row = &mut rows[r];
    if row.len() <= c {
        row.resize(c + 1, Cell::Empty);
    }
    row[c] = v;
}

fn merge_of(d: &Dimensions) -> Merge {
    Merge {
        r0: d.start.0,
        c0: d.start.1,
        r1: d.end.0,
        c1: d.end.1,
    }
}

fn cell_of(d: Data) -> Cell {
    match d {
        Data::Int(i) => Cell::Number(i as f64),
        Data::Float(x) => Cell::Number(x),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text_cell(s),
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(t) => Cell::Number(t.as_f64()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

fn text_cell(s: String) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn read_xls(file: &InputFile, sink: &mut Sink) -> Option<Vec<RawSheet>> {
    guarded(file, sink, xls_sheets)
}

fn xls_sheets(file: &InputFile) -> Result<Vec<RawSheet>, XlError> {
    let read_err = |e: calamine::XlsError| XlError::Read(e.to_string());
    let mut wb: Xls<_> = calamine::open_workbook_from_rs(Cursor::new(&file.bytes[..])).map_err(read_err)?;
    let metas = wb.sheets_metadata().to_vec();
    let mut out = Vec::new();
    let mut cells = 0usize;
    for m in metas.into_iter().filter(|m| m.typ == SheetType::WorkSheet) {
        let merges = wb
            .worksheet_merge_cells(&m.name)
            .map(|d| d.iter().map(merge_of).collect())
            .unwrap_or_default();
        let range = wb.worksheet_range(&m.name).map_err(read_err)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            add(&mut rows, &mut cells, r0 + r as u32, c0 + c as u32, cell_of(v.clone()))?;
        }
        out.push(RawSheet {
            file: file.name.clone(),
            name: m.name.clone(),
            hidden: m.visible != SheetVisible::Visible,
            rows,
            merges,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, bytes: &[u8]) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    fn csv_rows(name: &str, bytes: &[u8]) -> Vec<Vec<Cell>> {
        let mut sink = Sink::default();
        match read_file(&file(name, bytes), &mut sink) {
            Some(Content::Sheets(s)) => s[0].rows.clone(),
            other => panic!("{other:?} {:?}", sink.problems),
        }
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn encodings() {
        let want = vec![vec![t("片区"), t("人数")], vec![t("城区"), t("12")]];
        let utf8 = "片区,人数\n城区,12\n";
        assert_eq!(csv_rows("a.csv", utf8.as_bytes()), want);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(utf8.as_bytes());
        assert_eq!(csv_rows("a.csv", &bom), want);
        let (gbk, _, _) = encoding_rs::GBK.encode(utf8);
        assert_eq!(csv_rows("a.csv", &gbk), want);
        let mut u16: Vec<u8> = vec![0xFF, 0xFE];
        u16.extend(utf8.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(csv_rows("a.csv", &u16), want);
    }

    #[test]
    fn delimiters() {
        let want = vec![vec![t("a"), t("b")], vec![t("1"), t("2,5")]];
        assert_eq!(csv_rows("x.csv", b"a\tb\n1\t2,5\n"), want);
        assert_eq!(csv_rows("x.csv", b"a;b\n1;2,5\n"), want);
        assert_eq!(csv_rows("x.csv", b"a,b\n1,\"2,5\"\n"), want);
    }

    #[test]
    fn renamed_text_is_not_a_workbook() {
        let mut sink = Sink::default();
        assert!(read_file(&file("a.xlsx", b"hello"), &mut sink).is_none());
        assert!(sink.problems[0].message.zh.contains("不是Excel工作簿"));
    }

    #[test]
    fn stems() {
        assert_eq!(stem("dir/学校名册.csv"), "学校名册");
        assert_eq!(stem("C:\\x\\schools.CSV"), "schools");
    }
}
