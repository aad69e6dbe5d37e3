//! Prints how long importing a 300-school template workbook takes natively
//! (figures only; `scripts/test.sh` runs it).
//!
//! `cargo run --release -p eduplan-import --example bench_import [-- --write F.xlsx]`
//!
//! With `--write F.xlsx` the workbook is also written to `F.xlsx` (the
//! browser measurement, `tests/e2e/measure-import.mjs`, imports that file).

use std::time::Instant;

use eduplan_import::{import, template, InputFile};
use eduplan_model::Dataset;

fn main() {
    let Ok(mut ds) = Dataset::default_dataset() else {
        eprintln!("bundled dataset does not load");
        std::process::exit(1);
    };
    // 300 schools: the bundled 216 and copies of its primaries and kindergartens
    let mut i = 0;
    while ds.schools.len() < 300 {
        let mut s = ds.schools[i % 216].clone();
        s.id = format!("{}-copy{}", s.id, i);
        s.name = format!("{}（复制{}）", s.name, i);
        ds.schools.push(s);
        i += 1;
    }
    let bytes = match template::write_xlsx(&ds) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot write the workbook: {e}");
            std::process::exit(1);
        }
    };
    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1)) {
        if let Err(e) = std::fs::write(path, &bytes) {
            eprintln!("cannot write {path}: {e}");
            std::process::exit(1);
        }
    }
    let files = [InputFile {
        name: "300所学校.xlsx".into(),
        bytes,
    }];
    let base = match Dataset::default_dataset() {
        Ok(d) => d,
        Err(_) => std::process::exit(1),
    };
    let mut times = Vec::new();
    for _ in 0..11 {
        let t = Instant::now();
        let r = import(&files, &base);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if let Err(e) = r {
            eprintln!("import failed: {e}");
            std::process::exit(1);
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "import of a 300-school template workbook ({} KB, {} sheets), natively: median {:.1} ms, max {:.1} ms (11 runs)",
        files[0].bytes.len() / 1024,
        eduplan_import::spec::SHEETS.len() + 1,
        times[5],
        times[10]
    );
}
