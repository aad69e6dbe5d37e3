//! A dataset in a few figures: what an import preview sets side by side
//! (the active dataset against the imported one) and what the dataset
//! switcher shows. Pure arithmetic on the dataset's base year.

use serde::{Deserialize, Serialize};

use crate::dataset::{Dataset, SourceKind, Text};
use crate::level::{Level, SchoolKind};

/// Levels in the order a summary lists them.
pub const LEVELS: [Level; 6] = [
    Level::Kindergarten,
    Level::Primary,
    Level::Junior,
    Level::Senior,
    Level::Vocational,
    Level::Special,
];

/// Base-year figures of a dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub name: Text,
    pub base_year: i32,
    pub zones: usize,
    /// Schools and kindergartens in the register, teaching points included.
    pub schools: usize,
    /// Kindergartens among them.
    pub kindergartens: usize,
    /// Pupils (在校生) by level, in the order of [`LEVELS`]; kindergarten = children enrolled.
    pub pupils: [f64; 6],
    /// Full-time teachers (专任教师) of all schools.
    pub teachers: f64,
    /// Residents aged 0–18, all zones.
    pub population_0_18: f64,
    /// Base-year education spending, yuan.
    pub budget: f64,
    /// Births recorded for the base year (0 when none is).
    pub births: f64,
    /// Sources by kind that some value uses: the bureau's own files,
    /// verified, derived, estimated.
    pub sources: SourceCounts,
}

/// How many of a dataset's sources are of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCounts {
    pub bureau: usize,
    pub verified: usize,
    pub derived: usize,
    pub estimate: usize,
}

impl Summary {
    pub fn of(ds: &Dataset) -> Summary {
        let mut pupils = [0.0; 6];
        for s in &ds.schools {
            for ((level, _), n) in s.kind.slots().iter().zip(&s.enrollment) {
                if let Some(i) = LEVELS.iter().position(|l| l == level) {
                    pupils[i] += n;
                }
            }
        }
        let mut sources = SourceCounts::default();
        let used = ds.sources_in_use();
        for s in ds.sources.iter().filter(|s| used.contains(s.id.as_str())) {
            match s.kind {
                SourceKind::Bureau => sources.bureau += 1,
                SourceKind::Verified => sources.verified += 1,
                SourceKind::Derived => sources.derived += 1,
                SourceKind::Estimate => sources.estimate += 1,
            }
        }
        Summary {
            name: ds.name.clone(),
            base_year: ds.base_year,
            zones: ds.zones.len(),
            schools: ds.schools.len(),
            kindergartens: ds
                .schools
                .iter()
                .filter(|s| matches!(s.kind, SchoolKind::Kindergarten(_)))
                .count(),
            pupils,
            teachers: ds.schools.iter().map(|s| s.teachers).sum(),
            population_0_18: ds.demography.population.value.iter().flatten().sum(),
            budget: ds.finance.budget.value,
            births: ds.recorded_births(ds.base_year).unwrap_or(0.0),
            sources,
        }
    }
}

/// How the school register changes from one dataset to another, by school
/// id: names of schools added and removed, and (old, new) names of schools
/// renamed. Lists are in register order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolChanges {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub renamed: Vec<(String, String)>,
}

impl SchoolChanges {
    pub fn between(before: &Dataset, after: &Dataset) -> SchoolChanges {
        let find = |ds: &Dataset, id: &str| ds.schools.iter().find(|s| s.id == id).map(|s| s.name.clone());
        let mut c = SchoolChanges::default();
        for s in &after.schools {
            match find(before, &s.id) {
                None => c.added.push(s.name.clone()),
                Some(old) if old != s.name => c.renamed.push((old, s.name.clone())),
                Some(_) => {}
            }
        }
        for s in &before.schools {
            if find(after, &s.id).is_none() {
                c.removed.push(s.name.clone());
            }
        }
        c
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.renamed.is_empty()
    }
}

/// The content hash of the bundled dataset ([`content_hash`] of
/// [`crate::dataset::DEFAULT_DATASET_JSON`], checked by a test), so the app
/// knows it without serialising the dataset.
pub const DEFAULT_DATASET_HASH: &str = "be88e0df";

/// Earlier hashes of the bundled dataset: the same figures, hashed while
/// the hash still covered its wording (labels, notes, names). Links and
/// saved scenarios made then still name it.
pub const FORMER_DEFAULT_DATASET_HASHES: [&str; 1] = ["08b5c00b"];

/// Whether two content hashes stand for the same figures of dataset `id`:
/// equal, or both the bundled dataset's (now or before its rewording).
pub fn same_figures(id: &str, a: &str, b: &str) -> bool {
    let bundled = |h: &str| h == DEFAULT_DATASET_HASH || FORMER_DEFAULT_DATASET_HASHES.contains(&h);
    a == b || (id == crate::dataset::DEFAULT_DATASET_ID && bundled(a) && bundled(b))
}

/// Keys left out of the content hash: where figures come from (`src`,
/// `sources`, `origins`) and how things are worded (`label`, `note`, `name`,
/// `as_of`, `words`), so the same figures hash the same whatever file they
/// were imported from and however the targets and schools are named.
const NOT_FIGURES: [&str; 8] = ["src", "sources", "origins", "label", "note", "name", "as_of", "words"];

/// A short content hash of a dataset's figures: 8 lowercase hex digits of
/// the 64-bit FNV-1a hash (folded to 32 bits) of its canonical JSON without
/// provenance and wording (see `NOT_FIGURES`; object keys
/// sorted; numbers in their shortest exact form). Links and saved scenarios
/// carry it so a scenario is never run on other figures under the same id.
pub fn content_hash(ds: &Dataset) -> String {
    let value = serde_json::to_value(ds).unwrap_or_default();
    let mut text = String::new();
    canonical(&value, &mut text);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08x}", (h ^ (h >> 32)) as u32)
}

/// Writes a JSON value with sorted keys and provenance keys left out.
fn canonical(v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().filter(|k| !NOT_FIGURES.contains(&k.as_str())).collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push(':');
                canonical(&map[k.as_str()], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            // the register's order is not a figure (a sorted sheet is the same county)
            let mut items: Vec<&Value> = items.iter().collect();
            if items
                .iter()
                .all(|i| i.get("id").is_some() && i.get("kind").is_some() && i.get("enrollment").is_some())
            {
                items.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_dataset_in_figures() {
        let ds = Dataset::default_dataset().unwrap();
        let s = Summary::of(&ds);
        assert_eq!(s.zones, 11);
        assert_eq!(s.schools, ds.schools.len());
        let enrolled: f64 = ds.schools.iter().flat_map(|s| s.enrollment.iter()).sum();
        assert!((s.pupils.iter().sum::<f64>() - enrolled).abs() < 1e-6);
        assert!(s.pupils.iter().all(|p| *p > 0.0), "{:?}", s.pupils);
        assert!(s.population_0_18 > 50_000.0 && s.population_0_18 < 200_000.0);
        assert_eq!(s.sources.bureau, 0);
        assert!(s.sources.estimate > 0);
    }

    #[test]
    fn school_changes_by_id() {
        let before = Dataset::default_dataset().unwrap();
        let mut after = before.clone();
        assert!(SchoolChanges::between(&before, &after).is_empty());
        after.schools[0].name = "新名".into();
        let gone = after.schools.remove(1);
        let mut new = after.schools[2].clone();
        new.id = "new-1".into();
        new.name = "新建小学".into();
        after.schools.push(new);
        let c = SchoolChanges::between(&before, &after);
        assert_eq!(c.renamed, vec![(before.schools[0].name.clone(), "新名".to_string())]);
        assert_eq!(c.removed, vec![gone.name]);
        assert_eq!(c.added, vec!["新建小学".to_string()]);
    }

    #[test]
    fn the_hash_follows_content_and_survives_a_json_round_trip() {
        let ds = Dataset::default_dataset().unwrap();
        let h = content_hash(&ds);
        assert_eq!(h.len(), 8);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        let again = Dataset::from_json(&serde_json::to_string(&ds).unwrap()).unwrap();
        assert_eq!(content_hash(&again), h);
        let mut other = ds.clone();
        other.schools[0].teachers += 1.0;
        assert_ne!(content_hash(&other), h);
        // where the figures came from does not change the hash; what they are does
        let mut moved = ds.clone();
        moved.schools[0].src = "bureau-学校名册".into();
        moved.sources.truncate(3);
        moved.origins.insert(
            "schools.x".into(),
            crate::dataset::Origin {
                file: "a.xlsx".into(),
                sheet: "学校名册".into(),
                cells: "A3:I3".into(),
            },
        );
        assert_eq!(content_hash(&moved), h);
        let mut sorted = ds.clone();
        sorted.schools.reverse();
        assert_eq!(content_hash(&sorted), h, "the register's order");
        // wording is not a figure: renamed, relabelled, renoted, the same hash
        let mut renamed = ds.clone();
        renamed.name.zh = "青溪县".into();
        renamed.targets[0].label.zh = "学前三年毛入园率达到95%以上".into();
        renamed.targets[0].note.zh = "另一种说法".into();
        renamed.schools[0].name = "另一所学校".into();
        renamed.words.whole = "全县".into();
        assert_eq!(content_hash(&renamed), h);
        // a figure is
        let mut changed = ds.clone();
        changed.schools[0].teachers += 1.0;
        assert_ne!(content_hash(&changed), h);
        // and the bundled dataset's earlier hash still names it
        assert!(same_figures(&ds.id, FORMER_DEFAULT_DATASET_HASHES[0], &h));
        assert!(!same_figures("qingxi-2020", FORMER_DEFAULT_DATASET_HASHES[0], &h));
        assert_eq!(
            DEFAULT_DATASET_HASH, h,
            "the bundled dataset changed: set DEFAULT_DATASET_HASH to its new hash"
        );
    }
}
