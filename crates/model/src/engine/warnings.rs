//! Stage 6c: where each school's year goes once the classes (and, for
//! kindergartens, their children) are known — kept for the schools view,
//! counted when it has an early warning (docs/MODEL.md §6a), or both. A run
//! that only counts keeps nothing: each record is judged as it is made.

use crate::flags::{flagged, FlagSettings};
use crate::record::{Rec, SchoolRec};
use crate::units::UNDEFINED;

/// One year's school records as the stages make them.
pub(super) struct SchoolYears {
    /// Keep every record (`kept[dataset index]`); the schools view asks.
    keep: bool,
    /// Count the schools with a warning under the default thresholds.
    count: bool,
    settings: FlagSettings,
    /// The kept records, in dataset order (`None` for a school the engine
    /// does not follow: special schools); empty unless kept.
    pub kept: Vec<Option<SchoolRec>>,
    /// Schools with a warning by level ([`crate::level::Level::FLOW`] order; a
    /// nine-year school in both of its levels), kindergartens, all schools.
    levels: [f64; 4],
    kg: f64,
    total: f64,
}

impl SchoolYears {
    /// For `n` dataset schools; `kept` is the previous year's space, reused.
    pub fn new(keep: bool, count: bool, n: usize, mut kept: Vec<Option<SchoolRec>>) -> SchoolYears {
        kept.clear();
        if keep {
            kept.resize(n, None);
        }
        SchoolYears {
            keep,
            count,
            settings: FlagSettings::default(),
            kept,
            levels: [0.0; 4],
            kg: 0.0,
            total: 0.0,
        }
    }

    /// Whether any stage needs to make the records.
    pub fn wanted(&self) -> bool {
        self.keep || self.count
    }

    /// A school's year: `index` in the dataset; `teaches` the levels of a
    /// grade-teaching school, `None` for a kindergarten.
    pub fn put(&mut self, index: usize, teaches: Option<&[bool; 4]>, rec: SchoolRec) {
        if self.count && flagged(&rec, &self.settings) {
            self.total += 1.0;
            match teaches {
                Some(t) => {
                    for (n, on) in self.levels.iter_mut().zip(t) {
                        if *on {
                            *n += 1.0;
                        }
                    }
                }
                None => self.kg += 1.0,
            }
        }
        if self.keep {
            if let Some(slot) = self.kept.get_mut(index) {
                *slot = Some(rec);
            }
        }
    }

    /// The counts onto the year's record; undefined when not counted (no
    /// value rather than a false zero).
    pub fn record(&self, rec: &mut Rec) {
        let or_none = |x: f64| if self.count { x } else { UNDEFINED };
        for (l, n) in rec.levels.iter_mut().zip(self.levels) {
            l.schools_flagged = or_none(n);
        }
        rec.kg.schools_flagged = or_none(self.kg);
        rec.schools_flagged = or_none(self.total);
    }
}
