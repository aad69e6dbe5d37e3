//! 汇报要点 (issue 19): the scenario in five to eight sentences for the
//! meeting note, the WeChat message or the work plan, with 复制. Opened on
//! demand (its goal seeking costs a few dozen engine runs); while open it
//! follows the scenario.

use std::rc::Rc;

use yew::prelude::*;

use crate::briefing::{compute, Briefing};
use crate::context::use_ctx;

#[function_component]
pub fn BriefingPanel() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <section class="briefing-panel" aria-labelledby="briefing-title">
            <div class="section-head">
                <h2 id="briefing-title">{ t.briefing_title }</h2>
                <button type="button" class="briefing-toggle" aria-expanded={open.to_string()} aria-controls="briefing-body" onclick={toggle}>
                    { if *open { t.briefing_hide } else { t.briefing_show } }
                </button>
            </div>
            if *open { <BriefingBody /> }
        </section>
    }
}

#[function_component]
fn BriefingBody() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    // recomputed when the scenario, the bands, the comparison or the language change
    let data = {
        let c = ctx.clone();
        use_memo(
            (
                ctx.state.scenario.clone(),
                ctx.lang(),
                ctx.bands.as_ref().map(Rc::as_ptr),
                ctx.mc_running,
                Rc::as_ptr(&ctx.compare),
            ),
            move |_| compute(&c),
        )
    };
    let copied = use_state(|| None::<bool>);
    // a new text is not yet copied
    {
        let copied = copied.clone();
        use_effect_with(data.clone(), move |_| copied.set(None));
    }
    let on_copy = {
        let (data, copied) = (data.clone(), copied.clone());
        Callback::from(move |_| {
            let (text, copied) = (data.text(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(crate::browser::copy_text(&text).await));
            });
        })
    };
    html! {
        <div id="briefing-body" class="briefing-body">
            <p class="briefing-lead">{ t.briefing_lead }</p>
            <BriefingPoints briefing={(*data).clone()} />
            <div class="briefing-tools">
                <button type="button" class="briefing-copy" onclick={on_copy}>{ t.briefing_copy }</button>
                if let Some(ok) = *copied {
                    <span class={classes!("copy-feedback", (!ok).then_some("manual"))} role="status">
                        { if ok { t.briefing_copied } else { t.briefing_copy_failed } }
                    </span>
                }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PointsProps {
    pub briefing: Briefing,
}

/// The points as a numbered list (and the comparison's under its heading):
/// the panel, the printed brief and the slide show the same.
#[function_component]
pub fn BriefingPoints(props: &PointsProps) -> Html {
    let b = &props.briefing;
    let (_, compare_title) = b.titles();
    html! {
        <div class="briefing-points">
            <ol class="briefing-list">
                { for b.points.iter().map(|p| html! { <li>{ p }</li> }) }
            </ol>
            if !b.compare.is_empty() {
                <h3 class="briefing-compare-title">{ compare_title }</h3>
                <ol class="briefing-list compare">
                    { for b.compare.iter().map(|p| html! { <li>{ p }</li> }) }
                </ol>
            }
        </div>
    }
}
