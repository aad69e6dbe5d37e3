//! Policy levers by group, and the assumptions kept apart below them.

use eduplan_model::catalogue::{levers, LeverGroup, LeverKind};
use yew::prelude::*;

use crate::components::lever_control::LeverControl;
use crate::context::use_ctx;
use crate::i18n::Strings;
use crate::state::Action;

fn group_name(g: LeverGroup, t: &Strings) -> &'static str {
    match g {
        LeverGroup::Kindergartens => t.group_kindergartens,
        LeverGroup::Schools => t.group_schools,
        LeverGroup::Teachers => t.group_teachers,
        LeverGroup::Students => t.group_students,
        LeverGroup::Funding => t.group_funding,
        LeverGroup::Demography => t.group_demography,
        LeverGroup::Costs => t.group_costs,
    }
}

/// Levers that mean something only in budget mode (hidden in quantity mode).
const BUDGET_ONLY: [&str; 2] = ["budget.recurring_share", "budget.order"];

fn groups(kind: LeverKind, budget: bool) -> Vec<(LeverGroup, Vec<&'static eduplan_model::catalogue::LeverSpec>)> {
    let mut out: Vec<(LeverGroup, Vec<_>)> = Vec::new();
    for l in levers()
        .iter()
        .filter(|l| l.kind == kind && (budget || !BUDGET_ONLY.contains(&l.id)))
    {
        match out.iter_mut().find(|(g, _)| *g == l.group) {
            Some((_, v)) => v.push(l),
            None => out.push((l.group, vec![l])),
        }
    }
    out
}

#[function_component]
pub fn LeversPanel() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let reset = |a: Action| {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(a.clone()))
    };
    let budget = eduplan_model::budget::is_budget_mode(&ctx.state.scenario);
    let section = |kind: LeverKind, title: &'static str, reset_label: &'static str, action: Action| {
        let any_changed = match kind {
            LeverKind::Policy => !ctx.state.scenario.levers.is_empty() || ctx.state.scenario.changes_network(),
            LeverKind::Assumption => !ctx.state.scenario.assumptions.is_empty(),
        };
        html! {
            <section class={classes!("lever-section", format!("section-{}", kind.section()))} aria-label={title}>
                <div class="section-head">
                    <h2>{ title }</h2>
                    <button type="button" class="reset-section" disabled={!any_changed} onclick={reset(action)}>{ reset_label }</button>
                </div>
                { for groups(kind, budget).into_iter().map(|(g, ls)| html! {
                    <fieldset class="lever-group">
                        <legend>{ group_name(g, t) }</legend>
                        { for ls.into_iter().map(|spec| html! { <LeverControl key={spec.id} {spec} /> }) }
                    </fieldset>
                }) }
            </section>
        }
    };
    let sc = &ctx.state.scenario;
    let nothing_changed = sc.levers.is_empty() && sc.assumptions.is_empty() && !sc.changes_network();
    html! {
        <aside class="levers-panel" id="levers" tabindex="-1" aria-label={t.policies}>
            { section(LeverKind::Policy, t.policies, t.reset_policies, Action::ResetPolicies) }
            { section(LeverKind::Assumption, t.assumptions, t.reset_assumptions, Action::ResetAssumptions) }
            <button type="button" class="reset-all" disabled={nothing_changed} onclick={reset(Action::ResetAll)}>{ t.reset_all }</button>
        </aside>
    }
}
