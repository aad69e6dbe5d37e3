//! The template's sheets and columns: one description that the template writer,
//! the instructions sheet and the reader all use, so they cannot drift apart.
//!
//! Every sheet has row 1 = the Chinese header with its unit, row 2 = the stable
//! field id, data from row 3. The reader finds the header by the id row, or by
//! the Chinese header text and its synonyms (see [`Field::names`]).

use crate::problem::Part;

/// What a column holds, which decides how a cell is read and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text (names, notes).
    Text,
    /// An identifier: non-empty text without surrounding spaces.
    Code,
    /// A count of people or places: a finite number ≥ 0 (fractions allowed:
    /// estimates are often averages).
    Count,
    /// A whole number ≥ 0 (classrooms, ages, years of study).
    Whole,
    /// A share between 0 and 1 (`95%` also reads as 0.95).
    Share,
    /// A signed yearly rate between −1 and 1 (`-0.5%` reads as −0.005).
    Rate,
    /// Yuan; a header in 万元 or 亿元 scales the column.
    Money,
    /// Any finite number.
    Number,
    /// A calendar year (1949..=2100).
    Year,
    /// One of a list of values, given in Chinese (or an accepted alias).
    Enum(Enumeration),
}

/// The enumerations the template offers as drop-down lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enumeration {
    ZoneType,
    SchoolType,
    Provider,
    Level,
    Grade,
    Rule,
    SourceKind,
}

impl Enumeration {
    /// The canonical values, as written in the template and its drop-downs.
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Enumeration::ZoneType => &["城区", "乡镇"],
            Enumeration::SchoolType => &[
                "幼儿园",
                "小学",
                "小学教学点",
                "九年一贯制学校",
                "初级中学",
                "普通高中",
                "中等职业学校",
                "特殊教育学校",
            ],
            Enumeration::Provider => &["公办", "普惠性民办", "非普惠性民办"],
            Enumeration::Level => &["学前", "小学", "初中", "普通高中", "中职"],
            Enumeration::Grade => &[
                "小班",
                "中班",
                "大班",
                "一年级",
                "二年级",
                "三年级",
                "四年级",
                "五年级",
                "六年级",
                "七年级",
                "八年级",
                "九年级",
                "高一",
                "高二",
                "高三",
                "中职一年级",
                "中职二年级",
                "中职三年级",
                "特教",
            ],
            Enumeration::Rule => &["不低于", "不高于", "区间", "比基年增加", "为基年的倍数"],
            Enumeration::SourceKind => &["公开资料", "推算", "估算", "教育局统计"],
        }
    }
}

/// One column of a sheet.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// Stable id (row 2 of the template).
    pub id: &'static str,
    /// Chinese header (row 1, before the unit).
    pub zh: &'static str,
    /// Unit shown in the header, in Chinese ("人", "元", "比例", …); empty for none.
    pub unit: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// Other headers that mean the same column in bureau files.
    pub synonyms: &'static [&'static str],
    /// The national statistics table the figure usually comes from.
    pub table: &'static str,
    /// A short filling note for the instructions sheet.
    pub help: &'static str,
}

impl Field {
    /// Row 1 of the template: the Chinese header with its unit.
    pub fn header(&self) -> String {
        if self.unit.is_empty() {
            self.zh.to_string()
        } else {
            format!("{}（{}）", self.zh, self.unit)
        }
    }

    /// Every header text this column answers to (id, Chinese header, synonyms).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.id, self.zh].into_iter().chain(self.synonyms.iter().copied())
    }
}

/// One sheet of the template.
#[derive(Clone, Copy, Debug)]
pub struct SheetSpec {
    /// Stable id, also accepted as a sheet or CSV file name.
    pub id: &'static str,
    /// Sheet name in the template.
    pub zh: &'static str,
    pub part: Part,
    pub fields: &'static [Field],
    /// What the sheet holds, for the instructions sheet.
    pub help: &'static str,
}

const fn f(id: &'static str, zh: &'static str, unit: &'static str, kind: Kind, required: bool) -> Field {
    Field {
        id,
        zh,
        unit,
        kind,
        required,
        synonyms: &[],
        table: "",
        help: "",
    }
}

const fn syn(mut x: Field, synonyms: &'static [&'static str]) -> Field {
    x.synonyms = synonyms;
    x
}

const fn tab(mut x: Field, table: &'static str, help: &'static str) -> Field {
    x.table = table;
    x.help = help;
    x
}

const SRC: Field = syn(
    tab(
        f("src", "来源", "", Kind::Code, false),
        "",
        "“来源”表中的编号；留空表示本表数据来自教育局",
    ),
    &["数据来源", "来源编号"],
);

/// Key–value sheets (基本情况, 参数): one row per item.
const KV_FIELDS: &[Field] = &[
    syn(f("key", "项目代码", "", Kind::Code, true), &["代码", "参数代码"]),
    syn(f("label", "项目", "", Kind::Text, false), &["项目名称", "参数", "名称"]),
    syn(f("value", "数值", "", Kind::Text, true), &["值", "填报值"]),
    f("unit", "单位", "", Kind::Text, false),
    SRC,
];

pub const META: SheetSpec = SheetSpec {
    id: "meta",
    zh: "基本情况",
    part: Part::Meta,
    fields: KV_FIELDS,
    help: "数据集编号、县（市、区）名称、基准学年和预测年份",
};

pub const SOURCES: SheetSpec = SheetSpec {
    id: "sources",
    zh: "来源",
    part: Part::Sources,
    fields: &[
        syn(f("source_id", "来源编号", "", Kind::Code, true), &["编号"]),
        f("kind", "可信程度", "", Kind::Enum(Enumeration::SourceKind), true),
        syn(f("title", "来源名称", "", Kind::Text, true), &["名称", "文件名称"]),
        f("title_en", "来源名称（英文）", "", Kind::Text, false),
        syn(f("url", "网址", "", Kind::Text, false), &["链接"]),
        syn(f("note", "备注", "", Kind::Text, false), &["说明"]),
        f("note_en", "备注（英文）", "", Kind::Text, false),
    ],
    help: "各表“来源”列所引用的资料；教育局自己的数据可以不列，导入时自动记为“教育局统计”",
};

pub const ZONES: SheetSpec = SheetSpec {
    id: "zones",
    zh: "片区",
    part: Part::Zones,
    fields: &[
        syn(
            f("zone_id", "片区编码", "", Kind::Code, true),
            &["片区代码", "乡镇编码", "编码"],
        ),
        syn(
            f("zone_name", "片区名称", "", Kind::Text, true),
            &["乡镇（街道）", "乡镇", "名称"],
        ),
        f("zone_name_en", "片区名称（英文）", "", Kind::Text, false),
        tab(
            syn(
                f("zone_type", "城乡类型", "", Kind::Enum(Enumeration::ZoneType), true),
                &["城乡", "城乡分类"],
            ),
            "教基1001",
            "城区只能有一个（县城或市区所在片区）",
        ),
        tab(
            f("birth_share", "出生人口占比", "比例", Kind::Share, true),
            "公安户籍",
            "各片区合计应为1",
        ),
        tab(
            f("kg_participation", "学前入园意愿", "比例", Kind::Share, true),
            "",
            "3～5岁儿童中希望入园的比例",
        ),
        SRC,
    ],
    help: "县（市、区）内划分的片区（乡镇或学区），学位和教师按片区平衡",
};

pub const POPULATION: SheetSpec = SheetSpec {
    id: "population",
    zh: "分年龄人口",
    part: Part::Population,
    fields: &[
        syn(
            f("zone_id", "片区编码", "", Kind::Code, true),
            &["片区代码", "乡镇编码"],
        ),
        tab(
            syn(f("age", "年龄", "岁", Kind::Whole, true), &["年龄（周岁）", "周岁"]),
            "",
            "0～18，每个片区每个年龄一行",
        ),
        tab(
            syn(f("population", "人口数", "人", Kind::Count, true), &["人数", "人口"]),
            "人口普查、公安户籍",
            "基准年9月1日",
        ),
        SRC,
    ],
    help: "基准年各片区0～18岁分年龄人口",
};

pub const BIRTHS: SheetSpec = SheetSpec {
    id: "births",
    zh: "出生人口",
    part: Part::Births,
    fields: &[
        syn(f("year", "年份", "年", Kind::Year, true), &["年度"]),
        tab(
            syn(
                f("births", "出生人口", "人", Kind::Count, true),
                &["出生人数", "出生数"],
            ),
            "统计公报、公安户籍",
            "全县（市、区）合计，须含基准年",
        ),
        SRC,
    ],
    help: "历年出生人口（全县、市、区合计），基准年必须填写",
};

pub const AGE_RATES: SheetSpec = SheetSpec {
    id: "age_rates",
    zh: "分年龄迁移",
    part: Part::AgeRates,
    fields: &[
        f("age", "年龄", "岁", Kind::Whole, true),
        tab(
            f("net_migration_rate", "净迁移率", "比例", Kind::Rate, true),
            "",
            "每年迁入减迁出占该年龄人口的比例，迁出为负",
        ),
        tab(
            f("rural_to_town_rate", "进城比例", "比例", Kind::Share, true),
            "",
            "乡镇人口每年迁往城区的比例",
        ),
        SRC,
    ],
    help: "0～18岁各年龄的净迁移率和乡镇向城区的迁移比例",
};

pub const SCHOOLS: SheetSpec = SheetSpec {
    id: "schools",
    zh: "学校名册",
    part: Part::Schools,
    fields: &[
        tab(
            syn(
                f("school_id", "学校标识码", "", Kind::Code, true),
                &["学校代码", "机构编码", "学校编码", "机构代码"],
            ),
            "教基1001",
            "每所学校唯一",
        ),
        syn(
            f("school_name", "学校名称", "", Kind::Text, true),
            &["机构名称", "学校（机构）名称", "单位名称"],
        ),
        syn(
            f("zone_id", "片区编码", "", Kind::Code, true),
            &["片区代码", "乡镇编码"],
        ),
        tab(
            syn(
                f("school_type", "办学类型", "", Kind::Enum(Enumeration::SchoolType), true),
                &["学校类型", "类型"],
            ),
            "教基1001",
            "",
        ),
        tab(
            syn(
                f("provider", "举办者类型", "", Kind::Enum(Enumeration::Provider), false),
                &["办别", "举办者", "性质"],
            ),
            "教基1001",
            "仅幼儿园填写",
        ),
        tab(
            syn(
                f("classrooms", "普通教室", "间", Kind::Whole, true),
                &["教室数", "教室间数"],
            ),
            "学校资产台账",
            "国家报表只有面积，间数由教育局提供",
        ),
        tab(
            syn(
                f("seats", "核定学位", "个", Kind::Count, false),
                &["学位数", "核定学位数"],
            ),
            "",
            "仅幼儿园填写",
        ),
        tab(
            syn(f("teachers", "专任教师", "人", Kind::Count, true), &["专任教师数"]),
            "教基4149、教基4148",
            "",
        ),
        SRC,
    ],
    help: "每所学校、教学点和幼儿园一行",
};

pub const ENROLLMENT: SheetSpec = SheetSpec {
    id: "enrollment",
    zh: "分年级在校生",
    part: Part::Enrollment,
    fields: &[
        syn(
            f("school_id", "学校标识码", "", Kind::Code, true),
            &["学校代码", "机构编码", "学校编码"],
        ),
        tab(
            f("grade", "年级", "", Kind::Enum(Enumeration::Grade), true),
            "",
            "幼儿园填小班、中班、大班；九年一贯制学校填一年级至九年级",
        ),
        tab(
            syn(
                f("students", "在校生数", "人", Kind::Count, true),
                &["在校学生数", "在园幼儿数", "学生数"],
            ),
            "教基3112、教基3115、教基3118、基础基311",
            "",
        ),
        tab(
            syn(f("classes", "班数", "个", Kind::Whole, false), &["班级数", "教学班数"]),
            "教基2105、教基2106、教基2107",
            "已知时填写，用于核对班额",
        ),
    ],
    help: "基准学年每所学校分年级在校生（长表：一个年级一行）",
};

pub const FLOWS: SheetSpec = SheetSpec {
    id: "flows",
    zh: "留级与辍学",
    part: Part::Flows,
    fields: &[
        f("level", "学段", "", Kind::Enum(Enumeration::Level), true),
        tab(
            f("grade", "年级序号", "", Kind::Whole, true),
            "",
            "学段内第几年级，从1起",
        ),
        f("repetition", "留级率", "比例", Kind::Share, true),
        f("dropout", "辍学率", "比例", Kind::Share, true),
        SRC,
    ],
    help: "小学、初中、普通高中、中职各年级的留级率和辍学率",
};

pub const NORMS: SheetSpec = SheetSpec {
    id: "norms",
    zh: "编制与班额标准",
    part: Part::Norms,
    fields: &[
        f("level", "学段", "", Kind::Enum(Enumeration::Level), true),
        tab(
            f("class_size", "标准班额", "人", Kind::Count, true),
            "GB 50099-2011",
            "小学45，中学50",
        ),
        f("teachers_per_class", "每班专任教师", "人", Kind::Count, true),
        tab(
            f("pupils_per_teacher", "编制标准", "学生数/教职工", Kind::Count, true),
            "中央编办发〔2014〕72号",
            "每名教职工对应的学生数：小学19，初中13.5，高中12.5",
        ),
        SRC,
    ],
    help: "小学、初中、普通高中、中职的班额和编制标准",
};

pub const MONEY: SheetSpec = SheetSpec {
    id: "money",
    zh: "经费标准",
    part: Part::Money,
    fields: &[
        f("level", "学段", "", Kind::Enum(Enumeration::Level), true),
        tab(
            f("salary", "教师人均年人员经费", "元", Kind::Money, true),
            "部门预算",
            "工资和各项缴费",
        ),
        tab(
            f("public_funds", "生均公用经费", "元", Kind::Money, true),
            "教育经费执行情况公告",
            "学前填公办园生均",
        ),
        SRC,
    ],
    help: "各学段教师人均年人员经费和生均公用经费",
};

pub const PARAMS: SheetSpec = SheetSpec {
    id: "params",
    zh: "参数",
    part: Part::Params,
    fields: KV_FIELDS,
    help: "人口、学前、升学、特殊教育和经费的单项参数（项目代码不要改动）",
};

pub const TRAINEES: SheetSpec = SheetSpec {
    id: "trainees",
    zh: "公费定向师范生",
    part: Part::Trainees,
    fields: &[
        f("year", "招生年份", "年", Kind::Year, true),
        syn(f("trainees", "招生人数", "人", Kind::Count, true), &["人数"]),
        SRC,
    ],
    help: "基准年及以前各年公费定向师范生招生人数（毕业后回县任教）",
};

pub const TARGETS: SheetSpec = SheetSpec {
    id: "targets",
    zh: "目标",
    part: Part::Targets,
    fields: &[
        f("target_id", "目标代码", "", Kind::Code, true),
        syn(f("label", "目标表述", "", Kind::Text, true), &["目标", "目标名称"]),
        f("label_en", "目标表述（英文）", "", Kind::Text, false),
        tab(
            f("indicator", "指标代码", "", Kind::Code, true),
            "",
            "见模型说明的指标目录",
        ),
        f("rule", "判定方式", "", Kind::Enum(Enumeration::Rule), true),
        tab(
            f("threshold", "阈值", "", Kind::Number, true),
            "",
            "比例以小数表示，如95%填0.95",
        ),
        tab(
            f("threshold_high", "区间上限", "", Kind::Number, false),
            "",
            "仅“区间”填写",
        ),
        f("year", "目标年份", "年", Kind::Year, true),
        syn(f("note", "依据", "", Kind::Text, false), &["备注"]),
        f("note_en", "依据（英文）", "", Kind::Text, false),
        SRC,
    ],
    help: "工作计划目标：指标、判定方式、阈值和年份",
};

pub const LEVER_DEFAULTS: SheetSpec = SheetSpec {
    id: "lever_defaults",
    zh: "政策措施基准值",
    part: Part::LeverDefaults,
    fields: &[
        tab(
            f("lever_id", "措施代码", "", Kind::Code, true),
            "",
            "见模型说明的措施目录",
        ),
        f("label", "措施名称", "", Kind::Text, false),
        f("value", "基准值", "", Kind::Number, true),
        SRC,
    ],
    help: "本县现行做法（如每年招聘教师人数），作为各项政策措施的基准",
};

/// Every data sheet, in template order.
pub const SHEETS: [&SheetSpec; 15] = [
    &META,
    &SOURCES,
    &ZONES,
    &POPULATION,
    &BIRTHS,
    &AGE_RATES,
    &SCHOOLS,
    &ENROLLMENT,
    &FLOWS,
    &NORMS,
    &MONEY,
    &PARAMS,
    &TRAINEES,
    &TARGETS,
    &LEVER_DEFAULTS,
];

/// The instructions sheet's name; the reader ignores it.
pub const README_SHEET: &str = "填写说明";

/// The sheet a name refers to: its Chinese name or id, ignoring case, spaces,
/// a file extension and a table-code prefix like "教基3112_".
pub fn sheet_by_name(name: &str) -> Option<&'static SheetSpec> {
    let n = crate::cell::fold_width(name);
    let n = n.trim();
    let stem = n.rsplit_once('.').map_or(n, |(s, ext)| {
        if ext.chars().all(|c| c.is_ascii_alphanumeric()) && ext.len() <= 4 {
            s
        } else {
            n
        }
    });
    let stem = stem.trim().to_lowercase();
    // Excel and WPS name a copied sheet "出生人口 (2)"
    let stem = match stem.rsplit_once(['(', '（']) {
        Some((s, n))
            if n.trim_end_matches([')', '）'])
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit())
                && !s.trim().is_empty() =>
        {
            s.trim().to_string()
        }
        _ => stem,
    };
    SHEETS.iter().copied().find(|s| {
        stem == s.id
            || stem == s.zh
            || stem.ends_with(&format!("_{}", s.zh))
            || stem.ends_with(&format!("-{}", s.zh))
            || stem.ends_with(&format!("_{}", s.id))
    })
}

/// A scalar the key–value sheets carry: id (column 项目代码), Chinese name, unit, kind.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub key: &'static str,
    pub zh: &'static str,
    pub unit: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn it(key: &'static str, zh: &'static str, unit: &'static str, kind: Kind) -> Item {
    Item {
        key,
        zh,
        unit,
        kind,
        required: true,
    }
}

/// The items of 基本情况.
pub const META_ITEMS: &[Item] = &[
    it("dataset_id", "数据集编号", "", Kind::Code),
    it("version", "数据集版本", "", Kind::Whole),
    it("name", "县（市、区）名称", "", Kind::Text),
    Item {
        required: false,
        ..it("name_en", "县（市、区）名称（英文）", "", Kind::Text)
    },
    it("as_of", "数据时点", "", Kind::Text),
    Item {
        required: false,
        ..it("as_of_en", "数据时点（英文）", "", Kind::Text)
    },
    it("base_year", "基准学年（学年初年份）", "年", Kind::Year),
    it("horizon", "预测截止年份", "年", Kind::Year),
    it("max_horizon", "最远预测年份", "年", Kind::Year),
];

/// The items of 参数 (each maps to one dataset parameter; see `convert::params`).
pub const PARAM_ITEMS: &[Item] = &[
    it("demography.residents", "常住人口", "人", Kind::Count),
    it("demography.crude_death_rate", "粗死亡率", "比例", Kind::Share),
    it(
        "demography.adult_net_migration",
        "19岁及以上年净迁移人数",
        "人",
        Kind::Number,
    ),
    it(
        "demography.birth_variants.low",
        "出生人口年变化（低位预测）",
        "比例",
        Kind::Rate,
    ),
    it(
        "demography.birth_variants.central",
        "出生人口年变化（中位预测）",
        "比例",
        Kind::Rate,
    ),
    it(
        "demography.birth_variants.high",
        "出生人口年变化（高位预测）",
        "比例",
        Kind::Rate,
    ),
    it("kindergarten.class_size.1", "幼儿园小班班额", "人", Kind::Count),
    it("kindergarten.class_size.2", "幼儿园中班班额", "人", Kind::Count),
    it("kindergarten.class_size.3", "幼儿园大班班额", "人", Kind::Count),
    it("kindergarten.participation_max", "入园意愿上限", "比例", Kind::Share),
    it(
        "kindergarten.private_preference",
        "选择非普惠性民办园的比例",
        "比例",
        Kind::Share,
    ),
    it(
        "kindergarten.closure_threshold",
        "民办园停办的学位使用率下限",
        "比例",
        Kind::Share,
    ),
    it(
        "kindergarten.closure_rate",
        "富余民办学位每年减少比例",
        "比例",
        Kind::Share,
    ),
    it(
        "kindergarten.teachers_per_class",
        "幼儿园每班专任教师",
        "人",
        Kind::Count,
    ),
    it("flows.intake_rate", "小学一年级招生与6岁人口之比", "比值", Kind::Number),
    it("flows.primary_to_junior", "小学毕业升入初中比例", "比例", Kind::Share),
    it(
        "flows.vocational_outside_share",
        "中职新生在县（市）外就读比例",
        "比例",
        Kind::Share,
    ),
    it(
        "flows.vocational_outside.1",
        "县（市）外就读中职学生（一年级）",
        "人",
        Kind::Count,
    ),
    it(
        "flows.vocational_outside.2",
        "县（市）外就读中职学生（二年级）",
        "人",
        Kind::Count,
    ),
    it(
        "flows.vocational_outside.3",
        "县（市）外就读中职学生（三年级）",
        "人",
        Kind::Count,
    ),
    it("norms.large_class", "大班额起点", "人", Kind::Whole),
    it("norms.super_large_class", "超大班额起点", "人", Kind::Whole),
    it(
        "norms.kg_children_per_teacher",
        "幼儿园每名专任教师最多幼儿数",
        "人",
        Kind::Count,
    ),
    it("special.prevalence", "6～14岁残疾儿童少年比例", "比例", Kind::Share),
    it("special.placed", "已安置残疾儿童少年", "人", Kind::Count),
    it("teachers.trainee_years", "公费定向师范生培养年限", "年", Kind::Whole),
    it("finance.budget", "基准年教育经费支出", "元", Kind::Money),
    it("finance.inclusive_subsidy", "普惠性民办园生均补助", "元", Kind::Money),
    it("finance.special_per_pupil", "残疾学生生均公用经费", "元", Kind::Money),
    it("finance.classroom_cost", "新建一间教室造价", "元", Kind::Money),
    it("finance.kg_seat_cost", "新增一个公办幼儿园学位造价", "元", Kind::Money),
    it(
        "finance.conversion_cost",
        "每个民办学位转为公办的费用",
        "元",
        Kind::Money,
    ),
    it(
        "finance.trainee_subsidy",
        "公费定向师范生每人每年补助",
        "元",
        Kind::Money,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_resolve() {
        assert_eq!(sheet_by_name("学校名册").map(|s| s.id), Some("schools"));
        assert_eq!(sheet_by_name("schools.csv").map(|s| s.id), Some("schools"));
        assert_eq!(sheet_by_name("学校名册.CSV").map(|s| s.id), Some("schools"));
        assert_eq!(sheet_by_name("教基1001_学校名册").map(|s| s.id), Some("schools"));
        assert_eq!(sheet_by_name("Sheet1").map(|s| s.id), None);
        assert_eq!(sheet_by_name("出生人口 (2)").map(|s| s.id), Some("births"));
        assert_eq!(sheet_by_name("出生人口（2）.csv").map(|s| s.id), Some("births"));
    }

    #[test]
    fn ids_are_unique_within_each_sheet() {
        let mut sheet_ids = std::collections::BTreeSet::new();
        for s in SHEETS {
            assert!(sheet_ids.insert(s.id));
            let mut ids = std::collections::BTreeSet::new();
            for f in s.fields {
                assert!(ids.insert(f.id), "{}.{}", s.id, f.id);
            }
        }
        let mut keys = std::collections::BTreeSet::new();
        for i in META_ITEMS.iter().chain(PARAM_ITEMS) {
            assert!(keys.insert(i.key));
        }
    }
}
