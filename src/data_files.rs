//! The app's side of the data worker: the template workbook of a dataset,
//! and the import of the planner's files. The files' bytes go to the worker
//! as they are; nothing leaves the browser.

use eduplan_model::import_report::ImportReply;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::workers::{request_value, DATA};

/// Largest file read, in bytes (the importer's own limit).
pub const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Why the files could not be taken to the importer at all.
#[derive(Clone, Debug, PartialEq)]
pub enum SendError {
    /// A file is larger than [`MAX_FILE_BYTES`] (its name).
    TooLarge(String),
    /// A file could not be read by the browser (its name).
    Unreadable(String),
    /// The worker could not run or answered nonsense (the reason, in English).
    Worker(String),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::TooLarge(name) => write!(f, "{name} is larger than 64 MB"),
            SendError::Unreadable(name) => write!(f, "{name} cannot be read"),
            SendError::Worker(why) => write!(f, "{why}"),
        }
    }
}

fn object(pairs: &[(&str, &JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// The template workbook (`.xlsx` bytes) filled with a dataset (its JSON).
pub async fn template(json: &str) -> Result<Vec<u8>, SendError> {
    let msg = object(&[("op", &"template".into()), ("dataset", &json.into())]);
    let data = request_value(DATA, &msg).await.map_err(SendError::Worker)?;
    Ok(js_sys::Uint8Array::new(&data).to_vec())
}

/// Reads the files and has the worker import them onto `base` (a dataset's JSON).
pub async fn import(files: &[web_sys::File], base: &str) -> Result<ImportReply, SendError> {
    let names = js_sys::Array::new();
    let bytes = js_sys::Array::new();
    for f in files {
        if f.size() > MAX_FILE_BYTES {
            return Err(SendError::TooLarge(f.name()));
        }
        let buf = JsFuture::from(f.array_buffer())
            .await
            .map_err(|_| SendError::Unreadable(f.name()))?;
        names.push(&JsValue::from_str(&f.name()));
        bytes.push(&js_sys::Uint8Array::new(&buf));
    }
    let msg = object(&[
        ("op", &"import".into()),
        ("base", &base.into()),
        ("names", &names.into()),
        ("files", &bytes.into()),
    ]);
    let data = request_value(DATA, &msg).await.map_err(SendError::Worker)?;
    let text = data
        .as_string()
        .ok_or_else(|| SendError::Worker("the import worker answered without text".into()))?;
    serde_json::from_str(&text).map_err(|e| SendError::Worker(e.to_string()))
}
