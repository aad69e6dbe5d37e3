//! Web workers started on demand: the XLSX writer, the Monte Carlo and the
//! data worker (template and import). Each posts `ready` once listening;
//! nothing is sent before that. One request at a time per worker (a new
//! request's answer replaces the handler). A worker that failed or panicked
//! is ended; the next request starts a fresh one.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const XLSX: &str = "./eduplan-xlsx_loader.js";
pub const MC: &str = "./eduplan-mc_loader.js";
pub const DATA: &str = "./eduplan-data_loader.js";

/// A worker: its loader URL and which copy (the Monte Carlo runs one per core).
type Key = (&'static str, u32);

thread_local! {
    /// Started workers, with a promise that resolves on `ready`.
    static WORKERS: RefCell<HashMap<Key, (web_sys::Worker, js_sys::Promise)>> = RefCell::new(HashMap::new());
    /// The last request queued on each worker: a worker answers one request at
    /// a time, so each waits for the one before it.
    static QUEUE: RefCell<HashMap<Key, js_sys::Promise>> = RefCell::new(HashMap::new());
}

fn start(key: Key) -> Result<(web_sys::Worker, js_sys::Promise), String> {
    let url = key.0;
    WORKERS.with(|all| {
        if let Some(w) = all.borrow().get(&key) {
            return Ok(w.clone());
        }
        let worker = web_sys::Worker::new(url).map_err(|_| format!("{url} cannot start"))?;
        let ready = js_sys::Promise::new(&mut |resolve, reject| {
            worker.set_onmessage(Some(
                Closure::once_into_js(move |_e: web_sys::MessageEvent| {
                    let _ = resolve.call0(&JsValue::NULL);
                })
                .unchecked_ref(),
            ));
            worker.set_onerror(Some(
                Closure::once_into_js(move |_e: JsValue| {
                    let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the worker cannot start"));
                })
                .unchecked_ref(),
            ));
        });
        all.borrow_mut().insert(key, (worker.clone(), ready.clone()));
        Ok((worker, ready))
    })
}

/// Sends a JSON string to a worker and waits for its answer (after any
/// request queued before it).
pub async fn request(url: &'static str, json: &str) -> Result<JsValue, String> {
    request_value(url, &JsValue::from_str(json)).await
}

/// Ends a worker (after a failure or a panic): its module may be in any state.
fn end(key: Key) {
    if let Some((w, _)) = WORKERS.with(|all| all.borrow_mut().remove(&key)) {
        w.terminate();
    }
}

/// Sends any message (an object with transferable parts) to a worker and
/// waits for its answer, after any request queued before it.
pub async fn request_value(url: &'static str, message: &JsValue) -> Result<JsValue, String> {
    request_on(url, 0, message).await
}

/// [`request_value`] on copy `copy` of a worker (started on first use).
pub async fn request_on(url: &'static str, copy: u32, message: &JsValue) -> Result<JsValue, String> {
    let key = (url, copy);
    let mut finished: Option<js_sys::Function> = None;
    let mine = js_sys::Promise::new(&mut |resolve, _| finished = Some(resolve));
    let before = QUEUE.with(|q| q.borrow_mut().insert(key, mine));
    if let Some(p) = before {
        let _ = JsFuture::from(p).await;
    }
    let result = send(key, message).await;
    if let Some(f) = finished {
        let _ = f.call0(&JsValue::NULL);
    }
    result
}

async fn send(key: Key, message: &JsValue) -> Result<JsValue, String> {
    let (w, ready) = start(key)?;
    if let Err(e) = JsFuture::from(ready).await {
        end(key);
        return Err(e.as_string().unwrap_or_else(|| "the worker cannot start".into()));
    }
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        w.set_onmessage(Some(
            Closure::once_into_js(move |e: web_sys::MessageEvent| {
                let _ = resolve.call1(&JsValue::NULL, &e.data());
            })
            .unchecked_ref(),
        ));
        w.set_onerror(Some(
            Closure::once_into_js(move |_e: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the worker failed"));
            })
            .unchecked_ref(),
        ));
    });
    w.post_message(message)
        .map_err(|_| "the worker cannot be reached".to_string())?;
    let data = match JsFuture::from(answer).await {
        Ok(d) => d,
        Err(e) => {
            end(key);
            return Err(e.as_string().unwrap_or_else(|| "the worker failed".into()));
        }
    };
    match data.as_string() {
        Some(s) if s.starts_with("error:") => Err(s.trim_start_matches("error:").trim().to_string()),
        Some(s) if s.starts_with("panic:") => {
            end(key);
            Err(s.trim_start_matches("panic:").trim().to_string())
        }
        _ => Ok(data),
    }
}
