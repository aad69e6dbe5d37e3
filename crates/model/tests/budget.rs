//! Budget mode: money turns into quantities, never more than is there, and
//! a budget run is exactly the quantity run of what it bought.

use eduplan_model::{project, Dataset, LeverValue, Projection, Scenario};
use proptest::prelude::*;

fn ds() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(|| Dataset::default_dataset().expect("bundled dataset"))
}

fn budget(extra: LeverValue, order: f64) -> Scenario {
    let mut s = Scenario::default();
    s.set("budget.mode", LeverValue::Constant(1.0)).unwrap();
    s.set("budget.extra", extra).unwrap();
    if order != 12345.0 {
        s.set("budget.order", LeverValue::Constant(order)).unwrap();
    }
    s
}

const ORDERS: [f64; 6] = [12345.0, 54321.0, 32145.0, 23451.0, 45123.0, 51234.0];

#[test]
fn a_budget_run_equals_the_quantity_run_of_its_purchases() {
    let p = project(ds(), &budget(LeverValue::Constant(60_000_000.0), 12345.0));
    assert!(p.purchases.iter().any(|b| b.new > 0.0), "something was bought");
    let q = p.derived.clone().expect("budget mode reports the quantities");
    q.validate(ds()).expect("the bought quantities are a valid scenario");
    let by_hand = project(ds(), &q);
    assert_eq!(by_hand.series, p.series);
    assert_eq!(by_hand.targets, p.targets);
}

#[test]
fn money_moves_the_public_share_and_large_classes() {
    let none = project(ds(), &budget(LeverValue::Constant(0.0), 23451.0));
    let some = project(ds(), &budget(LeverValue::Constant(80_000_000.0), 23451.0));
    let v = |p: &eduplan_model::Projection, id: &str| p.value(id, 2022).unwrap();
    assert!(v(&some, "kg.public_share") > v(&none, "kg.public_share"));
    assert!(v(&some, "compulsory.share_56plus") < v(&none, "compulsory.share_56plus"));
    let bought: f64 = some.purchases.iter().map(|b| b.classrooms).sum();
    assert!(bought > 0.0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn spending_never_exceeds_what_is_available(extras in proptest::collection::vec(0u32..150, 10), order in 0usize..ORDERS.len()) {
        let by_year = (2021..=2030).zip(extras).map(|(y, m)| (y.to_string(), m as f64 * 1_000_000.0)).collect();
        let p = project(ds(), &budget(LeverValue::ByYear(by_year), ORDERS[order]));
        for b in &p.purchases {
            prop_assert!(b.spent() <= b.available + 1e-6, "{}: spent {} of {}", b.year, b.spent(), b.available);
            // recurring costs come first: new purchases only from what is left
            prop_assert!(b.new <= (b.available - b.recurring).max(0.0) + 1e-6);
        }
    }

    /// The funding slider: the same extra money every year, raised. Needs are
    /// fixed and programmes funded strictly in order, so more money buys at
    /// least as much of every capacity by every year; seats, rooms and hires are
    /// placed by rules where more never leaves a zone or school with less
    /// (MODEL.md §4, §6, §7). 1e-12 and 1e-9 allow only for sums rounded in a
    /// different order.
    #[test]
    fn more_money_never_lowers_the_public_share_nor_raises_large_classes(
        a in 0u32..150,
        more in 1u32..150,
        order in 0usize..ORDERS.len(),
        rho in 0u32..=20,
    ) {
        let run = |m: u32| {
            let mut s = budget(LeverValue::Constant(m as f64 * 500_000.0), ORDERS[order]);
            s.set("budget.recurring_share", LeverValue::Constant(rho as f64 * 0.05)).unwrap();
            project(ds(), &s)
        };
        let (lo, hi) = (run(a), run(a + more));
        for y in &lo.years {
            let (x, z) = (lo.value("kg.public_share", *y).unwrap(), hi.value("kg.public_share", *y).unwrap());
            prop_assert!(z >= x - 1e-12, "public share {y}: {x} → {z}");
            // a grade split into more classes that are all still 56+ adds to the count
            // (see properties.rs); it never adds more than the classes it gained
            let ((x, cx), (z, cz)) = (large(&lo, *y), large(&hi, *y));
            prop_assert!(z <= x + (cz - cx).max(0.0) + 1e-9, "56+ classes {y}: {x} → {z}");
            let (sx, sz) = (lo.value("compulsory.share_56plus", *y).unwrap(), hi.value("compulsory.share_56plus", *y).unwrap());
            prop_assert!(sz <= sx + 1e-12 || cz > cx, "56+ share {y}: {sx} → {sz}");
        }
    }
}

/// Compulsory classes of 56 or more in a year, and all compulsory classes.
fn large(p: &Projection, year: i32) -> (f64, f64) {
    let r = &p.records[(year - p.years[0]) as usize];
    let levels = &r.levels[..2];
    (
        levels.iter().map(|l| l.classes_56_65 + l.classes_66).sum(),
        levels.iter().map(|l| l.classes).sum(),
    )
}
