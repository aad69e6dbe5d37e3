//! The data worker: writes the data template of a dataset and imports a
//! bureau's files, in a dedicated web worker the app starts on first use, so
//! the main module never carries the readers (calamine, encoding_rs, csv) or
//! the template writer, and the page never freezes while a workbook is read.
//!
//! Messages in (a JS object):
//! - `{op: "template", dataset: <dataset JSON>}` → the `.xlsx` bytes (`Uint8Array`);
//! - `{op: "import", base: <dataset JSON>, names: [file name…], files: [Uint8Array…]}`
//!   → the JSON of an [`ImportReply`] (the dataset and its report, or the errors).
//!
//! Anything else, or a failure, is answered with a string starting `error:`;
//! a panic with a string starting `panic:` (the app then starts a new worker).
//! Once listening the worker posts `ready`; the app sends nothing before that.

use eduplan_import::InputFile;
use eduplan_model::import_report::{ImportReply, Imported};
use eduplan_model::Dataset;

/// Writes the template workbook of a dataset given as JSON.
pub fn template(dataset_json: &str) -> Result<Vec<u8>, String> {
    let ds = Dataset::from_json(dataset_json).map_err(|e| format!("not a dataset: {e}"))?;
    eduplan_import::template::write_xlsx(&ds).map_err(|e| format!("the template cannot be written: {e}"))
}

/// Imports files onto a base dataset given as JSON; `now` reads a clock in
/// milliseconds. Returns the reply's JSON.
pub fn import(base_json: &str, files: &[InputFile], now: impl Fn() -> f64) -> Result<String, String> {
    let base = Dataset::from_json(base_json).map_err(|e| format!("not a dataset: {e}"))?;
    let t0 = now();
    let reply = match eduplan_import::import(files, &base) {
        Ok((dataset, report)) => ImportReply::Imported(Box::new(Imported::new(&base, &dataset, report, now() - t0))),
        Err(errors) => ImportReply::Failed { errors, ms: now() - t0 },
    };
    serde_json::to_string(&reply).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn field(obj: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn files_of(msg: &JsValue) -> Result<Vec<eduplan_import::InputFile>, String> {
        let names = js_sys::Array::from(&field(msg, "names"));
        let files = js_sys::Array::from(&field(msg, "files"));
        if names.length() != files.length() {
            return Err("names and files differ in number".into());
        }
        (0..files.length())
            .map(|i| {
                let bytes = files
                    .get(i)
                    .dyn_into::<js_sys::Uint8Array>()
                    .map_err(|_| "a file is not bytes".to_string())?;
                Ok(eduplan_import::InputFile {
                    name: names.get(i).as_string().unwrap_or_default(),
                    bytes: bytes.to_vec(),
                })
            })
            .collect()
    }

    /// Answers one message.
    pub fn answer(msg: &JsValue) -> Result<JsValue, String> {
        let text = |k: &str| field(msg, k).as_string().ok_or_else(|| format!("{k} is missing"));
        match field(msg, "op").as_string().as_deref() {
            Some("template") => {
                let bytes = super::template(&text("dataset")?)?;
                Ok(js_sys::Uint8Array::from(bytes.as_slice()).into())
            }
            Some("import") => {
                let files = files_of(msg)?;
                super::import(&text("base")?, &files, js_sys::Date::now).map(|s| JsValue::from_str(&s))
            }
            other => Err(format!("unknown request {other:?}")),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // A panic aborts the module: say so, so the app can answer the planner and
    // start a fresh worker next time.
    let on_panic = scope.clone();
    std::panic::set_hook(Box::new(move |info| {
        let _ = on_panic.post_message(&JsValue::from_str(&format!("panic: {info}")));
    }));
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let reply = web::answer(&e.data()).unwrap_or_else(|msg| JsValue::from_str(&format!("error: {msg}")));
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // the handler lives as long as the worker
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("eduplan-data is a web worker; natively use `eduplan template` and `eduplan import`");
    std::process::exit(2);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_template_and_imports_it_back() {
        let json = eduplan_model::dataset::DEFAULT_DATASET_JSON;
        let bytes = template(json).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let files = [InputFile {
            name: "模板.xlsx".into(),
            bytes,
        }];
        let reply: ImportReply = serde_json::from_str(&import(json, &files, || 0.0).unwrap()).unwrap();
        match reply {
            ImportReply::Imported(i) => {
                assert_eq!(i.id, "linxiang-2020");
                assert!(!i.report.parts.is_empty());
                let ds = Dataset::from_json(&i.dataset).unwrap();
                assert_eq!(eduplan_model::summary::content_hash(&ds), i.hash);
                assert_eq!(i.before, i.after, "the template of a dataset imports as that dataset");
                assert!(i.schools.is_empty());
            }
            ImportReply::Failed { errors, .. } => panic!("{errors}"),
        }
    }

    #[test]
    fn a_broken_file_is_a_failed_reply_with_places() {
        let json = eduplan_model::dataset::DEFAULT_DATASET_JSON;
        let files = [InputFile {
            name: "学校名册.csv".into(),
            bytes: "学校代码,学校名称\nx,y\n".as_bytes().to_vec(),
        }];
        let reply: ImportReply = serde_json::from_str(&import(json, &files, || 0.0).unwrap()).unwrap();
        let ImportReply::Failed { errors, .. } = reply else {
            panic!("expected errors")
        };
        assert!(errors.errors.iter().all(|e| e.at.file == "学校名册.csv"));
        assert!(template("{").unwrap_err().contains("not a dataset"));
    }
}
