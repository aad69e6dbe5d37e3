//! "What would it take?": for one target, the least value of a chosen lever
//! that meets it in its year (the model's goal seeking), with Apply.

use eduplan_model::budget::is_budget_mode;
use eduplan_model::catalogue::lever_spec;
use eduplan_model::seek::{rank_levers, seek, Outcome};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::context::use_ctx;
use crate::i18n::fill;
use crate::state::Action;
use crate::units;

#[derive(Properties, PartialEq)]
pub struct GoalSeekProps {
    pub target: AttrValue,
}

#[function_component]
pub fn GoalSeek(props: &GoalSeekProps) -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    // budget mode seeks over money first; the levers the money sets are not offered
    let budget = is_budget_mode(&ctx.state.scenario);
    let candidates = eduplan_model::seek::candidates(budget);
    // the levers that move this target first (two engine runs each, once when
    // the row opens: the list does not reshuffle under the user's hand)
    let ranked = {
        let ds = ctx.dataset.clone();
        let sc = ctx.state.scenario.clone();
        use_memo(props.target.clone(), move |target| {
            rank_levers(&ds, &sc, target, &candidates)
        })
    };
    let mut choices: Vec<&'static str> = ranked.iter().map(|r| r.lever).collect();
    let helping = ranked.iter().take_while(|r| r.helps()).count();
    let mut split = helping;
    if budget {
        choices.insert(0, "budget.extra");
        split += 1;
    }
    let chosen = use_state(|| None::<String>);
    let lever = chosen
        .as_deref()
        .filter(|id| choices.contains(id))
        .unwrap_or(choices[0])
        .to_string();
    let result = use_state(|| None::<(String, Outcome)>);
    let on_lever = {
        let chosen = chosen.clone();
        let result = result.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            chosen.set(Some(sel.value()));
            result.set(None);
        })
    };
    let on_run = {
        let ctx = ctx.clone();
        let lever = lever.clone();
        let result = result.clone();
        let target = props.target.to_string();
        Callback::from(move |_| {
            if let Ok(r) = seek(&ctx.dataset, &ctx.state.scenario, &target, &lever) {
                result.set(Some((r.lever, r.outcome)));
            }
        })
    };
    let sentence = result.as_ref().and_then(|(id, outcome)| {
        let spec = lever_spec(id)?;
        let name = lang.pick(spec.label_zh, spec.label_en);
        let show = |v: f64| units::show(v, spec.step, spec.unit, lang);
        Some(match outcome {
            Outcome::Found { value, year } => (
                fill(
                    t.seek_found,
                    &[("year", &year.to_string()), ("lever", name), ("value", &show(*value))],
                ),
                Some(*value),
            ),
            Outcome::MetAtMinimum { value, year } => (
                fill(
                    t.seek_min,
                    &[("year", &year.to_string()), ("lever", name), ("value", &show(*value))],
                ),
                Some(*value),
            ),
            Outcome::Unreachable { max, year } => (
                fill(
                    t.seek_unreachable,
                    &[("year", &year.to_string()), ("lever", name), ("value", &show(*max))],
                ),
                None,
            ),
            Outcome::NotMonotone { .. } => (fill(t.seek_not_monotone, &[("lever", name)]), None),
        })
    });
    let apply = |v: f64| {
        let ctx = ctx.clone();
        let id = result.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
        Callback::from(move |_| {
            ctx.dispatch(Action::SetLever(id.clone(), v));
            ctx.dispatch(Action::Commit);
        })
    };
    let option = |id: &&'static str| {
        let name = lever_spec(id).map_or(*id, |spec| lang.pick(spec.label_zh, spec.label_en));
        html! { <option value={*id} selected={lever == *id}>{ name }</option> }
    };
    html! {
        <div class="goal-seek" role="group" aria-label={t.seek_title}>
            <strong>{ t.seek_title }</strong>
            <label>
                { t.seek_lever }{ t.colon }
                <select class="seek-lever" onchange={on_lever} aria-label={t.seek_lever}>
                    if split > 0 {
                        <optgroup label={t.seek_helping}>{ for choices[..split].iter().map(&option) }</optgroup>
                    }
                    if split < choices.len() {
                        <optgroup label={t.seek_other}>{ for choices[split..].iter().map(&option) }</optgroup>
                    }
                </select>
            </label>
            <button type="button" class="seek-run" onclick={on_run}>{ t.seek_run }</button>
            if let Some((text, value)) = sentence {
                <span class="seek-answer" role="status">{ text }</span>
                if let Some(v) = value {
                    <button type="button" class="seek-apply" onclick={apply(v)}>{ t.apply }</button>
                }
            }
        </div>
    }
}
