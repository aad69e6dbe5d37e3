//! Property tests: invariants that hold for any scenario within the levers'
//! ranges, and the monotone responses a planner relies on.

use eduplan_model::catalogue::{indicators, levers, IndicatorUnit, LeverKind, LeverSpec, LeverUnit};
use eduplan_model::level::Level;
use eduplan_model::{project, Dataset, LeverValue, Projection, Scenario};
use proptest::prelude::*;

fn ds() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(|| Dataset::default_dataset().expect("bundled dataset"))
}

/// A value on the lever's grid.
fn value_of(spec: &LeverSpec, frac: f64) -> f64 {
    if spec.unit == LeverUnit::Order {
        // a programme order is a permutation of 12345, not any number in the range
        const ORDERS: [f64; 6] = [12345.0, 54321.0, 32145.0, 23451.0, 45123.0, 51234.0];
        return ORDERS[((frac * 6.0) as usize).min(5)];
    }
    let steps = ((spec.max - spec.min) / spec.step).round();
    let v = spec.min + (frac * steps).round() * spec.step;
    if spec.unit == LeverUnit::Choice {
        v.round()
    } else {
        v.clamp(spec.min, spec.max)
    }
}

/// Any scenario: each lever left at baseline or set to a value in range.
fn scenario() -> impl Strategy<Value = Scenario> {
    let n = levers().len();
    proptest::collection::vec(proptest::option::weighted(0.4, 0.0f64..=1.0), n).prop_map(|picks| {
        let mut s = Scenario::default();
        for (spec, pick) in levers().iter().zip(picks) {
            if let Some(f) = pick {
                s.set(spec.id, LeverValue::Constant(value_of(spec, f)))
                    .expect("catalogue lever");
            }
        }
        s
    })
}

fn can_be_negative(id: &str) -> bool {
    id.contains("gap") || id == "finance.gap"
}

fn check_ranges(p: &Projection) -> Result<(), TestCaseError> {
    for (spec, series) in indicators().iter().zip(&p.series) {
        for (y, v) in p.years.iter().zip(series) {
            prop_assert!(v.is_finite(), "{} {y} not finite", spec.id);
            if spec.unit == IndicatorUnit::Share {
                prop_assert!((-1e-9..=1.0 + 1e-9).contains(v), "{} {y} = {v} outside 0..=1", spec.id);
            } else if !can_be_negative(&spec.id) {
                prop_assert!(*v >= -1e-9, "{} {y} = {v} negative", spec.id);
            }
        }
    }
    for r in &p.records {
        for i in 0..3 {
            prop_assert!(
                r.kg.enrollment[i] <= r.kg.seats[i] + 1e-6,
                "kindergarten enrollment above seats"
            );
        }
        prop_assert!(
            r.kg.total_enrollment() <= r.kg.demand + 1e-6,
            "kindergarten enrollment above demand"
        );
    }
    Ok(())
}

fn with(base: &Scenario, id: &str, v: f64) -> Scenario {
    let mut s = base.clone();
    s.set(id, LeverValue::Constant(v)).expect("catalogue lever");
    s
}

fn lever_value(s: &Scenario, id: &str) -> f64 {
    let spec = eduplan_model::catalogue::lever_spec(id).expect("catalogue lever");
    let map = if spec.kind == LeverKind::Policy {
        &s.levers
    } else {
        &s.assumptions
    };
    match map.get(id) {
        Some(LeverValue::Constant(v)) => *v,
        _ => eduplan_model::scenario::default_value(spec, ds()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn counts_are_never_negative_and_shares_stay_in_range(s in scenario()) {
        check_ranges(&project(ds(), &s))?;
    }

    #[test]
    fn pupils_are_conserved_through_each_step(s in scenario()) {
        let p = project(ds(), &s);
        for r in p.records.iter().skip(1) {
            for lv in &r.levels {
                let expect = lv.enrollment_prev - lv.dropouts - lv.graduates + lv.migrated + lv.intake;
                prop_assert!((lv.enrollment - expect).abs() <= 1e-6 * expect.abs().max(1.0));
            }
        }
    }

    #[test]
    fn more_public_seats_never_lower_the_public_share(s in scenario(), extra in 10.0f64..1500.0) {
        let id = "kg.public_seats";
        let v = lever_value(&s, id);
        prop_assume!(v + extra <= 3000.0);
        let a = project(ds(), &s);
        let b = project(ds(), &with(&s, id, v + extra));
        for y in &a.years {
            let (x, z) = (a.value("kg.public_share", *y).unwrap(), b.value("kg.public_share", *y).unwrap());
            prop_assert!(z >= x - 1e-9, "{y}: {x} → {z}");
        }
    }

    #[test]
    fn more_classrooms_never_raise_the_large_class_share(s in scenario(), which in 0usize..6, extra in 1.0f64..30.0) {
        let (id, level) = [
            ("rooms.primary.town", Level::Primary), ("rooms.primary.rural", Level::Primary),
            ("rooms.junior.town", Level::Junior), ("rooms.junior.rural", Level::Junior),
            ("rooms.senior", Level::Senior), ("rooms.vocational", Level::Vocational),
        ][which];
        let v = lever_value(&s, id);
        prop_assume!(v + extra.round() <= 60.0 && !(id == "rooms.vocational" && v + extra.round() > 40.0));
        let a = project(ds(), &s);
        let b = project(ds(), &with(&s, id, v + extra.round()));
        // More rooms mean more, smaller classes. The 56+ *count* can still rise, by at most the
        // classes added: a grade of 15 classes of 61 becomes 16 classes of 57, all still 56+.
        let i = level.flow_index().unwrap();
        for (ra, rb) in a.records.iter().zip(&b.records) {
            let (la, lb) = (&ra.levels[i], &rb.levels[i]);
            let (xa, xb) = (la.classes_56_65 + la.classes_66, lb.classes_56_65 + lb.classes_66);
            prop_assert!(lb.classes >= la.classes, "{id}: fewer classes with more rooms");
            prop_assert!(xb <= xa + (lb.classes - la.classes).max(0.0) + 1e-9, "{id}: 56+ classes {xa} → {xb}");
            if lb.classes == la.classes {
                prop_assert!(xb <= xa + 1e-9, "{id}: same classes, more of them 56+");
            }
        }
    }

    #[test]
    fn more_hires_never_raise_pupils_per_teacher(s in scenario(), which in 0usize..4, extra in 1.0f64..100.0) {
        let level = Level::FLOW[which];
        let id = format!("hires.{}", level.key());
        let v = lever_value(&s, &id);
        let max = eduplan_model::catalogue::lever_spec(&id).unwrap().max;
        prop_assume!(v + extra.round() <= max);
        let a = project(ds(), &s);
        let b = project(ds(), &with(&s, &id, v + extra.round()));
        let ind = format!("{}.pupils_per_teacher", level.key());
        for y in &a.years {
            let (x, z) = (a.value(&ind, *y).unwrap(), b.value(&ind, *y).unwrap());
            prop_assert!(z <= x + 1e-9, "{ind} {y}: {x} → {z}");
        }
    }
}

mod school_flags {
    use eduplan_model::record::SchoolRec;
    use eduplan_model::schools::{applies, Flag, FlagSettings};
    use proptest::prelude::*;

    fn school() -> impl Strategy<Value = SchoolRec> {
        (
            0.0..3000.0f64,
            0u32..80,
            0u32..13,
            0u32..80,
            0.0..200.0f64,
            0.0..200.0f64,
            0.0..4000.0f64,
            0u32..5,
            0u32..5,
        )
            .prop_map(
                |(pupils, classes, grades, rooms, teachers, needed, places, c56, c66)| SchoolRec {
                    open: true,
                    pupils,
                    classes,
                    largest_class: 0,
                    classes_56_65: c56,
                    classes_66: c66,
                    grades,
                    rooms_needed: classes,
                    rooms,
                    teachers,
                    teachers_needed: needed,
                    places,
                    boarders: 0.0,
                },
            )
    }

    proptest! {
        /// Issue 18: flags are monotone in their thresholds — a stricter
        /// threshold never clears a flag the looser one raised.
        #[test]
        fn flags_are_monotone_in_their_thresholds(
            r in school(),
            (a, b) in (0.0..60.0f64, 0.0..60.0f64),
            (u, v) in (0.0..1.0f64, 0.0..1.0f64),
            (m, n) in (0.0..10.0f64, 0.0..10.0f64),
        ) {
            let low = FlagSettings { min_pupils_per_grade: a.min(b), min_utilisation: u.min(v), teacher_margin: m.max(n) };
            let high = FlagSettings { min_pupils_per_grade: a.max(b), min_utilisation: u.max(v), teacher_margin: m.min(n) };
            for f in Flag::ALL {
                prop_assert!(!applies(f, &r, &low) || applies(f, &r, &high), "{f:?} {r:?}");
            }
        }
    }
}

mod merges {
    use eduplan_model::level::Level;
    use eduplan_model::network::Merge;
    use eduplan_model::schools::{table, FlagSettings};
    use eduplan_model::{project, Dataset, Scenario};
    use proptest::prelude::*;

    /// Every (closing, receiving) pair the bundled register allows: same zone,
    /// the receiver teaching every grade of the closing school.
    fn pairs(ds: &Dataset) -> Vec<(String, String)> {
        let flow = |s: &&eduplan_model::dataset::School| {
            s.kind.provider().is_none() && !s.kind.slots().iter().any(|(l, _)| *l == Level::Special)
        };
        let mut out = Vec::new();
        for a in ds.schools.iter().filter(flow) {
            for b in ds.schools.iter().filter(flow) {
                let zoned = a
                    .kind
                    .slots()
                    .iter()
                    .any(|(l, _)| matches!(l, Level::Primary | Level::Junior));
                if a.id != b.id
                    && (!zoned || a.zone == b.zone)
                    && a.kind.slots().iter().all(|s| b.kind.slots().contains(s))
                {
                    out.push((a.id.clone(), b.id.clone()));
                }
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Issue 18: a merge moves pupils and teachers between schools of a
        /// pool, never in or out of it: county (and zone) pupils and teachers
        /// are those of the run without it, every year; the closed school
        /// has none from its year; the receiver never has fewer pupils or classes.
        #[test]
        fn merges_conserve_pupils_and_teachers(pick in 0usize..10_000, from in 2021i32..=2030, share in 0.0..=1.0f64) {
            let ds = Dataset::default_dataset().unwrap();
            let all = pairs(&ds);
            let (school, into) = all[pick % all.len()].clone();
            let mut sc = Scenario::default();
            sc.merges.push(Merge { school: school.clone(), into: into.clone(), from, share });
            prop_assert!(sc.validate(&ds).is_ok());
            let (with, without) = (project(&ds, &sc), project(&ds, &Scenario::default()));
            for (a, b) in with.records.iter().zip(&without.records) {
                for (la, lb) in a.levels.iter().zip(&b.levels) {
                    prop_assert!((la.enrollment - lb.enrollment).abs() <= 1e-9 * lb.enrollment.max(1.0));
                    prop_assert!((la.teachers - lb.teachers).abs() <= 1e-9 * lb.teachers.max(1.0));
                }
                for (za, zb) in a.zones.iter().zip(&b.zones) {
                    for (x, y) in za.levels.iter().zip(&zb.levels) {
                        prop_assert!((x.enrollment - y.enrollment).abs() <= 1e-9 * y.enrollment.max(1.0));
                    }
                }
            }
            let (t_with, _) = table(&ds, &sc, FlagSettings::default());
            let (t_without, _) = table(&ds, &Scenario::default(), FlagSettings::default());
            let row = |t: &eduplan_model::schools::SchoolTable, id: &str| t.rows.iter().find(|r| r.id == id).unwrap().clone();
            let y0 = (from - ds.base_year) as usize;
            let (closed, received, before) = (row(&t_with, &school), row(&t_with, &into), row(&t_without, &into));
            for (t, (r, b)) in received.years.iter().zip(&before.years).enumerate() {
                if t >= y0 {
                    prop_assert_eq!(closed.years[t].pupils, 0.0);
                    prop_assert_eq!(closed.years[t].rooms, 0);
                }
                prop_assert!(r.pupils >= b.pupils - 1e-9, "{}: {} < {}", t, r.pupils, b.pupils);
                prop_assert!(r.classes >= b.classes, "{}: {} classes < {}", t, r.classes, b.classes);
            }
        }
    }

    #[test]
    fn a_merge_the_register_cannot_make_is_refused() {
        let ds = Dataset::default_dataset().unwrap();
        let bad = |school: &str, into: &str, from: i32, share: f64| {
            let mut sc = Scenario::default();
            sc.merges.push(Merge {
                school: school.into(),
                into: into.into(),
                from,
                share,
            });
            sc.validate(&ds).unwrap_err().to_string()
        };
        assert!(bad("tp-jiangnan-1", "pri-tandu-c", 2023, 1.0).contains("different zones"));
        assert!(bad("jun-jiangnan", "pri-jiangnan-c", 2023, 1.0).contains("does not teach"));
        assert!(bad("tp-jiangnan-1", "tp-jiangnan-1", 2023, 1.0).contains("itself"));
        assert!(bad("tp-jiangnan-1", "pri-jiangnan-c", 2020, 1.0).contains("not a projection year"));
        assert!(bad("tp-jiangnan-1", "pri-jiangnan-c", 2023, 1.5).contains("share"));
        assert!(bad("nowhere", "pri-jiangnan-c", 2023, 1.0).contains("no school"));
        assert!(bad("kg-jiangnan-pub-1", "pri-jiangnan-c", 2023, 1.0).contains("no school"));
        // the receiver closing first
        let mut sc = Scenario::default();
        sc.merges.push(Merge {
            school: "tp-jiangnan-1".into(),
            into: "tp-jiangnan-2".into(),
            from: 2025,
            share: 1.0,
        });
        sc.merges.push(Merge {
            school: "tp-jiangnan-2".into(),
            into: "pri-jiangnan-c".into(),
            from: 2023,
            share: 1.0,
        });
        assert!(sc
            .validate(&ds)
            .unwrap_err()
            .to_string()
            .contains("has closed from 2023"));
        // and a school closed twice
        let mut twice = Scenario::default();
        for into in ["pri-jiangnan-c", "pri-jiangnan-1"] {
            twice.merges.push(Merge {
                school: "tp-jiangnan-1".into(),
                into: into.into(),
                from: 2024,
                share: 1.0,
            });
        }
        assert!(twice.validate(&ds).unwrap_err().to_string().contains("more than once"));
    }
}

/// Issue 18: the other school-network levers — teacher exchange, new
/// schools, boarding places — move pupils and teachers, never make or lose any.
mod network {
    use eduplan_model::level::SchoolKind;
    use eduplan_model::network::{Boarding, NewSchool};
    use eduplan_model::record::Rec;
    use eduplan_model::schools::{table, FlagSettings};
    use eduplan_model::{project, Dataset, LeverValue, Scenario};
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    /// County pupils and teachers of every level, and zone pupils (where
    /// they live: the level records) equal in both runs.
    fn same_totals(a: &[Rec], b: &[Rec]) -> Result<(), TestCaseError> {
        for (t, (ra, rb)) in a.iter().zip(b).enumerate() {
            for (la, lb) in ra.levels.iter().zip(&rb.levels) {
                prop_assert!(
                    close(la.enrollment, lb.enrollment),
                    "{}: {} ≠ {}",
                    t,
                    la.enrollment,
                    lb.enrollment
                );
                prop_assert!(
                    close(la.teachers, lb.teachers),
                    "{}: {} ≠ {}",
                    t,
                    la.teachers,
                    lb.teachers
                );
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Exchange moves teachers between zones: county teachers and pupils
        /// unchanged every year, never more moved than asked.
        #[test]
        fn exchange_conserves_teachers(primary in 0.0..=100.0f64, junior in 0.0..=100.0f64) {
            let ds = Dataset::default_dataset().unwrap();
            let mut sc = Scenario::default();
            sc.set("exchange.primary", LeverValue::Constant(primary.round())).unwrap();
            sc.set("exchange.junior", LeverValue::Constant(junior.round())).unwrap();
            let (with, without) = (project(&ds, &sc), project(&ds, &Scenario::default()));
            same_totals(&with.records, &without.records)?;
            for r in &with.records {
                prop_assert!(r.levels[0].exchanged <= primary.round() + 1e-9);
                prop_assert!(r.levels[1].exchanged <= junior.round() + 1e-9);
                prop_assert!(r.levels[0].exchanged >= 0.0);
            }
        }

        /// A new school takes pupils from its own pool only: county pupils
        /// and teachers unchanged, and zone pupils of primary and junior
        /// (zone pools; senior and vocational pools are the county); it has
        /// pupils from its year and none before, and its classrooms count as
        /// built that year.
        #[test]
        fn a_new_school_conserves_pupils(zone in 0usize..8, kind in 0usize..5, rooms in 1u32..=60, from in 2021i32..=2030) {
            let ds = Dataset::default_dataset().unwrap();
            let kind = eduplan_model::network::NEW_KINDS[kind];
            let zone = ds.zones[zone % ds.zones.len()].id.clone();
            let mut sc = Scenario::default();
            sc.new_schools.push(NewSchool { id: "new-1".into(), name: "新建学校".into(), zone, kind, classrooms: rooms, from });
            prop_assert_eq!(sc.validate(&ds), Ok(()));
            let (with, without) = (project(&ds, &sc), project(&ds, &Scenario::default()));
            same_totals(&with.records, &without.records)?;
            for (a, b) in with.records.iter().zip(&without.records) {
                for (za, zb) in a.zones.iter().zip(&b.zones) {
                    for (x, y) in za.levels.iter().zip(&zb.levels).take(2) {
                        prop_assert!(close(x.enrollment, y.enrollment));
                    }
                }
            }
            let t = (from - ds.base_year) as usize;
            let built = |r: &Rec| r.levels.iter().map(|l| l.rooms_built).sum::<f64>();
            prop_assert!(close(built(&with.records[t]) - built(&without.records[t]), rooms as f64), "{} vs {}", built(&with.records[t]), built(&without.records[t]));
            let (tbl, _) = table(&ds, &sc, FlagSettings::default());
            let row = tbl.rows.iter().find(|r| r.id == "new-1").expect("the new school is a row");
            for (i, y) in row.years.iter().enumerate() {
                if i < t {
                    prop_assert!(!y.open && y.pupils == 0.0 && y.rooms == 0);
                } else {
                    prop_assert!(y.open && y.rooms == rooms);
                    prop_assert!(y.pupils > 0.0 || kind == SchoolKind::Vocational, "{}: {}", i, y.pupils);
                }
            }
        }

        /// Boarding moves pupils between zones' schools: county pupils and
        /// teachers unchanged, pupils where they live unchanged, the school
        /// has its boarders (never more than its places), and public funds
        /// rise by exactly boarders × yuan.
        #[test]
        fn boarding_conserves_pupils(pick in 0usize..1000, places in 1u32..=3000, from in 2021i32..=2030, cost in 0u32..=2000) {
            let ds = Dataset::default_dataset().unwrap();
            let boarders: Vec<&str> = ds.schools.iter().filter(|s| eduplan_model::network::can_board(s)).map(|s| s.id.as_str()).collect();
            let school = boarders[pick % boarders.len()].to_string();
            let mut sc = Scenario::default();
            let cost = cost as f64;
            sc.boarding.push(Boarding { school: school.clone(), places: places as f64, from, cost });
            prop_assert_eq!(sc.validate(&ds), Ok(()));
            let (with, without) = (project(&ds, &sc), project(&ds, &Scenario::default()));
            same_totals(&with.records, &without.records)?;
            let t0 = (from - ds.base_year) as usize;
            for (t, (a, b)) in with.records.iter().zip(&without.records).enumerate() {
                let attending = |r: &Rec| r.zones.iter().map(|z| z.levels[0].enrollment + z.levels[1].enrollment).sum::<f64>();
                prop_assert!(close(attending(a), attending(b)));
                if t < t0 {
                    prop_assert_eq!(a.boarders, 0.0);
                } else {
                    prop_assert!(a.boarders > 0.0 && a.boarders <= places as f64 + 1e-9);
                }
                prop_assert!(close(a.cost.public_funds - b.cost.public_funds, a.boarders * cost));
            }
            let (tbl, _) = table(&ds, &sc, FlagSettings::default());
            let row = tbl.rows.iter().find(|r| r.id == school).unwrap();
            let (base, _) = table(&ds, &Scenario::default(), FlagSettings::default());
            let before = base.rows.iter().find(|r| r.id == school).unwrap();
            for (t, (y, b)) in row.years.iter().zip(&before.years).enumerate().skip(t0) {
                prop_assert!(close(y.pupils - b.pupils, y.boarders), "{}: {} vs {}", t, y.pupils - b.pupils, y.boarders);
            }
        }
    }

    #[test]
    fn network_levers_the_register_cannot_take_are_refused() {
        let ds = Dataset::default_dataset().unwrap();
        let new = |id: &str, zone: &str, kind: SchoolKind, rooms: u32, from: i32| NewSchool {
            id: id.into(),
            name: "新校".into(),
            zone: zone.into(),
            kind,
            classrooms: rooms,
            from,
        };
        let err = |sc: &Scenario| sc.validate(&ds).unwrap_err().to_string();
        let mut sc = Scenario::default();
        sc.new_schools
            .push(new("pri-town-1", "town", SchoolKind::Primary, 10, 2024));
        assert!(err(&sc).contains("already exists"));
        sc.new_schools[0] = new("a b", "town", SchoolKind::Primary, 10, 2024);
        assert!(err(&sc).contains("not an id"));
        sc.new_schools[0] = new("n1", "atlantis", SchoolKind::Primary, 10, 2024);
        assert!(err(&sc).contains("no zone"));
        sc.new_schools[0] = new("n1", "town", SchoolKind::Special, 10, 2024);
        assert!(err(&sc).contains("kind"));
        sc.new_schools[0] = new("n1", "town", SchoolKind::Primary, 0, 2024);
        assert!(err(&sc).contains("classrooms"));
        sc.new_schools[0] = new("n1", "town", SchoolKind::Primary, 10, 2020);
        assert!(err(&sc).contains("projection year"));
        sc.new_schools[0] = new("n1", "town", SchoolKind::Primary, 10, 2024);
        assert_eq!(sc.validate(&ds), Ok(()));
        // a merge into it before it opens, boarding before it opens, and boarding at a senior school
        sc.merges.push(eduplan_model::network::Merge {
            school: "pri-town-2".into(),
            into: "n1".into(),
            from: 2023,
            share: 1.0,
        });
        assert!(err(&sc).contains("opens in 2024"));
        sc.merges[0].from = 2024;
        assert_eq!(sc.validate(&ds), Ok(()));
        sc.boarding.push(Boarding {
            school: "n1".into(),
            places: 100.0,
            from: 2023,
            cost: 200.0,
        });
        assert!(err(&sc).contains("opens in 2024"));
        sc.boarding[0] = Boarding {
            school: "sen-1".into(),
            places: 100.0,
            from: 2023,
            cost: 200.0,
        };
        assert!(err(&sc).contains("cannot have boarding places"));
        sc.boarding[0] = Boarding {
            school: "pri-town-1".into(),
            places: 0.5,
            from: 2023,
            cost: 200.0,
        };
        assert!(err(&sc).contains("places"));
        sc.boarding[0] = Boarding {
            school: "pri-town-1".into(),
            places: 10.0,
            from: 2023,
            cost: -1.0,
        };
        assert!(err(&sc).contains("cost"));
        // a file: the defaults of a boarding entry (200 yuan) and unknown fields refused
        let file = r#"{"boarding": [{"school": "pri-town-1", "places": 120, "from": 2024}]}"#;
        assert_eq!(Scenario::from_json(file).unwrap().boarding[0].cost, 200.0);
        assert!(Scenario::from_json(r#"{"new_schools": [{"id": "x", "rooms": 3}]}"#).is_err());
    }

    /// The runs stay well defined for every new school the form can make:
    /// the flagged counts are counts, the new school's warnings its own.
    #[test]
    fn flagged_schools_are_counted_each_year() {
        let ds = Dataset::default_dataset().unwrap();
        let p = project(&ds, &Scenario::default());
        for r in &p.records {
            for l in &r.levels {
                assert!(
                    l.schools_flagged >= 0.0 && l.schools_flagged <= l.schools,
                    "{} of {}",
                    l.schools_flagged,
                    l.schools
                );
            }
        }
        // the count equals the table's, year by year
        let (tbl, _) = table(&ds, &Scenario::default(), FlagSettings::default());
        for (t, r) in p.records.iter().enumerate() {
            let primary = tbl
                .rows
                .iter()
                .filter(|row| row.kind.teaches(eduplan_model::level::Level::Primary))
                .filter(|row| eduplan_model::schools::flagged(&row.years[t], &FlagSettings::default()))
                .count();
            assert_eq!(r.levels[0].schools_flagged, primary as f64, "year {t}");
            let kg = tbl
                .rows
                .iter()
                .filter(|row| row.kind.provider().is_some())
                .filter(|row| eduplan_model::schools::flagged(&row.years[t], &FlagSettings::default()))
                .count();
            assert_eq!(r.kg.schools_flagged, kg as f64, "year {t}");
            let all = tbl
                .rows
                .iter()
                .filter(|row| eduplan_model::schools::flagged(&row.years[t], &FlagSettings::default()))
                .count();
            assert_eq!(r.schools_flagged, all as f64, "year {t}");
        }
    }
}
