//! How people are shown units, source kinds and school types: the Chinese
//! of the national education statistics and plain English. The workbook
//! and the interface use these instead of the model's code names
//! (`pupils_per_teacher`, `senior_general`), which mean nothing in a meeting.

use crate::catalogue::{IndicatorUnit, LeverUnit};
use crate::dataset::SourceKind;
use crate::format::Locale;
use crate::level::{Provider, SchoolKind};

fn pick(loc: Locale, zh: &'static str, en: &'static str) -> &'static str {
    loc.pick(zh, en)
}

/// The unit of an indicator, as a column heading or after a number.
pub fn indicator_unit(u: IndicatorUnit, loc: Locale) -> &'static str {
    use IndicatorUnit as U;
    match u {
        U::Persons => pick(loc, "人", "persons"),
        U::Pupils => pick(loc, "人", "pupils"),
        U::Share => pick(loc, "%", "%"),
        U::Seats => pick(loc, "个学位", "places"),
        U::Places => pick(loc, "人", "places"),
        U::Classes => pick(loc, "个班", "classes"),
        U::Classrooms => pick(loc, "间", "classrooms"),
        U::Schools => pick(loc, "所", "schools"),
        U::Teachers => pick(loc, "人", "teachers"),
        U::Trainees => pick(loc, "人", "trainees"),
        U::Yuan => pick(loc, "元", "yuan"),
        U::YuanPerPupil => pick(loc, "元/生", "yuan per pupil"),
        U::PupilsPerClass => pick(loc, "人/班", "pupils per class"),
        U::PupilsPerTeacher => pick(loc, "生/师", "pupils per teacher"),
    }
}

/// The unit of a lever's value.
pub fn lever_unit(u: LeverUnit, loc: Locale) -> &'static str {
    use LeverUnit as U;
    match u {
        U::SeatsPerYear => pick(loc, "个学位/年", "places a year"),
        U::ClassroomsPerYear => pick(loc, "间/年", "classrooms a year"),
        U::PlacesPerYear => pick(loc, "个名额/年", "places a year"),
        U::TeachersPerYear => pick(loc, "人/年", "teachers a year"),
        U::TraineesPerYear => pick(loc, "人/年", "trainees a year"),
        U::Share => pick(loc, "%", "%"),
        U::RatePerYear => pick(loc, "%", "% a year"),
        U::PointsPerYear => pick(loc, "个百分点/年", "points a year"),
        U::YuanPerPupilPerYear => pick(loc, "元/生·年", "yuan per pupil a year"),
        U::Years => pick(loc, "年", "years"),
        U::Multiplier => pick(loc, "倍", "×"),
        U::Choice => pick(loc, "选项", "choice"),
        U::YuanPerYear => pick(loc, "元/年", "yuan a year"),
        U::Order => pick(loc, "顺序", "order"),
    }
}

/// How sure a source is. 公开资料 rather than 已核实: a public document
/// read, not an audit (some are seen only in reprints, as their notes say).
pub fn source_kind(k: SourceKind, loc: Locale) -> &'static str {
    match k {
        SourceKind::Verified => pick(loc, "公开资料", "public document"),
        SourceKind::Derived => pick(loc, "推算", "derived"),
        SourceKind::Estimate => pick(loc, "估算", "estimate"),
        SourceKind::Bureau => pick(loc, "教育局统计", "bureau statistics"),
    }
}

/// A school type as the register names it (办学类型, and for kindergartens
/// the provider).
pub fn school_kind(k: SchoolKind, loc: Locale) -> &'static str {
    match k {
        SchoolKind::Kindergarten(Provider::Public) => pick(loc, "公办幼儿园", "public kindergarten"),
        SchoolKind::Kindergarten(Provider::Inclusive) => {
            pick(loc, "普惠性民办幼儿园", "accredited affordable private kindergarten")
        }
        SchoolKind::Kindergarten(Provider::Private) => pick(loc, "非普惠性民办幼儿园", "other private kindergarten"),
        SchoolKind::Primary => pick(loc, "小学", "primary school"),
        SchoolKind::TeachingPoint => pick(loc, "小学教学点", "primary teaching point"),
        SchoolKind::NineYear => pick(loc, "九年一贯制学校", "nine-year school"),
        SchoolKind::Junior => pick(loc, "初级中学", "junior secondary school"),
        SchoolKind::SeniorGeneral => pick(loc, "普通高中", "general senior secondary school"),
        SchoolKind::Vocational => pick(loc, "中等职业学校", "secondary vocational school"),
        SchoolKind::Special => pick(loc, "特殊教育学校", "special education school"),
    }
}
