//! Where every figure comes from: the dataset's sources, what kind each is,
//! and which values use it. Estimates are listed first.

use eduplan_model::dataset::SourceKind;
use yew::prelude::*;

use crate::context::{use_ctx, Shared};
use crate::i18n::Lang;
use eduplan_model::Dataset;

/// The part of the data a provenance path (`Dataset::provenance`) lies in,
/// named as the template's sheet for it: what a statistician recognises,
/// where `demography.births` would mean nothing.
fn part_of(path: &str, t: &'static crate::i18n::Strings) -> &'static str {
    let head = path.split('.').next().unwrap_or(path);
    match (head, path) {
        (_, "demography.population" | "demography.residents") => t.part_population,
        (_, p) if p.starts_with("demography.birth") => t.part_births,
        ("demography", _) => t.part_age_rates,
        ("schools", _) => t.part_schools,
        ("zones", _) => t.part_zones,
        ("flows", _) => t.part_flows,
        ("norms", _) => t.part_norms,
        ("finance", _) => t.part_money,
        ("teachers", _) => t.part_trainees,
        ("targets", _) => t.part_targets,
        ("lever_defaults", _) => t.part_lever_defaults,
        _ => t.part_params,
    }
}

#[function_component]
pub fn DataPanel() -> Html {
    let ctx = use_ctx();
    html! { <DataPanelView dataset={Shared(ctx.dataset.clone())} lang={ctx.lang()} /> }
}

/// The panel depends on the data and the language only: a lever step leaves it alone.
#[derive(Properties, PartialEq)]
struct DataPanelProps {
    dataset: Shared<Dataset>,
    lang: Lang,
}

#[function_component]
fn DataPanelView(props: &DataPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.strings();
    let ds = &props.dataset;
    // what uses each source: fixed for the dataset, so built once
    let used_by = {
        let ds = props.dataset.0.clone();
        use_memo(lang, move |lang| {
            let t = lang.strings();
            let prov = ds.provenance();
            ds.sources
                .iter()
                .map(|s| {
                    // the parts of the data, as the template's sheets name them
                    let mut used: Vec<&str> = Vec::new();
                    for (path, _) in prov.iter().filter(|(_, src)| *src == s.id) {
                        let part = part_of(path, t);
                        if !used.contains(&part) {
                            used.push(part);
                        }
                    }
                    (s.id.clone(), used.join(t.list_sep))
                })
                .collect::<std::collections::HashMap<String, String>>()
        })
    };
    // sources no value uses any more (their figures were imported) are left out
    let mut sources: Vec<_> = ds
        .sources
        .iter()
        .filter(|s| used_by.get(&s.id).is_some_and(|u| !u.is_empty()))
        .collect();
    sources.sort_by_key(|s| match s.kind {
        SourceKind::Estimate => 0,
        SourceKind::Derived => 1,
        SourceKind::Verified => 2,
        SourceKind::Bureau => 3,
    });
    let estimates = sources.iter().filter(|s| s.kind == SourceKind::Estimate).count();
    let estimate_titles: Vec<String> = sources
        .iter()
        .filter(|s| s.kind == SourceKind::Estimate)
        .map(|s| lang.pick(&s.title.zh, &s.title.en).to_string())
        .collect();
    let in_use = sources.len();
    // imported values by file and sheet: how many, and which cells
    let origins = {
        let ds = props.dataset.0.clone();
        use_memo((), move |_| {
            let mut by: std::collections::BTreeMap<(String, String), (usize, Vec<String>)> = Default::default();
            for o in ds.origins.values() {
                let e = by.entry((o.file.clone(), o.sheet.clone())).or_default();
                e.0 += 1;
                if e.1.len() < 3 && !e.1.contains(&o.cells) {
                    e.1.push(o.cells.clone());
                }
            }
            by.into_iter().collect::<Vec<_>>()
        })
    };
    let origin_rows = origins.iter().map(|((file, sheet), (n, cells))| {
        html! {
            <tr class="origin">
                <td>{ file }</td>
                <td>{ sheet }</td>
                <td class="num">{ n }</td>
                <td><code>{ cells.join(t.list_sep) }</code></td>
            </tr>
        }
    });
    let rows = sources.into_iter().map(|s| {
        let (kind_class, kind) = match s.kind {
            SourceKind::Verified => ("verified", t.source_verified),
            SourceKind::Derived => ("derived", t.source_derived),
            SourceKind::Estimate => ("estimate", t.source_estimate),
            SourceKind::Bureau => ("bureau", t.source_bureau),
        };
        let used_text = used_by.get(&s.id).cloned().unwrap_or_default();
        html! {
            <tr class={classes!("source", kind_class)} data-source={s.id.clone()}>
                <td><code>{ &s.id }</code></td>
                <td class={classes!("kind", kind_class)}>{ kind }</td>
                <td>
                    { lang.pick(&s.title.zh, &s.title.en) }
                    if let Some(url) = &s.url { <br /><a href={url.clone()} rel="noreferrer noopener" target="_blank" class="source-url">{ url }</a> }
                </td>
                <td class="note">{ lang.pick(&s.note.zh, &s.note.en) }</td>
                <td class="used">{ used_text }</td>
            </tr>
        }
    });
    html! {
        <details class="data-panel">
            <summary>
                <h2>{ t.data_panel }</h2>
                <span class="summary-count">{ format!("{} / {} {}", estimates, in_use, t.estimates_count) }</span>
            </summary>
            <p class="hint">{ t.data_panel_hint }</p>
            if !origins.is_empty() {
                <h3>{ t.origins_title }</h3>
                <div class="table-wrap">
                    <table class="origins">
                        <thead><tr>
                            <th scope="col">{ t.col_file }</th>
                            <th scope="col">{ t.col_sheet }</th>
                            <th scope="col">{ t.col_values }</th>
                            <th scope="col">{ t.col_cells }</th>
                        </tr></thead>
                        <tbody>{ for origin_rows }</tbody>
                    </table>
                </div>
                <h3>{ t.still_estimates }</h3>
                if estimates == 0 {
                    <p class="hint">{ t.no_estimates_left }</p>
                } else {
                    <ul class="estimates-left">
                        { for estimate_titles.iter().map(|title| html! { <li>{ title }</li> }) }
                    </ul>
                }
            }
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_source }</th>
                            <th scope="col">{ t.col_kind }</th>
                            <th scope="col">{ t.col_source_title }</th>
                            <th scope="col">{ t.col_note }</th>
                            <th scope="col">{ t.col_used_by }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
