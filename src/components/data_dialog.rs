//! The data dialog (the 数据 menu): the datasets kept in this browser with a
//! switcher, the template download, the import (file picker and drop zone),
//! the export of the dataset in use, and the preview of an import.

use std::rc::Rc;

use eduplan_model::summary::SourceCounts;
use yew::prelude::*;

use crate::components::import_preview::ImportPreview;
use crate::data_files::SendError;
use crate::data_ops;
use crate::datasets::StoreError;
use crate::i18n::{fill, Lang, Strings};
use crate::library::{use_data, Dialog, LibAction, LibMessage, Library};
use crate::modal;
use crate::root::file_list;

/// "教育局统计数据12项，估算3项": the kinds of a dataset's sources.
pub fn sources_text(c: &SourceCounts, t: &Strings) -> String {
    let parts: Vec<String> = [
        (c.bureau, t.source_bureau),
        (c.verified, t.source_verified),
        (c.derived, t.source_derived),
        (c.estimate, t.source_estimate),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, label)| fill(t.sources_count, &[("kind", label), ("n", &n.to_string())]))
    .collect();
    parts.join(t.list_sep)
}

/// A message of the data dialog in the interface language.
pub fn message_text(m: &LibMessage, t: &Strings, lang: Lang) -> String {
    let detail = |why: &str| {
        if lang == Lang::En {
            format!(" ({why})")
        } else {
            String::new()
        }
    };
    match m {
        LibMessage::NotStored(StoreError::TooLarge { needed, limit }) => fill(
            t.store_too_large,
            &[("needed", &needed.to_string()), ("limit", &limit.to_string())],
        ),
        LibMessage::NotStored(StoreError::Unavailable) => t.store_unavailable.to_string(),
        LibMessage::NotStored(_) => t.store_full.to_string(),
        LibMessage::ReadFailed(SendError::TooLarge(name)) => fill(t.file_too_large, &[("file", name)]),
        LibMessage::ReadFailed(SendError::Unreadable(name)) => fill(t.file_unreadable, &[("file", name)]),
        LibMessage::ReadFailed(SendError::Worker(why)) => format!("{}{}", t.import_worker_failed, detail(why)),
        LibMessage::ExportFailed(why) => format!("{}{}", t.export_failed, detail(why)),
        LibMessage::Unreadable(key) => fill(t.dataset_unreadable, &[("key", key)]),
        LibMessage::NotForLink(name) => fill(t.not_for_link, &[("name", name)]),
    }
}

/// The file picker (several files at once) and the drop zone around it.
#[function_component]
pub fn FilePicker() -> Html {
    let Some(data) = use_data() else { return html! {} };
    let t = data.lib.t();
    let onchange = {
        let lib = data.lib.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let files = input.files().map(file_list).unwrap_or_default();
            // the same file picked again must fire `change` again
            input.set_value("");
            data_ops::start_import(lib.clone(), files);
        })
    };
    html! {
        <div class="drop-zone">
            <p>{ t.drop_hint }</p>
            <label class="button primary file-button">
                { t.choose_files }
                <input type="file" multiple=true class="file-input" accept=".xlsx,.xls,.csv,.txt,.json" {onchange} />
            </label>
            <p class="hint">{ t.import_privacy }</p>
        </div>
    }
}

fn dataset_items(lib: &UseReducerHandle<Library>) -> Html {
    let t = lib.t();
    let lang = lib.lang;
    let active_key = lib.active.key.clone();
    let builtin = {
        let ds = &lib.builtin.dataset;
        let s = eduplan_model::summary::Summary::of(ds);
        let l = lib.clone();
        let use_it = Callback::from(move |_| data_ops::switch(&l, None));
        html! {
            <li class={classes!("dataset-item", active_key.is_none().then_some("active"))} data-key="builtin">
                <div class="dataset-head">
                    <strong>{ lang.pick(&ds.name.zh, &ds.name.en) }</strong>
                    <span class="tag">{ t.dataset_bundled }</span>
                </div>
                <p class="dataset-facts">
                    { fill(t.base_year_is, &[("year", &ds.base_year.to_string())]) }{ t.list_sep }{ sources_text(&s.sources, t) }
                </p>
                <div class="dataset-actions">
                    if active_key.is_none() { <span class="in-use">{ t.dataset_in_use }</span> }
                    else { <button type="button" class="use-dataset" onclick={use_it}>{ t.use_dataset }</button> }
                </div>
            </li>
        }
    };
    let stored = lib.stored.iter().map(|m| {
        let is_active = active_key.as_deref() == Some(m.key.as_str());
        let (l1, l2, k1, k2) = (lib.clone(), lib.clone(), m.key.clone(), m.key.clone());
        let use_it = Callback::from(move |_| data_ops::switch(&l1, Some(&k1)));
        let confirm_text = fill(t.confirm_delete_dataset, &[("name", lang.pick(&m.name.zh, &m.name.en))]);
        let delete = Callback::from(move |_| {
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(&confirm_text).ok())
                .unwrap_or(false);
            if ok {
                data_ops::delete(&l2, &k2);
            }
        });
        html! {
            <li class={classes!("dataset-item", is_active.then_some("active"))} data-key={m.key.clone()}>
                <div class="dataset-head">
                    <strong>{ lang.pick(&m.name.zh, &m.name.en) }</strong>
                    <span class="tag bureau">{ t.dataset_imported }</span>
                </div>
                <p class="dataset-facts">
                    { fill(t.base_year_is, &[("year", &m.base_year.to_string())]) }{ t.list_sep }{ sources_text(&m.sources, t) }
                </p>
                <p class="dataset-files">{ fill(t.imported_from, &[("files", &m.files.join(t.list_sep)), ("date", &m.imported)]) }</p>
                <div class="dataset-actions">
                    if is_active { <span class="in-use">{ t.dataset_in_use }</span> }
                    else { <button type="button" class="use-dataset" onclick={use_it}>{ t.use_dataset }</button> }
                    <button type="button" class="delete-dataset danger" onclick={delete}>{ t.delete }</button>
                </div>
            </li>
        }
    });
    html! { <ul class="dataset-list">{ builtin }{ for stored }</ul> }
}

fn menu(lib: &UseReducerHandle<Library>) -> Html {
    let t = lib.t();
    let (l1, l2, l3) = (lib.clone(), lib.clone(), lib.clone());
    let template = Callback::from(move |_| data_ops::download_template(l1.clone()));
    let export_template = Callback::from(move |_| data_ops::download_template(l2.clone()));
    let export_json = Callback::from(move |_| data_ops::download_json(&l3));
    html! {
        <>
            <section class="data-section">
                <h3>{ t.datasets_here }</h3>
                { dataset_items(lib) }
            </section>
            <section class="data-section">
                <h3>{ t.import_data }</h3>
                <p class="hint">{ t.import_steps }</p>
                <button type="button" class="download-template" onclick={template}>{ t.download_template }</button>
                <FilePicker />
            </section>
            <section class="data-section">
                <h3>{ t.export_dataset }</h3>
                <div class="button-row">
                    <button type="button" class="export-dataset-xlsx" onclick={export_template}>{ t.export_dataset_xlsx }</button>
                    <button type="button" class="export-dataset-json" onclick={export_json}>{ t.export_dataset_json }</button>
                </div>
            </section>
        </>
    }
}

#[function_component]
pub fn DataDialog() -> Html {
    let data = use_data();
    let lib = data.map(|d| d.lib);
    // Esc closes the dialog (and cancels a preview: nothing has changed yet);
    // Tab and Shift+Tab go round the dialog's own controls
    {
        let lib = lib.clone();
        use_effect_with((), move |_| {
            let listener = lib.and_then(|lib| {
                modal::keys(".data-dialog", modal::Over::Page, move || {
                    lib.dispatch(LibAction::CloseDialog)
                })
            });
            move || drop(listener)
        });
    }
    // focus moves into the dialog when it opens, the page behind is inert
    // (Tab stays in the dialog), and focus returns to the 数据 button after
    let dialog_ref = use_node_ref();
    {
        let r = dialog_ref.clone();
        use_effect_with((), move |_| {
            let opened = r.cast::<web_sys::HtmlElement>().map(|el| modal::open(&el));
            move || {
                if let Some(o) = opened {
                    o.close(".data-menu-button");
                }
            }
        });
    }
    let Some(lib) = lib else { return html! {} };
    let t = lib.t();
    let close = {
        let lib = lib.clone();
        Callback::from(move |_| lib.dispatch(LibAction::CloseDialog))
    };
    let body = match &lib.dialog {
        Dialog::Closed => html! {},
        Dialog::Menu => menu(&lib),
        Dialog::Reading { files, .. } => html! {
            <p class="reading" role="status">{ fill(t.reading_files, &[("files", &files.join(t.list_sep))]) }</p>
        },
        Dialog::Preview(p) => html! { <ImportPreview preview={Rc::clone(p)} /> },
    };
    html! {
        <div class="modal-backdrop">
            <div class="modal data-dialog" role="dialog" aria-modal="true" aria-labelledby="data-dialog-title"
                lang={lib.lang.tag()} tabindex="-1" ref={dialog_ref}>
                <div class="modal-head">
                    <h2 id="data-dialog-title">{ t.data_menu_title }</h2>
                    <button type="button" class="modal-close" onclick={close} aria-label={t.close}>{ "×" }</button>
                </div>
                if let Some(m) = &lib.message {
                    <p class="data-message" role="alert">{ message_text(m, t, lib.lang) }</p>
                }
                { body }
            </div>
        </div>
    }
}
