//! What every component reads: the state handle, the dataset and the two
//! projections (baseline and current), shared through one Yew context.

use std::rc::Rc;

use eduplan_model::{Dataset, Projection};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::{Action, AppState};

#[derive(Clone)]
pub struct Ctx {
    pub state: UseReducerHandle<AppState>,
    pub dataset: Rc<Dataset>,
    /// The fixed comparison: the dataset's defaults, never moved by levers.
    pub baseline: Rc<Projection>,
    pub current: Rc<Projection>,
    /// Pinned scenarios (name, projection) when comparing; empty otherwise.
    pub compare: Rc<Vec<(String, Rc<Projection>)>>,
    /// Monte Carlo bands of the settled scenario, when uncertainty is on;
    /// `running` while the worker computes new ones.
    pub bands: Option<Rc<eduplan_model::uncertainty::Bands>>,
    pub mc_running: bool,
    pub mc_ms: Option<f64>,
    /// The bands are of another scenario than the one shown (a lever is
    /// being moved; the draws rerun once it settles): their probabilities
    /// are marked as not yet current.
    pub mc_stale: bool,
}

impl PartialEq for Ctx {
    fn eq(&self, o: &Self) -> bool {
        self.state == o.state
            && Rc::ptr_eq(&self.dataset, &o.dataset)
            && Rc::ptr_eq(&self.baseline, &o.baseline)
            && Rc::ptr_eq(&self.current, &o.current)
            && Rc::ptr_eq(&self.compare, &o.compare)
            && self.bands.as_ref().map(Rc::as_ptr) == o.bands.as_ref().map(Rc::as_ptr)
            && self.mc_running == o.mc_running
            && self.mc_ms == o.mc_ms
            && self.mc_stale == o.mc_stale
    }
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.state.lang
    }
    pub fn t(&self) -> &'static Strings {
        self.state.lang.strings()
    }
    pub fn dispatch(&self, a: Action) {
        self.state.dispatch(a)
    }

    /// What slides and the brief call the scenario: the compared names, the
    /// working scenario's name, or "baseline"/"untitled" when it has none.
    pub fn scenario_title(&self) -> String {
        let t = self.t();
        let sc = &self.state.scenario;
        if self.compare.len() >= 2 {
            self.compare
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(" · ")
        } else if !sc.name.is_empty() {
            sc.name.clone()
        } else if sc.levers.is_empty() && sc.assumptions.is_empty() && !sc.changes_network() {
            t.baseline_only.to_string()
        } else {
            t.untitled.to_string()
        }
    }
}

/// A scenario name made safe as a file name (no path or reserved characters);
/// `fallback` when nothing is left.
pub fn file_stem(name: &str, fallback: &str) -> String {
    let reserved = |c: char| "/\\:*?\"<>|".contains(c);
    let s: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if reserved(c) { '_' } else { c })
        .collect();
    let s = s.trim();
    if s.is_empty() {
        fallback.to_string()
    } else {
        s.to_string()
    }
}

/// A shared value compared by identity: a component prop that holds the
/// dataset is equal when it is the same dataset, without comparing every
/// figure in it on each render.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The context, for components rendered inside the app.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("components are rendered inside the app's context provider")
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("方案/B: <新>", "x"), "方案_B_ _新_");
        assert_eq!(file_stem("  \n ", "eduplan-scenario"), "eduplan-scenario");
        assert_eq!(file_stem("a\\b", "x"), "a_b");
    }
}
