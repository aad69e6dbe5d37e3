//! The footer: privacy note and where the data come from.

use yew::prelude::*;

use crate::context::use_ctx;

#[function_component]
pub fn Footer() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let ds = &ctx.dataset;
    html! {
        <footer class="app-footer">
            <p>{ t.privacy_note }</p>
            <p class="as-of">{ t.data_as_of }{ t.colon }{ lang.pick(&ds.as_of.zh, &ds.as_of.en) }</p>
        </footer>
    }
}
