//! How lever values are shown: the unit label and the display scale
//! (shares are stored as fractions and shown as percentages).

use eduplan_model::catalogue::LeverUnit;

use crate::i18n::Strings;

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
}
