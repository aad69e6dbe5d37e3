//! The runner's data commands: `template`, `import`, and `--dataset` taking a
//! workbook or CSV sheets directly.

use std::path::PathBuf;
use std::process::{Command, Output};

fn eduplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eduplan"))
        .args(args)
        .output()
        .expect("runner starts")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eduplan-import-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SCENARIO_LINK: &str = "?v=1&kg.public_seats=800&hires.primary=2021:120,2022:100&senior.general_share=0.5";

#[test]
fn the_default_template_round_trips_to_a_bit_identical_projection() {
    let dir = temp_dir("roundtrip");
    let xlsx = dir.join("template.xlsx").to_string_lossy().into_owned();
    let o = eduplan(&["template", "-o", &xlsx]);
    assert!(o.status.success(), "{}", err(&o));
    // the projection (every number, as CSV with zones) from the workbook equals the bundled dataset's
    let direct = eduplan(&["run", "--link", SCENARIO_LINK, "--format", "csv", "--zones"]);
    let via_xlsx = eduplan(&[
        "run",
        "--link",
        SCENARIO_LINK,
        "--format",
        "csv",
        "--zones",
        "--dataset",
        &xlsx,
    ]);
    assert!(via_xlsx.status.success(), "{}", err(&via_xlsx));
    assert_eq!(out(&direct), out(&via_xlsx));
    assert!(
        err(&via_xlsx).is_empty(),
        "no warnings for the worked example: {}",
        err(&via_xlsx)
    );
    // and through `import` to JSON
    let json = dir.join("ds.json").to_string_lossy().into_owned();
    let o = eduplan(&["import", &xlsx, "-o", &json]);
    assert!(o.status.success(), "{}", err(&o));
    let via_json = eduplan(&[
        "run",
        "--link",
        SCENARIO_LINK,
        "--format",
        "csv",
        "--zones",
        "--dataset",
        &json,
    ]);
    assert_eq!(out(&direct), out(&via_json));
}

#[test]
fn a_second_county_imports_from_its_filled_template_and_runs() {
    let dir = temp_dir("county-b");
    let files: Vec<String> = std::fs::read_dir(fixture("fixtures/county-b"))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 7);
    let json = dir.join("hetang.json").to_string_lossy().into_owned();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["-o", &json]);
    let o = eduplan(&args);
    assert!(o.status.success(), "{}", err(&o));
    let o = eduplan(&["run", "--link", "?v=1", "--dataset", &json]);
    assert!(o.status.success(), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["dataset"]["name"]["zh"], "荷塘县");
    assert_eq!(v["dataset"]["base_year"], 2022);
    let zones: Vec<&str> = v["dataset"]["zones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| z["name"]["zh"].as_str().unwrap())
        .collect();
    assert_eq!(zones, ["城关镇", "北山乡", "南湖镇"]);
    assert_eq!(v["years"][0], 2022);
    assert_eq!(v["indicators"]["pop.births"][0], 1700.0);
    let targets = v["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 3);
    for t in targets {
        assert_eq!(t["year"], 2025);
        assert!(t["met"].is_boolean(), "every target is evaluated: {t}");
    }
    let senior = targets.iter().find(|t| t["id"] == "senior_ger").unwrap();
    assert_eq!(senior["threshold"], 0.9, "90% read as 0.9");
    // zonal output names the county's own zones
    let o = eduplan(&[
        "run",
        "--link",
        "?v=1",
        "--dataset",
        &json,
        "--format",
        "csv",
        "--zones",
    ]);
    assert!(out(&o).contains("@beishan"), "{}", out(&o));
    // and the dataset records where each figure came from
    let ds: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let school_src = ds["schools"].as_array().unwrap()[0]["src"]
        .as_str()
        .unwrap()
        .to_string();
    let src = ds["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == school_src.as_str())
        .unwrap();
    assert_eq!(src["kind"], "bureau");
    assert!(src["title"]["zh"].as_str().unwrap().contains("学校名册"));
    assert_eq!(ds["origins"]["schools.chengguan-gongban"]["sheet"], "学校名册");
    assert_eq!(ds["origins"]["schools.chengguan-gongban"]["cells"], "A2:I2");
}

#[test]
fn import_errors_exit_2_with_file_sheet_row_and_column() {
    let dir = temp_dir("errors");
    let csv = dir.join("出生人口.csv");
    std::fs::write(&csv, "年份,出生人数（人）\n2019,4300\n2020,abc\n2021,-5\n").unwrap();
    let path = csv.to_string_lossy().into_owned();
    let o = eduplan(&["import", &path, "-o", &dir.join("x.json").to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("导入失败，共2条错误 / import failed with 2 error(s)"), "{e}");
    assert!(e.contains("工作表“出生人口”，单元格B3"), "{e}");
    assert!(e.contains("sheet 出生人口, cell B4"), "{e}");
    assert!(e.contains("读到“abc”"), "{e}");
    assert!(!dir.join("x.json").exists(), "nothing written on errors");
    // the same file through --dataset
    let o = eduplan(&["run", "--link", "?v=1", "--dataset", &path]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_partial_csv_updates_only_its_part_and_says_so() {
    let dir = temp_dir("partial");
    let csv = dir.join("births.csv");
    // GBK, Chinese headers, a title row, thousands separators and a totals row
    let text = "历年出生人口\n年份,出生人数（人）\n2019,\"4,300\"\n2020,3650人\n合计,7950\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(&csv, &gbk[..]).unwrap();
    let json = dir.join("ds.json").to_string_lossy().into_owned();
    let o = eduplan(&["import", &csv.to_string_lossy(), "-o", &json]);
    assert!(o.status.success(), "{}", err(&o));
    let ds: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let births = ds["demography"]["births"].as_array().unwrap();
    assert_eq!(births.len(), 2, "the sheet replaces the births series");
    assert_eq!(births[1]["value"], 3650.0);
    assert_eq!(ds["name"]["zh"], "临湘市", "the rest is the bundled dataset");
    assert_eq!(ds["schools"].as_array().unwrap().len(), 216);
}

#[test]
fn template_from_another_dataset_and_bad_arguments() {
    let o = eduplan(&["import"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("import needs at least one file"));
    let o = eduplan(&["template", "extra"]);
    assert_eq!(o.status.code(), Some(2));
    let o = eduplan(&["import", "/nonexistent.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("cannot read '/nonexistent.xlsx'"));
}
