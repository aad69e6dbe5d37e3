//! EduPlan's data import: a bureau's own statistics in, a validated dataset out.
//!
//! - [`spec`]: the template's sheets and columns (one description for writer and reader);
//! - [`template`]: any dataset → the template workbook (XLSX), a complete worked example;
//! - [`import`]: files (XLSX, XLS, CSV, dataset JSON) → `(Dataset, Report)` or
//!   [`ImportErrors`], every problem naming file, sheet, row and column in
//!   Chinese and English.
//!
//! Flow: [`read`] turns bytes into raw sheets (encodings, bounded memory),
//! [`table`] finds each sheet's header and data rows, `convert` applies each
//! sheet onto the base dataset with provenance, [`checks`] looks across sheets.
//! No web dependency: the crate builds and tests natively and in wasm alike.

pub mod cell;
pub mod checks;
mod convert;
pub mod enums;
pub mod problem;
pub mod read;
pub mod spec;
pub mod table;
pub mod template;

use eduplan_model::Dataset;

pub use problem::{ImportErrors, Location, Part, PartSource, Problem, Report, Severity};
pub use read::InputFile;

use problem::Sink;
use read::{Content, RawSheet};

/// Imports files onto a base dataset.
///
/// A dataset JSON file replaces the base whole; each template sheet found in
/// the other files replaces its part of the dataset, the rest of the base is
/// kept. Sheets are recognised by name (Chinese or id; a CSV file by its file
/// name). Errors block: the result is then `Err` with every error found (and
/// the warnings); warnings and notes (skipped rows, ignored sheets and
/// columns) come with the dataset in the [`Report`]. Never panics.
pub fn import(files: &[InputFile], base: &Dataset) -> Result<(Dataset, Report), ImportErrors> {
    let mut sink = Sink::default();
    let mut sheets: Vec<RawSheet> = Vec::new();
    let mut json_base: Option<(Dataset, String)> = None;
    for f in files {
        match read::read_file(f, &mut sink) {
            Some(Content::Sheets(s)) => sheets.extend(s),
            Some(Content::Json(text)) => match Dataset::from_json(&text) {
                Ok(ds) => json_base = Some((ds, f.name.clone())),
                Err(e) => sink.error(
                    Location::file(&f.name),
                    None,
                    checks::json_error_zh(&e),
                    format!("not a valid dataset file: {e}"),
                ),
            },
            None => {}
        }
    }
    if files.is_empty() {
        sink.error(Location::default(), None, "没有选择文件", "no file was given");
    }
    let base = json_base.as_ref().map_or(base, |(ds, _)| ds);
    let tables_src = pick_sheets(sheets, &mut sink);
    let mut tables = Vec::new();
    for (spec, raw) in &tables_src {
        if let Some(t) = table::locate(spec, raw, &mut sink) {
            tables.push(t);
        }
    }
    let mut ctx = convert::Ctx::new(base, &mut sink);
    if let Some((_, name)) = &json_base {
        ctx.parts.push(PartSource {
            part: Part::Whole,
            file: name.clone(),
            sheet: String::new(),
            rows: 0,
        });
    }
    convert::apply(&mut ctx, &tables);
    let ds = ctx.ds;
    let parts = ctx.parts;
    checks::empty_sheets(&parts, &mut sink);
    if !sink.has_errors() {
        if parts.is_empty() {
            sink.error(
                Location::file(files.first().map_or("", |f| f.name.as_str())),
                None,
                "文件中没有可导入的工作表（请使用模板的工作表名称，或以工作表名称命名CSV文件）",
                "no sheet to import (use the template's sheet names, or name each CSV file after its sheet)",
            );
        }
        checks::plausibility(&ds, &parts, &mut sink);
        checks::kept_from_base(&ds, base, &parts, &mut sink);
        checks::target_years(&ds, &parts, &mut sink);
        checks::validate(&ds, &parts, &mut sink);
    }
    let (warnings, notes) = sink.finish()?;
    Ok((ds, Report { parts, warnings, notes }))
}

/// Matches raw sheets to template sheets (merged cells filled in); notes what
/// is ignored and why. A file none of whose sheets is a template sheet was
/// most likely misnamed: that is an error naming it.
fn pick_sheets(sheets: Vec<RawSheet>, sink: &mut Sink) -> Vec<(&'static spec::SheetSpec, RawSheet)> {
    let mut out: Vec<(&'static spec::SheetSpec, RawSheet)> = Vec::new();
    // per file, in reading order: the sheet names seen and whether one was taken
    let mut by_file: Vec<(String, Vec<String>, bool)> = Vec::new();
    for mut raw in sheets {
        if by_file.last().is_none_or(|f| f.0 != raw.file) {
            by_file.push((raw.file.clone(), Vec::new(), false));
        }
        if let Some(f) = by_file.last_mut() {
            f.1.push(raw.name.clone());
        }
        let at = Location::sheet(&raw.file, &raw.name);
        if raw.name.trim() == spec::README_SHEET {
            continue;
        }
        let Some(spec) = spec::sheet_by_name(&raw.name) else {
            if !raw.rows.is_empty() {
                sink.note(at, "不是模板中的工作表，已忽略", "not a template sheet; ignored");
            }
            continue;
        };
        if raw.hidden {
            sink.note(at, "隐藏的工作表，已忽略", "a hidden sheet; ignored");
            continue;
        }
        // a template sheet, even one given twice: the file is not misnamed
        if let Some(f) = by_file.last_mut() {
            f.2 = true;
        }
        if let Some((_, first)) = out.iter().find(|(s, _)| s.id == spec.id) {
            sink.error(
                at,
                None,
                format!("“{}”表出现了两次（另一份在文件{}）", spec.zh, first.file),
                format!("the {} sheet is given twice (the other in {})", spec.id, first.file),
            );
            continue;
        }
        table::unmerge(&mut raw);
        out.push((spec, raw));
    }
    let expected: Vec<&str> = spec::SHEETS.iter().map(|s| s.zh).collect();
    for (file, names, _) in by_file.iter().filter(|f| !f.2) {
        sink.error(
            Location::file(file),
            Some(names.join("、")),
            format!(
                "没有可导入的工作表：工作表（CSV文件则为文件名）应为模板中的名称之一：{}",
                expected.join("、")
            ),
            format!(
                "no sheet to import: sheets (for a CSV file, the file name) must be named as in the template: {}",
                expected.join(", ")
            ),
        );
    }
    out
}
