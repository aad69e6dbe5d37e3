//! One line chart as SVG: the fixed Baseline (dashed) and the Current scenario
//! (solid) for each series, target lines or bands, years on the x axis, and a
//! readout of the values at the hovered or keyboard-selected year.
//!
//! When 2–4 saved scenarios are pinned, the chart compares them instead: one
//! series at a time (chosen in the chart), the baseline in grey and each
//! scenario in its own colour and dash pattern.
//!
//! The y axis is set from the baseline and the targets (with headroom), so it
//! stays still while a slider moves the current lines; it grows only when a
//! drawn line leaves it.

use eduplan_model::catalogue::{indicator_spec, IndicatorSpec, IndicatorUnit};
use eduplan_model::format::{self, Locale};
use eduplan_model::units::is_defined;
use eduplan_model::Dataset;
use std::rc::Rc;
use web_sys::{Element, MouseEvent};
use yew::prelude::*;

use crate::charts::scale::{nice_domain, year_ticks, Linear};
use crate::charts::specs::{ChartSpec, Series};
use crate::components::compare_table::SCENARIO_STYLES;
use crate::context::{use_ctx, Ctx};
use crate::i18n::fill;
use crate::i18n::Lang;
use crate::state::Action;

const W: f64 = 640.0;
const H: f64 = 280.0;
const ML: f64 = 64.0;
const MR: f64 = 14.0;
const MT: f64 = 14.0;
const MB: f64 = 28.0;
const BASELINE_GREY: &str = "#6b7280";

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub spec: &'static ChartSpec,
    /// Element id prefix: the same chart appears in the panel, on a slide and
    /// in the printed brief, and ids must stay unique.
    #[prop_or(AttrValue::Static("chart"))]
    pub prefix: AttrValue,
    /// Hide the tools (zone, close, downloads): slides and the brief.
    #[prop_or(false)]
    pub bare: bool,
}

/// A tick label: percentages with the decimals the step needs, counts and money
/// in the locale's style.
fn tick_label(v: f64, unit: IndicatorUnit, step: f64, loc: Locale) -> String {
    match unit {
        IndicatorUnit::Share => {
            // the decimals the step needs: a 2.5% step labels 87.5%, not 88%
            let points = step * 100.0;
            let dec = (0..=3)
                .find(|d| {
                    let f = 10f64.powi(*d);
                    ((points * f).round() - points * f).abs() < 1e-6
                })
                .unwrap_or(3) as usize;
            format!("{:.*}%", dec, v * 100.0)
        }
        IndicatorUnit::PupilsPerClass | IndicatorUnit::PupilsPerTeacher => {
            format::group_thousands(v, if step < 1.0 { 1 } else { 0 })
        }
        _ => format::bare(v, unit, loc),
    }
}

/// The SVG path of a series; an undefined value (a ratio over nothing)
/// breaks the line instead of drawing it at 0.
fn path(xs: &Linear, ys: &Linear, years: &[i32], values: &[f64]) -> String {
    let mut d = String::with_capacity(values.len() * 16);
    let mut pen_down = false;
    for (y, v) in years.iter().zip(values) {
        if !is_defined(*v) {
            pen_down = false;
            continue;
        }
        d.push_str(&format!(
            "{}{:.1},{:.1}",
            if pen_down { "L" } else { "M" },
            xs.map(*y as f64),
            ys.map(*v)
        ));
        pen_down = true;
    }
    d
}

/// A series of the chart resolved for the chosen zone.
struct Line<'a> {
    id: String,
    series: &'a Series,
    spec: &'static IndicatorSpec,
}

/// One drawn line: what the readout and the legend list.
#[derive(PartialEq)]
struct Drawn {
    /// `data-series` of its path (indicator id, or indicator id plus scenario index).
    key: String,
    label: String,
    color: &'static str,
    dash: &'static str,
    values: Vec<f64>,
    /// The baseline drawn under it (single-scenario mode).
    baseline: Option<Vec<f64>>,
    /// Drawn as the baseline itself (comparison mode).
    is_baseline: bool,
}

/// A dataset target drawn on the chart: name, low and high thresholds, colour.
type TargetLine = (String, Option<f64>, Option<f64>, &'static str);

/// Everything one chart draws. The drawing is rebuilt only when this
/// changes: moving a lever that none of the chart's series depends on
/// leaves the chart as it is (issue 17).
struct ChartView {
    chart: &'static ChartSpec,
    prefix: AttrValue,
    bare: bool,
    lang: Lang,
    comparing: bool,
    zone: Option<String>,
    picked: usize,
    hover: Option<usize>,
    years: Vec<i32>,
    unit: IndicatorUnit,
    /// Labels of the chart's series (the comparison's series picker).
    labels: Vec<String>,
    /// The series drawn when comparing one at a time (slides name it).
    shown_label: Option<String>,
    drawn: Vec<Drawn>,
    targets: Vec<TargetLine>,
    /// What the y axis must hold before any drawn line: baselines and targets.
    fixed: Vec<f64>,
    /// The bands of the drawn lines (P10, P25, P50, P75, P90), single-scenario mode.
    bands: Vec<Option<[Vec<f64>; 5]>>,
    has_bands: bool,
    dataset: Rc<Dataset>,
}

impl PartialEq for ChartView {
    fn eq(&self, o: &Self) -> bool {
        self.chart.id == o.chart.id
            && self.prefix == o.prefix
            && self.bare == o.bare
            && self.lang == o.lang
            && self.comparing == o.comparing
            && self.zone == o.zone
            && self.picked == o.picked
            && self.hover == o.hover
            && self.years == o.years
            && self.unit == o.unit
            && self.labels == o.labels
            && self.shown_label == o.shown_label
            && self.drawn == o.drawn
            && self.targets == o.targets
            && self.fixed == o.fixed
            && self.bands == o.bands
            && self.has_bands == o.has_bands
            && Rc::ptr_eq(&self.dataset, &o.dataset)
    }
}

/// The chart's own state and the latest context (read when a button is
/// pressed, so a reused drawing never acts on an old scenario).
#[derive(Clone)]
struct Handles {
    zone: UseStateHandle<Option<String>>,
    hover: UseStateHandle<Option<usize>>,
    picked: UseStateHandle<usize>,
    ctx: Rc<std::cell::RefCell<Ctx>>,
}

#[function_component]
pub fn Chart(props: &ChartProps) -> Html {
    let ctx = use_ctx();
    let latest = use_mut_ref(|| ctx.clone());
    *latest.borrow_mut() = ctx.clone();
    let handles = Handles {
        zone: use_state(|| None::<String>),
        hover: use_state(|| None::<usize>),
        picked: use_state(|| 0usize),
        ctx: latest,
    };
    let view = chart_view(&ctx, props, &handles);
    let html = use_memo(view, move |v| draw(v, &handles));
    (*html).clone()
}

/// What the chart draws now, from the context and its own state.
fn chart_view(ctx: &Ctx, props: &ChartProps, h: &Handles) -> ChartView {
    let t = ctx.t();
    let lang = ctx.lang();
    let chart = props.spec;
    let zone = &*h.zone;
    let comparing = ctx.compare.len() >= 2;
    let lines: Vec<Line> = chart
        .series
        .iter()
        .filter_map(|s| {
            let spec = indicator_spec(s.indicator)?;
            let id = match zone {
                Some(z) if spec.zonal => format!("{}@{z}", s.indicator),
                Some(_) => return None,
                None => s.indicator.to_string(),
            };
            Some(Line { id, series: s, spec })
        })
        .collect();
    let unit = lines.first().map_or(IndicatorUnit::Persons, |l| l.spec.unit);
    let empty: &[f64] = &[];
    let base = |id: &str| ctx.baseline.get(id).unwrap_or(empty).to_vec();
    let label = |l: &Line| l.spec.label(lang.locale(), &ctx.dataset.words).into_owned();
    let picked = (*h.picked).min(lines.len().saturating_sub(1));

    let drawn: Vec<Drawn> = if comparing {
        match lines.get(picked) {
            Some(l) => std::iter::once(Drawn {
                key: l.id.clone(),
                label: t.legend_baseline.to_string(),
                color: BASELINE_GREY,
                dash: "5 4",
                values: base(&l.id),
                baseline: None,
                is_baseline: true,
            })
            .chain(ctx.compare.iter().enumerate().map(|(k, (name, p))| Drawn {
                key: format!("{}#{k}", l.id),
                label: name.clone(),
                color: SCENARIO_STYLES[k % 4].0,
                dash: SCENARIO_STYLES[k % 4].1,
                values: p.get(&l.id).unwrap_or(empty).to_vec(),
                baseline: None,
                is_baseline: false,
            }))
            .collect(),
            None => Vec::new(),
        }
    } else {
        lines
            .iter()
            .map(|l| Drawn {
                key: l.id.clone(),
                label: label(l),
                color: l.series.color,
                dash: "",
                values: ctx.current.get(&l.id).unwrap_or(empty).to_vec(),
                baseline: Some(base(&l.id)),
                is_baseline: false,
            })
            .collect()
    };

    // comparing scenarios draws one of the chart's series at a time: its targets only
    let shown_series = (comparing && lines.len() > 1).then(|| lines.get(picked)).flatten();
    // dataset targets on this chart's indicators (county level only)
    let targets: Vec<TargetLine> = if zone.is_some() {
        Vec::new()
    } else {
        ctx.dataset
            .targets
            .iter()
            .zip(&ctx.current.targets)
            .filter(|(s, _)| chart.target_indicators.contains(&s.indicator.as_str()))
            .filter(|(s, _)| shown_series.is_none_or(|l| l.series.indicator == s.indicator))
            .map(|(s, r)| {
                let color = chart
                    .series
                    .iter()
                    .find(|x| x.indicator == s.indicator)
                    .map_or("#444444", |x| x.color);
                (
                    lang.pick(&s.label.zh, &s.label.en).to_string(),
                    r.threshold_low,
                    r.threshold_high,
                    color,
                )
            })
            .collect()
    };
    let mut fixed: Vec<f64> = lines.iter().flat_map(|l| base(&l.id)).collect();
    fixed.extend(targets.iter().flat_map(|(_, a, b, _)| [*a, *b]).flatten());
    let bands = drawn
        .iter()
        .map(|d| {
            let b = ctx.bands.as_ref().filter(|_| !comparing)?;
            let [p10, p25, p50, p75, p90] = b.get(&d.key)?;
            Some([p10, p25, p50, p75, p90].map(|q| q.to_vec()))
        })
        .collect();
    ChartView {
        chart,
        prefix: props.prefix.clone(),
        bare: props.bare,
        lang,
        comparing,
        zone: zone.clone(),
        picked,
        hover: *h.hover,
        years: ctx.current.years.clone(),
        unit,
        labels: lines.iter().map(label).collect(),
        shown_label: shown_series.map(label),
        drawn,
        targets,
        fixed,
        bands,
        has_bands: ctx.bands.is_some(),
        dataset: ctx.dataset.clone(),
    }
}

/// The chart's figure: title and tools, the SVG, the readout and the key.
fn draw(v: &ChartView, h: &Handles) -> Html {
    let ChartView {
        chart,
        lang,
        comparing,
        unit,
        ref years,
        ref drawn,
        ref targets,
        ..
    } = *v;
    let t = lang.strings();
    let loc = lang.locale();
    let n = years.len();
    let zone = &v.zone;
    let picked = v.picked;
    let hover = &h.hover;

    // y domain: baseline and targets with headroom; grows only if a drawn line leaves it
    let mut fixed = v.fixed.clone();
    let mut drawn_all: Vec<f64> = drawn.iter().flat_map(|d| d.values.iter().copied()).collect();
    for [p10, _, _, _, p90] in v.bands.iter().flatten() {
        drawn_all.extend(p10.iter().chain(p90.iter()).copied());
    }
    let min_all = fixed.iter().chain(&drawn_all).copied().fold(f64::INFINITY, f64::min);
    let zero = !(unit == IndicatorUnit::Share && min_all > 0.5);
    let (fmin, fmax) = fixed
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    if fmax.is_finite() {
        fixed.push(fmax + 0.1 * (fmax - fmin).max(fmax.abs() * 0.05));
    }
    if unit == IndicatorUnit::Share {
        fixed.retain(|v| *v <= 1.0 || drawn_all.iter().any(|c| c > v));
    }
    let ((mut lo, mut hi), mut ticks) = nice_domain(fixed.iter().copied(), zero, 5);
    if drawn_all.iter().any(|v| *v > hi + 1e-12 || *v < lo - 1e-12) {
        ((lo, hi), ticks) = nice_domain(fixed.iter().chain(&drawn_all).copied(), zero, 5);
    }
    let step = if ticks.len() > 1 { ticks[1] - ticks[0] } else { 1.0 };
    let first = *years.first().unwrap_or(&0);
    let last = *years.last().unwrap_or(&0);
    let xs = Linear::new((first as f64, last as f64), (ML, W - MR));
    let ys = Linear::new((lo, hi), (H - MB, MT));

    let selected = v.hover.unwrap_or(n.saturating_sub(1)).min(n.saturating_sub(1));
    let sel_year = years.get(selected).copied().unwrap_or(last);

    // pointer and keyboard move the readout year
    let on_move = {
        let hover = hover.clone();
        let years = years.clone();
        Callback::from(move |e: MouseEvent| {
            let el: Element = e.target_unchecked_into();
            let svg = el.closest("svg").ok().flatten().unwrap_or(el);
            let width = svg.client_width() as f64;
            if width <= 0.0 {
                return;
            }
            let x = e.offset_x() as f64 * W / width;
            let yr = xs.invert(x).round() as i32;
            if let Some(i) = years.iter().position(|y| *y == yr.clamp(first, last)) {
                hover.set(Some(i));
            }
        })
    };
    let on_leave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let on_key = {
        let hover = hover.clone();
        Callback::from(move |e: KeyboardEvent| {
            let cur = hover.unwrap_or(n.saturating_sub(1));
            let next = match e.key().as_str() {
                "ArrowLeft" => cur.saturating_sub(1),
                "ArrowRight" => (cur + 1).min(n.saturating_sub(1)),
                "Home" => 0,
                "End" => n.saturating_sub(1),
                _ => return,
            };
            e.prevent_default();
            hover.set(Some(next));
        })
    };
    let on_zone = {
        let zone = h.zone.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = sel.value();
            zone.set(if v.is_empty() { None } else { Some(v) });
        })
    };
    let on_pick = {
        let picked = h.picked.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            picked.set(sel.value().parse().unwrap_or(0));
        })
    };
    let on_close = {
        let ctx = h.ctx.clone();
        let id = chart.id;
        Callback::from(move |_| ctx.borrow().dispatch(Action::ToggleChart(id.to_string())))
    };

    let fmt = |v: f64| format::value(v, unit, loc);
    let title = (chart.title)(t);
    let zone_name = zone
        .as_ref()
        .and_then(|z| v.dataset.zones.iter().find(|x| &x.id == z))
        .map(|z| lang.pick(&z.name.zh, &z.name.en).to_string());
    let desc: Vec<String> = drawn
        .iter()
        .map(|d| {
            let tail = d.baseline.as_ref().map_or(String::new(), |b| {
                format!(
                    "（{} {}）",
                    t.legend_baseline,
                    b.last().map_or(format::NO_VALUE.into(), |v| fmt(*v))
                )
            });
            format!(
                "{}：{first} {} → {last} {}{tail}",
                d.label,
                d.values.first().map_or(format::NO_VALUE.into(), |v| fmt(*v)),
                d.values.last().map_or(format::NO_VALUE.into(), |v| fmt(*v)),
            )
        })
        .collect();
    let id = format!("{}-{}", v.prefix, chart.id);
    let on_svg = {
        let ctx = h.ctx.clone();
        let id = chart.id;
        Callback::from(move |_| {
            let ctx = ctx.borrow().clone();
            if let Err(e) = crate::exports::download_svg(&ctx, id) {
                ctx.dispatch(Action::Notify(vec![crate::state::Message::ExportFailed(e)]));
            }
        })
    };
    let on_png = {
        let ctx = h.ctx.clone();
        let id = chart.id;
        Callback::from(move |_| {
            let ctx = ctx.borrow().clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = crate::exports::download_png(&ctx, id).await {
                    ctx.dispatch(Action::Notify(vec![crate::state::Message::ExportFailed(e)]));
                }
            });
        })
    };
    let line_path = |values: &[f64]| path(&xs, &ys, years, values);

    html! {
        <figure class={classes!("chart", comparing.then_some("comparing"))} id={id.clone()} tabindex="-1" aria-labelledby={format!("{id}-title")} data-chart={chart.id}>
            <figcaption class="chart-head">
                <h3 id={format!("{id}-title")}>
                    { title }
                    if let Some(z) = &zone_name { <span class="chart-zone">{ " · " }{ z }</span> }
                    // a slide or the brief has no series picker: the title says which is drawn
                    if let Some(l) = v.shown_label.as_ref().filter(|_| v.bare) { <span class="chart-zone chart-series">{ " · " }{ l }</span> }
                </h3>
                if !v.bare {
                <div class="chart-tools">
                    if comparing && v.labels.len() > 1 {
                        <select class="series-select" onchange={on_pick} aria-label={format!("{}: {}", title, t.col_target)}>
                            { for v.labels.iter().enumerate().map(|(i, l)| html! {
                                <option value={i.to_string()} selected={picked == i}>{ l }</option>
                            }) }
                        </select>
                    }
                    if chart.zonal {
                        <label class="zone-select">
                            <span class="visually-hidden">{ t.zone }</span>
                            <select onchange={on_zone} aria-label={format!("{}: {}", title, t.zone)}>
                                <option value="" selected={zone.is_none()}>{ lang.pick(&v.dataset.words.whole, t.county_wide) }</option>
                                { for v.dataset.zones.iter().map(|z| html! {
                                    <option value={z.id.clone()} selected={zone.as_deref() == Some(z.id.as_str())}>{ lang.pick(&z.name.zh, &z.name.en) }</option>
                                }) }
                            </select>
                        </label>
                    }
                    <button type="button" class="chart-dl svg" onclick={on_svg} title={t.download_svg} aria-label={format!("{}{}{}", title, t.colon, t.download_svg_aria)}>{ "SVG" }</button>
                    <button type="button" class="chart-dl png" onclick={on_png} title={t.download_png} aria-label={format!("{}{}{}", title, t.colon, t.download_png_aria)}>{ "PNG" }</button>
                    <button type="button" class="chart-close" onclick={on_close} aria-label={format!("{}{}{}", t.close, t.colon, title)} title={t.close}>{ "×" }</button>
                </div>
                }
            </figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} class="chart-svg" role="img" tabindex="0"
                aria-labelledby={format!("{id}-svgtitle {id}-desc")}
                onmousemove={on_move} onmouseleave={on_leave} onkeydown={on_key}>
                <title id={format!("{id}-svgtitle")}>{ title }</title>
                <desc id={format!("{id}-desc")}>{ desc.join("；") }</desc>
                { for ticks.iter().map(|v| {
                    let y = ys.map(*v);
                    html! {
                        <g class="tick">
                            <line x1={ML.to_string()} x2={(W - MR).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} class="grid" />
                            <text x={(ML - 6.0).to_string()} y={format!("{:.1}", y + 4.0)} text-anchor="end" class="axis-label">{ tick_label(*v, unit, step, loc) }</text>
                        </g>
                    }
                }) }
                { for year_ticks(first, last).into_iter().map(|yr| {
                    let x = xs.map(yr as f64);
                    html! { <text x={format!("{x:.1}")} y={(H - 8.0).to_string()} text-anchor="middle" class="axis-label">{ yr }</text> }
                }) }
                { for targets.iter().map(|(name, a, b, color)| {
                    let line = |v: f64| {
                        let y = ys.map(v);
                        html! { <line x1={ML.to_string()} x2={(W - MR).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} stroke={*color} class="target-line" /> }
                    };
                    let band = match (a, b) {
                        (Some(a), Some(b)) => {
                            let (y1, y2) = (ys.map(*b), ys.map(*a));
                            html! { <rect x={ML.to_string()} y={format!("{y1:.1}")} width={(W - ML - MR).to_string()} height={format!("{:.1}", (y2 - y1).max(0.0))} fill={*color} class="target-band" /> }
                        }
                        _ => html! {},
                    };
                    let tip = match (a, b) {
                        (Some(a), Some(b)) => format!("{name}{}{}{}{}", t.colon, fmt(*a), format::range_dash(loc), fmt(*b)),
                        (Some(a), None) => format!("{name}{}≥ {}", t.colon, fmt(*a)),
                        (None, Some(b)) => format!("{name}{}≤ {}", t.colon, fmt(*b)),
                        _ => name.clone(),
                    };
                    html! {
                        <g class="target-group"><title>{ tip }</title>{ band }{ for a.iter().map(|v| line(*v)) }{ for b.iter().map(|v| line(*v)) }</g>
                    }
                }) }
                // uncertainty bands of the current scenario (P10–P90, P25–P75) and the median
                { for drawn.iter().zip(&v.bands).filter(|(d, _)| !comparing && d.baseline.is_some()).filter_map(|(d, b)| {
                    let [p10, p25, p50, p75, p90] = b.as_ref()?;
                    // the band over the years where both bounds are defined
                    let area = |lo: &[f64], hi: &[f64]| {
                        let at = |(y, v): (&i32, &f64)| format!("{:.1},{:.1}", xs.map(*y as f64), ys.map(*v));
                        let both: Vec<(&i32, (&f64, &f64))> = years.iter().zip(lo.iter().zip(hi)).filter(|(_, (a, b))| is_defined(**a) && is_defined(**b)).collect();
                        let mut pts: Vec<String> = both.iter().map(|(y, (_, h))| at((y, h))).collect();
                        pts.extend(both.iter().rev().map(|(y, (l, _))| at((y, l))));
                        pts.join(" ")
                    };
                    Some(html! {
                        <g class="bands" data-series={d.key.clone()}>
                            <polygon points={area(p10, p90)} fill={d.color} class="band outer" />
                            <polygon points={area(p25, p75)} fill={d.color} class="band inner" />
                            <path d={line_path(p50)} stroke={d.color} class="line median" />
                        </g>
                    })
                }) }
                // baselines (dashed) under the drawn lines
                { for drawn.iter().filter_map(|d| d.baseline.as_ref().map(|b| html! {
                    <path d={line_path(b)} stroke={d.color} class="line baseline" data-series={d.key.clone()} />
                })) }
                { for drawn.iter().map(|d| html! {
                    <path d={line_path(&d.values)} stroke={d.color} stroke-dasharray={(!d.dash.is_empty()).then(|| d.dash.to_string())}
                        class={classes!("line", if d.is_baseline { "baseline" } else { "current" })} data-series={d.key.clone()} />
                }) }
                <line class="cursor" x1={format!("{:.1}", xs.map(sel_year as f64))} x2={format!("{:.1}", xs.map(sel_year as f64))} y1={MT.to_string()} y2={(H - MB).to_string()} />
                { for drawn.iter().filter(|d| !d.is_baseline).filter_map(|d| {
                    let v = d.values.get(selected).copied().filter(|v| is_defined(*v))?;
                    Some(html! { <circle cx={format!("{:.1}", xs.map(sel_year as f64))} cy={format!("{:.1}", ys.map(v))} r="3.5" fill={d.color} class="dot" /> })
                }) }
                <rect x={ML.to_string()} y={MT.to_string()} width={(W - ML - MR).to_string()} height={(H - MT - MB).to_string()} class="hit" />
            </svg>
            <div class="chart-readout" aria-live="polite">
                <span class="readout-year">{ sel_year }</span>
                { for drawn.iter().zip(&v.bands).map(|(d, band)| {
                    let c = d.values.get(selected).copied();
                    html! {
                        <span class="readout-item" data-series={d.key.clone()}>
                            <span class="swatch" style={format!("background:{}", d.color)}></span>
                            <span class="readout-label">{ &d.label }</span>
                            <strong class="readout-value">{ c.map_or(format::NO_VALUE.into(), fmt) }</strong>
                            if let Some(b) = &d.baseline {
                                <span class="readout-base">{ format!("（{} {}）", t.legend_baseline, b.get(selected).map_or(format::NO_VALUE.into(), |v| fmt(*v))) }</span>
                            }
                            if let Some([p10, _, _, _, p90]) = band.as_ref()
                                .filter(|[lo, _, _, _, hi]| lo.get(selected).zip(hi.get(selected)).is_some_and(|(a, b)| is_defined(*a) && is_defined(*b))) {
                                <span class="readout-band">{ fill(t.band_range, &[("lo", &p10.get(selected).map_or(format::NO_VALUE.into(), |v| fmt(*v))), ("hi", &p90.get(selected).map_or(format::NO_VALUE.into(), |v| fmt(*v)))]) }</span>
                            }
                        </span>
                    }
                }) }
            </div>
            if !comparing {
                <div class="chart-key" aria-hidden="true">
                    <span><svg width="28" height="8"><line x1="0" x2="28" y1="4" y2="4" class="key-current" /></svg>{ t.legend_current }</span>
                    <span><svg width="28" height="8"><line x1="0" x2="28" y1="4" y2="4" class="key-baseline" /></svg>{ t.legend_baseline }</span>
                    if !targets.is_empty() {
                        <span><svg width="28" height="8"><line x1="0" x2="28" y1="4" y2="4" class="key-target" /></svg>{ t.target_line }</span>
                    }
                    if v.has_bands {
                        <span>{ t.bands_legend }</span>
                    }
                </div>
            }
        </figure>
    }
}
