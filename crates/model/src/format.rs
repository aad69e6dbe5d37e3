//! Number formatting for people, in pure Rust so it is tested natively.
//!
//! Chinese readers expect 万 (10⁴) and 亿 (10⁸) for large counts and money;
//! English readers expect thousands separators and "m" for millions of yuan.

use crate::units::IndicatorUnit;

/// The two display languages of the formatting rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    Zh,
    En,
}

impl Locale {
    /// The text of this language out of a pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Zh => zh,
            Locale::En => en,
        }
    }
}

/// How every value with no number to show is written: an undefined ratio
/// (see [`crate::units::UNDEFINED`]) or a year past the horizon.
pub const NO_VALUE: &str = "—";

/// Groups the integer part with commas: 1234567 → "1,234,567".
pub fn group_thousands(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return NO_VALUE.into();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    // "-0" is not a thing people write
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '−');
    }
    out
}

/// Trims trailing zeros of a fixed-point number: "1.50" → "1.5", "2.00" → "2".
fn trim(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A count of people, seats, classes…: "1.55万" / "3031" / "15,520".
/// Chinese statistics write no thousands separator below 万 (全年出生人口3031人).
pub fn count(x: f64, loc: Locale) -> String {
    if !x.is_finite() {
        return NO_VALUE.into();
    }
    match loc {
        Locale::Zh if x.abs() >= 1e8 => format!("{}亿", trim(format!("{:.2}", x / 1e8))),
        Locale::Zh if x.abs() >= 1e4 => format!("{}万", trim(format!("{:.2}", x / 1e4))),
        Locale::Zh => plain(x.round(), 0),
        Locale::En => group_thousands(x.round(), 0),
    }
}

/// The dash between the ends of a range of numbers: ～ in Chinese
/// (GB/T 15834), – in English.
pub fn range_dash(loc: Locale) -> &'static str {
    match loc {
        Locale::Zh => "～",
        Locale::En => "–",
    }
}

/// A number with `decimals` and no separators, with a proper minus sign
/// ("−0.0" is written "0.0").
fn plain(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x);
    if s.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
        s.trim_start_matches('-').to_string()
    } else {
        s.replace('-', "−")
    }
}

/// The Chinese measure word after a count of this unit (1.55万人, 12间).
fn measure(unit: IndicatorUnit) -> &'static str {
    use IndicatorUnit as U;
    match unit {
        U::Persons | U::Pupils | U::Teachers | U::Trainees | U::Places | U::PupilsPerClass => "人",
        U::Seats => "个",
        U::Classes => "个",
        U::Classrooms => "间",
        U::Schools => "所",
        U::Share | U::Yuan | U::YuanPerPupil | U::PupilsPerTeacher => "",
    }
}

/// A pupil–teacher ratio as it is written: "17.2:1" (a whole ratio "19:1").
fn ratio_text(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x);
    let s = if decimals == 1 {
        s.strip_suffix(".0").map_or(s.clone(), str::to_string)
    } else {
        s
    };
    format!("{s}:1")
}

/// A share in 0..=1 as a percentage with one decimal: "95.4%".
pub fn percent(x: f64) -> String {
    if !x.is_finite() {
        return NO_VALUE.into();
    }
    format!("{}%", plain(x * 100.0, 1))
}

/// A share as a percentage with the decimals it needs: 50%, 37.5%.
pub fn share_text(x: f64) -> String {
    if !x.is_finite() {
        return NO_VALUE.into();
    }
    let p = x * 100.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{}%", plain(p, 0))
    } else {
        format!("{}%", plain(p, 1))
    }
}

/// Money in yuan: "7.00亿元", "350万元" / "¥700.0 m", "¥35,000".
pub fn yuan(x: f64, loc: Locale) -> String {
    if !x.is_finite() {
        return NO_VALUE.into();
    }
    let sign = if x < 0.0 { "−" } else { "" };
    let a = x.abs();
    match loc {
        Locale::Zh if a >= 1e8 => format!("{sign}{:.2}亿元", a / 1e8),
        Locale::Zh if a >= 1e4 => format!("{sign}{}万元", plain((a / 1e4).round(), 0)),
        Locale::Zh => format!("{sign}{}元", plain(a.round(), 0)),
        Locale::En if a >= 1e6 => format!("{sign}¥{} m", group_thousands(a / 1e6, 1)),
        Locale::En => format!("{sign}¥{}", group_thousands(a.round(), 0)),
    }
}

/// A value in the unit of an indicator, with its Chinese measure word
/// ("1.55万人", "45.3人", "17.2:1", "950元").
pub fn value(x: f64, unit: IndicatorUnit, loc: Locale) -> String {
    if !x.is_finite() {
        return NO_VALUE.into();
    }
    match (loc, bare(x, unit, loc)) {
        (Locale::Zh, b) => format!("{b}{}", measure(unit)),
        (Locale::En, b) => b,
    }
}

/// [`value`] without the measure word (for chart axes, where the title
/// names the unit).
pub fn bare(x: f64, unit: IndicatorUnit, loc: Locale) -> String {
    use IndicatorUnit as U;
    match unit {
        U::Share => percent(x),
        U::Yuan => yuan(x, loc),
        _ if !x.is_finite() => NO_VALUE.into(),
        U::YuanPerPupil => match loc {
            Locale::Zh => format!("{}元", plain(x.round(), 0)),
            Locale::En => format!("¥{}", group_thousands(x.round(), 0)),
        },
        U::PupilsPerTeacher => ratio_text(x, 1),
        U::PupilsPerClass => match loc {
            Locale::Zh => plain(x, 1),
            Locale::En => group_thousands(x, 1),
        },
        _ => count(x, loc),
    }
}

/// A difference between two values of `unit` (a gap to a threshold, a
/// spread between scenarios): as [`value`], except that a difference of
/// pupil–teacher ratios is a plain number of pupils ("0.5", not "0.5:1").
pub fn difference(x: f64, unit: IndicatorUnit, loc: Locale) -> String {
    match (unit, loc) {
        (IndicatorUnit::PupilsPerTeacher, Locale::Zh) => plain(x, 1),
        (IndicatorUnit::PupilsPerTeacher, Locale::En) => group_thousands(x, 1),
        _ => value(x, unit, loc),
    }
}

/// A value with `extra` more decimals than [`value`] shows (counts and money
/// then in whole units and beyond, not in 万/亿).
pub fn value_with(x: f64, unit: IndicatorUnit, loc: Locale, extra: usize) -> String {
    use IndicatorUnit as U;
    if extra == 0 {
        return value(x, unit, loc);
    }
    if !x.is_finite() {
        return NO_VALUE.into();
    }
    match unit {
        U::Share => format!("{}%", plain(x * 100.0, 1 + extra)),
        U::PupilsPerTeacher => ratio_text(x, 1 + extra),
        U::PupilsPerClass => match loc {
            Locale::Zh => format!("{}人", plain(x, 1 + extra)),
            Locale::En => group_thousands(x, 1 + extra),
        },
        U::Yuan | U::YuanPerPupil => match loc {
            Locale::Zh => format!("{}元", plain(x, extra - 1)),
            Locale::En => format!("¥{}", group_thousands(x, extra - 1)),
        },
        _ => match loc {
            Locale::Zh => format!("{}{}", plain(x, extra - 1), measure(unit)),
            Locale::En => group_thousands(x, extra - 1),
        },
    }
}

/// A value shown so that its standing against thresholds is self-evident:
/// the fewest extra decimals (up to 4) at which it no longer reads as equal
/// to a threshold it is not equal to ("94.96%" against "≥ 95.0%", not "95.0%").
pub fn value_near(x: f64, thresholds: &[f64], unit: IndicatorUnit, loc: Locale) -> String {
    for extra in 0..4 {
        let shown = value_with(x, unit, loc, extra);
        let clash = thresholds
            .iter()
            .any(|t| *t != x && value_with(*t, unit, loc, extra) == shown);
        if !clash {
            return shown;
        }
    }
    value_with(x, unit, loc, 4)
}

/// A value rounded as [`value_near`] writes it (shares to the shown tenth of a
/// percent or finer, ratios and class sizes to the shown decimal, yuan per
/// pupil to the yuan; other units as they are): differences of two shown
/// values are then the difference a reader computes from the board.
pub fn as_shown(x: f64, thresholds: &[f64], unit: IndicatorUnit, loc: Locale) -> f64 {
    use IndicatorUnit as U;
    if !x.is_finite() {
        return x;
    }
    let extra = (0..4)
        .find(|e| {
            let shown = value_with(x, unit, loc, *e);
            !thresholds
                .iter()
                .any(|t| *t != x && value_with(*t, unit, loc, *e) == shown)
        })
        .unwrap_or(4) as i32;
    let round = |decimals: i32| {
        let f = 10f64.powi(decimals);
        (x * f).round() / f
    };
    match unit {
        U::Share => round(3 + extra),
        U::PupilsPerTeacher | U::PupilsPerClass => round(1 + extra),
        U::YuanPerPupil => round(extra),
        _ => x,
    }
}

/// How far a value is from another of `unit`, as the target board says it:
/// shares in percentage points ("2.1个百分点", "2.1 pts"), the rest as
/// [`difference`]. The sign is the caller's (pass a magnitude).
pub fn margin(m: f64, unit: IndicatorUnit, loc: Locale) -> String {
    match (unit, loc) {
        (IndicatorUnit::Share, Locale::Zh) => format!("{}个百分点", points(m)),
        (IndicatorUnit::Share, Locale::En) => format!("{} pts", points(m)),
        _ => difference(m, unit, loc),
    }
}

/// A distance in percentage points, with the decimals (1 to 4) that keep a
/// non-zero distance from reading as 0.0.
pub fn points(m: f64) -> String {
    // a difference that is zero but for rounding (0.737 − 0.737 in floating point) reads 0.0
    if (m * 100.0).abs() < 0.000_05 {
        return "0.0".into();
    }
    for d in 1..=4 {
        let s = format!("{:.*}", d, m * 100.0);
        if m == 0.0
            || s.trim_start_matches('-')
                .chars()
                .any(|c| c.is_ascii_digit() && c != '0')
        {
            return s.replace('-', "−");
        }
    }
    format!("{:.4}", m * 100.0).replace('-', "−")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_near_its_threshold_shows_the_difference() {
        use IndicatorUnit as U;
        // the example: just under 95% is not shown as 95.0%
        assert_eq!(value_near(0.94996, &[0.95], U::Share, Locale::Zh), "94.996%");
        assert_eq!(value_near(0.9496, &[0.95], U::Share, Locale::Zh), "94.96%");
        assert_eq!(value_near(0.9536, &[0.95], U::Share, Locale::Zh), "95.4%");
        assert_eq!(value_near(0.95, &[0.95], U::Share, Locale::Zh), "95.0%");
        // others: a ratio, a count, money
        assert_eq!(value_near(12.504, &[12.5], U::PupilsPerTeacher, Locale::Zh), "12.504:1");
        assert_eq!(value_near(15_499.0, &[15_500.0], U::Pupils, Locale::Zh), "15499人");
        assert_eq!(value_near(15_499.0, &[15_500.0], U::Pupils, Locale::En), "15,499");
        assert_eq!(value_near(649.6, &[650.0], U::YuanPerPupil, Locale::Zh), "649.6元");
        assert_eq!(points(0.00004), "0.004");
        assert_eq!(points(0.05), "5.0");
        assert_eq!(points(0.0), "0.0");
        // zero but for floating-point rounding (the comparison's spread of equal values)
        assert_eq!(points((0.1 + 0.2) - 0.3), "0.0");
        assert_eq!(points(1e-17), "0.0");
        assert_eq!(points(-3e-15), "0.0");
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(1234567.0, 0), "1,234,567");
        assert_eq!(group_thousands(999.0, 0), "999");
        assert_eq!(group_thousands(1000.0, 0), "1,000");
        assert_eq!(group_thousands(-1234.5, 1), "−1,234.5");
        assert_eq!(group_thousands(-0.01, 0), "0");
        assert_eq!(group_thousands(f64::NAN, 0), "—");
        assert_eq!(
            value(crate::units::UNDEFINED, IndicatorUnit::PupilsPerTeacher, Locale::Zh),
            "—"
        );
        assert_eq!(
            value_near(
                crate::units::UNDEFINED,
                &[12.5],
                IndicatorUnit::PupilsPerTeacher,
                Locale::En
            ),
            "—"
        );
        assert_eq!(
            value(crate::units::UNDEFINED, IndicatorUnit::YuanPerPupil, Locale::Zh),
            "—"
        );
    }

    #[test]
    fn chinese_counts_use_wan_and_yi() {
        assert_eq!(count(15520.0, Locale::Zh), "1.55万");
        assert_eq!(count(433200.0, Locale::Zh), "43.32万");
        assert_eq!(count(3031.0, Locale::Zh), "3031", "no separator below 万");
        assert_eq!(count(3031.0, Locale::En), "3,031");
        assert_eq!(count(20000.0, Locale::Zh), "2万");
        assert_eq!(count(1.5e8, Locale::Zh), "1.5亿");
        assert_eq!(count(15520.4, Locale::En), "15,520");
    }

    #[test]
    fn percentages_and_money() {
        assert_eq!(percent(0.9536), "95.4%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(percent(-0.00001), "0.0%");
        assert_eq!(yuan(7.0e8, Locale::Zh), "7.00亿元");
        assert_eq!(yuan(3_500_000.0, Locale::Zh), "350万元");
        assert_eq!(yuan(-3_500_000.0, Locale::Zh), "−350万元");
        assert_eq!(yuan(650.0, Locale::Zh), "650元");
        assert_eq!(yuan(7.0e8, Locale::En), "¥700.0 m");
        assert_eq!(yuan(35_000.0, Locale::En), "¥35,000");
    }

    #[test]
    fn values_by_unit() {
        assert_eq!(value(0.5, IndicatorUnit::Share, Locale::En), "50.0%");
        // review C5: measure words, ratios as n:1, no separators below 万
        assert_eq!(value(45.26, IndicatorUnit::PupilsPerClass, Locale::Zh), "45.3人");
        assert_eq!(value(45.26, IndicatorUnit::PupilsPerClass, Locale::En), "45.3");
        assert_eq!(value(950.0, IndicatorUnit::YuanPerPupil, Locale::Zh), "950元");
        assert_eq!(value(12345.0, IndicatorUnit::Pupils, Locale::Zh), "1.23万人");
        assert_eq!(value(3031.0, IndicatorUnit::Persons, Locale::Zh), "3031人");
        assert_eq!(value(12.0, IndicatorUnit::Classrooms, Locale::Zh), "12间");
        assert_eq!(value(17.24, IndicatorUnit::PupilsPerTeacher, Locale::Zh), "17.2:1");
        assert_eq!(value(19.0, IndicatorUnit::PupilsPerTeacher, Locale::En), "19:1");
        assert_eq!(bare(12345.0, IndicatorUnit::Pupils, Locale::Zh), "1.23万");
        assert_eq!(yuan(13_500_000.0, Locale::Zh), "1350万元");
    }
}
