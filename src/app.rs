//! The app root: owns the scenario reducer, derives the projections, mirrors
//! the state into the URL and storage, and lays out the workspace.

use std::rc::Rc;

use eduplan_model::uncertainty::{Bands, McSettings, DEFAULT_SEED};
use eduplan_model::{project, Dataset, Scenario};
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{
    brief::Brief, briefing_panel::BriefingPanel, budget_panel::BudgetPanel, chart_panel::ChartPanel,
    compare_table::CompareTable, data_panel::DataPanel, footer::Footer, header::Header, levers_panel::LeversPanel,
    notice_bar::NoticeBar, presentation::Presentation, saved_panel::SavedPanel, scenario_bar::ScenarioBar,
    schools_panel::SchoolsPanel, target_board::TargetBoard,
};
use crate::context::Ctx;
use crate::i18n::Lang;
use crate::persist;
use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub dataset: Rc<Dataset>,
    /// Read the URL and storage at start (off in tests that mount the app
    /// beside others on one page).
    #[prop_or(true)]
    pub persist: bool,
    /// The dataset's content hash (links and saved scenarios carry it); the
    /// bundled dataset's by default.
    #[prop_or_else(|| eduplan_model::summary::DEFAULT_DATASET_HASH.into())]
    pub hash: Rc<str>,
    /// Told the language whenever it changes (the root's data dialog speaks it).
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
    /// The dataset as JSON when it is not the bundled one: the Monte Carlo
    /// worker runs on it (it knows the bundled one itself).
    #[prop_or_default]
    pub dataset_json: Option<Rc<str>>,
}

/// Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), except while typing in a text field,
/// where the browser's own undo belongs.
fn shortcut(e: &web_sys::KeyboardEvent) -> Option<Action> {
    if !(e.ctrl_key() || e.meta_key()) {
        return None;
    }
    let typing = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| matches!(i.type_().as_str(), "text" | "number" | "search"));
    if typing {
        return None;
    }
    match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
        ("z", false) => Some(Action::Undo),
        ("z", true) | ("y", false) => Some(Action::Redo),
        _ => None,
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let dataset = props.dataset.clone();
    let persist_on = props.persist;
    let state = {
        let ds = dataset.clone();
        let hash = props.hash.clone();
        use_reducer(move || {
            if persist_on {
                persist::initial_state(ds, &hash)
            } else {
                AppState::on(ds, &hash)
            }
        })
    };
    // The baseline never moves; the current projection follows the scenario.
    let baseline = {
        let ds = dataset.clone();
        use_memo((), move |_| project(&ds, &Scenario::default()))
    };
    let current = {
        let ds = dataset.clone();
        use_memo(state.scenario.clone(), move |sc| project(&ds, sc))
    };
    let pinned: Vec<(String, Scenario)> = state
        .pinned_scenarios()
        .iter()
        .map(|s| (s.name.clone(), s.scenario.clone()))
        .collect();
    let compare = {
        let ds = dataset.clone();
        use_memo(pinned, move |p| {
            if p.len() < 2 {
                Vec::new()
            } else {
                // a scenario saved on other figures is fitted to these first
                p.iter()
                    .map(|(n, s)| (n.clone(), Rc::new(project(&ds, &eduplan_model::codec::adapt(s, &ds).0))))
                    .collect()
            }
        })
    };

    {
        let on_lang = props.on_lang.clone();
        use_effect_with(state.lang, move |lang| on_lang.emit(*lang));
    }
    use_effect_with(state.lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(match lang {
                Lang::Zh => "教育规划模拟器 · EduPlan",
                Lang::En => "EduPlan · education planning simulator",
            });
        }
    });
    // URL and autosave mirror the settled scenario and the language: a drag
    // writes once, on release, not on every pixel
    {
        let s = state.clone();
        use_effect_with((state.committed.clone(), state.lang), move |_| {
            if persist_on {
                persist::mirror_url(&s);
                if let Err(m) = persist::autosave(&s) {
                    s.dispatch(Action::Notify(vec![m]));
                }
            }
        });
    }
    {
        let s = state.clone();
        use_effect_with(state.saved.clone(), move |saved| {
            if persist_on {
                if let Err(m) = persist::store_saved(saved) {
                    s.dispatch(Action::Notify(vec![m, crate::state::Message::SavedNotKept]));
                    // the list shows what is really stored
                    let stored = persist::stored_saved();
                    if &stored != saved {
                        s.dispatch(Action::KeepOnlyStored(stored));
                    }
                }
            }
        });
    }
    // keyboard undo/redo for the whole page
    {
        let s = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new_with_options(
                    &w,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                            if let Some(a) = shortcut(k) {
                                k.prevent_default();
                                s.dispatch(a);
                            }
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    // Monte Carlo in a worker, for the settled scenario; the deterministic line
    // has already moved, the bands follow when the draws are done
    let bands = use_state(|| None::<(Scenario, Rc<Bands>, f64)>);
    let mc_running = use_state(|| false);
    // only the latest request's answer is shown
    let mc_generation = use_mut_ref(|| 0u64);
    {
        let bands = bands.clone();
        let mc_running = mc_running.clone();
        let dataset_json = props.dataset_json.clone();
        let dataset = props.dataset.clone();
        use_effect_with(
            (state.committed.clone(), state.uncertainty, state.draws),
            move |(scenario, on, draws)| {
                let draws = *draws;
                if *on && bands.as_ref().map(|(s, b, _)| (s, b.draws)) != Some((scenario, draws)) {
                    let scenario = scenario.clone();
                    let dataset_json = dataset_json.clone();
                    let dataset = dataset.clone();
                    mc_running.set(true);
                    *mc_generation.borrow_mut() += 1;
                    let mine = *mc_generation.borrow();
                    wasm_bindgen_futures::spawn_local(async move {
                        let settings = McSettings {
                            draws,
                            seed: scenario.seed.unwrap_or(DEFAULT_SEED),
                            ..McSettings::default()
                        };
                        // the draws run on the data in use: an imported dataset travels with the request
                        match crate::monte_carlo::run(&dataset, dataset_json.as_deref(), &scenario, &settings).await {
                            Ok((b, ms)) if *mc_generation.borrow() == mine => {
                                bands.set(Some((scenario, Rc::new(b), ms)));
                            }
                            Ok(_) => {}
                            Err(e) => web_sys::console::warn_1(&format!("Monte Carlo: {e}").into()),
                        }
                        if *mc_generation.borrow() == mine {
                            mc_running.set(false);
                        }
                    });
                }
            },
        );
    }
    let (band_rc, mc_ms, mc_stale) = match (&*bands, state.uncertainty) {
        (Some((of, b, ms)), true) => (Some(b.clone()), Some(*ms), *of != state.scenario),
        _ => (None, None, false),
    };
    let ctx = Ctx {
        state,
        dataset,
        baseline,
        current,
        compare,
        bands: band_rc,
        mc_running: *mc_running,
        mc_ms,
        mc_stale,
    };
    // on a phone the levers are a sheet behind one button (see LeversToggle)
    let levers_open = use_state(|| false);
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div class={classes!("app", levers_open.then_some("levers-open"))}>
                <SkipLinks levers_open={levers_open.clone()} />
                <Header />
                <ScenarioBar />
                <NoticeBar />
                <main class="workspace">
                    <LeversToggle open={levers_open.clone()} />
                    <LeversPanel />
                    <section class="results" aria-label={ctx.t().results}>
                        <TargetBoard />
                        <BudgetPanel />
                        <ChartPanel />
                        <BriefingPanel />
                        <SchoolsPanel />
                        <div class="below">
                            <CompareTable />
                            <SavedPanel />
                            <DataPanel />
                        </div>
                    </section>
                </main>
                <Footer />
            </div>
            <Presentation />
            <Brief />
        </ContextProvider<Ctx>>
    }
}

#[derive(Properties, PartialEq)]
struct LeversToggleProps {
    open: UseStateHandle<bool>,
}

/// A phone's one control for the levers (hidden on wider screens by the
/// stylesheet): opens them as a sheet over the lower part of the screen, so
/// the board and charts stay in view above while a lever moves.
#[function_component]
fn LeversToggle(props: &LeversToggleProps) -> Html {
    let ctx = crate::context::use_ctx();
    let t = ctx.t();
    let open = props.open.clone();
    let sc = &ctx.state.scenario;
    let changed = sc.levers.len() + sc.assumptions.len() + sc.merges.len() + sc.new_schools.len() + sc.boarding.len();
    // Esc closes the sheet (unless a dialog or the slides are over it) and focus goes back to the button
    {
        let open = open.clone();
        use_effect_with(*open, move |is_open| {
            let listener = is_open.then(web_sys::window).flatten().map(|w| {
                gloo_events::EventListener::new(&w, "keydown", move |e| {
                    let esc = e
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape");
                    let covered = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.query_selector(".presentation, .modal-backdrop").ok().flatten())
                        .is_some();
                    if esc && !covered {
                        open.set(false);
                        crate::browser::focus(".levers-toggle");
                    }
                })
            });
            move || drop(listener)
        });
    }
    let onclick = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <div class="levers-toggle-bar">
            <button type="button" class="levers-toggle" aria-controls="levers" aria-expanded={open.to_string()} {onclick}>
                { if *open { t.levers_hide } else { t.levers_show } }
                if changed > 0 {
                    <span class="levers-changed">{ crate::i18n::fill(t.levers_changed_n, &[("n", &changed.to_string())]) }</span>
                }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SkipLinksProps {
    levers_open: UseStateHandle<bool>,
}

/// The first Tab stops of the page: straight to the targets or the levers,
/// past the header and toolbar (hidden until focused). On a phone the levers
/// are a closed sheet: the link opens it first.
#[function_component]
fn SkipLinks(props: &SkipLinksProps) -> Html {
    let ctx = crate::context::use_ctx();
    let t = ctx.t();
    let jump = |id: &'static str| {
        let levers_open = props.levers_open.clone();
        Callback::from(move |e: MouseEvent| {
            // focus without writing a #fragment into the shared address
            e.prevent_default();
            if id == "levers" && !*levers_open {
                levers_open.set(true);
                // beside the results (wide screens) the panel takes focus now; a phone's
                // sheet is shown on the next render: focus it then
                if !crate::browser::focus("#levers") {
                    crate::browser::focus_later("#levers".to_string());
                }
            } else {
                crate::browser::focus(&format!("#{id}"));
            }
        })
    };
    html! {
        <nav class="skip-links" aria-label={t.skip_links}>
            <a class="skip-link" href="#target-board" onclick={jump("target-board")}>{ t.skip_to_targets }</a>
            <a class="skip-link" href="#levers" onclick={jump("levers")}>{ t.skip_to_levers }</a>
        </nav>
    }
}
