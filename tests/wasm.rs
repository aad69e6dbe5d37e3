//! Browser tests (wasm-bindgen-test in headless Chromium):
//! `cargo test --target wasm32-unknown-unknown -p eduplan --test wasm`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use eduplan::app::{App, AppProps};
use eduplan::panic_banner;
use eduplan_model::{project, Dataset, Scenario};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn mount() -> web_sys::Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
fn the_panic_banner_shows_the_message_as_text_with_reload() {
    panic_banner::show("boom <b>not markup</b>");
    let banner = document()
        .get_element_by_id(panic_banner::BANNER_ID)
        .expect("banner in the DOM");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap();
    assert!(text.contains("boom <b>not markup</b>"), "{text}");
    assert!(
        banner.query_selector("b").unwrap().is_none(),
        "message must not be parsed as HTML"
    );
    let reload = banner.query_selector(".error-reload").unwrap().expect("reload button");
    assert_eq!(reload.get_attribute("onclick").as_deref(), Some("location.reload()"));
    // showing again updates the same banner
    panic_banner::show("second");
    assert_eq!(
        document()
            .query_selector_all(&format!("#{}", panic_banner::BANNER_ID))
            .unwrap()
            .length(),
        1
    );
    banner.remove();
}

#[wasm_bindgen_test]
async fn the_app_renders_in_chinese_and_switches_language() {
    let root = mount();
    let ds = Rc::new(Dataset::default_dataset().unwrap());
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            dataset: ds,
            persist: false,
            on_lang: Default::default(),
            hash: eduplan_model::summary::DEFAULT_DATASET_HASH.into(),
            dataset_json: None,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let title = root.query_selector(".title-main").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "教育规划模拟器");
    let rows = root.query_selector_all(".target-board tbody tr").unwrap().length();
    assert!(rows >= 10, "target rows: {rows}");
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(root.query_selector(".lang-switch").unwrap().unwrap()).unwrap();
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector(".title-main")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "EduPlan"
    );
    assert_eq!(
        document().document_element().unwrap().get_attribute("lang").as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
fn the_engine_in_wasm_reproduces_the_verified_figures() {
    let ds = Dataset::default_dataset().unwrap();
    let p = project(&ds, &Scenario::default());
    assert_eq!(p.value("pop.residents", 2020), Some(433_200.0));
    assert_eq!(p.value("pop.births", 2023), Some(3031.0));
}

/// The same seed gives the same bands in wasm as natively, to the bit
/// (crates/model/tests/engine.rs checks the same golden file natively).
#[wasm_bindgen_test]
fn monte_carlo_bands_are_bit_identical_to_native() {
    use eduplan_model::uncertainty::{merge, run_part, McSettings, Part};
    let golden: serde_json::Value = serde_json::from_str(include_str!("golden/bands.json")).unwrap();
    let ds = Dataset::default_dataset().unwrap();
    let settings = McSettings {
        draws: 20,
        seed: 42,
        spread: 1.0,
    };
    // as the page runs it: three workers' parts, merged
    let parts: Vec<_> = (0..3)
        .map(|i| run_part(&ds, &Scenario::default(), &settings, Part::new(i, 3).unwrap()))
        .collect();
    let b = merge(&ds, &settings, &parts);
    let hex = |x: f64| format!("{:016x}", x.to_bits());
    for (id, qs) in golden["series"].as_object().unwrap() {
        let [p10, _, p50, _, p90] = b.get(id).unwrap();
        for (name, got) in [("p10", p10), ("p50", p50), ("p90", p90)] {
            let want: Vec<&str> = qs[name]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let got: Vec<String> = got.iter().map(|x| hex(*x)).collect();
            assert_eq!(got, want, "{id} {name}");
        }
    }
    let want: Vec<&str> = golden["prob_met"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(b.prob_met.iter().map(|x| hex(*x)).collect::<Vec<_>>(), want);
}
