//! What an export shows inside WeChat or WeCom, whose in-app browser drops
//! downloads: how to open the page in the system browser (右上角 → 在浏览器中打开),
//! and a PNG chart as a picture to long-press and save.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{self, Blocked};
use crate::i18n::{fill, Lang};
use crate::modal;

#[derive(Properties, PartialEq)]
pub struct WeChatGuideProps {
    pub lang: Lang,
    /// The data in use was imported: the system browser will not have it.
    pub imported: bool,
}

/// Listens for blocked downloads (see [`browser::download`]) and shows the
/// guidance for the last one until it is closed.
#[function_component]
pub fn WeChatGuide(props: &WeChatGuideProps) -> Html {
    let shown = use_state(|| None::<Blocked>);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            browser::on_blocked(Some(Rc::new(move |b| shown.set(Some(b)))));
            || browser::on_blocked(None)
        });
    }
    match &*shown {
        Some(b) => {
            let close = {
                let shown = shown.clone();
                Callback::from(move |()| shown.set(None))
            };
            html! { <Guide blocked={b.clone()} lang={props.lang} imported={props.imported} {close} /> }
        }
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct GuideProps {
    blocked: Blocked,
    lang: Lang,
    imported: bool,
    close: Callback<()>,
}

#[function_component]
fn Guide(props: &GuideProps) -> Html {
    let t = props.lang.strings();
    let view = use_node_ref();
    {
        let (view, close) = (view.clone(), props.close.clone());
        use_effect_with((), move |_| {
            let opened = view.cast::<web_sys::HtmlElement>().map(|el| modal::open(&el));
            // over the data dialog too: its Tab and Esc stay with the guidance
            let keys = modal::keys(".wechat-guide", modal::Over::AnotherView, move || close.emit(()));
            move || {
                drop(keys);
                if let Some(o) = opened {
                    o.close(".data-menu-button");
                }
            }
        });
    }
    let close = props.close.reform(|_: MouseEvent| ());
    let b = &props.blocked;
    html! {
        <div class="modal-backdrop guide-backdrop">
            <div class="modal wechat-guide" role="dialog" aria-modal="true" aria-labelledby="wechat-guide-title"
                lang={props.lang.tag()} tabindex="-1" ref={view}>
                <div class="modal-head">
                    <h2 id="wechat-guide-title">{ t.wechat_title }</h2>
                    <button type="button" class="modal-close" onclick={close.clone()} aria-label={t.close}>{ "×" }</button>
                </div>
                <p>{ t.wechat_explain }</p>
                <p class="wechat-file">{ fill(t.wechat_not_done, &[("file", &b.name)]) }</p>
                <ol class="wechat-steps">
                    <li>{ t.wechat_step_menu }</li>
                    <li>{ t.wechat_step_open }</li>
                    <li>{ t.wechat_step_export }</li>
                </ol>
                if props.imported { <p class="wechat-imported">{ t.wechat_imported }</p> }
                if let Some(src) = &b.image {
                    <p class="wechat-save">{ t.wechat_long_press }</p>
                    <img class="wechat-image" src={src.clone()} alt={b.name.clone()} />
                }
                <div class="button-row">
                    <button type="button" class="button primary" onclick={close}>{ t.wechat_ok }</button>
                </div>
            </div>
        </div>
    }
}
