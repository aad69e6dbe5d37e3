//! Which indicators each chart shows. Targets are not named here: a chart
//! draws every dataset target whose indicator it lists, so no dataset's target
//! ids are assumed in code.

use crate::i18n::Strings;

/// Okabe–Ito colours, in the order series use them.
pub const BLUE: &str = "#0072B2";
pub const ORANGE: &str = "#E69F00";
pub const GREEN: &str = "#009E73";
pub const VERMILLION: &str = "#D55E00";
pub const PURPLE: &str = "#CC79A7";
pub const SKY: &str = "#56B4E9";
pub const BLACK: &str = "#000000";

#[derive(Debug, PartialEq)]
pub struct Series {
    /// County indicator id; zonal charts use `<id>@<zone>` where it exists.
    pub indicator: &'static str,
    pub color: &'static str,
}

#[derive(Debug)]
pub struct ChartSpec {
    pub id: &'static str,
    pub title: fn(&Strings) -> &'static str,
    pub series: &'static [Series],
    /// Indicators whose dataset targets are drawn as lines or bands.
    pub target_indicators: &'static [&'static str],
    /// Offers a zone selector (series without a zonal version are then hidden).
    pub zonal: bool,
}

/// Charts are identified by id (their title is a function, which cannot be compared).
impl PartialEq for ChartSpec {
    fn eq(&self, o: &Self) -> bool {
        self.id == o.id
    }
}

const fn s(indicator: &'static str, color: &'static str) -> Series {
    Series { indicator, color }
}

pub static CHARTS: &[ChartSpec] = &[
    ChartSpec {
        id: "enrollment",
        title: |t| t.chart_enrollment,
        series: &[
            s("kg.enrollment", ORANGE),
            s("primary.enrollment", BLUE),
            s("junior.enrollment", GREEN),
            s("senior.enrollment", VERMILLION),
            s("vocational.enrollment", PURPLE),
        ],
        target_indicators: &[],
        zonal: false,
    },
    ChartSpec {
        id: "births",
        title: |t| t.chart_births,
        series: &[
            s("pop.births", BLACK),
            s("primary.intake", BLUE),
            s("junior.intake", GREEN),
        ],
        target_indicators: &[],
        zonal: false,
    },
    ChartSpec {
        id: "kindergarten",
        title: |t| t.chart_kindergarten,
        series: &[
            s("kg.ger", BLUE),
            s("kg.public_share", ORANGE),
            s("kg.inclusive_share", GREEN),
        ],
        target_indicators: &["kg.ger", "kg.public_share", "kg.inclusive_share"],
        zonal: true,
    },
    ChartSpec {
        id: "large_classes",
        title: |t| t.chart_large_classes,
        series: &[
            s("primary.share_56plus", BLUE),
            s("junior.share_56plus", GREEN),
            s("senior.share_56plus", PURPLE),
            s("compulsory.share_66", VERMILLION),
        ],
        target_indicators: &["compulsory.share_56plus", "compulsory.share_66", "senior.share_56plus"],
        zonal: true,
    },
    ChartSpec {
        id: "class_size",
        title: |t| t.chart_class_size,
        series: &[
            s("primary.class_size", BLUE),
            s("junior.class_size", GREEN),
            s("senior.class_size", PURPLE),
            s("vocational.class_size", SKY),
        ],
        target_indicators: &[],
        zonal: true,
    },
    ChartSpec {
        id: "teachers",
        title: |t| t.chart_teachers,
        series: &[s("teachers.total", BLUE), s("teachers.requirement", ORANGE)],
        target_indicators: &[],
        zonal: false,
    },
    ChartSpec {
        id: "schools",
        title: |t| t.chart_schools,
        series: &[
            s("primary.schools", BLUE),
            s("junior.schools", GREEN),
            s("senior.schools", VERMILLION),
            s("vocational.schools", PURPLE),
        ],
        target_indicators: &[],
        zonal: false,
    },
    ChartSpec {
        id: "schools_flagged",
        title: |t| t.chart_schools_flagged,
        // the total counts each school once (a nine-year school is in both its stages' lines)
        series: &[
            s("schools_flagged", BLACK),
            s("kg.schools_flagged", ORANGE),
            s("primary.schools_flagged", BLUE),
            s("junior.schools_flagged", GREEN),
            s("senior.schools_flagged", VERMILLION),
            s("vocational.schools_flagged", PURPLE),
        ],
        target_indicators: &[],
        zonal: false,
    },
    ChartSpec {
        id: "teacher_gap_norm",
        title: |t| t.chart_teacher_gap_norm,
        series: &[s("primary.teacher_gap_norm", BLUE), s("junior.teacher_gap_norm", GREEN)],
        target_indicators: &[],
        zonal: true,
    },
    ChartSpec {
        id: "staffing",
        title: |t| t.chart_staffing,
        series: &[
            s("primary.pupils_per_teacher", BLUE),
            s("junior.pupils_per_teacher", GREEN),
            s("senior.pupils_per_teacher", PURPLE),
        ],
        target_indicators: &[
            "primary.pupils_per_teacher",
            "junior.pupils_per_teacher",
            "senior.pupils_per_teacher",
        ],
        zonal: false,
    },
    ChartSpec {
        id: "senior_stage",
        title: |t| t.chart_senior_stage,
        series: &[s("senior_stage.ger", BLUE), s("senior_stage.general_share", ORANGE)],
        target_indicators: &["senior_stage.ger", "senior_stage.general_share"],
        zonal: false,
    },
    ChartSpec {
        id: "finance",
        title: |t| t.chart_finance,
        series: &[s("cost.total", VERMILLION), s("budget.total", BLUE)],
        target_indicators: &[],
        zonal: false,
    },
    ChartSpec {
        id: "funds",
        title: |t| t.chart_funds,
        series: &[
            s("primary.public_funds_per_pupil", BLUE),
            s("junior.public_funds_per_pupil", GREEN),
        ],
        target_indicators: &["primary.public_funds_per_pupil", "junior.public_funds_per_pupil"],
        zonal: false,
    },
    ChartSpec {
        id: "rates",
        title: |t| t.chart_rates,
        series: &[
            s("primary.enrollment_rate", BLUE),
            s("junior.enrollment_rate", GREEN),
            s("special.enrollment_rate", ORANGE),
        ],
        target_indicators: &[
            "primary.enrollment_rate",
            "junior.enrollment_rate",
            "special.enrollment_rate",
        ],
        zonal: false,
    },
    ChartSpec {
        id: "retention",
        title: |t| t.chart_retention,
        series: &[
            s("primary.retention", BLUE),
            s("junior.retention", GREEN),
            s("senior.retention", PURPLE),
            s("vocational.retention", SKY),
        ],
        target_indicators: &[
            "primary.retention",
            "junior.retention",
            "senior.retention",
            "vocational.retention",
        ],
        zonal: false,
    },
    ChartSpec {
        id: "dropout",
        title: |t| t.chart_dropout,
        series: &[
            s("dropout.rate", VERMILLION),
            s("junior.dropout_rate", GREEN),
            s("senior.dropout_rate", PURPLE),
            s("vocational.dropout_rate", SKY),
        ],
        target_indicators: &["dropout.rate"],
        zonal: false,
    },
    ChartSpec {
        id: "trainees",
        title: |t| t.chart_trainees,
        series: &[s("trainees.intake", BLUE)],
        target_indicators: &["trainees.intake"],
        zonal: false,
    },
];

/// Charts shown when the app opens.
pub const DEFAULT_CHARTS: &[&str] = &["kindergarten", "large_classes", "enrollment", "teachers"];

pub fn chart(id: &str) -> Option<&'static ChartSpec> {
    CHARTS.iter().find(|c| c.id == id)
}

/// The chart that shows an indicator (as a series or a target), if any.
pub fn chart_for_indicator(indicator: &str) -> Option<&'static ChartSpec> {
    let base = indicator.split_once('@').map_or(indicator, |(b, _)| b);
    CHARTS
        .iter()
        .find(|c| c.series.iter().any(|s| s.indicator == base))
        .or_else(|| CHARTS.iter().find(|c| c.target_indicators.contains(&base)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eduplan_model::catalogue::indicator_spec;

    #[test]
    fn every_series_and_target_indicator_exists_and_units_agree() {
        use eduplan_model::catalogue::IndicatorUnit;
        // people and pupils are both head counts, drawn on one axis
        let family = |u: IndicatorUnit| {
            if u == IndicatorUnit::Pupils {
                IndicatorUnit::Persons
            } else {
                u
            }
        };
        for c in CHARTS {
            let unit = family(indicator_spec(c.series[0].indicator).unwrap().unit);
            for s in c.series {
                let spec = indicator_spec(s.indicator).unwrap_or_else(|| panic!("{}: {}", c.id, s.indicator));
                assert_eq!(family(spec.unit), unit, "{}: {} has another unit", c.id, s.indicator);
            }
            for t in c.target_indicators {
                assert_eq!(family(indicator_spec(t).unwrap().unit), unit, "{}: target {t}", c.id);
            }
            if c.zonal {
                assert!(
                    c.series.iter().any(|s| indicator_spec(s.indicator).unwrap().zonal),
                    "{}",
                    c.id
                );
            }
            assert!(!(c.title)(crate::i18n::Lang::Zh.strings()).is_empty());
        }
        for d in DEFAULT_CHARTS {
            assert!(chart(d).is_some());
        }
    }

    #[test]
    fn every_default_target_has_a_chart() {
        let ds = eduplan_model::Dataset::default_dataset().unwrap();
        for t in &ds.targets {
            assert!(chart_for_indicator(&t.indicator).is_some(), "{}", t.indicator);
        }
    }
}
