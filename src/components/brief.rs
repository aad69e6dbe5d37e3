//! The printable brief: what `window.print()` puts on A4 — title, date,
//! scenario (or comparison), the levers that differ from the baseline, the
//! target table, up to four of the chosen charts, and the estimate note.
//! Hidden on screen; the print stylesheet shows only this. It is built only
//! around printing (between `beforeprint` and `afterprint`), so moving a lever
//! does not re-render four hidden charts.

use eduplan_model::catalogue::{levers, LeverKind, LeverUnit};
use eduplan_model::scenario::default_value;
use eduplan_model::targets::Status;
use yew::prelude::*;

use crate::charts::specs::chart;
use crate::components::budget_panel::{purchase_line, spent_of_available};
use crate::components::chart::Chart;
use crate::components::target_board::threshold_text;
use crate::context::use_ctx;
use crate::i18n::Lang;
use crate::units;

#[function_component]
pub fn Brief() -> Html {
    let ctx = use_ctx();
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let (a, b) = (printing.clone(), printing);
                (
                    gloo_events::EventListener::new(&w, "beforeprint", move |_| a.set(true)),
                    gloo_events::EventListener::new(&w, "afterprint", move |_| b.set(false)),
                )
            });
            move || drop(listeners)
        });
    }
    if !*printing {
        return html! { <article class="brief" aria-hidden="true"></article> };
    }
    let t = ctx.t();
    let lang = ctx.lang();
    let loc = lang.locale();
    let ds = &ctx.dataset;
    let sc = &ctx.state.scenario;
    let comparing = ctx.compare.len() >= 2;
    let name = ctx.scenario_title();
    let mut changes: Vec<Html> = levers()
        .iter()
        .filter(|l| sc.levers.contains_key(l.id) || sc.assumptions.contains_key(l.id))
        .map(|l| {
            let show = |v: f64| {
                if l.unit == LeverUnit::Choice {
                    l.choices.get(v.round() as usize).map_or(String::new(), |(zh, en)| lang.pick(zh, en).to_string())
                } else {
                    units::show(v, l.step, l.unit, lang)
                }
            };
            let value = if ctx.state.varies_by_year(l.id) {
                {
                    let by_year = ctx.state.lever_years().map(|y| {
                        let v = units::display(ctx.state.lever_value_in(l.id, y), l.step, l.unit);
                        match lang {
                            Lang::Zh => format!("{y}年：{v}"),
                            Lang::En => format!("{y}: {v}"),
                        }
                    });
                    by_year.collect::<Vec<_>>().join(if lang == Lang::Zh { "；" } else { "; " })
                }
            } else {
                show(ctx.state.lever_value(l.id))
            };
            html! {
                <tr>
                    <td>{ lang.pick(l.label_zh, l.label_en) }{ if l.kind == LeverKind::Assumption { format!("（{}）", t.assumptions) } else { String::new() } }</td>
                    <td class="num">{ value }</td>
                    <td class="num muted">{ show(default_value(l, ds)) }</td>
                </tr>
            }
        })
        .collect();
    // the school network's changes are policy changes too
    let network = eduplan_model::network::describe_changes(&sc.new_schools, &sc.merges, &sc.boarding, ds, loc);
    changes.extend(network.into_iter().map(|(kind, text)| {
        html! {
            <tr>
                <td>{ crate::components::network::change_label(kind, t) }</td>
                <td class="num">{ text }</td>
                <td class="num muted">{ eduplan_model::format::NO_VALUE }</td>
            </tr>
        }
    }));
    let targets = ds.targets.iter().enumerate().map(|(i, spec)| {
        let unit = spec.unit();
        let cell = |p: &eduplan_model::Projection| {
            let r = &p.targets[i];
            let mark = match r.status {
                Status::Met => "✓",
                Status::Missed => "✗",
                Status::Undefined => t.not_applicable,
                Status::Beyond => "",
            };
            let class = r.status.key();
            html! { <td class={classes!("num", class)}>{ r.shown(unit, loc) }{ " " }{ mark }</td> }
        };
        html! {
            <tr>
                <td>{ lang.pick(&spec.label.zh, &spec.label.en) }</td>
                <td class="num">{ spec.year }</td>
                <td class="num">{ threshold_text(&ctx.current.targets[i], unit, loc) }</td>
                { cell(&ctx.baseline) }
                if comparing {
                    { for ctx.compare.iter().map(|(_, p)| cell(p)) }
                } else {
                    { cell(&ctx.current) }
                }
            </tr>
        }
    });
    let charts = ctx.state.charts.iter().filter_map(|c| chart(c)).take(4);
    // the briefing points, first: what the report's paragraph says
    let briefing = crate::briefing::compute(&ctx);
    html! {
        <article class="brief" aria-hidden="true">
            <header class="brief-head">
                <h1>{ t.brief_title }</h1>
                <p>
                    <strong>{ name }</strong>{ " · " }{ lang.pick(&ds.name.zh, &ds.name.en) }{ " · " }
                    { t.data_as_of }{ t.colon }{ lang.pick(&ds.as_of.zh, &ds.as_of.en) }{ " · " }
                    { t.brief_date }{ t.colon }{ date_text(&crate::exports::today(), lang) }
                </p>
            </header>
            <section class="brief-points">
                <h2>{ briefing.titles().0 }</h2>
                <crate::components::briefing_panel::BriefingPoints briefing={briefing.clone()} />
            </section>
            if !comparing {
                <section>
                    <h2>{ t.brief_changes }</h2>
                    if changes.is_empty() {
                        <p>{ t.brief_no_changes }</p>
                    } else {
                        <table class="brief-table"><tbody>{ for changes }</tbody></table>
                    }
                </section>
            }
            <section>
                <h2>{ t.brief_targets }</h2>
                <table class="brief-table">
                    <thead>
                        <tr>
                            <th>{ t.col_target }</th><th class="num">{ t.col_year }</th><th class="num">{ t.col_threshold }</th>
                            <th class="num">{ t.legend_baseline }</th>
                            if comparing {
                                { for ctx.compare.iter().map(|(n, _)| html! { <th class="num">{ n }</th> }) }
                            } else {
                                <th class="num">{ t.legend_current }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>{ for targets }</tbody>
                </table>
            </section>
            if !comparing && ctx.current.derived.is_some() {
                <section>
                    <h2>{ t.budget_title }</h2>
                    <table class="brief-table"><tbody>
                        { for ctx.current.purchases.iter().map(|b| html! {
                            <tr><td class="num">{ b.year }</td><td>{ purchase_line(b, t, loc) }</td>
                                <td class="num muted">{ spent_of_available(b, loc) }</td></tr>
                        }) }
                    </tbody></table>
                </section>
            }
            <section>
                <h2>{ t.brief_charts }</h2>
                <div class="brief-charts">
                    { for charts.map(|spec| html! { <Chart key={format!("brief-{}", spec.id)} {spec} prefix="brief-chart" bare=true /> }) }
                </div>
            </section>
            <p class="brief-note">{ t.brief_estimate_note }</p>
        </article>
    }
}

/// "2026-11-29" as a Chinese reader writes a date: 2026年11月29日.
fn date_text(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match (lang, parts.as_slice()) {
        (Lang::Zh, [y, m, d]) => format!("{y}年{}月{}日", m.trim_start_matches('0'), d.trim_start_matches('0')),
        _ => iso.to_string(),
    }
}
