//! The one scenario state of the app, changed only through [`Action`]s.
//!
//! The projection is not state: it is derived (and memoised) from the
//! scenario. URL and storage, when they come, mirror this state.

use std::rc::Rc;

use eduplan_model::catalogue::lever_spec;
use eduplan_model::codec::{self, DatasetRef, Notice};
use eduplan_model::scenario::default_value;
use eduplan_model::{Dataset, LeverValue, Scenario};
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub scenario: Scenario,
    /// Used to decide which lever values equal the baseline (and are dropped).
    pub dataset: Rc<Dataset>,
    /// The dataset's id, version, content hash and name, as links and saved
    /// scenarios carry them.
    pub data_ref: Rc<DatasetRef>,
    /// Charts the planner watches, in display order.
    pub charts: Vec<String>,
    /// A chart to bring into view (set when a target is clicked), with a
    /// counter so clicking the same target again scrolls again.
    pub focus: Option<(String, u32)>,
    /// The scenario at the last settled change; undo steps are made of these.
    pub committed: Scenario,
    pub past: Vec<Scenario>,
    pub future: Vec<Scenario>,
    /// Scenarios saved in this browser.
    pub saved: Vec<Saved>,
    /// Saved scenarios pinned for comparison (ids, at most [`MAX_PINNED`]).
    pub pinned: Vec<String>,
    /// Messages for the notice bar (link problems, storage trouble, imports).
    pub notices: Vec<Message>,
    /// The slide shown in presentation mode, if presenting.
    pub slide: Option<usize>,
    /// Whether uncertainty bands and P(met) are shown (runs the Monte Carlo).
    pub uncertainty: bool,
    /// Draws per Monte Carlo run.
    pub draws: u32,
}

/// How many scenarios can be compared at once.
pub const MAX_PINNED: usize = 4;
/// How many undo steps are kept.
pub const MAX_UNDO: usize = 200;

/// A scenario saved in the browser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub id: String,
    pub name: String,
    pub scenario: Scenario,
    /// The dataset it was saved on (absent in scenarios saved before datasets
    /// could be imported: those were made on the bundled dataset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<DatasetRef>,
}

impl Saved {
    /// Whether it was saved on the dataset `r` refers to.
    pub fn is_on(&self, r: &DatasetRef) -> bool {
        match &self.dataset {
            Some(d) => d.matches(&r.id, &r.hash),
            None => r.id == eduplan_model::dataset::DEFAULT_DATASET_ID,
        }
    }
}

/// Something the app tells the planner in the notice bar.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// A problem in the link the app was opened with.
    Link(Notice),
    /// A value of a scenario file or a saved scenario that had to be fitted
    /// (to the lever's grid or range, or to this dataset's years).
    Fitted(Notice),
    /// Stored data could not be read and was moved aside under `kept_as`.
    StorageCorrupt { key: String, kept_as: String },
    /// The browser's storage is full or unavailable.
    StorageFull,
    /// A scenario could not be saved in the browser (the storage refused it).
    SavedNotKept,
    /// A scenario file could not be imported (the reason).
    ImportFailed(String),
    /// A scenario file was imported (its name).
    Imported(String),
    /// An export could not be written (the reason).
    ExportFailed(String),
    /// A saved scenario made on another dataset was opened (scenario name,
    /// that dataset's name): its values were fitted to this dataset.
    SavedOnOtherDataset {
        scenario: String,
        dataset: String,
        /// Same dataset id, other figures (another version of it).
        version: bool,
    },
}

impl AppState {
    /// Takes back every change to the school network (policies, like the levers).
    fn clear_network(&mut self) {
        let sc = &mut self.scenario;
        sc.merges.clear();
        sc.new_schools.clear();
        sc.boarding.clear();
    }

    /// A fresh state on the bundled dataset (tests and the workspace alone).
    pub fn new(dataset: Rc<Dataset>) -> AppState {
        AppState::on(dataset, eduplan_model::summary::DEFAULT_DATASET_HASH)
    }

    /// A fresh state on a dataset whose content hash is `hash`.
    pub fn on(dataset: Rc<Dataset>, hash: &str) -> AppState {
        AppState {
            lang: Lang::default(),
            scenario: Scenario::default(),
            data_ref: Rc::new(DatasetRef::of(&dataset, hash)),
            dataset,
            charts: crate::charts::specs::DEFAULT_CHARTS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            focus: None,
            committed: Scenario::default(),
            past: Vec::new(),
            future: Vec::new(),
            saved: Vec::new(),
            pinned: Vec::new(),
            notices: Vec::new(),
            slide: None,
            uncertainty: false,
            draws: eduplan_model::uncertainty::DEFAULT_DRAWS,
        }
    }

    /// Starts from a given scenario (from a link or the autosave) with the
    /// browser's saved scenarios; the starting point is not an undo step.
    pub fn starting_with(mut self, scenario: Scenario, saved: Vec<Saved>) -> AppState {
        self.committed = scenario.clone();
        self.scenario = scenario;
        self.saved = saved;
        self
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty() || self.scenario != self.committed
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// The saved scenarios pinned for comparison, in pin order.
    pub fn pinned_scenarios(&self) -> Vec<&Saved> {
        self.pinned
            .iter()
            .filter_map(|id| self.saved.iter().find(|s| &s.id == id))
            .collect()
    }

    /// Makes the current scenario a settled undo step.
    fn checkpoint(&mut self) {
        if self.scenario != self.committed {
            self.past
                .push(std::mem::replace(&mut self.committed, self.scenario.clone()));
            if self.past.len() > MAX_UNDO {
                self.past.remove(0);
            }
            self.future.clear();
        }
    }

    /// A fresh id for a saved scenario.
    fn next_saved_id(&self) -> String {
        let n = self
            .saved
            .iter()
            .filter_map(|s| s.id.strip_prefix('s').and_then(|x| x.parse::<u64>().ok()))
            .max()
            .unwrap_or(0);
        format!("s{}", n + 1)
    }

    /// The projection years levers act in (base + 1 ..= horizon).
    pub fn lever_years(&self) -> std::ops::RangeInclusive<i32> {
        self.dataset.base_year + 1..=self.dataset.horizon
    }

    /// A lever's value in one year.
    pub fn lever_value_in(&self, id: &str, year: i32) -> f64 {
        let Some(spec) = lever_spec(id) else { return 0.0 };
        let base = default_value(spec, &self.dataset);
        match self
            .scenario
            .levers
            .get(id)
            .or_else(|| self.scenario.assumptions.get(id))
        {
            Some(LeverValue::Constant(v)) => *v,
            Some(LeverValue::ByYear(m)) => m.get(&year.to_string()).copied().unwrap_or(base),
            None => base,
        }
    }

    /// Whether the lever has different values in different years.
    pub fn varies_by_year(&self, id: &str) -> bool {
        matches!(self.scenario.levers.get(id), Some(LeverValue::ByYear(_)))
    }

    /// The value a lever has in the scenario (one number; per-year values
    /// report their first year).
    pub fn lever_value(&self, id: &str) -> f64 {
        let spec = lever_spec(id);
        let given = self
            .scenario
            .levers
            .get(id)
            .or_else(|| self.scenario.assumptions.get(id));
        match (given, spec) {
            (Some(LeverValue::Constant(v)), _) => *v,
            (Some(LeverValue::ByYear(m)), Some(s)) => m
                .values()
                .next()
                .copied()
                .unwrap_or_else(|| default_value(s, &self.dataset)),
            (_, Some(s)) => default_value(s, &self.dataset),
            _ => 0.0,
        }
    }

    pub fn is_changed(&self, id: &str) -> bool {
        self.scenario.levers.contains_key(id) || self.scenario.assumptions.contains_key(id)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// Sets one lever to one number for every projection year (snapped to its
    /// step and clamped to its range; the baseline value removes the entry).
    SetLever(String, f64),
    ResetLever(String),
    /// Sets a per-year lever in one year (other years keep their values).
    SetLeverYear(String, i32, f64),
    ResetPolicies,
    ResetAssumptions,
    ResetAll,
    /// Merges a school into another from a year (issue 18); one the dataset
    /// cannot make leaves the scenario as it was.
    AddMerge(eduplan_model::network::Merge),
    /// Takes back the merge at this position.
    RemoveMerge(usize),
    /// Opens a new school from a year; one the dataset cannot take leaves the
    /// scenario as it was.
    AddNewSchool(eduplan_model::network::NewSchool),
    /// Takes back the new school at this position, with the merges and
    /// boarding places that name it.
    RemoveNewSchool(usize),
    /// Gives a school boarding places from a year (refused as `AddMerge`).
    AddBoarding(eduplan_model::network::Boarding),
    /// Takes back the boarding places at this position.
    RemoveBoarding(usize),
    /// Shows or hides a chart.
    ToggleChart(String),
    /// Shows a chart (if hidden) and brings it into view.
    ShowChart(String),
    /// A slider was released or a value typed: the change becomes one undo step.
    Commit,
    Undo,
    Redo,
    /// Renames the working scenario.
    SetName(String),
    /// Saves the working scenario under a name (a new saved scenario).
    SaveAs(String),
    /// Replaces a saved scenario with the working one.
    Overwrite(String),
    /// Opens a saved scenario as the working one.
    Open(String),
    Rename(String, String),
    Duplicate(String),
    Delete(String),
    /// Pins or unpins a saved scenario for comparison.
    TogglePin(String),
    /// Replaces the working scenario (an imported file).
    Load(Scenario),
    /// The saved scenarios as they really are in storage, after a write was
    /// refused: the list never shows what was not kept.
    KeepOnlyStored(Vec<Saved>),
    Notify(Vec<Message>),
    DismissNotices,
    /// Presentation mode: show a slide (entering the mode if needed), or leave.
    Slide(usize),
    StopPresenting,
    ToggleUncertainty,
    /// Draws per Monte Carlo run (1..=10,000).
    SetDraws(u32),
}

/// `name`, or when another saved scenario (other than `except`) has it,
/// “name（2）” / "name (2)" with the least free number: columns of a
/// comparison and the slides must tell scenarios apart by name.
fn distinct_name(name: &str, saved: &[Saved], except: Option<&str>, lang: Lang) -> String {
    let taken = |n: &str| saved.iter().any(|s| s.name == n && Some(s.id.as_str()) != except);
    if !taken(name) {
        return name.to_string();
    }
    (2..)
        .map(|k| crate::i18n::fill(lang.strings().name_numbered, &[("name", name), ("n", &k.to_string())]))
        .find(|n| !taken(n))
        .unwrap_or_else(|| name.to_string())
}

/// A name EduPlan gave an unnamed saved scenario: `#` and a number.
fn is_auto_name(name: &str) -> bool {
    name.strip_prefix('#')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// `#n` with the least n from the count of saved scenarios + 1 up that no saved scenario has.
fn next_auto_name(saved: &[Saved]) -> String {
    (saved.len() + 1..)
        .map(|n| format!("#{n}"))
        .find(|name| saved.iter().all(|s| &s.name != name))
        .unwrap_or_default()
}

/// A scenario name as user text: no control characters, trimmed, bounded.
pub fn clean_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .chars()
        .take(eduplan_model::codec::MAX_NAME)
        .collect()
}

/// Snaps a value to the lever's grid and range.
pub fn snap(id: &str, v: f64) -> Option<f64> {
    lever_spec(id)?.snap(v)
}

/// Actions that are one settled change each (sliders settle with `Commit`).
fn settles(a: &Action) -> bool {
    matches!(
        a,
        Action::SetLeverYear(..)
            | Action::AddMerge(_)
            | Action::RemoveMerge(_)
            | Action::AddNewSchool(_)
            | Action::RemoveNewSchool(_)
            | Action::AddBoarding(_)
            | Action::RemoveBoarding(_)
            | Action::ResetLever(_)
            | Action::ResetPolicies
            | Action::ResetAssumptions
            | Action::ResetAll
            | Action::SetName(_)
            | Action::Open(_)
            | Action::Load(_)
    )
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let settled = settles(&action);
        match action {
            Action::SetLang(l) => next.lang = l,
            Action::SetLever(id, v) => {
                let (Some(spec), Some(v)) = (lever_spec(&id), snap(&id, v)) else {
                    return self;
                };
                let base = default_value(spec, &self.dataset);
                let section = match spec.kind {
                    eduplan_model::catalogue::LeverKind::Policy => &mut next.scenario.levers,
                    eduplan_model::catalogue::LeverKind::Assumption => &mut next.scenario.assumptions,
                };
                if (v - base).abs() < 1e-12 {
                    section.remove(&id);
                } else {
                    section.insert(id, LeverValue::Constant(v));
                }
            }
            Action::SetLeverYear(id, year, v) => {
                let (Some(spec), Some(v)) = (lever_spec(&id), snap(&id, v)) else {
                    return self;
                };
                if !spec.per_year || !self.lever_years().contains(&year) {
                    return self;
                }
                let base = default_value(spec, &self.dataset);
                let mut values: Vec<(i32, f64)> =
                    self.lever_years().map(|y| (y, self.lever_value_in(&id, y))).collect();
                for (y, x) in values.iter_mut() {
                    if *y == year {
                        *x = v;
                    }
                }
                let section = &mut next.scenario.levers;
                if values.iter().all(|(_, x)| (x - base).abs() < 1e-12) {
                    section.remove(&id);
                } else if values.iter().all(|(_, x)| (x - values[0].1).abs() < 1e-12) {
                    section.insert(id, LeverValue::Constant(values[0].1));
                } else {
                    section.insert(
                        id,
                        LeverValue::ByYear(values.into_iter().map(|(y, x)| (y.to_string(), x)).collect()),
                    );
                }
            }
            Action::ToggleChart(id) => {
                if let Some(i) = next.charts.iter().position(|c| *c == id) {
                    next.charts.remove(i);
                } else if crate::charts::specs::chart(&id).is_some() {
                    next.charts.push(id);
                }
            }
            Action::ShowChart(id) => {
                if crate::charts::specs::chart(&id).is_none() {
                    return self;
                }
                if !next.charts.contains(&id) {
                    next.charts.insert(0, id.clone());
                }
                let n = next.focus.as_ref().map_or(0, |(_, n)| n + 1);
                next.focus = Some((id, n));
            }
            Action::ResetLever(id) => {
                next.scenario.levers.remove(&id);
                next.scenario.assumptions.remove(&id);
            }
            Action::ResetPolicies => {
                next.scenario.levers.clear();
                next.clear_network();
            }
            Action::ResetAssumptions => next.scenario.assumptions.clear(),
            Action::ResetAll => {
                next.scenario.levers.clear();
                next.scenario.assumptions.clear();
                next.clear_network();
            }
            Action::AddMerge(m) => {
                next.scenario.merges.push(m);
                if next.scenario.validate(&self.dataset).is_err() {
                    return self;
                }
            }
            Action::RemoveMerge(i) => {
                if i >= next.scenario.merges.len() {
                    return self;
                }
                next.scenario.merges.remove(i);
            }
            Action::AddNewSchool(n) => {
                next.scenario.new_schools.push(n);
                if next.scenario.validate(&self.dataset).is_err() {
                    return self;
                }
            }
            Action::RemoveNewSchool(i) => {
                let Some(n) = next.scenario.new_schools.get(i).cloned() else {
                    return self;
                };
                next.scenario.new_schools.remove(i);
                let sc = &mut next.scenario;
                sc.merges.retain(|m| m.school != n.id && m.into != n.id);
                sc.boarding.retain(|b| b.school != n.id);
            }
            Action::AddBoarding(b) => {
                next.scenario.boarding.push(b);
                if next.scenario.validate(&self.dataset).is_err() {
                    return self;
                }
            }
            Action::RemoveBoarding(i) => {
                if i >= next.scenario.boarding.len() {
                    return self;
                }
                next.scenario.boarding.remove(i);
            }
            Action::Commit => next.checkpoint(),
            Action::Undo => {
                next.checkpoint();
                if let Some(prev) = next.past.pop() {
                    next.future.push(std::mem::replace(&mut next.scenario, prev.clone()));
                    next.committed = prev;
                }
            }
            Action::Redo => {
                if let Some(n) = next.future.pop() {
                    next.past.push(std::mem::replace(&mut next.scenario, n.clone()));
                    next.committed = n;
                }
            }
            Action::SetName(name) => next.scenario.name = clean_name(&name),
            Action::SaveAs(name) => {
                let name = clean_name(&name);
                // an unnamed scenario (or one still carrying an earlier number) gets the next free number
                let name = if name.is_empty() || is_auto_name(&name) {
                    next_auto_name(&next.saved)
                } else {
                    distinct_name(&name, &next.saved, None, next.lang)
                };
                next.scenario.name = name.clone();
                next.checkpoint();
                let id = next.next_saved_id();
                next.saved.push(Saved {
                    id,
                    name,
                    scenario: next.scenario.clone(),
                    dataset: Some((*next.data_ref).clone()),
                });
            }
            Action::Overwrite(id) => {
                let sc = next.scenario.clone();
                let here = (*next.data_ref).clone();
                if let Some(s) = next.saved.iter_mut().find(|s| s.id == id) {
                    s.scenario = Scenario {
                        name: s.name.clone(),
                        ..sc
                    };
                    s.dataset = Some(here);
                }
            }
            Action::Open(id) => {
                if let Some(s) = next.saved.iter().find(|s| s.id == id) {
                    // made on other figures: its values are fitted to these
                    // (years and ranges), and the planner is told
                    let (scenario, notices) = codec::adapt(&s.scenario, &next.dataset);
                    if !s.is_on(&next.data_ref) {
                        let dataset = s.dataset.as_ref().map_or_else(
                            || eduplan_model::dataset::DEFAULT_DATASET_ID.to_string(),
                            |d| {
                                if d.name.is_empty() {
                                    d.id.clone()
                                } else {
                                    d.name.clone()
                                }
                            },
                        );
                        let version = s.dataset.as_ref().is_some_and(|d| d.id == next.data_ref.id);
                        next.notices.push(Message::SavedOnOtherDataset {
                            scenario: s.name.clone(),
                            dataset,
                            version,
                        });
                        next.notices.extend(notices.into_iter().map(Message::Fitted));
                    }
                    next.scenario = Scenario {
                        name: s.name.clone(),
                        ..scenario
                    };
                }
            }
            Action::Rename(id, name) => {
                let name = clean_name(&name);
                if name.is_empty() {
                    return self;
                }
                let name = distinct_name(&name, &next.saved, Some(&id), next.lang);
                if let Some(s) = next.saved.iter_mut().find(|s| s.id == id) {
                    s.name = name.clone();
                    s.scenario.name = name;
                }
            }
            Action::Duplicate(id) => {
                if let Some(s) = next.saved.iter().find(|s| s.id == id).cloned() {
                    let copy_id = next.next_saved_id();
                    // "方案甲（副本）": the interface language's word for a copy
                    let name = format!("{}{}", s.name, next.lang.strings().copy_suffix);
                    let name = distinct_name(&name, &next.saved, None, next.lang);
                    next.saved.push(Saved {
                        id: copy_id,
                        name: name.clone(),
                        scenario: Scenario { name, ..s.scenario },
                        dataset: s.dataset,
                    });
                }
            }
            Action::Delete(id) => {
                next.saved.retain(|s| s.id != id);
                next.pinned.retain(|p| *p != id);
            }
            Action::TogglePin(id) => {
                if let Some(i) = next.pinned.iter().position(|p| *p == id) {
                    next.pinned.remove(i);
                } else if next.saved.iter().any(|s| s.id == id) && next.pinned.len() < MAX_PINNED {
                    next.pinned.push(id);
                }
            }
            Action::Load(sc) => next.scenario = sc,
            // one notice per cause: a storage that keeps refusing is said once
            Action::Notify(msgs) => {
                for m in msgs {
                    if !next.notices.contains(&m) {
                        next.notices.push(m);
                    }
                }
            }
            Action::KeepOnlyStored(items) => {
                next.pinned.retain(|id| items.iter().any(|s| &s.id == id));
                next.saved = items;
            }
            Action::DismissNotices => next.notices.clear(),
            Action::Slide(i) => next.slide = Some(i),
            Action::StopPresenting => next.slide = None,
            Action::ToggleUncertainty => next.uncertainty = !next.uncertainty,
            Action::SetDraws(n) => next.draws = n.clamp(1, eduplan_model::uncertainty::MAX_DRAWS),
        }
        if settled {
            next.checkpoint();
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(Rc::new(Dataset::default_dataset().unwrap())))
    }

    #[test]
    fn setting_the_baseline_value_keeps_the_scenario_empty() {
        let s = state();
        let base = s.lever_value("hires.primary");
        let s = s.reduce(Action::SetLever("hires.primary".into(), base + 10.0));
        assert!(s.is_changed("hires.primary"));
        assert_eq!(s.lever_value("hires.primary"), base + 10.0);
        let s = s.reduce(Action::SetLever("hires.primary".into(), base));
        assert!(!s.is_changed("hires.primary"));
        assert!(s.scenario.levers.is_empty());
    }

    #[test]
    fn values_snap_to_step_and_range() {
        assert_eq!(snap("kg.public_seats", 1234.0), Some(1230.0));
        assert_eq!(snap("kg.public_seats", 99999.0), Some(3000.0));
        assert_eq!(snap("senior.general_share", 0.5012), Some(0.5));
        assert_eq!(snap("kg.public_seats", f64::NAN), None);
        assert_eq!(snap("no.such.lever", 1.0), None);
    }

    #[test]
    fn assumptions_go_to_their_own_section_and_resets_are_separate() {
        let s = state()
            .reduce(Action::SetLever("migration.scale".into(), 1.5))
            .reduce(Action::SetLever("kg.public_seats".into(), 500.0));
        assert!(s.scenario.assumptions.contains_key("migration.scale"));
        assert!(s.scenario.levers.contains_key("kg.public_seats"));
        let p = s.clone().reduce(Action::ResetPolicies);
        assert!(p.scenario.levers.is_empty() && !p.scenario.assumptions.is_empty());
        let a = s.clone().reduce(Action::ResetAssumptions);
        assert!(!a.scenario.levers.is_empty() && a.scenario.assumptions.is_empty());
        let all = s.reduce(Action::ResetAll);
        assert_eq!(all.scenario, Scenario::default());
    }

    #[test]
    fn per_year_values_collapse_when_equal() {
        let s = state();
        let base = s.lever_value("kg.public_seats");
        let s = s.reduce(Action::SetLeverYear("kg.public_seats".into(), 2022, 500.0));
        assert!(s.varies_by_year("kg.public_seats"));
        assert_eq!(s.lever_value_in("kg.public_seats", 2022), 500.0);
        assert_eq!(s.lever_value_in("kg.public_seats", 2023), base);
        let s = s.reduce(Action::SetLeverYear("kg.public_seats".into(), 2022, base));
        assert!(!s.is_changed("kg.public_seats"), "back to baseline in every year");
        // every year the same → one number
        let mut s = s;
        for y in 2021..=2030 {
            s = s.reduce(Action::SetLeverYear("kg.public_seats".into(), y, 300.0));
        }
        assert_eq!(
            s.scenario.levers.get("kg.public_seats"),
            Some(&LeverValue::Constant(300.0))
        );
        // not for levers that take one number, nor outside the years
        let s2 = s
            .clone()
            .reduce(Action::SetLeverYear("funds.step_years".into(), 2022, 5.0));
        assert!(!s2.is_changed("funds.step_years"));
        let s3 = s
            .clone()
            .reduce(Action::SetLeverYear("kg.public_seats".into(), 2040, 5.0));
        assert_eq!(s3, s);
    }

    #[test]
    fn charts_toggle_and_show() {
        let s = state();
        let n = s.charts.len();
        let s = s.reduce(Action::ToggleChart("finance".into()));
        assert_eq!(s.charts.len(), n + 1);
        let s = s.reduce(Action::ToggleChart("finance".into()));
        assert_eq!(s.charts.len(), n);
        let s = s.reduce(Action::ShowChart("funds".into()));
        assert_eq!(s.charts[0], "funds");
        assert_eq!(s.focus, Some(("funds".to_string(), 0)));
        let s = s.reduce(Action::ShowChart("funds".into()));
        assert_eq!(s.focus, Some(("funds".to_string(), 1)), "a second click scrolls again");
        let unchanged = s.clone().reduce(Action::ToggleChart("no-such-chart".into()));
        assert_eq!(unchanged.charts, s.charts);
    }

    fn set(s: Rc<AppState>, id: &str, v: f64) -> Rc<AppState> {
        s.reduce(Action::SetLever(id.into(), v))
    }

    #[test]
    fn undo_and_redo_walk_settled_steps_not_pixels() {
        let mut s = state();
        // a drag: many input events, one release
        for v in [10.0, 20.0, 30.0, 40.0] {
            s = set(s, "kg.public_seats", v);
        }
        s = s.reduce(Action::Commit);
        s = set(s, "hires.primary", 80.0).reduce(Action::Commit);
        assert_eq!(s.past.len(), 2);
        let s = s.reduce(Action::Undo);
        assert_eq!(s.lever_value("hires.primary"), 50.0);
        assert_eq!(s.lever_value("kg.public_seats"), 40.0);
        let s = s.reduce(Action::Undo);
        assert_eq!(s.scenario, Scenario::default());
        assert!(!s.can_undo());
        let s = s.reduce(Action::Redo).reduce(Action::Redo);
        assert_eq!(s.lever_value("hires.primary"), 80.0);
        assert!(!s.can_redo());
        // an unsettled drag is undone as one step too
        let s = set(s, "kg.public_seats", 900.0).reduce(Action::Undo);
        assert_eq!(s.lever_value("kg.public_seats"), 40.0);
        // a new change clears the redo stack
        let s = s.reduce(Action::ResetAll);
        assert!(!s.can_redo());
    }

    #[test]
    fn unnamed_scenarios_saved_one_after_another_get_distinct_numbers() {
        // found by the trial: three unnamed saves were all called #1 (the name box then held "#1")
        let mut s = state();
        for (i, seats) in [300.0, 600.0, 900.0].into_iter().enumerate() {
            s = set(s, "kg.public_seats", seats).reduce(Action::Commit);
            let name = s.scenario.name.clone();
            s = s.reduce(Action::SaveAs(name));
            assert_eq!(s.saved[i].name, format!("#{}", i + 1));
        }
        // a number already taken (the second deleted, then a save) is not given twice
        let second = s.saved[1].id.clone();
        let s = s.reduce(Action::Delete(second)).reduce(Action::SaveAs(String::new()));
        let names: Vec<&str> = s.saved.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["#1", "#3", "#4"]);
        // a name the planner chose is kept; given again, it is told apart by a number
        let s = s
            .reduce(Action::SaveAs("方案甲".into()))
            .reduce(Action::SaveAs("方案甲".into()));
        let names: Vec<&str> = s.saved.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names[3..], ["方案甲", "方案甲（2）"]);
        // renaming onto another's name, and duplicating twice, the same
        let first = s.saved[0].id.clone();
        let s = s.reduce(Action::Rename(first.clone(), "方案甲".into()));
        assert_eq!(s.saved[0].name, "方案甲（3）");
        let s = s.reduce(Action::Rename(first.clone(), "方案甲（3）".into()));
        assert_eq!(s.saved[0].name, "方案甲（3）", "its own name is not a clash");
        let s = s
            .reduce(Action::Duplicate(first.clone()))
            .reduce(Action::Duplicate(first));
        let n = s.saved.len();
        assert_eq!(
            [s.saved[n - 2].name.as_str(), s.saved[n - 1].name.as_str()],
            ["方案甲（3）（副本）", "方案甲（3）（副本）（2）"]
        );
    }

    #[test]
    fn saved_scenarios_can_be_saved_opened_renamed_duplicated_deleted_and_pinned() {
        let s = set(state(), "kg.public_seats", 500.0).reduce(Action::Commit);
        let s = s.reduce(Action::SaveAs("  方案A\n ".into()));
        assert_eq!(s.saved.len(), 1);
        assert_eq!(s.saved[0].name, "方案A");
        assert_eq!(s.scenario.name, "方案A");
        let s = s.reduce(Action::ResetAll).reduce(Action::SaveAs("基准".into()));
        let a = s.saved[0].id.clone();
        let s = s.reduce(Action::Open(a.clone()));
        assert_eq!(s.lever_value("kg.public_seats"), 500.0);
        let s = s
            .reduce(Action::Rename(a.clone(), "方案甲".into()))
            .reduce(Action::Duplicate(a.clone()));
        assert_eq!(s.saved.len(), 3);
        assert_eq!(s.saved[2].name, "方案甲（副本）");
        assert_ne!(s.saved[2].id, a);
        let ids: Vec<String> = s.saved.iter().map(|x| x.id.clone()).collect();
        let mut s = s;
        for id in &ids {
            s = s.reduce(Action::TogglePin(id.clone()));
        }
        assert_eq!(s.pinned_scenarios().len(), 3);
        let s = s.reduce(Action::Delete(a.clone()));
        assert_eq!(s.saved.len(), 2);
        assert!(!s.pinned.contains(&a), "deleting unpins");
        let s = s.reduce(Action::Rename(ids[1].clone(), "  ".into()));
        assert_eq!(s.saved[0].name, "基准", "an empty name is refused");
    }

    #[test]
    fn at_most_four_scenarios_are_pinned() {
        let mut s = state();
        for i in 0..6 {
            s = s.reduce(Action::SaveAs(format!("S{i}")));
        }
        let ids: Vec<String> = s.saved.iter().map(|x| x.id.clone()).collect();
        for id in ids {
            s = s.reduce(Action::TogglePin(id));
        }
        assert_eq!(s.pinned.len(), MAX_PINNED);
    }

    #[test]
    fn language_change_keeps_the_scenario() {
        let s = state().reduce(Action::SetLever("kg.public_seats".into(), 500.0));
        let before = s.scenario.clone();
        let s = s.reduce(Action::SetLang(Lang::En));
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.scenario, before);
    }

    #[test]
    fn a_scenario_saved_on_other_figures_says_so_and_is_fitted_to_these() {
        let s = state();
        let mut other = (*s.data_ref).clone();
        other.id = "hetang-2022".into();
        other.name = "荷塘县".into();
        let mut sc = Scenario::default();
        sc.set(
            "hires.primary",
            LeverValue::ByYear([("2021".to_string(), 80.0), ("2040".to_string(), 9.0)].into()),
        )
        .unwrap_or_default();
        let mut s = (*s).clone();
        s.saved.push(Saved {
            id: "s1".into(),
            name: "荷塘方案".into(),
            scenario: sc,
            dataset: Some(other),
        });
        let s = Rc::new(s).reduce(Action::Open("s1".into()));
        assert!(s.notices.iter().any(|m| matches!(m,
            Message::SavedOnOtherDataset { scenario, dataset, version: false } if scenario == "荷塘方案" && dataset == "荷塘县")));
        assert!(
            s.scenario.validate(&s.dataset).is_ok(),
            "a year outside this dataset was dropped"
        );
        // saved on this dataset (or before datasets were recorded): no notice
        let s = s.reduce(Action::DismissNotices).reduce(Action::SaveAs("本地".into()));
        let id = s.saved.last().map(|x| x.id.clone()).unwrap_or_default();
        assert!(s.saved.last().is_some_and(|x| x.is_on(&s.data_ref)));
        let s = s.reduce(Action::Open(id));
        assert!(s.notices.is_empty(), "{:?}", s.notices);
        let legacy = Saved {
            id: "old".into(),
            name: "旧".into(),
            scenario: Scenario::default(),
            dataset: None,
        };
        assert!(legacy.is_on(&s.data_ref));
    }

    #[test]
    fn a_notice_is_shown_once_per_cause_and_the_list_keeps_only_what_is_stored() {
        let s = state()
            .reduce(Action::Notify(vec![Message::StorageFull]))
            .reduce(Action::Notify(vec![Message::StorageFull]))
            .reduce(Action::Notify(vec![Message::StorageFull, Message::SavedNotKept]));
        assert_eq!(s.notices, vec![Message::StorageFull, Message::SavedNotKept]);
        let s = s.reduce(Action::SaveAs("甲".into()));
        let id = s.saved[0].id.clone();
        let s = s
            .reduce(Action::TogglePin(id))
            .reduce(Action::KeepOnlyStored(Vec::new()));
        assert!(s.saved.is_empty() && s.pinned.is_empty());
    }
}
