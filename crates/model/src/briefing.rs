//! Briefing points (汇报要点, issue 19): a scenario in five to eight plain
//! sentences, made by rules from its projection, the baseline's and the
//! targets — never free text. Every template is in
//! [`crate::catalogue::sentences`]; every number is written as the target
//! board writes it ([`TargetResult::shown`], [`format::margin`]).
//!
//! The points, in order: what the scenario changes; how many targets it
//! meets against the baseline; those it turns from missed to met and the
//! reverse; the target still missed by most and the least value of the lever
//! that helps it most ([`seek_widest`]); spending over the horizon against
//! the baseline and the last year's budget; what is least certain (P(met)
//! under uncertainty, or targets resting on estimates); schools with a
//! warning when the scenario changes them. A scenario that changes nothing
//! is one line. [`compare`] says how pinned scenarios differ.

use crate::catalogue::sentences::{fill, sentences, Sentences};
use crate::catalogue::{indicator_spec, levers, LeverKind, LeverSpec, LeverUnit};
use crate::dataset::Dataset;
use crate::format::{self, Locale};
use crate::projection::Projection;
use crate::scenario::{default_value, LeverValue, Resolved, Scenario};
use crate::seek::{Outcome, SeekResult};
use crate::targets::{Status, TargetResult};
use crate::uncertainty::Bands;

/// What the points are made from.
pub struct Inputs<'a> {
    pub ds: &'a Dataset,
    pub sc: &'a Scenario,
    /// The scenario's projection and the baseline's (to the dataset's horizon).
    pub current: &'a Projection,
    pub baseline: &'a Projection,
    /// Uncertainty bands of the scenario, when the planner has them on.
    pub bands: Option<&'a Bands>,
    /// Goal seeking on the target missed by most ([`seek_widest`]).
    pub sought: Option<&'a SeekResult>,
}

/// Most changes named one by one; more are summed up as "等".
const MAX_ITEMS: usize = 4;
/// Below this probability a target is named as the least certain one.
const CERTAIN: f64 = 0.9;

/// A lever value as a sentence says it, bare ("800", "56.5", "6000万元").
fn number(spec: &LeverSpec, v: f64, loc: Locale) -> String {
    let scale = match spec.unit {
        LeverUnit::Share | LeverUnit::RatePerYear | LeverUnit::PointsPerYear => 100.0,
        _ => 1.0,
    };
    let step = spec.step * scale;
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 4.0) as usize
    };
    match spec.unit {
        LeverUnit::YuanPerYear => format::yuan(v, loc),
        LeverUnit::Choice => spec
            .choices
            .get(v.max(0.0) as usize)
            .map_or(String::new(), |(zh, en)| loc.pick(zh, en).to_string()),
        LeverUnit::Order => format!("{v}"),
        _ if loc == Locale::Zh => format!("{:.*}", decimals, v * scale),
        _ => format::group_thousands(v * scale, decimals),
    }
}

/// "新增公办幼儿园学位每年800个", "…2021年120人、2022年100人".
fn lever_text(spec: &LeverSpec, value: &LeverValue, base: f64, s: &Sentences, loc: Locale) -> String {
    let label = lever_label(spec, loc);
    let text = match value {
        LeverValue::Constant(v) => fill((s.every_year)(spec.unit), &[("v", &number(spec, *v, loc))]),
        // the years that differ from the baseline
        LeverValue::ByYear(m) => m
            .iter()
            .filter(|(_, v)| **v != base)
            .map(|(y, v)| fill((s.in_year)(spec.unit), &[("year", y), ("v", &number(spec, *v, loc))]))
            .collect::<Vec<_>>()
            .join(s.list_sep),
    };
    let text = fill(s.lever_item, &[("lever", &label), ("value", &text)]);
    if spec.kind == LeverKind::Assumption {
        format!("{text}{}", loc.pick("（假设）", " (assumption)"))
    } else {
        text
    }
}

/// The scenario's changes in words: the school network first (the changes a
/// list of many levers would otherwise hide behind 等), then levers
/// (policies, then assumptions) whose values differ from the baseline.
pub fn changes(ds: &Dataset, sc: &Scenario, loc: Locale) -> Vec<String> {
    let s = sentences(loc);
    let mut out: Vec<String> = crate::network::describe_changes(&sc.new_schools, &sc.merges, &sc.boarding, ds, loc)
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    for kind in [LeverKind::Policy, LeverKind::Assumption] {
        for spec in levers().iter().filter(|l| l.kind == kind) {
            let map = match kind {
                LeverKind::Policy => &sc.levers,
                LeverKind::Assumption => &sc.assumptions,
            };
            let Some(value) = map.get(spec.id) else { continue };
            let base = default_value(spec, ds);
            let differs = match value {
                LeverValue::Constant(v) => *v != base,
                LeverValue::ByYear(m) => m.values().any(|v| *v != base),
            };
            if differs {
                out.push(lever_text(spec, value, base, s, loc));
            }
        }
    }
    out
}

/// A target's label in the interface language.
fn target_label(ds: &Dataset, i: usize, loc: Locale) -> String {
    let t = &ds.targets[i];
    loc.pick(&t.label.zh, &t.label.en).to_string()
}

/// Targets met in their year.
fn met(p: &Projection) -> usize {
    p.targets.iter().filter(|r| r.is_met()).count()
}

/// "学前三年毛入园率2025年为95.3%，比基准方案高2.1个百分点".
fn moved(ds: &Dataset, i: usize, cur: &TargetResult, base: &TargetResult, s: &Sentences, loc: Locale) -> String {
    let unit = ds.targets[i].unit();
    // the difference of the two values as the board shows them
    let diff = match (shown_value(cur, unit, loc), shown_value(base, unit, loc)) {
        (Some(a), Some(b)) if a >= b => fill(s.higher, &[("diff", &format::margin(a - b, unit, loc))]),
        (Some(a), Some(b)) => fill(s.lower, &[("diff", &format::margin(b - a, unit, loc))]),
        _ => String::new(),
    };
    fill(
        s.target_moved,
        &[
            ("target", &quoted(ds, i, loc)),
            ("year", &cur.year.to_string()),
            ("value", &cur.shown(unit, loc)),
            ("diff", &diff),
        ],
    )
}

/// A target's value rounded as the board shows it.
fn shown_value(r: &TargetResult, unit: crate::catalogue::IndicatorUnit, loc: Locale) -> Option<f64> {
    let thresholds: Vec<f64> = [r.threshold_low, r.threshold_high].into_iter().flatten().collect();
    r.value.map(|v| format::as_shown(v, &thresholds, unit, loc))
}

/// A target's name as a sentence quotes it: “…” in Chinese.
fn quoted(ds: &Dataset, i: usize, loc: Locale) -> String {
    match loc {
        Locale::Zh => format!("“{}”", target_label(ds, i, loc)),
        Locale::En => target_label(ds, i, loc),
    }
}

/// A threshold in words: 不低于95.0%, 不高于0.0%, 45.0%～55.0% / at least …
fn threshold_words(r: &TargetResult, unit: crate::catalogue::IndicatorUnit, loc: Locale) -> String {
    let f = |x: f64| format::value(x, unit, loc);
    match (r.threshold_low, r.threshold_high, loc) {
        (Some(a), Some(b), _) => format!("{}{}{}", f(a), format::range_dash(loc), f(b)),
        (Some(a), None, Locale::Zh) => format!("不低于{}", f(a)),
        (None, Some(b), Locale::Zh) => format!("不高于{}", f(b)),
        (Some(a), None, Locale::En) => format!("at least {}", f(a)),
        (None, Some(b), Locale::En) => format!("at most {}", f(b)),
        (None, None, _) => format::NO_VALUE.into(),
    }
}

/// A lever's label as a sentence uses it (its own colon dropped: 控辍保学辍学率降幅).
fn lever_label(spec: &LeverSpec, loc: Locale) -> String {
    match loc {
        Locale::Zh => spec.label_zh.replace('：', ""),
        Locale::En => spec.label_en.replace(": ", " "),
    }
}

/// The missed target farthest from its threshold, relative to the threshold.
pub fn widest_missed(p: &Projection) -> Option<usize> {
    p.targets
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == Status::Missed)
        .max_by(|(_, a), (_, b)| relative_gap(a).total_cmp(&relative_gap(b)))
        .map(|(i, _)| i)
}

/// The gap as a share of the threshold (of the value, for a threshold of
/// zero such as zero dropout), so gaps in different units compare.
fn relative_gap(r: &TargetResult) -> f64 {
    let threshold = r.threshold_low.or(r.threshold_high).unwrap_or(1.0).abs();
    let scale = threshold.max(r.value.unwrap_or(0.0).abs()).max(1e-9);
    r.margin.map_or(0.0, |m| m.abs() / scale)
}

/// Goal seeking for the briefing: the target missed by most, the lever that
/// moves it most towards its threshold ([`crate::seek::rank_levers`] over
/// [`crate::seek::candidates`]), and its least value that meets it. `None`
/// when every target is met or no lever helps. About two engine runs per
/// candidate lever and a dozen more for the bisection.
pub fn seek_widest(ds: &Dataset, sc: &Scenario, current: &Projection) -> Option<SeekResult> {
    let i = widest_missed(current)?;
    let target = &ds.targets[i].id;
    let candidates = crate::seek::candidates(crate::budget::is_budget_mode(sc));
    let best = crate::seek::rank_levers(ds, sc, target, &candidates)
        .into_iter()
        .find(|r| r.helps())?;
    crate::seek::seek(ds, sc, target, best.lever).ok()
}

/// Σ of an indicator over the projection years after the base year.
fn sum_after_base(p: &Projection, id: &str) -> f64 {
    p.get(id)
        .map_or(0.0, |v| v.iter().skip(1).filter(|x| x.is_finite()).sum())
}

fn last(p: &Projection, id: &str) -> f64 {
    p.get(id).and_then(|v| v.last().copied()).unwrap_or(f64::NAN)
}

/// The briefing points of a scenario against the baseline.
pub fn points(inp: &Inputs, loc: Locale) -> Vec<String> {
    let s = sentences(loc);
    let (ds, cur, base) = (inp.ds, inp.current, inp.baseline);
    let changed = changes(ds, inp.sc, loc);
    let total = ds.targets.len().to_string();
    if changed.is_empty() {
        return vec![fill(
            s.same_as_baseline,
            &[("met", &met(cur).to_string()), ("total", &total)],
        )];
    }
    let mut out = Vec::new();
    out.push(if changed.len() > MAX_ITEMS + 1 {
        fill(
            s.changes_more,
            &[
                ("n", &changed.len().to_string()),
                ("items", &changed[..MAX_ITEMS].join(s.clause_sep)),
            ],
        )
    } else {
        fill(
            s.changes,
            &[
                ("n", &changed.len().to_string()),
                ("items", &changed.join(s.clause_sep)),
            ],
        )
    });
    out.push(fill(
        s.met_count,
        &[
            ("met", &met(cur).to_string()),
            ("total", &total),
            ("base", &met(base).to_string()),
        ],
    ));
    out.extend(turned(inp, s, loc));
    out.push(missed_point(inp, s, loc));
    out.push(cost_point(inp, s, loc));
    out.push(certainty_point(inp, s, loc));
    if let Some(p) = schools_point(inp, s, loc) {
        out.push(p);
    }
    out
}

/// Targets turned from missed to met, and the reverse (a point each when any).
fn turned(inp: &Inputs, s: &Sentences, loc: Locale) -> Vec<String> {
    let (ds, cur, base) = (inp.ds, inp.current, inp.baseline);
    let pairs = || cur.targets.iter().zip(&base.targets).enumerate();
    let list = |now: Status, was: Status| -> Vec<String> {
        pairs()
            .filter(|(_, (c, b))| c.status == now && b.status == was)
            .map(|(i, (c, b))| moved(ds, i, c, b, s, loc))
            .collect()
    };
    let mut out = Vec::new();
    for (items, template) in [
        (list(Status::Met, Status::Missed), s.turned_met),
        (list(Status::Missed, Status::Met), s.turned_missed),
    ] {
        if !items.is_empty() {
            out.push(fill(
                template,
                &[("n", &items.len().to_string()), ("items", &items.join(s.list_sep))],
            ));
        }
    }
    out
}

/// The target still missed by most, and what goal seeking says of it.
fn missed_point(inp: &Inputs, s: &Sentences, loc: Locale) -> String {
    let (ds, cur) = (inp.ds, inp.current);
    let Some(i) = widest_missed(cur) else {
        return s.all_met.to_string();
    };
    let r = &cur.targets[i];
    let unit = ds.targets[i].unit();
    let n = cur.targets.iter().filter(|r| r.status == Status::Missed).count();
    let mut text = fill(
        s.still_missed,
        &[
            ("n", &n.to_string()),
            ("target", &quoted(ds, i, loc)),
            ("year", &r.year.to_string()),
            ("value", &r.shown(unit, loc)),
            ("threshold", &threshold_words(r, unit, loc)),
            (
                "gap",
                &r.margin.map_or(String::new(), |m| format::margin(m.abs(), unit, loc)),
            ),
        ],
    );
    let sought = inp.sought.filter(|x| x.target == ds.targets[i].id);
    if let Some((spec, res)) = sought.and_then(|x| Some((crate::catalogue::lever_spec(&x.lever)?, x))) {
        let label = &lever_label(spec, loc);
        let extra = match res.outcome {
            Outcome::Found { value, .. } => {
                let v = fill((s.every_year)(spec.unit), &[("v", &number(spec, value, loc))]);
                Some(fill(s.seek_found, &[("lever", label), ("value", &v)]))
            }
            Outcome::Unreachable { .. } => Some(fill(s.seek_unreachable, &[("lever", label)])),
            _ => None,
        };
        if let Some(e) = extra {
            if loc == Locale::En {
                text.push(' ');
            }
            text.push_str(&e);
        }
    }
    text
}

/// Spending over the horizon against the baseline, and the last year's budget.
fn cost_point(inp: &Inputs, s: &Sentences, loc: Locale) -> String {
    let (ds, cur, base) = (inp.ds, inp.current, inp.baseline);
    let (a, b) = (sum_after_base(cur, "cost.total"), sum_after_base(base, "cost.total"));
    let d = a - b;
    // below 0.5万元 over ten years the difference is rounding, not policy
    let diff = if d.abs() < 5_000.0 {
        s.cost_same.to_string()
    } else if d > 0.0 {
        fill(s.cost_more, &[("diff", &format::yuan(d, loc))])
    } else {
        fill(s.cost_less, &[("diff", &format::yuan(-d, loc))])
    };
    let first = cur.years.get(1).copied().unwrap_or(ds.base_year + 1);
    let last_year = cur.years.last().copied().unwrap_or(ds.horizon);
    let mut text = fill(
        s.cost,
        &[
            ("first", &first.to_string()),
            ("last", &last_year.to_string()),
            ("total", &format::yuan(a, loc)),
            ("diff", &diff),
        ],
    );
    // the budget over the same years: Σ (spending − budget)
    let gap = sum_after_base(cur, "finance.gap");
    if gap.is_finite() {
        let (template, amount) = if gap > 0.0 {
            (s.budget_short, gap)
        } else {
            (s.budget_within, -gap)
        };
        if loc == Locale::En {
            text.push(' ');
        }
        text.push_str(&fill(
            template,
            &[
                ("first", &first.to_string()),
                ("last", &last_year.to_string()),
                ("gap", &format::yuan(amount, loc)),
            ],
        ));
    }
    text
}

/// What is least certain: the target least likely met under uncertainty, or
/// the targets resting on estimated data.
fn certainty_point(inp: &Inputs, s: &Sentences, loc: Locale) -> String {
    let ds = inp.ds;
    if let Some(b) = inp.bands {
        let draws = b.draws.to_string();
        // the targets the central projection meets: how sure is each
        let least = b
            .prob_met
            .iter()
            .enumerate()
            .filter(|(i, _)| inp.current.targets.get(*i).is_some_and(|r| r.status == Status::Met))
            .min_by(|a, c| a.1.total_cmp(c.1));
        if let Some((i, p)) = least {
            let p_text = format::percent(*p);
            return if *p < CERTAIN {
                fill(
                    s.uncertain,
                    &[("draws", &draws), ("target", &quoted(ds, i, loc)), ("p", &p_text)],
                )
            } else {
                fill(s.uncertain_all, &[("draws", &draws), ("p", &p_text)])
            };
        }
    }
    let estimated: Vec<String> = ds
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| indicator_spec(&t.indicator).is_some_and(|spec| ds.rests_on_estimates(&spec.depends)))
        .map(|(i, _)| target_label(ds, i, loc))
        .collect();
    if estimated.is_empty() {
        return s.no_estimates.to_string();
    }
    let mut items = estimated[..estimated.len().min(3)].join(s.list_sep);
    if estimated.len() > 3 {
        items.push_str(loc.pick("等", ", …"));
    }
    fill(s.estimates, &[("n", &estimated.len().to_string()), ("items", &items)])
}

/// Schools with a warning in the last year, when the scenario changes their number.
fn schools_point(inp: &Inputs, s: &Sentences, loc: Locale) -> Option<String> {
    let (a, b) = (
        last(inp.current, "schools_flagged"),
        last(inp.baseline, "schools_flagged"),
    );
    if !(a.is_finite() && b.is_finite()) || (a == b && !inp.sc.changes_network()) {
        return None;
    }
    let year = inp.current.years.last()?.to_string();
    Some(fill(
        s.schools_flagged,
        &[
            ("year", &year),
            ("n", &format::count(a, loc)),
            ("base", &format::count(b, loc)),
        ],
    ))
}

/// A compared scenario: its name, scenario and projection.
pub struct Compared<'a> {
    pub name: &'a str,
    pub scenario: &'a Scenario,
    pub projection: &'a Projection,
}

/// How each scenario after the first differs from the first: one point
/// each — the quantities they add over the horizon, the targets whose values
/// differ most, targets met and spending.
pub fn compare(ds: &Dataset, items: &[Compared], loc: Locale) -> Vec<String> {
    let s = sentences(loc);
    let Some(a) = items.first() else {
        return Vec::new();
    };
    items[1..]
        .iter()
        .map(|b| {
            let mut parts = quantity_differences(ds, a, b, s, loc);
            parts.extend(target_differences(ds, a, b, s, loc));
            let (ma, mb) = (met(a.projection), met(b.projection));
            if mb != ma {
                let template = if mb > ma {
                    s.compare_met_more
                } else {
                    s.compare_met_fewer
                };
                parts.push(fill(template, &[("n", &mb.abs_diff(ma).to_string())]));
            }
            let d = sum_after_base(b.projection, "cost.total") - sum_after_base(a.projection, "cost.total");
            if d.abs() >= 5_000.0 {
                let template = if d > 0.0 {
                    s.compare_cost_more
                } else {
                    s.compare_cost_less
                };
                parts.push(fill(template, &[("diff", &format::yuan(d.abs(), loc))]));
            }
            if parts.is_empty() {
                fill(s.compare_same, &[("a", a.name), ("b", b.name)])
            } else {
                fill(
                    s.compare,
                    &[("a", a.name), ("b", b.name), ("items", &parts.join(s.clause_sep))],
                )
            }
        })
        .collect()
}

/// Quantities a year (seats, classrooms, places, teachers) summed over the
/// projection years: "多新增公办幼儿园学位1200个".
fn quantity_differences(ds: &Dataset, a: &Compared, b: &Compared, s: &Sentences, loc: Locale) -> Vec<String> {
    let horizon = a.projection.years.last().copied().unwrap_or(ds.horizon);
    let (ra, rb) = (
        Resolved::new(ds, a.scenario, horizon),
        Resolved::new(ds, b.scenario, horizon),
    );
    levers()
        .iter()
        .filter(|l| {
            l.kind == LeverKind::Policy
                && matches!(
                    l.unit,
                    LeverUnit::SeatsPerYear
                        | LeverUnit::ClassroomsPerYear
                        | LeverUnit::PlacesPerYear
                        | LeverUnit::TeachersPerYear
                        | LeverUnit::TraineesPerYear
                )
        })
        .filter_map(|l| {
            let total = |r: &Resolved| r.series(l.id).iter().skip(1).sum::<f64>();
            let d = total(&rb) - total(&ra);
            if d.abs() < 0.5 {
                return None;
            }
            let n = fill((s.total)(l.unit), &[("v", &format::count(d.abs(), loc))]);
            let label = lever_label(l, loc);
            let template = if d > 0.0 { s.compare_more } else { s.compare_fewer };
            Some(fill(template, &[("lever", &label), ("n", &n)]))
        })
        .collect()
}

/// The targets whose values differ most (relative to their thresholds), up to three.
fn target_differences(ds: &Dataset, a: &Compared, b: &Compared, s: &Sentences, loc: Locale) -> Vec<String> {
    let mut diffs: Vec<(f64, String)> = a
        .projection
        .targets
        .iter()
        .zip(&b.projection.targets)
        .enumerate()
        .filter_map(|(i, (ta, tb))| {
            let unit = ds.targets[i].unit();
            let (va, vb) = (shown_value(ta, unit, loc)?, shown_value(tb, unit, loc)?);
            let shown = format::margin((vb - va).abs(), unit, loc);
            // a difference the board would show as zero is none
            if (vb - va).abs() < 1e-9 || shown.starts_with("0.0个") || shown.starts_with("0.0 ") || shown == "0" {
                return None;
            }
            let threshold = ta
                .threshold_low
                .or(ta.threshold_high)
                .unwrap_or(1.0)
                .abs()
                .max(va.abs())
                .max(1e-9);
            let template = if vb > va { s.compare_higher } else { s.compare_lower };
            let text = fill(template, &[("target", &quoted(ds, i, loc)), ("diff", &shown)]);
            Some(((vb - va).abs() / threshold, text))
        })
        .collect();
    diffs.sort_by(|x, y| y.0.total_cmp(&x.0));
    diffs.into_iter().take(3).map(|(_, t)| t).collect()
}

/// The points as plain text, numbered, under the title: what 复制 puts on
/// the clipboard and the runner prints.
pub fn as_text(points: &[String], loc: Locale) -> String {
    as_text_titled(sentences(loc).title, points, loc)
}

/// The heading of the comparison points ("方案比较").
pub fn compare_title(loc: Locale) -> &'static str {
    sentences(loc).compare_title
}

/// A scenario's name in the points: its own, or "方案1" / "Scenario 1" by
/// its place when it has none.
pub fn scenario_name(name: &str, index: usize, loc: Locale) -> String {
    let name = name.trim();
    if name.is_empty() {
        fill(sentences(loc).unnamed, &[("n", &(index + 1).to_string())])
    } else {
        name.to_string()
    }
}

/// [`as_text`] under another heading.
pub fn as_text_titled(title: &str, points: &[String], loc: Locale) -> String {
    let s = sentences(loc);
    let mut out = String::from(title);
    out.push('\n');
    for (i, p) in points.iter().enumerate() {
        let n = s.ordinals.get(i).copied().unwrap_or("");
        out.push_str(n);
        out.push_str(p);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::LeverValue;

    fn ds() -> Dataset {
        Dataset::default_dataset().unwrap()
    }

    fn scenario(pairs: &[(&str, f64)]) -> Scenario {
        let mut sc = Scenario::default();
        for (id, v) in pairs {
            sc.set(id, LeverValue::Constant(*v)).unwrap();
        }
        sc
    }

    fn brief(ds: &Dataset, sc: &Scenario, loc: Locale) -> Vec<String> {
        let (current, baseline) = (crate::project(ds, sc), crate::project(ds, &Scenario::default()));
        let sought = seek_widest(ds, sc, &current);
        points(
            &Inputs {
                ds,
                sc,
                current: &current,
                baseline: &baseline,
                bands: None,
                sought: sought.as_ref(),
            },
            loc,
        )
    }

    /// The baseline says so in one line, in both languages.
    #[test]
    fn the_baseline_is_one_line() {
        let ds = ds();
        assert_eq!(
            brief(&ds, &Scenario::default(), Locale::Zh),
            vec!["本方案与基准方案相同，未调整政策措施；在目标年份达成目标13项（共22项）。"]
        );
        assert_eq!(
            brief(&ds, &Scenario::default(), Locale::En),
            vec!["This scenario is the baseline: no setting is changed; targets met in their years: 13 of 22."]
        );
        // a file that lists a lever at its baseline value changes nothing either
        let same = scenario(&[("kg.public_seats", 0.0)]);
        assert_eq!(brief(&ds, &same, Locale::Zh).len(), 1);
    }

    /// Golden text: a fixed scenario's points, exactly, in both languages.
    #[test]
    fn a_scenario_in_sentences() {
        let ds = ds();
        let sc = scenario(&[("senior.progression", 0.95), ("students.dropout_reduction", 1.0)]);
        assert_eq!(
            brief(&ds, &sc, Locale::Zh),
            vec![
                "本方案与基准方案相比调整2项：初中毕业生升学率95.0%；控辍保学辍学率降幅100%。",
                "在目标年份达成目标15项（共22项），基准方案达成13项。",
                "3项目标由未达成转为达成：“初中入学率稳定在100%”（2025年为99.7%，比基准方案高0.6个百分点）、“高中阶段入学率在90%以上”（2025年为94.6%，比基准方案高10.4个百分点）、“年度辍学率为零”（2025年为0.0%，比基准方案低0.3个百分点）。",
                "1项目标由达成转为未达成：“普通高中消除大班额（56人及以上）”（2030年为65.5%，比基准方案高65.5个百分点）。",
                "仍有7项目标未达成，差距最大的是“普通高中消除大班额（56人及以上）”：2030年为65.5%，目标为不高于0.0%，相差65.5个百分点。",
                "2021～2030年教育支出合计79.00亿元，比基准方案多5359万元。与经费预算相比，2021～2030年累计结余3.65亿元。",
                "22项目标的测算依据含估算数据（学前三年入园率达到95%以上、小学入学率稳定在100%、初中入学率稳定在100%等），宜以教育事业统计数据核实。",
                "2030年有预警的学校139所，基准方案为138所。",
            ]
        );
        assert_eq!(
            brief(&ds, &sc, Locale::En),
            vec![
                "Changes from the baseline (2): Junior-to-senior transition rate: 95.0%; Dropout prevention rate reduction: 100%.",
                "Targets met in their years: 15 of 22 (13 in the baseline).",
                "Turned from missed to met (3): Junior secondary enrollment rate stable at 100% (99.7% in 2025, 0.6 pts above the baseline), Senior-stage gross enrollment ratio at least 90% (94.6% in 2025, 10.4 pts above the baseline), Zero annual dropout rate (0.0% in 2025, 0.3 pts below the baseline).",
                "Turned from met to missed (1): No large classes (56+) in general senior high schools (65.5% in 2030, 65.5 pts above the baseline).",
                "Still missed: 7; the widest gap is No large classes (56+) in general senior high schools: 65.5% in 2030, the target at most 0.0%, short by 65.5 pts.",
                "Education spending 2021–2030 totals ¥7,900.3 m, ¥53.6 m more than the baseline. Against the budget, 2021–2030 leaves ¥365.2 m to spare in all.",
                "Targets resting on estimated data: 22 (Three-year preschool gross enrollment ratio at least 95%, Primary enrollment rate stable at 100%, Junior secondary enrollment rate stable at 100%, …); check them against the bureau's statistics.",
                "139 schools have a warning in 2030 (138 in the baseline).",
            ]
        );
    }

    /// Every target value a point quotes is the board's, as the board shows it.
    #[test]
    fn points_quote_the_boards_numbers() {
        let ds = ds();
        for sc in [
            scenario(&[("senior.progression", 0.95), ("students.dropout_reduction", 1.0)]),
            scenario(&[("funds.step.primary", 100.0), ("funds.step.junior", 100.0)]),
            scenario(&[("senior.general_share", 0.4), ("kg.public_seats", 800.0)]),
        ] {
            let current = crate::project(&ds, &sc);
            let baseline = crate::project(&ds, &Scenario::default());
            for loc in [Locale::Zh, Locale::En] {
                let text = brief(&ds, &sc, loc).join("\n");
                let n = (5..=8).contains(&brief(&ds, &sc, loc).len());
                assert!(n, "five to eight points: {text}");
                for (i, (c, b)) in current.targets.iter().zip(&baseline.targets).enumerate() {
                    if c.status != b.status && matches!(c.status, Status::Met | Status::Missed) {
                        let unit = ds.targets[i].unit();
                        let quoted = match loc {
                            Locale::Zh => format!("{}年为{}", c.year, c.shown(unit, loc)),
                            Locale::En => format!("{} in {}", c.shown(unit, loc), c.year),
                        };
                        assert!(text.contains(&quoted), "{quoted} not in {text}");
                    }
                }
                let met = current.targets.iter().filter(|r| r.is_met()).count().to_string();
                assert!(text.contains(&met), "{text}");
            }
        }
    }

    /// Golden text of a comparison, and a scenario compared with itself.
    #[test]
    fn compared_scenarios_in_sentences() {
        let ds = ds();
        let a = scenario(&[("senior.progression", 0.95), ("students.dropout_reduction", 1.0)]);
        let b = scenario(&[("senior.progression", 0.9), ("kg.public_seats", 120.0)]);
        let (pa, pb) = (crate::project(&ds, &a), crate::project(&ds, &b));
        let items = [
            Compared {
                name: "方案甲",
                scenario: &a,
                projection: &pa,
            },
            Compared {
                name: "方案乙",
                scenario: &b,
                projection: &pb,
            },
            Compared {
                name: "方案丙",
                scenario: &a,
                projection: &pa,
            },
        ];
        let got = compare(&ds, &items, Locale::Zh);
        assert_eq!(got.len(), 2);
        assert!(
            got[0].starts_with("方案乙与方案甲相比：新增公办幼儿园学位累计多1200个；"),
            "{}",
            got[0]
        );
        assert!(got[0].contains("少达成目标"), "{}", got[0]);
        assert_eq!(got[1], "方案丙与方案甲的政策措施和目标达成情况相同。");
        let en = compare(&ds, &items, Locale::En);
        assert!(
            en[0].starts_with("方案乙 against 方案甲: New public kindergarten seats +1,200 in all; "),
            "{}",
            en[0]
        );
        assert_eq!(
            en[1],
            "方案丙 and 方案甲 have the same policies and the same targets met."
        );
    }

    /// The text 复制 puts on the clipboard: the title, then numbered points.
    #[test]
    fn text_is_numbered_in_the_locales_style() {
        let p = vec!["甲。".to_string(), "乙。".to_string()];
        assert_eq!(as_text(&p, Locale::Zh), "汇报要点\n一、甲。\n二、乙。\n");
        assert_eq!(as_text(&p, Locale::En), "Briefing points\n1. 甲。\n2. 乙。\n");
        assert_eq!(scenario_name("  ", 1, Locale::Zh), "方案2");
    }

    /// No Latin letters in the Chinese points (ids and codes aside), every template filled.
    #[test]
    fn chinese_points_hold_no_english_and_no_placeholder() {
        let ds = ds();
        let mut sc = scenario(&[
            ("kg.public_seats", 800.0),
            ("exchange.primary", 20.0),
            ("births.variant", 0.0),
        ]);
        sc.boarding.push(crate::network::Boarding {
            school: "pri-jiangnan-c".into(),
            places: 100.0,
            from: 2025,
            cost: 200.0,
        });
        for p in brief(&ds, &sc, Locale::Zh) {
            assert!(crate::wording::stray_latin(&p).is_empty(), "{p}");
            assert!(!p.contains('{'), "{p}");
        }
        for p in brief(&ds, &sc, Locale::En) {
            assert!(!p.contains('{'), "{p}");
        }
    }
}
