//! The template written from a dataset imports back to the same projection.

use eduplan_import::{import, template, InputFile};
use eduplan_model::{project, Dataset, Scenario};

fn default() -> Dataset {
    Dataset::default_dataset().unwrap()
}

#[test]
fn xlsx_template_round_trips_bit_identically() {
    let ds = default();
    let bytes = template::write_xlsx(&ds).unwrap();
    let files = [InputFile {
        name: "模板.xlsx".into(),
        bytes,
    }];
    let (back, report) = import(&files, &ds).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let a = project(&ds, &Scenario::default());
    let b = project(&back, &Scenario::default());
    // whole projections: their equality counts an undefined value (a zone
    // with no senior school has no class size) as equal to itself
    assert!(a == b, "the projections differ");
    // nothing changed, so every value keeps its source and no bureau source appears
    assert_eq!(back.sources, ds.sources);
    let mut plain = back.clone();
    plain.origins.clear();
    assert_eq!(plain, ds);
}

#[test]
fn csv_template_round_trips_from_the_default_base_and_from_nothing_changed() {
    let ds = default();
    let files: Vec<InputFile> = template::write_csvs(&ds)
        .into_iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let (back, _) = import(&files, &ds).unwrap_or_else(|e| panic!("{e}"));
    let mut plain = back.clone();
    plain.origins.clear();
    assert_eq!(plain, ds);
}

fn csv(name: &str, text: &str) -> InputFile {
    InputFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn a_file_with_no_template_sheet_is_an_error_naming_it() {
    let e = import(&[csv("出生人口-gbk.csv", "年份,出生人数\n2020,3700\n")], &default()).unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].at.file, "出生人口-gbk.csv");
    assert!(e.errors[0].message.zh.contains("没有可导入的工作表"));
    // a copied sheet's name ("出生人口 (2)") is still the sheet
    let (ds, _) = import(&[csv("出生人口 (2).csv", "年份,出生人数\n2020,3650\n")], &default()).unwrap();
    assert_eq!(ds.recorded_births(2020), Some(3650.0));
}

#[test]
fn one_bad_register_cell_is_reported_once_not_again_for_its_grades() {
    let mut files: Vec<InputFile> = template::write_csvs(&default())
        .into_iter()
        .filter(|(n, _)| n == "学校名册.csv" || n == "分年级在校生.csv")
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let reg = String::from_utf8(files[0].bytes.clone()).unwrap();
    let reg = reg.replacen(",town,幼儿园,公办,19,480,26.6,", ",town,幼儿园,公办,19,480,约三十,", 1);
    files[0].bytes = reg.into_bytes();
    let e = import(&files, &default()).unwrap_err();
    assert_eq!(e.errors.len(), 1, "{:?}", e.errors);
    assert_eq!(e.errors[0].at.a1().as_deref(), Some("H3"));
    assert_eq!(e.errors[0].seen.as_deref(), Some("约三十"));
}

#[test]
fn a_new_county_hears_which_parts_are_still_the_base_county() {
    let meta = "项目代码,项目,数值\ndataset_id,,hetang\nname,,荷塘县\n";
    let (ds, report) = import(&[csv("基本情况.csv", meta)], &default()).unwrap();
    assert_eq!(ds.name.zh, "荷塘县");
    assert_eq!(ds.name.en, "荷塘县", "no English name left from Linxiang");
    let w = report
        .warnings
        .iter()
        .find(|w| w.message.zh.contains("沿用“临湘市”的数据"))
        .expect("a warning");
    assert!(w.message.zh.contains("学校名册、"), "{}", w.message.zh);
}

#[test]
fn errors_beyond_two_hundred_are_counted_not_listed() {
    let mut text = String::from("年份,出生人数\n");
    for _ in 0..500 {
        text.push_str("2020,abc\n");
    }
    let e = import(&[csv("出生人口.csv", &text)], &default()).unwrap_err();
    assert_eq!(e.errors.len(), 201);
    assert!(
        e.errors[200].message.zh.contains("另有300条"),
        "{}",
        e.errors[200].message.zh
    );
}

/// A link names its figures by content hash: the same workbook must hash the
/// same whatever its file name and whatever dataset it was imported onto, or
/// a link made on it would not open for the colleague who imports the file.
#[test]
fn the_same_figures_hash_the_same_whatever_the_file_name_and_the_base() {
    use eduplan_model::summary::content_hash;
    let mut county = default();
    county.id = "qingxi-2020".into();
    county.name.zh = "青溪县".into();
    county.schools[0].teachers = 30.0;
    let bytes = template::write_xlsx(&county).unwrap();
    let file = |name: &str| InputFile {
        name: name.into(),
        bytes: bytes.clone(),
    };
    let (a, _) = import(&[file("青溪县.xlsx")], &default()).unwrap();
    let (b, _) = import(&[file("青溪县 (1).xlsx")], &default()).unwrap();
    let mut other_base = default();
    other_base.demography.births[0].value += 100.0;
    other_base.schools[1].teachers += 3.0;
    let (c, _) = import(&[file("青溪县.xlsx")], &other_base).unwrap();
    // and the template exported from the imported dataset, imported again
    let again = template::write_xlsx(&a).unwrap();
    let (d, _) = import(
        &[InputFile {
            name: "导出.xlsx".into(),
            bytes: again,
        }],
        &a,
    )
    .unwrap();
    let h = content_hash(&a);
    assert_eq!(content_hash(&b), h, "file name");
    assert_eq!(content_hash(&c), h, "base dataset");
    assert_eq!(content_hash(&d), h, "exported and imported again");
    assert_ne!(content_hash(&default()), h);
}

/// A later base year with the template's targets left as they were: each
/// target whose year falls before the projection is named, at the 目标 sheet,
/// in plain words (not the dataset validator's English).
#[test]
fn a_new_base_year_asks_for_new_target_years() {
    let mut later = default();
    later.base_year = 2023;
    later.horizon = 2030;
    let mut sheets = template::write_csvs(&later);
    sheets.retain(|(name, _)| name.starts_with("基本情况") || name.starts_with("出生人口"));
    // births must reach the new base year
    let births = "年份（年）,出生人口（人）,来源\nyear,births,src\n2021,3300,\n2022,3100,\n2023,2900,\n";
    let files: Vec<InputFile> = sheets
        .into_iter()
        .filter(|(n, _)| n.starts_with("基本情况"))
        .map(|(name, bytes)| InputFile { name, bytes })
        .chain([csv("出生人口.csv", births)])
        .collect();
    let e = import(&files, &default()).unwrap_err();
    let target_errors: Vec<_> = e.errors.iter().filter(|p| p.message.zh.contains("目标年份")).collect();
    assert!(!target_errors.is_empty(), "{e}");
    for p in &target_errors {
        assert!(p.message.zh.contains("2024～2035年"), "{}", p.message.zh);
        assert!(!p.message.zh.contains("outside"), "{}", p.message.zh);
    }
    assert!(e.errors.iter().all(|p| !p.message.zh.contains("..=")), "{e}");
}

/// The same sheet in two files is one error (the second copy), not also a
/// "no sheet to import" for the file that holds it.
#[test]
fn a_sheet_given_twice_is_one_error() {
    let births = "年份（年）,出生人口（人）,来源\nyear,births,src\n2019,3400,\n2020,3200,\n";
    let e = import(
        &[csv("出生人口.csv", births), csv("出生人口(2).csv", births)],
        &default(),
    )
    .unwrap_err();
    assert_eq!(e.errors.len(), 1, "{e}");
    assert!(e.errors[0].message.zh.contains("出现了两次"), "{e}");
    assert_eq!(e.errors[0].at.file, "出生人口(2).csv");
}

/// A sheet with its header rows and nothing under them would wipe its part
/// (every target, every school): an error at that sheet.
#[test]
fn a_sheet_with_headers_only_is_an_error() {
    for (name, text) in [
        ("目标.csv", "目标代码,目标表述,目标表述（英文）,指标代码,判定方式,阈值,区间上限,目标年份（年）,依据,依据（英文）\ntarget_id,label,label_en,indicator,rule,threshold,threshold_high,year,note,note_en\n"),
        ("学校名册.csv", "学校标识码,学校名称,片区编码,办学类型,举办者类型,普通教室（间）,核定学位（个）,专任教师（人）,来源\nschool_id,school_name,zone_id,school_type,provider,classrooms,seats,teachers,src\n"),
    ] {
        let e = import(&[csv(name, text)], &default()).unwrap_err();
        assert_eq!(e.errors.len(), 1, "{name}: {e}");
        assert!(e.errors[0].message.zh.contains("没有数据行"), "{name}: {e}");
        assert_eq!(e.errors[0].at.file, name);
        assert!(e.warnings.iter().all(|w| !w.message.zh.contains("-0")), "{e:?}");
    }
}
