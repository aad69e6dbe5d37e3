//! The Monte Carlo worker: receives `{"dataset": <json or null>, "scenario": …,
//! "settings": {draws, seed, spread}, "part": {index, of} or absent}` and
//! answers with `{"bands": …, "ms": elapsed}` (no part: every draw) or, for
//! a part, an object `{meta: "{\"draws\": …, \"years\": […], \"ms\": …}", values:
//! Float64Array, lens: Uint32Array, met: Uint32Array}` whose buffers are
//! transferred (see `uncertainty::PartResult`; the page merges the parts), or
//! a string starting `error:`. Runs in a dedicated web worker so the page
//! never freezes while draws run; the page starts one per core (at least 2,
//! at most 8); posts `ready` once listening.

use eduplan_model::uncertainty::{run, run_part, Bands, McSettings, Part, PartResult};
use eduplan_model::{Dataset, Scenario};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct Request {
    /// A dataset as JSON; the bundled default when absent.
    #[serde(default)]
    pub dataset: Option<String>,
    pub scenario: Scenario,
    pub settings: McSettings,
    /// The draws to compute; all of them when absent.
    #[serde(default)]
    pub part: Option<Part>,
}

#[derive(Serialize)]
pub struct Reply {
    pub bands: Bands,
    pub ms: f64,
}

thread_local! {
    /// The last dataset read, with the JSON it was read from (`None` = the
    /// bundled one): draws for the same data do not parse it again.
    static LAST: std::cell::RefCell<Option<(Option<String>, std::rc::Rc<Dataset>)>> = const { std::cell::RefCell::new(None) };
}

/// The dataset a request names, parsed once per distinct JSON.
fn dataset(json: Option<&str>) -> Result<std::rc::Rc<Dataset>, String> {
    if let Some(ds) = LAST.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(text, _)| text.as_deref() == json)
            .map(|(_, ds)| ds.clone())
    }) {
        return Ok(ds);
    }
    let ds = std::rc::Rc::new(match json {
        Some(text) => Dataset::from_json(text).map_err(|e| e.to_string())?,
        None => Dataset::default_dataset().map_err(|e| e.to_string())?,
    });
    LAST.with(|l| *l.borrow_mut() = Some((json.map(str::to_string), ds.clone())));
    Ok(ds)
}

/// What a request asks for: all draws' bands (JSON) or one part's values.
#[derive(Debug)]
pub enum Answer {
    Bands(String),
    Part { result: PartResult, ms: f64 },
}

/// Handles one request; `now` reads a clock in milliseconds.
pub fn handle(json: &str, now: impl Fn() -> f64) -> Result<Answer, String> {
    let req: Request = serde_json::from_str(json).map_err(|e| format!("not a request: {e}"))?;
    let ds = dataset(req.dataset.as_deref())?;
    req.scenario.validate(&ds).map_err(|e| e.to_string())?;
    let t0 = now();
    if let Some(part) = req.part {
        let part = Part::new(part.index, part.of).ok_or("no such part")?;
        let result = run_part(&ds, &req.scenario, &req.settings, part);
        return Ok(Answer::Part { result, ms: now() - t0 });
    }
    let bands = run(&ds, &req.scenario, &req.settings);
    let ms = now() - t0;
    serde_json::to_string(&Reply { bands, ms })
        .map(Answer::Bands)
        .map_err(|e| e.to_string())
}

/// A part's answer as a message: typed arrays, their buffers transferred.
#[cfg(target_arch = "wasm32")]
fn part_message(result: &PartResult, ms: f64) -> (wasm_bindgen::JsValue, js_sys::Array) {
    use wasm_bindgen::JsValue;
    let values = js_sys::Float64Array::from(result.values.as_slice());
    let lens = js_sys::Uint32Array::from(result.lens.as_slice());
    let met = js_sys::Uint32Array::from(result.met.as_slice());
    let meta = serde_json::json!({ "draws": result.draws, "years": result.years, "ms": ms }).to_string();
    let msg = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&msg, &JsValue::from_str(k), v);
    };
    set("meta", &JsValue::from_str(&meta));
    set("values", &values);
    set("lens", &lens);
    set("met", &met);
    let transfer = js_sys::Array::of3(&values.buffer(), &lens.buffer(), &met.buffer());
    (msg.into(), transfer)
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let answer = match e.data().as_string() {
            Some(json) => handle(&json, js_sys::Date::now),
            None => Err("expected a JSON string".to_string()),
        };
        let _ = match answer {
            Ok(Answer::Bands(json)) => reply_to.post_message(&JsValue::from_str(&json)),
            Ok(Answer::Part { result, ms }) => {
                let (msg, transfer) = part_message(&result, ms);
                reply_to.post_message_with_transfer(&msg, &transfer)
            }
            Err(msg) => reply_to.post_message(&JsValue::from_str(&format!("error: {msg}"))),
        };
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
        Ok(Answer::Bands(reply)) => println!("{reply}"),
        Ok(Answer::Part { result, ms }) => println!(
            "{}",
            serde_json::json!({"draws": result.draws, "years": result.years, "values": result.values, "lens": result.lens, "met": result.met, "ms": ms})
        ),
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
        let Ok(Answer::Bands(reply)) = handle(
            r#"{"scenario": {}, "settings": {"draws": 3, "seed": 1, "spread": 1.0}}"#,
            || 0.0,
        ) else {
            panic!("bands expected");
        };
        let v: serde_json::Value = serde_json::from_str(&reply).unwrap();
        assert_eq!(v["bands"]["draws"], 3);
        // a part: its share of the draws (draws 1 of 0, 1, 2)
        let Ok(Answer::Part { result, .. }) = handle(
            r#"{"scenario": {}, "settings": {"draws": 3, "seed": 1, "spread": 1.0}, "part": {"index": 1, "of": 2}}"#,
            || 0.0,
        ) else {
            panic!("a part expected");
        };
        assert_eq!(result.lens[0], 1);
        assert!(handle(
            r#"{"scenario": {}, "settings": {"draws": 3, "seed": 1, "spread": 1.0}, "part": {"index": 2, "of": 2}}"#,
            || 0.0
        )
        .is_err());
        assert!(handle("{", || 0.0).unwrap_err().contains("not a request"));
        assert!(handle(
            r#"{"scenario": {"levers": {"kg.public_seats": -1}}, "settings": {"draws": 3, "seed": 1, "spread": 1.0}}"#,
            || 0.0
        )
        .is_err());
    }
}
