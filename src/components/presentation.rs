//! Presentation mode: full screen, the target board (one slide per twelve targets), one per
//! chosen chart (for the working scenario, or the comparison when scenarios
//! are pinned), a closing slide with a QR code of the share link. Arrow keys,
//! PageUp/PageDown (what presentation clickers send), Space, Home/End and Esc.

use eduplan_model::targets::TargetSpec;
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;

use yew::prelude::*;

use crate::charts::specs::chart;
use crate::components::budget_panel::{purchase_line, spent_of_available};
use crate::components::chart::Chart;
use crate::components::compare_table::scenario_swatch;
use crate::components::target_board::threshold_text;
use crate::context::use_ctx;
use crate::i18n::fill;
use crate::modal;
use crate::persist;
use crate::qr::{self, ShareCode};
use crate::state::Action;

fn call_document(method: &str, target: &wasm_bindgen::JsValue) {
    if let Ok(f) = js_sys::Reflect::get(target, &method.into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            // may return a rejected promise (no fullscreen in this context): harmless
            let _ = f.call0(target);
        }
    }
}

fn fullscreen(on: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if on {
        if let Some(root) = doc.document_element() {
            call_document("requestFullscreen", &root.into());
        }
    } else {
        let active = js_sys::Reflect::get(&doc, &"fullscreenElement".into())
            .map(|v| !v.is_null() && !v.is_undefined())
            .unwrap_or(false);
        if active {
            call_document("exitFullscreen", &doc.into());
        }
    }
}

/// Presentation mode when the state has a slide. The slides are their own
/// component so that entering mounts them and leaving unmounts them: the key
/// handler, full screen and the inert page live exactly as long as the mode.
#[function_component]
pub fn Presentation() -> Html {
    let ctx = use_ctx();
    match ctx.state.slide {
        Some(slide) => html! { <Slides {slide} /> },
        None => html! {},
    }
}

/// Targets on one board slide: 12 (two columns of six) stay readable at 21 px
/// on a 1024×768 projector; a longer list of targets takes more slides.
const BOARD_PAGE: usize = 12;
/// Targets on one board slide comparing scenarios (one row each, a column per
/// scenario): eight Chinese labels fit a 1024×768 projector beside four
/// columns, English labels (twice as long, three lines) six.
fn board_page_compare(lang: crate::i18n::Lang) -> usize {
    match lang {
        crate::i18n::Lang::Zh => 8,
        crate::i18n::Lang::En => 6,
    }
}

/// The briefing points on a slide (computed once when it is shown).
#[function_component]
fn BriefingSlide() -> Html {
    let ctx = use_ctx();
    let data = {
        let c = ctx.clone();
        use_memo(
            (ctx.state.scenario.clone(), ctx.lang(), Rc::as_ptr(&ctx.compare)),
            move |_| crate::briefing::compute(&c),
        )
    };
    html! {
        <div class="slide-briefing">
            <h2 class="slide-title">{ data.titles().0 }</h2>
            <crate::components::briefing_panel::BriefingPoints briefing={(*data).clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SlidesProps {
    slide: usize,
}

#[function_component]
fn Slides(props: &SlidesProps) -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let loc = lang.locale();
    let slide = props.slide;
    let charts: Vec<&'static str> = ctx.state.charts.iter().filter_map(|c| chart(c)).map(|c| c.id).collect();
    let comparing = ctx.compare.len() >= 2;
    // budget mode: what the money bought, right after the board
    let money = usize::from(!comparing && ctx.current.derived.is_some());
    // the board in parts small enough to read from the back of the room
    let per_page = if comparing {
        board_page_compare(lang)
    } else {
        BOARD_PAGE
    };
    let pages = ctx.dataset.targets.len().div_ceil(per_page).max(1);
    // the board, what the money bought, the charts, the briefing points, the code
    let total = pages + money + charts.len() + 2;
    let slide = slide.min(total - 1);

    // the key handler outlives this render: it reads the slide shown now from here
    let shown = use_mut_ref(|| 0usize);
    *shown.borrow_mut() = slide;
    // full screen while presenting; keys move between slides; the page behind
    // is inert and focus is in the slides, and goes back where it was after
    let view = use_node_ref();
    {
        let ctx = ctx.clone();
        let shown = shown.clone();
        let view = view.clone();
        use_effect_with((), move |_| {
            fullscreen(true);
            let opened = view.cast::<web_sys::HtmlElement>().map(|el| modal::open(&el));
            let doc = web_sys::window().and_then(|w| w.document());
            let keys = web_sys::window().map(|w| {
                let ctx = ctx.clone();
                EventListener::new_with_options(
                    &w,
                    "keydown",
                    gloo_events::EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        let cur = *shown.borrow();
                        let key = k.key();
                        if key == "Tab" {
                            if modal::wrap_focus(".presentation", k.shift_key()) {
                                k.prevent_default();
                            }
                            return;
                        }
                        // Space and Enter on a focused button press it, not "next slide"
                        let on_button = k
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .is_some_and(|e| e.tag_name().eq_ignore_ascii_case("button"));
                        if on_button && (key == " " || key == "Enter") {
                            return;
                        }
                        let action = match key.as_str() {
                            "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" => {
                                Action::Slide((cur + 1).min(total - 1))
                            }
                            "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => Action::Slide(cur.saturating_sub(1)),
                            "Home" => Action::Slide(0),
                            "End" => Action::Slide(total - 1),
                            "Escape" => Action::StopPresenting,
                            _ => return,
                        };
                        k.prevent_default();
                        ctx.dispatch(action);
                    },
                )
            });
            // leaving full screen with the browser's own Esc leaves the presentation too
            let exit = doc.map(|d| {
                let ctx = ctx.clone();
                let d2 = d.clone();
                EventListener::new(&d, "fullscreenchange", move |_| {
                    let active = js_sys::Reflect::get(&d2, &"fullscreenElement".into())
                        .map(|v| !v.is_null())
                        .unwrap_or(false);
                    if !active {
                        ctx.dispatch(Action::StopPresenting);
                    }
                })
            });
            move || {
                drop(keys);
                drop(exit);
                fullscreen(false);
                if let Some(o) = opened {
                    o.close(".tool.present");
                }
            }
        });
    }

    let scenario_line = ctx.scenario_title();
    let ds = &ctx.dataset;
    let as_of = format!(
        "{}{}{} · {}{}{}",
        t.dataset,
        t.colon,
        lang.pick(&ds.name.zh, &ds.name.en),
        t.data_as_of,
        t.colon,
        lang.pick(&ds.as_of.zh, &ds.as_of.en)
    );

    let body = if slide < pages {
        // the target board, large, one part per slide
        let part = ds.targets.iter().enumerate().skip(slide * per_page).take(per_page);
        let title = if pages > 1 {
            fill(
                t.slide_board_part,
                &[
                    ("title", t.target_board),
                    ("n", &(slide + 1).to_string()),
                    ("total", &pages.to_string()),
                ],
            )
        } else {
            t.target_board.to_string()
        };
        let part: Vec<(usize, &TargetSpec)> = part.collect();
        if comparing {
            board_compare(&ctx, &part, &title)
        } else {
            board_cards(&ctx, &part, &title)
        }
    } else if money == 1 && slide == pages {
        html! {
            <>
                <h2 class="slide-title">{ t.budget_title }</h2>
                <table class="slide-purchases">
                    <tbody>
                        { for ctx.current.purchases.iter().map(|b| html! {
                            <tr>
                                <th scope="row">{ b.year }</th>
                                <td>{ purchase_line(b, t, loc) }</td>
                                <td class="num">{ spent_of_available(b, loc) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </>
        }
    } else if slide < pages + money + charts.len() {
        let spec = chart(charts[slide - pages - money]).expect("chart ids come from the catalogue");
        html! { <Chart key={format!("slide-{}", spec.id)} {spec} prefix="slide-chart" bare=true /> }
    } else if slide == pages + money + charts.len() {
        html! { <BriefingSlide /> }
    } else {
        html! { <ClosingSlide /> }
    };

    let go = |i: usize| {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::Slide(i)))
    };
    let exit = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::StopPresenting))
    };
    html! {
        <div class="presentation" role="dialog" aria-modal="true" aria-label={t.present} data-slide={slide.to_string()} tabindex="-1" ref={view}>
            // plain blocks, not header/main/footer: the page already has its banner, main and contentinfo
            <div class="slide-head">
                <span class="slide-brand">{ t.app_title }</span>
                <span class="slide-scenario">{ scenario_line }</span>
            </div>
            // focusable: a slide longer than the screen scrolls by keyboard too
            <div class="slide-body" tabindex="0">{ body }</div>
            <div class="slide-foot">
                <span class="slide-asof">{ as_of }</span>
                <span class="slide-nav">
                    <button type="button" class="slide-prev" onclick={go(slide.saturating_sub(1))} disabled={slide == 0}>{ "← " }{ t.slide_prev }</button>
                    <span class="slide-count">{ fill(t.slide_of, &[("n", &(slide + 1).to_string()), ("total", &total.to_string())]) }</span>
                    <button type="button" class="slide-next" onclick={go((slide + 1).min(total - 1))} disabled={slide + 1 == total}>{ t.slide_next }{ " →" }</button>
                    <button type="button" class="slide-exit" onclick={exit}>{ t.slide_exit }{ if lang == crate::i18n::Lang::Zh { "（Esc）" } else { " (Esc)" } }</button>
                </span>
            </div>
        </div>
    }
}

/// "≥ 95.0% · 2025": a target's threshold and the year it is tested in.
fn threshold_and_year(
    r: &eduplan_model::targets::TargetResult,
    spec: &TargetSpec,
    loc: eduplan_model::format::Locale,
) -> String {
    format!("{} · {}", threshold_text(r, spec.unit(), loc), spec.year)
}

/// A part of the target board for the working scenario: two columns of
/// targets, each with its value, threshold and year.
fn board_cards(ctx: &crate::context::Ctx, part: &[(usize, &TargetSpec)], title: &str) -> Html {
    let lang = ctx.lang();
    let loc = lang.locale();
    let cells = part.iter().map(|&(i, spec)| {
        let unit = spec.unit();
        let r = &ctx.current.targets[i];
        html! {
            <div class="slide-target" data-target={spec.id.clone()}>
                <span class="slide-target-label">{ lang.pick(&spec.label.zh, &spec.label.en) }</span>
                <span class="slide-target-values">
                    <span class={classes!("v", r.status.key())}>{ r.shown(unit, loc) }</span>
                    <span class="thr">{ threshold_and_year(r, spec, loc) }</span>
                </span>
            </div>
        }
    });
    html! {
        <>
            <h2 class="slide-title">{ title.to_string() }</h2>
            <div class="slide-board">{ for cells }</div>
        </>
    }
}

/// A part of the target board comparing the pinned scenarios: a table with
/// each scenario's name (and its line style's colour) over its column.
fn board_compare(ctx: &crate::context::Ctx, part: &[(usize, &TargetSpec)], title: &str) -> Html {
    let t = ctx.t();
    let lang = ctx.lang();
    let loc = lang.locale();
    let rows = part.iter().map(|&(i, spec)| {
        let unit = spec.unit();
        let r = &ctx.current.targets[i];
        html! {
            <tr class="slide-target-row" data-target={spec.id.clone()}>
                <th scope="row">{ lang.pick(&spec.label.zh, &spec.label.en) }</th>
                // data-label: the column's name, shown on a phone where the table is a list
                { for ctx.compare.iter().map(|(name, p)| {
                    let c = &p.targets[i];
                    html! { <td class={classes!("v", c.status.key())} data-label={name.clone()}>{ c.shown(unit, loc) }</td> }
                }) }
                <td class="thr" data-label={t.col_threshold}>{ threshold_and_year(r, spec, loc) }</td>
            </tr>
        }
    });
    html! {
        <>
            <h2 class="slide-title">{ title.to_string() }</h2>
            <table class="slide-compare">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{ t.col_target }</span></th>
                        { for ctx.compare.iter().enumerate().map(|(k, (name, _))| html! {
                            <th scope="col" class="scenario-name" title={name.clone()}>
                                <span class="clamp">
                                    { scenario_swatch(k) }{ name }
                                </span>
                            </th>
                        }) }
                        <th scope="col" class="thr">{ t.col_threshold }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </>
    }
}

/// The closing slide: a code phones in the room can scan, or, when the
/// scenario is too large for one, what to do instead; the link to copy.
#[function_component]
fn ClosingSlide() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let url = persist::share_url(&ctx.state);
    // comparing several: the code opens the working scenario, by name
    let closing_title = if ctx.compare.len() >= 2 {
        fill(t.slide_closing_named, &[("name", &ctx.scenario_title())])
    } else {
        t.slide_closing.to_string()
    };
    // the code (and the digits form it may carry) follows the link: drawn once per link
    let code = {
        let state = ctx.state.clone();
        use_memo(url.clone(), move |url| {
            let digits = persist::share_qr_form(&state);
            qr::share_code(url, digits.as_ref().map(|(h, d)| (h.as_str(), d.as_str())))
        })
    };
    // None until tried; then whether the browser took it (as the toolbar's copy)
    let copied = use_state(|| None::<bool>);
    let copy = {
        let url = url.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let url = url.clone();
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(crate::browser::copy_text(&url).await));
            });
        })
    };
    let body = match &*code {
        ShareCode::Code(c) => {
            let n = c.size;
            html! {
                <svg class="qr" viewBox={format!("-4 -4 {} {}", n + 8, n + 8)} role="img" aria-label={t.slide_closing}
                    shape-rendering="crispEdges" data-modules={n.to_string()} data-text={c.text.clone()}>
                    <rect x="-4" y="-4" width={(n + 8).to_string()} height={(n + 8).to_string()} fill="#fff" />
                    <path d={c.path.clone()} fill="#000" />
                </svg>
            }
        }
        ShareCode::TooLong { chars } => html! {
            <p class="qr-too-long" role="note">{ fill(t.qr_too_long, &[("chars", &chars.to_string())]) }</p>
        },
    };
    html! {
        <div class="slide-closing">
            <h2 class="slide-title">{ closing_title }</h2>
            { body }
            <p class="slide-url">{ url.clone() }</p>
            <button type="button" class="slide-copy" onclick={copy}>{ match *copied {
                None => t.copy_link,
                Some(true) => t.link_copied,
                Some(false) => t.link_copy_manual,
            } }</button>
        </div>
    }
}
