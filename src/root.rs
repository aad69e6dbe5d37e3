//! The root: chooses the dataset to plan on (the opening link's, the one last
//! used, or the bundled one), keeps the dataset library state, and mounts one
//! workspace per dataset. A link made on a dataset this browser does not have
//! never runs on other figures: the workspace waits behind a notice.

use std::rc::Rc;

use eduplan_model::Dataset;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::App;
use crate::components::{
    data_dialog::DataDialog, missing_dataset::MissingDataset, update_notice::UpdateNotice, wechat_guide::WeChatGuide,
};
use crate::datasets::{self, Active};
use crate::library::{DataCtx, Dialog, LibAction, LibMessage, Library};

#[derive(Properties, PartialEq)]
pub struct RootProps {
    /// The bundled dataset.
    pub builtin: Rc<Dataset>,
}

/// The dataset in use at start, and what went wrong choosing it.
fn initial(builtin: Rc<Dataset>) -> Library {
    let builtin = Active::builtin(builtin);
    let stored = datasets::list();
    let (wanted, link_lang) = crate::persist::opening_link();
    let lang = link_lang
        .or_else(crate::persist::url_lang)
        .or_else(crate::persist::saved_lang)
        .unwrap_or_default();
    let mut message = None;
    let mut load = |key: &str| match datasets::load(key) {
        Ok(a) => Some(a),
        Err(_) => {
            message = Some(LibMessage::Unreadable(key.to_string()));
            None
        }
    };
    let remembered = datasets::active_key().and_then(|k| load(&k));
    let mut missing = None;
    let active = if wanted.id.is_empty() {
        remembered.unwrap_or_else(|| builtin.clone())
    } else if let Some(a) = remembered.filter(|a| wanted.matches(&a.dataset.id, &a.hash)) {
        a
    } else if wanted.matches(&builtin.dataset.id, &builtin.hash) {
        builtin.clone()
    } else if let Some(a) = stored
        .iter()
        .find(|m| wanted.matches(&m.id, &m.hash))
        .and_then(|m| load(&m.key))
    {
        a
    } else {
        missing = Some(wanted);
        datasets::active_key()
            .and_then(|k| load(&k))
            .unwrap_or_else(|| builtin.clone())
    };
    if missing.is_none() {
        datasets::set_active(active.key.as_deref());
    }
    Library {
        lang,
        builtin,
        active,
        stored: datasets::list(),
        dialog: if message.is_some() {
            Dialog::Menu
        } else {
            Dialog::Closed
        },
        missing,
        message,
        generation: 0,
    }
}

/// Files dropped anywhere on the page go to the import (the browser would
/// otherwise open them in place of the app).
#[hook]
fn use_file_drop(lib: UseReducerHandle<Library>) {
    use_effect_with((), move |_| {
        let listeners = web_sys::window().map(|w| {
            let opts = EventListenerOptions::enable_prevent_default();
            let over = EventListener::new_with_options(&w, "dragover", opts, |e| {
                if carries_files(e) {
                    e.prevent_default();
                }
            });
            let drop = EventListener::new_with_options(&w, "drop", opts, move |e| {
                let Some(d) = e.dyn_ref::<web_sys::DragEvent>() else {
                    return;
                };
                if !carries_files(e) {
                    return;
                }
                e.prevent_default();
                let files = d
                    .data_transfer()
                    .and_then(|t| t.files())
                    .map(file_list)
                    .unwrap_or_default();
                crate::data_ops::start_import(lib.clone(), files);
            });
            (over, drop)
        });
        move || drop(listeners)
    });
}

fn carries_files(e: &web_sys::Event) -> bool {
    e.dyn_ref::<web_sys::DragEvent>()
        .and_then(|d| d.data_transfer())
        .is_some_and(|t| t.types().includes(&"Files".into(), 0))
}

/// The files of a file list, in order.
pub fn file_list(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[function_component]
pub fn Root(props: &RootProps) -> Html {
    let lib = {
        let b = props.builtin.clone();
        use_reducer(move || initial(b))
    };
    use_file_drop(lib.clone());
    let on_lang = {
        let lib = lib.clone();
        Callback::from(move |l| {
            if l != lib.lang {
                lib.dispatch(LibAction::SetLang(l))
            }
        })
    };
    let active = &lib.active;
    let key = format!("{}@{}#{}", active.dataset.id, active.hash, lib.generation);
    // after a switch the new workspace's 数据 button takes the focus the
    // closed dialog gave back (the old button is gone)
    {
        let first = use_mut_ref(|| true);
        use_effect_with(lib.generation, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let on_body = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if on_body {
                crate::browser::focus(".data-menu-button");
            }
        });
    }
    html! {
        <ContextProvider<DataCtx> context={DataCtx { lib: lib.clone() }}>
            <UpdateNotice lang={lib.lang} />
            if lib.missing.is_some() {
                <MissingDataset />
            } else {
                <App {key} dataset={active.dataset.clone()} hash={active.hash.clone()} {on_lang}
                    dataset_json={active.key.is_some().then(|| active.json.clone())} />
            }
            if lib.dialog != Dialog::Closed { <DataDialog /> }
            <WeChatGuide lang={lib.lang} imported={active.key.is_some()} />
        </ContextProvider<DataCtx>>
    }
}
