//! `eduplan`: EduPlan's native command-line runner.
//!
//! ```text
//! eduplan run SCENARIO.json [--dataset FILE] [--format json|csv] [--zones] [--horizon YEAR] [--out FILE]
//! eduplan levers   [--dataset FILE]     lever catalogue as JSON (defaults from the dataset)
//! eduplan indicators                    indicator catalogue as JSON
//! eduplan targets  [--dataset FILE]     the dataset's plan targets as JSON
//! eduplan run --link URL [...]          a share link instead of a scenario file
//! eduplan link SCENARIO.json            the scenario's share-link query
//! eduplan template [--dataset F] [-o F.xlsx]        the data template, filled from a dataset
//! eduplan import FILE... [--base F] [-o F.json]     bureau files → a dataset (exit 2 on errors)
//! ```
//! Bad input exits with status 2 and a message naming the problem.

use std::process::ExitCode;

mod args;

use args::{Command, Format, Input};
use eduplan_model::catalogue::{indicators, levers};
use eduplan_model::codec;
use eduplan_model::format;
use eduplan_model::scenario::default_value;
use eduplan_model::{project_to, Dataset, Scenario};
use eduplan_model::{seek, uncertainty};

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(out) => {
            use std::io::Write;
            // a closed pipe (`eduplan ... | head`) is not an error of ours
            let _ = std::io::stdout().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("eduplan: {e}");
            ExitCode::from(2)
        }
    }
}

/// A dataset from a JSON file, a template workbook or template CSV sheets
/// (imported onto the bundled dataset), or the bundled one.
fn dataset(path: Option<&str>) -> Result<Dataset, String> {
    let bundled = Dataset::default_dataset().map_err(|e| format!("bundled dataset: {e}"))?;
    match path {
        Some(p) => import_files(&[p.to_string()], &bundled, false),
        None => Ok(bundled),
    }
}

/// Imports files onto a base dataset: warnings on stderr (with `report_all`,
/// also each part's file and sheet and the notes on skipped rows and ignored
/// sheets), errors as the returned message (each with file, sheet, row, column).
fn import_files(paths: &[String], base: &Dataset, report_all: bool) -> Result<Dataset, String> {
    let mut files = Vec::new();
    for p in paths {
        let bytes = std::fs::read(p).map_err(|e| format!("cannot read '{p}': {e}"))?;
        files.push(eduplan_import::InputFile { name: p.clone(), bytes });
    }
    match eduplan_import::import(&files, base) {
        Ok((ds, report)) => {
            for p in report.parts.iter().filter(|_| report_all) {
                let sheet = if p.sheet.is_empty() {
                    String::new()
                } else {
                    format!(" / {}", p.sheet)
                };
                eprintln!("eduplan: {:?} ← {}{sheet} ({} rows)", p.part, p.file, p.rows);
            }
            for w in report.warnings.iter().chain(report.notes.iter().filter(|_| report_all)) {
                eprintln!("eduplan: {}\n         {}", w.line(true), w.line(false));
            }
            Ok(ds)
        }
        Err(e) => {
            for w in &e.warnings {
                eprintln!("eduplan: {}\n         {}", w.line(true), w.line(false));
            }
            let lines: Vec<String> = e
                .errors
                .iter()
                .map(|p| format!("{}\n  {}", p.line(true), p.line(false)))
                .collect();
            let n = e.errors.len();
            Err(format!(
                "导入失败，共{n}条错误 / import failed with {n} error(s):\n{}",
                lines.join("\n")
            ))
        }
    }
}

/// A scenario from a file, a link, or the baseline when neither is given.
fn scenario_of(input: Option<Input>, ds: &Dataset) -> Result<Scenario, String> {
    match input {
        None => Ok(Scenario::default()),
        Some(Input::File(path)) => scenario_file(&path, ds),
        Some(Input::Link(url)) => {
            let (link, notices) = codec::decode(&url, ds);
            for n in notices {
                eprintln!("eduplan: link: {n}");
            }
            Ok(link.scenario)
        }
    }
}

/// A scenario for the briefing: a file, or a link read whole (a link with
/// anything left out or changed is refused: the points would describe
/// another scenario than the sender's).
fn scenario_strict(input: Option<Input>, ds: &Dataset) -> Result<Scenario, String> {
    match input {
        Some(Input::Link(url)) => {
            let (link, notices) = codec::decode(&url, ds);
            if !link.is_link {
                return Err(format!("not an EduPlan link (no v=): '{url}'"));
            }
            if !notices.is_empty() {
                let lines: Vec<String> = notices.iter().map(|n| format!("  {n}")).collect();
                return Err(format!("the link is not read whole:\n{}", lines.join("\n")));
            }
            Ok(link.scenario)
        }
        other => scenario_of(other, ds),
    }
}

/// The briefing points of a scenario (and how the compared ones differ), as text.
fn brief(ds: &Dataset, input: Option<Input>, english: bool, compare: Vec<Input>) -> Result<String, String> {
    use eduplan_model::briefing;
    let loc = if english {
        format::Locale::En
    } else {
        format::Locale::Zh
    };
    let sc = scenario_strict(input, ds)?;
    let current = eduplan_model::project(ds, &sc);
    let baseline = eduplan_model::project(ds, &Scenario::default());
    let sought = briefing::seek_widest(ds, &sc, &current);
    let points = briefing::points(
        &briefing::Inputs {
            ds,
            sc: &sc,
            current: &current,
            baseline: &baseline,
            bands: None,
            sought: sought.as_ref(),
        },
        loc,
    );
    let mut out = briefing::as_text(&points, loc);
    if compare.is_empty() {
        return Ok(out);
    }
    let mut all = vec![sc];
    for c in compare {
        all.push(scenario_strict(Some(c), ds)?);
    }
    let projections: Vec<_> = all.iter().map(|s| eduplan_model::project(ds, s)).collect();
    let names: Vec<String> = all
        .iter()
        .enumerate()
        .map(|(i, s)| briefing::scenario_name(&s.name, i, loc))
        .collect();
    let items: Vec<briefing::Compared> = all
        .iter()
        .zip(&projections)
        .zip(&names)
        .map(|((s, p), n)| briefing::Compared {
            name: n,
            scenario: s,
            projection: p,
        })
        .collect();
    out.push('\n');
    out.push_str(&briefing::as_text_titled(
        briefing::compare_title(loc),
        &briefing::compare(ds, &items, loc),
        loc,
    ));
    Ok(out)
}

fn scenario_file(path: &str, ds: &Dataset) -> Result<Scenario, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read scenario '{path}': {e}"))?;
    let sc = Scenario::from_file_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?;
    sc.validate(ds).map_err(|e| format!("{path}: {e}"))?;
    // the same rule as the app and links: values snapped to each lever's grid
    let (fitted, notices) = eduplan_model::codec::adapt(&sc, ds);
    for n in notices {
        eprintln!("eduplan: {path}: {n}");
    }
    Ok(Scenario {
        name: sc.name.clone(),
        ..fitted
    })
}

/// Adds which county the projection is of: dataset id, name and zones.
fn with_dataset(mut v: serde_json::Value, ds: &Dataset) -> serde_json::Value {
    if let Some(o) = v.as_object_mut() {
        let zones: Vec<serde_json::Value> = ds
            .zones
            .iter()
            .map(|z| serde_json::json!({"id": z.id, "name": z.name}))
            .collect();
        o.insert(
            "dataset".into(),
            serde_json::json!({"id": ds.id, "name": ds.name, "base_year": ds.base_year, "zones": zones}),
        );
    }
    v
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

/// Runs one command and returns what it prints.
fn run(argv: &[String]) -> Result<String, String> {
    let cmd = args::parse(argv)?;
    match cmd {
        Command::Help => Ok(args::USAGE.to_string()),
        Command::Levers { dataset: d } => {
            let ds = dataset(d.as_deref())?;
            let list: Vec<serde_json::Value> = levers()
                .iter()
                .map(|l| {
                    let mut v = serde_json::to_value(l).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("default".into(), default_value(l, &ds).into());
                    }
                    v
                })
                .collect();
            to_json(&list)
        }
        Command::Indicators => to_json(&indicators()),
        Command::Template { dataset: d, out } => {
            let ds = dataset(d.as_deref())?;
            let bytes =
                eduplan_import::template::write_xlsx(&ds).map_err(|e| format!("cannot write the template: {e}"))?;
            let path = out.unwrap_or_else(|| "template.xlsx".to_string());
            std::fs::write(&path, bytes).map_err(|e| format!("cannot write '{path}': {e}"))?;
            eprintln!("eduplan: wrote {path}");
            Ok(String::new())
        }
        Command::Import { files, base, out } => {
            if let Some(o) = &out {
                let same = |f: &String| {
                    std::fs::canonicalize(f)
                        .ok()
                        .is_some_and(|a| std::fs::canonicalize(o).ok() == Some(a))
                };
                if files.iter().any(same) {
                    return Err(format!("-o {o} would overwrite an input file"));
                }
            }
            let base = dataset(base.as_deref())?;
            let ds = import_files(&files, &base, true)?;
            let text = to_json(&ds)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| format!("cannot write '{path}': {e}"))?;
                    Ok(String::new())
                }
                None => Ok(text),
            }
        }
        Command::Targets { dataset: d } => to_json(&dataset(d.as_deref())?.targets),
        Command::Seek {
            input,
            dataset: d,
            target,
            lever,
        } => {
            let ds = dataset(d.as_deref())?;
            let sc = scenario_of(input, &ds)?;
            let r = seek::seek(&ds, &sc, &target, &lever).map_err(|e| e.to_string())?;
            to_json(&r)
        }
        Command::Brief {
            input,
            dataset: d,
            english,
            compare,
        } => {
            let ds = dataset(d.as_deref())?;
            brief(&ds, input, english, compare)
        }
        Command::Schools {
            input,
            dataset: d,
            year,
            format,
        } => {
            let ds = dataset(d.as_deref())?;
            let sc = scenario_of(input, &ds)?;
            let year = year.unwrap_or(ds.horizon);
            if year < ds.base_year || year > ds.horizon {
                return Err(format!("--year must be {}..={}", ds.base_year, ds.horizon));
            }
            let (table, _) = eduplan_model::schools::table(&ds, &sc, Default::default());
            match format {
                Format::Json => to_json(&eduplan_model::schools::json(&table, year)),
                Format::Csv => Ok(eduplan_model::schools::csv(&table, year)),
            }
        }
        Command::Mc {
            input,
            dataset: d,
            draws,
            seed,
            threads,
        } => {
            let ds = dataset(d.as_deref())?;
            let sc = scenario_of(input, &ds)?;
            let settings = uncertainty::McSettings {
                draws: draws.unwrap_or(uncertainty::DEFAULT_DRAWS),
                seed: seed.or(sc.seed).unwrap_or(uncertainty::DEFAULT_SEED),
                spread: 1.0,
            };
            if settings.draws == 0 || settings.draws > uncertainty::MAX_DRAWS {
                return Err(format!("--draws must be 1..={}", uncertainty::MAX_DRAWS));
            }
            to_json(&monte_carlo(&ds, &sc, &settings, threads)?)
        }
        Command::Link { scenario, dataset: d } => {
            let ds = dataset(d.as_deref())?;
            let sc = scenario_file(&scenario, &ds)?;
            Ok(format!("?{}\n", codec::encode(&sc, &ds, None, None)))
        }
        Command::Run {
            input,
            dataset: d,
            format,
            zones,
            horizon,
            out,
            purchases,
        } => {
            let ds = dataset(d.as_deref())?;
            let sc = match input {
                Input::File(path) => scenario_file(&path, &ds)?,
                Input::Link(url) => {
                    // the same meaning as in the app: what cannot be used is reported, not fatal
                    let (link, notices) = codec::decode(&url, &ds);
                    for n in notices {
                        eprintln!("eduplan: link: {n}");
                    }
                    link.scenario
                }
            };
            let horizon = horizon.unwrap_or(ds.horizon);
            if horizon <= ds.base_year || horizon > ds.max_horizon {
                return Err(format!(
                    "--horizon {horizon} is outside {}..={}",
                    ds.base_year + 1,
                    ds.max_horizon
                ));
            }
            let p = project_to(&ds, &sc, horizon);
            if purchases && p.derived.is_none() {
                return Err("--purchases: the scenario is not in budget mode (set budget.mode to 1)".into());
            }
            let text = match (format, purchases) {
                (Format::Json, false) => to_json(&with_dataset(p.to_json(zones), &ds))?,
                (Format::Csv, false) => p.to_csv(zones),
                (Format::Json, true) => to_json(&p.purchases)?,
                (Format::Csv, true) => eduplan_model::budget::purchases_csv(&p.purchases),
            };
            match out {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| format!("cannot write '{path}': {e}"))?;
                    Ok(String::new())
                }
                None => Ok(text),
            }
        }
    }
}

/// The draws in parts on `threads` threads (default: every core), merged:
/// the same bits as one thread (uncertainty::merge).
fn monte_carlo(
    ds: &Dataset,
    sc: &Scenario,
    settings: &uncertainty::McSettings,
    threads: Option<usize>,
) -> Result<uncertainty::Bands, String> {
    use rayon::prelude::*;
    let threads = threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    let of = threads.min(settings.draws as usize).max(1) as u32;
    let parts: Vec<_> = pool.install(|| {
        (0..of)
            .into_par_iter()
            .filter_map(|i| uncertainty::Part::new(i, of))
            .map(|part| uncertainty::run_part(ds, sc, settings, part))
            .collect()
    });
    Ok(uncertainty::merge(ds, settings, &parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn catalogue_commands_print_json() {
        let out = run(&argv(&["levers"])).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(v.as_array().unwrap().iter().any(|l| l["id"] == "kg.public_seats"));
        let out = run(&argv(&["indicators"])).unwrap();
        assert!(out.contains("\"kg.ger\""));
    }

    #[test]
    fn missing_file_is_an_error_not_a_panic() {
        let e = run(&argv(&["run", "/nonexistent/scenario.json"])).unwrap_err();
        assert!(e.contains("cannot read scenario"), "{e}");
    }
}
