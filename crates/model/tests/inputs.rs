//! Bad scenarios and datasets are reported as errors that name the problem.

use eduplan_model::error::{DataError, ScenarioError};
use eduplan_model::{Dataset, Scenario};

fn ds() -> Dataset {
    Dataset::default_dataset().expect("bundled dataset")
}

fn scenario_err(json: &str) -> ScenarioError {
    let d = ds();
    match Scenario::from_json(json) {
        Err(e) => e,
        Ok(s) => s.validate(&d).expect_err("should be rejected"),
    }
}

#[test]
fn scenario_errors_name_the_problem() {
    assert!(matches!(scenario_err("{"), ScenarioError::Json(_)));
    assert!(
        matches!(scenario_err(r#"{"levers": {"no.such": 1}}"#), ScenarioError::UnknownLever(id) if id == "no.such")
    );
    assert!(matches!(
        scenario_err(r#"{"levers": {"births.variant": 0}}"#),
        ScenarioError::WrongSection {
            expected: "assumptions",
            ..
        }
    ));
    assert!(matches!(
        scenario_err(r#"{"assumptions": {"kg.public_seats": 10}}"#),
        ScenarioError::WrongSection { expected: "levers", .. }
    ));
    assert!(matches!(
        scenario_err(r#"{"levers": {"kg.public_seats": -5}}"#),
        ScenarioError::OutOfRange { .. }
    ));
    assert!(matches!(
        scenario_err(r#"{"levers": {"kg.public_seats": {"2019": 5}}}"#),
        ScenarioError::BadYear { .. }
    ));
    assert!(matches!(
        scenario_err(r#"{"levers": {"kg.public_seats": {"soon": 5}}}"#),
        ScenarioError::BadYear { .. }
    ));
    assert!(matches!(
        scenario_err(r#"{"levers": {"funds.step_years": {"2021": 2}}}"#),
        ScenarioError::NotPerYear { .. }
    ));
    assert!(matches!(
        scenario_err(r#"{"assumptions": {"births.variant": 1.5}}"#),
        ScenarioError::OutOfRange { .. }
    ));
    assert!(
        matches!(scenario_err(r#"{"levers": {}, "extra": 1}"#), ScenarioError::Json(_)),
        "unknown top-level keys are rejected in files"
    );
    let msg = scenario_err(r#"{"levers": {"kg.public_seats": 99999}}"#).to_string();
    assert!(msg.contains("kg.public_seats") && msg.contains("0..=3000"), "{msg}");
}

#[test]
fn valid_scenarios_pass_including_per_year_values() {
    let d = ds();
    let s = Scenario::from_json(r#"{"name": "B", "levers": {"kg.public_seats": {"2021": 500, "2022": 300}, "hires.primary": 80}, "assumptions": {"births.variant": 0}}"#).unwrap();
    s.validate(&d).unwrap();
    let p = eduplan_model::project(&d, &s);
    let built = |y| p.value("kg.seats_built", y).unwrap();
    assert!((built(2021) - 500.0).abs() < 1e-6 && (built(2022) - 300.0).abs() < 1e-6);
    assert_eq!(
        p.value("kg.seats_built", 2023),
        Some(0.0),
        "years not listed keep the default"
    );
}

fn dataset_err(edit: impl FnOnce(&mut serde_json::Value)) -> DataError {
    let mut v: serde_json::Value = serde_json::from_str(eduplan_model::dataset::DEFAULT_DATASET_JSON).unwrap();
    edit(&mut v);
    Dataset::from_json(&v.to_string()).expect_err("should be rejected")
}

#[test]
fn dataset_errors_name_the_path() {
    assert!(matches!(Dataset::from_json("not json"), Err(DataError::Json(_))));
    let e = dataset_err(|v| v["flows"]["rates"]["junior"]["dropout"]["value"][0] = 1.5.into());
    assert!(matches!(e, DataError::Json(ref m) if m.contains("not a share")), "{e}");
    let e = dataset_err(|v| v["demography"]["birth_zone_share"]["value"][0] = 0.9.into());
    assert!(
        matches!(e, DataError::Invalid { ref path, .. } if path == "demography.birth_zone_share"),
        "{e}"
    );
    let e = dataset_err(|v| v["schools"][0]["zone"] = "atlantis".into());
    assert!(e.to_string().contains("unknown zone 'atlantis'"), "{e}");
    let e = dataset_err(|v| v["schools"][0]["src"] = "NOPE".into());
    assert!(e.to_string().contains("source 'NOPE'"), "{e}");
    let e = dataset_err(|v| v["targets"][0]["indicator"] = "no.such".into());
    assert!(e.to_string().contains("unknown indicator"), "{e}");
    let e = dataset_err(|v| v["horizon"] = 2019.into());
    assert!(
        matches!(e, DataError::Invalid { ref path, .. } if path == "horizon"),
        "{e}"
    );
    let e = dataset_err(|v| v["lever_defaults"]["senior.general_share"]["value"] = 2.0.into());
    assert!(e.to_string().contains("outside"), "{e}");
    let e = dataset_err(|v| v["demography"]["population"]["value"][0] = serde_json::json!([1.0, 2.0]));
    assert!(e.to_string().contains("ages"), "{e}");
}

#[test]
fn the_default_dataset_is_valid_and_flags_estimates() {
    let d = ds();
    assert!(d.is_estimate("E-register"));
    assert!(!d.is_estimate("L1"));
    assert!(d.rests_on_estimates(&["schools"]));
    assert!(!d.rests_on_estimates(&["demography.residents"]));
    let kinds: std::collections::BTreeSet<_> = d.schools.iter().map(|s| format!("{:?}", s.kind)).collect();
    assert!(kinds.len() >= 9, "{kinds:?}");
}
