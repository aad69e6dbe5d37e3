//! The app root: owns the scenario reducer, derives the projections and lays
//! out the workspace.

use std::rc::Rc;

use eduplan_model::{project, Dataset, Scenario};
use yew::prelude::*;

use crate::components::{
    chart_panel::ChartPanel, data_panel::DataPanel, footer::Footer, header::Header, levers_panel::LeversPanel,
    target_board::TargetBoard,
};
use crate::context::Ctx;
use crate::i18n::Lang;
use crate::state::AppState;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub dataset: Rc<Dataset>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let dataset = props.dataset.clone();
    let state = {
        let ds = dataset.clone();
        use_reducer(move || AppState::new(ds))
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
    let ctx = Ctx {
        state,
        dataset,
        baseline,
        current,
    };
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div class="app">
                <Header />
                <main class="workspace">
                    <LeversPanel />
                    <section class="results" aria-label={ctx.t().results}>
                        <TargetBoard />
                        <ChartPanel />
                        <DataPanel />
                    </section>
                </main>
                <Footer />
            </div>
        </ContextProvider<Ctx>>
    }
}
