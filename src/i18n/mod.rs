//! One typed string catalogue: every UI string lives in [`Strings`], and each
//! language is one `const` of it, so a missing key is a compile error.

mod en;
mod zh;

use serde::{Deserialize, Serialize};

/// The UI language. Simplified Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Short code used in links (`lang=en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" | "zh-CN" | "zh-cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &zh::ZH,
            Lang::En => &en::EN,
        }
    }

    /// The model's number-formatting locale for this language.
    pub fn locale(self) -> eduplan_model::format::Locale {
        match self {
            Lang::Zh => eduplan_model::format::Locale::Zh,
            Lang::En => eduplan_model::format::Locale::En,
        }
    }

    /// Picks the label of a bilingual pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Fills `{name}` placeholders of a catalogue template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Declares [`Strings`] with one `&'static str` per key, plus `entries()` so
/// tests can walk every key of every language.
macro_rules! strings {
    ($($key:ident),* $(,)?) => {
        /// Every string the UI shows (catalogue labels come from the model in
        /// both languages).
        #[derive(Debug)]
        pub struct Strings {
            $(pub $key: &'static str,)*
        }

        impl Strings {
            /// (key, text) for every key, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

strings! {
    app_title,
    app_tagline,
    language,
    lang_name,
    switch_to,
    dataset,
    data_as_of,
    privacy_note,
    policies,
    assumptions,
    group_kindergartens,
    group_schools,
    group_teachers,
    group_students,
    group_funding,
    group_demography,
    group_costs,
    reset,
    reset_lever,
    reset_policies,
    reset_assumptions,
    reset_all,
    baseline_value,
    varies_by_year,
    results,
    target_board,
    skip_links,
    skip_to_targets,
    skip_to_levers,
    col_target,
    col_year,
    col_value,
    col_threshold,
    col_status,
    col_first_met,
    met,
    missed,
    beyond_horizon,
    not_applicable,
    not_applicable_why,
    never,
    by,
    estimate_mark,
    estimate_tooltip,
    targets_summary,
    targets_not_applicable,
    error_title,
    error_reload,
    error_dismiss,
    error_hint,
    dataset_error,
    unit_seats_per_year,
    unit_classrooms_per_year,
    unit_places_per_year,
    unit_teachers_per_year,
    unit_trainees_per_year,
    unit_yuan_per_pupil_per_year,
    unit_years,
    unit_percent_per_year,
    unit_per_year,
    unit_points_per_year,
    unit_times,
    charts,
    chart_picker,
    chart_enrollment,
    chart_births,
    chart_kindergarten,
    chart_large_classes,
    chart_class_size,
    chart_teachers,
    chart_staffing,
    chart_senior_stage,
    chart_finance,
    chart_funds,
    county_wide,
    zone,
    legend_current,
    legend_baseline,
    target_line,
    chart_desc_from,
    chart_desc_to,
    show_chart,
    year,
    per_year,
    per_year_editor,
    per_year_hint,
    varies_note,
    data_panel,
    data_panel_hint,
    source_verified,
    source_derived,
    source_estimate,
    source_bureau,
    col_source,
    col_kind,
    col_note,
    col_used_by,
    estimates_count,
    chart_rates,
    chart_retention,
    chart_dropout,
    chart_trainees,
    colon,
    scenario_name,
    untitled,
    undo,
    redo,
    save_new,
    update_saved,
    copy_link,
    link_copied,
    link_copy_manual,
    export_json,
    import_json,
    saved_scenarios,
    no_saved,
    open,
    rename,
    duplicate,
    copy_suffix,
    delete,
    compare,
    compare_title,
    compare_hint,
    spread,
    dismiss,
    scenarios,
    notice_link,
    notice_fitted,
    notice_storage_corrupt,
    notice_storage_full,
    notice_import_failed,
    notice_imported,
    link_newer,
    link_bad_format,
    link_digits_other,
    link_digits_cut,
    link_other_dataset,
    link_other_version,
    link_clamped,
    link_dropped,
    link_name_cut,
    link_bad_seed,
    export_xlsx,
    export_csv,
    export_failed,
    exporting,
    print_brief,
    present,
    download_svg,
    download_png,
    brief_title,
    brief_date,
    brief_changes,
    brief_no_changes,
    brief_targets,
    brief_charts,
    brief_estimate_note,
    slide_of,
    slide_prev,
    slide_next,
    slide_exit,
    slide_closing,
    qr_too_long,
    slide_keys,
    baseline_only,
    uncertainty,
    uncertainty_running,
    uncertainty_done,
    uncertainty_stale,
    prob_met,
    bands_legend,
    band_range,
    seek,
    seek_title,
    seek_lever,
    seek_helping,
    seek_other,
    seek_run,
    seek_found,
    seek_min,
    seek_unreachable,
    seek_not_monotone,
    apply,
    draws,
    draws_label,
    unit_yuan_per_year,
    bought_tag,
    bought_none,
    bought_help,
    programme_order,
    programme_order_help,
    programme_1,
    programme_2,
    programme_3,
    programme_4,
    programme_5,
    move_up,
    move_down,
    budget_title,
    budget_meter,
    budget_recurring_note,
    col_budget_year,
    col_available,
    col_recurring,
    col_new,
    col_bought,
    col_used,
    bought_nothing,
    bought_rooms,
    bought_seats,
    bought_hires,
    bought_step,
    bought_trainees,
    list_sep,
    data_menu,
    data_menu_title,
    close,
    cancel,
    back,
    sources_count,
    store_too_large,
    store_unavailable,
    store_full,
    file_too_large,
    file_unreadable,
    import_worker_failed,
    dataset_unreadable,
    drop_hint,
    choose_files,
    import_privacy,
    dataset_bundled,
    dataset_imported,
    base_year_is,
    dataset_in_use,
    use_dataset,
    confirm_delete_dataset,
    imported_from,
    datasets_here,
    import_data,
    import_steps,
    download_template,
    template_file_suffix,
    export_dataset,
    export_dataset_xlsx,
    export_dataset_json,
    reading_files,
    part_whole,
    part_meta,
    part_sources,
    part_zones,
    part_population,
    part_births,
    part_age_rates,
    part_schools,
    part_enrollment,
    part_flows,
    part_norms,
    part_money,
    part_params,
    part_trainees,
    part_targets,
    part_lever_defaults,
    lv_kg,
    lv_primary,
    lv_junior,
    lv_senior,
    lv_vocational,
    lv_special,
    cmp_item,
    cmp_now,
    cmp_after,
    cmp_name,
    cmp_base_year,
    cmp_zones,
    cmp_schools,
    schools_and_kg,
    cmp_pupils,
    cmp_teachers,
    cmp_population,
    cmp_budget,
    col_file,
    col_sheet,
    col_row,
    col_column,
    col_seen,
    col_problem,
    import_has_errors,
    errors_n,
    warnings_n,
    notes_n,
    import_preview_lead,
    part_sheet,
    part_rows,
    parts_replaced,
    parts_kept,
    apply_import,
    missing_title,
    missing_body,
    missing_other_figures,
    missing_import,
    missing_open_here,
    notice_saved_other_dataset,
    link_other_content,
    saved_on_other,
    origins_title,
    still_estimates,
    no_estimates_left,
    col_cells,
    export_failed_retry,
    update_region,
    update_ready,
    update_reload,
    update_later,
    wechat_title,
    wechat_explain,
    wechat_not_done,
    wechat_step_menu,
    wechat_step_open,
    wechat_step_export,
    wechat_long_press,
    wechat_ok,
    levers_show,
    levers_hide,
    levers_changed_n,
    download_svg_aria,
    download_png_aria,
    scenario_tools,
    notices_region,
    slide_board_part,
    wechat_imported,
    name_numbered,
    slide_closing_named,
    link_needs_data,
    scenario_not_json,
    scenario_not_utf8,
    scenario_unknown_lever,
    scenario_wrong_section,
    scenario_out_of_range,
    scenario_bad_value,
    scenario_bad_year,
    notice_saved_not_kept,
    link_snapped,
    link_repeated,
    same_id_as_builtin,
    notice_saved_other_version,
    col_source_title,
    not_for_link,
    missing_body_nohash,
    replaces_stored,
    saved_on_other_version,
    cmp_births,
    col_values,
    cmp_kg_children,
    schools_changed,
    schools_added,
    schools_removed,
    schools_renamed,
    renamed_pair,
    and_more,
    schools_title,
    schools_show,
    schools_hide,
    schools_lead,
    schools_year,
    schools_stage,
    schools_all_stages,
    schools_flagged_only,
    schools_min_grade,
    schools_min_use,
    schools_count_item,
    schools_shown,
    col_school,
    col_pupils,
    col_classes,
    col_largest,
    col_large_classes,
    col_rooms,
    col_teachers,
    col_use,
    col_trend,
    col_flags,
    flag_over,
    flag_under,
    flag_short,
    flag_surplus,
    flag_from,
    schools_csv,
    schools_sort,
    schools_none,
    schools_note,
    schools_trend_title,
    schools_sheet,
    link_merge_dropped,
    merge_unknown,
    merge_itself,
    merge_zone,
    merge_grades,
    merge_year,
    merge_share,
    merge_twice,
    merge_action,
    merge_action_aria,
    merge_into,
    merge_from,
    merge_share_label,
    merge_ok,
    merge_cancel,
    merge_item,
    merge_item_share,
    merge_remove,
    merge_closed,
    merge_none_possible,
    chart_schools,
    chart_teacher_gap_norm,
    merge_label,
    merge_receiver_closed,
    schools_summary,
    flag_earlier,
    merge_unreadable,
    merge_share_link,
    network_title,
    change_new,
    change_boarding,
    new_open,
    new_title,
    new_name,
    new_zone,
    new_kind,
    new_rooms,
    new_from,
    new_ok,
    new_remove,
    new_default_name,
    new_rule,
    new_err_id,
    new_err_taken,
    new_err_name,
    new_err_zone,
    new_err_kind,
    new_err_rooms,
    new_err_year,
    new_err_unreadable,
    link_new_dropped,
    new_flag,
    board_action,
    board_action_aria,
    board_places,
    board_from,
    board_cost,
    board_rule,
    board_ok,
    board_remove,
    board_now,
    board_err_places,
    board_err_cost,
    board_err_unknown,
    board_err_level,
    board_err_year,
    board_err_not_open,
    board_err_twice,
    board_err_unreadable,
    link_board_dropped,
    merge_not_open,
    compare_network,
    compare_new,
    compare_merged,
    compare_boarding,
    compare_flagged,
    chart_schools_flagged,
    board_flagged,
    board_flagged_open,
    new_err_name_taken,
    board_err_merged,
    merge_later,
    col_new_from,
    col_boarders,
    board_spare,
    briefing_title,
    briefing_show,
    briefing_hide,
    briefing_lead,
    briefing_copy,
    briefing_copied,
    briefing_copy_failed,
    briefing_sheet,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_string_is_empty_in_either_language() {
        for l in Lang::ALL {
            for (k, v) in l.strings().entries() {
                assert!(!v.trim().is_empty(), "{l:?}.{k} is empty");
            }
        }
    }

    #[test]
    fn every_key_is_translated() {
        assert_eq!(Lang::Zh.strings().app_title, "教育规划模拟器");
        assert_eq!(Lang::En.strings().app_title, "EduPlan");
        let zh = Lang::Zh.strings().entries();
        let en = Lang::En.strings().entries();
        assert_eq!(zh.len(), en.len());
        for ((k, a), (_, b)) in zh.iter().zip(&en) {
            if *k == "unit_times" {
                continue; // "倍" and "×" differ, but a sign may legitimately be shared
            }
            assert_ne!(a, b, "{k} is not translated");
        }
    }

    /// Issue 15: no English in the Chinese interface. `switch_to` names the
    /// other language in that language ("English") and is the one exception.
    #[test]
    fn the_chinese_interface_has_no_english() {
        for (k, v) in Lang::Zh.strings().entries() {
            if k == "switch_to" {
                continue;
            }
            let stray = eduplan_model::wording::stray_latin(v);
            assert!(stray.is_empty(), "zh.{k} = {v}: {stray:?}");
        }
    }

    /// The review's corrected terms, pinned (zh-wording-review.md, findings
    /// B1–B5, B10, B13, B14, C2–C4).
    #[test]
    fn the_bureau_s_words() {
        let t = Lang::Zh.strings();
        for (k, v, want) in [
            ("reset_all", t.reset_all, "全部重置"),
            ("seek", t.seek, "达标测算"),
            ("seek_run", t.seek_run, "开始测算"),
            ("policies", t.policies, "政策措施"),
            ("col_used", t.col_used, "执行率"),
            ("save_new", t.save_new, "另存为新方案"),
            ("duplicate", t.duplicate, "创建副本"),
            ("data_as_of", t.data_as_of, "统计时点"),
            ("uncertainty", t.uncertainty, "不确定性分析"),
            ("list_sep", t.list_sep, "、"),
        ] {
            assert_eq!(v, want, "zh.{k}");
        }
        for (k, v) in Lang::Zh.strings().entries() {
            assert!(!v.contains('「') && !v.contains('」'), "zh.{k}: “” not 「」");
            assert!(
                !v.contains(" %") && !v.contains('–'),
                "zh.{k}: no space before %, no en dash"
            );
            assert!(
                !v.contains("购买") && !v.contains("杠杆") && !v.contains("复位"),
                "zh.{k}: {v}"
            );
        }
        // and the English side says what an international planner says
        let e = Lang::En.strings();
        assert_eq!(e.chart_staffing, "Pupil–teacher ratio");
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }
}
