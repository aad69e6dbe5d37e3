//! Template tables onto a base dataset: each sheet present replaces its part,
//! the rest of the base is kept. Every value read carries its provenance: a
//! value equal to the base keeps the base's source; a new or changed value is
//! the bureau's own (a source of kind [`SourceKind::Bureau`] naming the file
//! and sheet), unless its 来源 cell names another listed, non-estimate source.

mod kv;
mod levels;
mod plan;
mod schools;
mod zones;

pub use kv::param_value_src;

use std::collections::BTreeMap;

use eduplan_model::dataset::{Origin, Source, SourceKind, Text};
use eduplan_model::Dataset;

use crate::problem::{Part, PartSource, Sink};
use crate::table::Table;

/// The state of one import: the dataset being built, the base it started from,
/// the bureau sources made so far and the problems found.
pub struct Ctx<'a> {
    pub ds: Dataset,
    pub base: &'a Dataset,
    pub sink: &'a mut Sink,
    pub parts: Vec<PartSource>,
    /// (file, sheet) → id of the bureau source made for it.
    bureau: BTreeMap<(String, String), String>,
    /// Ids of register rows that had errors: their grade rows are not
    /// reported again as "no such school".
    pub failed_schools: std::collections::BTreeSet<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(base: &'a Dataset, sink: &'a mut Sink) -> Ctx<'a> {
        Ctx {
            ds: base.clone(),
            base,
            sink,
            parts: Vec::new(),
            bureau: BTreeMap::new(),
            failed_schools: Default::default(),
        }
    }

    /// The id of the bureau source for a table's file and sheet, made on first use.
    pub fn bureau_src(&mut self, t: &Table) -> String {
        let key = (t.file().to_string(), t.sheet().to_string());
        if let Some(id) = self.bureau.get(&key) {
            return id.clone();
        }
        let mut n = self.bureau.len() + 1;
        let id = loop {
            let id = format!("bureau-{n}");
            if self.ds.source(&id).is_none() {
                break id;
            }
            n += 1;
        };
        self.ds.sources.push(Source {
            id: id.clone(),
            kind: SourceKind::Bureau,
            title: Text {
                zh: format!("教育局数据：{}，工作表“{}”", t.file(), t.spec.zh),
                en: format!("Bureau data: {}, sheet {}", t.file(), t.spec.zh),
            },
            url: None,
            note: Text::default(),
        });
        self.bureau.insert(key, id.clone());
        id
    }

    /// The 来源 cell of a row when it names a listed source; a warning when it
    /// names none.
    fn claimed(&mut self, t: &Table, r: usize) -> Option<String> {
        if !t.has("src") {
            return None;
        }
        let s = t.raw_cell(r, "src").text()?;
        if self.ds.source(&s).is_some() {
            Some(s)
        } else {
            self.sink.warn(
                t.at(r, "src"),
                Some(s),
                "“来源”表中没有这个编号，按教育局数据处理",
                "no such source id in the sources sheet; taken as the bureau's own data",
            );
            None
        }
    }

    /// The source of a value read from rows `rows` of `t`: see the module docs.
    pub fn src(&mut self, t: &Table, rows: &[usize], changed: bool, base_src: Option<&str>) -> String {
        let claims: Vec<Option<String>> = rows.iter().map(|r| self.claimed(t, *r)).collect();
        let claimed = match claims.split_first() {
            Some((first, rest)) if rest.iter().all(|c| c == first) => first.clone(),
            _ => None,
        };
        let upgrade = |ds: &eduplan_model::Dataset, s: &str, b: &str| ds.is_estimate(b) && !ds.is_estimate(s);
        match (changed, claimed, base_src) {
            (false, Some(s), Some(b)) if upgrade(&self.ds, &s, b) => s,
            (false, _, Some(b)) => b.to_string(),
            (false, Some(s), None) => s,
            (true, Some(s), b) if Some(s.as_str()) != b && !self.ds.is_estimate(&s) => s,
            _ => self.bureau_src(t),
        }
    }

    /// Records where a provenance path's values were read.
    pub fn origin(&mut self, path: String, t: &Table, rows: &[usize]) {
        if rows.is_empty() {
            return;
        }
        self.ds.origins.insert(
            path,
            Origin {
                file: t.file().to_string(),
                sheet: t.sheet().to_string(),
                cells: t.range(rows),
            },
        );
    }

    pub fn part(&mut self, part: Part, t: &Table) {
        self.parts.push(PartSource {
            part,
            file: t.file().to_string(),
            sheet: t.sheet().to_string(),
            rows: t.rows.len(),
        });
    }
}

/// Applies the tables found, in the order parts depend on each other.
pub fn apply(ctx: &mut Ctx, tables: &[Table]) {
    let by = |p: Part| tables.iter().find(|t| t.spec.part == p);
    if let Some(t) = by(Part::Sources) {
        plan::sources(ctx, t);
    }
    if let Some(t) = by(Part::Meta) {
        kv::meta(ctx, t);
    }
    if let Some(t) = by(Part::Zones) {
        zones::zones(ctx, t);
    }
    if let Some(t) = by(Part::Population) {
        zones::population(ctx, t);
    }
    if let Some(t) = by(Part::Births) {
        zones::births(ctx, t);
    }
    if let Some(t) = by(Part::AgeRates) {
        zones::age_rates(ctx, t);
    }
    if let Some(t) = by(Part::Schools) {
        schools::register(ctx, t, by(Part::Enrollment).is_some());
    }
    if let Some(t) = by(Part::Enrollment) {
        schools::enrollment(ctx, t);
    }
    if let Some(t) = by(Part::Flows) {
        levels::flows(ctx, t);
    }
    if let Some(t) = by(Part::Norms) {
        levels::norms(ctx, t);
    }
    if let Some(t) = by(Part::Money) {
        levels::money(ctx, t);
    }
    if let Some(t) = by(Part::Params) {
        kv::params(ctx, t);
    }
    if let Some(t) = by(Part::Trainees) {
        plan::trainees(ctx, t);
    }
    if let Some(t) = by(Part::Targets) {
        plan::targets(ctx, t);
    }
    if let Some(t) = by(Part::LeverDefaults) {
        plan::lever_defaults(ctx, t);
    }
    prune_sources(&mut ctx.ds);
}

/// Drops bureau sources nothing refers to (a sheet whose values all matched the base).
fn prune_sources(ds: &mut Dataset) {
    let used: std::collections::BTreeSet<String> = ds.provenance().into_iter().map(|(_, s)| s.to_string()).collect();
    ds.sources
        .retain(|s| s.kind != SourceKind::Bureau || used.contains(&s.id));
}
