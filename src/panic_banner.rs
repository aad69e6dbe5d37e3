//! Turns a panic into a visible error banner instead of a dead page.
//!
//! A panic in WebAssembly aborts the module, so the banner cannot be a Yew
//! component: the hook writes it straight into the DOM, with a Reload button
//! that needs no Rust (the scenario survives the reload through the URL and
//! local storage) and a Dismiss button for reading what is underneath.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

pub const BANNER_ID: &str = "eduplan-error-banner";

/// Installs the hook (once, at start-up).
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo| {
        let message = describe(info);
        web_sys::console::error_1(&format!("EduPlan panicked: {message}").into());
        show(&message);
    }));
}

fn describe(info: &PanicHookInfo) -> String {
    let payload = info.payload();
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string());
    match info.location() {
        Some(l) => format!("{msg} ({}:{})", l.file(), l.line()),
        None => msg,
    }
}

/// Shows (or updates) the banner with `message`. Texts are in both languages
/// because the language state may be what failed.
pub fn show(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let banner = match doc.get_element_by_id(BANNER_ID) {
        Some(b) => b,
        None => {
            let Ok(b) = doc.create_element("div") else {
                return;
            };
            b.set_id(BANNER_ID);
            let _ = b.set_attribute("role", "alert");
            let _ = b.set_attribute("class", "error-banner");
            let _ = body.insert_before(&b, body.first_child().as_ref());
            b
        }
    };
    // Built with text nodes, never innerHTML: the message is not trusted markup.
    banner.set_text_content(None);
    let add = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        let _ = e.set_attribute("class", class);
        e.set_text_content(Some(text));
        banner.append_child(&e).ok()?;
        Some(e)
    };
    add("strong", "error-title", "程序出错 · Something went wrong");
    add(
        "p",
        "error-hint",
        "页面已停止响应，重新加载即可继续。The page has stopped responding; reload to continue.",
    );
    add("code", "error-message", message);
    if let Some(b) = add("button", "error-reload", "重新加载 · Reload") {
        let _ = b.set_attribute("type", "button");
        // an inline handler: the wasm module is gone after a panic
        let _ = b.set_attribute("onclick", "location.reload()");
    }
    if let Some(b) = add("button", "error-dismiss", "关闭 · Dismiss") {
        let _ = b.set_attribute("type", "button");
        let _ = b.set_attribute("onclick", "this.parentElement.remove()");
    }
    if let Some(h) = banner.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}
