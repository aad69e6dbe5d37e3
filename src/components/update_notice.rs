//! The line that says a newer build of EduPlan is ready (see [`crate::offline`]):
//! 重新加载 lets it take over; the scenario survives in the address and the
//! autosave.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    pub lang: Lang,
}

/// Registers the service worker once and shows the notice when a newer build
/// is waiting.
#[function_component]
pub fn UpdateNotice(props: &UpdateNoticeProps) -> Html {
    let waiting = use_state(|| false);
    let dismissed = use_state(|| false);
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| crate::offline::register(move || waiting.set(true)));
    }
    if !*waiting || *dismissed {
        return html! {};
    }
    let t = props.lang.strings();
    let reload = Callback::from(|_: MouseEvent| crate::offline::apply_update());
    let later = Callback::from(move |_: MouseEvent| dismissed.set(true));
    html! {
        <section class="update-notice" aria-label={t.update_region} lang={props.lang.tag()}>
            <p role="status">{ t.update_ready }</p>
            <button type="button" class="button primary update-reload" onclick={reload}>{ t.update_reload }</button>
            <button type="button" class="update-later" onclick={later}>{ t.update_later }</button>
        </section>
    }
}
