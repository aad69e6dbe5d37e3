//! The import corpus: awkward and broken bureau files (tests/import-corpus/,
//! written by tools/gen_import_corpus.py), each imported alone onto the
//! default dataset, with the exact outcome asserted: the values a file must
//! give and the notes it must leave, or each error's sheet, cell and message.

use std::path::PathBuf;

use eduplan_import::{import, ImportErrors, InputFile, Part, Problem, Report};
use eduplan_model::dataset::{School, SourceKind};
use eduplan_model::level::{Provider, SchoolKind};
use eduplan_model::Dataset;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/import-corpus")
}

fn base() -> Dataset {
    Dataset::default_dataset().unwrap()
}

fn file(name: &str) -> InputFile {
    let path = corpus_dir().join(name);
    let bytes =
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (run tools/gen_import_corpus.py)", path.display()));
    InputFile {
        name: name.to_string(),
        bytes,
    }
}

/// Imports a file that must import.
fn ok(name: &str) -> (Dataset, Report) {
    import(&[file(name)], &base()).unwrap_or_else(|e| panic!("{name} should import, but:\n{e}"))
}

/// Imports a file that must fail.
fn fail(name: &str) -> ImportErrors {
    match import(&[file(name)], &base()) {
        Ok((_, r)) => panic!("{name} should fail, but imported (notes {:?})", r.notes),
        Err(e) => e,
    }
}

/// Asserts a list of problems exactly: how many, and each one's file, sheet,
/// cell (A1, a row number, or none) and a phrase of its Chinese message.
fn assert_problems(name: &str, got: &[Problem], want: &[(Option<&str>, Option<&str>, &str)]) {
    let lines: Vec<String> = got.iter().map(|p| p.line(true)).collect();
    assert_eq!(got.len(), want.len(), "{name}: {lines:#?}");
    for (p, (sheet, a1, phrase)) in got.iter().zip(want) {
        assert_eq!(p.at.file, name, "{}", p.line(true));
        assert_eq!(p.at.sheet.as_deref(), *sheet, "{}", p.line(true));
        assert_eq!(p.at.a1().as_deref(), *a1, "{}", p.line(true));
        assert!(p.message.zh.contains(phrase), "{} lacks “{phrase}”", p.line(true));
    }
}

fn school<'a>(ds: &'a Dataset, id: &str) -> &'a School {
    ds.schools
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no school {id}"))
}

fn births(ds: &Dataset) -> Vec<(i32, f64)> {
    ds.demography.births.iter().map(|b| (b.year, b.value)).collect()
}

/// The default dataset's births with some years changed.
fn base_births_with(changes: &[(i32, f64)]) -> Vec<(i32, f64)> {
    births(&base())
        .into_iter()
        .map(|(y, v)| (y, changes.iter().find(|c| c.0 == y).map_or(v, |c| c.1)))
        .collect()
}

fn parts(r: &Report) -> Vec<(Part, usize)> {
    r.parts.iter().map(|p| (p.part, p.rows)).collect()
}

/// The five-school register most school files carry (a register sheet
/// replaces the whole register): the base's values unless a test says otherwise.
const SUBSET: [&str; 5] = ["kg-town-pub-1", "pri-town-1", "jun-town-7", "sen-1", "voc-1"];

/// With a five-school register the county's grade-1 pupils fall far below its
/// six-year-olds: the plausibility check warns (the only warning expected).
fn assert_only_entrants_warning(r: &Report) {
    assert_eq!(r.warnings.len(), 1, "{:#?}", r.warnings);
    assert!(
        r.warnings[0].message.zh.contains("与6岁人口5400人相差较大"),
        "{}",
        r.warnings[0].line(true)
    );
}

/// Schools whose every figure equals the base's (name, zone, kind, rooms,
/// seats, teachers, enrollment).
fn assert_schools_as_base(ds: &Dataset, ids: &[&str]) {
    let b = base();
    for id in ids {
        let (s, o) = (school(ds, id), school(&b, id));
        assert_eq!(
            (
                &s.name,
                &s.zone,
                s.kind,
                s.classrooms,
                s.seats,
                s.teachers,
                &s.enrollment
            ),
            (
                &o.name,
                &o.zone,
                o.kind,
                o.classrooms,
                o.seats,
                o.teachers,
                &o.enrollment
            ),
            "{id}"
        );
    }
}

fn bureau_source_of(ds: &Dataset, src: &str) -> String {
    let s = ds.source(src).unwrap_or_else(|| panic!("no source {src}"));
    assert_eq!(s.kind, SourceKind::Bureau, "{src}");
    s.title.zh.clone()
}

// ------------------------------------------------------------ numbers

#[test]
fn text_numbers_xlsx_reads_numbers_stored_as_text() {
    let name = "text-numbers.xlsx";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    assert_eq!(births(&ds), base_births_with(&[(2020, 3650.0)]));
    // " 4300 " with spaces
    assert_eq!(ds.recorded_births(2019), Some(4300.0));
    // unchanged years keep their source; the changed one is the bureau's, cell-exact
    assert_eq!(ds.demography.births[0].src, "E-births");
    let src = &ds.demography.births[6].src;
    assert_eq!(
        bureau_source_of(&ds, src),
        "教育局数据：text-numbers.xlsx，工作表“出生人口”"
    );
    let o = &ds.origins["demography.births.2020"];
    assert_eq!(
        (o.file.as_str(), o.sheet.as_str(), o.cells.as_str()),
        (name, "出生人口", "A9:C9")
    );
}

#[test]
fn thousands_separators_comma_fullwidth_comma_space_and_no_break_spaces() {
    let (ds, r) = ok("thousands-出生人口.csv");
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    // 5,400 · 5，500 · 5 800 · 5<NBSP>600 · 4<NNBSP>900 · 4,300.0 · 3,650
    assert_eq!(births(&ds), base_births_with(&[(2020, 3650.0)]));
}

#[test]
fn fullwidth_digits_minus_point_and_percent() {
    let (ds, r) = ok("fullwidth-参数.csv");
    assert_eq!(parts(&r), vec![(Part::Params, 5)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    assert_eq!(ds.demography.birth_variants.low.value, -0.03); // －０．０３
    assert_eq!(ds.demography.adult_net_migration.value, -1200.0); // －１，２００
    assert_eq!(ds.kindergarten.class_size.value, [24.0, 30.0, 35.0]); // ２４
    assert_eq!(ds.kindergarten.participation_max.value.get(), 0.95); // ９５％
    assert_eq!(ds.norms.large_class.value, 55); // ５５

    // items not in the sheet keep the base's values
    let b = base();
    assert_eq!(
        ds.demography.birth_variants.central,
        b.demography.birth_variants.central
    );
    assert_eq!(ds.norms.super_large_class, b.norms.super_large_class);
    assert_eq!(ds.finance, b.finance);
}

#[test]
fn trailing_units_on_years_and_counts() {
    let (ds, r) = ok("units-出生人口.csv");
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    // "2021年" / "3,250人"
    assert_eq!(births(&ds), base_births_with(&[(2021, 3250.0)]));
}

#[test]
fn trailing_units_in_the_school_register() {
    let (ds, r) = ok("units-学校名册.csv");
    assert_eq!(parts(&r), vec![(Part::Schools, 5)]);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    assert_only_entrants_warning(&r);
    assert_eq!(ds.schools.len(), 5);
    // "40间", "110人"
    let p = school(&ds, "pri-town-1");
    assert_eq!((p.classrooms, p.teachers), (40, 110.0));
    // the enrollment is kept: same school, same kind
    assert_eq!(p.enrollment, school(&base(), "pri-town-1").enrollment);
    // "19间", "480个", "26.6人": as the base
    assert_schools_as_base(&ds, &["kg-town-pub-1", "jun-town-7", "sen-1", "voc-1"]);
    assert_eq!(school(&ds, "kg-town-pub-1").seats, Some(480.0));
}

#[test]
fn wan_yuan_header_scales_the_salary_column_once() {
    let (ds, r) = ok("wan-经费标准.csv");
    assert_eq!(parts(&r), vec![(Part::Money, 5)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    let s = &ds.finance.salary.value;
    // 8 · 10 · "10.5万元" (the unit typed again in the cell) · 11 · 10.5, all 万元
    assert_eq!(
        (s.kindergarten, s.primary, s.junior, s.senior, s.vocational),
        (80_000.0, 100_000.0, 105_000.0, 110_000.0, 105_000.0)
    );
    let p = &ds.finance.public_funds.value;
    // the 元 column is not scaled: 500 · 700 · 850 · "1,000" · "1000元"
    assert_eq!(
        (p.kindergarten, p.primary, p.junior, p.senior, p.vocational),
        (500.0, 700.0, 850.0, 1000.0, 1000.0)
    );
    // salaries equal the base: their source stays; public funds changed: the bureau's
    assert_eq!(ds.finance.salary.src, "E-finance");
    bureau_source_of(&ds, &ds.finance.public_funds.src);
}

#[test]
fn wan_yuan_unit_cell_scales_a_money_parameter() {
    let (ds, r) = ok("wan-参数.csv");
    assert_eq!(parts(&r), vec![(Part::Params, 4)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    assert_eq!(ds.finance.budget.value, 720_000_000.0); // 72000 with unit 万元
    assert_eq!(ds.finance.classroom_cost.value, 600_000.0); // "60万元" with unit 元
    assert_eq!(ds.finance.kg_seat_cost.value, 26_000.0); // 2.6 with unit 万元
    assert_eq!(ds.finance.conversion_cost.value, 9_000.0); // "0.9万元" with unit 万元: once
    assert_eq!(ds.finance.salary, base().finance.salary);
}

#[test]
fn placeholders_dash_em_dash_slash_and_blank_are_no_figure() {
    let (ds, r) = ok("placeholders-学校名册.csv");
    assert_eq!(parts(&r), vec![(Part::Schools, 5)]); // the all-placeholder row is no row
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    assert_only_entrants_warning(&r);
    assert_eq!(ds.schools.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), SUBSET);
    // provider "-" / "—" / "/" / "无" and seats "—" / "－" / "***" / ideographic
    // space on schools that are not kindergartens: nothing to read
    assert_schools_as_base(&ds, &SUBSET);
    for id in ["pri-town-1", "jun-town-7", "sen-1", "voc-1"] {
        assert_eq!(school(&ds, id).seats, None, "{id}");
    }
    // a 来源 of "—" is no claim: the unchanged school keeps its source
    assert_eq!(school(&ds, "kg-town-pub-1").src, "E-register");
    assert_eq!(ds.sources, base().sources);
}

// ---------------------------------------------------- totals and layout

#[test]
fn totals_row_is_skipped_and_does_not_double_the_county_total() {
    let name = "totals-出生人口.csv";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(ds.recorded_births(2020), Some(3700.0));
    assert_eq!(births(&ds), births(&base()));
    assert_problems(name, &r.notes, &[(Some("totals-出生人口"), Some("13"), "“合计”是合计")]);
    // nothing changed: no bureau source appears
    assert_eq!(ds.sources, base().sources);
}

#[test]
fn merged_zone_cells_subtotals_and_a_merged_two_row_header() {
    let name = "merged-分年龄人口.xlsx";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Population, 209)]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // each zone id, merged down its 19 rows, reaches every age
    let mut want = base().demography.population.value;
    want[0][0] = 1600.0;
    assert_eq!(ds.demography.population.value, want);
    let mut notes: Vec<(Option<&str>, Option<String>, &str)> = (0..11)
        .map(|z| (Some("分年龄人口"), Some((22 + 20 * z).to_string()), "“小计”是合计"))
        .collect();
    notes.push((Some("分年龄人口"), Some("223".into()), "“总计”是合计"));
    let notes: Vec<(Option<&str>, Option<&str>, &str)> = notes.iter().map(|(s, a, p)| (*s, a.as_deref(), *p)).collect();
    assert_problems(name, &r.notes, &notes);
}

#[test]
fn subtotal_label_beside_a_merged_town_cell_is_skipped() {
    // 小计 first in each town's block, in the age column, with the town's
    // code merged down beside it; ages written "0岁"; a 全市合计 row
    let name = "merged-subtotal-分年龄人口.xlsx";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Population, 209)]);
    let b = base();
    let mut want = b.demography.population.value.clone();
    want[1][6] = 2000.0; // jiangnan, age 6
    assert_eq!(ds.demography.population.value, want);
    let mut notes: Vec<(Option<&str>, Option<String>, &str)> = (0..11)
        .map(|z| (Some("分年龄人口"), Some((3 + 20 * z).to_string()), "“小计”是合计"))
        .collect();
    notes.push((Some("分年龄人口"), Some("223".into()), "“全市合计”是合计"));
    let notes: Vec<(Option<&str>, Option<&str>, &str)> = notes.iter().map(|(s, a, p)| (*s, a.as_deref(), *p)).collect();
    assert_problems(name, &r.notes, &notes);
    // 1,685 more six-year-olds than grade-1 places suggest: the cross-check warns
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        r.warnings[0].message.zh.contains("与6岁人口7085人相差较大"),
        "{}",
        r.warnings[0].line(true)
    );
}

#[test]
fn chinese_synonym_headers_below_a_title_and_unit_row_with_a_numbering_row() {
    let name = "title-unit-numbering.xlsx";
    let (ds, r) = ok(name);
    // 年度 / 出生人数 found in row 3; the 甲/1 row and the 备注 column are not data
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(births(&ds), births(&base()));
    assert_problems(
        name,
        &r.notes,
        &[(Some("出生人口"), Some("C3"), "“备注”不是“出生人口”表的列")],
    );
}

#[test]
fn numbering_row_running_through_the_heavenly_stems() {
    // 甲 乙 丙 丁 戊 over the five text columns, 1 2 3 over the numbers
    let name = "numbering-tiangan-学校名册.csv";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Schools, 5)]);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    assert_only_entrants_warning(&r);
    assert_eq!(school(&ds, "sen-1").teachers, 200.0);
    assert_schools_as_base(&ds, &["kg-town-pub-1", "pri-town-1", "jun-town-7", "voc-1"]);
}

#[test]
fn merged_two_row_header_with_shared_strings() {
    let name = "merged-header-学校名册.xlsx";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Schools, 5)]);
    assert_only_entrants_warning(&r);
    // 办学条件 over 教室数 / 学位数; 专任教师 over 合计 / 其中：女 (the first is the count)
    let p = school(&ds, "pri-town-1");
    assert_eq!((p.classrooms, p.teachers), (39, 112.0));
    assert_schools_as_base(&ds, &["kg-town-pub-1", "jun-town-7", "sen-1", "voc-1"]);
    assert_problems(
        name,
        &r.notes,
        &[(Some("学校名册"), Some("I2"), "“其中：女”不是“学校名册”表的列")],
    );
}

#[test]
fn extra_columns_are_ignored_with_a_note() {
    let name = "extra-columns-学校名册.csv";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Schools, 5)]);
    assert_only_entrants_warning(&r);
    assert_schools_as_base(&ds, &SUBSET);
    let sheet = Some("extra-columns-学校名册");
    assert_problems(
        name,
        &r.notes,
        &[
            (sheet, Some("F1"), "“校长”不是“学校名册”表的列"),
            (sheet, Some("J1"), "“联系电话”不是“学校名册”表的列"),
        ],
    );
}

#[test]
fn column_added_to_the_template_is_noted_at_its_chinese_header() {
    // the template's two header rows, plus 备注 with nothing in the id row
    let name = "template-extra-column-学校名册.csv";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Schools, 5)]);
    assert_only_entrants_warning(&r);
    assert_schools_as_base(&ds, &SUBSET);
    assert_problems(
        name,
        &r.notes,
        &[(
            Some("template-extra-column-学校名册"),
            Some("J1"),
            "“备注”不是“学校名册”表的列",
        )],
    );
}

#[test]
fn hidden_sheet_and_foreign_sheet_are_ignored_with_notes() {
    let name = "hidden-sheet.xlsx";
    let (ds, r) = ok(name);
    // the hidden 学校名册 holds nonsense: not read
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(births(&ds), base_births_with(&[(2021, 3250.0)]));
    assert_eq!(ds.schools, base().schools);
    assert_problems(
        name,
        &r.notes,
        &[
            (Some("学校名册"), None, "隐藏的工作表，已忽略"),
            (Some("说明"), None, "不是模板中的工作表"),
        ],
    );
}

#[test]
fn formulas_are_read_by_their_cached_values() {
    let name = "formulas.xlsx";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // A9 = A8+1 → 2020, B9 = B8-600 → 3700; the SUM row is a 合计 row
    assert_eq!(ds.recorded_births(2020), Some(3700.0));
    assert_eq!(births(&ds), births(&base()));
    assert_problems(name, &r.notes, &[(Some("出生人口"), Some("13"), "“合计”是合计")]);
}

#[test]
fn formula_error_value_is_an_error_at_its_cell() {
    let name = "formula-error.xlsx";
    let e = fail(name);
    assert_problems(name, &e.errors, &[(Some("出生人口"), Some("B9"), "公式错误值")]);
    assert_eq!(e.errors[0].seen.as_deref(), Some("#DIV/0!"));
}

#[test]
fn xls_97_2003_workbook() {
    // written with xlwt (tools/gen_import_corpus.py): a merged title, then 年份 / 出生人口（人）
    let (ds, r) = ok("old-format.xls");
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    assert_eq!(births(&ds), base_births_with(&[(2021, 3210.0)]));
}

// ------------------------------------------------------------ encodings

#[test]
fn gbk_csv_keeps_its_chinese_names() {
    let (ds, r) = ok("gbk-学校名册.csv");
    assert_eq!(parts(&r), vec![(Part::Schools, 5)]);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    assert_only_entrants_warning(&r); // and no "characters could not be decoded"
    assert_eq!(school(&ds, "kg-town-pub-1").name, "临湘市实验幼儿园");
    assert_eq!(school(&ds, "pri-town-1").name, "临湘市城南小学（原第一完小）");
    assert_eq!(school(&ds, "jun-town-7").name, "临湘市第七中学");
    assert_eq!(
        school(&ds, "kg-town-pub-1").kind,
        SchoolKind::Kindergarten(Provider::Public)
    );
    assert_schools_as_base(&ds, &["jun-town-7", "sen-1", "voc-1"]);
}

#[test]
fn utf16_csv_with_bom_and_tabs() {
    let (ds, r) = ok("utf16-出生人口.csv");
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    assert_eq!(births(&ds), base_births_with(&[(2022, 3150.0)]));
}

#[test]
fn utf8_csv_with_bom_and_tabs() {
    let (ds, r) = ok("utf8bom-tab-出生人口.csv");
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    assert_eq!(births(&ds), base_births_with(&[(2018, 4950.0)]));
}

#[test]
fn utf8_csv_with_bom_and_semicolons() {
    // "5,400;" — the commas are thousands separators, the semicolons delimit
    let (ds, r) = ok("utf8bom-semicolon-出生人口.csv");
    assert_eq!(parts(&r), vec![(Part::Births, 10)]);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    assert_eq!(births(&ds), base_births_with(&[(2019, 4350.0)]));
}

// ------------------------------------------------- register and enrollment

#[test]
fn subtotal_and_girls_rows_in_enrollment_with_a_new_school() {
    let name = "enrollment-subtotals.xlsx";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Schools, 6), (Part::Enrollment, 24)]);
    let new = school(&ds, "pri-town-10");
    assert_eq!(new.name, "临湘市第十完全小学");
    assert_eq!(
        (new.kind, new.classrooms, new.teachers),
        (SchoolKind::Primary, 24, 40.0)
    );
    assert_eq!(new.enrollment, vec![50.0, 52.0, 48.0, 45.0, 47.0, 44.0]);
    assert_eq!(school(&ds, "jun-town-7").enrollment, vec![800.0, 795.0, 795.0]);
    assert_schools_as_base(&ds, &["kg-town-pub-1", "pri-town-1", "sen-1", "voc-1"]);
    let sheet = Some("分年级在校生");
    assert_problems(
        name,
        &r.notes,
        &[
            (sheet, Some("15"), "“#女”是合计或“其中”行"),
            (sheet, Some("28"), "“小计”是合计"),
            (sheet, Some("29"), "“其中：女”是合计或“其中”行"),
        ],
    );
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        r.warnings[0].message.zh.contains("小学一年级在校生413人"),
        "{}",
        r.warnings[0].line(true)
    );
}

#[test]
fn new_school_without_an_enrollment_sheet_is_an_error() {
    let name = "new-school-without-enrollment.xlsx";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("学校名册"), Some("A8"), "须同时提供“分年级在校生”表")],
    );
    assert_eq!(e.errors[0].seen.as_deref(), Some("pri-town-10"));
}

#[test]
fn text_where_a_number_is_needed_is_an_error_at_that_cell() {
    let name = "wrong-type-学校名册.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("wrong-type-学校名册"), Some("H4"), "“专任教师（人）”应为数字")],
    );
    assert_eq!(e.errors[0].seen.as_deref(), Some("abc"));
}

#[test]
fn duplicate_school_id() {
    let name = "duplicate-id-学校名册.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("duplicate-id-学校名册"), Some("A6"), "学校标识码重复（第4行已有）")],
    );
    assert_eq!(e.errors[0].seen.as_deref(), Some("pri-town-1"));
}

#[test]
fn unknown_zone_id() {
    let name = "unknown-zone-学校名册.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("unknown-zone-学校名册"), Some("C5"), "没有这个片区编码")],
    );
    assert_eq!(e.errors[0].seen.as_deref(), Some("chengnan"));
}

#[test]
fn unknown_school_type() {
    let name = "unknown-type-学校名册.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("unknown-type-学校名册"), Some("D7"), "不是可选的值")],
    );
    assert_eq!(e.errors[0].seen.as_deref(), Some("技工学校"));
}

#[test]
fn kindergarten_without_provider() {
    let name = "kg-without-provider-学校名册.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(
            Some("kg-without-provider-学校名册"),
            Some("E3"),
            "幼儿园须填写“举办者类型”",
        )],
    );
}

// ------------------------------------------------------ births and zones

#[test]
fn negative_count_is_an_error() {
    let name = "negative-出生人口.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("negative-出生人口"), Some("B8"), "应为0～1亿之间的数")],
    );
    assert_eq!(e.errors[0].seen.as_deref(), Some("-4300"));
}

#[test]
fn missing_required_column() {
    let name = "missing-column-出生人口.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("missing-column-出生人口"), Some("2"), "缺少必填列“出生人口（人）”")],
    );
}

#[test]
fn base_year_missing_from_births() {
    let name = "base-year-missing-出生人口.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("base-year-missing-出生人口"), None, "缺少基准年2020年")],
    );
}

#[test]
fn birth_share_out_of_range() {
    let name = "share-out-of-range-片区.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("share-out-of-range-片区"), Some("E4"), "0～1之间的比例")],
    );
    assert_eq!(e.errors[0].seen.as_deref(), Some("1.5"));
}

#[test]
fn birth_shares_off_by_more_than_two_percent_is_an_error() {
    let name = "share-sum-off-片区.csv";
    let e = fail(name);
    assert_problems(
        name,
        &e.errors,
        &[(Some("share-sum-off-片区"), Some("E13"), "合计应为1")],
    );
    assert_eq!(e.errors[0].seen.as_deref(), Some("1.0500"));
}

#[test]
fn birth_shares_off_by_one_percent_are_rescaled_with_a_warning() {
    let name = "share-sum-near-片区.csv";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Zones, 11)]);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    assert_problems(
        name,
        &r.warnings,
        &[(Some("share-sum-near-片区"), None, "已按比例调整为1")],
    );
    let mut read = base().demography.birth_zone_share.value;
    read[0] = 0.43;
    let sum: f64 = read.iter().sum();
    let want: Vec<f64> = read.iter().map(|s| s / sum).collect();
    assert_eq!(ds.demography.birth_zone_share.value, want);
    assert!((ds.demography.birth_zone_share.value.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert_eq!(ds.zones, base().zones);
}

// --------------------------------------------------------- broken files

#[test]
fn empty_file() {
    let name = "empty.xlsx";
    let e = fail(name);
    assert_problems(name, &e.errors, &[(None, None, "文件是空的")]);
}

#[test]
fn text_file_renamed_xlsx() {
    let name = "renamed-text.xlsx";
    let e = fail(name);
    assert_problems(name, &e.errors, &[(None, None, "不是Excel工作簿")]);
}

#[test]
fn truncated_xlsx() {
    let name = "truncated.xlsx";
    assert_eq!(file(name).bytes.len(), 200);
    let e = fail(name);
    assert_problems(name, &e.errors, &[(None, None, "无法读取这个Excel工作簿")]);
}

#[test]
fn zip_declaring_a_huge_entry_is_refused() {
    let name = "zip-bomb.xlsx";
    assert!(file(name).bytes.len() < 4096);
    let e = fail(name);
    assert_problems(name, &e.errors, &[(None, None, "解压后超过256兆字节")]);
}

#[test]
fn dataset_json_with_one_change_replaces_the_base() {
    let name = "dataset-small-change.json";
    let (ds, r) = ok(name);
    assert_eq!(parts(&r), vec![(Part::Whole, 0)]);
    assert_eq!(r.parts[0].file, name);
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{r:?}");
    let mut want = base();
    want.demography
        .births
        .iter_mut()
        .find(|b| b.year == 2020)
        .unwrap()
        .value = 3650.0;
    assert_eq!(ds, want);
}

#[test]
fn invalid_json() {
    let name = "invalid.json";
    let e = fail(name);
    assert_problems(name, &e.errors, &[(None, None, "不是有效的基础数据文件")]);
    // plain Chinese with the place: no serde English in the Chinese message
    assert!(
        e.errors[0].message.zh.contains("第24行第8列"),
        "{}",
        e.errors[0].message.zh
    );
    assert!(!e.errors[0].message.zh.contains("EOF"), "{}", e.errors[0].message.zh);
}

/// Every file in the corpus has its test above (a new file needs one).
#[test]
fn every_corpus_file_is_covered() {
    let src = include_str!("corpus.rs");
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert!(names.len() >= 32, "{names:?}");
    for n in &names {
        assert!(src.contains(&format!("\"{n}\"")), "no test imports {n}");
    }
}
