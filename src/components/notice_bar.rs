//! The notice bar: what a link, the storage or an import could not do.
//! Messages are built from the catalogue, with user text rendered as text.

use eduplan_model::catalogue::lever_spec;
use eduplan_model::codec::Notice;
use eduplan_model::network::{BoardingError, MergeError, NewSchoolError};
use eduplan_model::ScenarioError;
use yew::prelude::*;

use crate::context::use_ctx;
use crate::i18n::{fill, Lang, Strings};
use crate::state::{Action, Message};

/// A value a notice quotes, in the units its control shows ("120%", not
/// "1.2"); text that is not a number is quoted as it was given.
fn in_units(id: &str, given: &str, lang: Lang) -> String {
    use eduplan_model::catalogue::LeverUnit;
    match (lever_spec(id), given.trim().parse::<f64>()) {
        // a choice is named: “测算方式”：已改为“按经费”
        (Some(s), Ok(v)) if s.unit == LeverUnit::Choice => s
            .choices
            .get(v as usize)
            .filter(|_| v >= 0.0 && v.fract() == 0.0)
            .map_or_else(|| given.to_string(), |(zh, en)| format!("“{}”", lang.pick(zh, en))),
        (Some(s), Ok(v)) if v.is_finite() && s.unit != LeverUnit::Order => crate::units::show_given(v, s.unit, lang),
        _ => given.to_string(),
    }
}

fn lever_label(id: &str, lang: Lang) -> String {
    lever_spec(id).map_or_else(|| id.to_string(), |s| lang.pick(s.label_zh, s.label_en).to_string())
}

/// Why a scenario file cannot be used, in the interface language.
pub fn scenario_error_text(e: &ScenarioError, t: &Strings, lang: Lang) -> String {
    let lever = |id: &str| lever_label(id, lang);
    match e {
        ScenarioError::Json(_) => t.scenario_not_json.to_string(),
        ScenarioError::Encoding => t.scenario_not_utf8.to_string(),
        ScenarioError::UnknownLever(id) => fill(t.scenario_unknown_lever, &[("id", id)]),
        ScenarioError::WrongSection { id, .. } => fill(t.scenario_wrong_section, &[("id", &lever(id))]),
        ScenarioError::OutOfRange { id, value, min, max } => fill(
            t.scenario_out_of_range,
            &[
                ("id", &lever(id)),
                ("value", &in_units(id, &value.to_string(), lang)),
                // "（0～60间/年）": the unit once, after the range
                (
                    "min",
                    &lever_spec(id).map_or(min.to_string(), |s| crate::units::given_number(*min, s.unit)),
                ),
                ("max", &in_units(id, &max.to_string(), lang)),
            ],
        ),
        ScenarioError::NotANumber { id } | ScenarioError::NotPerYear { id } | ScenarioError::BadOrder { id, .. } => {
            fill(t.scenario_bad_value, &[("id", &lever(id))])
        }
        ScenarioError::Merge(m) => merge_error_text(m, t, None),
        ScenarioError::NewSchool(e) => new_school_error_text(e, t),
        ScenarioError::Boarding(e) => boarding_error_text(e, t, None),
        ScenarioError::BadYear { id, year, first, last } => fill(
            t.scenario_bad_year,
            &[
                ("id", &lever(id)),
                ("year", year),
                ("first", &first.to_string()),
                ("last", &last.to_string()),
            ],
        ),
    }
}

/// A link notice in the interface language; schools by their names in `ds`.
pub fn link_notice_text(n: &Notice, t: &Strings, lang: Lang, ds: Option<&eduplan_model::Dataset>) -> String {
    match n {
        Notice::NewerFormat { found } => fill(t.link_newer, &[("found", found)]),
        Notice::BadFormat { found } => fill(t.link_bad_format, &[("found", found)]),
        Notice::OtherDataset { found, expected } => {
            fill(t.link_other_dataset, &[("found", found), ("expected", expected)])
        }
        Notice::OtherDatasetVersion { found, expected } => {
            fill(t.link_other_version, &[("found", found), ("expected", expected)])
        }
        Notice::OtherDatasetContent { found, expected } => {
            fill(t.link_other_content, &[("found", found), ("expected", expected)])
        }
        Notice::Clamped { id, given, used } => fill(
            t.link_clamped,
            &[
                ("id", &lever_label(id, lang)),
                ("given", &in_units(id, given, lang)),
                ("used", &in_units(id, &used.to_string(), lang)),
            ],
        ),
        Notice::Snapped { id, given, used } => fill(
            t.link_snapped,
            &[
                ("id", &lever_label(id, lang)),
                ("given", &in_units(id, given, lang)),
                ("used", &in_units(id, &used.to_string(), lang)),
            ],
        ),
        Notice::Dropped { id, given } => fill(t.link_dropped, &[("id", &lever_label(id, lang)), ("given", given)]),
        Notice::NameCut => t.link_name_cut.to_string(),
        Notice::BadSeed { given } => fill(t.link_bad_seed, &[("given", given)]),
        Notice::Digits { other_build: true } => t.link_digits_other.to_string(),
        Notice::Digits { other_build: false } => t.link_digits_cut.to_string(),
        Notice::Repeated { id } => fill(t.link_repeated, &[("id", &lever_label(id, lang))]),
        Notice::Merge { given, why } => {
            // a link writes the share as a fraction of 1
            let why = match why {
                MergeError::Share => t.merge_share_link.to_string(),
                other => merge_error_text(other, t, ds),
            };
            fill(t.link_merge_dropped, &[("given", given), ("why", &why)])
        }
        Notice::NewSchool { given, why } => fill(
            t.link_new_dropped,
            &[("given", given), ("why", &new_school_error_text(why, t))],
        ),
        Notice::Boarding { given, why } => fill(
            t.link_board_dropped,
            &[("given", given), ("why", &boarding_error_text(why, t, ds))],
        ),
    }
}

/// Why a new school cannot be opened, in the interface language.
pub fn new_school_error_text(e: &NewSchoolError, t: &Strings) -> String {
    match e {
        NewSchoolError::Id(id) => fill(t.new_err_id, &[("id", id)]),
        NewSchoolError::IdTaken(id) => fill(t.new_err_taken, &[("id", id)]),
        NewSchoolError::Name => t.new_err_name.to_string(),
        NewSchoolError::NameTaken(n) => fill(t.new_err_name_taken, &[("name", n)]),
        NewSchoolError::Zone(z) => fill(t.new_err_zone, &[("zone", z)]),
        NewSchoolError::Kind => t.new_err_kind.to_string(),
        NewSchoolError::Rooms => t.new_err_rooms.to_string(),
        NewSchoolError::Year(y) => fill(t.new_err_year, &[("year", &y.to_string())]),
        NewSchoolError::Unreadable => t.new_err_unreadable.to_string(),
    }
}

/// Why boarding places cannot be given, in the interface language, schools
/// by their names in `ds` (the dataset with the scenario's new schools, where at hand).
pub fn boarding_error_text(e: &BoardingError, t: &Strings, ds: Option<&eduplan_model::Dataset>) -> String {
    let name = |id: &str| named(id, ds);
    match e {
        BoardingError::UnknownSchool(id) => fill(t.board_err_unknown, &[("id", id)]),
        BoardingError::Level(id) => fill(t.board_err_level, &[("id", &name(id))]),
        BoardingError::Places => t.board_err_places.to_string(),
        BoardingError::Cost => t.board_err_cost.to_string(),
        BoardingError::Year(y) => fill(t.board_err_year, &[("year", &y.to_string())]),
        BoardingError::NotYetOpen { id, from } => {
            fill(t.board_err_not_open, &[("id", &name(id)), ("from", &from.to_string())])
        }
        BoardingError::Twice(id) => fill(t.board_err_twice, &[("id", &name(id))]),
        BoardingError::Merged { id, year } => {
            fill(t.board_err_merged, &[("id", &name(id)), ("year", &year.to_string())])
        }
        BoardingError::Unreadable => t.board_err_unreadable.to_string(),
    }
}

/// A school by its name in `ds` (by id when there is none by that id).
fn named(id: &str, ds: Option<&eduplan_model::Dataset>) -> String {
    ds.map_or(id.to_string(), |ds| eduplan_model::network::school_name(id, ds, &[]))
}

/// Why a school merge cannot be made, in the interface language, schools
/// by their names in `ds` (by id when the dataset has none by that id).
pub fn merge_error_text(e: &MergeError, t: &Strings, ds: Option<&eduplan_model::Dataset>) -> String {
    let name = |id: &str| named(id, ds);
    match e {
        MergeError::UnknownSchool(id) => fill(t.merge_unknown, &[("id", id)]),
        MergeError::IntoItself(id) => fill(t.merge_itself, &[("id", &name(id))]),
        MergeError::OtherZone { school, into } => {
            fill(t.merge_zone, &[("school", &name(school)), ("into", &name(into))])
        }
        MergeError::Grades { school, into } => {
            fill(t.merge_grades, &[("school", &name(school)), ("into", &name(into))])
        }
        MergeError::Year(y) => fill(t.merge_year, &[("year", &y.to_string())]),
        MergeError::Share => t.merge_share.to_string(),
        MergeError::Unreadable => t.merge_unreadable.to_string(),
        MergeError::Twice(id) => fill(t.merge_twice, &[("id", &name(id))]),
        MergeError::NotYetOpen { id, from } => {
            fill(t.merge_not_open, &[("id", &name(id)), ("from", &from.to_string())])
        }
        MergeError::ReceiverClosed { into, year } => fill(
            t.merge_receiver_closed,
            &[("into", &name(into)), ("year", &year.to_string())],
        ),
    }
}

#[function_component]
pub fn NoticeBar() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let lang = ctx.lang();
    let notices = &ctx.state.notices;
    if notices.is_empty() {
        return html! {};
    }
    // schools by name, the scenario's new ones too
    let named = eduplan_model::network::with_new_schools(&ctx.dataset, &ctx.state.scenario.new_schools);
    let links: Vec<String> = notices
        .iter()
        .filter_map(|m| match m {
            Message::Link(n) => Some(link_notice_text(n, t, lang, Some(&named))),
            _ => None,
        })
        .collect();
    let fitted: Vec<String> = notices
        .iter()
        .filter_map(|m| match m {
            Message::Fitted(n) => Some(link_notice_text(n, t, lang, Some(&named))),
            _ => None,
        })
        .collect();
    let others = notices.iter().filter_map(|m| match m {
        Message::Link(_) | Message::Fitted(_) => None,
        Message::StorageCorrupt { key, kept_as } => {
            Some(fill(t.notice_storage_corrupt, &[("key", key), ("kept", kept_as)]))
        }
        Message::StorageFull => Some(t.notice_storage_full.to_string()),
        Message::SavedNotKept => Some(t.notice_saved_not_kept.to_string()),
        Message::ImportFailed(why) => Some(format!("{}{why}", t.notice_import_failed)),
        Message::Imported(name) => Some(format!("{}{name}", t.notice_imported)),
        // the reason comes from the browser, in English: only the English interface shows it
        Message::ExportFailed(why) => Some(match lang {
            Lang::En => format!("{}{why}", t.export_failed),
            Lang::Zh => t.export_failed_retry.to_string(),
        }),
        Message::SavedOnOtherDataset {
            scenario,
            dataset,
            version,
        } => Some(fill(
            if *version {
                t.notice_saved_other_version
            } else {
                t.notice_saved_other_dataset
            },
            &[("scenario", scenario), ("dataset", dataset)],
        )),
    });
    let dismiss = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::DismissNotices))
    };
    html! {
        <section class="notice-bar" aria-label={t.notices_region}>
            <div class="notice-body" role="status" aria-live="polite">
                if !links.is_empty() {
                    <p class="notice-title">{ t.notice_link }</p>
                    <ul class="link-notices">{ for links.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                }
                { for others.map(|o| html! { <p class="notice-line">{ o }</p> }) }
                if !fitted.is_empty() {
                    <p class="notice-title">{ t.notice_fitted }</p>
                    <ul class="link-notices">{ for fitted.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                }
            </div>
            <button type="button" class="notice-dismiss" onclick={dismiss}>{ t.dismiss }</button>
        </section>
    }
}
