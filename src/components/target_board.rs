//! The target board: every plan target, its value in its year against the
//! baseline, met or missed and by how much, the first year met, and a mark
//! where the value rests on estimated data.

use eduplan_model::catalogue::{indicator_spec, IndicatorUnit};
use eduplan_model::format::{self, Locale};
use eduplan_model::targets::{Status, TargetResult};
use yew::prelude::*;

use crate::charts::specs::chart_for_indicator;
use crate::components::goal_seek::GoalSeek;
use crate::context::{use_ctx, Shared};
use crate::i18n::{fill, Lang};
use crate::state::{Action, AppState};
use eduplan_model::Dataset;

/// How far a value is from its threshold: shares in percentage points.
pub fn margin_text(m: f64, unit: IndicatorUnit, loc: Locale) -> String {
    format::margin(m, unit, loc)
}

/// "≥ 95.0%", "≤ 5.0%", "45.0%～55.0%" (the model's rule, for every view).
pub fn threshold_text(r: &TargetResult, unit: IndicatorUnit, loc: Locale) -> String {
    r.threshold_text(unit, loc)
}

#[function_component]
pub fn TargetBoard() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let ds = &ctx.dataset;
    let met_count = ctx.current.targets.iter().filter(|r| r.is_met()).count();
    let undefined = ctx
        .current
        .targets
        .iter()
        .filter(|r| r.status == Status::Undefined)
        .count();
    let seeking = use_state(|| None::<String>);
    // which targets rest on estimates: a property of the dataset, computed
    // once (the provenance walk is too much work for every lever step)
    let estimated = {
        let ds = ctx.dataset.clone();
        use_memo((), move |_| {
            ds.targets
                .iter()
                .map(|t| indicator_spec(&t.indicator).is_some_and(|s| ds.rests_on_estimates(&s.depends)))
                .collect::<Vec<bool>>()
        })
    };
    let bands = ctx.bands.clone();
    let columns = if bands.is_some() { 9 } else { 8 };
    // one stable callback for every row (a new one each render would defeat the rows' memo)
    let on_seek = {
        let seeking = seeking.clone();
        use_callback(seeking.clone(), move |id: String, _| {
            seeking.set(if seeking.as_deref() == Some(id.as_str()) {
                None
            } else {
                Some(id)
            })
        })
    };
    let rows = ds.targets.iter().zip(&ctx.current.targets).zip(&ctx.baseline.targets).enumerate().map(|(i, ((spec, cur), base))| {
        let open = seeking.as_deref() == Some(spec.id.as_str());
        html! {
            <>
            <TargetRow dataset={Shared(ctx.dataset.clone())} index={i} current={cur.clone()} baseline={base.clone()}
                estimate={estimated.get(i).copied().unwrap_or(false)}
                prob={bands.as_ref().map(|b| b.prob(&spec.id))} prob_stale={ctx.mc_stale} {open} lang={lang}
                dispatch={ctx.state.dispatcher()} on_seek={on_seek.clone()} />
            if open {
                <tr class="seek-row"><td colspan={columns.to_string()}><GoalSeek target={spec.id.clone()} /></td></tr>
            }
            </>
        }
    });
    html! {
        <section class="target-board" id="target-board" tabindex="-1" aria-labelledby="target-board-title">
            <div class="section-head">
                <h2 id="target-board-title">{ t.target_board }</h2>
                <p class="summary" aria-live="polite">
                    <strong class="met-count">{ met_count }</strong>{ " / " }{ ds.targets.len() }{ " " }{ t.targets_summary }
                    if undefined > 0 { { fill(t.targets_not_applicable, &[("n", &undefined.to_string())]) } }
                </p>
            </div>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_target }</th>
                            <th scope="col" class="num">{ t.col_year }</th>
                            <th scope="col" class="num">{ t.col_value }</th>
                            <th scope="col" class="num">{ t.baseline_value }</th>
                            <th scope="col" class="num">{ t.col_threshold }</th>
                            <th scope="col">{ t.col_status }</th>
                            <th scope="col" class="num">{ t.col_first_met }</th>
                            if ctx.bands.is_some() { <th scope="col" class="num">{ t.prob_met }</th> }
                            <th scope="col"><span class="visually-hidden">{ t.seek }</span></th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { flagged_line(&ctx) }
        </section>
    }
}

/// The schools with an early warning in the last year (issue 18), with a
/// button to their chart; nothing when none has one.
fn flagged_line(ctx: &crate::context::Ctx) -> Html {
    let t = ctx.t();
    let p = &ctx.current;
    let year = ctx.dataset.horizon;
    let Some(r) = p.years.iter().position(|y| *y == year).and_then(|i| p.records.get(i)) else {
        return html! {};
    };
    if r.schools_flagged <= 0.0 {
        return html! {};
    }
    let n = |x: f64| format::group_thousands(x, 0);
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::ShowChart("schools_flagged".into())))
    };
    html! {
        <p class="board-flagged">
            { fill(t.board_flagged, &[("year", &year.to_string()), ("n", &n(r.schools_flagged)), ("kg", &n(r.kg.schools_flagged))]) }
            { " " }
            <button type="button" class="link-button" {onclick}>{ t.board_flagged_open }</button>
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct TargetRowProps {
    dataset: Shared<Dataset>,
    /// The target's index in the dataset.
    index: usize,
    current: TargetResult,
    baseline: TargetResult,
    /// The value rests on estimated data.
    estimate: bool,
    /// P(met) when uncertainty is on (`Some(None)`: no probability for this target).
    prob: Option<Option<f64>>,
    /// The probability is of the scenario before the lever now moving.
    prob_stale: bool,
    /// The goal-seeking row below is open.
    open: bool,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
    on_seek: Callback<String>,
}

/// One target's row: re-rendered only when its own figures change, not when
/// a lever moves figures of other targets (issue 17).
#[function_component]
fn TargetRow(props: &TargetRowProps) -> Html {
    let TargetRowProps {
        current: cur,
        baseline: base,
        lang,
        ..
    } = props;
    let Some(spec) = props.dataset.targets.get(props.index) else {
        return html! {};
    };
    let t = lang.strings();
    let loc = lang.locale();
    let unit = spec.unit();
    let value = cur.shown(unit, loc);
    let base_value = base.shown(unit, loc);
    let changed = cur.value != base.value;
    let status_class = cur.status.key();
    let (status, gap, why) = match cur.status {
        Status::Met => (t.met, None, None),
        Status::Missed => {
            let gap = cur.margin.map(|m| margin_text(m.abs(), unit, loc)).unwrap_or_default();
            (t.missed, Some(format!("{} {}", t.by, gap)), None)
        }
        Status::Undefined => (t.not_applicable, None, Some(t.not_applicable_why)),
        Status::Beyond => (t.beyond_horizon, None, None),
    };
    let first = match (cur.first_year_met, cur.status) {
        (Some(y), _) => y.to_string(),
        // never measurable: "never met" would claim a comparison that was not made
        (None, Status::Undefined) => format::NO_VALUE.to_string(),
        (None, _) => t.never.to_string(),
    };
    let label = lang.pick(&spec.label.zh, &spec.label.en);
    let note = lang.pick(&spec.note.zh, &spec.note.en);
    let show = chart_for_indicator(&spec.indicator).map(|c| {
        let dispatch = props.dispatch.clone();
        let id = c.id.to_string();
        Callback::from(move |_| dispatch.dispatch(Action::ShowChart(id.clone())))
    });
    let open_seek = props.on_seek.reform({
        let id = spec.id.clone();
        move |_: MouseEvent| id.clone()
    });
    html! {
        <tr class={classes!("target-row", status_class)} data-target={spec.id.clone()}>
            <th scope="row" class="target-label">
                if let Some(onclick) = show {
                    <button type="button" class="target-link" {onclick} title={t.show_chart}>{ label }</button>
                } else {
                    <span>{ label }</span>
                }
                if !note.is_empty() { <span class="target-note" title={note.to_string()}>{ note }</span> }
            </th>
            <td class="num year" data-label={t.col_year}>{ spec.year }</td>
            <td class={classes!("num", "target-value", changed.then_some("changed"))} data-label={t.col_value}>
                <span class="value-text">{ value }</span>
                if props.estimate {
                    <span class="estimate-mark" title={t.estimate_tooltip}><span aria-hidden="true">{ t.estimate_mark }</span><span class="visually-hidden">{ t.estimate_tooltip }</span></span>
                }
            </td>
            <td class="num baseline-value" data-label={t.baseline_value}>{ base_value }</td>
            <td class="num threshold" data-label={t.col_threshold}>{ threshold_text(cur, unit, loc) }</td>
            <td class={classes!("status", status_class)} title={why}>
                <span class="status-dot" aria-hidden="true"></span>{ status }
                if let Some(g) = gap { <span class="status-gap">{ g }</span> }
                if let Some(w) = why { <span class="status-gap">{ w }</span> }
            </td>
            <td class="num first-met" data-label={t.col_first_met}>{ first }</td>
            if let Some(prob) = props.prob {
                <td class={classes!("num", "prob", props.prob_stale.then_some("stale"))} data-label={t.prob_met}>{ prob.filter(|_| cur.status != Status::Undefined).map_or(format::NO_VALUE.to_string(), format::percent) }</td>
            }
            <td class="seek-cell"><button type="button" class="seek-open" onclick={open_seek} aria-expanded={props.open.to_string()}
                aria-label={format!("{}{}{}", t.seek, t.colon, label)}>{ t.seek }</button></td>
        </tr>
    }
}
