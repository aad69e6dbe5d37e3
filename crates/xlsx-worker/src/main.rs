//! The XLSX worker: receives a workbook as JSON (`eduplan_model::export::Workbook`)
//! and answers with the `.xlsx` bytes, or with a string starting `error:`.
//!
//! It runs in a dedicated web worker that the app starts on the first export,
//! so the main module never carries the XLSX writer. Once listening it posts
//! `ready`; the app sends nothing before that.

use eduplan_model::export::{cell_text, Cell, Workbook};
use rust_xlsxwriter::{Format, Workbook as Xlsx};

/// Builds the .xlsx bytes for a workbook.
pub fn build(json: &str) -> Result<Vec<u8>, String> {
    let wb: Workbook = serde_json::from_str(json).map_err(|e| format!("not a workbook: {e}"))?;
    let mut book = Xlsx::new();
    let bold = Format::new().set_bold();
    for sheet in &wb.sheets {
        let ws = book.add_worksheet();
        // Excel limits sheet names to 31 characters and forbids a few
        let name: String = sheet
            .name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        ws.set_name(if name.is_empty() { "Sheet" } else { &name })
            .map_err(|e| e.to_string())?;
        let mut widths: Vec<usize> = Vec::new();
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (row_i, col_i) = (r as u32, c as u16);
                let width = match cell {
                    // not a number a cell can hold (the model writes none): left empty
                    Cell::Number(x) if !x.is_finite() => 0,
                    Cell::Number(x) => {
                        if r == 0 {
                            ws.write_number_with_format(row_i, col_i, *x, &bold)
                        } else {
                            ws.write_number(row_i, col_i, *x)
                        }
                        .map_err(|e| e.to_string())?;
                        8
                    }
                    Cell::Text(s) => {
                        let s = &*cell_text(s);
                        if r == 0 {
                            ws.write_string_with_format(row_i, col_i, s, &bold)
                        } else {
                            ws.write_string(row_i, col_i, s)
                        }
                        .map_err(|e| e.to_string())?;
                        // CJK characters are about two columns wide
                        s.chars().map(|ch| if ch.is_ascii() { 1 } else { 2 }).sum::<usize>()
                    }
                    Cell::Empty => 0,
                };
                if widths.len() <= c {
                    widths.resize(c + 1, 6);
                }
                widths[c] = widths[c].max(width.min(60));
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, (*w as f64) + 2.0)
                .map_err(|e| e.to_string())?;
        }
        ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let reply: JsValue = match e
            .data()
            .as_string()
            .ok_or_else(|| "expected a JSON string".to_string())
            .and_then(|j| build(&j))
        {
            Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
            Err(msg) => JsValue::from_str(&format!("error: {msg}")),
        };
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // the handler lives as long as the worker
    on_message.forget();
    // messages sent before this point would have been lost: say we are listening
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Natively: read a workbook JSON on stdin, write the .xlsx to stdout (for checks).
    use std::io::{Read, Write};
    let mut json = String::new();
    if std::io::stdin().read_to_string(&mut json).is_err() {
        eprintln!("eduplan-xlsx: cannot read stdin");
        std::process::exit(2);
    }
    match build(&json) {
        Ok(bytes) => {
            let _ = std::io::stdout().write_all(&bytes);
        }
        Err(e) => {
            eprintln!("eduplan-xlsx: {e}");
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_zip_with_the_sheets() {
        let json = r#"{"sheets":[{"name":"说明","rows":[["EduPlan"],["方案",1.5,null]]},{"name":"a[b]:c/d","rows":[[2020,2021]]}]}"#;
        let bytes = build(json).unwrap();
        assert_eq!(&bytes[..2], b"PK", "an xlsx is a zip file");
        assert!(build("{").unwrap_err().contains("not a workbook"));
    }

    /// Issue 14, kind 6: any text a user can type (a no-break space from
    /// Word or WeChat, XML's own characters, control characters, a note of
    /// 40,000 characters) gives a workbook that reads back, text intact.
    #[test]
    fn any_text_gives_a_well_formed_workbook() {
        use calamine::{Reader, Xlsx};
        let nasty = "方案\u{a0}C & <b> \"q\" 'a' \u{1}\u{b}\t\n]]> 😀";
        let long = "临".repeat(40_000);
        let wb = Workbook {
            sheets: vec![eduplan_model::export::Sheet {
                name: "说明".into(),
                rows: vec![
                    vec![Cell::Text("head".into())],
                    vec![
                        Cell::Text(nasty.into()),
                        Cell::Number(f64::NAN),
                        Cell::Text(long.clone()),
                    ],
                ],
            }],
        };
        let bytes = build(&serde_json::to_string(&wb).unwrap()).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("说明").unwrap();
        assert_eq!(range.get_value((1, 0)).unwrap().to_string(), nasty);
        let cut = range.get_value((1, 2)).unwrap().to_string();
        assert!(cut.ends_with('…') && cut.starts_with("临临"), "{}", cut.len());
    }
}
