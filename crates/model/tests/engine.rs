//! The engine on the default dataset: verified figures, the birth cliff,
//! formulas against hand-computed values, and conservation of pupils.

use eduplan_model::catalogue::indicators;
use eduplan_model::level::Level;
use eduplan_model::{project, Dataset, LeverValue, Projection, Scenario};

fn ds() -> Dataset {
    Dataset::default_dataset().expect("bundled dataset is valid")
}

fn baseline() -> (Dataset, Projection) {
    let d = ds();
    let p = project(&d, &Scenario::default());
    (d, p)
}

fn with(levers: &[(&str, f64)]) -> Scenario {
    let mut s = Scenario::default();
    for (id, v) in levers {
        s.set(id, LeverValue::Constant(*v)).expect("catalogue lever");
    }
    s
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

#[test]
fn reproduces_the_verified_figures() {
    let (d, p) = baseline();
    // 7th census, 2020-11-01 (L1)
    assert_eq!(p.value("pop.residents", 2020), Some(433_200.0));
    // births 2023 (L6)
    assert_eq!(p.value("pop.births", 2023), Some(3_031.0));
    // residents 2023: 42.53万 (L5); the projection lands within 0.5%
    let r2023 = p.value("pop.residents", 2023).unwrap();
    assert!(close(r2023, 425_300.0, 0.005), "2023 residents {r2023}");
    // per-pupil public funds benchmark 650 / 850 (N-ppf)
    assert_eq!(p.value("primary.public_funds_per_pupil", 2020), Some(650.0));
    assert_eq!(p.value("junior.public_funds_per_pupil", 2020), Some(850.0));
    assert_eq!(
        d.source("L6").map(|s| s.kind),
        Some(eduplan_model::dataset::SourceKind::Verified)
    );
}

#[test]
fn shows_the_birth_cliff() {
    let (d, p) = baseline();
    let i2020 = p.value("primary.intake", 2020).unwrap();
    let i2027 = p.value("primary.intake", 2027).unwrap();
    assert!(i2027 <= 0.75 * i2020, "grade-1 intake 2027 {i2027} vs 2020 {i2020}");
    // births fell by about a third in five years
    let b = |y| d.recorded_births(y).unwrap();
    assert!(b(2022) < 0.6 * b(2016), "births 2016 {} → 2022 {}", b(2016), b(2022));
    assert_eq!(p.value("pop.births", 2022), Some(b(2022)));
    // and kindergarten-age children follow three years later
    assert!(p.value("pop.age_3_5", 2025).unwrap() < 0.65 * p.value("pop.age_3_5", 2020).unwrap());
}

#[test]
fn base_year_matches_the_register() {
    let (d, p) = baseline();
    let sum = |f: &dyn Fn(&eduplan_model::dataset::School) -> bool| -> f64 {
        d.schools
            .iter()
            .filter(|s| f(s))
            .map(|s| s.enrollment.iter().sum::<f64>())
            .sum()
    };
    let kg = sum(&|s| s.kind.provider().is_some());
    assert!(close(p.value("kg.enrollment", 2020).unwrap(), kg, 1e-9));
    let seats: f64 = d.schools.iter().filter_map(|s| s.seats).sum();
    assert!(close(p.value("kg.seats", 2020).unwrap(), seats, 1e-9));
    // the base budget is spent exactly (the residual is "other recurrent")
    assert!(p.value("finance.gap", 2020).unwrap().abs() < 1.0);
}

#[test]
fn pupils_are_conserved_every_year_and_level() {
    let (_, p) = baseline();
    for t in 1..p.years.len() {
        let r = &p.records[t];
        for (i, l) in Level::FLOW.iter().enumerate() {
            let lv = &r.levels[i];
            // end = start − dropouts − graduates + net migrants + intake
            let expect = lv.enrollment_prev - lv.dropouts - lv.graduates + lv.migrated + lv.intake;
            assert!(
                close(lv.enrollment, expect, 1e-9),
                "{l:?} {}: {} vs {expect}",
                p.years[t],
                lv.enrollment
            );
        }
    }
}

#[test]
fn junior_intake_follows_primary_graduates() {
    let (_, p) = baseline();
    for t in 1..p.years.len() {
        // graduates of the year that ended at headcount t enter junior at t
        let grads = p.records[t].levels[0].graduates;
        let intake = p.records[t].levels[1].intake;
        // primary → junior is 100% here; only the migration of age 11 → 12 separates them
        assert!(close(intake, grads, 0.02), "{}: {intake} vs {grads}", p.years[t]);
    }
}

#[test]
fn senior_intake_splits_by_tau_and_sigma() {
    let d = ds();
    let p = project(&d, &with(&[("senior.progression", 0.9), ("senior.general_share", 0.5)]));
    for t in 1..p.years.len() {
        let g = p.records[t].senior_intake_general;
        let v = p.records[t].senior_intake_vocational;
        assert!(close(g, v, 1e-9), "σ = 0.5 gives equal intakes");
        let share = p.value("senior_stage.general_share", p.years[t]).unwrap();
        assert!(close(share, 0.5, 1e-9));
    }
}

#[test]
fn per_pupil_funds_rise_by_the_step_for_the_set_years() {
    let d = ds();
    let p = project(&d, &with(&[("funds.step.primary", 100.0), ("funds.step_years", 3.0)]));
    let u: Vec<f64> = (2020..=2025)
        .map(|y| p.value("primary.public_funds_per_pupil", y).unwrap())
        .collect();
    assert_eq!(u, vec![650.0, 750.0, 850.0, 950.0, 950.0, 950.0]);
    assert_eq!(p.target("primary_funds").and_then(|t| t.met()), Some(true));
    let base = project(&d, &Scenario::default());
    assert_eq!(base.target("primary_funds").and_then(|t| t.met()), Some(false));
}

#[test]
fn construction_costs_follow_built_quantities() {
    let d = ds();
    let base = project(&d, &Scenario::default());
    let p = project(&d, &with(&[("rooms.senior", 10.0), ("kg.public_seats", 200.0)]));
    let f = &d.finance;
    for y in 2021..=2030 {
        let c = p.value("cost.construction", y).unwrap();
        assert!(
            close(c, 10.0 * f.classroom_cost.value + 200.0 * f.kg_seat_cost.value, 1e-9),
            "{y}: {c}"
        );
        assert_eq!(base.value("cost.construction", y), Some(0.0));
        assert_eq!(p.value("senior.rooms_built", y), Some(10.0));
    }
}

#[test]
fn trainees_join_four_years_after_intake() {
    let d = ds();
    let p = project(&d, &with(&[("trainees.intake", 100.0)]));
    let joining = |y| p.value("trainees.joining", y).unwrap();
    // intakes up to 2020 are history (30 a year); 2021's 100 join in 2025
    assert_eq!(joining(2024), 30.0);
    assert_eq!(joining(2025), 100.0);
    assert_eq!(p.target("trainees_double").and_then(|t| t.met()), Some(true));
}

#[test]
fn dropout_prevention_at_full_strength_meets_zero_dropout() {
    let d = ds();
    let p = project(&d, &with(&[("students.dropout_reduction", 1.0)]));
    assert_eq!(p.value("dropout.rate", 2025), Some(0.0));
    assert_eq!(p.target("zero_dropout").and_then(|t| t.met()), Some(true));
    assert_eq!(p.value("junior.retention", 2025), Some(1.0));
}

#[test]
fn projection_is_deterministic() {
    let d = ds();
    let s = with(&[("kg.public_seats", 500.0), ("migration.scale", 1.3)]);
    assert_eq!(project(&d, &s), project(&d, &s));
}

#[test]
fn every_indicator_has_a_value_per_year() {
    let (d, p) = baseline();
    assert_eq!(p.years.first(), Some(&d.base_year));
    assert_eq!(p.years.last(), Some(&d.horizon));
    for (s, v) in indicators().iter().zip(&p.series) {
        assert_eq!(v.len(), p.years.len(), "{}", s.id);
    }
    assert!(p.get("primary.share_56plus@town").is_some());
    assert!(p.get("primary.share_56plus@nowhere").is_none());
    assert_eq!(p.targets.len(), d.targets.len());
}

#[test]
fn horizon_can_reach_the_dataset_maximum() {
    let d = ds();
    let p = eduplan_model::project_to(&d, &Scenario::default(), 2035);
    assert_eq!(p.years.last(), Some(&2035));
    let p = eduplan_model::project_to(&d, &Scenario::default(), 2099);
    assert_eq!(p.years.last(), Some(&d.max_horizon), "clamped");
}

#[test]
fn json_and_csv_exports_have_every_indicator() {
    let (_, p) = baseline();
    let j = p.to_json(false);
    assert_eq!(j["years"].as_array().unwrap().len(), p.years.len());
    assert_eq!(j["indicators"].as_object().unwrap().len(), indicators().len());
    assert!(j["targets"].as_array().unwrap().iter().all(|t| t["met"].is_boolean()));
    let csv = p.to_csv(true);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("indicator,unit,2020,2021"));
    assert!(lines.iter().any(|l| l.starts_with("kg.ger,share,")));
    assert!(lines.iter().any(|l| l.starts_with("primary.share_56plus@town,share,")));
}

#[test]
fn population_ages_with_migration_by_hand() {
    let (d, p) = baseline();
    let pop = &d.demography.population.value;
    let n = &d.demography.net_migration_rate.value;
    let rho = &d.demography.rural_to_town_rate.value;
    let town = d.zones.iter().position(|z| z.urban).unwrap();
    // town-seat children aged 3–5 in 2021: its own children aged 2–4 in 2020 after
    // net migration, plus the share ρ of every township's children moving in
    let mut expect = 0.0;
    for a in 2..=4 {
        expect += pop[town][a] * (1.0 + n[a]);
        for (z, zone) in d.zones.iter().enumerate() {
            if !zone.urban {
                expect += pop[z][a] * (1.0 + n[a]) * rho[a];
            }
        }
    }
    assert!(
        close(p.records[1].zones[town].pop_3_5, expect, 1e-12),
        "{} vs {expect}",
        p.records[1].zones[town].pop_3_5
    );
    // residents: R(2021) = R(2020)(1 − cdr) + B(2021) + child net migrants + adult net migrants
    let child_net: f64 = (0..18).map(|a| pop.iter().map(|row| row[a]).sum::<f64>() * n[a]).sum();
    let r2021 = 433_200.0 * (1.0 - d.demography.crude_death_rate.value)
        + d.recorded_births(2021).unwrap()
        + child_net
        + d.demography.adult_net_migration.value;
    assert!(close(p.value("pop.residents", 2021).unwrap(), r2021, 1e-12));
}

#[test]
fn base_year_salaries_and_funds_by_hand() {
    use eduplan_model::level::Provider;
    let (d, p) = baseline();
    let f = &d.finance;
    let (mut kg_teachers, mut kg_children, mut kg_public, mut kg_inclusive) = (0.0, 0.0, 0.0, 0.0);
    let mut salaries = 0.0;
    let mut funds = 0.0;
    for s in &d.schools {
        let pupils: f64 = s.enrollment.iter().sum();
        if let Some(prov) = s.kind.provider() {
            kg_teachers += s.teachers;
            kg_children += pupils;
            match prov {
                Provider::Public => kg_public += pupils,
                Provider::Inclusive => kg_inclusive += pupils,
                Provider::Private => {}
            }
            continue;
        }
        for l in Level::FLOW {
            let level_pupils: f64 = s
                .kind
                .slots()
                .iter()
                .zip(&s.enrollment)
                .filter(|((sl, _), _)| *sl == l)
                .map(|(_, e)| e)
                .sum();
            if level_pupils > 0.0 {
                salaries += s.teachers * level_pupils / pupils * f.salary.value.of(l);
                funds += level_pupils * f.public_funds.value.of(l);
            }
        }
    }
    salaries += kg_teachers * (kg_public / kg_children) * f.salary.value.kindergarten;
    funds += kg_public * f.public_funds.value.kindergarten + kg_inclusive * f.inclusive_subsidy.value;
    assert!(
        close(p.value("cost.salaries", 2020).unwrap(), salaries, 1e-9),
        "{} vs {salaries}",
        p.value("cost.salaries", 2020).unwrap()
    );
    assert!(close(p.value("cost.public_funds", 2020).unwrap(), funds, 1e-9));
    assert!(close(
        p.value("cost.special", 2020).unwrap(),
        d.special.placed.value * 6000.0,
        1e-12
    ));
    // the budget grows at the budget lever: 3% a year by default
    assert!(close(
        p.value("budget.total", 2022).unwrap(),
        f.budget.value * 1.03 * 1.03,
        1e-12
    ));
}

/// The same seed gives bit-identical bands on every machine: these bit
/// patterns are checked here natively and again in wasm (tests/wasm.rs).
#[test]
fn monte_carlo_bands_match_the_golden_bits() {
    use eduplan_model::uncertainty::{merge, run, run_part, McSettings, Part};
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden/bands.json")).unwrap();
    let golden: serde_json::Value = serde_json::from_str(&text).unwrap();
    let d = ds();
    let settings = McSettings {
        draws: 20,
        seed: 42,
        spread: 1.0,
    };
    let b = run(&d, &Scenario::default(), &settings);
    // the same bits from any number of workers, each computing its part
    for of in [2, 3, 8] {
        let parts: Vec<_> = (0..of)
            .map(|i| run_part(&d, &Scenario::default(), &settings, Part::new(i, of).unwrap()))
            .collect();
        assert_eq!(merge(&d, &settings, &parts), b, "{of} parts");
    }
    let hex = |x: f64| format!("{:016x}", x.to_bits());
    if std::env::var_os("EDUPLAN_BLESS").is_some() {
        // a deliberate model change: rewrite the golden bits, then review the diff
        let mut out = golden.clone();
        for (id, qs) in out["series"].as_object_mut().unwrap() {
            let [p10, _, p50, _, p90] = b.get(id).unwrap();
            for (name, got) in [("p10", p10), ("p50", p50), ("p90", p90)] {
                qs[name] = got.iter().map(|x| hex(*x)).collect();
            }
        }
        out["prob_met"] = b.prob_met.iter().map(|x| hex(*x)).collect();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden/bands.json");
        std::fs::write(path, serde_json::to_string_pretty(&out).unwrap() + "\n").unwrap();
        return;
    }
    for (id, qs) in golden["series"].as_object().unwrap() {
        let [p10, _, p50, _, p90] = b.get(id).unwrap();
        for (name, got) in [("p10", p10), ("p50", p50), ("p90", p90)] {
            let want: Vec<String> = qs[name]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            let got: Vec<String> = got.iter().map(|x| hex(*x)).collect();
            assert_eq!(got, want, "{id} {name}");
        }
    }
    let want: Vec<String> = golden["prob_met"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(b.prob_met.iter().map(|x| hex(*x)).collect::<Vec<_>>(), want);
}

#[test]
fn probability_is_certain_when_the_margin_is_far_beyond_the_spread() {
    use eduplan_model::uncertainty::{run, McSettings};
    let d = ds();
    // trainees ×2 depends on a policy lever alone: 30 never doubles, 200 always does
    let b = run(
        &d,
        &Scenario::default(),
        &McSettings {
            draws: 30,
            seed: 5,
            spread: 1.0,
        },
    );
    assert_eq!(b.prob("trainees_double"), Some(0.0));
    let b = run(
        &d,
        &with(&[("trainees.intake", 200.0)]),
        &McSettings {
            draws: 30,
            seed: 5,
            spread: 1.0,
        },
    );
    assert_eq!(b.prob("trainees_double"), Some(1.0));
    // no super-large compulsory classes: far below 66 everywhere in every draw
    assert_eq!(b.prob("no_super_large"), Some(1.0));
}

#[test]
fn every_lever_is_read_by_the_engine_or_by_budget_mode() {
    use eduplan_model::catalogue::{lever_spec, levers};
    use eduplan_model::engine::LEVERS_READ;
    let budget_only = ["budget.mode", "budget.recurring_share", "budget.order"];
    for l in levers() {
        assert!(
            LEVERS_READ.contains(&l.id) ^ budget_only.contains(&l.id),
            "{} is read by exactly one",
            l.id
        );
    }
    for id in LEVERS_READ {
        assert!(lever_spec(id).is_some(), "{id} is in the catalogue");
    }
}
