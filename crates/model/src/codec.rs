//! The share-link codec: a scenario as a short, human-readable query string,
//! and back again without ever failing.
//!
//! ```text
//! v=1&d=linxiang-2020&dv=1&kg.public_seats=500&hires.primary=2021:80,2022:120&births.variant=0&n=方案B&lang=en
//! ```
//! - `v` is the link format version, `d`/`dv` the dataset id and version,
//!   `dh` its content hash ([`crate::summary::content_hash`]) and `dn` its
//!   Chinese name (so a browser without that dataset can name it);
//! - every other known key is a lever or assumption id (stable, from the
//!   catalogue) with one number or `year:value` pairs; only values that differ
//!   from the dataset's baseline are written;
//! - `n` is the scenario's name, `lang` the UI language, `seed` the
//!   uncertainty seed;
//! - `merge` lists school merges (issue 18) as `school:into:year[:share]`
//!   joined by `,` (ids percent-encoded, the share left out when it is 1);
//!   `new` the schools the scenario opens as `id:zone:kind:classrooms:year:name`
//!   and `board` its boarding places as `school:places:year[:yuan]` (the
//!   yuan left out when it is the default); new schools are read first, so
//!   merges and boarding may name them wherever they stand in the link;
//! - a lever given more than once takes its last occurrence, as if it were
//!   the only one (with a [`Notice::Repeated`]);
//! - unknown keys are ignored (chat apps append their own, e.g.
//!   `from=singlemessage&isappinstalled=0`); out-of-range values are clamped
//!   and malformed ones dropped, each with a [`Notice`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::catalogue::{lever_spec, levers, LeverKind, LeverSpec, LeverUnit};
use crate::dataset::Dataset;
use crate::scenario::{default_value, LeverValue, Scenario};

/// The link format this build writes and fully understands.
/// 2: per-year values may continue without a year and repeat with `*n`
/// (`2021:80,120*9`); a link that needs neither is still written as 1, so
/// builds that read only format 1 read it whole.
pub const FORMAT_VERSION: u32 = 2;

/// Longest scenario name kept from a link, in characters.
pub const MAX_NAME: usize = 120;

/// What a link carries besides the scenario.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Link {
    pub scenario: Scenario,
    /// UI language code, if the link names one (`zh` or `en`).
    pub lang: Option<String>,
    /// Seed of the uncertainty runs, if the link names one.
    pub seed: Option<u64>,
    /// Whether the input looked like a scenario link at all (it had `v=`).
    pub is_link: bool,
    /// The dataset the link was made on, as far as the link says.
    pub dataset: DatasetRef,
}

/// The dataset a link or a saved scenario was made on: id, version, content
/// hash and name. Links written before the hash existed carry only the id
/// and version (`hash` and `name` empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DatasetRef {
    pub id: String,
    #[serde(default)]
    pub version: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hash: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl DatasetRef {
    /// The reference of a dataset whose content hash is `hash`.
    pub fn of(ds: &Dataset, hash: &str) -> DatasetRef {
        DatasetRef {
            id: ds.id.clone(),
            version: ds.version.to_string(),
            hash: hash.to_string(),
            name: ds.name.zh.clone(),
        }
    }

    /// Whether a dataset with this id and content hash is the one referred
    /// to. An empty reference (no `d=`) or one without a hash (an older
    /// link) matches on the id alone.
    pub fn matches(&self, id: &str, hash: &str) -> bool {
        self.id.is_empty()
            || (self.id == id && (self.hash.is_empty() || crate::summary::same_figures(id, &self.hash, hash)))
    }
}

/// Something in a link that was not taken as it stood.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// The link was written by a newer version; unknown parts were skipped.
    NewerFormat { found: String },
    /// The format version is not a number.
    BadFormat { found: String },
    /// The link was made for another dataset.
    OtherDataset { found: String, expected: String },
    /// Same dataset, another version of it.
    OtherDatasetVersion { found: String, expected: String },
    /// Same dataset id and version, other figures (the content hash differs).
    OtherDatasetContent { found: String, expected: String },
    /// A value outside the lever's range was brought inside it.
    Clamped { id: String, given: String, used: f64 },
    /// A value between two steps of the lever was moved to the nearest step.
    Snapped { id: String, given: String, used: f64 },
    /// A value could not be read and was left at the baseline.
    Dropped { id: String, given: String },
    /// The name was longer than [`MAX_NAME`] characters and was cut.
    NameCut,
    /// The seed is not a whole number.
    BadSeed { given: String },
    /// A lever was given more than once; the last occurrence was used.
    Repeated { id: String },
    /// The digits form of the levers (`z=`, the QR code's) could not be read
    /// whole: made by a build with other levers (nothing read), or cut short
    /// (what came before was read).
    Digits { other_build: bool },
    /// A school merge the link gives cannot be made on this dataset (or
    /// cannot be read); it was left out.
    Merge {
        given: String,
        #[serde(skip)]
        why: crate::error::MergeError,
    },
    /// A new school the link gives cannot be opened (or read); left out.
    NewSchool {
        given: String,
        #[serde(skip)]
        why: crate::error::NewSchoolError,
    },
    /// Boarding places the link gives cannot be made (or read); left out.
    Boarding {
        given: String,
        #[serde(skip)]
        why: crate::error::BoardingError,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::NewerFormat { found } => write!(
                f,
                "the link is from a newer version (format {found}); settings this version does not know were skipped"
            ),
            Notice::BadFormat { found } => write!(
                f,
                "the link's format version '{found}' is not a number; read as format {FORMAT_VERSION}"
            ),
            Notice::OtherDataset { found, expected } => write!(
                f,
                "the link was made for dataset '{found}', not '{expected}'; lever values were applied to '{expected}'"
            ),
            Notice::OtherDatasetVersion { found, expected } => write!(
                f,
                "the link was made for version {found} of the dataset; this is version {expected}"
            ),
            Notice::OtherDatasetContent { found, expected } => write!(
                f,
                "the link was made on other figures under the same dataset id (content {found}, here {expected})"
            ),
            Notice::Clamped { id, given, used } => {
                write!(f, "{id}: {given} is outside the lever's range; {used} was used")
            }
            Notice::Snapped { id, given, used } => {
                write!(f, "{id}: {given} is between the lever's steps; {used} was used")
            }
            Notice::Dropped { id, given } => write!(f, "{id}: '{given}' is not a valid value; the baseline was kept"),
            Notice::NameCut => write!(f, "the scenario name was longer than {MAX_NAME} characters and was cut"),
            Notice::BadSeed { given } => write!(f, "seed '{given}' is not a whole number; the default seed was kept"),
            Notice::Repeated { id } => write!(f, "{id} is given more than once; the last occurrence was used"),
            Notice::Digits { other_build: true } => write!(
                f,
                "the QR link was made by a version with other levers; its lever values were not read and the baseline was kept"
            ),
            Notice::Digits { other_build: false } => write!(
                f,
                "the QR link's lever values are incomplete; those that could be read were used, the rest kept at the baseline"
            ),
            Notice::Merge { given, why } => write!(f, "the school merge '{given}' was left out: {why}"),
            Notice::NewSchool { given, why } => write!(f, "the new school '{given}' was left out: {why}"),
            Notice::Boarding { given, why } => write!(f, "the boarding places '{given}' were left out: {why}"),
        }
    }
}

/// Shortest text that reads back as the same number.
fn num(x: f64) -> String {
    format!("{x}")
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
fn pct(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The query string (without `?`) for a scenario; `lang` and `seed` are added
/// when given. Values equal to the baseline are left out.
pub fn encode(sc: &Scenario, ds: &Dataset, lang: Option<&str>, seed: Option<u64>) -> String {
    encode_for(sc, ds, &crate::summary::content_hash(ds), lang, seed)
}

/// [`encode`] with the dataset's content hash already at hand (the app keeps
/// it, so a settled change does not hash the dataset again).
pub fn encode_for(sc: &Scenario, ds: &Dataset, hash: &str, lang: Option<&str>, seed: Option<u64>) -> String {
    let levers = lever_parts(sc, ds);
    // format 2 only when a per-year value uses its short forms
    let short = levers.iter().any(|p| {
        p.split_once('=')
            .is_some_and(|(_, v)| v.contains(':') && (v.contains('*') || v.split(',').any(|item| !item.contains(':'))))
    });
    let mut parts = vec![format!("v={}", if short { FORMAT_VERSION } else { 1 })];
    parts.extend(dataset_parts(ds, hash));
    parts.extend(levers);
    parts.extend(network_parts(sc));
    parts.extend(trailer_parts(sc, lang, seed));
    parts.join("&")
}

/// Text escaped twice: the query's own decoding undoes one, so a `:` or `,`
/// inside never splits an item.
fn pct2(s: &str) -> String {
    pct(&pct(s))
}

/// `new=…`, `merge=…`, `board=…` for the school network the scenario changes.
fn network_parts(sc: &Scenario) -> Vec<String> {
    let new: Vec<String> = sc
        .new_schools
        .iter()
        .map(|n| {
            let kind = crate::schools::kind_key(n.kind);
            let (id, zone, name) = (pct2(&n.id), pct2(&n.zone), pct2(&n.name));
            format!("{id}:{zone}:{kind}:{}:{}:{name}", n.classrooms, n.from)
        })
        .collect();
    let board: Vec<String> = sc
        .boarding
        .iter()
        .map(|b| {
            let mut item = format!("{}:{}:{}", pct2(&b.school), num(b.places), b.from);
            if b.cost != crate::network::BOARDER_COST {
                item.push_str(&format!(":{}", num(b.cost)));
            }
            item
        })
        .collect();
    let mut out = Vec::new();
    if !new.is_empty() {
        out.push(format!("new={}", new.join(",")));
    }
    out.extend(merge_part(sc));
    if !board.is_empty() {
        out.push(format!("board={}", board.join(",")));
    }
    out
}

/// `merge=school:into:year[:share],…` when the scenario merges schools.
fn merge_part(sc: &Scenario) -> Option<String> {
    let items: Vec<String> = sc
        .merges
        .iter()
        .map(|m| {
            // ids escaped twice: the query's own decoding undoes one, so a
            // `:` or `,` inside an id never splits the item
            let mut item = format!("{}:{}:{}", pct(&pct(&m.school)), pct(&pct(&m.into)), m.from);
            if m.share != 1.0 {
                item.push_str(&format!(":{}", num(m.share)));
            }
            item
        })
        .collect();
    (!items.is_empty()).then(|| format!("merge={}", items.join(",")))
}

/// An id as [`merge_part`] escaped it.
fn unescape(s: &str) -> String {
    form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// Reads a `,`-separated list of network items into `list`: each item that
/// parses and passes `check` together with those kept before it is kept;
/// each other one is left out with its notice.
fn read_items<T: Clone, E>(
    value: &str,
    list: &mut Vec<T>,
    parse: impl Fn(&str) -> Result<T, E>,
    check: impl Fn(&[T]) -> Result<(), E>,
    notice: impl Fn(String, E) -> Notice,
    notices: &mut Vec<Notice>,
) {
    for item in value.split(',').filter(|i| !i.trim().is_empty()) {
        let kept = parse(item).and_then(|x| {
            let mut with = list.clone();
            with.push(x);
            check(&with).map(|()| with)
        });
        match kept {
            Ok(with) => *list = with,
            Err(why) => notices.push(notice(item.to_string(), why)),
        }
    }
}

/// One `new=` item: `id:zone:kind:classrooms:year:name`; a kind or a number
/// of classrooms it cannot read says which.
fn new_school_item(item: &str) -> Result<crate::network::NewSchool, crate::error::NewSchoolError> {
    use crate::error::NewSchoolError;
    let [id, zone, kind, rooms, year, name] = item.split(':').collect::<Vec<_>>()[..] else {
        return Err(NewSchoolError::Unreadable);
    };
    let kind = crate::network::NEW_KINDS
        .into_iter()
        .find(|k| crate::schools::kind_key(*k) == kind.trim())
        .ok_or(NewSchoolError::Kind)?;
    Ok(crate::network::NewSchool {
        id: unescape(id.trim()),
        zone: unescape(zone.trim()),
        kind,
        classrooms: rooms.trim().parse().map_err(|_| NewSchoolError::Rooms)?,
        from: year.trim().parse().map_err(|_| NewSchoolError::Unreadable)?,
        name: unescape(name.trim()),
    })
}

/// One `board=` item: `school:places:year[:yuan]`.
fn boarding_item(item: &str) -> Option<crate::network::Boarding> {
    let parts: Vec<&str> = item.split(':').collect();
    let [school, places, year, ..] = parts[..] else {
        return None;
    };
    let cost = match parts[3..] {
        [] => crate::network::BOARDER_COST,
        [c] => c.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    Some(crate::network::Boarding {
        school: unescape(school.trim()),
        places: places.trim().parse().ok()?,
        from: year.trim().parse().ok()?,
        cost,
    })
}

/// One `merge=` item: `school:into:year[:share]`.
fn merge_item(item: &str) -> Option<crate::network::Merge> {
    let parts: Vec<&str> = item.split(':').collect();
    let [school, into, year, ..] = parts[..] else {
        return None;
    };
    let share = match parts[3..] {
        [] => 1.0,
        [s] => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    Some(crate::network::Merge {
        school: unescape(school.trim()),
        into: unescape(into.trim()),
        from: year.trim().parse().ok()?,
        share,
    })
}

/// Reads `new=`: each item that parses and can be opened (with those read
/// before it) is kept; the others are left out with a [`Notice::NewSchool`].
fn read_new_schools(value: &str, ds: &Dataset, scenario: &mut Scenario, notices: &mut Vec<Notice>) {
    read_items(
        value,
        &mut scenario.new_schools,
        new_school_item,
        |with| crate::network::validate_new(with, ds),
        |given, why| Notice::NewSchool { given, why },
        notices,
    );
}

/// Reads `board=` as [`read_new_schools`] reads `new=` (after the merges:
/// a school a merge closes has no beds).
fn read_boarding(value: &str, ds: &Dataset, scenario: &mut Scenario, notices: &mut Vec<Notice>) {
    let (new, merges) = (&scenario.new_schools, &scenario.merges);
    read_items(
        value,
        &mut scenario.boarding,
        |item| boarding_item(item).ok_or(crate::error::BoardingError::Unreadable),
        |with| crate::network::validate_boarding(with, new, merges, ds),
        |given, why| Notice::Boarding { given, why },
        notices,
    );
}

/// Reads `merge=`: each item that parses and can be made (in the order
/// given, with those read before it) is kept; the others are left out with
/// a [`Notice::Merge`].
fn read_merges(value: &str, ds: &Dataset, scenario: &mut Scenario, notices: &mut Vec<Notice>) {
    let new = &scenario.new_schools;
    read_items(
        value,
        &mut scenario.merges,
        |item| merge_item(item).ok_or(crate::error::MergeError::Unreadable),
        |with| crate::network::validate_merges(with, new, ds),
        |given, why| Notice::Merge { given, why },
        notices,
    );
}

/// The link a QR code carries: as [`encode_for`], but with the levers as one
/// run of digits (`z=`, see [`crate::link_digits`]) placed last, so the code
/// can hold them in its compact numeric mode. Returns the query up to and
/// including `z=`, and the digits; `None` when a value is off its lever's
/// grid (only the readable link carries it exactly).
pub fn encode_qr_for(
    sc: &Scenario,
    ds: &Dataset,
    hash: &str,
    lang: Option<&str>,
    seed: Option<u64>,
) -> Option<(String, String)> {
    let digits = crate::link_digits::encode(sc, ds)?;
    let mut parts = vec![format!("v={FORMAT_VERSION}")];
    parts.extend(dataset_parts(ds, hash));
    parts.extend(network_parts(sc));
    parts.extend(trailer_parts(sc, lang, seed));
    parts.push("z=".into());
    Some((parts.join("&"), digits))
}

fn dataset_parts(ds: &Dataset, hash: &str) -> [String; 4] {
    [
        format!("d={}", pct(&ds.id)),
        format!("dv={}", ds.version),
        format!("dh={}", pct(hash)),
        format!("dn={}", pct(&ds.name.zh)),
    ]
}

/// `id=value` for every lever that differs from the baseline, in catalogue order.
fn lever_parts(sc: &Scenario, ds: &Dataset) -> Vec<String> {
    let mut parts = Vec::new();
    for spec in levers() {
        let map = match spec.kind {
            LeverKind::Policy => &sc.levers,
            LeverKind::Assumption => &sc.assumptions,
        };
        let Some(value) = map.get(spec.id) else { continue };
        match value {
            LeverValue::Constant(v) if *v != default_value(spec, ds) => parts.push(format!("{}={}", spec.id, num(*v))),
            LeverValue::Constant(_) => {}
            LeverValue::ByYear(m) => {
                let mut years: Vec<(i32, f64)> = m
                    .iter()
                    .filter_map(|(y, v)| y.trim().parse().ok().map(|y| (y, *v)))
                    .collect();
                years.sort_by_key(|(y, _)| *y);
                if !years.is_empty() {
                    parts.push(format!("{}={}", spec.id, write_years(&years)));
                }
            }
        }
    }
    parts
}

fn trailer_parts(sc: &Scenario, lang: Option<&str>, seed: Option<u64>) -> Vec<String> {
    let mut parts = Vec::new();
    if !sc.name.is_empty() {
        parts.push(format!("n={}", pct(&sc.name)));
    }
    if let Some(l) = lang {
        parts.push(format!("lang={}", pct(l)));
    }
    if let Some(s) = seed.or(sc.seed) {
        parts.push(format!("seed={s}"));
    }
    parts
}

/// What a link says of its dataset and language, read without a dataset at
/// hand (to choose the dataset before the scenario is decoded). `None` when
/// the input is not a scenario link (no `v=`).
pub fn link_dataset(input: &str) -> Option<(DatasetRef, Option<String>)> {
    let mut r = DatasetRef::default();
    let (mut lang, mut is_link) = (None, false);
    for (key, value) in form_urlencoded::parse(query_of(input).as_bytes()) {
        if dataset_key(&mut r, &key, &value) {
            continue;
        }
        match key.as_ref() {
            "v" => is_link = true,
            "lang" => lang = lang_value(&value),
            _ => {}
        }
    }
    is_link.then_some((r, lang))
}

/// Reads one of a link's dataset keys (`d`, `dv`, `dh`, `dn`) into `r`;
/// `false` for any other key. An empty `d` names no dataset and is skipped.
/// The one reading of these keys, for [`link_dataset`] and [`decode_for`].
fn dataset_key(r: &mut DatasetRef, key: &str, value: &str) -> bool {
    let clean = || {
        value
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_NAME)
            .collect::<String>()
    };
    match key {
        "d" if value.trim().is_empty() => {}
        "d" => r.id = clean(),
        "dv" => r.version = value.trim().chars().take(16).collect(),
        "dh" => r.hash = clean_hash(value),
        "dn" => r.name = clean(),
        _ => return false,
    }
    true
}

/// A link's `lang` value, if it is short enough to be a language code.
fn lang_value(value: &str) -> Option<String> {
    Some(value.to_string()).filter(|l| l.len() <= 8)
}

/// A content hash as links carry it: hex digits only, lower case, at most 16.
fn clean_hash(value: &str) -> String {
    value
        .trim()
        .chars()
        .filter(|c| c.is_ascii_hexdigit())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// A scenario fitted to a dataset (another one than it was made on, perhaps):
/// values outside a lever's range are brought inside it, years outside the
/// dataset's projection dropped, values equal to its baseline removed, each
/// with a [`Notice`]. The same rules as a link's, by way of one.
pub fn adapt(sc: &Scenario, ds: &Dataset) -> (Scenario, Vec<Notice>) {
    let (link, notices) = decode_for(&encode_for(sc, ds, "", None, sc.seed), ds, "");
    (link.scenario, notices)
}

/// The query part of a URL, a bare query, or a fragment holding one.
fn query_of(input: &str) -> &str {
    let input = input.trim();
    let (before_hash, hash) = match input.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (input, None),
    };
    if let Some((_, q)) = before_hash.split_once('?') {
        return q;
    }
    if let Some(h) = hash {
        if h.contains('=') {
            return h.trim_start_matches('?');
        }
    }
    before_hash
}

/// Reads one value against a lever's spec: clamps, rounds choices, drops
/// what is not a number.
/// A lever met in a link (as a key or in the digits form): a repeated one
/// takes its last occurrence, as if it were the only one — the earlier value
/// is dropped here, with one [`Notice::Repeated`] per lever (a value the last
/// occurrence cannot give then leaves the baseline).
fn occurrence(
    id: &'static str,
    seen: &mut std::collections::BTreeSet<&'static str>,
    repeated: &mut Vec<&'static str>,
    scenario: &mut Scenario,
    notices: &mut Vec<Notice>,
) {
    if !seen.insert(id) {
        if !repeated.contains(&id) {
            repeated.push(id);
            notices.push(Notice::Repeated { id: id.to_string() });
        }
        scenario.unset(id);
    }
}

/// Sets a lever's value from a link; a constant equal to the baseline is no
/// change at all and is not set.
fn set_unless_baseline(id: &'static str, v: LeverValue, scenario: &mut Scenario, ds: &Dataset) {
    let baseline = lever_spec(id).map(|spec| default_value(spec, ds));
    if !matches!(v, LeverValue::Constant(x) if Some(x) == baseline) {
        let _ = scenario.set(id, v);
    }
}

/// Reads a per-year value: comma-separated items `[year:]value[*count]`.
/// An item without a year follows the previous item's last year; `*count`
/// repeats the value for `count` consecutive years. `2021:80,2022:120` (the
/// first format) and `2021:80,120*9` both read. An item that cannot be
/// placed (no year yet, a year or count out of range, a bad number) is
/// dropped with a notice; the rest are kept.
fn read_years(
    spec: &LeverSpec,
    value: &str,
    years: std::ops::RangeInclusive<i32>,
    notices: &mut Vec<Notice>,
) -> BTreeMap<String, f64> {
    let mut by_year = BTreeMap::new();
    let mut next: Option<i32> = None;
    let span = years.end() - years.start() + 1;
    for item in value.split(',').filter(|s| !s.trim().is_empty()) {
        let drop = |notices: &mut Vec<Notice>| {
            notices.push(Notice::Dropped {
                id: spec.id.to_string(),
                given: item.to_string(),
            })
        };
        let (year, rest) = match item.split_once(':') {
            Some((y, v)) => (y.trim().parse::<i32>().ok(), v),
            None => (next, item),
        };
        let (text, count) = match rest.split_once('*') {
            Some((v, n)) => (v, n.trim().parse::<i32>().ok().filter(|n| (1..=span).contains(n))),
            None => (rest, Some(1)),
        };
        let (Some(first), Some(count)) = (year, count) else {
            drop(notices);
            next = None;
            continue;
        };
        let last = first.saturating_add(count - 1);
        if !years.contains(&first) || !years.contains(&last) {
            drop(notices);
            next = None;
            continue;
        }
        if let Some(x) = read_value(spec, text, notices) {
            for y in first..=last {
                by_year.insert(y.to_string(), x);
            }
        }
        next = Some(last + 1);
    }
    by_year
}

/// Writes per-year values compactly: a year only where the run of years
/// breaks, `value*count` for a value held several years.
/// `{2021: 80, 2022: 120, …, 2030: 120}` → `2021:80,120*9`.
fn write_years(years: &[(i32, f64)]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    let mut expected: Option<i32> = None;
    while i < years.len() {
        let (y, v) = years[i];
        let mut n = 1;
        while i + n < years.len() && years[i + n].1 == v && years[i + n].0 == y + n as i32 {
            n += 1;
        }
        let head = if expected == Some(y) {
            String::new()
        } else {
            format!("{y}:")
        };
        let body = match n {
            1 => num(v),
            // "80,80" is no longer than "80*2" for short numbers; keep the plainer
            2 if num(v).len() <= 2 => format!("{},{}", num(v), num(v)),
            _ => format!("{}*{n}", num(v)),
        };
        out.push(format!("{head}{body}"));
        expected = Some(y + n as i32);
        i += n;
    }
    out.join(",")
}

fn read_value(spec: &LeverSpec, text: &str, notices: &mut Vec<Notice>) -> Option<f64> {
    let Ok(v) = text.trim().parse::<f64>() else {
        notices.push(Notice::Dropped {
            id: spec.id.to_string(),
            given: text.to_string(),
        });
        return None;
    };
    if !v.is_finite() {
        notices.push(Notice::Dropped {
            id: spec.id.to_string(),
            given: text.to_string(),
        });
        return None;
    }
    // the lever's grid (choices are whole numbers on it too); a value within
    // binary noise of a step is on it, and kept exactly as written
    let snapped = spec.snap(v).unwrap_or(spec.min);
    let noise_only = (snapped - v).abs() <= 1e-9
        && (spec.min..=spec.max).contains(&v)
        && !matches!(spec.unit, LeverUnit::Choice | LeverUnit::Order);
    let used = if noise_only { v } else { snapped };
    // in range by now: what else the value must be (a real programme order) is the scenario's rule
    if crate::scenario::check_value(spec, used).is_err() {
        notices.push(Notice::Dropped {
            id: spec.id.to_string(),
            given: text.to_string(),
        });
        return None;
    }
    if v < spec.min || v > spec.max {
        notices.push(Notice::Clamped {
            id: spec.id.to_string(),
            given: text.to_string(),
            used,
        });
    } else if used != v {
        notices.push(Notice::Snapped {
            id: spec.id.to_string(),
            given: text.to_string(),
            used,
        });
    }
    Some(used)
}

/// Decodes a link (a URL, a query string or a fragment). Never fails: what
/// cannot be used is reported in the notices and left at the baseline.
pub fn decode(input: &str, ds: &Dataset) -> (Link, Vec<Notice>) {
    decode_for(input, ds, &crate::summary::content_hash(ds))
}

/// [`decode`] with the dataset's content hash at hand (the app keeps it, and
/// its main module then needs no dataset serialiser). An empty `hash` skips
/// the content check.
pub fn decode_for(input: &str, ds: &Dataset, hash: &str) -> (Link, Vec<Notice>) {
    let mut link = Link::default();
    let mut notices = Vec::new();
    let pairs: Vec<(Cow<str>, Cow<str>)> = form_urlencoded::parse(query_of(input).as_bytes()).collect();
    let first_year = ds.base_year + 1;
    let mut seen = std::collections::BTreeSet::new();
    let mut repeated: Vec<&'static str> = Vec::new();
    let mut network: Vec<(String, String)> = Vec::new();
    for (key, value) in &pairs {
        if dataset_key(&mut link.dataset, key, value) {
            match key.as_ref() {
                "d" if !value.trim().is_empty() && value.as_ref() != ds.id => notices.push(Notice::OtherDataset {
                    found: value.to_string(),
                    expected: ds.id.clone(),
                }),
                "dv" if value.trim() != ds.version.to_string() => notices.push(Notice::OtherDatasetVersion {
                    found: value.to_string(),
                    expected: ds.version.to_string(),
                }),
                _ => {}
            }
            continue;
        }
        match key.as_ref() {
            "v" => {
                link.is_link = true;
                match value.trim().parse::<u32>() {
                    Ok(v) if v > FORMAT_VERSION => notices.push(Notice::NewerFormat {
                        found: value.to_string(),
                    }),
                    Ok(_) => {}
                    Err(_) => notices.push(Notice::BadFormat {
                        found: value.to_string(),
                    }),
                }
            }
            "n" => {
                let name: String = value.chars().filter(|c| !c.is_control()).collect();
                if name.chars().count() > MAX_NAME {
                    notices.push(Notice::NameCut);
                    link.scenario.name = name.chars().take(MAX_NAME).collect();
                } else {
                    link.scenario.name = name;
                }
            }
            "lang" => link.lang = lang_value(value),
            "z" => {
                let (values, error) = crate::link_digits::decode(value, ds);
                for (id, v) in values {
                    occurrence(id, &mut seen, &mut repeated, &mut link.scenario, &mut notices);
                    set_unless_baseline(id, v, &mut link.scenario, ds);
                }
                if let Some(e) = error {
                    notices.push(Notice::Digits {
                        other_build: e == crate::link_digits::DigitsError::OtherBuild,
                    });
                }
            }
            // after every new school, wherever they stand (below)
            "merge" | "board" => network.push((key.to_string(), value.to_string())),
            "new" => read_new_schools(value, ds, &mut link.scenario, &mut notices),
            "seed" => match value.trim().parse::<u64>() {
                Ok(s) => {
                    link.seed = Some(s);
                    link.scenario.seed = Some(s);
                }
                Err(_) => notices.push(Notice::BadSeed {
                    given: value.to_string(),
                }),
            },
            id => {
                let Some(spec) = lever_spec(id) else { continue }; // unknown keys: ignored
                occurrence(spec.id, &mut seen, &mut repeated, &mut link.scenario, &mut notices);
                let parsed = if value.contains(':') {
                    if !spec.per_year {
                        notices.push(Notice::Dropped {
                            id: id.to_string(),
                            given: value.to_string(),
                        });
                        continue;
                    }
                    let by_year = read_years(spec, value, first_year..=ds.max_horizon, &mut notices);
                    (!by_year.is_empty()).then_some(LeverValue::ByYear(by_year))
                } else {
                    read_value(spec, value, &mut notices).map(LeverValue::Constant)
                };
                if let Some(v) = parsed {
                    set_unless_baseline(spec.id, v, &mut link.scenario, ds);
                }
            }
        }
    }
    // merges before boarding places (a school a merge closes has none)
    for (_, value) in network.iter().filter(|(k, _)| k == "merge") {
        read_merges(value, ds, &mut link.scenario, &mut notices);
    }
    for (_, value) in network.iter().filter(|(k, _)| k == "board") {
        read_boarding(value, ds, &mut link.scenario, &mut notices);
    }
    if link.dataset.id == ds.id
        && !link.dataset.hash.is_empty()
        && !hash.is_empty()
        && !crate::summary::same_figures(&ds.id, &link.dataset.hash, hash)
    {
        notices.push(Notice::OtherDatasetContent {
            found: link.dataset.hash.clone(),
            expected: hash.to_string(),
        });
    }
    (link, notices)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        Dataset::default_dataset().unwrap()
    }

    /// Issue 18: new schools and boarding places travel in links, readable
    /// and QR, with names that need escaping, and a merge into a new school
    /// given before it in the link; bad items are left out with a notice.
    #[test]
    fn new_schools_and_boarding_travel_in_links() {
        let ds = ds();
        let mut sc = Scenario::default();
        sc.new_schools.push(crate::network::NewSchool {
            id: "new-town-3".into(),
            name: "城区第三小学（新建）：A,B&C".into(),
            zone: "town".into(),
            kind: crate::level::SchoolKind::Primary,
            classrooms: 36,
            from: 2024,
        });
        sc.merges.push(crate::network::Merge {
            school: "pri-town-2".into(),
            into: "new-town-3".into(),
            from: 2025,
            share: 1.0,
        });
        sc.boarding.push(crate::network::Boarding {
            school: "pri-jiangnan-c".into(),
            places: 300.0,
            from: 2023,
            cost: 200.0,
        });
        sc.boarding.push(crate::network::Boarding {
            school: "new-town-3".into(),
            places: 50.0,
            from: 2024,
            cost: 1250.0,
        });
        assert_eq!(sc.validate(&ds), Ok(()));
        let q = encode(&sc, &ds, None, None);
        assert!(
            q.contains("&board=pri-jiangnan-c:300:2023,new-town-3:50:2024:1250"),
            "{q}"
        );
        let (link, notices) = decode(&q, &ds);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(link.scenario, sc);
        let (head, digits) = encode_qr_for(&sc, &ds, "", None, None).unwrap();
        let (qr, notices) = decode(&format!("{head}{digits}"), &ds);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(qr.scenario, sc);
        // merge and board before new: still read after it
        let moved = format!(
            "v=1&merge=pri-town-2:new-town-3:2025&board=new-town-3:50:2024:1250&{}",
            q.split('&').find(|p| p.starts_with("new=")).unwrap()
        );
        let (link, notices) = decode(&moved, &ds);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(link.scenario.merges, sc.merges);
        assert_eq!(link.scenario.boarding.len(), 1);
        // refused: an id taken, an unknown kind, a year past the horizon, boarding at a senior school, twice
        let (link, notices) = decode(
            "v=1&new=pri-town-2:town:primary:10:2024:x,n2:town:kindergarten_public:10:2024:y,n3:town:junior:10:2099:z\
             &board=sen-1:10:2024,pri-jiangnan-c:10:2024,pri-jiangnan-c:20:2025,pri-jiangnan-c:abc:2024",
            &ds,
        );
        assert!(link.scenario.new_schools.is_empty());
        assert_eq!(link.scenario.boarding.len(), 1);
        let kinds: Vec<String> = notices.iter().map(|n| format!("{n}")).collect();
        assert_eq!(notices.len(), 6, "{kinds:?}");
        assert!(matches!(
            &notices[0],
            Notice::NewSchool {
                why: crate::error::NewSchoolError::IdTaken(_),
                ..
            }
        ));
        assert!(matches!(
            &notices[1],
            Notice::NewSchool {
                why: crate::error::NewSchoolError::Kind,
                ..
            }
        ));
        assert!(matches!(
            &notices[2],
            Notice::NewSchool {
                why: crate::error::NewSchoolError::Year(2099),
                ..
            }
        ));
        assert!(matches!(&notices[3], Notice::Boarding { .. }));
        assert!(matches!(
            &notices[4],
            Notice::Boarding {
                why: crate::error::BoardingError::Twice(_),
                ..
            }
        ));
        assert!(matches!(
            &notices[5],
            Notice::Boarding {
                why: crate::error::BoardingError::Unreadable,
                ..
            }
        ));
    }

    /// Issue 18: merges travel in links, readable and QR, and come back whole;
    /// one the dataset cannot make is left out with a notice.
    #[test]
    fn merges_travel_in_links() {
        let ds = ds();
        let mut sc = Scenario::default();
        sc.set("kg.public_seats", LeverValue::Constant(500.0)).unwrap();
        sc.merges.push(crate::network::Merge {
            school: "tp-jiangnan-1".into(),
            into: "pri-jiangnan-c".into(),
            from: 2023,
            share: 1.0,
        });
        sc.merges.push(crate::network::Merge {
            school: "tp-jiangnan-2".into(),
            into: "pri-jiangnan-1".into(),
            from: 2025,
            share: 0.75,
        });
        let q = encode(&sc, &ds, None, None);
        assert!(
            q.contains("&merge=tp-jiangnan-1:pri-jiangnan-c:2023,tp-jiangnan-2:pri-jiangnan-1:2025:0.75"),
            "{q}"
        );
        let (link, notices) = decode(&q, &ds);
        assert_eq!(link.scenario, sc);
        assert!(notices.is_empty(), "{notices:?}");
        let hash = crate::summary::content_hash(&ds);
        let (head, digits) = encode_qr_for(&sc, &ds, &hash, None, None).unwrap();
        let (qr, _) = decode(&format!("{head}{digits}"), &ds);
        assert_eq!(qr.scenario.merges, sc.merges);
        // into another zone: left out, said
        let (link, notices) = decode(
            "v=1&merge=tp-jiangnan-1:pri-tandu-c:2023,tp-jiangnan-2:pri-jiangnan-c:2024,x:y",
            &ds,
        );
        assert_eq!(link.scenario.merges.len(), 1);
        assert_eq!(link.scenario.merges[0].school, "tp-jiangnan-2");
        assert_eq!(notices.iter().filter(|n| matches!(n, Notice::Merge { .. })).count(), 2);
    }

    /// Issue 14, kind 3: per-year values are written compactly (a year only
    /// where the run breaks, `*n` for a held value) and both forms read.
    #[test]
    fn per_year_values_are_written_compactly() {
        let w = |v: &[(i32, f64)]| write_years(v);
        assert_eq!(w(&[(2021, 80.0), (2022, 120.0)]), "2021:80,120");
        let held: Vec<(i32, f64)> = (2021..=2030)
            .map(|y| (y, if y == 2021 { 80.0 } else { 120.0 }))
            .collect();
        assert_eq!(w(&held), "2021:80,120*9");
        assert_eq!(w(&[(2021, 5.0), (2022, 5.0)]), "2021:5,5");
        assert_eq!(w(&[(2021, 1500.0), (2022, 1500.0)]), "2021:1500*2");
        assert_eq!(
            w(&[(2021, 1.0), (2023, 2.0), (2024, 2.0), (2025, 2.0)]),
            "2021:1,2023:2*3"
        );
        assert_eq!(w(&[(2022, 0.25), (2023, 0.5)]), "2022:0.25,0.5");
        let d = ds();
        let read = |q: &str| {
            let (link, notices) = decode(q, &d);
            (link.scenario.levers.get("hires.primary").cloned(), notices.len())
        };
        let by = |pairs: &[(i32, f64)]| {
            Some(LeverValue::ByYear(
                pairs.iter().map(|(y, v)| (y.to_string(), *v)).collect(),
            ))
        };
        // the first format and the short one read the same
        assert_eq!(
            read("?v=1&hires.primary=2021:80,2022:120"),
            (by(&[(2021, 80.0), (2022, 120.0)]), 0)
        );
        assert_eq!(
            read("?v=2&hires.primary=2021:80,120"),
            (by(&[(2021, 80.0), (2022, 120.0)]), 0)
        );
        assert_eq!(read("?v=2&hires.primary=2021:80,120*9").0, by(&held));
        assert_eq!(
            read("?v=2&hires.primary=2021:1,2023:2*3").0,
            by(&[(2021, 1.0), (2023, 2.0), (2024, 2.0), (2025, 2.0)])
        );
    }

    /// Malformed short forms are dropped item by item, with a notice, never
    /// spread over years they cannot have meant.
    #[test]
    fn malformed_per_year_items_are_dropped_alone() {
        let d = ds();
        let read = |q: &str| {
            let (link, notices) = decode(q, &d);
            (link.scenario.levers.get("hires.primary").cloned(), notices)
        };
        let by = |pairs: &[(i32, f64)]| {
            Some(LeverValue::ByYear(
                pairs.iter().map(|(y, v)| (y.to_string(), *v)).collect(),
            ))
        };
        for (q, kept) in [
            // a value with no year before it: nothing to follow
            ("?v=2&hires.primary=80,2022:120", vec![(2022, 120.0)]),
            // a count of 0, a huge count, a count that is not a number
            ("?v=2&hires.primary=2021:80*0,2024:90", vec![(2024, 90.0)]),
            ("?v=2&hires.primary=2021:80*99999999999", vec![]),
            ("?v=2&hires.primary=2021:80*x,2022:70", vec![(2022, 70.0)]),
            // a run past the horizon is dropped whole, and what follows it has no year
            ("?v=2&hires.primary=2033:80*5,90", vec![]),
            // a bad number keeps its place: the next item is the year after
            ("?v=2&hires.primary=2021:80,abc,60", vec![(2021, 80.0), (2023, 60.0)]),
        ] {
            let (value, notices) = read(q);
            let expected = if kept.is_empty() { None } else { by(&kept) };
            assert_eq!(value, expected, "{q}");
            assert!(!notices.is_empty(), "{q}: a notice");
        }
    }

    #[test]
    fn round_trip_of_a_typical_scenario() {
        let d = ds();
        let mut s = Scenario {
            name: "方案 B & C".into(),
            ..Default::default()
        };
        s.set("kg.public_seats", LeverValue::Constant(500.0)).unwrap();
        s.set(
            "hires.primary",
            LeverValue::ByYear([("2021".to_string(), 80.0), ("2022".to_string(), 120.0)].into()),
        )
        .unwrap();
        s.set("births.variant", LeverValue::Constant(0.0)).unwrap();
        let q = encode(&s, &d, Some("en"), Some(42));
        let hash = crate::summary::content_hash(&d);
        assert!(
            q.starts_with(&format!("v=2&d=linxiang-2020&dv=1&dh={hash}&dn=%E4%B8%B4")),
            "{q}"
        );
        assert!(
            q.contains("kg.public_seats=500&") && q.contains("hires.primary=2021:80,120&"),
            "{q}"
        );
        let (link, notices) = decode(
            &format!("https://example.org/app/?{q}&from=singlemessage&isappinstalled=0"),
            &d,
        );
        assert_eq!(notices, vec![]);
        assert_eq!(link.scenario, Scenario { seed: Some(42), ..s });
        assert_eq!(link.lang.as_deref(), Some("en"));
        assert_eq!(link.seed, Some(42));
        assert!(link.is_link);
        assert_eq!(link.dataset, DatasetRef::of(&d, &hash));
        assert!(link.dataset.matches(&d.id, &hash));
        assert!(!link.dataset.matches(&d.id, "00000000"));
        assert!(!link.dataset.matches("hetang-2022", &hash));
        assert_eq!(
            link_dataset(&format!("https://x/?{q}")),
            Some((DatasetRef::of(&d, &hash), Some("en".to_string())))
        );
        assert_eq!(link_dataset("https://x/?lang=en"), None);
    }

    #[test]
    fn a_link_on_other_figures_under_the_same_id_is_reported() {
        let d = ds();
        let (link, n) = decode("v=1&d=linxiang-2020&dv=1&dh=DEADBEEF&dn=%E4%B8%B4%E6%B9%98", &d);
        assert_eq!(link.dataset.hash, "deadbeef");
        assert_eq!(link.dataset.name, "临湘");
        assert!(
            matches!(&n[..], [Notice::OtherDatasetContent { found, .. }] if found == "deadbeef"),
            "{n:?}"
        );
        // an older link, without a hash, matches on the id alone
        let (link, n) = decode("v=1&d=linxiang-2020&dv=1", &d);
        assert!(n.is_empty() && link.dataset.matches(&d.id, "anything"));
        assert!(DatasetRef::default().matches("x", "y"));
    }

    #[test]
    fn bad_values_are_clamped_or_dropped_with_notices() {
        let d = ds();
        let (link, notices) = decode("v=1&kg.public_seats=99999&hires.primary=lots&funds.step_years=2021:3&births.variant=1.6&rooms.senior=2019:5,2022:4", &d);
        assert_eq!(
            link.scenario.levers.get("kg.public_seats"),
            Some(&LeverValue::Constant(3000.0))
        );
        assert!(!link.scenario.levers.contains_key("hires.primary"));
        assert!(!link.scenario.levers.contains_key("funds.step_years"));
        assert_eq!(
            link.scenario.assumptions.get("births.variant"),
            Some(&LeverValue::Constant(2.0))
        );
        assert_eq!(
            link.scenario.levers.get("rooms.senior"),
            Some(&LeverValue::ByYear([("2022".to_string(), 4.0)].into()))
        );
        assert_eq!(notices.len(), 5, "{notices:?}");
        assert!(notices
            .iter()
            .any(|n| matches!(n, Notice::Clamped { id, used, .. } if id == "kg.public_seats" && *used == 3000.0)));
    }

    #[test]
    fn other_versions_and_datasets_are_reported() {
        let d = ds();
        let (_, n) = decode("v=9&d=elsewhere&dv=7", &d);
        assert!(matches!(n[0], Notice::NewerFormat { .. }));
        assert!(matches!(n[1], Notice::OtherDataset { .. }));
        assert!(matches!(n[2], Notice::OtherDatasetVersion { .. }));
        let (link, n) = decode("", &d);
        assert!(!link.is_link && n.is_empty());
        let (link, _) = decode("#v=1&kg.public_seats=100", &d);
        assert_eq!(
            link.scenario.levers.get("kg.public_seats"),
            Some(&LeverValue::Constant(100.0))
        );
    }

    #[test]
    fn a_scenario_adapted_to_a_later_base_year_loses_the_years_before_it() {
        let d = ds();
        let mut later = d.clone();
        later.base_year = 2022;
        let mut s = Scenario::default();
        s.set(
            "hires.primary",
            LeverValue::ByYear([("2021".to_string(), 80.0), ("2024".to_string(), 120.0)].into()),
        )
        .unwrap();
        s.set("kg.public_seats", LeverValue::Constant(500.0)).unwrap();
        let (fitted, notices) = adapt(&s, &later);
        assert_eq!(
            fitted.levers.get("hires.primary"),
            Some(&LeverValue::ByYear([("2024".to_string(), 120.0)].into()))
        );
        assert_eq!(fitted.levers.get("kg.public_seats"), Some(&LeverValue::Constant(500.0)));
        assert!(
            matches!(&notices[..], [Notice::Dropped { id, .. }] if id == "hires.primary"),
            "{notices:?}"
        );
        assert!(fitted.validate(&later).is_ok());
        // on its own dataset nothing changes
        assert_eq!(adapt(&s, &d), (s.clone(), vec![]));
    }

    #[test]
    fn values_off_the_grid_are_snapped_with_a_notice() {
        let d = ds();
        // the issue's example: half a room a year
        let (l, n) = decode("v=1&rooms.primary.town=0.5", &d);
        let v = l.scenario.levers.get("rooms.primary.town").cloned();
        assert!(
            matches!(v, Some(LeverValue::Constant(x)) if x == 1.0) || v.is_none(),
            "{v:?}"
        );
        assert!(
            matches!(&n[..], [Notice::Snapped { id, .. }] if id == "rooms.primary.town"),
            "{n:?}"
        );
        // others: per-year cells, a choice, a share lever; values on the grid pass untouched
        let (l, n) = decode("v=1&hires.primary=2021:80.4,2022:120&births.variant=0.4", &d);
        assert_eq!(
            l.scenario.levers.get("hires.primary"),
            Some(&LeverValue::ByYear(
                [("2021".to_string(), 80.0), ("2022".to_string(), 120.0)].into()
            ))
        );
        assert_eq!(
            l.scenario.assumptions.get("births.variant"),
            Some(&LeverValue::Constant(0.0))
        );
        assert_eq!(
            n.iter().filter(|x| matches!(x, Notice::Snapped { .. })).count(),
            2,
            "{n:?}"
        );
        for spec in levers() {
            let on = spec.min + spec.step;
            if on <= spec.max {
                let s = spec.snap(on).unwrap();
                assert!((s - on).abs() < 1e-9 && spec.snap(s) == Some(s), "{}", spec.id);
            }
            assert_eq!(spec.snap(f64::NAN), None);
            let s = spec.snap(spec.min + spec.step * 0.4).unwrap();
            assert!((s - spec.min).abs() < 1e-9, "{}", spec.id);
        }
        // a scenario file adapted to the dataset obeys the same rule
        let mut sc = Scenario::default();
        sc.set("rooms.primary.town", LeverValue::Constant(0.5)).unwrap();
        let (fitted, n) = adapt(&sc, &d);
        assert_eq!(
            fitted.levers.get("rooms.primary.town"),
            Some(&LeverValue::Constant(1.0))
        );
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn a_repeated_key_takes_its_last_occurrence_whatever_the_values() {
        let d = ds();
        let get = |q: &str| {
            let (link, n) = decode(q, &d);
            (link.scenario.levers.get("kg.public_seats").cloned(), n)
        };
        // the issue's two examples: the last occurrence, whether or not it is the baseline
        let (l, _) = decode("v=1&hires.junior=40&hires.junior=200", &d);
        assert_eq!(
            l.scenario.levers.get("hires.junior"),
            Some(&LeverValue::Constant(200.0))
        );
        let (v, n) = get("v=1&kg.public_seats=800&kg.public_seats=0");
        assert_eq!(v, None, "0 is the baseline: the lever is unset");
        assert_eq!(
            n,
            vec![Notice::Repeated {
                id: "kg.public_seats".into()
            }]
        );
        // others of the kind: baseline first, a malformed last, per-year replaced not merged, three times
        assert_eq!(
            get("v=1&kg.public_seats=0&kg.public_seats=800").0,
            Some(LeverValue::Constant(800.0))
        );
        assert_eq!(get("v=1&kg.public_seats=800&kg.public_seats=lots").0, None);
        let (l, n) = decode(
            "v=1&hires.primary=2021:80,2022:90&hires.primary=2023:70&hires.primary=2024:60",
            &d,
        );
        assert_eq!(
            l.scenario.levers.get("hires.primary"),
            Some(&LeverValue::ByYear([("2024".to_string(), 60.0)].into()))
        );
        assert_eq!(n.iter().filter(|x| matches!(x, Notice::Repeated { .. })).count(), 1);
    }

    #[test]
    fn names_are_cleaned_and_cut() {
        let d = ds();
        let long = "长".repeat(300);
        let (link, n) = decode(&format!("v=1&n={}", pct(&long)), &d);
        assert_eq!(link.scenario.name.chars().count(), MAX_NAME);
        assert_eq!(n, vec![Notice::NameCut]);
        let (link, _) = decode("v=1&n=a%0Ab%00c", &d);
        assert_eq!(link.scenario.name, "abc");
    }
}
