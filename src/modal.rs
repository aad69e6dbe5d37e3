//! Focus for a modal view (the data dialog, presentation mode): while it is
//! open the page behind it is inert, so Tab and screen readers stay in it;
//! when it closes, focus goes back where it was.

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// What the page behind a modal view is made of.
const BACKGROUND: &str = ".app, .missing-dataset";

/// An open modal view: remembers the element that had focus before it.
pub struct Opened {
    before: Option<HtmlElement>,
}

/// Makes the page behind inert and moves focus to `view` (which should have
/// `tabindex="-1"`).
pub fn open(view: &HtmlElement) -> Opened {
    let before = document()
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .filter(|e| !e.tag_name().eq_ignore_ascii_case("body"));
    set_background_inert(true);
    let _ = view.focus();
    Opened { before }
}

impl Opened {
    /// Makes the page live again and returns focus to the element focused
    /// before, or, when that is gone (the workspace was rebuilt) or was
    /// inside the view, to the first match of `fallback`.
    pub fn close(self, fallback: &str) {
        set_background_inert(false);
        match self.before.filter(|e| e.is_connected()) {
            Some(e) => {
                let _ = e.focus();
            }
            None => {
                crate::browser::focus(fallback);
            }
        }
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn set_background_inert(on: bool) {
    let Some(list) = document().and_then(|d| d.query_selector_all(BACKGROUND).ok()) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = if on {
                el.set_attribute("inert", "")
            } else {
                el.remove_attribute("inert")
            };
        }
    }
}

/// Which listeners a modal view's keys go before.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// The page: the view listens as other window listeners do.
    Page,
    /// Another modal view (the WeChat guidance over the data dialog): the
    /// view listens first of all (capture on the window) and its Esc and Tab
    /// go no further.
    AnotherView,
}

/// Esc and Tab for the modal view `scope`: Esc calls `close`, Tab and
/// Shift+Tab go round the view's own controls ([`wrap_focus`]). The keys are
/// heard while the returned listener lives (`None` without a window).
pub fn keys(scope: &'static str, over: Over, close: impl Fn() + 'static) -> Option<EventListener> {
    let w = web_sys::window()?;
    let opts = EventListenerOptions {
        phase: match over {
            Over::Page => EventListenerPhase::Bubble,
            Over::AnotherView => EventListenerPhase::Capture,
        },
        passive: false,
    };
    Some(EventListener::new_with_options(&w, "keydown", opts, move |e| {
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        match k.key().as_str() {
            "Escape" => close(),
            "Tab" => {
                if wrap_focus(scope, k.shift_key()) {
                    k.prevent_default();
                }
            }
            _ => return,
        }
        if over == Over::AnotherView {
            k.stop_propagation();
        }
    }))
}

/// Tab from the last control of the view `scope` goes to its first (Shift+Tab
/// from the first to the last), and Tab from outside it comes back in; returns
/// whether focus was moved (the caller then prevents the default).
pub fn wrap_focus(scope: &str, back: bool) -> bool {
    let Some(doc) = document() else {
        return false;
    };
    let controls = [
        "button:not([disabled])",
        "input:not([disabled])",
        "select:not([disabled])",
        "summary",
        "a[href]",
        "[tabindex=\"0\"]",
    ]
    .map(|c| format!("{scope} {c}"))
    .join(", ");
    let Ok(list) = doc.query_selector_all(&controls) else {
        return false;
    };
    let items: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.get(i).and_then(|n| n.dyn_into().ok()))
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return false;
    };
    let active = doc.active_element();
    let at = |el: &HtmlElement| active.as_ref().is_some_and(|a| a == el.as_ref());
    let outside = active
        .as_ref()
        .is_none_or(|a| a.closest(scope).ok().flatten().is_none() || a.matches(scope).unwrap_or(false));
    let target = match back {
        false if at(last) || outside => first,
        true if at(first) || outside => last,
        _ => return false,
    };
    let _ = target.focus();
    true
}
