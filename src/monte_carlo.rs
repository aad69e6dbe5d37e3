//! The Monte Carlo on several workers at once: one per core the browser
//! reports (at least 2, at most 8), each computing a fixed part of the draws
//! (`uncertainty::Part`: draw k on worker k mod n); the page merges their
//! sorted values (`uncertainty::merge`), so the bands are the same bits
//! whatever the number of workers.

use eduplan_model::uncertainty::{merge, Bands, McSettings, Part, PartResult};
use eduplan_model::{Dataset, Scenario};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// Workers to run: the browser's cores within [2, 8]. A page may set
/// `window.eduplanMcWorkers` (1–8) first, for measurements (scripts/bench.sh).
pub fn worker_count() -> u32 {
    let Some(w) = web_sys::window() else {
        return 2;
    };
    let forced = js_sys::Reflect::get(&w, &JsValue::from_str("eduplanMcWorkers"))
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|n| (1.0..=8.0).contains(n));
    match forced {
        Some(n) => n as u32,
        None => (w.navigator().hardware_concurrency() as u32).clamp(2, 8),
    }
}

/// Runs `settings.draws` draws of `scenario` on the dataset in use
/// (`dataset_json` travels to the workers; `None` = the bundled one) and
/// returns the bands with the wall time in milliseconds. Errors in English
/// for the console: a worker that failed or answered out of shape.
pub async fn run(
    ds: &Dataset,
    dataset_json: Option<&str>,
    scenario: &Scenario,
    settings: &McSettings,
) -> Result<(Bands, f64), String> {
    let started = now();
    let n = worker_count();
    let requests = js_sys::Array::new();
    for index in 0..n {
        let req = serde_json::json!({
            "dataset": dataset_json,
            "scenario": scenario,
            "settings": settings,
            "part": Part { index, of: n },
        })
        .to_string();
        requests.push(&future_to_promise(async move {
            crate::workers::request_on(crate::workers::MC, index, &JsValue::from_str(&req))
                .await
                .map_err(|e| JsValue::from_str(&e))
        }));
    }
    let answers = JsFuture::from(js_sys::Promise::all(&requests))
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "a worker failed".into()))?;
    let parts = answers
        .dyn_into::<js_sys::Array>()
        .map_err(|_| "no answers".to_string())?
        .iter()
        .map(|a| part_of(&a))
        .collect::<Result<Vec<_>, _>>()?;
    let bands = merge(ds, settings, &parts);
    if bands.draws != settings.draws.clamp(1, eduplan_model::uncertainty::MAX_DRAWS) {
        return Err(format!("{} of {} draws came back", bands.draws, settings.draws));
    }
    Ok((bands, now() - started))
}

/// A worker's answer for a part (see crates/mc-worker).
fn part_of(answer: &JsValue) -> Result<PartResult, String> {
    let get = |k: &str| js_sys::Reflect::get(answer, &JsValue::from_str(k)).map_err(|_| format!("no {k}"));
    let meta: serde_json::Value = get("meta")?
        .as_string()
        .and_then(|s| serde_json::from_str(&s).ok())
        .ok_or("no meta")?;
    let values = get("values")?
        .dyn_into::<js_sys::Float64Array>()
        .map_err(|_| "values are not a Float64Array")?;
    let lens = get("lens")?
        .dyn_into::<js_sys::Uint32Array>()
        .map_err(|_| "lens are not a Uint32Array")?;
    let met = get("met")?
        .dyn_into::<js_sys::Uint32Array>()
        .map_err(|_| "met is not a Uint32Array")?;
    Ok(PartResult {
        draws: meta["draws"].as_u64().unwrap_or(0) as u32,
        years: serde_json::from_value(meta["years"].clone()).unwrap_or_default(),
        values: values.to_vec(),
        lens: lens.to_vec(),
        met: met.to_vec(),
    })
}

fn now() -> f64 {
    js_sys::Date::now()
}
