//! One lever: slider and number input kept in step, unit, help line and a
//! reset to the baseline value.

use eduplan_model::budget::BOUGHT;
use eduplan_model::catalogue::{LeverSpec, LeverUnit};
use eduplan_model::scenario::{default_value, LeverValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::programme_order::ProgrammeOrder;
use crate::components::year_editor::YearEditor;
use crate::context::use_ctx;
use crate::i18n::Lang;
use crate::state::{snap, Action, AppState};
use crate::units;

#[derive(Properties, PartialEq)]
pub struct LeverControlProps {
    pub spec: &'static LeverSpec,
}

#[function_component]
pub fn LeverControl(props: &LeverControlProps) -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let spec = props.spec;
    let value = ctx.state.lever_value(spec.id);
    let changed = ctx.state.is_changed(spec.id);
    let varies = ctx.state.varies_by_year(spec.id);
    if spec.unit == LeverUnit::Order {
        return html! { <ProgrammeOrder /> };
    }
    // budget mode: the money sets these; show what it bought, read-only
    if let Some(derived) = ctx.current.derived.as_ref().filter(|_| BOUGHT.contains(&spec.id)) {
        let base = default_value(spec, &ctx.dataset);
        let unit = units::label(spec.unit, t);
        let bought: Vec<String> = match derived.levers.get(spec.id) {
            Some(LeverValue::ByYear(m)) => m
                .iter()
                .filter(|(_, v)| (**v - base).abs() > 1e-9)
                .map(|(y, v)| format!("{y}: {}", units::display(*v - base, spec.step, spec.unit)))
                .collect(),
            _ => Vec::new(),
        };
        let label = lang.pick(spec.label_zh, spec.label_en);
        return html! {
            <div class="lever bought" data-lever={spec.id}>
                <div class="lever-head">
                    <span class="lever-label">{ label }</span>
                    <span class="bought-tag" title={t.bought_help}>{ t.bought_tag }</span>
                </div>
                <p class="lever-bought">
                    if bought.is_empty() { { t.bought_none } } else { { format!("{} {}", bought.join(" · "), unit) } }
                </p>
            </div>
        };
    }
    html! {
        <LeverRow {spec} {value} {changed} {varies} {lang} dispatch={ctx.state.dispatcher()} />
    }
}

/// What one lever's row shows: everything that can change it is a prop, so
/// a change to another lever, a projection or the bands leaves it as it is
/// (Yew compares the props and skips it).
#[derive(Properties, PartialEq)]
pub struct LeverRowProps {
    pub spec: &'static LeverSpec,
    /// The value in use (stored units).
    pub value: f64,
    pub changed: bool,
    pub varies: bool,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component]
fn LeverRow(props: &LeverRowProps) -> Html {
    let LeverRowProps {
        spec,
        value,
        changed,
        varies,
        lang,
        ..
    } = *props;
    let t = lang.strings();
    let open = use_state(|| false);
    let scale = units::scale(spec.unit);
    let id = spec.id.replace('.', "-");
    let label = lang.pick(spec.label_zh, spec.label_en);
    let help = lang.pick(spec.help_zh, spec.help_en);
    let unit = units::label(spec.unit, t);

    // Both inputs send stored (unscaled) values to the reducer, which snaps
    // and clamps them. The box then shows the value the state holds at once:
    // when clamping leaves the state as it was, no re-render would replace
    // the rejected text.
    let set = {
        let dispatch = props.dispatch.clone();
        let lever = spec.id.to_string();
        move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let typed = input.value().trim().replace(',', ".").parse::<f64>().ok();
            let held = match typed.and_then(|v| snap(&lever, v / scale)) {
                Some(v) => {
                    dispatch.dispatch(Action::SetLever(lever.clone(), v));
                    dispatch.dispatch(Action::Commit);
                    v
                }
                // not a number: the value stays
                None => value,
            };
            input.set_value(&units::display(held, spec.step, spec.unit));
        }
    };
    let on_slide = {
        let dispatch = props.dispatch.clone();
        let lever = spec.id.to_string();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<f64>() {
                dispatch.dispatch(Action::SetLever(lever.clone(), v / scale));
            }
        })
    };
    let on_number = Callback::from(set);
    // releasing the slider (or a key press on it) settles the change: one undo step
    let on_settle = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Action::Commit))
    };
    let on_reset = {
        let dispatch = props.dispatch.clone();
        let lever = spec.id.to_string();
        Callback::from(move |_| dispatch.dispatch(Action::ResetLever(lever.clone())))
    };

    let control = if spec.unit == LeverUnit::Choice {
        let on_choice = {
            let dispatch = props.dispatch.clone();
            let lever = spec.id.to_string();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlSelectElement = e.target_unchecked_into();
                if let Ok(v) = input.value().parse::<f64>() {
                    dispatch.dispatch(Action::SetLever(lever.clone(), v));
                    dispatch.dispatch(Action::Commit);
                }
            })
        };
        html! {
            <select id={format!("lever-{id}")} class="lever-select" onchange={on_choice} aria-describedby={format!("help-{id}")}>
                { for spec.choices.iter().enumerate().map(|(i, (zh, en))| html! {
                    <option value={i.to_string()} selected={value.round() as usize == i}>{ lang.pick(zh, en) }</option>
                }) }
            </select>
        }
    } else {
        let shown = units::display(value, spec.step, spec.unit);
        html! {
            <div class="lever-inputs">
                <input type="range" class="lever-slider" id={format!("lever-{id}")}
                    min={(spec.min * scale).to_string()} max={(spec.max * scale).to_string()} step={(spec.step * scale).to_string()}
                    value={(value * scale).to_string()} oninput={on_slide} onchange={on_settle}
                    aria-describedby={format!("help-{id}")} aria-valuetext={format!("{shown} {unit}")} />
                <input type="number" class="lever-number" id={format!("num-{id}")}
                    min={(spec.min * scale).to_string()} max={(spec.max * scale).to_string()} step={(spec.step * scale).to_string()}
                    value={shown.clone()} onchange={on_number} aria-label={format!("{label} ({unit})")} />
                <span class="lever-unit">{ unit }</span>
            </div>
        }
    };

    let on_toggle_years = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };

    html! {
        <div class={classes!("lever", changed.then_some("changed"))} data-lever={spec.id}>
            <div class="lever-head">
                <label for={format!("lever-{id}")} class="lever-label">{ label }</label>
                <span class="lever-actions">
                    if spec.per_year {
                        <button type="button" class={classes!("lever-years", varies.then_some("on"))} onclick={on_toggle_years}
                            aria-expanded={open.to_string()} aria-controls={format!("years-{id}")}
                            aria-label={format!("{}: {}", t.per_year_editor, label)}>{ t.per_year }</button>
                    }
                    if changed {
                        <button type="button" class="lever-reset" onclick={on_reset} title={t.reset_lever}
                            aria-label={format!("{}: {}", t.reset_lever, label)}>{ "↺" }</button>
                    }
                </span>
            </div>
            { control }
            if varies { <p class="lever-varies">{ t.varies_note }</p> }
            <p class="lever-help" id={format!("help-{id}")}>
                { help }
                if spec.unit != LeverUnit::Choice {
                    <span class="lever-range">{ units::range(spec.min, spec.max, spec.step, spec.unit, lang) }</span>
                }
            </p>
            if *open {
                <div id={format!("years-{id}")}><YearEditor {spec} /></div>
            }
        </div>
    }
}
