//! School by school through the birth cliff (issue 18): every school and
//! kindergarten of the dataset year by year, as the engine runs them, with
//! early-warning flags and the first year each applies. docs/MODEL.md §6a
//! states how each figure and flag is made.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::engine::Engine;
use crate::level::SchoolKind;
use crate::projection::Projection;
use crate::record::SchoolRec;
use crate::scenario::Scenario;
use crate::units::{is_defined, Year};

pub use crate::flags::{applies, flagged, Flag, FlagSettings};

/// One school's row: who it is, its years and the first year each flag applies.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolRow {
    /// Its index in the dataset's schools.
    pub index: usize,
    pub id: String,
    pub name: String,
    /// Zone id.
    pub zone: String,
    pub kind: SchoolKind,
    /// One record per projection year (the table's years).
    #[serde(skip)]
    pub years: Vec<SchoolRec>,
    /// The first year each flag applies, in [`Flag::ALL`] order.
    pub first: Vec<(Flag, Year)>,
}

impl SchoolRow {
    /// The first year it is closed by a merge, if it is (a new school's
    /// years before it opens are not a closing).
    pub fn closed_from(&self, years: &[Year]) -> Option<Year> {
        let opened = self.years.iter().position(|r| r.open)?;
        let t = opened + self.years[opened..].iter().position(|r| !r.open)?;
        years.get(t).copied()
    }

    /// The first year it teaches when the scenario opens it (`None` for a
    /// school open from the base year, or never opened).
    pub fn opens_in(&self, years: &[Year]) -> Option<Year> {
        let t = self.years.iter().position(|r| r.open).filter(|t| *t > 0)?;
        years.get(t).copied()
    }

    /// The first year `flag` applies, if it ever does.
    pub fn first_year(&self, flag: Flag) -> Option<Year> {
        self.first.iter().find(|(f, _)| *f == flag).map(|(_, y)| *y)
    }
}

/// Every school the engine follows (special schools are not), year by year.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolTable {
    pub years: Vec<Year>,
    pub rows: Vec<SchoolRow>,
    pub settings: FlagSettings,
}

impl SchoolTable {
    /// The rows flagged with `flag` in `year`.
    pub fn flagged(&self, flag: Flag, year: Year) -> usize {
        let Some(t) = self.years.iter().position(|y| *y == year) else {
            return 0;
        };
        self.rows
            .iter()
            .filter(|r| r.years.get(t).is_some_and(|x| applies(flag, x, &self.settings)))
            .count()
    }
}

/// The schools table of a scenario to the dataset's horizon (budget mode:
/// the quantities its money buys), with the projection it comes from.
pub fn table(ds: &Dataset, sc: &Scenario, settings: FlagSettings) -> (SchoolTable, Projection) {
    let derived = crate::budget::is_budget_mode(sc).then(|| crate::project::project(ds, sc).derived);
    let quantities = derived.flatten();
    let sc = quantities.as_ref().unwrap_or(sc);
    // the scenario's new schools follow the register's
    let engine = Engine::for_scenario(ds, sc);
    let mut state = engine.state();
    let (projection, by_year) = engine.schools(sc, ds.horizon, &mut state);
    let ds = engine.dataset();
    let years = projection.years.clone();
    let rows = ds
        .schools
        .iter()
        .enumerate()
        .filter_map(|(index, s)| {
            let recs: Option<Vec<SchoolRec>> = by_year.iter().map(|y| y.get(index).cloned().flatten()).collect();
            let recs = recs?;
            let first = Flag::ALL
                .into_iter()
                .filter_map(|f| {
                    let t = recs.iter().position(|r| applies(f, r, &settings))?;
                    Some((f, *years.get(t)?))
                })
                .collect();
            Some(SchoolRow {
                index,
                id: s.id.clone(),
                name: s.name.clone(),
                zone: s.zone.clone(),
                kind: s.kind,
                years: recs,
                first,
            })
        })
        .collect();
    (SchoolTable { years, rows, settings }, projection)
}

/// A school kind's key in the runner's table (`primary`, `kindergarten_public`, …).
pub fn kind_key(kind: SchoolKind) -> String {
    match kind {
        SchoolKind::Kindergarten(p) => {
            let provider = serde_json::to_value(p)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            format!("kindergarten_{provider}")
        }
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    }
}

/// The runner's JSON of one year: `{year, settings, schools: [{id, name,
/// zone, kind, pupils, …, utilisation, first: {flag: year}}]}` (undefined
/// figures as null).
pub fn json(table: &SchoolTable, year: Year) -> serde_json::Value {
    let t = table.years.iter().position(|y| *y == year);
    let num = |x: f64| {
        if is_defined(x) {
            serde_json::json!(x)
        } else {
            serde_json::Value::Null
        }
    };
    let schools: Vec<serde_json::Value> = table
        .rows
        .iter()
        .filter_map(|row| {
            let r = row.years.get(t?)?;
            let first: serde_json::Map<String, serde_json::Value> = row
                .first
                .iter()
                .map(|(f, y)| (f.key().to_string(), serde_json::json!(y)))
                .collect();
            Some(serde_json::json!({
                "id": row.id, "name": row.name, "zone": row.zone, "kind": kind_key(row.kind),
                "pupils": num(r.pupils), "classes": r.classes, "largest_class": r.largest_class,
                "classes_56_65": r.classes_56_65, "classes_66": r.classes_66,
                "rooms_needed": r.rooms_needed, "rooms": r.rooms,
                "teachers": num(r.teachers), "teachers_needed": num(r.teachers_needed),
                "places": num(r.places), "utilisation": num(r.utilisation()),
                "open": r.open, "boarders": r.boarders,
                "first": first,
            }))
        })
        .collect();
    serde_json::json!({ "year": year, "settings": table.settings, "schools": schools })
}

/// The machine-readable table of one year (the runner's `schools --format
/// csv`): one row per school, figures unrounded, flags as the first year
/// each applies (empty when it never does).
pub fn csv(table: &SchoolTable, year: Year) -> String {
    let mut out = String::from(
        "id,name,zone,kind,pupils,classes,largest_class,classes_56_65,classes_66,rooms_needed,rooms,teachers,teachers_needed,places,utilisation",
    );
    for f in Flag::ALL {
        out.push_str(&format!(",first_{}", f.key()));
    }
    out.push_str(",open,boarders\n");
    let Some(t) = table.years.iter().position(|y| *y == year) else {
        return out;
    };
    let num = |x: f64| if is_defined(x) { format!("{x}") } else { String::new() };
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    for row in &table.rows {
        let Some(r) = row.years.get(t) else { continue };
        let kind = kind_key(row.kind);
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            quote(&row.id),
            quote(&row.name),
            quote(&row.zone),
            quote(&kind),
            num(r.pupils),
            r.classes,
            r.largest_class,
            r.classes_56_65,
            r.classes_66,
            r.rooms_needed,
            r.rooms,
            num(r.teachers),
            num(r.teachers_needed),
            num(r.places),
            num(r.utilisation()),
        ));
        for f in Flag::ALL {
            out.push(',');
            if let Some(y) = row.first_year(f) {
                out.push_str(&y.to_string());
            }
        }
        out.push_str(&format!(",{},{}\n", r.open, num(r.boarders)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        Dataset::default_dataset().unwrap()
    }

    #[test]
    fn every_school_sums_to_the_county() {
        let ds = ds();
        let (table, p) = table(&ds, &Scenario::default(), FlagSettings::default());
        assert_eq!(table.years, p.years);
        for (t, rec) in p.records.iter().enumerate() {
            let flow: f64 = table
                .rows
                .iter()
                .filter(|r| r.kind.provider().is_none())
                .map(|r| r.years[t].pupils)
                .sum();
            let county: f64 = rec.levels.iter().map(|l| l.enrollment).sum();
            assert!(
                (flow - county).abs() < 1e-6 * county.max(1.0),
                "{t}: {flow} vs {county}"
            );
            let classes: u32 = table
                .rows
                .iter()
                .filter(|r| r.kind.provider().is_none())
                .map(|r| r.years[t].classes)
                .sum();
            let county_classes: f64 = rec.levels.iter().map(|l| l.classes).sum();
            assert_eq!(classes as f64, county_classes, "{t}");
            let kg: f64 = table
                .rows
                .iter()
                .filter(|r| r.kind.provider().is_some())
                .map(|r| r.years[t].pupils)
                .sum();
            // the kindergartens of the dataset hold every child but those in new public seats
            assert!(kg <= rec.kg.total_enrollment() + 1e-6, "{t}: {kg}");
        }
        assert_eq!(
            table.rows.len(),
            ds.schools.iter().filter(|s| s.kind != SchoolKind::Special).count()
        );
    }

    #[test]
    fn the_schools_run_leaves_the_projection_as_it_was() {
        let ds = ds();
        let (_, p) = table(&ds, &Scenario::default(), FlagSettings::default());
        assert_eq!(p, crate::project(&ds, &Scenario::default()));
    }

    #[test]
    fn flags_follow_their_rules() {
        let s = FlagSettings::default();
        let r = SchoolRec {
            open: true,
            pupils: 40.0,
            classes: 6,
            largest_class: 8,
            classes_56_65: 0,
            classes_66: 0,
            grades: 6,
            rooms_needed: 6,
            rooms: 6,
            teachers: 3.0,
            teachers_needed: 40.0 / 19.0,
            places: 270.0,
            boarders: 0.0,
            // 40 pupils in six grades: under-used on both counts
        };
        assert!(applies(Flag::UnderUsed, &r, &s));
        assert!(!applies(Flag::OverCapacity, &r, &s));
        assert!(!applies(Flag::TeachersShort, &r, &s));
        assert!(!applies(Flag::TeachersSurplus, &r, &s));
        let crowded = SchoolRec {
            pupils: 700.0,
            classes_56_65: 2,
            ..r.clone()
        };
        assert!(applies(Flag::OverCapacity, &crowded, &s));
        let short = SchoolRec {
            rooms_needed: 8,
            ..r.clone()
        };
        assert!(applies(Flag::OverCapacity, &short, &s));
        let surplus = SchoolRec { teachers: 4.2, ..r };
        assert!(applies(Flag::TeachersSurplus, &surplus, &s));
    }

    #[test]
    fn births_falling_empties_some_schools_and_the_flags_say_when() {
        let ds = ds();
        let (table, _) = table(&ds, &Scenario::default(), FlagSettings::default());
        let last = *table.years.last().unwrap();
        let first = table.years[0];
        // the birth cliff: more under-used schools at the horizon than in the base year
        assert!(
            table.flagged(Flag::UnderUsed, last) > table.flagged(Flag::UnderUsed, first),
            "{} → {}",
            table.flagged(Flag::UnderUsed, first),
            table.flagged(Flag::UnderUsed, last)
        );
        let csv = csv(&table, last);
        assert_eq!(csv.lines().count(), table.rows.len() + 1);
        assert!(csv.starts_with("id,name,zone,kind,pupils,"));
    }
}
