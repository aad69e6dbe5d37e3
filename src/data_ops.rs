//! What the data menu does: import files (read by the worker, then shown as
//! a preview), apply an import, switch, delete and export datasets. Each
//! step's storage or worker trouble becomes a [`LibMessage`], never silence.

use std::rc::Rc;

use eduplan_model::import_report::ImportReply;
use eduplan_model::Dataset;
use yew::UseReducerHandle;

use crate::datasets::{self, Active};
use crate::library::{LibAction, LibMessage, Library, Preview};

thread_local! {
    /// Numbers the imports: a preview is shown only for the latest files chosen.
    static IMPORTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Reads the files in the worker and shows the preview (nothing changes yet).
pub fn start_import(lib: UseReducerHandle<Library>, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let names: Vec<String> = files.iter().map(|f| f.name()).collect();
    let seq = IMPORTS.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    lib.dispatch(LibAction::Reading {
        files: names.clone(),
        seq,
    });
    // files for a link waiting for its data go onto the bundled dataset, as
    // they most likely did for the sender: parts a file leaves out then match
    let base = if lib.missing.is_some() {
        lib.builtin.json.clone()
    } else {
        lib.active.json.clone()
    };
    wasm_bindgen_futures::spawn_local(async move {
        match crate::data_files::import(&files, &base).await {
            Ok(reply) => lib.dispatch(LibAction::Previewed(Rc::new(Preview {
                files: names,
                reply,
                seq,
            }))),
            Err(e) => lib.dispatch(LibAction::ReadFailed {
                seq,
                message: LibMessage::ReadFailed(e),
            }),
        }
    });
}

/// Puts a dataset in use: the URL is set to its baseline (unless it is the
/// dataset the opening link was waiting for, whose scenario then opens).
fn activate(
    lib: &UseReducerHandle<Library>,
    active: Active,
    stored: Option<Vec<datasets::StoredMeta>>,
    message: Option<LibMessage>,
) {
    // with a link waiting for its dataset, the URL keeps the link: it opens
    // once that dataset is applied
    if lib.missing.is_none() {
        crate::persist::reset_url(lib.lang);
    }
    lib.dispatch(LibAction::Activated {
        active,
        stored,
        message,
    });
}

/// Applies a previewed import: keeps the dataset in this browser (reporting
/// if it cannot) and plans on it from now on.
pub fn apply(lib: &UseReducerHandle<Library>, preview: &Preview) {
    let ImportReply::Imported(imported) = &preview.reply else {
        return;
    };
    let active = match Active::parse(&imported.dataset, &imported.hash) {
        Ok(a) => a,
        // the worker checked it; a failure here is a defect, reported all the same
        Err(e) => {
            let why = crate::data_files::SendError::Worker(e.to_string());
            lib.dispatch(LibAction::Say(LibMessage::ReadFailed(why)));
            return;
        }
    };
    let key = active.key.clone().unwrap_or_default();
    match datasets::store(&active, &preview.files, &crate::exports::today()) {
        Ok(list) => {
            datasets::set_active(Some(&key));
            activate(lib, active, Some(list), None);
        }
        Err(e) => activate(lib, active, None, Some(LibMessage::NotStored(e))),
    }
}

/// Switches to a stored dataset (`None`: the bundled one).
pub fn switch(lib: &UseReducerHandle<Library>, key: Option<&str>) {
    let Some(key) = key else {
        datasets::set_active(None);
        activate(lib, lib.builtin.clone(), None, None);
        return;
    };
    match datasets::load(key) {
        Ok(active) => {
            datasets::set_active(Some(key));
            activate(lib, active, None, None);
        }
        Err(_) => {
            lib.dispatch(LibAction::Stored(datasets::list()));
            lib.dispatch(LibAction::Say(LibMessage::Unreadable(key.to_string())));
        }
    }
}

/// Deletes a stored dataset; deleting the one in use returns to the bundled one.
pub fn delete(lib: &UseReducerHandle<Library>, key: &str) {
    let list = datasets::delete(key);
    let was_active = lib.active.key.as_deref() == Some(key);
    lib.dispatch(LibAction::Stored(list));
    // the button that had focus is gone: the dialog takes it
    crate::browser::focus(".data-dialog");
    if was_active {
        activate(lib, lib.builtin.clone(), None, None);
    }
}

/// A file name for the dataset: its id (ASCII, stable) with a suffix.
fn file_name(ds: &Dataset, suffix: &str) -> String {
    format!("{}{suffix}", crate::context::file_stem(&ds.id, "eduplan-data"))
}

/// Offers the template workbook filled with the dataset in use.
pub fn download_template(lib: UseReducerHandle<Library>) {
    let json = lib.active.json.clone();
    let name = file_name(&lib.active.dataset, lib.t().template_file_suffix);
    wasm_bindgen_futures::spawn_local(async move {
        let result = match crate::data_files::template(&json).await {
            Ok(bytes) => crate::browser::download(
                &name,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &bytes,
            ),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = result {
            lib.dispatch(LibAction::Say(LibMessage::ExportFailed(e)));
        }
    });
}

/// Offers the dataset in use as JSON (the runner's `--dataset` format).
pub fn download_json(lib: &UseReducerHandle<Library>) {
    let a = &lib.active;
    let result = crate::browser::download(&file_name(&a.dataset, ".json"), "application/json", a.json.as_bytes());
    if let Err(e) = result {
        lib.dispatch(LibAction::Say(LibMessage::ExportFailed(e)));
    }
}
