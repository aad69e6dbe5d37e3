//! The preview of an import: what the files replace against the dataset in
//! use, every error and warning with its file, sheet, row and column, and
//! Apply (only without errors) or Cancel. Nothing changes before Apply.

use std::rc::Rc;

use eduplan_model::format;
use eduplan_model::import_report::{col_letters, ImportReply, Imported, Part, Problem};
use eduplan_model::summary::{SchoolChanges, Summary, LEVELS};
use yew::prelude::*;

use crate::data_ops;
use crate::i18n::{fill, Lang, Strings};
use crate::library::{use_data, LibAction, Preview};

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub preview: Rc<Preview>,
}

/// The name of a part of the dataset: the template sheet it comes from.
pub fn part_label(p: Part, t: &Strings) -> &'static str {
    match p {
        Part::Whole => t.part_whole,
        Part::Meta => t.part_meta,
        Part::Sources => t.part_sources,
        Part::Zones => t.part_zones,
        Part::Population => t.part_population,
        Part::Births => t.part_births,
        Part::AgeRates => t.part_age_rates,
        Part::Schools => t.part_schools,
        Part::Enrollment => t.part_enrollment,
        Part::Flows => t.part_flows,
        Part::Norms => t.part_norms,
        Part::Money => t.part_money,
        Part::Params => t.part_params,
        Part::Trainees => t.part_trainees,
        Part::Targets => t.part_targets,
        Part::LeverDefaults => t.part_lever_defaults,
    }
}

fn level_label(i: usize, t: &Strings) -> &'static str {
    [
        t.lv_kg,
        t.lv_primary,
        t.lv_junior,
        t.lv_senior,
        t.lv_vocational,
        t.lv_special,
    ][i.min(5)]
}

/// The rows of the comparison: label, before, after.
fn comparison(before: &Summary, after: &Summary, t: &Strings, lang: Lang) -> Vec<(String, String, String)> {
    let loc = lang.locale();
    let n = |x: f64| format::count(x, loc);
    let mut rows = vec![
        (
            t.cmp_name.to_string(),
            lang.pick(&before.name.zh, &before.name.en).to_string(),
            lang.pick(&after.name.zh, &after.name.en).to_string(),
        ),
        (
            t.cmp_base_year.to_string(),
            before.base_year.to_string(),
            after.base_year.to_string(),
        ),
        (
            t.cmp_zones.to_string(),
            before.zones.to_string(),
            after.zones.to_string(),
        ),
        (
            t.cmp_schools.to_string(),
            fill(
                t.schools_and_kg,
                &[
                    ("n", &before.schools.to_string()),
                    ("kg", &before.kindergartens.to_string()),
                ],
            ),
            fill(
                t.schools_and_kg,
                &[
                    ("n", &after.schools.to_string()),
                    ("kg", &after.kindergartens.to_string()),
                ],
            ),
        ),
    ];
    for i in 0..LEVELS.len() {
        rows.push((
            // kindergartens count 在园幼儿, not 在校生
            if i == 0 {
                t.cmp_kg_children.to_string()
            } else {
                fill(t.cmp_pupils, &[("level", level_label(i, t))])
            },
            n(before.pupils[i]),
            n(after.pupils[i]),
        ));
    }
    rows.push((t.cmp_teachers.to_string(), n(before.teachers), n(after.teachers)));
    rows.push((
        t.cmp_population.to_string(),
        n(before.population_0_18),
        n(after.population_0_18),
    ));
    rows.push((t.cmp_births.to_string(), n(before.births), n(after.births)));
    rows.push((
        t.cmp_budget.to_string(),
        format::yuan(before.budget, loc),
        format::yuan(after.budget, loc),
    ));
    rows
}

/// At most `MAX` names, then "等".
fn names(list: &[String], t: &Strings) -> String {
    const MAX: usize = 8;
    let shown = list.iter().take(MAX).cloned().collect::<Vec<_>>().join(t.list_sep);
    if list.len() > MAX {
        format!("{shown}{}{}", t.list_sep, t.and_more)
    } else {
        shown
    }
}

/// Schools added, removed and renamed (by school id).
fn school_changes(c: &SchoolChanges, t: &Strings) -> Html {
    if c.is_empty() {
        return html! {};
    }
    let renamed: Vec<String> = c
        .renamed
        .iter()
        .map(|(o, n)| fill(t.renamed_pair, &[("old", o), ("new", n)]))
        .collect();
    let line = |tpl: &str, list: &[String]| {
        (!list.is_empty()).then(|| {
            html! { <li>{ fill(tpl, &[("n", &list.len().to_string()), ("names", &names(list, t))]) }</li> }
        })
    };
    html! {
        <section class="school-changes">
            <h3>{ t.schools_changed }</h3>
            <ul>
                { line(t.schools_added, &c.added) }
                { line(t.schools_removed, &c.removed) }
                { line(t.schools_renamed, &renamed) }
            </ul>
        </section>
    }
}

/// One problem as a table row: file, sheet, row, column, what was found and why.
fn problem_row(p: &Problem, lang: Lang) -> Html {
    let at = &p.at;
    html! {
        <tr>
            <td class="p-file">{ &at.file }</td>
            <td class="p-sheet">{ at.sheet.clone().unwrap_or_default() }</td>
            <td class="p-row num">{ at.row.map(|r| r.to_string()).unwrap_or_default() }</td>
            <td class="p-col">{ at.col.map(col_letters).unwrap_or_default() }</td>
            <td class="p-seen">{ p.seen.as_deref().map(|s| s.chars().take(60).collect::<String>()).unwrap_or_default() }</td>
            <td class="p-message">{ lang.pick(&p.message.zh, &p.message.en) }</td>
        </tr>
    }
}

fn problem_table(class: &'static str, title: String, items: &[Problem], t: &Strings, lang: Lang) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class={classes!("problems", class)}>
            <h3>{ title }</h3>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{ t.col_file }</th>
                        <th scope="col">{ t.col_sheet }</th>
                        <th scope="col">{ t.col_row }</th>
                        <th scope="col">{ t.col_column }</th>
                        <th scope="col">{ t.col_seen }</th>
                        <th scope="col">{ t.col_problem }</th>
                    </tr></thead>
                    <tbody>{ for items.iter().map(|p| problem_row(p, lang)) }</tbody>
                </table>
            </div>
        </section>
    }
}

#[function_component]
pub fn ImportPreview(props: &PreviewProps) -> Html {
    let Some(data) = use_data() else { return html! {} };
    let lib = data.lib;
    let t = lib.t();
    let lang = lib.lang;
    let p = &props.preview;
    let cancel = {
        let lib = lib.clone();
        Callback::from(move |_| lib.dispatch(LibAction::OpenMenu))
    };
    let files = p.files.join(t.list_sep);
    match &p.reply {
        ImportReply::Failed { errors, .. } => html! {
            <div class="import-preview failed">
                <p class="preview-lead" role="alert">
                    { fill(t.import_has_errors, &[("n", &errors.errors.len().to_string()), ("files", &files)]) }
                </p>
                { problem_table("errors", fill(t.errors_n, &[("n", &errors.errors.len().to_string())]), &errors.errors, t, lang) }
                { problem_table("warnings", fill(t.warnings_n, &[("n", &errors.warnings.len().to_string())]), &errors.warnings, t, lang) }
                <div class="button-row">
                    <button type="button" class="cancel-import" onclick={cancel}>{ t.back }</button>
                </div>
            </div>
        },
        ImportReply::Imported(imported) => {
            let Imported {
                before,
                after,
                report,
                ms,
                schools,
                ..
            } = imported.as_ref();
            // a stored dataset with the same id is replaced on Apply: say which
            let replaced = lib
                .stored
                .iter()
                .find(|m| m.id == imported.id && m.hash != imported.hash)
                .map(|m| {
                    fill(
                        t.replaces_stored,
                        &[
                            ("name", lang.pick(&m.name.zh, &m.name.en)),
                            ("files", &m.files.join(t.list_sep)),
                            ("date", &m.imported),
                        ],
                    )
                });
            let shares_builtin_id =
                imported.id == lib.builtin.dataset.id && imported.hash.as_str() != &*lib.builtin.hash;
            let whole = report.parts.iter().any(|p| p.part == Part::Whole);
            let rows = comparison(before, after, t, lang).into_iter().map(|(label, b, a)| {
                let changed = b != a;
                html! {
                    <tr class={classes!(changed.then_some("changed"))}>
                        <th scope="row">{ label }</th><td>{ b }</td><td>{ a }</td>
                    </tr>
                }
            });
            let parts = report.parts.iter().map(|ps| {
                let sheet = if ps.sheet.is_empty() {
                    String::new()
                } else {
                    fill(t.part_sheet, &[("sheet", &ps.sheet)])
                };
                html! {
                    <li>
                        <strong>{ part_label(ps.part, t) }</strong>{ t.colon }
                        { &ps.file }{ sheet }
                        if ps.rows > 0 { { fill(t.part_rows, &[("n", &ps.rows.to_string())]) } }
                    </li>
                }
            });
            let apply = {
                let lib = lib.clone();
                let p = p.clone();
                Callback::from(move |_| data_ops::apply(&lib, &p))
            };
            html! {
                <div class="import-preview ok">
                    <p class="preview-lead">
                        { fill(t.import_preview_lead, &[("files", &files), ("ms", &format!("{ms:.0}"))]) }
                    </p>
                    if let Some(text) = replaced { <p class="replaces-stored">{ text }</p> }
                    if shares_builtin_id {
                        <p class="replaces-stored">{ fill(t.same_id_as_builtin, &[("name", lang.pick(&lib.builtin.dataset.name.zh, &lib.builtin.dataset.name.en))]) }</p>
                    }
                    <div class="table-wrap">
                        <table class="preview-table">
                            <thead><tr>
                                <th scope="col">{ t.cmp_item }</th>
                                <th scope="col">{ t.cmp_now }</th>
                                <th scope="col">{ t.cmp_after }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    { school_changes(schools, t) }
                    <section class="parts">
                        <h3>{ t.parts_replaced }</h3>
                        <ul>{ for parts }</ul>
                        if !whole { <p class="hint">{ t.parts_kept }</p> }
                    </section>
                    { problem_table("warnings", fill(t.warnings_n, &[("n", &report.warnings.len().to_string())]), &report.warnings, t, lang) }
                    if !report.notes.is_empty() {
                        <details class="notes">
                            <summary>{ fill(t.notes_n, &[("n", &report.notes.len().to_string())]) }</summary>
                            { problem_table("notes", String::new(), &report.notes, t, lang) }
                        </details>
                    }
                    <div class="button-row">
                        <button type="button" class="primary apply-import" onclick={apply}>{ t.apply_import }</button>
                        <button type="button" class="cancel-import" onclick={cancel}>{ t.cancel }</button>
                    </div>
                </div>
            }
        }
    }
}
