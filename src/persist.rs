//! The URL and the browser's storage, mirroring the state (they never own it).
//!
//! - The URL's query holds the share link of the working scenario; it is
//!   replaced (never pushed) on every change, so dragging a slider does not
//!   flood the history.
//! - `eduplan.v1.autosave` holds the working scenario and language on the
//!   bundled dataset, `eduplan.v1.autosave.<id>@<hash>` on an imported one;
//!   each is restored on reload (or on switching back to its dataset) when
//!   the URL carries no scenario.
//! - `eduplan.v1.saved` holds the named scenarios.
//!
//! Anything stored that cannot be read (corrupted, or written by something
//! else) is moved aside under `eduplan.v1.corrupt.*`, reported, and never
//! fatal. A full storage is reported once per failed write.

use eduplan_model::codec::{self, DatasetRef, Link, Notice};
use eduplan_model::summary::{same_figures, DEFAULT_DATASET_HASH};
use eduplan_model::{Dataset, Scenario};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::state::{AppState, Message, Saved};

pub const AUTOSAVE_KEY: &str = "eduplan.v1.autosave";
pub const SAVED_KEY: &str = "eduplan.v1.saved";
const CORRUPT_PREFIX: &str = "eduplan.v1.corrupt.";
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Autosave {
    format: u32,
    dataset: String,
    /// The dataset's content hash (absent in autosaves of older builds).
    #[serde(default)]
    hash: String,
    scenario: Scenario,
    lang: Lang,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedList {
    format: u32,
    items: Vec<Saved>,
}

fn storage() -> Option<web_sys::Storage> {
    // LocalStorage::raw panics when storage is unavailable (private modes,
    // sandboxed frames), so look it up without it first.
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

/// Moves an unreadable value aside and says where it went.
fn set_aside(st: &web_sys::Storage, key: &str, raw: &str) -> Message {
    let mut n = 0;
    let kept_as = loop {
        let k = format!("{CORRUPT_PREFIX}{key}.{n}");
        if st.get_item(&k).ok().flatten().is_none() || n > 50 {
            break k;
        }
        n += 1;
    };
    let _ = st.set_item(&kept_as, raw);
    let _ = st.remove_item(key);
    Message::StorageCorrupt {
        key: key.to_string(),
        kept_as,
    }
}

/// Reads a stored JSON value; `Err` carries the message after setting it aside.
fn read<T: for<'de> Deserialize<'de>>(key: &str, check: impl Fn(&T) -> bool) -> Result<Option<T>, Message> {
    let Some(st) = storage() else { return Ok(None) };
    let Some(raw) = st.get_item(key).ok().flatten() else {
        return Ok(None);
    };
    match serde_json::from_str::<T>(&raw) {
        Ok(v) if check(&v) => Ok(Some(v)),
        _ => Err(set_aside(&st, key, &raw)),
    }
}

fn write<T: Serialize>(key: &str, value: &T) -> Result<(), Message> {
    let Some(st) = storage() else {
        return Err(Message::StorageFull);
    };
    let text = serde_json::to_string(value).map_err(|_| Message::StorageFull)?;
    st.set_item(key, &text).map_err(|_: JsValue| Message::StorageFull)
}

/// The link the page was opened with, if its URL carries a scenario.
pub fn read_link(ds: &Dataset, hash: &str) -> Option<(Link, Vec<Notice>)> {
    let href = web_sys::window()?.location().href().ok()?;
    let (link, notices) = codec::decode_for(&href, ds, hash);
    link.is_link.then_some((link, notices))
}

/// The state the app starts in: the URL's scenario if it has one, otherwise
/// the autosave; saved scenarios from storage; problems as notices.
pub fn initial_state(ds: std::rc::Rc<Dataset>, hash: &str) -> AppState {
    let mut notices = Vec::new();
    // saved scenarios of every dataset share the list: one made on other
    // figures need not validate on these (it is fitted when opened)
    let saved = match read::<SavedList>(SAVED_KEY, |l| l.format == FORMAT) {
        Ok(list) => list.map(|l| l.items).unwrap_or_default(),
        Err(m) => {
            notices.push(m);
            Vec::new()
        }
    };
    let mut lang = Lang::default();
    let scenario = match read_link(&ds, hash) {
        Some((link, link_notices)) => {
            notices.extend(link_notices.into_iter().map(Message::Link));
            if let Some(l) = link.lang.as_deref().and_then(Lang::from_code) {
                lang = l;
            }
            link.scenario
        }
        None => match read::<Autosave>(&autosave_key(&ds.id, hash), |a| {
            a.format == FORMAT && (a.dataset != ds.id || a.scenario.validate(&ds).is_ok())
        }) {
            Ok(Some(a)) => {
                lang = url_lang().unwrap_or(a.lang);
                // an autosave of other figures (an older build's single slot) is not restored
                if a.dataset == ds.id && (a.hash.is_empty() || same_figures(&ds.id, &a.hash, hash)) {
                    a.scenario
                } else {
                    Scenario::default()
                }
            }
            Ok(None) => {
                lang = url_lang().unwrap_or_default();
                Scenario::default()
            }
            Err(m) => {
                notices.push(m);
                Scenario::default()
            }
        },
    };
    let mut s = AppState::on(ds, hash).starting_with(scenario, saved);
    s.lang = lang;
    s.notices = notices;
    s
}

/// The share link's query for the working state (language only when not the default).
pub fn link_query(state: &AppState) -> String {
    let lang = (state.lang != Lang::default()).then(|| state.lang.code());
    codec::encode_for(&state.scenario, &state.dataset, &state.data_ref.hash, lang, None)
}

/// The dataset named by the link the page was opened with (empty id when
/// the URL carries no link or the link names none), and the link's language.
pub fn opening_link() -> (DatasetRef, Option<Lang>) {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match codec::link_dataset(&href) {
        Some((r, lang)) => (r, lang.as_deref().and_then(Lang::from_code)),
        None => (DatasetRef::default(), None),
    }
}

/// Where the working scenario on a dataset is autosaved: the bundled dataset
/// keeps the original key, so autosaves of earlier builds are still found.
pub fn autosave_key(id: &str, hash: &str) -> String {
    if id == eduplan_model::dataset::DEFAULT_DATASET_ID
        && (hash.is_empty() || same_figures(id, hash, DEFAULT_DATASET_HASH))
    {
        AUTOSAVE_KEY.to_string()
    } else {
        format!("{AUTOSAVE_KEY}.{id}@{hash}")
    }
}

/// The `lang` of the URL's query, when the URL is not a link (after a
/// dataset switch the URL holds only the language).
pub fn url_lang() -> Option<Lang> {
    let href = web_sys::window()?.location().href().ok()?;
    let url = web_sys::Url::new(&href).ok()?;
    url.search_params().get("lang").as_deref().and_then(Lang::from_code)
}

/// The language of the autosave, if there is one.
pub fn saved_lang() -> Option<Lang> {
    let raw = storage()?.get_item(AUTOSAVE_KEY).ok().flatten()?;
    serde_json::from_str::<Autosave>(&raw).ok().map(|a| a.lang)
}

/// Clears the scenario from the URL (after switching datasets), keeping the
/// language: the workspace on the other dataset then starts from its own
/// autosave, or from its baseline.
pub fn reset_url(lang: Lang) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = format!("{path}?lang={}", lang.code());
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The full share URL of the working state.
pub fn share_url(state: &AppState) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    format!("{origin}{path}?{}", link_query(state))
}

/// The digits form of the share URL for its QR code (see
/// `codec::encode_qr_for`): the URL up to and including `z=`, and the
/// digits; `None` when a value has no digits form.
pub fn share_qr_form(state: &AppState) -> Option<(String, String)> {
    let loc = web_sys::window()?.location();
    let origin = loc.origin().ok()?;
    let path = loc.pathname().ok()?;
    let lang = (state.lang != Lang::default()).then(|| state.lang.code());
    let (head, digits) = codec::encode_qr_for(&state.scenario, &state.dataset, &state.data_ref.hash, lang, None)?;
    Some((format!("{origin}{path}?{head}"), digits))
}

/// Replaces the URL (no new history entry) with the working state's link.
pub fn mirror_url(state: &AppState) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = format!("{path}?{}", link_query(state));
    if w.location().search().ok().as_deref() != Some(&format!("?{}", link_query(state))) {
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

pub fn autosave(state: &AppState) -> Result<(), Message> {
    write(
        &autosave_key(&state.dataset.id, &state.data_ref.hash),
        &Autosave {
            format: FORMAT,
            dataset: state.dataset.id.clone(),
            hash: state.data_ref.hash.clone(),
            scenario: state.scenario.clone(),
            lang: state.lang,
        },
    )
}

/// The saved scenarios as they are in storage now (none when it cannot be read).
pub fn stored_saved() -> Vec<Saved> {
    read::<SavedList>(SAVED_KEY, |l| l.format == FORMAT)
        .ok()
        .flatten()
        .map(|l| l.items)
        .unwrap_or_default()
}

pub fn store_saved(items: &[Saved]) -> Result<(), Message> {
    write(
        SAVED_KEY,
        &SavedList {
            format: FORMAT,
            items: items.to_vec(),
        },
    )
}
