//! The per-year editor of a lever: one number input per projection year.

use eduplan_model::catalogue::LeverSpec;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::context::use_ctx;
use crate::state::Action;
use crate::units;

#[derive(Properties, PartialEq)]
pub struct YearEditorProps {
    pub spec: &'static LeverSpec,
}

#[function_component]
pub fn YearEditor(props: &YearEditorProps) -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let spec = props.spec;
    let scale = units::scale(spec.unit);
    let label = lang.pick(spec.label_zh, spec.label_en);
    let cells = ctx.state.lever_years().map(|year| {
        let value = ctx.state.lever_value_in(spec.id, year);
        let shown = units::display(value, spec.step, spec.unit);
        let onchange = {
            let ctx = ctx.clone();
            let id = spec.id.to_string();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let typed = input.value().trim().replace(',', ".").parse::<f64>().ok();
                // the cell shows the value the state holds, also when a clamped
                // entry leaves the state as it was
                let held = match typed.and_then(|v| crate::state::snap(&id, v / scale)) {
                    Some(v) => {
                        ctx.dispatch(Action::SetLeverYear(id.clone(), year, v));
                        v
                    }
                    None => ctx.state.lever_value_in(&id, year),
                };
                input.set_value(&units::display(held, spec.step, spec.unit));
            })
        };
        html! { <YearCell {spec} {year} {shown} {onchange} label={format!("{label} {year}")} /> }
    });
    html! {
        <div class="year-editor" role="group" aria-label={format!("{}: {}", t.per_year_editor, label)}>
            <p class="year-hint">{ t.per_year_hint }</p>
            <div class="year-grid">{ for cells }</div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct YearCellProps {
    spec: &'static LeverSpec,
    year: i32,
    /// The value in use as the box shows it.
    shown: String,
    onchange: Callback<Event>,
    label: String,
}

/// One year's box: keeps what is being typed through other re-renders (field.rs).
#[function_component]
fn YearCell(props: &YearCellProps) -> Html {
    let spec = props.spec;
    let scale = units::scale(spec.unit);
    let node = crate::components::field::use_field_value(props.shown.clone());
    html! {
        <label class="year-cell">
            <span class="year-label">{ props.year }</span>
            <input type="number" class="year-input" data-year={props.year.to_string()} ref={node}
                min={(spec.min * scale).to_string()} max={(spec.max * scale).to_string()} step={(spec.step * scale).to_string()}
                onchange={props.onchange.clone()} aria-label={props.label.clone()} />
        </label>
    }
}
