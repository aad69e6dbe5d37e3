//! The difference table of a comparison: each target's value in its year for
//! the baseline and every pinned scenario, and the largest gap between them.

use eduplan_model::format;
use yew::prelude::*;

use crate::components::target_board::margin_text;
use crate::context::use_ctx;
use crate::i18n::fill;

/// Colours of compared scenarios (Okabe–Ito), with a dash pattern each so the
/// lines differ without colour too.
pub const SCENARIO_STYLES: [(&str, &str); 4] = [
    ("#0072B2", ""),
    ("#D55E00", "7 3"),
    ("#009E73", "2 3"),
    ("#CC79A7", "9 3 2 3"),
];

/// The colour mark of the k-th compared scenario (its line's colour in the charts).
pub fn scenario_swatch(k: usize) -> Html {
    html! { <span class="swatch" style={format!("background:{}", SCENARIO_STYLES[k % 4].0)}></span> }
}

#[function_component]
pub fn CompareTable() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let loc = lang.locale();
    let cmp = &ctx.compare;
    if cmp.len() < 2 {
        return html! {};
    }
    let rows = ctx.dataset.targets.iter().enumerate().map(|(i, spec)| {
        let unit = spec.unit();
        // each figure names its column (data-label): a phone shows the table as a list
        let cell = |p: &eduplan_model::Projection, label: &str| {
            let r = &p.targets[i];
            let text = r.shown(unit, loc);
            let class = r.status.key();
            html! { <td class={classes!("num", class)} data-label={label.to_string()}>{ text }</td> }
        };
        // undefined values (None) have no place in the spread
        let values: Vec<f64> = cmp.iter().filter_map(|(_, p)| p.targets[i].value).collect();
        let spread = match (
            values.iter().copied().reduce(f64::min),
            values.iter().copied().reduce(f64::max),
        ) {
            (Some(a), Some(b)) if values.len() >= 2 => margin_text(b - a, unit, loc),
            _ => format::NO_VALUE.into(),
        };
        html! {
            <tr data-target={spec.id.clone()}>
                <th scope="row">{ lang.pick(&spec.label.zh, &spec.label.en) }</th>
                <td class="num" data-label={t.col_year}>{ spec.year }</td>
                { cell(&ctx.baseline, t.legend_baseline) }
                { for cmp.iter().map(|(name, p)| cell(p, name)) }
                <td class="num spread" data-label={t.spread}>{ spread }</td>
            </tr>
        }
    });
    // the school network each scenario changes, and the schools with a
    // warning in the last year (issue 18)
    let pinned = ctx.state.pinned_scenarios();
    let year = ctx.dataset.horizon;
    let flagged = |p: &eduplan_model::Projection| {
        let at = p.years.iter().position(|y| *y == year)?;
        let r = p.records.get(at)?;
        Some(r.schools_flagged)
    };
    let count = |n: Option<f64>| n.map_or(format::NO_VALUE.to_string(), |n| format::group_thousands(n, 0));
    let network_row = html! {
        <tr class="network-row">
            <th scope="row">{ t.compare_network }</th>
            <td class="num" data-label={t.col_year}>{ format::NO_VALUE }</td>
            <td class="num" data-label={t.legend_baseline}>{ format::NO_VALUE }</td>
            { for pinned.iter().zip(cmp.iter()).map(|(s, (name, _))| {
                let sc = eduplan_model::codec::adapt(&s.scenario, &ctx.dataset).0;
                html! { <td class="num" data-label={name.clone()}>{ crate::components::network::summary(&sc, t).unwrap_or(format::NO_VALUE.to_string()) }</td> }
            }) }
            <td class="num spread" data-label={t.spread}>{ format::NO_VALUE }</td>
        </tr>
    };
    let counts: Vec<f64> = cmp.iter().filter_map(|(_, p)| flagged(p)).collect();
    let spread = match (
        counts.iter().copied().reduce(f64::min),
        counts.iter().copied().reduce(f64::max),
    ) {
        (Some(a), Some(b)) if counts.len() >= 2 => count(Some(b - a)),
        _ => format::NO_VALUE.to_string(),
    };
    let flagged_row = html! {
        <tr class="flagged-row">
            <th scope="row">{ fill(t.compare_flagged, &[("year", &year.to_string())]) }</th>
            <td class="num" data-label={t.col_year}>{ year }</td>
            <td class="num" data-label={t.legend_baseline}>{ count(flagged(&ctx.baseline)) }</td>
            { for cmp.iter().map(|(name, p)| html! { <td class="num" data-label={name.clone()}>{ count(flagged(p)) }</td> }) }
            <td class="num spread" data-label={t.spread}>{ spread }</td>
        </tr>
    };
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ t.compare_title }</h2>
            <div class="table-wrap">
                <table class="compare-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_target }</th>
                            <th scope="col" class="num">{ t.col_year }</th>
                            <th scope="col" class="num">{ t.legend_baseline }</th>
                            { for cmp.iter().enumerate().map(|(k, (name, _))| html! {
                                <th scope="col" class="num scenario-col">
                                    { scenario_swatch(k) }{ name }
                                </th>
                            }) }
                            <th scope="col" class="num">{ t.spread }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }{ network_row }{ flagged_row }</tbody>
                </table>
            </div>
        </section>
    }
}
