//! The header: product name, dataset line, the data menu and the language switch.

use yew::prelude::*;

use crate::context::use_ctx;
use crate::i18n::Lang;
use crate::library::{use_data, LibAction};
use crate::state::Action;

#[function_component]
pub fn Header() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let ds = &ctx.dataset;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::SetLang(other)))
    };
    // the data menu lives in the root (absent when the workspace is mounted alone)
    let data = use_data();
    let open_data = data.map(|d| Callback::from(move |_| d.lib.dispatch(LibAction::OpenMenu)));
    html! {
        <header class="app-header">
            <div class="brand">
                <h1 class="app-title">
                    <span class="title-main">{ t.app_title }</span>
                    if lang == Lang::Zh { <span class="title-sub" lang="en">{ "EduPlan" }</span> }
                </h1>
                <p class="tagline">{ t.app_tagline }</p>
            </div>
            <div class="header-meta">
                <p class="dataset-line">
                    <span class="label">{ t.dataset }{ t.colon }</span>
                    <span class="dataset-name" title={lang.pick(&ds.name.zh, &ds.name.en).to_string()}>{ lang.pick(&ds.name.zh, &ds.name.en) }</span>
                    <span class="sep">{ " · " }</span>
                    <span class="label">{ t.data_as_of }{ t.colon }</span>
                    <span>{ lang.pick(&ds.as_of.zh, &ds.as_of.en) }</span>
                </p>
                if let Some(open) = open_data {
                    <button type="button" class="data-menu-button" onclick={open} aria-haspopup="dialog">{ t.data_menu }</button>
                }
                <button type="button" class="lang-switch" {onclick} lang={other.tag()}
                    aria-label={format!("{}: {} → {}", t.language, t.lang_name, t.switch_to)}>
                    { t.switch_to }
                </button>
            </div>
        </header>
    }
}
