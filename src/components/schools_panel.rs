//! Every school and kindergarten under the current scenario (issue 18): a
//! year's figures, a sparkline of pupils over the years, early warnings with
//! the first year each applies; filter by zone, stage and warnings, sort by
//! any column, the planner's thresholds, and the table as CSV. Computed only
//! while the panel is open (`schools::table`, one more engine run).

use std::rc::Rc;

use eduplan_model::export::{csv_with_bom, Cell, Sheet};
use eduplan_model::format;
use eduplan_model::level::{Level, SchoolKind};
use eduplan_model::names::school_kind;
use eduplan_model::network::{can_board, can_receive, validate_merges, validate_merges_on, with_new_schools, Merge};
use eduplan_model::record::SchoolRec;
use eduplan_model::schools::{applies, table, Flag, FlagSettings, SchoolRow, SchoolTable};
use eduplan_model::units::is_defined;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::network::{BoardingForm, NetworkList, NewSchoolForm};
use crate::context::{use_ctx, Ctx, Shared};
use crate::i18n::{fill, Lang, Strings};
use crate::state::Action;

/// A sortable column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    School,
    Zone,
    Pupils,
    Classes,
    Largest,
    LargeClasses,
    Rooms,
    Teachers,
    Use,
    Flags,
}

/// The form open above the table, if any (one at a time).
#[derive(Clone, Debug, PartialEq)]
enum Form {
    /// Merging this school into another.
    Merge(String),
    /// Boarding places at this school.
    Board(String),
    /// A new school.
    New,
}

/// What the planner chose: year, filters, sort and thresholds.
#[derive(Clone, Debug, PartialEq)]
struct View {
    year: Option<i32>,
    zone: String,
    stage: String,
    flagged_only: bool,
    sort: Column,
    ascending: bool,
    settings: FlagSettings,
}

impl Default for View {
    fn default() -> Self {
        View {
            year: None,
            zone: String::new(),
            stage: String::new(),
            flagged_only: false,
            sort: Column::Flags,
            ascending: true,
            settings: FlagSettings::default(),
        }
    }
}

/// A label as a list entry starts (English names of stages are lower case).
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

fn flag_label(f: Flag, t: &Strings) -> &'static str {
    match f {
        Flag::OverCapacity => t.flag_over,
        Flag::UnderUsed => t.flag_under,
        Flag::TeachersShort => t.flag_short,
        Flag::TeachersSurplus => t.flag_surplus,
    }
}

/// The stages (filter keys) a school of this kind teaches.
fn stages(kind: SchoolKind) -> Vec<&'static str> {
    if kind.provider().is_some() {
        return vec!["kg"];
    }
    let mut out: Vec<&'static str> = Vec::new();
    for (l, _) in kind.slots() {
        let key = match l {
            Level::Primary => "primary",
            Level::Junior => "junior",
            Level::Senior => "senior",
            Level::Vocational => "vocational",
            _ => continue,
        };
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// The value a column sorts by (undefined last whichever way).
fn sort_key(c: Column, row: &SchoolRow, r: &SchoolRec) -> f64 {
    match c {
        Column::School | Column::Zone => 0.0,
        Column::Pupils => r.pupils,
        Column::Classes => r.classes as f64,
        Column::Largest => r.largest_class as f64,
        Column::LargeClasses => (r.classes_56_65 + r.classes_66) as f64,
        Column::Rooms => r.rooms as f64 - r.rooms_needed as f64,
        Column::Teachers if is_defined(r.teachers) => r.teachers - r.teachers_needed,
        Column::Use => r.utilisation(),
        Column::Flags => row.first.iter().map(|(_, y)| *y as f64).fold(f64::INFINITY, f64::min),
        _ => f64::NAN,
    }
}

#[function_component]
pub fn SchoolsPanel() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let open = use_state(|| false);
    let view = use_state(View::default);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <section class="schools-panel" aria-labelledby="schools-title">
            <div class="section-head">
                <h2 id="schools-title">{ t.schools_title }</h2>
                <button type="button" class="schools-toggle" aria-expanded={open.to_string()} aria-controls="schools-body" onclick={toggle}>
                    { if *open { t.schools_hide } else { t.schools_show } }
                </button>
            </div>
            if *open {
                <SchoolsBody view={view.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    view: UseStateHandle<View>,
}

#[function_component]
fn SchoolsBody(props: &BodyProps) -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let view = &props.view;
    // the quantities in use (budget mode: what the money buys); recomputed when they or the thresholds change
    let data = {
        let ds = ctx.dataset.clone();
        use_memo((ctx.state.scenario.clone(), view.settings), move |(sc, settings)| {
            Rc::new(table(&ds, sc, *settings).0)
        })
    };
    let tbl: &SchoolTable = &data;
    // threshold boxes keep what is being typed through other re-renders (field.rs)
    let min_grade_box = crate::components::field::use_field_value(view.settings.min_pupils_per_grade.to_string());
    let min_use_box =
        crate::components::field::use_field_value(format!("{:.0}", view.settings.min_utilisation * 100.0));
    let form = use_state(|| None::<Form>);
    // schools some other school could take the pupils of (a property of the
    // register and the scenario's new schools)
    let can_merge = {
        let ds = ctx.dataset.clone();
        use_memo(
            (Shared(ctx.dataset.clone()), ctx.state.scenario.new_schools.clone()),
            move |(_, new)| {
                let ext = with_new_schools(&ds, new);
                ext.schools
                    .iter()
                    .filter(|a| ext.schools.iter().any(|b| can_receive(a, b).is_ok()))
                    .map(|a| a.id.clone())
                    .collect::<std::collections::BTreeSet<String>>()
            },
        )
    };
    // opens a form, or closes it when it is the one open; closing puts the
    // focus back on the button that opened it (a change just made leaves
    // none: its 取消 button in the list takes the focus instead)
    let toggle_form = {
        let form = form.clone();
        use_callback(form.clone(), move |f: Form, _| {
            if form.as_ref() == Some(&f) {
                form.set(None);
                crate::browser::focus_later(match &f {
                    Form::Merge(id) => format!(".school-row[data-school=\"{id}\"] .merge-open"),
                    Form::Board(id) => format!(".school-row[data-school=\"{id}\"] .board-open"),
                    Form::New => ".new-open".to_string(),
                });
            } else {
                form.set(Some(f));
            }
        })
    };
    let on_merge = toggle_form.reform(Form::Merge);
    let on_board = toggle_form.reform(Form::Board);
    let sc = &ctx.state.scenario;
    let year = view.year.unwrap_or(*tbl.years.last().unwrap_or(&ctx.dataset.horizon));
    let ti = tbl.years.iter().position(|y| *y == year).unwrap_or(0);
    let set = |f: fn(&mut View, String)| {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .or_else(|| e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()))
                .unwrap_or_default();
            let mut v = (*view).clone();
            f(&mut v, value);
            view.set(v);
        })
    };
    // a threshold box: 0–100 applies (divided by `scale`); anything else puts the value in use back
    let threshold = |get: fn(&View) -> f64, f: fn(&mut View, f64), scale: f64| {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match input
                .value()
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && (0.0..=100.0).contains(x))
            {
                Some(x) => {
                    let mut v = (*view).clone();
                    f(&mut v, x / scale);
                    view.set(v);
                }
                None => {
                    input.set_value(&format!("{}", get(&view) * scale));
                }
            }
        })
    };
    let mut rows: Vec<&SchoolRow> = tbl
        .rows
        .iter()
        .filter(|r| view.zone.is_empty() || r.zone == view.zone)
        .filter(|r| view.stage.is_empty() || stages(r.kind).contains(&view.stage.as_str()))
        .filter(|r| {
            !view.flagged_only
                || r.years
                    .get(ti)
                    .is_some_and(|x| Flag::ALL.iter().any(|f| applies(*f, x, &tbl.settings)))
        })
        .collect();
    sort_rows(&mut rows, view, ti, &ctx);
    let counts: Vec<String> = Flag::ALL
        .iter()
        .map(|f| {
            fill(
                t.schools_count_item,
                &[("label", flag_label(*f, t)), ("n", &tbl.flagged(*f, year).to_string())],
            )
        })
        .collect();
    let zone_name = |id: &str| {
        ctx.dataset
            .zones
            .iter()
            .find(|z| z.id == id)
            .map_or(id.to_string(), |z| ctx.lang().pick(&z.name.zh, &z.name.en).to_string())
    };
    let whole = ctx.lang().pick(&ctx.dataset.words.whole, t.county_wide).to_string();
    let on_csv = {
        let ctx = ctx.clone();
        let data = data.clone();
        let shown: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        Callback::from(move |_| {
            let sheet = schools_sheet(&ctx, &data, year, Some(&shown));
            let name = format!("{}-{year}.csv", ctx.t().schools_title);
            if let Err(e) = crate::browser::download(&name, "text/csv;charset=utf-8", &csv_with_bom(&sheet)) {
                ctx.dispatch(Action::Notify(vec![crate::state::Message::ExportFailed(e)]));
            }
        })
    };
    html! {
        <div id="schools-body" class="schools-body">
            <p class="schools-lead">{ t.schools_lead }</p>
            <div class="schools-controls">
                <label>{ t.schools_year }
                    <select class="schools-year" onchange={set(|v, s| v.year = s.parse().ok())}>
                        { for tbl.years.iter().map(|y| html! { <option value={y.to_string()} selected={*y == year}>{ y }</option> }) }
                    </select>
                </label>
                <label>{ t.zone }
                    <select class="schools-zone" onchange={set(|v, s| v.zone = s)}>
                        <option value="" selected={view.zone.is_empty()}>{ whole.clone() }</option>
                        { for ctx.dataset.zones.iter().map(|z| html! {
                            <option value={z.id.clone()} selected={view.zone == z.id}>{ ctx.lang().pick(&z.name.zh, &z.name.en) }</option>
                        }) }
                    </select>
                </label>
                <label>{ t.schools_stage }
                    <select class="schools-stage" onchange={set(|v, s| v.stage = s)}>
                        <option value="" selected={view.stage.is_empty()}>{ t.schools_all_stages }</option>
                        { for [("kg", t.lv_kg), ("primary", t.lv_primary), ("junior", t.lv_junior), ("senior", t.lv_senior), ("vocational", t.lv_vocational)].into_iter().map(|(k, l)| html! {
                            <option value={k} selected={view.stage == k}>{ capitalised(l) }</option>
                        }) }
                    </select>
                </label>
                <label class="schools-check">
                    <input type="checkbox" class="schools-flagged" checked={view.flagged_only} onchange={set(|v, _| v.flagged_only = !v.flagged_only)} />
                    { t.schools_flagged_only }
                </label>
                <label>{ t.schools_min_grade }
                    <input type="number" class="schools-min-grade" min="0" max="100" step="1" ref={min_grade_box}
                        onchange={threshold(|v| v.settings.min_pupils_per_grade, |v, x| v.settings.min_pupils_per_grade = x, 1.0)} />
                </label>
                <label>{ t.schools_min_use }
                    <input type="number" class="schools-min-use" min="0" max="100" step="5" ref={min_use_box}
                        onchange={threshold(|v| v.settings.min_utilisation, |v, x| v.settings.min_utilisation = x, 100.0)} />
                </label>
                <button type="button" class="schools-csv" onclick={on_csv}>{ t.schools_csv }</button>
                <button type="button" class="new-open" aria-expanded={(*form == Some(Form::New)).to_string()}
                    onclick={toggle_form.reform(|_: MouseEvent| Form::New)}>{ t.new_open }</button>
            </div>
            <p class="schools-summary" aria-live="polite">
                { fill(t.schools_summary, &[
                    ("year", &year.to_string()),
                    ("counts", &counts.join(t.list_sep)),
                    ("n", &rows.len().to_string()),
                    ("total", &tbl.rows.len().to_string()),
                ]) }
            </p>
            <NetworkList />
            { match (*form).clone() {
                Some(Form::Merge(id)) => {
                    let close = on_merge.reform({ let id = id.clone(); move |_: ()| id.clone() });
                    html! { <MergeForm key={id.clone()} school={id.clone()} on_close={close} /> }
                }
                Some(Form::Board(id)) => {
                    let row = tbl.rows.iter().find(|r| r.id == id);
                    let name = row.map_or(id.clone(), |r| r.name.clone());
                    // spare places each year: what boarders can fill before classes grow
                    let spare: Vec<(i32, f64)> = row.map_or(Vec::new(), |r| {
                        tbl.years.iter().zip(&r.years).map(|(y, x)| (*y, (x.places - x.pupils).max(0.0))).collect()
                    });
                    let close = on_board.reform({ let id = id.clone(); move |_: ()| id.clone() });
                    html! { <BoardingForm key={id.clone()} school={id.clone()} {name} {spare} on_close={close} /> }
                }
                Some(Form::New) => html! { <NewSchoolForm on_close={toggle_form.reform(|_: ()| Form::New)} /> },
                None => html! {},
            } }
            <div class="table-wrap schools-wrap">
                <table class="schools-table">
                    <thead><tr>{ for header(view, t) }</tr></thead>
                    <tbody>
                        { for rows.iter().filter_map(|r| {
                            let rec = r.years.get(ti)?.clone();
                            let merging = *form == Some(Form::Merge(r.id.clone()));
                            let boarding_open = *form == Some(Form::Board(r.id.clone()));
                            let new_from = sc.new_schools.iter().find(|n| n.id == r.id).map(|n| n.from);
                            Some(html! {
                                <>
                                <SchoolLine name={r.name.clone()} id={r.id.clone()} zone={zone_name(&r.zone)} kind={r.kind}
                                    {rec} first={r.first.clone()} pupils={r.years.iter().map(|x| x.pupils).collect::<Vec<f64>>()}
                                    years={(tbl.years.first().copied().unwrap_or(0), tbl.years.last().copied().unwrap_or(0))}
                                    settings={tbl.settings} lang={ctx.lang()} {year}
                                    closed_from={sc.merges.iter().find(|m| m.school == r.id).map(|m| m.from)}
                                    can_merge={can_merge.contains(&r.id)}
                                    on_merge={on_merge.clone()} {merging} {new_from}
                                    can_board={can_board_now(&ctx, &r.id)}
                                    on_board={on_board.clone()} {boarding_open} />
                                </>
                            })
                        }) }
                    </tbody>
                </table>
                if rows.is_empty() { <p class="schools-none">{ t.schools_none }</p> }
            </div>
            <p class="schools-note">{ fill(t.schools_note, &[("whole", &whole)]) }</p>
        </div>
    }
}

/// Whether a school may be given boarding places now: it teaches primary or
/// junior grades (a register school or a new one) and has none yet.
fn can_board_now(ctx: &Ctx, id: &str) -> bool {
    let sc = &ctx.state.scenario;
    let boards = |s: &eduplan_model::dataset::School| s.id == id && can_board(s);
    let known = ctx.dataset.schools.iter().any(boards)
        || sc
            .new_schools
            .iter()
            .any(|n| n.id == id && (n.kind.teaches(Level::Primary) || n.kind.teaches(Level::Junior)));
    known && !sc.boarding.iter().any(|b| b.school == id)
}

/// Names in the browser's Chinese order (pinyin), numbers by value: 第二 before 第十.
fn collate(a: &str, b: &str) -> std::cmp::Ordering {
    let locales = js_sys::Array::of1(&"zh-CN".into());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &true.into());
    js_sys::JsString::from(a).locale_compare(b, &locales, &options).cmp(&0)
}

/// Sorts the shown rows by the chosen column (names by the locale's text order).
fn sort_rows(rows: &mut [&SchoolRow], view: &View, ti: usize, ctx: &Ctx) {
    let key = |r: &SchoolRow| r.years.get(ti).map_or(f64::NAN, |x| sort_key(view.sort, r, x));
    match view.sort {
        Column::School => rows.sort_by(|a, b| collate(&a.name, &b.name)),
        Column::Zone => {
            let zi = |id: &str| ctx.dataset.zone_index(id).unwrap_or(usize::MAX);
            rows.sort_by(|a, b| zi(&a.zone).cmp(&zi(&b.zone)).then_with(|| collate(&a.name, &b.name)))
        }
        _ => rows.sort_by(|a, b| {
            let (x, y) = (key(a), key(b));
            // undefined (and "never flagged") last, whichever the direction
            match (x.is_finite(), y.is_finite()) {
                (true, true) if view.ascending => x.total_cmp(&y),
                (true, true) => y.total_cmp(&x),
                (a, b) => b.cmp(&a),
            }
        }),
    }
    if !view.ascending && matches!(view.sort, Column::School | Column::Zone) {
        rows.reverse();
    }
}

/// The header row: each column a button that sorts by it (again: the other way).
fn header(view: &UseStateHandle<View>, t: &'static Strings) -> Vec<Html> {
    let cols = [
        (Some(Column::School), t.col_school),
        (Some(Column::Zone), t.zone),
        (None, t.col_kind),
        (Some(Column::Pupils), t.col_pupils),
        (Some(Column::Classes), t.col_classes),
        (Some(Column::Largest), t.col_largest),
        (Some(Column::LargeClasses), t.col_large_classes),
        (Some(Column::Rooms), t.col_rooms),
        (Some(Column::Teachers), t.col_teachers),
        (Some(Column::Use), t.col_use),
        (None, t.col_trend),
        (Some(Column::Flags), t.col_flags),
    ];
    let actions = html! { <th scope="col"><span class="visually-hidden">{ t.merge_action }</span></th> };
    let mut cells: Vec<Html> = cols
        .into_iter()
        .map(|(col, label)| match col {
            Some(c) => {
                let on = view.sort == c;
                let sort = if on {
                    if view.ascending { "ascending" } else { "descending" }
                } else {
                    "none"
                };
                let onclick = {
                    let view = view.clone();
                    Callback::from(move |_| {
                        let mut v = (*view).clone();
                        v.ascending = if v.sort == c { !v.ascending } else { true };
                        v.sort = c;
                        view.set(v);
                    })
                };
                html! {
                    <th scope="col" aria-sort={sort} data-col={format!("{c:?}").to_lowercase()}>
                        <button type="button" class="sort" {onclick} title={fill(t.schools_sort, &[("col", label)])}>{ label }</button>
                    </th>
                }
            }
            None => html! { <th scope="col">{ label }</th> },
        })
        .collect();
    // the action column follows the school's name (reachable without scrolling sideways)
    cells.insert(1, actions);
    cells
}

/// One school's row: everything it shows is a prop, so a lever step redraws
/// only the schools whose figures it changed.
#[derive(Properties, PartialEq)]
struct LineProps {
    id: String,
    name: String,
    zone: String,
    kind: SchoolKind,
    /// The chosen year's figures.
    rec: SchoolRec,
    first: Vec<(Flag, i32)>,
    /// Pupils in every year (the sparkline).
    pupils: Vec<f64>,
    /// First and last year of the table.
    years: (i32, i32),
    settings: FlagSettings,
    lang: Lang,
    /// The year shown.
    year: i32,
    /// The year a merge closes it, if one does.
    closed_from: Option<i32>,
    /// Some other school could take its pupils.
    can_merge: bool,
    /// Opens (or closes) the merge form above the table.
    on_merge: Callback<String>,
    merging: bool,
    /// The year the scenario opens it, when it is a new school.
    new_from: Option<i32>,
    /// It may have boarding places and has none yet.
    can_board: bool,
    /// Opens (or closes) the boarding form.
    on_board: Callback<String>,
    boarding_open: bool,
}

#[function_component]
fn SchoolLine(props: &LineProps) -> Html {
    let t = props.lang.strings();
    let loc = props.lang.locale();
    let r = &props.rec;
    let n = |x: f64| format::group_thousands(x, 0);
    let teachers = if is_defined(r.teachers) && r.open {
        format!(
            "{}/{}",
            format::group_thousands(r.teachers_needed, 1),
            format::group_thousands(r.teachers, 1)
        )
    } else {
        format::NO_VALUE.to_string()
    };
    let rooms = if r.open && (r.rooms > 0 || r.rooms_needed > 0) {
        format!("{}/{}", r.rooms_needed, r.rooms)
    } else {
        format::NO_VALUE.to_string()
    };
    let now: Vec<Flag> = Flag::ALL
        .into_iter()
        .filter(|f| applies(*f, r, &props.settings))
        .collect();
    // warnings that apply in the year shown first (marked), then those that applied earlier
    let mut flags: Vec<Html> = Vec::new();
    if let Some(y) = props.new_from {
        flags.push(html! { <span class="flag new">{ fill(t.new_flag, &[("year", &y.to_string())]) }</span> });
    }
    if r.boarders > 0.0 {
        let n = format::group_thousands(r.boarders, 0);
        flags.push(html! { <span class="flag boarding">{ fill(t.board_now, &[("n", &n)]) }</span> });
    }
    if let Some(y) = props.closed_from {
        // a merge still to come says when; one made says since when
        let text = if props.year < y { t.merge_later } else { t.merge_closed };
        flags.push(html! { <span class="flag closed">{ fill(text, &[("year", &y.to_string())]) }</span> });
    }
    // warnings begun by the year shown (a later one is not news yet)
    for (f, y) in props.first.iter().filter(|(_, y)| *y <= props.year) {
        let text = fill(t.flag_from, &[("flag", flag_label(*f, t)), ("year", &y.to_string())]);
        flags.push(if now.contains(f) {
            html! { <span class="flag now">{ text }</span> }
        } else {
            html! { <span class="flag earlier">{ fill(t.flag_earlier, &[("text", &text), ("year", &props.year.to_string())]) }</span> }
        });
    }
    let flags: Vec<Html> = flags
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            if i == 0 {
                f
            } else {
                html! { <>{ t.list_sep }{ f }</> }
            }
        })
        .collect();
    // a grade-teaching school not merged yet, with a school that could take its pupils
    let mergeable = props.can_merge && props.closed_from.is_none();
    let on_merge = props.on_merge.reform({
        let id = props.id.clone();
        move |_: MouseEvent| id.clone()
    });
    let on_board = props.on_board.reform({
        let id = props.id.clone();
        move |_: MouseEvent| id.clone()
    });
    let boardable = props.can_board && props.closed_from.is_none();
    html! {
        <tr class={classes!("school-row", (!now.is_empty()).then_some("flagged"))} data-school={props.id.clone()}
            data-flags={now.iter().map(|f| f.key()).collect::<Vec<_>>().join(" ")}>
            <th scope="row" class="school-name">{ &props.name }</th>
            <td class="actions">
                if mergeable {
                    <button type="button" class="merge-open" onclick={on_merge} aria-expanded={props.merging.to_string()}
                        aria-label={fill(t.merge_action_aria, &[("name", &props.name)])}>{ t.merge_action }</button>
                }
                if boardable {
                    <button type="button" class="board-open" onclick={on_board} aria-expanded={props.boarding_open.to_string()}
                        aria-label={fill(t.board_action_aria, &[("name", &props.name)])}>{ t.board_action }</button>
                }
            </td>
            <td data-label={t.zone}>{ &props.zone }</td>
            <td data-label={t.col_kind}>{ school_kind(props.kind, loc) }</td>
            <td class="num pupils" data-label={t.col_pupils}>{ n(r.pupils) }</td>
            <td class="num" data-label={t.col_classes}>{ r.classes }</td>
            <td class="num" data-label={t.col_largest}>{ r.largest_class }</td>
            <td class="num" data-label={t.col_large_classes}>{ r.classes_56_65 + r.classes_66 }</td>
            <td class="num" data-label={t.col_rooms}>{ rooms }</td>
            <td class="num" data-label={t.col_teachers}>{ teachers }</td>
            <td class="num use" data-label={t.col_use}>{ format::percent(r.utilisation()) }</td>
            <td class="trend" data-label={t.col_trend}>{ sparkline(&props.pupils, props.years, t) }</td>
            <td class="flags" data-label={t.col_flags}>if flags.is_empty() { { format::NO_VALUE } } else { { for flags } }</td>
        </tr>
    }
}

/// Pupils over the years as a small line (its title says first and last).
fn sparkline(values: &[f64], (first, last): (i32, i32), t: &Strings) -> Html {
    let (w, h) = (72.0, 18.0);
    let max = values.iter().copied().fold(0.0, f64::max).max(1.0);
    let n = values.len().max(2) - 1;
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", i as f64 * w / n as f64, h - 1.0 - v / max * (h - 2.0)))
        .collect();
    let title = fill(
        t.schools_trend_title,
        &[
            ("first", &first.to_string()),
            ("a", &format::group_thousands(values.first().copied().unwrap_or(0.0), 0)),
            ("last", &last.to_string()),
            ("b", &format::group_thousands(values.last().copied().unwrap_or(0.0), 0)),
        ],
    );
    html! {
        <svg class="sparkline" width="72" height="18" viewBox="0 0 72 18" role="img" aria-label={title.clone()}>
            <title>{ title }</title>
            <polyline points={points.join(" ")} />
        </svg>
    }
}

/// The year's table for a spreadsheet: the interface's column names, plain
/// numbers (the CSV export and the workbook's sheet, for the horizon year).
/// `only`: the schools shown (in that order); every school when `None`.
pub fn schools_sheet(ctx: &Ctx, tbl: &SchoolTable, year: i32, only: Option<&[String]>) -> Sheet {
    let t = ctx.t();
    let loc = ctx.lang().locale();
    let ti = tbl.years.iter().position(|y| *y == year).unwrap_or(0);
    let num = |x: f64| {
        if is_defined(x) {
            Cell::Number((x * 10.0).round() / 10.0)
        } else {
            Cell::Empty
        }
    };
    let mut rows = vec![[
        t.col_school,
        t.zone,
        t.col_kind,
        t.col_pupils,
        t.col_classes,
        t.col_largest,
        t.col_large_classes,
    ]
    .into_iter()
    .map(Cell::from)
    .chain([
        Cell::from(t.col_rooms),
        Cell::from(t.col_teachers),
        Cell::Text(format!("{}{}", t.col_use, ctx.lang().pick("（%）", " (%)"))),
    ])
    .chain(Flag::ALL.into_iter().map(|f| Cell::from(flag_label(f, t))))
    .chain([
        Cell::from(t.merge_label),
        Cell::from(t.col_new_from),
        Cell::from(t.col_boarders),
    ])
    .collect::<Vec<Cell>>()];
    let chosen: Vec<&SchoolRow> = match only {
        Some(ids) => ids
            .iter()
            .filter_map(|id| tbl.rows.iter().find(|r| &r.id == id))
            .collect(),
        None => tbl.rows.iter().collect(),
    };
    for row in chosen {
        let Some(r) = row.years.get(ti) else { continue };
        let zone = ctx
            .dataset
            .zones
            .iter()
            .find(|z| z.id == row.zone)
            .map_or(row.zone.clone(), |z| {
                ctx.lang().pick(&z.name.zh, &z.name.en).to_string()
            });
        let mut cells = vec![
            Cell::Text(row.name.clone()),
            Cell::Text(zone),
            Cell::Text(school_kind(row.kind, loc).to_string()),
            Cell::Number(r.pupils.round()),
            Cell::Number(r.classes as f64),
            Cell::Number(r.largest_class as f64),
            Cell::Number((r.classes_56_65 + r.classes_66) as f64),
            if r.open && (r.rooms > 0 || r.rooms_needed > 0) {
                Cell::Text(format!("{}/{}", r.rooms_needed, r.rooms))
            } else {
                Cell::Empty
            },
            if is_defined(r.teachers) && r.open {
                Cell::Text(format!(
                    "{}/{}",
                    format::group_thousands(r.teachers_needed, 1),
                    format::group_thousands(r.teachers, 1)
                ))
            } else {
                Cell::Empty
            },
            num(r.utilisation() * 100.0),
        ];
        cells.extend(
            Flag::ALL
                .into_iter()
                .map(|f| row.first_year(f).map_or(Cell::Empty, |y| Cell::Number(y as f64))),
        );
        // the year a merge closes it
        cells.push(
            ctx.state
                .scenario
                .merges
                .iter()
                .find(|m| m.school == row.id)
                .map_or(Cell::Empty, |m| Cell::Number(m.from as f64)),
        );
        // the year a new school opens, and its boarders from other zones
        cells.push(
            ctx.state
                .scenario
                .new_schools
                .iter()
                .find(|n| n.id == row.id)
                .map_or(Cell::Empty, |n| Cell::Number(n.from as f64)),
        );
        cells.push(if r.boarders > 0.0 {
            Cell::Number(r.boarders.round())
        } else {
            Cell::Empty
        });
        rows.push(cells);
    }
    Sheet {
        name: fill(t.schools_sheet, &[("year", &year.to_string())]),
        rows,
    }
}

#[derive(Properties, PartialEq)]
struct MergeFormProps {
    /// The school to merge (dataset id).
    school: String,
    on_close: Callback<()>,
}

/// Where a school's pupils go and from when: the receivers the register
/// allows (same zone, every grade taught), the year, the share.
#[function_component]
fn MergeForm(props: &MergeFormProps) -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let ds = &ctx.dataset;
    let first = ds.base_year + 1;
    let new = &ctx.state.scenario.new_schools;
    let ext = with_new_schools(ds, new);
    let school_name = ext
        .schools
        .iter()
        .find(|s| s.id == props.school)
        .map_or(props.school.clone(), |s| s.name.clone());
    let with = |into: &str, from: i32, share: f64| {
        let mut all = ctx.state.scenario.merges.clone();
        all.push(Merge {
            school: props.school.clone(),
            into: into.to_string(),
            from,
            share,
        });
        all
    };
    // a new school closes no earlier than the year after it opens
    let opens = new.iter().find(|n| n.id == props.school).map(|n| n.from);
    let from = use_state(|| opens.map_or(first.max(ds.horizon.min(first + 2)), |y| (y + 1).min(ds.horizon)));
    // receivers the register allows in some year (the largest first: the zone's
    // central school, usually); the chosen year is checked when the form is sent,
    // so a choice never changes under the planner's hand
    let years = first..=ds.horizon;
    let closing = ext.schools.iter().find(|s| s.id == props.school);
    let mut receivers: Vec<&eduplan_model::dataset::School> = ext
        .schools
        .iter()
        .filter(|b| closing.is_some_and(|a| can_receive(a, b).is_ok()))
        .filter(|b| {
            years
                .clone()
                .any(|y| validate_merges_on(&with(&b.id, y, 1.0), new, &ext).is_ok())
        })
        .collect();
    receivers.sort_by(|a, b| {
        b.enrollment
            .iter()
            .sum::<f64>()
            .total_cmp(&a.enrollment.iter().sum::<f64>())
    });
    let into = use_state(|| receivers.first().map(|s| s.id.clone()).unwrap_or_default());
    // read when the form is sent: a box tied to state would be reset by a
    // choice in another field made before its change event
    let share = use_node_ref();
    let error = use_state(|| None::<String>);
    // the chosen receiver, or the first the year allows
    let chosen = receivers
        .iter()
        .find(|s| s.id == *into)
        .or(receivers.first())
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let on_key = {
        let close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let cancel = props.on_close.reform(|_: MouseEvent| ());
    // the form opens above the table: take the focus there (the browser scrolls to it)
    {
        let share = share.clone();
        use_effect_with(props.school.clone(), move |_| {
            crate::components::field::set_initial(&share, "100");
            if !crate::browser::focus(".merge-form select") {
                crate::browser::focus(".merge-form .merge-cancel");
            }
        });
    }
    if receivers.is_empty() {
        return html! {
            <div class="merge-form" onkeydown={on_key}>
                <p class="merge-none">{ t.merge_none_possible }</p>
                <button type="button" class="merge-cancel" onclick={cancel}>{ t.merge_cancel }</button>
            </div>
        };
    }
    let submit = {
        let (ctx, from, share, error) = (ctx.clone(), from.clone(), share.clone(), error.clone());
        let (school, on_close, chosen) = (props.school.clone(), props.on_close.clone(), chosen.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // a share the box does not show is never used: refuse what is not 0–100
            let text = crate::components::field::read(&share);
            let Some(pct) = text
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && (0.0..=100.0).contains(x))
            else {
                error.set(Some(ctx.t().merge_share.to_string()));
                return;
            };
            let m = Merge {
                school: school.clone(),
                into: chosen.clone(),
                from: *from,
                share: pct / 100.0,
            };
            let mut all = ctx.state.scenario.merges.clone();
            all.push(m.clone());
            let new = &ctx.state.scenario.new_schools;
            match validate_merges(&all, new, &ctx.dataset) {
                Ok(()) => {
                    ctx.dispatch(Action::AddMerge(m));
                    on_close.emit(());
                    // focus the new merge's line (its button takes it back)
                    crate::browser::focus_later(".network-list li.merge:last-of-type .network-remove".to_string());
                }
                Err(e) => error.set(Some(crate::components::notice_bar::merge_error_text(
                    &e,
                    ctx.t(),
                    Some(&with_new_schools(&ctx.dataset, new)),
                ))),
            }
        })
    };
    let on_into = {
        let into = into.clone();
        Callback::from(move |e: Event| into.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    html! {
        <form class="merge-form" novalidate=true onsubmit={submit} onkeydown={on_key} aria-label={fill(t.merge_action_aria, &[("name", &school_name)])}>
            <p class="merge-what">{ fill(t.merge_action_aria, &[("name", &school_name)]) }</p>
            <label>{ t.merge_into }
                <select class="merge-into" onchange={on_into}>
                    { for receivers.iter().map(|s| html! { <option value={s.id.clone()} selected={chosen == s.id}>{ &s.name }</option> }) }
                </select>
            </label>
            <label>{ t.merge_from }
                <select class="merge-from" onchange={crate::components::field::on_year(from.clone())}>
                    { for (first..=ds.horizon).map(|y| html! { <option value={y.to_string()} selected={*from == y}>{ y }</option> }) }
                </select>
            </label>
            <label>{ t.merge_share_label }
                <input type="number" class="merge-share" min="0" max="100" step="5" ref={share} />
            </label>
            <button type="submit" class="merge-ok">{ t.merge_ok }</button>
            <button type="button" class="merge-cancel" onclick={cancel}>{ t.merge_cancel }</button>
            if let Some(e) = &*error { <p class="merge-error" role="alert">{ e }</p> }
        </form>
    }
}
