//! The digits form of a scenario's levers, for QR codes.
//!
//! A QR code holds digits at 3⅓ bits each but URL text at 8, so the link on a
//! projected slide carries its levers as one run of digits (`z=…`, encoded in
//! the code's numeric mode) and everything else as usual. A scenario with
//! per-year values on every lever then still fits a code that a phone can
//! scan from the back of a meeting room.
//!
//! ```text
//! z = "2" table(2) entry*
//! entry = lever(2) "0" k(w)                     one value for every year
//!       | lever(2) "1" year(2) count(2) k(w)*   `count` years from base year + `year`
//! ```
//! `lever` is the position in [`LEVERS`] (append only), `k` the step index of
//! the value on the lever's grid (value = min + k·step, snapped as
//! [`LeverSpec::snap`]), written in `w` digits, `w` the number of digits of the
//! lever's step count. `table` is a checksum of the levers' ids, ranges and
//! steps: a build whose levers differ refuses the digits with a notice rather
//! than read them as other values.

use std::collections::BTreeMap;

use crate::catalogue::{lever_spec, LeverKind, LeverSpec};
use crate::dataset::Dataset;
use crate::scenario::{default_value, LeverValue, Scenario};

/// The levers in the order the digits number them. Append only: a link on a
/// slide must open the same scenario in a later build (a test checks every
/// catalogue lever is here).
pub const LEVERS: [&str; 36] = [
    "kg.public_seats",
    "kg.convert_to_public",
    "kg.accredit_inclusive",
    "rooms.primary.town",
    "rooms.primary.rural",
    "rooms.junior.town",
    "rooms.junior.rural",
    "rooms.senior",
    "rooms.vocational",
    "special.places",
    "hires.kg",
    "hires.primary",
    "hires.junior",
    "hires.senior",
    "hires.vocational",
    "trainees.intake",
    "senior.progression",
    "senior.general_share",
    "students.dropout_reduction",
    "funds.step.primary",
    "funds.step.junior",
    "funds.step.senior",
    "funds.step_years",
    "budget.growth",
    "salary.growth",
    "budget.mode",
    "budget.extra",
    "budget.recurring_share",
    "budget.order",
    "births.variant",
    "migration.scale",
    "kg.participation_trend",
    "teachers.attrition",
    "costs.scale",
    "exchange.primary",
    "exchange.junior",
];

/// The lengths [`LEVERS`] has had in released builds: digits made by any of
/// them are read (their levers are a prefix of this table), with their
/// table's checksum. Add the new length when appending levers.
const RELEASED: [usize; 2] = [34, 36];

/// The first digit: this layout.
const LAYOUT: char = '2';

/// Why digits were not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DigitsError {
    /// Made by a build whose levers differ (another layout or table).
    OtherBuild,
    /// Cut short or not digits; the entries before `at` were read.
    Malformed { at: usize },
}

fn width(spec: &LeverSpec) -> usize {
    let steps = ((spec.max - spec.min) / spec.step).round().max(1.0) as u64;
    steps.to_string().len()
}

/// The first three digits every digits form of this build starts with.
pub fn header() -> String {
    format!("{LAYOUT}{:02}", table(LEVERS.len()))
}

/// A checksum (00–99) of the first `n` levers of the table: ids, ranges and steps.
fn table(n: usize) -> u32 {
    let mut h: u32 = 17;
    for id in LEVERS.iter().take(n) {
        let text = lever_spec(id).map_or_else(|| id.to_string(), |s| format!("{id}{}{}{}", s.min, s.max, s.step));
        for b in text.bytes() {
            h = h.wrapping_mul(31).wrapping_add(b as u32);
        }
    }
    h % 100
}

/// The step index of `v` when it lies exactly on the lever's grid.
fn step_index(spec: &LeverSpec, v: f64) -> Option<u64> {
    let k = ((v - spec.min) / spec.step).round();
    (k >= 0.0 && spec.snap(v) == Some(v) && spec.snap(spec.min + k * spec.step) == Some(v)).then_some(k as u64)
}

/// The digits for the scenario's levers (values equal to the baseline left
/// out, as in a readable link), or `None` when a value is off its lever's
/// grid (it could not be read back exactly; the readable link is used).
pub fn encode(sc: &Scenario, ds: &Dataset) -> Option<String> {
    let mut out = header();
    for (i, id) in LEVERS.iter().enumerate() {
        let spec = lever_spec(id)?;
        let map = match spec.kind {
            LeverKind::Policy => &sc.levers,
            LeverKind::Assumption => &sc.assumptions,
        };
        let Some(value) = map.get(spec.id) else { continue };
        let w = width(spec);
        match value {
            LeverValue::Constant(v) if *v == default_value(spec, ds) => {}
            LeverValue::Constant(v) => out.push_str(&format!("{i:02}0{:0w$}", step_index(spec, *v)?)),
            LeverValue::ByYear(m) => {
                let mut years: Vec<(i32, f64)> = m
                    .iter()
                    .filter_map(|(y, v)| y.trim().parse().ok().map(|y| (y, *v)))
                    .collect();
                years.sort_by_key(|(y, _)| *y);
                for run in years.chunk_by(|a, b| b.0 == a.0 + 1) {
                    for part in run.chunks(99) {
                        let offset = part[0].0 - ds.base_year;
                        if !(0..100).contains(&offset) {
                            return None;
                        }
                        out.push_str(&format!("{i:02}1{offset:02}{:02}", part.len()));
                        for (_, v) in part {
                            out.push_str(&format!("{:0w$}", step_index(spec, *v)?));
                        }
                    }
                }
            }
        }
    }
    Some(out)
}

/// Reads digits back into lever values, in the order written (entries for the
/// same lever merge, as the runs of one per-year value). On an error the
/// entries read so far are returned with it.
pub fn decode(digits: &str, ds: &Dataset) -> (Vec<(&'static str, LeverValue)>, Option<DigitsError>) {
    let d = digits.trim().as_bytes();
    // the table the digits were made with: this build's or an earlier release's
    let known = (d.len() >= 3 && d[0] == LAYOUT as u8)
        .then(|| read(d, 1, 2))
        .flatten()
        .and_then(|sum| RELEASED.iter().rev().copied().find(|n| table(*n) as u64 == sum));
    let Some(levers) = known else {
        return (Vec::new(), Some(DigitsError::OtherBuild));
    };
    let mut out: Vec<(&'static str, LeverValue)> = Vec::new();
    let mut at = 3;
    while at < d.len() {
        match entry(d, at, ds, levers) {
            Some((id, value, next)) => {
                merge(&mut out, id, value);
                at = next;
            }
            None => return (out, Some(DigitsError::Malformed { at })),
        }
    }
    (out, None)
}

/// One entry at `at` of digits made with the first `levers` levers: the
/// lever, its value and where the next entry starts.
fn entry(d: &[u8], at: usize, ds: &Dataset, levers: usize) -> Option<(&'static str, LeverValue, usize)> {
    let id = *LEVERS[..levers.min(LEVERS.len())].get(read(d, at, 2)? as usize)?;
    let spec = lever_spec(id)?;
    let w = width(spec);
    let value_at = |pos: usize| -> Option<f64> {
        let k = read(d, pos, w)?;
        let raw = spec.min + k as f64 * spec.step;
        let v = spec.snap(raw)?;
        // past the range is not clamped, and the scenario's own rule holds
        // (a real programme order for the order lever)
        (raw <= spec.max + spec.step / 2.0 && crate::scenario::check_value(spec, v).is_ok()).then_some(v)
    };
    match d.get(at + 2)? {
        b'0' => Some((id, LeverValue::Constant(value_at(at + 3)?), at + 3 + w)),
        b'1' if spec.per_year => {
            let first = ds.base_year + read(d, at + 3, 2)? as i32;
            let count = read(d, at + 5, 2)? as usize;
            let last = first + count as i32 - 1;
            if count == 0 || first <= ds.base_year || last > ds.max_horizon {
                return None;
            }
            let mut m = BTreeMap::new();
            for j in 0..count {
                m.insert((first + j as i32).to_string(), value_at(at + 7 + j * w)?);
            }
            Some((id, LeverValue::ByYear(m), at + 7 + count * w))
        }
        _ => None,
    }
}

/// `n` digits at `at` as a number.
fn read(d: &[u8], at: usize, n: usize) -> Option<u64> {
    let s = d.get(at..at + n)?;
    s.iter()
        .all(u8::is_ascii_digit)
        .then(|| s.iter().fold(0u64, |a, b| a * 10 + (b - b'0') as u64))
}

fn merge(out: &mut Vec<(&'static str, LeverValue)>, id: &'static str, value: LeverValue) {
    if let (Some((_, LeverValue::ByYear(have))), LeverValue::ByYear(more)) =
        (out.iter_mut().find(|(x, _)| *x == id), &value)
    {
        have.extend(more.clone());
        return;
    }
    out.retain(|(x, _)| *x != id);
    out.push((id, value));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        Dataset::default_dataset().unwrap()
    }

    #[test]
    fn every_catalogue_lever_has_a_number() {
        for l in crate::catalogue::levers() {
            assert!(LEVERS.contains(&l.id), "append {} to link_digits::LEVERS", l.id);
        }
    }

    #[test]
    fn a_scenario_round_trips_exactly() {
        let d = ds();
        let mut s = Scenario::default();
        s.set("kg.public_seats", LeverValue::Constant(800.0)).unwrap();
        s.set("senior.general_share", LeverValue::Constant(0.5)).unwrap();
        s.set("budget.growth", LeverValue::Constant(-0.02)).unwrap();
        let years = |v: &[(i32, f64)]| LeverValue::ByYear(v.iter().map(|(y, x)| (y.to_string(), *x)).collect());
        s.set("hires.primary", years(&[(2021, 120.0), (2022, 100.0), (2024, 80.0)]))
            .unwrap();
        s.set("births.variant", LeverValue::Constant(0.0)).unwrap();
        let z = encode(&s, &d).unwrap();
        let (got, err) = decode(&z, &d);
        assert_eq!(err, None, "{z}");
        let mut back = Scenario::default();
        for (id, v) in got {
            back.set(id, v).unwrap();
        }
        assert_eq!(back.levers, s.levers, "{z}");
        assert_eq!(back.assumptions, s.assumptions, "{z}");
        assert!(z.bytes().all(|b| b.is_ascii_digit()));
    }

    /// Digits on a slide made before levers were appended still open the
    /// same scenario; a lever that table did not have is refused, not misread.
    #[test]
    fn digits_of_an_earlier_release_still_read() {
        let d = ds();
        assert_eq!(
            *RELEASED.last().unwrap(),
            LEVERS.len(),
            "add the new length to RELEASED"
        );
        // made by the 34-lever build: kg.public_seats (0) = 800 seats (step 10 → 80)
        let old = format!("{LAYOUT}{:02}000{:03}", table(34), 80);
        let (got, err) = decode(&old, &d);
        assert_eq!(err, None, "{old}");
        assert_eq!(got, vec![("kg.public_seats", LeverValue::Constant(800.0))]);
        // lever 34 (exchange.primary) did not exist in that table
        let (_, err) = decode(&format!("{LAYOUT}{:02}340010", table(34)), &d);
        assert!(matches!(err, Some(DigitsError::Malformed { .. })));
        // and this build's digits carry it
        let (got, err) = decode(&format!("{LAYOUT}{:02}340010", table(36)), &d);
        assert_eq!(err, None);
        assert_eq!(got, vec![("exchange.primary", LeverValue::Constant(10.0))]);
    }

    #[test]
    fn bad_digits_are_refused_not_misread() {
        let d = ds();
        assert_eq!(decode("", &d).1, Some(DigitsError::OtherBuild));
        assert_eq!(decode("9000", &d).1, Some(DigitsError::OtherBuild));
        let ok = format!("{LAYOUT}{:02}", table(LEVERS.len()));
        // cut short, an unknown lever, a value past the range, a year past the horizon,
        // and an order that is no order (12346, found by the fuzz test)
        for tail in ["0", "00", "000", "9900", "110999", "1112099000", "28000001"] {
            let (got, err) = decode(&format!("{ok}{tail}"), &d);
            assert!(matches!(err, Some(DigitsError::Malformed { .. })), "{tail}: {got:?}");
        }
        // a value off the grid is not encoded (the readable link carries it)
        let mut s = Scenario::default();
        s.levers
            .insert("senior.general_share".into(), LeverValue::Constant(0.5000000001));
        assert_eq!(encode(&s, &d), None);
    }
}
