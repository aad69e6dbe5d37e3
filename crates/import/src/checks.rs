//! Checks across sheets once the dataset is assembled: what a statistician
//! would look at before trusting the figures (warnings), and the dataset's own
//! validation (errors), reported at the sheet the faulty part came from.

use eduplan_model::level::{Level, SchoolKind};
use eduplan_model::{DataError, Dataset};

use crate::problem::{Location, Part, PartSource, Sink};

/// Where a part was read, for problems found only after assembly: its sheet,
/// else the file that replaced the whole dataset, else the first sheet read.
fn where_part(parts: &[PartSource], part: Part) -> Location {
    parts
        .iter()
        .find(|p| p.part == part)
        .or_else(|| parts.iter().find(|p| p.part == Part::Whole))
        .or_else(|| parts.first())
        .map(|p| {
            if p.sheet.is_empty() {
                Location::file(&p.file)
            } else {
                Location::sheet(&p.file, &p.sheet)
            }
        })
        .unwrap_or_else(|| Location::file("（基础数据集）"))
}

/// The part a validation path belongs to.
fn part_of_path(path: &str) -> Part {
    let head = path.split('.').next().unwrap_or("");
    match head {
        "zones" => Part::Zones,
        "schools" => Part::Schools,
        "targets" => Part::Targets,
        "lever_defaults" => Part::LeverDefaults,
        "horizon" | "max_horizon" | "base_year" => Part::Meta,
        _ if path.starts_with("demography.births") => Part::Births,
        _ if path.starts_with("demography.population") => Part::Population,
        _ if path.starts_with("demography.birth_zone_share") || path.starts_with("kindergarten.participation") => {
            Part::Zones
        }
        _ if path.starts_with("demography.net_migration") || path.starts_with("demography.rural_to_town") => {
            Part::AgeRates
        }
        _ if path.starts_with("flows.rates") => Part::Flows,
        _ if path.starts_with("norms.class_size")
            || path.starts_with("norms.teachers_per_class")
            || path.starts_with("norms.pupils") =>
        {
            Part::Norms
        }
        _ if path.starts_with("finance.salary") || path.starts_with("finance.public_funds") => Part::Money,
        _ if path.starts_with("teachers.trainee_history") => Part::Trainees,
        _ => Part::Params,
    }
}

/// The dataset's own validation, as an error at the sheet concerned.
pub fn validate(ds: &Dataset, parts: &[PartSource], sink: &mut Sink) {
    // the checks above name the common faults in plain words; the dataset's
    // own validation is the last line, reported only when nothing else was
    if sink.has_errors() {
        return;
    }
    if let Err(e) = ds.validate() {
        let (path, msg) = match &e {
            DataError::Invalid { path, message } => (path.clone(), message.clone()),
            DataError::Json(m) => (String::new(), m.clone()),
        };
        sink.error(
            where_part(parts, part_of_path(&path)),
            None,
            "导入后的数据不完整或不一致，请对照填写说明检查此工作表（各项数据的个数、年份范围和编码是否对应）",
            format!("the imported data is incomplete or inconsistent: {path}: {msg}"),
        );
    }
}

/// A sheet with its header but no data rows would replace its part of the
/// dataset with nothing (every target, every school): an error, since a
/// sheet not to be replaced is simply not given.
pub fn empty_sheets(parts: &[PartSource], sink: &mut Sink) {
    for p in parts.iter().filter(|p| p.part != Part::Whole && p.rows == 0) {
        sink.error(
            Location::sheet(&p.file, &p.sheet),
            None,
            "这张工作表没有数据行（数据从第3行起填写）；不需要替换这部分数据时，请不要提交这张工作表",
            "this sheet has no data rows (data start on row 3); a part not to be replaced is simply not given",
        );
    }
}

/// A dataset JSON file that does not parse, in plain Chinese, with the line
/// and column serde reports ("… at line 21 column 31").
pub fn json_error_zh(e: &DataError) -> String {
    let text = e.to_string();
    let num_after = |key: &str| {
        text.rfind(key).and_then(|i| {
            text[i + key.len()..]
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse::<u32>().ok())
        })
    };
    match (num_after("line "), num_after("column ")) {
        (Some(l), Some(c)) => format!("不是有效的基础数据文件：JSON格式有误或缺少必需的项目（第{l}行第{c}列附近）"),
        _ => "不是有效的基础数据文件：JSON格式有误或缺少必需的项目".to_string(),
    }
}

/// Plan targets whose year falls outside the projection (after the base
/// year changed, most often): an error at the 目标 sheet naming each.
pub fn target_years(ds: &Dataset, parts: &[PartSource], sink: &mut Sink) {
    let (first, last) = (ds.base_year + 1, ds.max_horizon);
    for t in ds.targets.iter().filter(|t| t.year < first || t.year > last) {
        // the row the target was read from, when it was
        let at = ds
            .origins
            .get(&format!("targets.{}", t.id))
            .and_then(|o| {
                let digits: String = o
                    .cells
                    .chars()
                    .skip_while(|c| c.is_ascii_alphabetic())
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                digits.parse::<u32>().ok().map(|r| Location::row(&o.file, &o.sheet, r))
            })
            .unwrap_or_else(|| where_part(parts, Part::Targets));
        sink.error(
            at,
            Some(t.year.to_string()),
            format!(
                "目标“{}”的目标年份{}年不在预测期（{first}～{last}年）内；基准年为{}年时，请同时修改“目标”表中的目标年份",
                t.label.zh, t.year, ds.base_year
            ),
            format!(
                "target {} has year {}, outside the projection ({first}–{last}); with base year {}, change the years in the targets sheet too",
                t.id, t.year, ds.base_year
            ),
        );
    }
}

/// Plausibility checks that do not block the import.
pub fn plausibility(ds: &Dataset, parts: &[PartSource], sink: &mut Sink) {
    base_year_births(ds, parts, sink);
    pupils_without_teachers(ds, parts, sink);
    kindergartens_over_seats(ds, parts, sink);
    entrants_vs_age_six(ds, parts, sink);
}

fn base_year_births(ds: &Dataset, parts: &[PartSource], sink: &mut Sink) {
    if ds.recorded_births(ds.base_year).is_none() {
        sink.error(
            where_part(parts, Part::Births),
            None,
            format!("“出生人口”缺少基准年{}年的数据", ds.base_year),
            format!("births lack the base year {}", ds.base_year),
        );
    }
}

fn pupils_without_teachers(ds: &Dataset, parts: &[PartSource], sink: &mut Sink) {
    for s in &ds.schools {
        let pupils: f64 = s.enrollment.iter().sum();
        if pupils > 0.0 && s.teachers == 0.0 {
            sink.warn(
                where_part(parts, Part::Schools),
                None,
                format!("{}（{}）有在校生{pupils:.0}人，但专任教师为0", s.name, s.id),
                format!("{} ({}) has {pupils:.0} pupils but no full-time teachers", s.name, s.id),
            );
        }
    }
}

fn kindergartens_over_seats(ds: &Dataset, parts: &[PartSource], sink: &mut Sink) {
    for s in &ds.schools {
        let (Some(seats), Some(_)) = (s.seats, s.kind.provider()) else {
            continue;
        };
        let kids: f64 = s.enrollment.iter().sum();
        if kids > seats {
            sink.warn(
                where_part(parts, Part::Enrollment),
                None,
                format!("{}（{}）在园幼儿{kids:.0}人，超过核定学位{seats:.0}个", s.name, s.id),
                format!("{} ({}) has {kids:.0} children for {seats:.0} seats", s.name, s.id),
            );
        }
    }
}

/// Grade-1 entrants against the children aged 6: the usual ratio is close to 1.
fn entrants_vs_age_six(ds: &Dataset, parts: &[PartSource], sink: &mut Sink) {
    let first: f64 = ds
        .schools
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                SchoolKind::Primary | SchoolKind::TeachingPoint | SchoolKind::NineYear
            )
        })
        .filter_map(|s| {
            s.kind
                .slots()
                .iter()
                .position(|x| *x == (Level::Primary, 0))
                .map(|i| s.enrollment[i])
        })
        .sum();
    let six: f64 = ds.demography.population.value.iter().filter_map(|row| row.get(6)).sum();
    if six <= 0.0 {
        return;
    }
    let ratio = first / six;
    if !(0.8..=1.25).contains(&ratio) {
        sink.warn(
            where_part(parts, Part::Enrollment),
            Some(format!("{first:.0} / {six:.0}")),
            format!("小学一年级在校生{first:.0}人，与6岁人口{six:.0}人相差较大（比值{ratio:.2}），请核对"),
            format!("{first:.0} grade-1 pupils against {six:.0} children aged 6 (ratio {ratio:.2}); please check"),
        );
    }
}

/// A new county (its id or name changed) whose other parts still come from
/// the base dataset: say which, so no figure of another county passes unseen.
pub fn kept_from_base(ds: &Dataset, base: &Dataset, parts: &[PartSource], sink: &mut Sink) {
    if (ds.id == base.id && ds.name == base.name) || parts.iter().any(|p| p.part == Part::Whole) {
        return;
    }
    let kept: Vec<&str> = crate::spec::SHEETS
        .iter()
        .filter(|s| s.part != Part::Sources && !parts.iter().any(|p| p.part == s.part))
        .map(|s| s.zh)
        .collect();
    if kept.is_empty() {
        return;
    }
    sink.warn(
        where_part(parts, Part::Meta),
        None,
        format!(
            "数据集已改为“{}”，但以下各表未提供，沿用“{}”的数据：{}",
            ds.name.zh,
            base.name.zh,
            kept.join("、")
        ),
        format!(
            "the dataset is now {}, but these sheets were not given and keep {}'s figures: {}",
            ds.name.en,
            base.name.en,
            kept.join(", ")
        ),
    );
}
