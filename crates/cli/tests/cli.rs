//! The runner as a user calls it: exit status 0 with output, or 2 with a
//! message naming the problem, never a panic.

use std::io::Write;
use std::process::{Command, Output};

fn eduplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eduplan"))
        .args(args)
        .output()
        .expect("runner starts")
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("eduplan-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    path.to_string_lossy().into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn run_writes_the_projection_as_json() {
    let s = temp_file(
        "ok.json",
        r#"{"name": "B", "levers": {"kg.public_seats": 500, "hires.primary": {"2021": 80}}, "assumptions": {"births.variant": 0}}"#,
    );
    let o = eduplan(&["run", &s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["years"][0], 2020);
    assert_eq!(v["years"].as_array().unwrap().last().unwrap(), 2030);
    assert!(v["indicators"]["kg.ger"].as_array().unwrap().len() == 11);
    let t = &v["targets"][0];
    for k in ["id", "year", "value", "threshold", "met"] {
        assert!(t.get(k).is_some(), "target field {k}");
    }
}

#[test]
fn run_writes_csv_with_zones_and_to_a_file() {
    let s = temp_file("csv.json", r#"{}"#);
    let out = std::env::temp_dir().join(format!("eduplan-cli-out-{}.csv", std::process::id()));
    let o = eduplan(&[
        "run",
        &s,
        "--format",
        "csv",
        "--zones",
        "--horizon",
        "2035",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("indicator,unit,2020,"));
    assert!(csv.lines().next().unwrap().ends_with(",2035"));
    assert!(csv.contains("\nkg.public_share@town,share,"));
}

#[test]
fn bad_input_exits_2_naming_the_problem() {
    let cases = [
        (
            temp_file("unknown.json", r#"{"levers": {"kg.seats_magic": 1}}"#),
            "kg.seats_magic",
        ),
        (
            temp_file("range.json", r#"{"levers": {"kg.public_seats": 1e9}}"#),
            "outside its range",
        ),
        (temp_file("broken.json", r#"{"levers": "#), "not valid JSON"),
        (
            temp_file("section.json", r#"{"levers": {"births.variant": 2}}"#),
            "belongs under \"assumptions\"",
        ),
    ];
    for (file, needle) in cases {
        let o = eduplan(&["run", &file]);
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(stderr(&o).contains(needle), "{file}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    let o = eduplan(&["run", "/nonexistent.json"]);
    assert_eq!(o.status.code(), Some(2));
    let ds = temp_file("bad-dataset.json", r#"{"id": "x"}"#);
    let ok = temp_file("empty.json", "{}");
    let o = eduplan(&["run", &ok, "--dataset", &ds]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("dataset"), "{}", stderr(&o));
    let o = eduplan(&["run", &ok, "--horizon", "2099"]);
    assert_eq!(o.status.code(), Some(2));
    let o = eduplan(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_link_runs_like_the_scenario_it_encodes() {
    let s = temp_file(
        "for-link.json",
        r#"{"levers": {"kg.public_seats": 500, "hires.primary": {"2021": 80}}}"#,
    );
    let o = eduplan(&["link", &s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let query = String::from_utf8(o.stdout).unwrap().trim().to_string();
    assert!(query.starts_with("?v=1&"), "{query}");
    let from_file = eduplan(&["run", &s]).stdout;
    let from_link = eduplan(&[
        "run",
        "--link",
        &format!("https://example.org/app/{query}&from=singlemessage"),
    ]);
    assert!(from_link.status.success());
    assert!(from_link.stderr.is_empty(), "no notices: {}", stderr(&from_link));
    assert_eq!(from_file, from_link.stdout);
    // a mangled link still runs, with notices on stderr
    let o = eduplan(&["run", "--link", "?v=1&kg.public_seats=banana"]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("kg.public_seats"), "{}", stderr(&o));
}

#[test]
fn catalogues_list_ids_units_ranges_and_labels() {
    let o = eduplan(&["levers"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let l = v
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "senior.general_share")
        .unwrap();
    assert_eq!(l["kind"], "policy");
    assert_eq!(l["default"], 0.565, "dataset default");
    for k in ["unit", "min", "max", "label_zh", "label_en"] {
        assert!(l.get(k).is_some(), "{k}");
    }
    let o = eduplan(&["indicators"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == "compulsory.share_56plus" && i["unit"] == "share"));
    let o = eduplan(&["targets"]);
    assert!(o.status.success());
}

#[test]
fn budget_mode_runs_and_prints_its_purchases() {
    let s = temp_file(
        "budget.json",
        r#"{"name": "¥40M", "levers": {"budget.mode": 1, "budget.extra": 40000000, "budget.order": 23145}}"#,
    );
    let o = eduplan(&["run", &s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let bought = v["purchases"].as_array().expect("a budget run lists its purchases");
    assert_eq!(bought.len(), 10);
    assert!(bought.iter().any(|b| b["classrooms"].as_f64().unwrap() > 0.0));
    let o = eduplan(&["run", &s, "--purchases", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("year,available,recurring,new,spent,unspent,funds_step,classrooms,seats,hires,trainees\n"));
    assert_eq!(text.lines().count(), 11);
    assert!(text.lines().nth(1).unwrap().starts_with("2021,40000000,"));
    // the same purchases from the scenario's link
    let link = eduplan(&["link", &s]);
    let q = String::from_utf8(link.stdout).unwrap();
    let o = eduplan(&["run", "--link", q.trim(), "--purchases", "--format", "csv"]);
    assert_eq!(String::from_utf8(o.stdout).unwrap(), text);
    // a quantity scenario has none to print
    let q = temp_file("quantities.json", r#"{"levers": {"kg.public_seats": 500}}"#);
    let o = eduplan(&["run", &q, "--purchases"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("budget mode"), "{}", stderr(&o));
}

/// A value between a lever's steps runs as the nearest step, with a notice,
/// exactly as the app and a link take it (issue 14, kind 1).
#[test]
fn a_scenario_file_off_the_grid_runs_on_the_grid() {
    let half = temp_file("half.json", r#"{"levers":{"rooms.primary.town":0.5}}"#);
    let one = temp_file("one.json", r#"{"levers":{"rooms.primary.town":1}}"#);
    let a = eduplan(&["run", &half, "--format", "csv"]);
    let b = eduplan(&["run", &one, "--format", "csv"]);
    assert!(a.status.success() && b.status.success(), "{}", stderr(&a));
    assert_eq!(a.stdout, b.stdout, "half a room a year runs as one");
    assert!(
        stderr(&a).contains("rooms.primary.town") && stderr(&a).contains("1 was used"),
        "{}",
        stderr(&a)
    );
    let link = eduplan(&["run", "--link", "?v=1&rooms.primary.town=0.5", "--format", "csv"]);
    assert_eq!(link.stdout, b.stdout, "and so does a link");
}

/// The runner reads scenario files as the app does: a BOM is fine, GBK is a
/// clear error (issue 14, kind 7).
#[test]
fn scenario_files_are_read_as_the_app_reads_them() {
    let dir = std::env::temp_dir().join(format!("eduplan-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bom = dir.join("bom.json");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(r#"{"name":"方案乙","levers":{"kg.public_seats":800}}"#.as_bytes());
    std::fs::write(&bom, &bytes).unwrap();
    let o = eduplan(&["run", bom.to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let gbk = dir.join("gbk.json");
    let bytes: Vec<u8> = [
        &br#"{"name":""#[..],
        &[0xB7, 0xBD, 0xB0, 0xB8, 0xD2, 0xD2],
        &br#""}"#[..],
    ]
    .concat();
    std::fs::write(&gbk, bytes).unwrap();
    let o = eduplan(&["run", gbk.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not UTF-8"), "{}", stderr(&o));
}

/// The issue's example (issue 14, kind 4): with no general senior teachers
/// and none hired, pupils per teacher is undefined — null in JSON, an empty
/// CSV cell — and the 1:12.5 staffing target is neither met nor missed.
#[test]
fn a_ratio_over_no_teachers_is_undefined_not_zero() {
    let text = eduplan_model::dataset::DEFAULT_DATASET_JSON;
    let mut ds: serde_json::Value = serde_json::from_str(text).unwrap();
    for s in ds["schools"].as_array_mut().unwrap() {
        if s["kind"] == "senior_general" {
            s["teachers"] = 0.0.into();
        }
    }
    let dsf = temp_file("no-senior-teachers.json", &ds.to_string());
    let sc = temp_file("no-hires.json", r#"{"levers":{"hires.senior":0}}"#);
    let o = eduplan(&["run", &sc, "--dataset", &dsf]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ppt = v["indicators"]["senior.pupils_per_teacher"].as_array().unwrap();
    assert!(ppt.iter().all(|x| x.is_null()), "{ppt:?}");
    let t = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "senior_staffing")
        .unwrap();
    assert_eq!(t["status"], "undefined");
    assert!(t["met"].is_null() && t["value"].is_null(), "{t}");
    // the other levels still have teachers and a number
    assert!(v["indicators"]["junior.pupils_per_teacher"][0].as_f64().unwrap() > 0.0);
    let o = eduplan(&["run", &sc, "--dataset", &dsf, "--format", "csv"]);
    let csv = String::from_utf8(o.stdout).unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with("senior.pupils_per_teacher,"))
        .unwrap();
    assert_eq!(row, "senior.pupils_per_teacher,pupils_per_teacher,,,,,,,,,,,");
}

/// Issue 17: the draws run on several threads, each a fixed part of them;
/// the bands are the same bytes whatever the number of threads.
#[test]
fn monte_carlo_gives_the_same_bands_on_any_number_of_threads() {
    let one = eduplan(&["mc", "--draws", "40", "--seed", "5", "--threads", "1"]);
    assert!(one.status.success(), "{}", stderr(&one));
    for threads in ["2", "3", "8"] {
        let many = eduplan(&["mc", "--draws", "40", "--seed", "5", "--threads", threads]);
        assert!(many.status.success(), "{}", stderr(&many));
        assert_eq!(one.stdout, many.stdout, "{threads} threads");
    }
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(v["draws"], 40);
    let bad = eduplan(&["mc", "--threads", "0"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--threads"), "{}", stderr(&bad));
}

/// Issue 18: `eduplan schools` prints every school and kindergarten of a year
/// with the first year each early warning applies; a bad year exits 2.
#[test]
fn schools_prints_the_table_of_a_year() {
    let csv = eduplan(&["schools", "--year", "2025", "--format", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = String::from_utf8(csv.stdout).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("id,name,zone,kind,pupils,classes,largest_class"),
        "{header}"
    );
    assert!(header.ends_with("first_teachers_surplus,open,boarders"), "{header}");
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() > 200, "{}", rows.len());
    // teaching points: a handful of pupils per grade, under-used from the base year
    let tp = rows
        .iter()
        .find(|r| r.contains(",teaching_point,"))
        .expect("a teaching point");
    assert!(tp.split(',').nth(16) == Some("2020"), "{tp}");
    let json = eduplan(&["schools", "--link", "?v=1&kg.public_seats=800"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["year"], 2030);
    assert_eq!(v["schools"].as_array().unwrap().len(), rows.len());
    assert_eq!(v["settings"]["min_pupils_per_grade"], 10.0);
    let bad = eduplan(&["schools", "--year", "1999"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--year"), "{}", stderr(&bad));
}

/// Issue 18's example: merging the smallest teaching point of a zone into its
/// central primary from 2023 moves its pupils and teachers in 2023 and keeps
/// county enrollment identical to the run without the merge.
#[test]
fn a_merge_moves_pupils_and_teachers_and_keeps_the_county() {
    let s = temp_file(
        "merge.json",
        r#"{"name": "撤并", "merges": [{"school": "tp-jiangnan-1", "into": "pri-jiangnan-c", "from": 2023}]}"#,
    );
    let table = |args: &[&str]| -> serde_json::Value {
        let o = eduplan(args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let school = |v: &serde_json::Value, id: &str| {
        v["schools"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    let merged = table(&["schools", &s, "--year", "2023"]);
    let plain = table(&["schools", "--year", "2023"]);
    let f = |v: &serde_json::Value, k: &str| v[k].as_f64().unwrap();
    let (tp, tp0) = (school(&merged, "tp-jiangnan-1"), school(&plain, "tp-jiangnan-1"));
    let (c, c0) = (school(&merged, "pri-jiangnan-c"), school(&plain, "pri-jiangnan-c"));
    assert_eq!(f(&tp, "pupils"), 0.0);
    assert_eq!(f(&tp, "teachers"), 0.0);
    assert!(f(&tp0, "pupils") > 0.0 && f(&tp0, "teachers") > 0.0);
    assert!((f(&c, "pupils") - f(&c0, "pupils") - f(&tp0, "pupils")).abs() < 1e-6);
    assert!((f(&c, "teachers") - f(&c0, "teachers") - f(&tp0, "teachers")).abs() < 1e-6);
    // the year before, nothing moved
    let before = table(&["schools", &s, "--year", "2022"]);
    assert_eq!(
        school(&before, "tp-jiangnan-1")["pupils"],
        school(&table(&["schools", "--year", "2022"]), "tp-jiangnan-1")["pupils"]
    );
    // county enrollment identical to the run without the merge
    let run = |args: &[&str]| table(args)["indicators"].clone();
    let (with, without) = (run(&["run", &s]), run(&["run", "--link", "?v=1"]));
    for id in ["primary.enrollment", "junior.enrollment", "primary.teachers"] {
        assert_eq!(with[id], without[id], "{id}");
    }
    // the link carries it
    let link = eduplan(&["link", &s]);
    assert!(String::from_utf8_lossy(&link.stdout).contains("merge=tp-jiangnan-1:pri-jiangnan-c:2023"));
}

/// Issue 18: a scenario file opening a school, with boarding places and a
/// merge into it: the runner's table has the new school from its year, the
/// county's pupils are those of the run without it, and the link carries all three.
#[test]
fn a_new_school_with_boarding_runs_from_a_file() {
    let s = temp_file(
        "network.json",
        r#"{"name": "新建学校", "levers": {"exchange.primary": 20},
            "new_schools": [{"id": "pri-town-new", "name": "城区新建小学", "zone": "town", "kind": "primary", "classrooms": 36, "from": 2024}],
            "merges": [{"school": "pri-town-9", "into": "pri-town-new", "from": 2026}],
            "boarding": [{"school": "pri-jiangnan-c", "places": 200, "from": 2025}]}"#,
    );
    let json = |args: &[&str]| -> serde_json::Value {
        let o = eduplan(args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let school =
        |v: &serde_json::Value, id: &str| v["schools"].as_array().unwrap().iter().find(|s| s["id"] == id).cloned();
    let y2023 = json(&["schools", &s, "--year", "2023"]);
    let new = school(&y2023, "pri-town-new").expect("the new school is listed");
    assert_eq!(new["pupils"].as_f64(), Some(0.0));
    let y2026 = json(&["schools", &s, "--year", "2026"]);
    let new = school(&y2026, "pri-town-new").unwrap();
    assert!(new["pupils"].as_f64().unwrap() > 500.0, "{new}");
    assert_eq!(new["rooms"].as_f64(), Some(36.0));
    assert_eq!(school(&y2026, "pri-town-9").unwrap()["pupils"].as_f64(), Some(0.0));
    let run = |args: &[&str]| json(args)["indicators"].clone();
    let (with, without) = (run(&["run", &s]), run(&["run", "--link", "?v=1"]));
    // the same up to the order of additions (exchange moves teachers between zones)
    for id in [
        "primary.enrollment",
        "junior.enrollment",
        "primary.teachers",
        "junior.teachers",
    ] {
        let (a, b) = (with[id].as_array().unwrap(), without[id].as_array().unwrap());
        for (x, y) in a.iter().zip(b) {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-9 * y.abs(), "{id}: {x} vs {y}");
        }
    }
    assert_ne!(with["boarders"], without["boarders"]);
    let link = eduplan(&["link", &s]);
    let link = String::from_utf8_lossy(&link.stdout).to_string();
    assert!(link.contains("new=pri-town-new:town:primary:36:2024:"), "{link}");
    assert!(link.contains("board=pri-jiangnan-c:200:2025"), "{link}");
    assert!(link.contains("merge=pri-town-9:pri-town-new:2026"), "{link}");
    // a bad file is refused with exit 2 and names the problem
    let bad = temp_file(
        "bad-network.json",
        r#"{"new_schools": [{"id": "pri-town-1", "name": "x", "zone": "town", "kind": "primary", "classrooms": 3, "from": 2024}]}"#,
    );
    let o = eduplan(&["run", &bad]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
}

/// Issue 19: `eduplan brief --link …` prints the briefing points; a link not
/// read whole exits 2 and says why; --compare adds how the scenarios differ.
#[test]
fn brief_prints_the_points_of_a_link() {
    let o = eduplan(&[
        "brief",
        "--link",
        "?v=1&senior.progression=0.95&students.dropout_reduction=1",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "汇报要点");
    assert_eq!(
        lines[1],
        "一、本方案与基准方案相比调整2项：初中毕业生升学率95.0%；控辍保学辍学率降幅100%。"
    );
    assert_eq!(lines.len(), 9, "{text}");
    let en = eduplan(&["brief", "--lang", "en"]);
    assert_eq!(
        String::from_utf8(en.stdout).unwrap(),
        "Briefing points\n1. This scenario is the baseline: no setting is changed; targets met in their years: 13 of 22.\n"
    );
    for bad in ["?v=1&kg.public_seats=abc", "nonsense", "?v=1&merge=a:b:2023"] {
        let o = eduplan(&["brief", "--link", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(!stderr(&o).is_empty());
    }
    let cmp = eduplan(&[
        "brief",
        "--link",
        "?v=1&senior.progression=0.95",
        "--compare",
        "?v=1&senior.progression=0.95&kg.public_seats=120&n=方案乙",
    ]);
    assert!(cmp.status.success(), "{}", stderr(&cmp));
    let text = String::from_utf8(cmp.stdout).unwrap();
    assert!(
        text.contains("\n方案比较\n一、方案乙与方案1相比：新增公办幼儿园学位累计多1200个"),
        "{text}"
    );
    let many = eduplan(&[
        "brief",
        "--compare",
        "?v=1",
        "--compare",
        "?v=1",
        "--compare",
        "?v=1",
        "--compare",
        "?v=1",
    ]);
    assert_eq!(many.status.code(), Some(2));
}
