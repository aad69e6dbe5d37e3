//! The indicator catalogue: every series a projection reports, with a stable
//! id, a unit, bilingual labels and the dataset inputs it rests on.
//!
//! County indicators read a year's [`Rec`]; zonal ones read a [`ZoneRec`] and
//! are addressed as `<id>@<zone id>` (e.g. `primary.share_56plus@town`).

use serde::Serialize;

use crate::level::Level;
use crate::record::{LevelRec, Rec, ZoneRec};
use crate::units::{capped, ratio};

// the unit type lives with the other value types (formatting reads it too)
pub use crate::units::IndicatorUnit;

type Getter = Box<dyn Fn(&Rec) -> f64 + Send + Sync>;
type ZoneGetter = Box<dyn Fn(&ZoneRec) -> f64 + Send + Sync>;

#[derive(Serialize)]
pub struct IndicatorSpec {
    pub id: String,
    pub unit: IndicatorUnit,
    pub label_zh: String,
    pub label_en: String,
    /// Provenance path prefixes (see `Dataset::provenance`) the values rest on.
    pub depends: Vec<&'static str>,
    /// Whether a per-zone series `<id>@<zone>` exists too.
    pub zonal: bool,
    #[serde(skip)]
    pub(crate) get: Getter,
    #[serde(skip)]
    pub(crate) get_zone: Option<ZoneGetter>,
}

impl IndicatorSpec {
    /// The indicator's value in one year's record: a number, or
    /// [`UNDEFINED`](crate::units::UNDEFINED) for a ratio over nothing (the
    /// matrix test checks county values of the default dataset are defined).
    pub fn value(&self, r: &Rec) -> f64 {
        (self.get)(r)
    }
}

impl std::fmt::Debug for IndicatorSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndicatorSpec")
            .field("id", &self.id)
            .field("unit", &self.unit)
            .finish()
    }
}

fn level_zh(l: Level) -> &'static str {
    match l {
        Level::Kindergarten => "幼儿园",
        Level::Primary => "小学",
        Level::Junior => "初中",
        Level::Senior => "普通高中",
        Level::Vocational => "中职",
        Level::Special => "特殊教育",
    }
}

fn level_en(l: Level) -> &'static str {
    match l {
        Level::Kindergarten => "Kindergarten",
        Level::Primary => "Primary",
        Level::Junior => "Junior secondary",
        Level::Senior => "General senior",
        Level::Vocational => "Vocational",
        Level::Special => "Special education",
    }
}

const POP: &[&str] = &["demography"];
const KG: &[&str] = &["demography", "kindergarten", "schools"];
const FLOW: &[&str] = &["demography", "flows", "schools"];
const CLASSES: &[&str] = &["demography", "flows", "schools", "norms"];
const TEACH: &[&str] = &["demography", "flows", "schools", "norms", "teachers", "lever_defaults"];
const MONEY: &[&str] = &["demography", "flows", "schools", "finance", "lever_defaults"];

struct Builder(Vec<IndicatorSpec>);

impl Builder {
    fn add(
        &mut self,
        id: impl Into<String>,
        unit: IndicatorUnit,
        zh: impl Into<String>,
        en: impl Into<String>,
        depends: &[&'static str],
        get: Getter,
    ) -> &mut IndicatorSpec {
        self.0.push(IndicatorSpec {
            id: id.into(),
            unit,
            label_zh: zh.into(),
            label_en: en.into(),
            depends: depends.to_vec(),
            zonal: false,
            get,
            get_zone: None,
        });
        self.0.last_mut().expect("just pushed")
    }

    fn zonal(spec: &mut IndicatorSpec, get: ZoneGetter) {
        spec.zonal = true;
        spec.get_zone = Some(get);
    }
}

/// Class share helper: classes of a kind over all classes.
fn share(count: f64, classes: f64) -> f64 {
    ratio(count, classes)
}

fn build() -> Vec<IndicatorSpec> {
    use IndicatorUnit as U;
    let mut b = Builder(Vec::new());

    // --- Population ---------------------------------------------------------
    b.add(
        "pop.residents",
        U::Persons,
        "常住人口",
        "Resident population",
        POP,
        Box::new(|r| r.residents),
    );
    b.add(
        "pop.births",
        U::Persons,
        "出生人口",
        "Births",
        POP,
        Box::new(|r| r.births),
    );
    b.add(
        "pop.age_3_5",
        U::Persons,
        "3～5岁人口",
        "Population aged 3–5",
        POP,
        Box::new(|r| r.pop_3_5),
    );
    b.add(
        "pop.age_6_11",
        U::Persons,
        "6～11岁人口",
        "Population aged 6–11",
        POP,
        Box::new(|r| r.pop_6_11),
    );
    b.add(
        "pop.age_12_14",
        U::Persons,
        "12～14岁人口",
        "Population aged 12–14",
        POP,
        Box::new(|r| r.pop_12_14),
    );
    b.add(
        "pop.age_15_17",
        U::Persons,
        "15～17岁人口",
        "Population aged 15–17",
        POP,
        Box::new(|r| r.pop_15_17),
    );

    // --- Kindergarten -------------------------------------------------------
    let s = b.add(
        "kg.enrollment",
        U::Pupils,
        "在园幼儿",
        "Kindergarten children",
        KG,
        Box::new(|r| r.kg.total_enrollment()),
    );
    Builder::zonal(s, Box::new(|z| z.kg_enrollment));
    let s = b.add(
        "kg.demand",
        U::Pupils,
        "入园需求",
        "Kindergarten demand",
        KG,
        Box::new(|r| r.kg.demand),
    );
    Builder::zonal(s, Box::new(|z| z.kg_demand));
    let s = b.add(
        "kg.unmet_demand",
        U::Pupils,
        "未满足的入园需求",
        "Unmet kindergarten demand",
        KG,
        Box::new(|r| (r.kg.demand - r.kg.total_enrollment()).max(0.0)),
    );
    Builder::zonal(s, Box::new(|z| (z.kg_demand - z.kg_enrollment).max(0.0)));
    let s = b.add(
        "kg.ger",
        U::Share,
        "学前三年毛入园率",
        "Preschool gross enrollment ratio (3 years)",
        KG,
        Box::new(|r| ratio(r.kg.total_enrollment(), r.pop_3_5)),
    );
    Builder::zonal(s, Box::new(|z| ratio(z.kg_enrollment, z.pop_3_5)));
    let s = b.add(
        "kg.public_share",
        U::Share,
        "公办园在园幼儿占比",
        "Share of children in public kindergartens",
        KG,
        Box::new(|r| ratio(r.kg.enrollment[0], r.kg.total_enrollment())),
    );
    Builder::zonal(s, Box::new(|z| ratio(z.kg_public, z.kg_enrollment)));
    let s = b.add(
        "kg.inclusive_share",
        U::Share,
        "普惠性幼儿园覆盖率",
        "Inclusive kindergarten coverage",
        KG,
        Box::new(|r| ratio(r.kg.enrollment[0] + r.kg.enrollment[1], r.kg.total_enrollment())),
    );
    Builder::zonal(s, Box::new(|z| ratio(z.kg_public + z.kg_inclusive, z.kg_enrollment)));
    let s = b.add(
        "kg.seats",
        U::Seats,
        "幼儿园学位",
        "Kindergarten seats",
        KG,
        Box::new(|r| r.kg.total_seats()),
    );
    Builder::zonal(s, Box::new(|z| z.kg_seats));
    b.add(
        "kg.seats.public",
        U::Seats,
        "公办园学位",
        "Public seats",
        KG,
        Box::new(|r| r.kg.seats[0]),
    );
    b.add(
        "kg.seats.inclusive",
        U::Seats,
        "普惠性民办园学位",
        "Inclusive private seats",
        KG,
        Box::new(|r| r.kg.seats[1]),
    );
    b.add(
        "kg.seats.private",
        U::Seats,
        "非普惠性民办园学位",
        "Non-inclusive private seats",
        KG,
        Box::new(|r| r.kg.seats[2]),
    );
    b.add(
        "kg.enrollment.public",
        U::Pupils,
        "公办园在园幼儿",
        "Children in public kindergartens",
        KG,
        Box::new(|r| r.kg.enrollment[0]),
    );
    b.add(
        "kg.enrollment.inclusive",
        U::Pupils,
        "普惠性民办园在园幼儿",
        "Children in inclusive private kindergartens",
        KG,
        Box::new(|r| r.kg.enrollment[1]),
    );
    b.add(
        "kg.enrollment.private",
        U::Pupils,
        "非普惠性民办园在园幼儿",
        "Children in non-inclusive private kindergartens",
        KG,
        Box::new(|r| r.kg.enrollment[2]),
    );
    b.add(
        "kg.utilisation",
        U::Share,
        "幼儿园学位使用率",
        "Kindergarten seat utilisation",
        KG,
        Box::new(|r| ratio(r.kg.total_enrollment(), r.kg.total_seats())),
    );
    b.add(
        "kg.seats_built",
        U::Seats,
        "当年新增公办学位",
        "Public seats built this year",
        KG,
        Box::new(|r| r.kg.seats_built),
    );
    b.add(
        "kg.seats_converted",
        U::Seats,
        "当年转公办学位",
        "Seats converted to public this year",
        KG,
        Box::new(|r| r.kg.seats_converted),
    );
    b.add(
        "kg.seats_closed",
        U::Seats,
        "当年关停民办学位",
        "Private seats closed this year",
        KG,
        Box::new(|r| r.kg.seats_closed),
    );
    b.add(
        "kg.classes",
        U::Classes,
        "幼儿园班数",
        "Kindergarten classes",
        KG,
        Box::new(|r| r.kg.classes),
    );
    b.add(
        "kg.teachers",
        U::Teachers,
        "幼儿园专任教师",
        "Kindergarten teachers",
        TEACH,
        Box::new(|r| r.kg.teachers),
    );
    b.add(
        "kg.teacher_requirement",
        U::Teachers,
        "幼儿园教师需求（每班2名）",
        "Kindergarten teacher requirement (2 per class)",
        TEACH,
        Box::new(|r| 2.0 * r.kg.classes),
    );
    b.add(
        "kg.teacher_gap",
        U::Teachers,
        "幼儿园教师缺口",
        "Kindergarten teacher gap",
        TEACH,
        Box::new(|r| 2.0 * r.kg.classes - r.kg.teachers),
    );
    b.add(
        "kg.children_per_teacher",
        U::PupilsPerTeacher,
        "幼儿园生师比",
        "Kindergarten child–teacher ratio",
        TEACH,
        Box::new(|r| ratio(r.kg.total_enrollment(), r.kg.teachers)),
    );
    b.add(
        "kg.public_funds_per_child",
        U::YuanPerPupil,
        "公办园生均公用经费",
        "Per-child recurrent funds, public kindergartens",
        MONEY,
        Box::new(|r| r.kg.public_funds_per_child),
    );

    // --- Grade-flow levels ----------------------------------------------------
    for (i, l) in Level::FLOW.into_iter().enumerate() {
        let (k, zh, en) = (l.key(), level_zh(l), level_en(l));
        fn at(r: &Rec, i: usize) -> &LevelRec {
            &r.levels[i]
        }
        let s = b.add(
            format!("{k}.enrollment"),
            U::Pupils,
            format!("{zh}在校生"),
            format!("{en} enrollment"),
            FLOW,
            Box::new(move |r| at(r, i).enrollment),
        );
        if i < 2 {
            Builder::zonal(s, Box::new(move |z| z.levels[i].enrollment));
        }
        let entry = if i == 0 {
            ("一年级新生", "grade-1 intake")
        } else {
            ("招生", "intake")
        };
        b.add(
            format!("{k}.intake"),
            U::Pupils,
            format!("{zh}{}", entry.0),
            format!("{en} {}", entry.1),
            FLOW,
            Box::new(move |r| at(r, i).intake),
        );
        b.add(
            format!("{k}.graduates"),
            U::Pupils,
            format!("{zh}毕业生"),
            format!("{en} graduates"),
            FLOW,
            Box::new(move |r| at(r, i).graduates),
        );
        b.add(
            format!("{k}.repeaters"),
            U::Pupils,
            format!("{zh}留级生"),
            format!("{en} repeaters"),
            FLOW,
            Box::new(move |r| at(r, i).repeaters),
        );
        b.add(
            format!("{k}.dropouts"),
            U::Pupils,
            format!("{zh}辍学人数"),
            format!("{en} dropouts"),
            FLOW,
            Box::new(move |r| at(r, i).dropouts),
        );
        b.add(
            format!("{k}.dropout_rate"),
            U::Share,
            format!("{zh}辍学率"),
            format!("{en} dropout rate"),
            FLOW,
            Box::new(move |r| ratio(at(r, i).dropouts, at(r, i).enrollment_prev)),
        );
        b.add(
            format!("{k}.retention"),
            U::Share,
            format!("{zh}巩固率（剔除转学因素）"),
            format!("{en} retention rate (transfer-adjusted)"),
            FLOW,
            Box::new(move |r| at(r, i).retention_adjusted),
        );
        b.add(
            format!("{k}.retention_unadjusted"),
            U::Share,
            format!("{zh}巩固率（未剔除转学因素）"),
            format!("{en} retention rate (unadjusted)"),
            FLOW,
            Box::new(move |r| at(r, i).retention_unadjusted),
        );
        let s = b.add(
            format!("{k}.classes"),
            U::Classes,
            format!("{zh}班数"),
            format!("{en} classes"),
            CLASSES,
            Box::new(move |r| at(r, i).classes),
        );
        Builder::zonal(s, Box::new(move |z| z.levels[i].classes));
        let s = b.add(
            format!("{k}.class_size"),
            U::PupilsPerClass,
            format!("{zh}平均班额"),
            format!("{en} average class size"),
            CLASSES,
            Box::new(move |r| ratio(at(r, i).enrollment, at(r, i).classes)),
        );
        Builder::zonal(s, Box::new(move |z| ratio(z.levels[i].enrollment, z.levels[i].classes)));
        let s = b.add(
            format!("{k}.share_56_65"),
            U::Share,
            format!("{zh}56～65人班级比例"),
            format!("{en} classes of 56–65"),
            CLASSES,
            Box::new(move |r| share(at(r, i).classes_56_65, at(r, i).classes)),
        );
        Builder::zonal(
            s,
            Box::new(move |z| share(z.levels[i].classes_56_65, z.levels[i].classes)),
        );
        let s = b.add(
            format!("{k}.share_66"),
            U::Share,
            format!("{zh}超大班额比例（66人及以上）"),
            format!("{en} very large classes (66+)"),
            CLASSES,
            Box::new(move |r| share(at(r, i).classes_66, at(r, i).classes)),
        );
        Builder::zonal(s, Box::new(move |z| share(z.levels[i].classes_66, z.levels[i].classes)));
        let s = b.add(
            format!("{k}.share_56plus"),
            U::Share,
            format!("{zh}大班额比例（56人及以上）"),
            format!("{en} large classes (56+)"),
            CLASSES,
            Box::new(move |r| share(at(r, i).classes_56_65 + at(r, i).classes_66, at(r, i).classes)),
        );
        Builder::zonal(
            s,
            Box::new(move |z| share(z.levels[i].classes_56_65 + z.levels[i].classes_66, z.levels[i].classes)),
        );
        b.add(
            format!("{k}.rooms_built"),
            U::Classrooms,
            format!("{zh}当年新增教室"),
            format!("{en} classrooms built this year"),
            CLASSES,
            Box::new(move |r| at(r, i).rooms_built),
        );
        b.add(
            format!("{k}.teachers"),
            U::Teachers,
            format!("{zh}专任教师"),
            format!("{en} teachers"),
            TEACH,
            Box::new(move |r| at(r, i).teachers),
        );
        b.add(
            format!("{k}.hires"),
            U::Teachers,
            format!("{zh}新聘教师"),
            format!("{en} teacher hires"),
            TEACH,
            Box::new(move |r| at(r, i).hires),
        );
        b.add(
            format!("{k}.teacher_requirement"),
            U::Teachers,
            format!("{zh}教师需求"),
            format!("{en} teacher requirement"),
            TEACH,
            Box::new(move |r| at(r, i).requirement_norm.max(at(r, i).requirement_classes)),
        );
        b.add(
            format!("{k}.teacher_requirement_norm"),
            U::Teachers,
            format!("{zh}按编制标准测算的教师需求"),
            format!("{en} teacher requirement (staffing norm)"),
            TEACH,
            Box::new(move |r| at(r, i).requirement_norm),
        );
        b.add(
            format!("{k}.teacher_requirement_classes"),
            U::Teachers,
            format!("{zh}按班师比测算的教师需求"),
            format!("{en} teacher requirement (teacher–class ratio)"),
            TEACH,
            Box::new(move |r| at(r, i).requirement_classes),
        );
        b.add(
            format!("{k}.teacher_gap"),
            U::Teachers,
            format!("{zh}教师缺口"),
            format!("{en} teacher gap"),
            TEACH,
            Box::new(move |r| at(r, i).requirement_norm.max(at(r, i).requirement_classes) - at(r, i).teachers),
        );
        // issue 18: schools still open, and teachers against the staffing norm (zone by zone
        // for primary and junior, whose teachers are zone pools)
        b.add(
            format!("{k}.schools"),
            U::Schools,
            format!("{zh}学校数"),
            format!("{en} schools"),
            CLASSES,
            Box::new(move |r| at(r, i).schools),
        );
        b.add(
            format!("{k}.schools_flagged"),
            U::Schools,
            format!("{zh}预警学校数"),
            format!("{en} schools with a warning"),
            CLASSES,
            Box::new(move |r| at(r, i).schools_flagged),
        );
        if i < 2 {
            b.add(
                format!("{k}.teachers_exchanged"),
                U::Teachers,
                format!("{zh}跨片区交流教师"),
                format!("{en} teachers exchanged between zones"),
                TEACH,
                Box::new(move |r| at(r, i).exchanged),
            );
        }
        let gap = b.add(
            format!("{k}.teacher_gap_norm"),
            U::Teachers,
            format!("{zh}专任教师缺口（按编制标准，负数为富余）"),
            format!("{en} teacher gap against the staffing norm (negative: surplus)"),
            TEACH,
            Box::new(move |r| at(r, i).requirement_norm - at(r, i).teachers),
        );
        if i < 2 {
            Builder::zonal(
                gap,
                Box::new(move |z| z.levels[i].requirement_norm - z.levels[i].teachers),
            );
        }
        b.add(
            format!("{k}.pupils_per_teacher"),
            U::PupilsPerTeacher,
            format!("{zh}生师比"),
            format!("{en} pupil–teacher ratio"),
            TEACH,
            Box::new(move |r| ratio(at(r, i).enrollment, at(r, i).teachers)),
        );
        b.add(
            format!("{k}.public_funds_per_pupil"),
            U::YuanPerPupil,
            format!("{zh}生均公用经费"),
            format!("{en} per-pupil recurrent funds"),
            MONEY,
            Box::new(move |r| at(r, i).public_funds_per_pupil),
        );
    }
    for (i, l) in [Level::Primary, Level::Junior].into_iter().enumerate() {
        b.add(
            format!("{}.enrollment_rate", l.key()),
            U::Share,
            format!("{}毛入学率（上限100%）", level_zh(l)),
            format!("{} GER (capped at 100%)", level_en(l)),
            FLOW,
            Box::new(move |r| {
                let lv = &r.levels[i];
                capped(ratio(lv.enrollment, lv.age_population), 1.0)
            }),
        );
    }

    // --- Cross-level ------------------------------------------------------------
    b.add(
        "compulsory.share_56plus",
        U::Share,
        "义务教育大班额比例（56人及以上）",
        "Compulsory-education large classes (56+)",
        CLASSES,
        Box::new(|r| {
            let (p, j) = (&r.levels[0], &r.levels[1]);
            share(
                p.classes_56_65 + p.classes_66 + j.classes_56_65 + j.classes_66,
                p.classes + j.classes,
            )
        }),
    );
    b.add(
        "compulsory.share_66",
        U::Share,
        "义务教育超大班额比例（66人及以上）",
        "Compulsory-education very large classes (66+)",
        CLASSES,
        Box::new(|r| {
            let (p, j) = (&r.levels[0], &r.levels[1]);
            share(p.classes_66 + j.classes_66, p.classes + j.classes)
        }),
    );
    b.add(
        "senior_stage.enrollment",
        U::Pupils,
        "高中阶段在校生（含{外}中职学生）",
        "Senior-stage enrollment (incl. vocational students outside the area)",
        FLOW,
        Box::new(|r| r.levels[2].enrollment + r.levels[3].enrollment + r.vocational_outside),
    );
    b.add(
        "senior_stage.ger",
        U::Share,
        "高中阶段毛入学率",
        "Senior-stage gross enrollment ratio",
        FLOW,
        Box::new(|r| {
            ratio(
                r.levels[2].enrollment + r.levels[3].enrollment + r.vocational_outside,
                r.pop_15_17,
            )
        }),
    );
    b.add(
        "senior_stage.general_share",
        U::Share,
        "普通高中招生占高中阶段招生比例",
        "General share of senior-stage intake",
        FLOW,
        Box::new(|r| {
            ratio(
                r.senior_intake_general,
                r.senior_intake_general + r.senior_intake_vocational,
            )
        }),
    );
    b.add(
        "vocational.outside",
        U::Pupils,
        "{外}就读中职学生",
        "Vocational students outside the area",
        FLOW,
        Box::new(|r| r.vocational_outside),
    );
    b.add(
        "dropout.rate",
        U::Share,
        "年度辍学率（小学至高中）",
        "Dropout rate (primary to senior)",
        FLOW,
        Box::new(|r| {
            let d: f64 = r.levels.iter().map(|l| l.dropouts).sum();
            let e: f64 = r.levels.iter().map(|l| l.enrollment_prev).sum();
            ratio(d, e)
        }),
    );
    // issue 18: boarders and kindergartens with an early warning
    b.add(
        "boarders",
        U::Pupils,
        "跨片区寄宿生",
        "Pupils boarding outside their zone",
        CLASSES,
        Box::new(|r| r.boarders),
    );
    b.add(
        "schools_flagged",
        U::Schools,
        "有预警的学校（含幼儿园）",
        "Schools and kindergartens with a warning",
        CLASSES,
        Box::new(|r| r.schools_flagged),
    );
    b.add(
        "kg.schools_flagged",
        U::Schools,
        "预警幼儿园数",
        "Kindergartens with a warning",
        KG,
        Box::new(|r| r.kg.schools_flagged),
    );
    b.add(
        "special.registered",
        U::Pupils,
        "实名登记适龄残疾儿童少年数",
        "Registered children with disabilities (compulsory age)",
        &["demography", "special"],
        Box::new(|r| r.special_registered),
    );
    b.add(
        "special.placed",
        U::Places,
        "已入学安置残疾儿童少年数",
        "Children with disabilities placed in education",
        &["demography", "special"],
        Box::new(|r| r.special_placed),
    );
    b.add(
        "special.enrollment_rate",
        U::Share,
        "适龄残疾儿童少年义务教育入学率",
        "Compulsory enrollment rate, children with disabilities",
        &["demography", "special"],
        Box::new(|r| capped(ratio(r.special_placed, r.special_registered), 1.0)),
    );
    b.add(
        "teachers.total",
        U::Teachers,
        "专任教师总数（幼儿园至中职）",
        "Full-time teachers (kindergarten to vocational)",
        TEACH,
        Box::new(|r| r.kg.teachers + r.levels.iter().map(|l| l.teachers).sum::<f64>()),
    );
    b.add(
        "teachers.requirement",
        U::Teachers,
        "教师需求总数",
        "Teacher requirement",
        TEACH,
        Box::new(|r| {
            2.0 * r.kg.classes
                + r.levels
                    .iter()
                    .map(|l| l.requirement_norm.max(l.requirement_classes))
                    .sum::<f64>()
        }),
    );
    b.add(
        "teachers.gap",
        U::Teachers,
        "教师缺口总数",
        "Teacher gap",
        TEACH,
        Box::new(|r| {
            2.0 * r.kg.classes - r.kg.teachers
                + r.levels
                    .iter()
                    .map(|l| l.requirement_norm.max(l.requirement_classes) - l.teachers)
                    .sum::<f64>()
        }),
    );
    b.add(
        "trainees.intake",
        U::Trainees,
        "公费定向师范生计划",
        "Locally funded teacher-training places",
        TEACH,
        Box::new(|r| r.trainee_intake),
    );
    b.add(
        "trainees.joining",
        U::Teachers,
        "公费定向师范生到岗",
        "Funded trainees joining as teachers",
        TEACH,
        Box::new(|r| r.trainees_joining),
    );
    b.add(
        "cost.salaries",
        U::Yuan,
        "教师工资",
        "Teacher pay",
        MONEY,
        Box::new(|r| r.cost.salaries),
    );
    b.add(
        "cost.public_funds",
        U::Yuan,
        "生均公用经费与普惠性民办园补助",
        "Per-pupil recurrent funds and inclusive-kindergarten subsidies",
        MONEY,
        Box::new(|r| r.cost.public_funds),
    );
    b.add(
        "cost.special",
        U::Yuan,
        "特殊教育生均公用经费",
        "Special-education per-pupil recurrent funds",
        MONEY,
        Box::new(|r| r.cost.special),
    );
    b.add(
        "cost.construction",
        U::Yuan,
        "建设投入（教室、学位、转公办）",
        "Construction (classrooms, seats, conversions)",
        MONEY,
        Box::new(|r| r.cost.construction),
    );
    b.add(
        "cost.trainees",
        U::Yuan,
        "公费定向师范生培养经费",
        "Costs of funded trainee teachers",
        MONEY,
        Box::new(|r| r.cost.trainees),
    );
    b.add(
        "cost.other",
        U::Yuan,
        "其他经常性支出",
        "Other recurrent spending",
        MONEY,
        Box::new(|r| r.cost.other),
    );
    b.add(
        "cost.total",
        U::Yuan,
        "教育支出合计",
        "Total education spending",
        MONEY,
        Box::new(|r| r.cost.total()),
    );
    b.add(
        "budget.total",
        U::Yuan,
        "教育经费预算",
        "Education budget",
        MONEY,
        Box::new(|r| r.budget),
    );
    b.add(
        "finance.gap",
        U::Yuan,
        "经费缺口（支出−预算）",
        "Financing gap (spending − budget)",
        MONEY,
        Box::new(|r| r.cost.total() - r.budget),
    );
    b.0
}

/// The whole catalogue, in report order.
pub fn indicators() -> &'static [IndicatorSpec] {
    static IND: std::sync::OnceLock<Vec<IndicatorSpec>> = std::sync::OnceLock::new();
    IND.get_or_init(build)
}

/// Position of a county indicator in [`indicators`].
pub fn indicator_index(id: &str) -> Option<usize> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, usize>> = std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            indicators()
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .collect()
        })
        .get(id)
        .copied()
}

/// The spec of an indicator by id; a zonal id `<id>@<zone>` resolves to its county spec.
pub fn indicator_spec(id: &str) -> Option<&'static IndicatorSpec> {
    let base = id.split_once('@').map_or(id, |(b, _)| b);
    let spec = &indicators()[indicator_index(base)?];
    (base == id || spec.zonal).then_some(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut ids = std::collections::BTreeSet::new();
        for s in indicators() {
            assert!(ids.insert(s.id.as_str()), "duplicate {}", s.id);
            assert!(!s.label_zh.is_empty() && !s.label_en.is_empty());
            assert_eq!(s.zonal, s.get_zone.is_some());
        }
    }

    #[test]
    fn zonal_ids_resolve_only_for_zonal_indicators() {
        assert!(indicator_spec("primary.share_56plus@town").is_some());
        assert!(indicator_spec("pop.births@town").is_none());
        assert!(indicator_spec("no.such").is_none());
    }
}
