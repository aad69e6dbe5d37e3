//! The school network a scenario changes (issue 18), in the schools view:
//! the list of its new schools, merges and boarding places, each with a
//! button that takes it back, and the forms that open a new school and give
//! a school boarding places. (The merge form is the schools view's own: it
//! opens from a school's row.)

use eduplan_model::network::{describe_changes, with_new_schools, Boarding, ChangeKind, NewSchool, NEW_KINDS};
use eduplan_model::{Dataset, Scenario, ScenarioError};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::field::{on_year, read, set_initial};
use crate::components::notice_bar::{boarding_error_text, merge_error_text, new_school_error_text};
use crate::context::use_ctx;
use crate::i18n::{fill, Strings};
use crate::state::Action;

/// What a change is called beside its words.
pub fn change_label(kind: ChangeKind, t: &Strings) -> &'static str {
    match kind {
        ChangeKind::NewSchool => t.change_new,
        ChangeKind::Merge => t.merge_label,
        ChangeKind::Boarding => t.change_boarding,
    }
}

/// A scenario's network changes counted: "新建1所、撤并2所、寄宿床位300个"
/// (`None` when it changes none).
pub fn summary(sc: &Scenario, t: &Strings) -> Option<String> {
    let places: f64 = sc.boarding.iter().map(|b| b.places).sum();
    let parts: Vec<String> = [
        (sc.new_schools.len() as f64, t.compare_new),
        (sc.merges.len() as f64, t.compare_merged),
        (places, t.compare_boarding),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0.0)
    .map(|(n, text)| fill(text, &[("n", &eduplan_model::format::group_thousands(n, 0))]))
    .collect();
    (!parts.is_empty()).then(|| parts.join(t.list_sep))
}

/// Why a scenario with one more change is refused, in the interface
/// language (schools by name, new ones included).
fn refusal(e: &ScenarioError, t: &Strings, ds: &Dataset, sc: &Scenario) -> String {
    let ext = with_new_schools(ds, &sc.new_schools);
    match e {
        ScenarioError::NewSchool(e) => new_school_error_text(e, t),
        ScenarioError::Boarding(e) => boarding_error_text(e, t, Some(&ext)),
        ScenarioError::Merge(e) => merge_error_text(e, t, Some(&ext)),
        other => other.to_string(),
    }
}

/// The scenario's changes to the school network, each with its 取消 button.
#[function_component]
pub fn NetworkList() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let sc = &ctx.state.scenario;
    if !sc.changes_network() {
        return html! {};
    }
    let changes = describe_changes(
        &sc.new_schools,
        &sc.merges,
        &sc.boarding,
        &ctx.dataset,
        ctx.lang().locale(),
    );
    // the position of each change within its kind, and the school it names
    let mut at = [0usize; 3];
    let items = changes.into_iter().map(|(kind, text)| {
        let k = kind as usize;
        let i = at[k];
        at[k] += 1;
        let (school, action, remove) = match kind {
            ChangeKind::NewSchool => (sc.new_schools[i].id.clone(), Action::RemoveNewSchool(i), t.new_remove),
            ChangeKind::Merge => (sc.merges[i].school.clone(), Action::RemoveMerge(i), t.merge_remove),
            ChangeKind::Boarding => (sc.boarding[i].school.clone(), Action::RemoveBoarding(i), t.board_remove),
        };
        let onclick = {
            let ctx = ctx.clone();
            let school = school.clone();
            Callback::from(move |_| {
                ctx.dispatch(action.clone());
                // back to the school's row (a new school's row goes with it: the list's button then)
                let row = format!(".school-row[data-school=\"{school}\"] .actions button");
                crate::browser::focus_later(if kind == ChangeKind::NewSchool {
                    ".new-open".to_string()
                } else {
                    row
                });
            })
        };
        html! {
            <li class={classes!("network-item", format!("{kind:?}").to_lowercase())} data-school={school}>
                <span>{ text.clone() }</span>
                <button type="button" class="network-remove" {onclick}
                    aria-label={format!("{remove}{}{text}", t.colon)}>{ remove }</button>
            </li>
        }
    });
    html! {
        <div class="merge-list network-list">
            <h3>{ t.network_title }</h3>
            <ul>{ for items }</ul>
        </div>
    }
}

/// The school's spare places in the chosen year, said under the places box.
fn spare_hint(spare: &[(i32, f64)], year: i32, t: &Strings) -> Html {
    let Some((_, n)) = spare.iter().find(|(y, _)| *y == year) else {
        return html! {};
    };
    let n = eduplan_model::format::group_thousands(*n, 0);
    html! { <p class="network-rule board-spare">{ fill(t.board_spare, &[("year", &year.to_string()), ("n", &n)]) }</p> }
}

/// Closes a form on Esc.
fn on_escape(close: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            close.emit(());
        }
    })
}

/// A whole number in `lo..=hi` from a box, or `None` (never clamped).
fn whole_in(text: &str, lo: f64, hi: f64) -> Option<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && x.fract() == 0.0 && (lo..=hi).contains(x))
}

/// The first school year a form offers: two years after the base year (or the horizon).
fn default_year(ds: &Dataset) -> i32 {
    (ds.base_year + 1).max(ds.horizon.min(ds.base_year + 3))
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub on_close: Callback<()>,
}

/// Opens a new school: zone, type, classrooms, first year and name.
#[function_component]
pub fn NewSchoolForm(props: &FormProps) -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let ds = &ctx.dataset;
    let zone = use_state(|| {
        ds.zones
            .iter()
            .find(|z| z.urban)
            .or(ds.zones.first())
            .map(|z| z.id.clone())
            .unwrap_or_default()
    });
    let kind = use_state(|| 0usize);
    // the boxes are read when the form is sent (a change event may not have
    // reached the state yet when Enter or the button sends it)
    let rooms = use_node_ref();
    let name = use_node_ref();
    let from = use_state(|| default_year(ds));
    let error = use_state(|| None::<String>);
    {
        // initial values set once: Yew would put a `value` attribute back on every render
        let rooms = rooms.clone();
        use_effect_with((), move |_| {
            set_initial(&rooms, "24");
            crate::browser::focus(".new-form select");
        });
    }
    let zone_name = |id: &str| {
        ds.zones
            .iter()
            .find(|z| z.id == id)
            .map_or(id.to_string(), |z| lang.pick(&z.name.zh, &z.name.en).to_string())
    };
    let kind_of = NEW_KINDS[(*kind).min(NEW_KINDS.len() - 1)];
    // the name the box suggests (used when left empty)
    let suggested = fill(
        t.new_default_name,
        &[
            ("zone", &zone_name(&zone)),
            ("kind", eduplan_model::names::school_kind(kind_of, lang.locale())),
        ],
    );
    let submit = {
        let (ctx, zone, rooms, from, name, error) = (
            ctx.clone(),
            zone.clone(),
            rooms.clone(),
            from.clone(),
            name.clone(),
            error.clone(),
        );
        let (on_close, suggested) = (props.on_close.clone(), suggested.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let t = ctx.t();
            let Some(classrooms) = whole_in(&read(&rooms), 1.0, eduplan_model::network::MAX_NEW_ROOMS as f64) else {
                error.set(Some(t.new_err_rooms.to_string()));
                return;
            };
            let sc = &ctx.state.scenario;
            let taken =
                |id: &str| ctx.dataset.schools.iter().any(|s| s.id == id) || sc.new_schools.iter().any(|n| n.id == id);
            let id = (1..)
                .map(|k| format!("new-{k}"))
                .find(|id| !taken(id))
                .unwrap_or_default();
            let given = read(&name);
            let given = given.trim();
            let n = NewSchool {
                id,
                name: if given.is_empty() {
                    suggested.clone()
                } else {
                    given.to_string()
                },
                zone: (*zone).clone(),
                kind: kind_of,
                classrooms: classrooms as u32,
                from: *from,
            };
            let mut next = sc.clone();
            next.new_schools.push(n.clone());
            match next.validate(&ctx.dataset) {
                Ok(()) => {
                    ctx.dispatch(Action::AddNewSchool(n));
                    on_close.emit(());
                    crate::browser::focus_later(".network-list li.newschool:last-of-type .network-remove".to_string());
                }
                Err(e) => error.set(Some(refusal(&e, t, &ctx.dataset, &next))),
            }
        })
    };
    let on_select = |set: UseStateHandle<String>| {
        Callback::from(move |e: Event| set.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            kind.set(
                e.target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .unwrap_or(0),
            )
        })
    };
    let cancel = props.on_close.reform(|_: MouseEvent| ());
    let whole = lang.pick(&ds.words.whole, t.county_wide).to_string();
    html! {
        <form class="merge-form new-form" novalidate=true onsubmit={submit} onkeydown={on_escape(props.on_close.clone())} aria-label={t.new_title}>
            <p class="merge-what">{ t.new_title }</p>
            <label>{ t.new_zone }
                <select class="new-zone" onchange={on_select(zone.clone())}>
                    { for ds.zones.iter().map(|z| html! { <option value={z.id.clone()} selected={*zone == z.id}>{ lang.pick(&z.name.zh, &z.name.en) }</option> }) }
                </select>
            </label>
            <label>{ t.new_kind }
                <select class="new-kind" onchange={on_kind}>
                    { for NEW_KINDS.iter().enumerate().map(|(i, k)| html! {
                        <option value={i.to_string()} selected={*kind == i}>{ eduplan_model::names::school_kind(*k, lang.locale()) }</option>
                    }) }
                </select>
            </label>
            <label>{ t.new_rooms }
                <input type="number" class="new-rooms" min="1" max="120" step="1" ref={rooms} />
            </label>
            <label>{ t.new_from }
                <select class="new-from" onchange={on_year(from.clone())}>
                    { for (ds.base_year + 1..=ds.horizon).map(|y| html! { <option value={y.to_string()} selected={*from == y}>{ y }</option> }) }
                </select>
            </label>
            <label>{ t.new_name }
                <input type="text" class="new-name" maxlength="60" placeholder={suggested} ref={name} />
            </label>
            <button type="submit" class="merge-ok new-ok">{ t.new_ok }</button>
            <button type="button" class="merge-cancel" onclick={cancel}>{ t.merge_cancel }</button>
            <p class="network-rule">{ fill(t.new_rule, &[("whole", &whole)]) }</p>
            if let Some(e) = &*error { <p class="merge-error" role="alert">{ e }</p> }
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct BoardingProps {
    /// The school (id in the dataset or among the scenario's new schools).
    pub school: String,
    /// Its name.
    pub name: String,
    /// Its spare places (places − pupils) by year, before any boarders.
    pub spare: Vec<(i32, f64)>,
    pub on_close: Callback<()>,
}

/// Gives a school boarding places: how many, from when, the funds per boarder.
#[function_component]
pub fn BoardingForm(props: &BoardingProps) -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let ds = &ctx.dataset;
    // a new school's places start no earlier than the school
    let opens = ctx
        .state
        .scenario
        .new_schools
        .iter()
        .find(|n| n.id == props.school)
        .map(|n| n.from);
    let first = opens.unwrap_or(ds.base_year + 1);
    // read when the form is sent, as in the new-school form
    let places = use_node_ref();
    let cost = use_node_ref();
    let from = use_state(|| default_year(ds).max(first));
    let error = use_state(|| None::<String>);
    {
        let (places, cost) = (places.clone(), cost.clone());
        use_effect_with(props.school.clone(), move |_| {
            set_initial(&places, "100");
            set_initial(&cost, &eduplan_model::network::BOARDER_COST.to_string());
            crate::browser::focus(".board-form .board-places");
        });
    }
    let submit = {
        let (ctx, places, from, cost, error) = (ctx.clone(), places.clone(), from.clone(), cost.clone(), error.clone());
        let (school, on_close) = (props.school.clone(), props.on_close.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let t = ctx.t();
            let Some(n) = whole_in(&read(&places), 1.0, eduplan_model::network::MAX_PLACES) else {
                error.set(Some(t.board_err_places.to_string()));
                return;
            };
            let Some(yuan) = read(&cost)
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && (0.0..=eduplan_model::network::MAX_BOARDER_COST).contains(x))
            else {
                error.set(Some(t.board_err_cost.to_string()));
                return;
            };
            let b = Boarding {
                school: school.clone(),
                places: n,
                from: *from,
                cost: yuan,
            };
            let mut next = ctx.state.scenario.clone();
            next.boarding.push(b.clone());
            match next.validate(&ctx.dataset) {
                Ok(()) => {
                    ctx.dispatch(Action::AddBoarding(b));
                    on_close.emit(());
                    crate::browser::focus_later(".network-list li.boarding:last-of-type .network-remove".to_string());
                }
                Err(e) => error.set(Some(refusal(&e, t, &ctx.dataset, &next))),
            }
        })
    };
    let cancel = props.on_close.reform(|_: MouseEvent| ());
    let title = fill(t.board_action_aria, &[("name", &props.name)]);
    html! {
        <form class="merge-form board-form" novalidate=true onsubmit={submit} onkeydown={on_escape(props.on_close.clone())} aria-label={title.clone()}>
            <p class="merge-what">{ title }</p>
            <label>{ t.board_places }
                <input type="number" class="board-places" min="1" max="5000" step="10" ref={places} />
            </label>
            <label>{ t.board_from }
                <select class="board-from" onchange={on_year(from.clone())}>
                    { for (first..=ds.horizon).map(|y| html! { <option value={y.to_string()} selected={*from == y}>{ y }</option> }) }
                </select>
            </label>
            { spare_hint(&props.spare, *from, t) }
            <label>{ t.board_cost }
                <input type="number" class="board-cost" min="0" max="20000" step="50" ref={cost} />
            </label>
            <button type="submit" class="merge-ok board-ok">{ t.board_ok }</button>
            <button type="button" class="merge-cancel" onclick={cancel}>{ t.merge_cancel }</button>
            <p class="network-rule">{ t.board_rule }</p>
            if let Some(e) = &*error { <p class="merge-error" role="alert">{ e }</p> }
        </form>
    }
}
