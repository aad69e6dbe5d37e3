//! Imported datasets kept in this browser's local storage, beside the
//! dataset bundled with the app (which is never stored and never deleted).
//!
//! - `eduplan.v1.datasets`: the index, one [`StoredMeta`] per dataset;
//! - `eduplan.v1.dataset.<key>`: each dataset's JSON, `<key>` = `<id>@<hash>`;
//! - `eduplan.v1.active`: the key of the dataset in use (absent: the bundled one).
//!
//! Storage is bounded: before a dataset is written, the space all stored
//! datasets would take is checked against [`MAX_CHARS`]; a refused or failed
//! write is an error value the interface reports, never silent.

use std::rc::Rc;

use eduplan_model::dataset::Text;
use eduplan_model::summary::{SourceCounts, Summary, DEFAULT_DATASET_HASH};
use eduplan_model::Dataset;
use serde::{Deserialize, Serialize};

const INDEX_KEY: &str = "eduplan.v1.datasets";
const DATA_PREFIX: &str = "eduplan.v1.dataset.";
const ACTIVE_KEY: &str = "eduplan.v1.active";

/// Most characters all stored datasets may take together. Browsers give an
/// origin about 5 million characters of local storage; scenarios and the
/// autosave need a little of it.
pub const MAX_CHARS: usize = 4_000_000;

/// What the switcher shows of a stored dataset without reading it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredMeta {
    /// `<id>@<hash>`.
    pub key: String,
    pub id: String,
    pub hash: String,
    pub name: Text,
    pub base_year: i32,
    pub as_of: Text,
    pub sources: SourceCounts,
    /// The files the dataset was imported from.
    pub files: Vec<String>,
    /// When it was imported (YYYY-MM-DD, the browser's date).
    pub imported: String,
    /// Characters its JSON takes in storage.
    pub chars: usize,
}

#[derive(Serialize, Deserialize)]
struct Index {
    format: u32,
    items: Vec<StoredMeta>,
}

/// A dataset in use: the data, its JSON text (what is stored, exported and
/// sent to the data worker, so the main module never serialises a dataset),
/// its content hash, and its storage key (`None` for the bundled dataset).
#[derive(Clone, Debug)]
pub struct Active {
    pub dataset: Rc<Dataset>,
    pub json: Rc<str>,
    pub hash: Rc<str>,
    pub key: Option<String>,
}

impl PartialEq for Active {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &o.dataset) && self.key == o.key
    }
}

impl Active {
    /// The bundled dataset.
    pub fn builtin(ds: Rc<Dataset>) -> Active {
        Active {
            dataset: ds,
            json: eduplan_model::dataset::DEFAULT_DATASET_JSON.into(),
            hash: DEFAULT_DATASET_HASH.into(),
            key: None,
        }
    }

    /// A dataset from its JSON text and content hash (as the data worker or
    /// the storage hands them over).
    pub fn parse(json: &str, hash: &str) -> Result<Active, eduplan_model::DataError> {
        let ds = Dataset::from_json(json)?;
        Ok(Active {
            key: Some(key_of(&ds.id, hash)),
            dataset: Rc::new(ds),
            json: json.into(),
            hash: hash.into(),
        })
    }
}

/// Why a dataset could not be kept or read.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Local storage is unavailable (private mode, blocked by settings).
    Unavailable,
    /// The datasets would need `needed` characters; `limit` are allowed.
    TooLarge { needed: usize, limit: usize },
    /// The browser refused the write (its storage is full).
    Full,
    /// A stored dataset cannot be read any more (it was set aside).
    Unreadable(String),
}

/// The storage key of a dataset with content hash `hash`.
pub fn key_of(id: &str, hash: &str) -> String {
    format!("{id}@{hash}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored datasets, newest import first. An unreadable index reads as
/// empty (the datasets' own entries stay where they are).
pub fn list() -> Vec<StoredMeta> {
    storage()
        .and_then(|st| st.get_item(INDEX_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str::<Index>(&raw).ok())
        .filter(|i| i.format == 1)
        .map(|i| i.items)
        .unwrap_or_default()
}

fn write_index(st: &web_sys::Storage, items: &[StoredMeta]) -> Result<(), StoreError> {
    let text = serde_json::to_string(&Index {
        format: 1,
        items: items.to_vec(),
    })
    .map_err(|_| StoreError::Full)?;
    st.set_item(INDEX_KEY, &text).map_err(|_| StoreError::Full)
}

/// Reads a stored dataset; an entry that no longer parses or validates is
/// removed from the index and reported.
pub fn load(key: &str) -> Result<Active, StoreError> {
    let st = storage().ok_or(StoreError::Unavailable)?;
    let raw = st.get_item(&format!("{DATA_PREFIX}{key}")).ok().flatten();
    let hash = key.rsplit_once('@').map(|(_, h)| h).unwrap_or_default();
    match raw.as_deref().map(|json| Active::parse(json, hash)) {
        Some(Ok(a)) if a.key.as_deref() == Some(key) => Ok(a),
        _ => {
            let rest: Vec<StoredMeta> = list().into_iter().filter(|m| m.key != key).collect();
            let _ = write_index(&st, &rest);
            let _ = st.remove_item(&format!("{DATA_PREFIX}{key}"));
            Err(StoreError::Unreadable(key.to_string()))
        }
    }
}

/// Keeps an imported dataset. A stored dataset with the same id is replaced
/// (a corrected import supersedes the last one); the bundled dataset never
/// is. Returns the new index.
pub fn store(active: &Active, files: &[String], today: &str) -> Result<Vec<StoredMeta>, StoreError> {
    let st = storage().ok_or(StoreError::Unavailable)?;
    let ds = &active.dataset;
    let json = &active.json;
    let key = key_of(&ds.id, &active.hash);
    let (replaced, mut kept): (Vec<StoredMeta>, Vec<StoredMeta>) =
        list().into_iter().partition(|m| m.id == ds.id || m.key == key);
    let needed = kept.iter().map(|m| m.chars).sum::<usize>() + json.chars().count();
    if needed > MAX_CHARS {
        return Err(StoreError::TooLarge {
            needed,
            limit: MAX_CHARS,
        });
    }
    st.set_item(&format!("{DATA_PREFIX}{key}"), json)
        .map_err(|_| StoreError::Full)?;
    let summary = Summary::of(ds);
    kept.insert(
        0,
        StoredMeta {
            key: key.clone(),
            id: ds.id.clone(),
            hash: active.hash.to_string(),
            name: ds.name.clone(),
            base_year: ds.base_year,
            as_of: ds.as_of.clone(),
            sources: summary.sources,
            files: files.to_vec(),
            imported: today.to_string(),
            chars: json.chars().count(),
        },
    );
    if let Err(e) = write_index(&st, &kept) {
        let _ = st.remove_item(&format!("{DATA_PREFIX}{key}"));
        return Err(e);
    }
    for old in replaced.iter().filter(|m| m.key != key) {
        let _ = st.remove_item(&format!("{DATA_PREFIX}{}", old.key));
        // the scenario in progress on the replaced version carries over
        let (from, to) = (
            crate::persist::autosave_key(&old.id, &old.hash),
            crate::persist::autosave_key(&ds.id, &active.hash),
        );
        if let Some(text) = st.get_item(&from).ok().flatten() {
            // restamped with the new version's hash, or it would not be restored
            let restamped = text.replace(
                &format!("\"hash\":\"{}\"", old.hash),
                &format!("\"hash\":\"{}\"", active.hash),
            );
            let _ = st.set_item(&to, &restamped);
            let _ = st.remove_item(&from);
        }
    }
    Ok(kept)
}

/// Deletes a stored dataset; returns the new index.
pub fn delete(key: &str) -> Vec<StoredMeta> {
    let rest: Vec<StoredMeta> = list().into_iter().filter(|m| m.key != key).collect();
    if let Some(st) = storage() {
        let _ = write_index(&st, &rest);
        let _ = st.remove_item(&format!("{DATA_PREFIX}{key}"));
        if let Some((id, hash)) = key.rsplit_once('@') {
            let _ = st.remove_item(&crate::persist::autosave_key(id, hash));
        }
        if st.get_item(ACTIVE_KEY).ok().flatten().as_deref() == Some(key) {
            let _ = st.remove_item(ACTIVE_KEY);
        }
    }
    rest
}

/// The key of the dataset in use, if it is a stored one.
pub fn active_key() -> Option<String> {
    storage()?.get_item(ACTIVE_KEY).ok().flatten()
}

/// Remembers the dataset in use (`None`: the bundled one).
pub fn set_active(key: Option<&str>) {
    if let Some(st) = storage() {
        let _ = match key {
            Some(k) => st.set_item(ACTIVE_KEY, k),
            None => st.remove_item(ACTIVE_KEY),
        };
    }
}
