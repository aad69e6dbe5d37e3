//! The template written from a dataset imports back to the same projection.

use eduplan_import::{import, template, InputFile};
use eduplan_model::{project, Dataset, Scenario};

fn default() -> Dataset {
    Dataset::default_dataset().unwrap()
}

#[test]
fn xlsx_template_round_trips_bit_identically() {
    let ds = default();
    let bytes = template::write_xlsx(&ds).unwrap();
    let files = [InputFile {
        name: "模板.xlsx".into(),
        bytes,
    }];
    let (back, report) = import(&files, &ds).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let a = project(&ds, &Scenario::default());
    let b = project(&back, &Scenario::default());
    assert_eq!(a.series, b.series);
    assert_eq!(a.zone_series, b.zone_series);
    assert_eq!(a.targets, b.targets);
    // nothing changed, so every value keeps its source and no bureau source appears
    assert_eq!(back.sources, ds.sources);
    let mut plain = back.clone();
    plain.origins.clear();
    assert_eq!(plain, ds);
}

#[test]
fn csv_template_round_trips_from_the_default_base_and_from_nothing_changed() {
    let ds = default();
    let files: Vec<InputFile> = template::write_csvs(&ds)
        .into_iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let (back, _) = import(&files, &ds).unwrap_or_else(|e| panic!("{e}"));
    let mut plain = back.clone();
    plain.origins.clear();
    assert_eq!(plain, ds);
}
