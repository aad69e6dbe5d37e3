//! Scenarios saved in this browser: open, update, rename, duplicate, delete,
//! and tick 2–4 of them to compare. Names are user text, rendered as text.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::context::use_ctx;
use crate::i18n::fill;
use crate::state::{Action, Saved, MAX_PINNED};

/// The name of the dataset a scenario was saved on (the bundled one when it
/// does not say).
fn other_name(s: &Saved) -> String {
    match &s.dataset {
        Some(d) if !d.name.is_empty() => d.name.clone(),
        Some(d) => d.id.clone(),
        None => eduplan_model::dataset::DEFAULT_DATASET_ID.to_string(),
    }
}

#[function_component]
pub fn SavedPanel() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let renaming = use_state(|| None::<String>);
    // the name box takes the focus (its text selected) when renaming starts
    use_effect_with((*renaming).clone(), |r| {
        if r.is_some() {
            let input = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(".rename-input").ok().flatten())
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
            if let Some(i) = input {
                let _ = i.focus();
                i.select();
            }
        }
    });
    let st = &ctx.state;
    let items = st.saved.iter().map(|s| {
        let id = s.id.clone();
        let act = |a: Action| {
            let ctx = ctx.clone();
            Callback::from(move |_: MouseEvent| ctx.dispatch(a.clone()))
        };
        let pinned = st.pinned.contains(&id);
        let on_pin = {
            let ctx = ctx.clone();
            let id = id.clone();
            Callback::from(move |_: Event| ctx.dispatch(Action::TogglePin(id.clone())))
        };
        let on_rename_start = {
            let renaming = renaming.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| renaming.set(Some(id.clone())))
        };
        let on_rename = {
            let ctx = ctx.clone();
            let renaming = renaming.clone();
            let id = id.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                ctx.dispatch(Action::Rename(id.clone(), input.value()));
                renaming.set(None);
            })
        };
        // Esc leaves the name as it was, and focus on the 重命名 button
        let on_rename_key = {
            let renaming = renaming.clone();
            let id = id.clone();
            let before = s.name.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    e.prevent_default();
                    // the box loses focus below, which would commit what was typed: put the name back first
                    let input: HtmlInputElement = e.target_unchecked_into();
                    input.set_value(&before);
                    renaming.set(None);
                    crate::browser::focus(&format!("li[data-saved=\"{id}\"] .rename"));
                }
            })
        };
        let full = st.pinned.len() >= MAX_PINNED && !pinned;
        html! {
            <li class={classes!("saved-item", pinned.then_some("pinned"))} data-saved={id.clone()}>
                <label class="pin" title={t.compare}>
                    <input type="checkbox" checked={pinned} disabled={full} onchange={on_pin} aria-label={format!("{}: {}", t.compare, s.name)} />
                </label>
                if renaming.as_deref() == Some(id.as_str()) {
                    <RenameBox name={s.name.clone()} {on_rename} {on_rename_key} label={t.rename} />
                } else {
                    <span class="saved-name">{ &s.name }</span>
                }
                if !s.is_on(&st.data_ref) {
                    <span class="tag other-dataset">{
                        if s.dataset.as_ref().is_some_and(|d| d.id == st.data_ref.id) {
                            t.saved_on_other_version.to_string()
                        } else {
                            fill(t.saved_on_other, &[("name", &other_name(s))])
                        }
                    }</span>
                }
                <span class="saved-actions">
                    <button type="button" class="open" onclick={act(Action::Open(id.clone()))}>{ t.open }</button>
                    <button type="button" class="update" onclick={act(Action::Overwrite(id.clone()))} title={t.update_saved}>{ "⤓" }<span class="visually-hidden">{ t.update_saved }</span></button>
                    <button type="button" class="rename" onclick={on_rename_start}>{ t.rename }</button>
                    <button type="button" class="duplicate" onclick={act(Action::Duplicate(id.clone()))}>{ t.duplicate }</button>
                    <button type="button" class="delete" onclick={act(Action::Delete(id.clone()))}>{ t.delete }</button>
                </span>
            </li>
        }
    });
    html! {
        <details class="saved-panel" open={!st.saved.is_empty()}>
            <summary><h2>{ t.saved_scenarios }</h2><span class="summary-count">{ st.saved.len() }</span></summary>
            if st.saved.is_empty() {
                <p class="hint">{ t.no_saved }</p>
            } else {
                <p class="hint">{ t.compare_hint }</p>
                <ul class="saved-list">{ for items }</ul>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct RenameBoxProps {
    name: String,
    on_rename: Callback<Event>,
    on_rename_key: Callback<KeyboardEvent>,
    label: &'static str,
}

/// The rename box: keeps what is being typed through other re-renders (field.rs).
#[function_component]
fn RenameBox(props: &RenameBoxProps) -> Html {
    let node = crate::components::field::use_field_value(props.name.clone());
    html! {
        <input type="text" class="rename-input" ref={node} onchange={props.on_rename.clone()}
            onkeydown={props.on_rename_key.clone()} maxlength="120" aria-label={props.label} />
    }
}
