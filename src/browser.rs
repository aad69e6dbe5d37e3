//! Small browser helpers: clipboard with a fallback, file download, file read.

use std::cell::RefCell;
use std::rc::Rc;

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

/// True inside WeChat's or WeCom's in-app browser (user agent `MicroMessenger`
/// or `wxwork`), which drops blob downloads without a word.
pub fn in_wechat() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| is_wechat_agent(&ua))
}

/// Whether a user-agent string is WeChat's or WeCom's in-app browser.
pub fn is_wechat_agent(ua: &str) -> bool {
    let ua = ua.to_ascii_lowercase();
    ua.contains("micromessenger") || ua.contains("wxwork")
}

/// A download the browser would drop (in WeChat): its file name, and for a
/// PNG the picture as a `data:` address to show for a long press.
#[derive(Clone, Debug, PartialEq)]
pub struct Blocked {
    pub name: String,
    pub image: Option<String>,
}

/// What shows a blocked download's guidance.
pub type ShowBlocked = Rc<dyn Fn(Blocked)>;

thread_local! {
    /// Shows the guidance for a blocked download (set by `WeChatGuide`).
    static ON_BLOCKED: RefCell<Option<ShowBlocked>> = RefCell::new(None);
}

/// Sets (or clears) what a blocked download shows.
pub fn on_blocked(show: Option<ShowBlocked>) {
    ON_BLOCKED.with(|b| *b.borrow_mut() = show);
}

/// In WeChat, shows the guidance for `what` (a file name, or the print) and
/// returns true: the caller then does nothing more. Elsewhere returns false.
pub fn blocked_in_wechat(what: &str, image: impl FnOnce() -> Option<String>) -> bool {
    if !in_wechat() {
        return false;
    }
    let Some(show) = ON_BLOCKED.with(|b| b.borrow().clone()) else {
        return false;
    };
    show(Blocked {
        name: what.to_string(),
        image: image(),
    });
    true
}

/// Offers `bytes` as a file download named `name`; in WeChat, shows how to
/// open the page in the system browser instead (and a PNG as a picture).
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let image = || (mime == "image/png").then(|| data_url(mime, bytes)).flatten();
    if blocked_in_wechat(name, image) {
        return Ok(());
    }
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

/// `bytes` as a `data:` address (base64 through the browser's `btoa`).
fn data_url(mime: &str, bytes: &[u8]) -> Option<String> {
    // btoa takes a "binary string": one char per byte
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    let b64 = web_sys::window()?.btoa(&binary).ok()?;
    Some(format!("data:{mime};base64,{b64}"))
}

/// Moves keyboard focus to the first element matching `selector`, if any;
/// true when it took the focus.
pub fn focus(selector: &str) -> bool {
    let doc = web_sys::window().and_then(|w| w.document());
    let el = doc
        .as_ref()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(el) = el else {
        return false;
    };
    let _ = el.focus();
    // a hidden element (the closed levers sheet on a phone) does not take focus
    doc.and_then(|d| d.active_element()).is_some_and(|a| a == *el.as_ref())
}

/// Focuses `selector` once the render under way is done (a timer tick): for
/// an element the next render shows or keeps.
pub fn focus_later(selector: String) {
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        focus(&selector);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
    }
}

/// The bytes of a file the user picked (`None` when the browser cannot read it).
pub async fn read_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buf = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

#[cfg(test)]
mod tests {
    use super::is_wechat_agent;

    #[test]
    fn wechat_and_wecom_are_recognised_by_their_agents() {
        let wechat = "Mozilla/5.0 (Linux; Android 13; V2229A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 \
                      Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560";
        let wecom = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                     Mobile/15E148 wxwork/4.1.16 MicroMessenger/7.0.1 Language/zh";
        let wecom_desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/108.0 wxwork/4.1.10";
        assert!(is_wechat_agent(wechat));
        assert!(is_wechat_agent(wecom));
        assert!(is_wechat_agent(wecom_desktop));
        for other in [
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 DingTalk/7.0",
            "",
        ] {
            assert!(!is_wechat_agent(other), "{other}");
        }
    }
}
