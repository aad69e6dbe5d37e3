//! Shown instead of the workspace when the opening link was made on a
//! dataset this browser does not have: names that dataset, offers its
//! import, and runs nothing on other figures unless the planner says so.

use yew::prelude::*;

use crate::components::data_dialog::{message_text, FilePicker};
use crate::i18n::fill;
use crate::library::{use_data, LibAction};

#[function_component]
pub fn MissingDataset() -> Html {
    let Some(data) = use_data() else { return html! {} };
    let lib = data.lib;
    let t = lib.t();
    let lang = lib.lang;
    let Some(wanted) = lib.missing.clone() else {
        return html! {};
    };
    let active = lib.active.dataset.clone();
    let active_name = lang.pick(&active.name.zh, &active.name.en).to_string();
    let name = if wanted.name.is_empty() {
        wanted.id.clone()
    } else {
        wanted.name.clone()
    };
    let open_here = {
        let lib = lib.clone();
        Callback::from(move |_| {
            crate::persist::reset_url(lib.lang);
            lib.dispatch(LibAction::DismissMissing);
        })
    };
    let same_id = wanted.id == active.id;
    html! {
        <main class="missing-dataset" lang={lang.tag()}>
            <h1 class="app-title"><span class="title-main">{ t.app_title }</span></h1>
            <section class="missing-card" role="alert" aria-labelledby="missing-title">
                <h2 id="missing-title">{ t.missing_title }</h2>
                <p class="missing-which">
                    { fill(if same_id { t.missing_other_figures } else if wanted.hash.is_empty() { t.missing_body_nohash } else { t.missing_body },
                        &[("name", &name), ("id", &wanted.id), ("hash", &wanted.hash)]) }
                </p>
                <p>{ t.missing_import }</p>
                if let Some(m) = &lib.message { <p class="data-message">{ message_text(m, t, lang) }</p> }
                <FilePicker />
                <div class="button-row">
                    <button type="button" class="open-without" onclick={open_here}>
                        { fill(t.missing_open_here, &[("name", &active_name)]) }
                    </button>
                </div>
            </section>
        </main>
    }
}
