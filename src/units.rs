//! How lever values are shown: the unit label and the display scale
//! (shares are stored as fractions and shown as percentages).

use eduplan_model::catalogue::LeverUnit;

use crate::i18n::{Lang, Strings};

/// Factor from stored value to displayed value.
pub fn scale(unit: LeverUnit) -> f64 {
    match unit {
        LeverUnit::Share | LeverUnit::RatePerYear | LeverUnit::PointsPerYear => 100.0,
        // money levers move in millions; planners count in 万元 (10,000 yuan)
        LeverUnit::YuanPerYear => 1e-4,
        _ => 1.0,
    }
}

/// Unit label after the displayed number.
pub fn label(unit: LeverUnit, t: &Strings) -> &'static str {
    match unit {
        LeverUnit::SeatsPerYear => t.unit_seats_per_year,
        LeverUnit::ClassroomsPerYear => t.unit_classrooms_per_year,
        LeverUnit::PlacesPerYear => t.unit_places_per_year,
        LeverUnit::TeachersPerYear => t.unit_teachers_per_year,
        LeverUnit::TraineesPerYear => t.unit_trainees_per_year,
        LeverUnit::Share => "%",
        LeverUnit::RatePerYear => t.unit_percent_per_year,
        LeverUnit::PointsPerYear => t.unit_points_per_year,
        LeverUnit::YuanPerPupilPerYear => t.unit_yuan_per_pupil_per_year,
        LeverUnit::Years => t.unit_years,
        LeverUnit::Multiplier => t.unit_times,
        LeverUnit::Choice | LeverUnit::Order => "",
        LeverUnit::YuanPerYear => t.unit_yuan_per_year,
    }
}

/// Decimals to show for a lever's displayed value.
pub fn decimals(step: f64, unit: LeverUnit) -> usize {
    let s = step * scale(unit);
    if s >= 1.0 {
        0
    } else {
        (-s.log10()).ceil().clamp(0.0, 4.0) as usize
    }
}

/// Displayed text of a stored value.
pub fn display(v: f64, step: f64, unit: LeverUnit) -> String {
    format!("{:.*}", decimals(step, unit), v * scale(unit))
}

/// A lever value with its unit: "3000个学位/年", "56.5%" (no space in
/// Chinese, none before %), "80 teachers/yr".
pub fn show(v: f64, step: f64, unit: LeverUnit, lang: Lang) -> String {
    with_label(&display(v, step, unit), unit, lang)
}

/// A number followed by the unit's label: no space in Chinese or before %,
/// a space otherwise ("80人/年", "56.5%", "80 teachers/yr").
fn with_label(number: &str, unit: LeverUnit, lang: Lang) -> String {
    let label = self::label(unit, lang.strings());
    if label.is_empty() || lang == Lang::Zh || label.starts_with('%') {
        format!("{number}{label}")
    } else {
        format!("{number} {label}")
    }
}

/// A raw stored value in the control's scale, unrounded to the lever's step
/// (binary noise cleaned): 1.2 for a share is "120", 0.5 classrooms "0.5";
/// a number too large to scale ("1e308" in a link) is written as given.
pub fn given_number(v: f64, unit: LeverUnit) -> String {
    let x = ((v * scale(unit)) * 1e9).round() / 1e9;
    if x.is_finite() {
        format!("{x}")
    } else {
        format!("{v:e}")
    }
}

/// A value as given (a link's or a file's raw number) in the units the
/// control shows, without rounding it to the lever's step: 1.2 for a share
/// is "120%", 0.5 classrooms "0.5间/年" — so a notice about it reads in the
/// numbers the user sees.
pub fn show_given(v: f64, unit: LeverUnit, lang: Lang) -> String {
    with_label(&given_number(v, unit), unit, lang)
}

/// A lever's range as the help line ends: "（0～3000个学位/年）",
/// "(0–3000 seats/yr)" — ～ for a range of numbers in Chinese.
pub fn range(min: f64, max: f64, step: f64, unit: LeverUnit, lang: Lang) -> String {
    let dash = eduplan_model::format::range_dash(lang.locale());
    let span = with_label(
        &format!("{}{dash}{}", display(min, step, unit), display(max, step, unit)),
        unit,
        lang,
    );
    match lang {
        Lang::Zh => format!("（{span}）"),
        Lang::En => format!("({span})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_show_as_percent() {
        assert_eq!(display(0.565, 0.005, LeverUnit::Share), "56.5");
        assert_eq!(display(1200.0, 10.0, LeverUnit::SeatsPerYear), "1200");
        assert_eq!(display(0.035, 0.005, LeverUnit::RatePerYear), "3.5");
        assert_eq!(display(1.0, 0.1, LeverUnit::Multiplier), "1.0");
        assert_eq!(decimals(0.001, LeverUnit::PointsPerYear), 1);
        assert_eq!(display(60_000_000.0, 1_000_000.0, LeverUnit::YuanPerYear), "6000");
    }

    /// Review C1, C4: no space before % or a Chinese unit; ～ for ranges.
    #[test]
    fn values_with_units_in_each_language() {
        assert_eq!(show(0.565, 0.005, LeverUnit::Share, Lang::Zh), "56.5%");
        assert_eq!(show(0.03, 0.005, LeverUnit::RatePerYear, Lang::Zh), "3.0%");
        assert_eq!(show(80.0, 1.0, LeverUnit::TeachersPerYear, Lang::Zh), "80人/年");
        assert_eq!(show(80.0, 1.0, LeverUnit::TeachersPerYear, Lang::En), "80 teachers/yr");
        assert_eq!(show(0.565, 0.005, LeverUnit::Share, Lang::En), "56.5%");
        assert_eq!(
            range(0.0, 3000.0, 10.0, LeverUnit::SeatsPerYear, Lang::Zh),
            "（0～3000个学位/年）"
        );
        // review C6: a notice speaks the control's units
        assert_eq!(show_given(1.2, LeverUnit::Share, Lang::Zh), "120%");
        assert_eq!(show_given(0.5, LeverUnit::ClassroomsPerYear, Lang::Zh), "0.5间/年");
        assert_eq!(
            range(0.0, 3000.0, 10.0, LeverUnit::SeatsPerYear, Lang::En),
            "(0–3000 seats/yr)"
        );
    }
}
