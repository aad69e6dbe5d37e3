//! The briefing points' catalogue (issue 19): every sentence template of the
//! 汇报要点 in both languages, as the fields of one struct, so a template
//! missing in one language does not compile. `{name}` placeholders are
//! filled by [`crate::briefing`]; the wording rules it follows:
//!
//! - numbers in the locale's style ([`crate::format`]): counts and money in
//!   万/亿 in Chinese, percentage gaps in 个百分点, values exactly as the
//!   target board shows them ([`crate::targets::TargetResult::shown`]);
//! - official terms (在校生, 招生, 班额, 专任教师, 学位, 撤并), full-width
//!   punctuation, enumeration comma 、 between parallel items, ～ in ranges,
//!   no English in Chinese text;
//! - each point one sentence or two, five to eight points in all.

use crate::catalogue::LeverUnit;
use crate::format::Locale;

/// The templates of one language.
pub struct Sentences {
    /// The brief's heading: "汇报要点".
    pub title: &'static str,
    /// The comparison's heading: "方案比较".
    pub compare_title: &'static str,
    /// A scenario without a name: `{n}`, its place.
    pub unnamed: &'static str,
    /// Points are numbered "一、" in Chinese, "1. " in English.
    pub ordinals: &'static [&'static str],
    /// Between parallel items ("、" / ", ").
    pub list_sep: &'static str,
    /// Between clauses of one point ("；" / "; ").
    pub clause_sep: &'static str,
    /// The end of a sentence ("。" / ".").
    pub stop: &'static str,
    /// A scenario that changes nothing: `{met}`, `{total}`.
    pub same_as_baseline: &'static str,
    /// What the scenario changes: `{n}`, `{items}`.
    pub changes: &'static str,
    /// More changes than listed: `{items}`, `{n}` (all of them).
    pub changes_more: &'static str,
    /// One lever and its value: `{lever}`, `{value}`.
    pub lever_item: &'static str,
    /// Targets met in their years: `{met}`, `{total}`, `{base}` (the baseline's).
    pub met_count: &'static str,
    /// Targets turned from missed to met: `{n}`, `{items}`.
    pub turned_met: &'static str,
    /// Targets turned from met to missed: `{n}`, `{items}`.
    pub turned_missed: &'static str,
    /// A target and how far it moved: `{target}`, `{year}`, `{value}`, `{diff}`
    /// (`higher` or `lower` filled, or nothing).
    pub target_moved: &'static str,
    /// Higher / lower than the baseline by `{diff}`.
    pub higher: &'static str,
    pub lower: &'static str,
    /// No target missed.
    pub all_met: &'static str,
    /// Still missed, the widest gap: `{n}`, `{target}`, `{year}`, `{value}`, `{threshold}`, `{gap}`.
    pub still_missed: &'static str,
    /// The least lever value that meets it: `{lever}`, `{value}`.
    pub seek_found: &'static str,
    /// No value of the best lever meets it: `{lever}`.
    pub seek_unreachable: &'static str,
    /// Cost over the horizon: `{first}`, `{last}`, `{total}`, `{diff}` (with 多/少).
    pub cost: &'static str,
    pub cost_more: &'static str,
    pub cost_less: &'static str,
    pub cost_same: &'static str,
    /// Spending against the budget summed over the years: `{first}`, `{last}`, `{gap}`.
    pub budget_short: &'static str,
    pub budget_within: &'static str,
    /// The least likely target met under uncertainty: `{draws}`, `{target}`, `{p}`.
    pub uncertain: &'static str,
    /// Every target likely met under uncertainty: `{draws}`, `{p}` (the least).
    pub uncertain_all: &'static str,
    /// Targets resting on estimated data: `{n}`, `{items}`.
    pub estimates: &'static str,
    /// No target rests on estimates.
    pub no_estimates: &'static str,
    /// Schools with a warning in the last year: `{year}`, `{n}`, `{base}`.
    pub schools_flagged: &'static str,
    /// Comparison: `{b}` against `{a}`: `{items}`.
    pub compare: &'static str,
    /// Comparison, no difference in what is compared: `{b}`, `{a}`.
    pub compare_same: &'static str,
    /// A quantity more / fewer over the horizon: `{lever}`, `{n}` (with its measure word).
    pub compare_more: &'static str,
    pub compare_fewer: &'static str,
    /// A target value higher / lower: `{target}`, `{diff}`.
    pub compare_higher: &'static str,
    pub compare_lower: &'static str,
    /// More / fewer targets met: `{n}`.
    pub compare_met_more: &'static str,
    pub compare_met_fewer: &'static str,
    /// Spending more / less over the horizon: `{diff}`.
    pub compare_cost_more: &'static str,
    pub compare_cost_less: &'static str,
    /// Lever values as a sentence says them, by unit: every year (`{v}`) and
    /// one year (`{year}`, `{v}`), and the measure word of a total (`{v}`).
    pub every_year: fn(LeverUnit) -> &'static str,
    pub in_year: fn(LeverUnit) -> &'static str,
    pub total: fn(LeverUnit) -> &'static str,
}

fn zh_every(u: LeverUnit) -> &'static str {
    use LeverUnit as U;
    match u {
        U::SeatsPerYear | U::PlacesPerYear => "每年{v}个",
        U::ClassroomsPerYear => "每年{v}间",
        U::TeachersPerYear | U::TraineesPerYear => "每年{v}人",
        U::Share => "{v}%",
        U::RatePerYear => "每年{v}%",
        U::PointsPerYear => "每年{v}个百分点",
        U::YuanPerPupilPerYear => "每生每年{v}元",
        U::Years => "{v}年",
        U::Multiplier => "{v}倍",
        // money is written whole by format::yuan (6000万元)
        U::YuanPerYear => "每年{v}",
        U::Choice => "为{v}",
        U::Order => "{v}",
    }
}

fn zh_in_year(u: LeverUnit) -> &'static str {
    use LeverUnit as U;
    match u {
        U::SeatsPerYear | U::PlacesPerYear => "{year}年{v}个",
        U::ClassroomsPerYear => "{year}年{v}间",
        U::TeachersPerYear | U::TraineesPerYear => "{year}年{v}人",
        U::Share | U::RatePerYear => "{year}年{v}%",
        U::PointsPerYear => "{year}年{v}个百分点",
        U::YuanPerPupilPerYear => "{year}年每生{v}元",
        _ => "{year}年{v}",
    }
}

fn zh_total(u: LeverUnit) -> &'static str {
    use LeverUnit as U;
    match u {
        U::SeatsPerYear | U::PlacesPerYear => "{v}个",
        U::ClassroomsPerYear => "{v}间",
        U::TeachersPerYear | U::TraineesPerYear => "{v}人",
        _ => "{v}",
    }
}

fn en_every(u: LeverUnit) -> &'static str {
    use LeverUnit as U;
    match u {
        U::SeatsPerYear => "{v} seats a year",
        U::PlacesPerYear => "{v} places a year",
        U::ClassroomsPerYear => "{v} classrooms a year",
        U::TeachersPerYear => "{v} teachers a year",
        U::TraineesPerYear => "{v} trainees a year",
        U::Share => "{v}%",
        U::RatePerYear => "{v}% a year",
        U::PointsPerYear => "{v} points a year",
        U::YuanPerPupilPerYear => "{v} yuan a pupil a year",
        U::Years => "{v} years",
        U::Multiplier => "×{v}",
        U::YuanPerYear => "{v} a year",
        U::Choice | U::Order => "{v}",
    }
}

fn en_in_year(u: LeverUnit) -> &'static str {
    use LeverUnit as U;
    match u {
        U::Share | U::RatePerYear => "{v}% in {year}",
        _ => "{v} in {year}",
    }
}

fn en_total(_: LeverUnit) -> &'static str {
    // the lever's name says what is counted
    "{v}"
}

pub const ZH: Sentences = Sentences {
    title: "汇报要点",
    compare_title: "方案比较",
    unnamed: "方案{n}",
    ordinals: &[
        "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
    ],
    list_sep: "、",
    clause_sep: "；",
    stop: "。",
    same_as_baseline: "本方案与基准方案相同，未调整政策措施；在目标年份达成目标{met}项（共{total}项）。",
    changes: "本方案与基准方案相比调整{n}项：{items}。",
    changes_more: "本方案与基准方案相比调整{n}项，主要有：{items}等。",
    lever_item: "{lever}{value}",
    met_count: "在目标年份达成目标{met}项（共{total}项），基准方案达成{base}项。",
    turned_met: "{n}项目标由未达成转为达成：{items}。",
    turned_missed: "{n}项目标由达成转为未达成：{items}。",
    target_moved: "{target}（{year}年为{value}{diff}）",
    higher: "，比基准方案高{diff}",
    lower: "，比基准方案低{diff}",
    all_met: "全部目标在目标年份达成。",
    still_missed: "仍有{n}项目标未达成，差距最大的是{target}：{year}年为{value}，目标为{threshold}，相差{gap}。",
    seek_found: "将{lever}调整为{value}可达成该目标。",
    seek_unreachable: "仅调整{lever}无法达成该目标，需多项措施配合。",
    cost: "{first}～{last}年教育支出合计{total}，{diff}。",
    cost_more: "比基准方案多{diff}",
    cost_less: "比基准方案少{diff}",
    cost_same: "与基准方案相同",
    budget_short: "与经费预算相比，{first}～{last}年累计缺口{gap}。",
    budget_within: "与经费预算相比，{first}～{last}年累计结余{gap}。",
    uncertain: "考虑出生人口、升学等不确定性（模拟{draws}次），本方案达成的目标中把握最小的是{target}，达成概率为{p}。",
    uncertain_all: "考虑出生人口、升学等不确定性（模拟{draws}次），本方案达成的各项目标达成概率均不低于{p}。",
    estimates: "{n}项目标的测算依据含估算数据（{items}），宜以教育事业统计数据核实。",
    no_estimates: "各项目标的测算依据均为统计或公开数据。",
    schools_flagged: "{year}年有预警的学校{n}所，基准方案为{base}所。",
    compare: "{b}与{a}相比：{items}。",
    compare_same: "{b}与{a}的政策措施和目标达成情况相同。",
    compare_more: "{lever}累计多{n}",
    compare_fewer: "{lever}累计少{n}",
    compare_higher: "{target}（测算值高{diff}）",
    compare_lower: "{target}（测算值低{diff}）",
    compare_met_more: "多达成目标{n}项",
    compare_met_fewer: "少达成目标{n}项",
    compare_cost_more: "累计多支出{diff}",
    compare_cost_less: "累计少支出{diff}",
    every_year: zh_every,
    in_year: zh_in_year,
    total: zh_total,
};

pub const EN: Sentences = Sentences {
    title: "Briefing points",
    compare_title: "Comparison",
    unnamed: "Scenario {n}",
    ordinals: &["1. ", "2. ", "3. ", "4. ", "5. ", "6. ", "7. ", "8. ", "9. ", "10. "],
    list_sep: ", ",
    clause_sep: "; ",
    stop: ".",
    same_as_baseline: "This scenario is the baseline: no setting is changed; targets met in their years: {met} of {total}.",
    changes: "Changes from the baseline ({n}): {items}.",
    changes_more: "Changes from the baseline ({n}), among them: {items}.",
    lever_item: "{lever}: {value}",
    met_count: "Targets met in their years: {met} of {total} ({base} in the baseline).",
    turned_met: "Turned from missed to met ({n}): {items}.",
    turned_missed: "Turned from met to missed ({n}): {items}.",
    target_moved: "{target} ({value} in {year}{diff})",
    higher: ", {diff} above the baseline",
    lower: ", {diff} below the baseline",
    all_met: "Every target is met in its year.",
    still_missed: "Still missed: {n}; the widest gap is {target}: {value} in {year}, the target {threshold}, short by {gap}.",
    seek_found: "Setting {lever} to {value} would meet it.",
    seek_unreachable: "No value of {lever} alone meets it; it needs several measures together.",
    cost: "Education spending {first}–{last} totals {total}, {diff}.",
    cost_more: "{diff} more than the baseline",
    cost_less: "{diff} less than the baseline",
    cost_same: "as in the baseline",
    budget_short: "Against the budget, {first}–{last} falls {gap} short in all.",
    budget_within: "Against the budget, {first}–{last} leaves {gap} to spare in all.",
    uncertain: "Under uncertainty in births and progression ({draws} draws), the least certain of the targets met is {target}, met with probability {p}.",
    uncertain_all: "Under uncertainty in births and progression ({draws} draws), each target met is met with probability {p} or more.",
    estimates: "Targets resting on estimated data: {n} ({items}); check them against the bureau's statistics.",
    no_estimates: "Every target rests on statistics or public documents.",
    schools_flagged: "{n} schools have a warning in {year} ({base} in the baseline).",
    compare: "{b} against {a}: {items}.",
    compare_same: "{b} and {a} have the same policies and the same targets met.",
    compare_more: "{lever} +{n} in all",
    compare_fewer: "{lever} −{n} in all",
    compare_higher: "{target}: {diff} higher",
    compare_lower: "{target}: {diff} lower",
    compare_met_more: "targets met: +{n}",
    compare_met_fewer: "targets met: −{n}",
    compare_cost_more: "{diff} more spent in all",
    compare_cost_less: "{diff} less spent in all",
    every_year: en_every,
    in_year: en_in_year,
    total: en_total,
};

/// The templates of a language.
pub fn sentences(loc: Locale) -> &'static Sentences {
    match loc {
        Locale::Zh => &ZH,
        Locale::En => &EN,
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}
