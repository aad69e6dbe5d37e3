//! The offline copy: registers the service worker (`sw.js`, written into the
//! built folder by `tools/post_build.py` from `assets/sw.js`) and reports when
//! a newer build is waiting.
//!
//! The page never runs on two builds' files: a new build's worker waits until
//! [`apply_update`] lets it take over, and every open page reloads when the
//! worker in charge changes (the scenario is in the address and the autosave).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How often an open page asks whether a new build was deployed (ms).
const CHECK_EVERY_MS: i32 = 30 * 60 * 1000;

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let window = web_sys::window()?;
    // no service workers on plain http (other than localhost) or where the browser has none
    if !window.is_secure_context() {
        return None;
    }
    let nav = window.navigator();
    js_sys::Reflect::has(&nav, &"serviceWorker".into())
        .ok()
        .filter(|has| *has)
        .map(|_| nav.service_worker())
}

/// Registers `./sw.js` and calls `on_waiting` once a newer build is installed
/// and waiting (at once if one is already). Does nothing where service workers
/// are unavailable; a failed registration (no `sw.js`, as under `trunk serve`)
/// only means no offline copy.
pub fn register(on_waiting: impl Fn() + 'static) {
    let Some(sw) = container() else { return };
    // whether a worker was in charge: the first install takes the page over
    // without a reload (same files); every later change of worker reloads it,
    // also in a page first opened before any worker (then updated in place)
    let mut in_charge = sw.controller().is_some();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if std::mem::replace(&mut in_charge, true) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let opts = web_sys::RegistrationOptions::new();
        opts.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
        let Ok(reg) = JsFuture::from(sw.register_with_options("./sw.js", &opts)).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        watch(&reg, &sw, std::rc::Rc::new(on_waiting));
        check_periodically(&reg);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
    });
}

fn watch(
    reg: &web_sys::ServiceWorkerRegistration,
    sw: &web_sys::ServiceWorkerContainer,
    on_waiting: std::rc::Rc<dyn Fn()>,
) {
    if reg.waiting().is_some() && sw.controller().is_some() {
        on_waiting();
    }
    let reg2 = reg.clone();
    let sw = sw.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg2.installing() else { return };
        let (w, sw, on_waiting) = (installing.clone(), sw.clone(), on_waiting.clone());
        let on_state = Closure::<dyn FnMut()>::new(move || {
            // installed beside a running build: a newer version is waiting
            if w.state() == web_sys::ServiceWorkerState::Installed && sw.controller().is_some() {
                on_waiting();
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

fn check_periodically(reg: &web_sys::ServiceWorkerRegistration) {
    let reg = reg.clone();
    let check = Closure::<dyn FnMut()>::new(move || {
        let _ = reg.update();
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), CHECK_EVERY_MS);
    }
    check.forget();
}

/// Lets the waiting build take over; the page then reloads on its files.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    match waiting {
        Some(w) => {
            let _ = w.post_message(&JsValue::from_str("skip-waiting"));
        }
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }
}
