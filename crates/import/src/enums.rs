//! The enumerations' Chinese values, the aliases bureau files use for them,
//! and the model values they stand for.

use eduplan_model::dataset::SourceKind;
use eduplan_model::level::{Level, Provider, SchoolKind};

use crate::cell::fold_width;
use crate::problem::Sink;
use crate::spec::{Enumeration, Kind};
use crate::table::Table;

fn norm(v: &str) -> String {
    fold_width(v)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// 城区 → true (the town seat), 乡镇 → false.
pub fn zone_type(v: &str) -> Option<bool> {
    match norm(v).as_str() {
        "城区" | "城市" | "市区" | "县城" | "城镇" | "主城区" | "urban" | "town" => Some(true),
        "乡镇" | "乡村" | "农村" | "镇区" | "镇" | "乡" | "rural" => Some(false),
        _ => None,
    }
}

/// The school kind for a 办学类型 and, for kindergartens, a 举办者类型.
/// `Err(true)` when the type needs a provider and none was readable.
pub fn school_kind(v: &str, provider: Option<Provider>) -> Result<SchoolKind, bool> {
    Ok(match norm(v).as_str() {
        "幼儿园" | "幼儿班" | "附设幼儿班" | "kindergarten" => {
            SchoolKind::Kindergarten(provider.ok_or(true)?)
        }
        "小学" | "完全小学" | "中心小学" | "完小" | "primary" => SchoolKind::Primary,
        "小学教学点" | "教学点" | "teaching_point" => SchoolKind::TeachingPoint,
        "九年一贯制学校" | "九年一贯制" | "nine_year" => SchoolKind::NineYear,
        "初级中学" | "初中" | "独立初中" | "junior" => SchoolKind::Junior,
        "普通高中" | "高级中学" | "高中" | "senior_general" => SchoolKind::SeniorGeneral,
        "中等职业学校" | "中职" | "职业中专" | "职业高中" | "中等专业学校" | "vocational" => {
            SchoolKind::Vocational
        }
        "特殊教育学校" | "特教学校" | "特殊教育" | "special" => SchoolKind::Special,
        _ => return Err(false),
    })
}

pub fn provider(v: &str) -> Option<Provider> {
    match norm(v).as_str() {
        "公办"
        | "公办园"
        | "教育部门"
        | "教育部门办"
        | "教育部门和集体办"
        | "集体"
        | "集体办"
        | "其他部门"
        | "其他部门办"
        | "部门办"
        | "地方企业"
        | "事业单位"
        | "部队"
        | "public" => Some(Provider::Public),
        "普惠性民办" | "普惠" | "普惠性" | "民办普惠" | "普惠民办" | "普惠性民办园" | "inclusive" => {
            Some(Provider::Inclusive)
        }
        "非普惠性民办" | "民办" | "其他民办" | "非普惠" | "非普惠民办" | "营利性民办" | "社会力量办" | "private" => {
            Some(Provider::Private)
        }
        _ => None,
    }
}

/// 学前 / 小学 / 初中 / 普通高中 / 中职.
pub fn level(v: &str) -> Option<Level> {
    match norm(v).as_str() {
        "学前" | "幼儿园" | "学前教育" | "kg" | "kindergarten" => Some(Level::Kindergarten),
        "小学" | "primary" => Some(Level::Primary),
        "初中" | "初级中学" | "junior" => Some(Level::Junior),
        "普通高中" | "高中" | "senior" => Some(Level::Senior),
        "中职" | "中等职业教育" | "中等职业学校" | "vocational" => Some(Level::Vocational),
        _ => None,
    }
}

/// The slot index of a grade label within a school kind's slots.
pub fn grade_slot(kind: SchoolKind, v: &str) -> Option<usize> {
    let n = norm(v);
    let slots = kind.slots();
    let find = |l: Level, g: usize| slots.iter().position(|s| *s == (l, g));
    let named = match n.as_str() {
        "小班" => Some((Level::Kindergarten, 0)),
        "中班" => Some((Level::Kindergarten, 1)),
        "大班" => Some((Level::Kindergarten, 2)),
        "一年级" => Some((Level::Primary, 0)),
        "二年级" => Some((Level::Primary, 1)),
        "三年级" => Some((Level::Primary, 2)),
        "四年级" => Some((Level::Primary, 3)),
        "五年级" => Some((Level::Primary, 4)),
        "六年级" => Some((Level::Primary, 5)),
        "七年级" | "初一" | "初中一年级" => Some((Level::Junior, 0)),
        "八年级" | "初二" | "初中二年级" => Some((Level::Junior, 1)),
        "九年级" | "初三" | "初中三年级" => Some((Level::Junior, 2)),
        "高一" | "十年级" | "高中一年级" => Some((Level::Senior, 0)),
        "高二" | "十一年级" | "高中二年级" => Some((Level::Senior, 1)),
        "高三" | "十二年级" | "高中三年级" => Some((Level::Senior, 2)),
        "中职一年级" => Some((Level::Vocational, 0)),
        "中职二年级" => Some((Level::Vocational, 1)),
        "中职三年级" => Some((Level::Vocational, 2)),
        "特教" | "全部" | "合计在校生" => Some((Level::Special, 0)),
        _ => None,
    };
    if let Some((l, g)) = named {
        // a junior school's "一年级" means its first year; so does a vocational school's
        return find(l, g).or_else(|| match (kind, l) {
            (SchoolKind::Junior, Level::Primary) if g < 3 => find(Level::Junior, g),
            (SchoolKind::SeniorGeneral, Level::Primary) if g < 3 => find(Level::Senior, g),
            (SchoolKind::Vocational, Level::Primary | Level::Senior) if g < 3 => find(Level::Vocational, g),
            _ => None,
        });
    }
    // numbers: 1–9 through primary and junior, 10–12 senior; 1–3 within a
    // kindergarten, junior, senior or vocational school
    let k: usize = n.trim_end_matches("年级").parse().ok()?;
    match kind {
        SchoolKind::Junior if (7..=9).contains(&k) => Some(k - 7),
        SchoolKind::SeniorGeneral | SchoolKind::Vocational if (10..=12).contains(&k) => Some(k - 10),
        _ if (1..=slots.len()).contains(&k) => Some(k - 1),
        _ => None,
    }
}

pub fn rule(v: &str) -> Option<&'static str> {
    Some(match norm(v).as_str() {
        "不低于" | "≥" | ">=" | "至少" | "at_least" => "at_least",
        "不高于" | "≤" | "<=" | "至多" | "at_most" => "at_most",
        "区间" | "介于" | "between" => "between",
        "比基年增加" | "基年加" | "at_least_base_plus" => "at_least_base_plus",
        "为基年的倍数" | "基年倍数" | "at_least_base_times" => "at_least_base_times",
        _ => return None,
    })
}

pub fn source_kind(v: &str) -> Option<SourceKind> {
    match norm(v).as_str() {
        "公开资料" | "已核实" | "核实" | "verified" => Some(SourceKind::Verified),
        "推算" | "derived" => Some(SourceKind::Derived),
        "估算" | "估计" | "estimate" => Some(SourceKind::Estimate),
        "教育局统计" | "教育局统计数据" | "教育统计" | "教育事业统计" | "教育局" | "教育局数据" | "bureau" => {
            Some(SourceKind::Bureau)
        }
        _ => None,
    }
}

/// The Chinese name the template writes for a school kind.
pub fn school_type_name(kind: SchoolKind) -> &'static str {
    match kind {
        SchoolKind::Kindergarten(_) => "幼儿园",
        SchoolKind::Primary => "小学",
        SchoolKind::TeachingPoint => "小学教学点",
        SchoolKind::NineYear => "九年一贯制学校",
        SchoolKind::Junior => "初级中学",
        SchoolKind::SeniorGeneral => "普通高中",
        SchoolKind::Vocational => "中等职业学校",
        SchoolKind::Special => "特殊教育学校",
    }
}

pub fn provider_name(p: Provider) -> &'static str {
    match p {
        Provider::Public => "公办",
        Provider::Inclusive => "普惠性民办",
        Provider::Private => "非普惠性民办",
    }
}

pub fn level_name(l: Level) -> &'static str {
    match l {
        Level::Kindergarten => "学前",
        Level::Primary => "小学",
        Level::Junior => "初中",
        Level::Senior => "普通高中",
        Level::Vocational => "中职",
        Level::Special => "特殊教育",
    }
}

/// The template's label of a school kind's slot.
pub fn grade_name(level: Level, g: usize) -> &'static str {
    const P: [&str; 6] = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"];
    const J: [&str; 3] = ["七年级", "八年级", "九年级"];
    const S: [&str; 3] = ["高一", "高二", "高三"];
    const V: [&str; 3] = ["中职一年级", "中职二年级", "中职三年级"];
    const K: [&str; 3] = ["小班", "中班", "大班"];
    let pick = |a: &[&'static str], g: usize| a.get(g).copied().unwrap_or("");
    match level {
        Level::Kindergarten => pick(&K, g),
        Level::Primary => pick(&P, g),
        Level::Junior => pick(&J, g),
        Level::Senior => pick(&S, g),
        Level::Vocational => pick(&V, g),
        Level::Special => "特教",
    }
}

/// A source kind as the template writes it: the interface's own name.
pub fn source_kind_name(k: SourceKind) -> &'static str {
    eduplan_model::names::source_kind(k, eduplan_model::format::Locale::Zh)
}

/// An error for a value that is not one of the field's allowed values.
pub fn bad_value(sink: &mut Sink, t: &Table, r: usize, id: &str, v: &str) {
    let allowed = t
        .spec
        .fields
        .iter()
        .find(|f| f.id == id)
        .and_then(|f| match f.kind {
            Kind::Enum(e) => Some(e),
            _ => None,
        })
        .map_or(&[][..], Enumeration::values);
    sink.error(
        t.at(r, id),
        Some(v.to_string()),
        format!("不是可选的值，应为：{}", allowed.join("、")),
        format!("not an allowed value; expected one of: {}", allowed.join(", ")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_by_school_kind() {
        assert_eq!(grade_slot(SchoolKind::NineYear, "七年级"), Some(6));
        assert_eq!(grade_slot(SchoolKind::NineYear, "9"), Some(8));
        assert_eq!(grade_slot(SchoolKind::Junior, "七年级"), Some(0));
        assert_eq!(grade_slot(SchoolKind::Junior, "一年级"), Some(0));
        assert_eq!(grade_slot(SchoolKind::Junior, "8"), Some(1));
        assert_eq!(grade_slot(SchoolKind::SeniorGeneral, "高二"), Some(1));
        assert_eq!(grade_slot(SchoolKind::SeniorGeneral, "11"), Some(1));
        assert_eq!(grade_slot(SchoolKind::Vocational, "中职三年级"), Some(2));
        assert_eq!(grade_slot(SchoolKind::Kindergarten(Provider::Public), "大班"), Some(2));
        assert_eq!(grade_slot(SchoolKind::Primary, "七年级"), None);
        assert_eq!(grade_slot(SchoolKind::Primary, "7"), None);
        assert_eq!(grade_slot(SchoolKind::Special, "特教"), Some(0));
    }

    #[test]
    fn source_kinds_as_the_interface_names_them() {
        // the app's Data panel calls the bureau's kind 教育局统计数据: a planner copying it must be understood
        for v in [
            "教育局统计",
            "教育局统计数据",
            "教育事业统计",
            "教育局数据",
            " 教育局统计数据 ",
        ] {
            assert_eq!(source_kind(v), Some(SourceKind::Bureau), "{v}");
        }
        assert_eq!(
            source_kind("已核实"),
            Some(SourceKind::Verified),
            "the name before 公开资料"
        );
        for k in [
            SourceKind::Verified,
            SourceKind::Derived,
            SourceKind::Estimate,
            SourceKind::Bureau,
        ] {
            assert_eq!(
                source_kind(source_kind_name(k)),
                Some(k),
                "the template's own name reads back"
            );
        }
        assert_eq!(source_kind("统计局"), None);
    }

    #[test]
    fn names_round_trip() {
        for l in [
            Level::Kindergarten,
            Level::Primary,
            Level::Junior,
            Level::Senior,
            Level::Vocational,
        ] {
            assert_eq!(level(level_name(l)), Some(l));
        }
        for p in Provider::ALL {
            assert_eq!(provider(provider_name(p)), Some(p));
        }
        for v in Enumeration::SchoolType.values() {
            assert!(school_kind(v, Some(Provider::Public)).is_ok(), "{v}");
        }
        for v in Enumeration::Rule.values() {
            assert!(rule(v).is_some(), "{v}");
        }
        for v in Enumeration::SourceKind.values() {
            assert!(source_kind(v).is_some(), "{v}");
        }
    }
}
