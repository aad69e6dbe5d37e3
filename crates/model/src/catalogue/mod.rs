//! Specs shared by every front end: levers (inputs) and indicators (outputs),
//! each with a stable id, unit, range and bilingual labels.

pub mod indicators;
pub mod levers;
pub mod sentences;

pub use indicators::{indicator_index, indicator_spec, indicators, IndicatorSpec, IndicatorUnit};
pub use levers::{lever_spec, levers, LeverGroup, LeverKind, LeverSpec, LeverUnit};

use std::borrow::Cow;

use crate::format::Locale;
use crate::text::RegionWords;

/// A label with the region's own words put in for `{全}` (the whole region:
/// 全市, 全县) and `{外}` (outside it: 市外, 县外). Indicator labels carry
/// these placeholders because 临湘 is a county-level city that says 全市
/// where a county says 全县; the dataset says which (`Dataset::words`).
pub fn region_label<'a>(label: &'a str, words: &RegionWords) -> Cow<'a, str> {
    if label.contains("{全}") || label.contains("{外}") {
        label
            .replace("{全}", &words.whole)
            .replace("{外}", &words.outside)
            .into()
    } else {
        label.into()
    }
}

impl IndicatorSpec {
    /// The label in `loc`, in the region's own words.
    pub fn label<'a>(&'a self, loc: Locale, words: &RegionWords) -> Cow<'a, str> {
        match loc {
            Locale::Zh => region_label(&self.label_zh, words),
            Locale::En => Cow::Borrowed(self.label_en.as_str()),
        }
    }
}

#[cfg(test)]
mod region_tests {
    use super::*;

    #[test]
    fn labels_speak_the_region_s_words() {
        let city = RegionWords {
            whole: "全市".into(),
            outside: "市外".into(),
        };
        let s = indicator_spec("vocational.outside").unwrap();
        assert_eq!(s.label(Locale::Zh, &city), "市外就读中职学生");
        assert_eq!(s.label(Locale::Zh, &RegionWords::default()), "外地就读中职学生");
        assert!(!s.label(Locale::En, &city).contains('{'));
        // no label is left with a placeholder it cannot fill
        for spec in indicators() {
            let zh = spec.label(Locale::Zh, &city);
            assert!(!zh.contains('{') && !zh.contains('}'), "{}", spec.id);
            assert!(!spec.label_en.contains('{'), "{}", spec.id);
        }
    }
}
