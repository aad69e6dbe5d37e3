//! Command-line parsing (small enough that a hand-written parser is clearer
//! than a dependency).

pub const USAGE: &str = "\
eduplan — EduPlan's native runner

USAGE:
  eduplan run SCENARIO.json [--dataset FILE] [--format json|csv] [--zones] [--horizon YEAR] [--out FILE]
  eduplan run --link URL    [same options]      a share link instead of a scenario file
  eduplan run ... --purchases                   budget mode: what each year's money bought, not the projection
  eduplan link SCENARIO.json [--dataset FILE]   prints the scenario's share-link query
  eduplan seek --target ID --lever ID [SCENARIO.json | --link URL]   least lever value meeting the target
  eduplan mc [SCENARIO.json | --link URL] [--draws N] [--seed S] [--threads T]
                                                                     Monte Carlo bands and P(met)
  eduplan brief [SCENARIO.json | --link URL] [--lang zh|en] [--compare S2 ...]
                                                the briefing points (汇报要点) as text; --compare (a file
                                                or a link, repeatable, up to 3) adds how each differs;
                                                exit 2 when a link is not read whole
  eduplan schools [SCENARIO.json | --link URL] [--year Y] [--format json|csv]
                                                every school and kindergarten in year Y (default: the
                                                horizon) with the first year each early warning applies,
                                                whether it is open and its boarders
  eduplan template [--dataset FILE] [-o FILE.xlsx]   the data template workbook, filled from the dataset
  eduplan import FILE... [--base FILE] -o dataset.json  bureau files (XLSX, XLS, CSV, JSON) → a dataset
  eduplan levers [--dataset FILE]
  eduplan indicators
  eduplan targets [--dataset FILE]

--dataset FILE accepts a dataset JSON, a template workbook (XLSX/XLS) or a template sheet as CSV.
A scenario file: {\"name\": \"...\", \"levers\": {\"<id>\": number | {\"<year>\": number}}, \"assumptions\": {...},
  \"merges\": [{\"school\": \"<id>\", \"into\": \"<id>\", \"from\": year, \"share\": 0..1}],
  \"new_schools\": [{\"id\": \"<new id>\", \"name\": \"...\", \"zone\": \"<zone id>\", \"kind\": \"primary|nine_year|junior|senior_general|vocational\",
                   \"classrooms\": 1..120, \"from\": year}],
  \"boarding\": [{\"school\": \"<id>\", \"places\": 1..5000, \"from\": year, \"cost\": yuan per boarder a year (default 200)}]}
Exit status: 0 on success, 2 on bad input (the message names the problem).
";

#[derive(Debug, PartialEq)]
pub enum Format {
    Json,
    Csv,
}

/// Where a run's scenario comes from.
#[derive(Debug, PartialEq)]
pub enum Input {
    File(String),
    Link(String),
}

#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Levers {
        dataset: Option<String>,
    },
    Indicators,
    Targets {
        dataset: Option<String>,
    },
    Run {
        input: Input,
        dataset: Option<String>,
        format: Format,
        zones: bool,
        horizon: Option<i32>,
        out: Option<String>,
        purchases: bool,
    },
    Link {
        scenario: String,
        dataset: Option<String>,
    },
    /// The briefing points (issue 19).
    Brief {
        input: Option<Input>,
        dataset: Option<String>,
        /// English when true (Chinese by default).
        english: bool,
        /// Scenarios to compare with (files or links), in order.
        compare: Vec<Input>,
    },
    /// The schools table of one year (issue 18).
    Schools {
        input: Option<Input>,
        dataset: Option<String>,
        year: Option<i32>,
        format: Format,
    },
    Seek {
        input: Option<Input>,
        dataset: Option<String>,
        target: String,
        lever: String,
    },
    Template {
        dataset: Option<String>,
        out: Option<String>,
    },
    Import {
        files: Vec<String>,
        base: Option<String>,
        out: Option<String>,
    },
    Mc {
        input: Option<Input>,
        dataset: Option<String>,
        draws: Option<u32>,
        seed: Option<u64>,
        /// Threads for the draws (default: every core); the bands are the
        /// same bits whatever the number.
        threads: Option<usize>,
    },
}

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let Some((cmd, rest)) = argv.split_first() else {
        return Ok(Command::Help);
    };
    let mut dataset = None;
    let mut base = None;
    let mut format = Format::Json;
    let mut zones = false;
    let mut purchases = false;
    let mut horizon = None;
    let mut out = None;
    let mut link = None;
    let mut target = None;
    let mut lever = None;
    let mut draws = None;
    let mut seed = None;
    let mut threads = None;
    let mut year = None;
    let mut english = false;
    let mut compare = Vec::new();
    let mut positional = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--dataset" => dataset = Some(value("--dataset")?),
            "--format" => {
                format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => return Err(format!("--format must be json or csv, not '{other}'")),
                }
            }
            "--zones" => zones = true,
            "--purchases" => purchases = true,
            "--horizon" => {
                let v = value("--horizon")?;
                horizon = Some(v.parse().map_err(|_| format!("--horizon needs a year, not '{v}'"))?);
            }
            "--out" | "-o" => out = Some(value("--out")?),
            "--base" => base = Some(value("--base")?),
            "--link" => link = Some(value("--link")?),
            "--target" => target = Some(value("--target")?),
            "--lever" => lever = Some(value("--lever")?),
            "--draws" => {
                let v = value("--draws")?;
                draws = Some(
                    v.parse()
                        .map_err(|_| format!("--draws needs a whole number, not '{v}'"))?,
                );
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = Some(
                    v.parse()
                        .map_err(|_| format!("--seed needs a whole number, not '{v}'"))?,
                );
            }
            "--year" => {
                let v = value("--year")?;
                year = Some(v.parse().map_err(|_| format!("--year needs a year, not '{v}'"))?);
            }
            "--threads" => {
                let v = value("--threads")?;
                threads = Some(
                    v.parse::<usize>()
                        .ok()
                        .filter(|n| (1..=256).contains(n))
                        .ok_or_else(|| format!("--threads needs a whole number from 1 to 256, not '{v}'"))?,
                );
            }
            "--lang" => {
                english = match value("--lang")?.as_str() {
                    "zh" => false,
                    "en" => true,
                    other => return Err(format!("--lang must be zh or en, not '{other}'")),
                }
            }
            "--compare" => {
                let v = value("--compare")?;
                // a link is a query or a URL; anything else is a scenario file
                let is_link = v.starts_with('?') || v.starts_with("http") || v.starts_with("v=") || v.contains("&v=");
                compare.push(if is_link { Input::Link(v) } else { Input::File(v) });
            }
            "-h" | "--help" => return Ok(Command::Help),
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'\n\n{USAGE}")),
            s => positional.push(s.to_string()),
        }
    }
    let no_positional = |c: Command| {
        if positional.is_empty() {
            Ok(c)
        } else {
            Err(format!("unexpected argument '{}'", positional[0]))
        }
    };
    // seek and mc take a scenario file, a link, or neither (the baseline)
    let optional_input = |positional: &[String], link: Option<String>| -> Result<Option<Input>, String> {
        match (positional, link) {
            ([s], None) => Ok(Some(Input::File(s.clone()))),
            ([], Some(l)) => Ok(Some(Input::Link(l))),
            ([], None) => Ok(None),
            ([_], Some(_)) => Err("give a scenario file or --link, not both".into()),
            ([_, extra, ..], _) => Err(format!("unexpected argument '{extra}'")),
        }
    };
    match cmd.as_str() {
        "brief" => {
            let input = optional_input(&positional, link)?;
            if compare.len() > 3 {
                return Err("--compare takes at most 3 scenarios (4 in all, as the app compares)".into());
            }
            Ok(Command::Brief {
                input,
                dataset,
                english,
                compare,
            })
        }
        "schools" => {
            let input = optional_input(&positional, link)?;
            Ok(Command::Schools {
                input,
                dataset,
                year,
                format,
            })
        }
        "seek" => {
            let input = optional_input(&positional, link)?;
            let target = target.ok_or("seek needs --target ID")?;
            let lever = lever.ok_or("seek needs --lever ID")?;
            Ok(Command::Seek {
                input,
                dataset,
                target,
                lever,
            })
        }
        "mc" => {
            let input = optional_input(&positional, link)?;
            Ok(Command::Mc {
                input,
                dataset,
                draws,
                seed,
                threads,
            })
        }
        "run" => {
            let input = match (positional.as_slice(), link) {
                ([s], None) => Input::File(s.clone()),
                ([], Some(l)) => Input::Link(l),
                ([], None) => return Err("run needs a scenario file or --link URL".into()),
                ([_], Some(_)) => return Err("give a scenario file or --link, not both".into()),
                ([_, extra, ..], _) => return Err(format!("unexpected argument '{extra}'")),
            };
            Ok(Command::Run {
                input,
                dataset,
                format,
                zones,
                horizon,
                out,
                purchases,
            })
        }
        "link" => match positional.as_slice() {
            [s] => Ok(Command::Link {
                scenario: s.clone(),
                dataset,
            }),
            [] => Err("link needs a scenario file".into()),
            [_, extra, ..] => Err(format!("unexpected argument '{extra}'")),
        },
        "template" => no_positional(Command::Template { dataset, out }),
        "import" => {
            if positional.is_empty() {
                return Err("import needs at least one file".into());
            }
            Ok(Command::Import {
                files: positional,
                base: base.or(dataset),
                out,
            })
        }
        "levers" => no_positional(Command::Levers { dataset }),
        "indicators" => no_positional(Command::Indicators),
        "targets" => no_positional(Command::Targets { dataset }),
        "help" | "-h" | "--help" => Ok(Command::Help),
        other => Err(format!("unknown command '{other}'\n\n{USAGE}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn parses_run_with_options() {
        let c = parse(&v(&[
            "run",
            "s.json",
            "--format",
            "csv",
            "--dataset",
            "d.json",
            "--zones",
        ]))
        .unwrap();
        assert_eq!(
            c,
            Command::Run {
                input: Input::File("s.json".into()),
                dataset: Some("d.json".into()),
                format: Format::Csv,
                zones: true,
                horizon: None,
                out: None,
                purchases: false,
            }
        );
        let c = parse(&v(&["run", "--link", "?v=1&kg.public_seats=5"])).unwrap();
        assert!(matches!(
            c,
            Command::Run {
                input: Input::Link(_),
                ..
            }
        ));
        assert!(parse(&v(&["run", "s.json", "--link", "x"])).is_err());
        assert!(matches!(parse(&v(&["link", "s.json"])), Ok(Command::Link { .. })));
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse(&v(&["run"])).is_err());
        assert!(parse(&v(&["run", "a", "b"])).is_err());
        assert!(parse(&v(&["run", "a", "--format", "xml"])).is_err());
        assert!(parse(&v(&["run", "a", "--horizon", "soon"])).is_err());
        assert!(parse(&v(&["frobnicate"])).is_err());
        assert!(parse(&v(&["levers", "--dataset"])).is_err());
    }
}
