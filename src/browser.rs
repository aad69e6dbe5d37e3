//! Small browser helpers: clipboard with a fallback, file download, file read.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Copies text: the Clipboard API where the page may use it, otherwise the
/// old select-and-copy route. Returns whether either worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    // navigator.clipboard.writeText, looked up dynamically: it is missing on
    // plain-http origins other than localhost, and in some embedded browsers
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
    if let Ok(clip) = js_sys::Reflect::get(&navigator, &"clipboard".into()) {
        if let Ok(write) = js_sys::Reflect::get(&clip, &"writeText".into()) {
            if let Some(f) = write.dyn_ref::<js_sys::Function>() {
                if let Ok(p) = f.call1(&clip, &text.into()) {
                    if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                        if JsFuture::from(p).await.is_ok() {
                            return true;
                        }
                    }
                }
            }
        }
    }
    fallback_copy(&window, text)
}

fn fallback_copy(window: &web_sys::Window, text: &str) -> bool {
    let Some(doc) = window.document() else { return false };
    let Ok(el) = doc.create_element("textarea") else {
        return false;
    };
    let Ok(area) = el.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;left:-9999px;top:0");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&area);
    area.select();
    let exec = js_sys::Reflect::get(&doc, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let ok = exec
        .and_then(|f| f.call1(&doc, &"copy".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    area.remove();
    ok
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let doc = window.document().ok_or("no document")?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(|_| "cannot make the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "cannot make the file")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| "no anchor")?
        .dyn_into()
        .map_err(|_| "no anchor")?;
    a.set_href(&url);
    a.set_download(name);
    let _ = a.set_attribute("style", "display:none");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Moves keyboard focus to the first element matching `selector`, if any.
pub fn focus(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// The bytes of a file the user picked (`None` when the browser cannot read it).
pub async fn read_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buf = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}
