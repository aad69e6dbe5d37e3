//! The chart picker and the charts the planner chose, two to a row.

use yew::prelude::*;

use crate::charts::specs::{chart, CHARTS};
use crate::components::chart::Chart;
use crate::context::use_ctx;
use crate::state::Action;

#[function_component]
pub fn ChartPanel() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let focus = ctx.state.focus.clone();
    // bring a chart into view when a target asks for it
    use_effect_with(focus, |focus| {
        if let Some((id, _)) = focus {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&format!("chart-{id}")))
            {
                el.scroll_into_view();
                if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = h.focus();
                }
            }
        }
    });
    let picker = CHARTS.iter().map(|c| {
        let on = ctx.state.charts.iter().any(|x| x == c.id);
        let onclick = {
            let ctx = ctx.clone();
            let id = c.id.to_string();
            Callback::from(move |_| ctx.dispatch(Action::ToggleChart(id.clone())))
        };
        html! {
            <button type="button" class={classes!("chip", on.then_some("on"))} aria-pressed={on.to_string()} {onclick} data-chart-toggle={c.id}>
                { (c.title)(t) }
            </button>
        }
    });
    let set_draws = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(n) = sel.value().parse() {
                ctx.dispatch(Action::SetDraws(n));
            }
        })
    };
    let toggle_mc = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::ToggleUncertainty))
    };
    html! {
        <section class="chart-panel" aria-labelledby="charts-title">
            <div class="section-head">
                <h2 id="charts-title">{ t.charts }</h2>
            </div>
            <div class="chart-picker" role="group" aria-label={t.chart_picker}>
                { for picker }
                <button type="button" class={classes!("chip", "uncertainty-toggle", ctx.state.uncertainty.then_some("on"))}
                    aria-pressed={ctx.state.uncertainty.to_string()} onclick={toggle_mc}>{ "± " }{ t.uncertainty }</button>
                if ctx.state.uncertainty {
                    <select class="mc-draws" onchange={set_draws} aria-label={t.draws_label}>
                        { for [200u32, 500, 1000, 2000].into_iter().map(|d| html! {
                            <option value={d.to_string()} selected={ctx.state.draws == d}>{ if ctx.lang() == crate::i18n::Lang::Zh { format!("{d}{}", t.draws) } else { format!("{d} {}", t.draws) } }</option>
                        }) }
                    </select>
                    <span class="mc-status" role="status" aria-live="polite">
                        if ctx.mc_running { { t.uncertainty_running } }
                        else if let (Some(b), Some(ms)) = (&ctx.bands, ctx.mc_ms) {
                            { crate::i18n::fill(t.uncertainty_done, &[("draws", &b.draws.to_string()), ("ms", &format!("{ms:.0}"))]) }
                        }
                    </span>
                    if ctx.mc_stale && !ctx.mc_running {
                        <span class="mc-stale">{ t.uncertainty_stale }</span>
                    }
                }
            </div>
            <div class="chart-grid">
                { for ctx.state.charts.iter().filter_map(|id| chart(id)).map(|spec| html! { <Chart key={spec.id} {spec} /> }) }
            </div>
        </section>
    }
}
