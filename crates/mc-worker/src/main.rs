//! The Monte Carlo worker: receives `{"dataset": <json or null>, "scenario": …,
//! "settings": {draws, seed, spread}}` and answers with
//! `{"bands": …, "ms": elapsed}` or a string starting `error:`. Runs in a
//! dedicated web worker so the page never freezes while draws run; posts
//! `ready` once listening.

use eduplan_model::uncertainty::{run, Bands, McSettings};
use eduplan_model::{Dataset, Scenario};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct Request {
    /// A dataset as JSON; the bundled default when absent.
    #[serde(default)]
    pub dataset: Option<String>,
    pub scenario: Scenario,
    pub settings: McSettings,
}

#[derive(Serialize)]
pub struct Reply {
    pub bands: Bands,
    pub ms: f64,
}

/// Handles one request; `now` reads a clock in milliseconds.
pub fn handle(json: &str, now: impl Fn() -> f64) -> Result<String, String> {
    let req: Request = serde_json::from_str(json).map_err(|e| format!("not a request: {e}"))?;
    let ds = match &req.dataset {
        Some(text) => Dataset::from_json(text).map_err(|e| e.to_string())?,
        None => Dataset::default_dataset().map_err(|e| e.to_string())?,
    };
    req.scenario.validate(&ds).map_err(|e| e.to_string())?;
    let t0 = now();
    let bands = run(&ds, &req.scenario, &req.settings);
    let ms = now() - t0;
    serde_json::to_string(&Reply { bands, ms }).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let reply = match e.data().as_string() {
            Some(json) => handle(&json, js_sys::Date::now).unwrap_or_else(|msg| format!("error: {msg}")),
            None => "error: expected a JSON string".to_string(),
        };
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Natively: one request on stdin, the reply on stdout (for checks and timing).
    use std::io::Read;
    let mut json = String::new();
    if std::io::stdin().read_to_string(&mut json).is_err() {
        eprintln!("eduplan-mc: cannot read stdin");
        std::process::exit(2);
    }
    let start = std::time::Instant::now();
    match handle(&json, || start.elapsed().as_secs_f64() * 1000.0) {
        Ok(reply) => println!("{reply}"),
        Err(e) => {
            eprintln!("eduplan-mc: {e}");
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_with_bands_or_an_error() {
        let reply = handle(
            r#"{"scenario": {}, "settings": {"draws": 3, "seed": 1, "spread": 1.0}}"#,
            || 0.0,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&reply).unwrap();
        assert_eq!(v["bands"]["draws"], 3);
        assert!(handle("{", || 0.0).unwrap_err().contains("not a request"));
        assert!(handle(
            r#"{"scenario": {"levers": {"kg.public_seats": -1}}, "settings": {"draws": 3, "seed": 1, "spread": 1.0}}"#,
            || 0.0
        )
        .is_err());
    }
}
