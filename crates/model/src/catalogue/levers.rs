//! The lever catalogue: every policy and assumption a scenario can set.
//!
//! Ids are stable: they appear in scenario files, share links and the native
//! runner, so an id is never renamed or reused. Policies are what the bureau
//! decides; assumptions are what it cannot decide and must guess. The two are
//! kept apart in files, links and the UI.

use serde::Serialize;

/// Whether a lever is the bureau's decision or an assumption about the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverKind {
    Policy,
    Assumption,
}

impl LeverKind {
    /// The scenario-file section the lever belongs to.
    pub fn section(self) -> &'static str {
        match self {
            LeverKind::Policy => "levers",
            LeverKind::Assumption => "assumptions",
        }
    }
}

/// Where a lever sits in the levers panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverGroup {
    Kindergartens,
    Schools,
    Teachers,
    Students,
    Funding,
    Demography,
    Costs,
}

/// Unit of a lever value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverUnit {
    SeatsPerYear,
    ClassroomsPerYear,
    PlacesPerYear,
    TeachersPerYear,
    TraineesPerYear,
    /// A fraction in 0..=1, shown as a percentage.
    Share,
    /// A yearly growth rate, shown as % a year.
    RatePerYear,
    /// Percentage points a year (as a fraction: 0.01 = 1 point).
    PointsPerYear,
    YuanPerPupilPerYear,
    Years,
    Multiplier,
    /// An index into `choices`.
    Choice,
    /// Yuan a year.
    YuanPerYear,
    /// An order of the budget programmes, written as their digits (12345).
    Order,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeverSpec {
    pub id: &'static str,
    pub kind: LeverKind,
    pub group: LeverGroup,
    pub unit: LeverUnit,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Catalogue default; a dataset may override it in `lever_defaults`.
    pub default: f64,
    /// Whether a value per projection year may be given.
    pub per_year: bool,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// One line: what moving it changes.
    pub help_zh: &'static str,
    pub help_en: &'static str,
    /// For `LeverUnit::Choice`: (zh, en) label of each option, by index.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub choices: &'static [(&'static str, &'static str)],
}

impl LeverSpec {
    /// The value on the lever's grid nearest to `v` (min + k·step), inside
    /// its range; `None` for a value that is not a finite number. Every way a
    /// value enters (link, file, typing, per-year cell) goes through this one
    /// rule, so the box, the slider, the link and the engine hold one value.
    pub fn snap(&self, v: f64) -> Option<f64> {
        if !v.is_finite() {
            return None;
        }
        let stepped = self.min + ((v - self.min) / self.step).round() * self.step;
        // round away binary noise such as 0.30000000000000004
        let clean = (stepped * 1e9).round() / 1e9;
        Some(clean.clamp(self.min, self.max))
    }
}

#[allow(clippy::too_many_arguments)]
const fn lever(
    id: &'static str,
    kind: LeverKind,
    group: LeverGroup,
    unit: LeverUnit,
    (min, max, step, default): (f64, f64, f64, f64),
    per_year: bool,
    (label_zh, label_en): (&'static str, &'static str),
    (help_zh, help_en): (&'static str, &'static str),
) -> LeverSpec {
    LeverSpec {
        id,
        kind,
        group,
        unit,
        min,
        max,
        step,
        default,
        per_year,
        label_zh,
        label_en,
        help_zh,
        help_en,
        choices: &[],
    }
}

use LeverGroup as G;
use LeverKind::{Assumption as A, Policy as P};
use LeverUnit as U;

pub const BIRTH_VARIANTS: &[(&str, &str)] = &[("低位", "Low"), ("中位", "Central"), ("高位", "High")];
pub const BUDGET_MODES: &[(&str, &str)] = &[("按数量", "Quantities"), ("按经费", "Budget")];

/// The budget programmes in an order code such as 12345, if it is one
/// (each digit 1–5 exactly once).
pub fn order_of(code: f64) -> Option<[u8; 5]> {
    if !(code.is_finite() && code.fract() == 0.0 && (12345.0..=54321.0).contains(&code)) {
        return None;
    }
    let digits: Vec<u8> = format!("{}", code as u32).bytes().map(|b| b - b'0').collect();
    let mut seen = [false; 6];
    for d in &digits {
        if !(1..=5).contains(d) || seen[*d as usize] {
            return None;
        }
        seen[*d as usize] = true;
    }
    let mut out = [0u8; 5];
    out.copy_from_slice(&digits);
    Some(out)
}

/// The full catalogue, in panel order.
pub fn levers() -> &'static [LeverSpec] {
    static LEVERS: std::sync::OnceLock<Vec<LeverSpec>> = std::sync::OnceLock::new();
    LEVERS.get_or_init(build)
}

fn build() -> Vec<LeverSpec> {
    let mut v = vec![
        // --- Kindergartens -------------------------------------------------
        lever(
            "kg.public_seats",
            P,
            G::Kindergartens,
            U::SeatsPerYear,
            (0.0, 3000.0, 10.0, 0.0),
            true,
            ("新增公办幼儿园学位", "New public kindergarten seats"),
            (
                "新建、改扩建公办园新增的学位，优先安排到基准年学位不足的片区，其余按基准年入园需求分配",
                "Seats built in public kindergartens, first where demand exceeded seats in the base year, the rest by base-year demand",
            ),
        ),
        lever(
            "kg.convert_to_public",
            P,
            G::Kindergartens,
            U::SeatsPerYear,
            (0.0, 2000.0, 10.0, 0.0),
            true,
            ("民办园转为公办（学位）", "Private seats converted to public"),
            (
                "通过回购、租赁等方式将民办园学位转为公办，先转非普惠性民办园",
                "Private places taken into public provision, non-inclusive ones first",
            ),
        ),
        lever(
            "kg.accredit_inclusive",
            P,
            G::Kindergartens,
            U::SeatsPerYear,
            (0.0, 2000.0, 10.0, 0.0),
            true,
            ("认定普惠性民办园（学位）", "Private seats accredited as inclusive"),
            (
                "将非普惠性民办园学位认定为普惠性学位，提高普惠性幼儿园覆盖率",
                "Non-inclusive private places accredited as inclusive (fee-capped, subsidised)",
            ),
        ),
        // --- Schools and classrooms ---------------------------------------
        lever(
            "rooms.primary.town",
            P,
            G::Schools,
            U::ClassroomsPerYear,
            (0.0, 60.0, 1.0, 0.0),
            true,
            ("城区小学新增教室", "New primary classrooms, town seat"),
            (
                "每间教室可多开一个班，优先安排到大班额最突出的学校",
                "Each room allows one more class; goes to the most crowded school first",
            ),
        ),
        lever(
            "rooms.primary.rural",
            P,
            G::Schools,
            U::ClassroomsPerYear,
            (0.0, 60.0, 1.0, 0.0),
            true,
            ("乡镇小学新增教室", "New primary classrooms, townships"),
            (
                "乡镇小学（含九年一贯制）新增教室，优先安排到大班额最突出的学校",
                "Rooms for township primaries (incl. nine-year schools), most crowded first",
            ),
        ),
        lever(
            "rooms.junior.town",
            P,
            G::Schools,
            U::ClassroomsPerYear,
            (0.0, 60.0, 1.0, 0.0),
            true,
            ("城区初中新增教室", "New junior classrooms, town seat"),
            (
                "城区初中新增教室，优先安排到大班额最突出的学校",
                "Rooms for town junior schools, most crowded first",
            ),
        ),
        lever(
            "rooms.junior.rural",
            P,
            G::Schools,
            U::ClassroomsPerYear,
            (0.0, 60.0, 1.0, 0.0),
            true,
            ("乡镇初中新增教室", "New junior classrooms, townships"),
            (
                "乡镇初中（含九年一贯制）新增教室",
                "Rooms for township junior schools (incl. nine-year schools)",
            ),
        ),
        lever(
            "rooms.senior",
            P,
            G::Schools,
            U::ClassroomsPerYear,
            (0.0, 60.0, 1.0, 0.0),
            true,
            ("普通高中新增教室", "New general senior classrooms"),
            (
                "普通高中新增教室，用于化解普通高中大班额",
                "Rooms for general senior highs, to reduce large classes",
            ),
        ),
        lever(
            "rooms.vocational",
            P,
            G::Schools,
            U::ClassroomsPerYear,
            (0.0, 40.0, 1.0, 0.0),
            true,
            ("中职学校新增教室", "New vocational classrooms"),
            ("中等职业学校新增教室", "Rooms for the secondary vocational school"),
        ),
        lever(
            "special.places",
            P,
            G::Schools,
            U::PlacesPerYear,
            (0.0, 100.0, 1.0, 0.0),
            true,
            ("新增残疾儿童少年安置名额", "New placements for children with disabilities"),
            (
                "特殊教育学校就读、普通学校随班就读、送教上门新增的安置能力",
                "Extra capacity: special schools, mainstream classes or home-based teaching",
            ),
        ),
        // --- Teachers ------------------------------------------------------
        lever(
            "hires.kg",
            P,
            G::Teachers,
            U::TeachersPerYear,
            (0.0, 300.0, 1.0, 20.0),
            true,
            ("幼儿园教师招聘", "Kindergarten teacher hires"),
            (
                "每年新聘幼儿园专任教师",
                "Full-time kindergarten teachers hired each year",
            ),
        ),
        lever(
            "hires.primary",
            P,
            G::Teachers,
            U::TeachersPerYear,
            (0.0, 500.0, 1.0, 50.0),
            true,
            ("小学教师招聘", "Primary teacher hires"),
            (
                "每年新聘小学专任教师，分配到缺口最大的片区",
                "Primary teachers hired each year, placed where the gap is largest",
            ),
        ),
        lever(
            "hires.junior",
            P,
            G::Teachers,
            U::TeachersPerYear,
            (0.0, 400.0, 1.0, 30.0),
            true,
            ("初中教师招聘", "Junior teacher hires"),
            ("每年新聘初中专任教师", "Junior secondary teachers hired each year"),
        ),
        lever(
            "hires.senior",
            P,
            G::Teachers,
            U::TeachersPerYear,
            (0.0, 300.0, 1.0, 15.0),
            true,
            ("普通高中教师招聘", "General senior teacher hires"),
            ("每年新聘普通高中专任教师", "General senior teachers hired each year"),
        ),
        lever(
            "hires.vocational",
            P,
            G::Teachers,
            U::TeachersPerYear,
            (0.0, 150.0, 1.0, 5.0),
            true,
            ("中职教师招聘", "Vocational teacher hires"),
            ("每年新聘中职专任教师", "Vocational teachers hired each year"),
        ),
        lever(
            "trainees.intake",
            P,
            G::Teachers,
            U::TraineesPerYear,
            (0.0, 400.0, 1.0, 30.0),
            true,
            ("公费定向师范生培养计划", "Locally funded teacher-training places"),
            (
                "市级公费定向师范生，毕业后到乡村小学任教（入学后第4年到岗）",
                "Locally funded student teachers; they join rural primary schools in the 4th year after entry",
            ),
        ),
        lever(
            "exchange.primary",
            P,
            G::Teachers,
            U::TeachersPerYear,
            (0.0, 100.0, 1.0, 0.0),
            true,
            ("小学教师跨片区交流轮岗", "Primary teachers exchanged between zones"),
            (
                "每年从小学专任教师富余的片区调往缺员片区的人数上限（城乡交流轮岗、走教）；富余和缺员按上年编制标准与开班需要中较大者测算，调动不超过富余和缺员人数",
                "At most this many primary teachers a year move from zones with teachers to spare to zones short of them (rotation, teachers serving several sites); spare and short against the larger of last year's staffing norm and what its classes need, never past either",
            ),
        ),
        lever(
            "exchange.junior",
            P,
            G::Teachers,
            U::TeachersPerYear,
            (0.0, 100.0, 1.0, 0.0),
            true,
            ("初中教师跨片区交流轮岗", "Junior teachers exchanged between zones"),
            (
                "每年从初中专任教师富余的片区调往缺员片区的人数上限（城乡交流轮岗、走教）；富余和缺员按上年编制标准与开班需要中较大者测算，调动不超过富余和缺员人数",
                "At most this many junior secondary teachers a year move from zones with teachers to spare to zones short of them; spare and short against the larger of last year's staffing norm and what its classes need, never past either",
            ),
        ),
        // --- Students ------------------------------------------------------
        lever(
            "senior.progression",
            P,
            G::Students,
            U::Share,
            (0.5, 1.0, 0.005, 0.87),
            true,
            ("初中毕业生升学率", "Junior-to-senior transition rate"),
            (
                "升入普通高中和中职的初中毕业生占比",
                "Share of junior graduates entering general or vocational senior school",
            ),
        ),
        lever(
            "senior.general_share",
            P,
            G::Students,
            U::Share,
            (0.3, 0.8, 0.005, 0.55),
            true,
            ("普通高中招生占高中阶段招生比例", "General share of senior-stage intake"),
            (
                "高中阶段招生中普通高中所占比例，50%即普职比1:1",
                "Share of senior-stage entrants going to general senior high; 50% means a 1:1 general–vocational split",
            ),
        ),
        lever(
            "students.dropout_reduction",
            P,
            G::Students,
            U::Share,
            (0.0, 1.0, 0.05, 0.0),
            true,
            ("控辍保学：辍学率降幅", "Dropout prevention: rate reduction"),
            (
                "控辍保学工作使各年级辍学率下降的比例，100%即零辍学",
                "How much dropout prevention cuts every grade's dropout rate; 100% = zero",
            ),
        ),
        // --- Funding -------------------------------------------------------
        lever(
            "funds.step.primary",
            P,
            G::Funding,
            U::YuanPerPupilPerYear,
            (0.0, 300.0, 10.0, 0.0),
            true,
            ("小学生均公用经费年提高", "Primary per-pupil recurrent funds: yearly rise"),
            (
                "小学生均公用经费每年提高的金额",
                "Yuan added to primary per-pupil recurrent funds each year",
            ),
        ),
        lever(
            "funds.step.junior",
            P,
            G::Funding,
            U::YuanPerPupilPerYear,
            (0.0, 300.0, 10.0, 0.0),
            true,
            ("初中生均公用经费年提高", "Junior per-pupil recurrent funds: yearly rise"),
            (
                "初中生均公用经费每年提高的金额",
                "Yuan added to junior per-pupil recurrent funds each year",
            ),
        ),
        lever(
            "funds.step.senior",
            P,
            G::Funding,
            U::YuanPerPupilPerYear,
            (0.0, 300.0, 10.0, 0.0),
            true,
            ("高中阶段生均公用经费年提高", "Senior per-pupil recurrent funds: yearly rise"),
            (
                "普通高中和中职生均公用经费每年提高的金额",
                "Yuan added to general senior and vocational per-pupil recurrent funds each year",
            ),
        ),
        lever(
            "funds.step_years",
            P,
            G::Funding,
            U::Years,
            (0.0, 10.0, 1.0, 3.0),
            false,
            ("生均公用经费连续提高年数", "Years of per-pupil fund rises"),
            (
                "上述提高从基准年的下一年起连续执行的年数",
                "For how many years after the base year the rises apply",
            ),
        ),
        lever(
            "budget.growth",
            P,
            G::Funding,
            U::RatePerYear,
            (-0.05, 0.15, 0.005, 0.03),
            true,
            ("教育经费年增长率", "Education budget growth"),
            (
                "教育经费预算每年增长的比例；按经费测算时，高于基准增速多出的经费也按经费使用顺序安排",
                "Yearly growth of the education budget envelope; in budget mode, what growth above the baseline rate adds is spent on the programmes too",
            ),
        ),
        lever(
            "salary.growth",
            P,
            G::Funding,
            U::RatePerYear,
            (0.0, 0.1, 0.005, 0.03),
            true,
            ("教师工资年增长率", "Teacher pay growth"),
            (
                "教师人均工资（含社保等）每年增长的比例",
                "Yearly growth of the average cost of a teacher",
            ),
        ),
        // --- Budget mode -----------------------------------------------------
        LeverSpec {
            choices: BUDGET_MODES,
            ..lever(
                "budget.mode",
                P,
                G::Funding,
                U::Choice,
                (0.0, 1.0, 1.0, 0.0),
                false,
                ("测算方式", "Planning mode"),
                (
                    "按数量：直接设定学位、教室、教师数量；按经费：设定新增经费，按顺序安排",
                    "Quantities: set seats, rooms, teachers directly; Budget: set extra money, spent in order",
                ),
            )
        },
        lever(
            "budget.extra",
            P,
            G::Funding,
            U::YuanPerYear,
            (0.0, 300_000_000.0, 1_000_000.0, 0.0),
            true,
            ("新增教育经费", "Extra education funding"),
            (
                "每年在基准之外新增的经费：按经费测算时，依经费使用顺序用于生均公用经费提标、新增教室、新增公办园学位、补充教师和公费定向师范生；按数量测算时只增加预算",
                "Money added each year beyond the baseline: in budget mode spent on the programmes in order; in quantity mode it only raises the budget",
            ),
        ),
        lever(
            "budget.recurring_share",
            P,
            G::Funding,
            U::Share,
            (0.0, 1.0, 0.05, 0.5),
            false,
            ("可用于经常性支出的比例（按经费测算）", "Share for recurrent costs (budget mode)"),
            (
                "新增经费中可用于工资、补助、生均公用经费等经常性支出的比例，其余用于教室和学位建设",
                "Of the extra money, the share that may fund recurrent costs (pay, subsidies, per-pupil fund rises); the rest builds classrooms and seats",
            ),
        ),
        lever(
            "budget.order",
            P,
            G::Funding,
            U::Order,
            (12345.0, 54321.0, 1.0, 12345.0),
            false,
            ("经费使用顺序（按经费测算）", "Programme order (budget mode)"),
            (
                "①生均公用经费提标 ②化解大班额新增教室 ③新增公办园学位 ④补充教师 ⑤公费定向师范生",
                "(1) per-pupil funds, (2) classrooms for large classes, (3) public kindergarten seats, (4) teachers, (5) funded trainees",
            ),
        ),
        // --- Assumptions ---------------------------------------------------
        LeverSpec {
            choices: BIRTH_VARIANTS,
            ..lever(
                "births.variant",
                A,
                G::Demography,
                U::Choice,
                (0.0, 2.0, 1.0, 1.0),
                false,
                ("出生人口预测", "Births projection"),
                (
                    "最后记录年份之后出生人口的低位、中位、高位预测",
                    "Low, central or high births after the last recorded year",
                ),
            )
        },
        lever(
            "migration.scale",
            A,
            G::Demography,
            U::Multiplier,
            (0.0, 2.0, 0.1, 1.0),
            false,
            ("人口迁移系数", "Migration factor"),
            (
                "净迁移和进城流动按此系数放大或缩小，0即不迁移",
                "Scales net migration and rural-to-town movement; 0 = none",
            ),
        ),
        lever(
            "kg.participation_trend",
            A,
            G::Demography,
            U::PointsPerYear,
            (0.0, 0.03, 0.001, 0.005),
            false,
            ("入园意愿比例年提高", "Kindergarten demand trend"),
            (
                "希望入园的3～5岁儿童比例每年提高的百分点",
                "Yearly rise of the share of 3–5-year-olds whose families want a place",
            ),
        ),
        lever(
            "teachers.attrition",
            A,
            G::Costs,
            U::RatePerYear,
            (0.0, 0.1, 0.005, 0.035),
            false,
            ("教师年减员率", "Teacher attrition rate"),
            (
                "因退休、调出等每年减少的教师比例",
                "Share of teachers leaving each year (retirement, transfer)",
            ),
        ),
        lever(
            "costs.scale",
            A,
            G::Costs,
            U::Multiplier,
            (0.5, 2.0, 0.05, 1.0),
            false,
            ("建设单价调整系数", "Construction cost factor"),
            (
                "教室建设、幼儿园学位建设和转公办单价相对基础数据的调整系数",
                "Multiplies the dataset's classroom, seat and conversion unit costs",
            ),
        ),
    ];
    v.shrink_to_fit();
    v
}

/// The spec of a lever by id.
pub fn lever_spec(id: &str) -> Option<&'static LeverSpec> {
    levers().iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_defaults_in_range() {
        let mut ids = std::collections::BTreeSet::new();
        for l in levers() {
            assert!(ids.insert(l.id), "duplicate {}", l.id);
            assert!(l.min <= l.default && l.default <= l.max, "{}", l.id);
            assert!(l.step > 0.0, "{}", l.id);
            assert!(!l.label_zh.is_empty() && !l.label_en.is_empty() && !l.help_zh.is_empty() && !l.help_en.is_empty());
            if l.unit == LeverUnit::Choice {
                assert_eq!(l.choices.len() as f64, l.max + 1.0, "{}", l.id);
            }
        }
    }

    #[test]
    fn policies_and_assumptions_are_both_present() {
        assert!(levers().iter().any(|l| l.kind == LeverKind::Policy));
        assert!(levers().iter().any(|l| l.kind == LeverKind::Assumption));
        assert!(levers()
            .iter()
            .filter(|l| l.kind == LeverKind::Assumption)
            .all(|l| !l.per_year));
    }
}
