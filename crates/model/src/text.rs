//! Bilingual text and a region's words for itself: small value types that the
//! dataset, the catalogue and the targets all use (kept below them so none of
//! them needs another for its words).

use serde::{Deserialize, Serialize};

/// A bilingual label.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    /// Both languages empty.
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

/// Reads a [`Text`] given either as `{zh, en}` or, as datasets written
/// before notes were bilingual, as one string (then used for both).
pub fn text_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Both(Text),
        One(String),
    }
    Ok(match Either::deserialize(d)? {
        Either::Both(t) => t,
        Either::One(s) => Text { zh: s.clone(), en: s },
    })
}

/// The words a region uses of itself: 全市 / 市外 for a county-level city
/// such as Linxiang, 全县 / 县外 for a county. Indicator labels carry the
/// placeholders `{全}` and `{外}`, filled from these (see
/// [`crate::catalogue::region_label`]). English labels need none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionWords {
    /// The whole region, e.g. 全市.
    pub whole: String,
    /// Outside the region, e.g. 市外.
    pub outside: String,
}

impl Default for RegionWords {
    /// The neutral words, for a dataset that does not say: 全域 / 外地.
    fn default() -> Self {
        RegionWords {
            whole: "全域".into(),
            outside: "外地".into(),
        }
    }
}
