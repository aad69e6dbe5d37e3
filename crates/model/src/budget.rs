//! Budget mode: the extra money is the lever, and the engine buys quantities
//! with it, year by year, in the planner's programme order:
//!
//! 1. per-pupil funds: the yearly rise of `funds.step.*` (100 yuan per primary
//!    and junior pupil by default) in each of the first `funds.step_years`
//!    years, in steps of 10 yuan (a lasting cost from then on);
//! 2. classrooms: one per class of 56 or more, by level and town/rural;
//! 3. public kindergarten seats: until the public share reaches the dataset's
//!    public-share target (50% when it has none);
//! 4. teacher hires: toward the staffing norm, level by level (lasting pay);
//! 5. publicly funded trainees: up to twice the base-year intake a year
//!    (a subsidy while in training, then a teacher's pay).
//!
//! The money is split by `budget.recurring_share` (ρ). Building (2, 3) gets
//! (1 − ρ) of each year's money, spent that year. Lasting costs (1, 4, 5) get
//! ρ of it, but a lasting purchase commits every later year, so what may be
//! committed by year t is C(t) = ρ · min over s ≥ t of the year-s money, and
//! each purchase is counted at the most it can cost in any later year (pay at
//! the horizon's salary level, a per-pupil rise times the largest enrollment
//! ahead). Recurring costs of earlier purchases are therefore always covered
//! first, and money spent never exceeds money available.
//!
//! Needs are measured once, on the projection without any purchase, over the
//! whole horizon (the most 56+ classes, the largest public-share deficit, the
//! largest staffing gap of any year), so they do not depend on what is bought
//! or when. Programmes are funded strictly in order: a programme gets money
//! only when the ones before it in its pool have all they need (or all a year
//! allows); a purchase that does not fit ends that pool's buying for the year.
//! With fixed needs and no skipping, more money in every year buys at least as
//! much of every capacity by every year, which is why more money never lowers
//! the public share nor raises the 56+ share (tests/budget.rs). The quantities
//! bought become per-year lever values, and the projection is the quantity-mode
//! run of exactly those values. A seat's running cost is the per-child public
//! funds the engine already counts.

use crate::catalogue::levers::order_of;
use crate::dataset::Dataset;
use crate::engine::project_quantities as project_to;
use crate::level::Level;
use crate::projection::Projection;
use crate::scenario::{default_value, LeverValue, Resolved, Scenario};
use crate::units::Year;

/// Levers that budget mode sets (they are read-only in the app in that mode).
pub const BOUGHT: &[&str] = &[
    "funds.step.primary",
    "funds.step.junior",
    "rooms.primary.town",
    "rooms.primary.rural",
    "rooms.junior.town",
    "rooms.junior.rural",
    "rooms.senior",
    "rooms.vocational",
    "kg.public_seats",
    "hires.kg",
    "hires.primary",
    "hires.junior",
    "hires.senior",
    "hires.vocational",
    "trainees.intake",
];

// what a year bought is the projection's record too; it lives below both
pub use crate::purchase::Purchase;

/// Whether a scenario is in budget mode.
pub fn is_budget_mode(sc: &Scenario) -> bool {
    matches!(sc.levers.get("budget.mode"), Some(LeverValue::Constant(v)) if *v >= 0.5)
}

/// Room levers and what each counts: (lever, level index, town (Some(true)),
/// rural (Some(false)) or county (None)).
const ROOMS: [(&str, usize, Option<bool>); 6] = [
    ("rooms.primary.town", 0, Some(true)),
    ("rooms.primary.rural", 0, Some(false)),
    ("rooms.junior.town", 1, Some(true)),
    ("rooms.junior.rural", 1, Some(false)),
    ("rooms.senior", 2, None),
    ("rooms.vocational", 3, None),
];

const HIRES: [(&str, Level); 5] = [
    ("hires.primary", Level::Primary),
    ("hires.junior", Level::Junior),
    ("hires.senior", Level::Senior),
    ("hires.vocational", Level::Vocational),
    ("hires.kg", Level::Kindergarten),
];

/// Yuan of per-pupil rise bought at a time (the lever's step).
const STEP_UNIT: f64 = 10.0;

/// Lasting commitments: what may still be committed and what earlier
/// purchases cost in year t.
struct Lasting {
    /// Committed, at the most each purchase can cost in any later year.
    committed: f64,
    /// Cap for this year: ρ · the smallest money of this and later years.
    cap: f64,
    /// Whether a purchase did not fit this year (strict order: stop).
    blocked: bool,
}

impl Lasting {
    /// Buys up to `want` units costing `unit_max` each at most; returns how many.
    fn buy(&mut self, want: f64, unit_max: f64) -> f64 {
        if self.blocked || want <= 0.0 {
            return 0.0;
        }
        let fits = if unit_max > 0.0 {
            ((self.cap - self.committed) / unit_max).floor().max(0.0)
        } else {
            want
        };
        let k = want.min(fits);
        self.committed += k * unit_max;
        if k < want {
            self.blocked = true;
        }
        k
    }
}

/// This year's building money, spent in order.
struct Build {
    left: f64,
    blocked: bool,
}

impl Build {
    fn buy(&mut self, want: f64, unit: f64) -> f64 {
        if self.blocked || want <= 0.0 {
            return 0.0;
        }
        let k = want.min((self.left / unit).floor().max(0.0));
        self.left -= k * unit;
        if k < want {
            self.blocked = true;
        }
        k
    }
}

/// The quantity scenario that budget mode buys, and the purchases by year.
pub fn plan(ds: &Dataset, sc: &Scenario, horizon: Year) -> (Scenario, Vec<Purchase>) {
    let horizon = horizon.clamp(ds.base_year + 1, ds.max_horizon);
    let res = Resolved::new(ds, sc, horizon);
    let n = (horizon - ds.base_year) as usize; // projection years
    let spec_max = |id: &str| crate::catalogue::lever_spec(id).map_or(0.0, |s| s.max);
    let baseline = |id: &str| crate::catalogue::lever_spec(id).map_or(0.0, |s| default_value(s, ds));

    // the scenario with every bought lever at its baseline value
    let mut q = sc.clone();
    q.levers.remove("budget.mode");
    for id in BOUGHT {
        q.levers.remove(*id);
    }
    let mut per_year: std::collections::BTreeMap<&str, Vec<f64>> =
        BOUGHT.iter().map(|id| (*id, vec![baseline(id); n + 1])).collect();
    let apply = |q: &mut Scenario, per_year: &std::collections::BTreeMap<&str, Vec<f64>>| {
        for (id, v) in per_year {
            let map = (1..=n).map(|t| ((ds.base_year + t as i32).to_string(), v[t])).collect();
            q.levers.insert(id.to_string(), LeverValue::ByYear(map));
        }
    };
    apply(&mut q, &per_year);
    let unbought = project_to(ds, &q, horizon);
    let recs = &unbought.records;
    let years = 1..=n;

    // ---- needs over the whole horizon, from the run without purchases ----
    let town = ds.zones.iter().position(|z| z.urban);
    let large = |t: usize, level: usize, urban: Option<bool>| -> f64 {
        let r = &recs[t];
        match urban {
            None => r.levels[level].classes_56_65 + r.levels[level].classes_66,
            Some(u) => r
                .zones
                .iter()
                .enumerate()
                .filter(|(z, _)| (Some(*z) == town) == u)
                .map(|(_, zr)| zr.levels[level].classes_56_65 + zr.levels[level].classes_66)
                .sum(),
        }
    };
    let most = |f: &dyn Fn(usize) -> f64| years.clone().map(f).fold(0.0f64, f64::max);
    let room_need: Vec<f64> = ROOMS
        .iter()
        .map(|(_, l, u)| most(&|t| large(t, *l, *u)).ceil())
        .collect();
    let public_target = ds
        .targets
        .iter()
        .find(|t| t.indicator == "kg.public_share")
        .and_then(|t| t.rule.bounds(0.0).0)
        .unwrap_or(0.5);
    let seat_need =
        most(&|t| (public_target * recs[t].kg.total_enrollment() - recs[t].kg.enrollment[0]).max(0.0)).ceil();
    let hire_need: Vec<f64> = HIRES
        .iter()
        .map(|(_, level)| {
            most(&|t| {
                let r = &recs[t];
                match level.flow_index() {
                    Some(i) => r.levels[i].requirement_norm - r.levels[i].teachers,
                    None => 2.0 * r.kg.classes - r.kg.teachers,
                }
            })
            .max(0.0)
            .ceil()
        })
        .collect();
    let pupils = |t: usize| recs[t].levels[0].enrollment + recs[t].levels[1].enrollment;
    // a rise is counted at the largest enrollment of any year, whenever it is bought
    let pupils_most = most(&pupils);

    // ---- money and prices ----
    let f = &ds.finance;
    // the money: the extra funding set in yuan, plus what a faster-growing budget adds
    // over the baseline growth (the envelope the engine reports grows the same way)
    let base_growth = baseline("budget.growth");
    let mut envelope = (f.budget.value, f.budget.value);
    let extra: Vec<f64> = (0..=n)
        .map(|t| {
            if t > 0 {
                envelope.0 *= 1.0 + res.at("budget.growth", t);
                envelope.1 *= 1.0 + base_growth;
            }
            res.at("budget.extra", t).max(0.0) + (envelope.0 - envelope.1).max(0.0)
        })
        .collect();
    let rho = res.at("budget.recurring_share", 1).clamp(0.0, 1.0);
    let scale = res.at("costs.scale", 1);
    // pay level relative to the base year, w(t) = Π (1 + salary growth)
    let wage: Vec<f64> = (0..=n)
        .scan(1.0, |w, t| {
            if t > 0 {
                *w *= 1.0 + res.at("salary.growth", t);
            }
            Some(*w)
        })
        .collect();
    let wage_most = wage.iter().copied().fold(1.0f64, f64::max);
    let survival =
        |from: usize, to: usize| -> f64 { (from + 1..=to).map(|y| 1.0 - res.at("teachers.attrition", y)).product() };
    let order = order_of(res.at("budget.order", 1)).unwrap_or([1, 2, 3, 4, 5]);
    let step_years = res.at("funds.step_years", 1).round().max(0.0) as usize;
    // the mandated +100 a year, and the years in which a rise can count (the span lever's maximum)
    let step_schedule = 100.0;
    let rise_span = n.min(spec_max("funds.step_years") as usize);
    let trainee_years = ds.teachers.trainee_years.value as usize;
    let trainee_base = ds
        .teachers
        .trainee_history
        .iter()
        .find(|h| h.year == ds.base_year)
        .map_or(0.0, |h| h.value);
    let trainee_yearly = (2.0 * trainee_base - baseline("trainees.intake")).max(0.0);
    let trainee_pay = f.salary.value.of(Level::Primary);
    let trainee_most = f.trainee_subsidy.value.max(trainee_pay * wage_most);

    // ---- what has been bought ----
    let mut steps_held = 0.0; // yuan per pupil, cumulative
    let mut rooms_held = vec![0.0; ROOMS.len()];
    let mut seats_held = 0.0;
    let mut hires_held = vec![0.0; HIRES.len()];
    let mut hires_bought: Vec<(usize, f64)> = Vec::new(); // (year, yearly pay at base prices)
    let mut trainees_bought: Vec<(usize, f64)> = Vec::new(); // (year, trainees)
    let mut trainees_reserved = 0.0;
    let mut steps_reserved = 0.0; // in units of STEP_UNIT
    let mut committed = 0.0;
    let mut purchases = Vec::with_capacity(n);

    for t in 1..=n {
        let year = ds.base_year + t as i32;
        // recurring costs of earlier purchases, at this year's prices
        let pay: f64 = hires_bought.iter().map(|(y, c)| c * wage[t] * survival(*y, t)).sum();
        let trainee_cost: f64 = trainees_bought
            .iter()
            .map(|(y, k)| {
                if t < y + trainee_years {
                    k * f.trainee_subsidy.value
                } else {
                    k * trainee_pay * wage[t] * survival(y + trainee_years, t)
                }
            })
            .sum();
        let recurring = pay + trainee_cost + steps_held * pupils(t);
        let available = extra[t];
        let cap = rho * extra[t..=n].iter().copied().fold(f64::INFINITY, f64::min);
        let mut lasting = Lasting {
            committed,
            cap,
            blocked: false,
        };
        let mut build = Build {
            left: (1.0 - rho) * available,
            blocked: false,
        };
        let mut buy = Purchase {
            year,
            available,
            recurring,
            ..Default::default()
        };
        for programme in order {
            match programme {
                1 => {
                    // the whole schedule is reserved as soon as it fits, so that later rises
                    // are not crowded out by programmes after this one
                    let total = (step_schedule * step_years.min(rise_span) as f64 / STEP_UNIT).floor();
                    steps_reserved += lasting.buy((total - steps_reserved).max(0.0), STEP_UNIT * pupils_most);
                    // rises happen on schedule, or catch up on it later, within the reserve
                    let due = (step_schedule * t.min(step_years) as f64).min(steps_reserved * STEP_UNIT) - steps_held;
                    let rise = (due.min(spec_max("funds.step.primary")) / STEP_UNIT).floor().max(0.0) * STEP_UNIT;
                    if rise > 0.0 && t <= rise_span {
                        for id in ["funds.step.primary", "funds.step.junior"] {
                            per_year.get_mut(id).expect("bought lever")[t] = rise;
                        }
                        steps_held += rise;
                        buy.funds_step = rise;
                        buy.new += rise * pupils(t);
                    }
                }
                2 => {
                    let room = f.classroom_cost.value * scale;
                    for (i, (id, _, _)) in ROOMS.iter().enumerate() {
                        let want = (room_need[i] - rooms_held[i]).max(0.0).min(spec_max(id));
                        let k = build.buy(want, room);
                        if k > 0.0 {
                            rooms_held[i] += k;
                            per_year.get_mut(id).expect("bought lever")[t] = k;
                            buy.classrooms += k;
                            buy.new += k * room;
                        }
                    }
                }
                3 => {
                    let seat = f.kg_seat_cost.value * scale;
                    let want = (seat_need - seats_held).max(0.0).min(spec_max("kg.public_seats"));
                    let k = build.buy(want, seat);
                    if k > 0.0 {
                        seats_held += k;
                        per_year.get_mut("kg.public_seats").expect("bought lever")[t] = k;
                        buy.seats = k;
                        buy.new += k * seat;
                    }
                }
                4 => {
                    for (i, (id, level)) in HIRES.iter().enumerate() {
                        let salary = f.salary.value.of(*level);
                        let room_in_lever = spec_max(id) - per_year[id][t];
                        let want = (hire_need[i] - hires_held[i]).max(0.0).min(room_in_lever);
                        let k = lasting.buy(want, salary * wage_most);
                        if k > 0.0 {
                            hires_held[i] += k;
                            per_year.get_mut(id).expect("bought lever")[t] += k;
                            hires_bought.push((t, k * salary));
                            buy.hires += k;
                            buy.new += k * salary * wage[t];
                        }
                    }
                }
                5 => {
                    // a yearly cohort for each year whose trainees finish by the horizon: the
                    // whole schedule is reserved as soon as it fits, intakes happen on schedule
                    // (or catch up later, finishing after the horizon)
                    let cohorts = n.saturating_sub(trainee_years);
                    let total = trainee_yearly * cohorts as f64;
                    trainees_reserved += lasting.buy((total - trainees_reserved).max(0.0), trainee_most);
                    let held: f64 = trainees_bought.iter().map(|(_, k)| k).sum();
                    let due = (trainee_yearly * t.min(cohorts) as f64).min(trainees_reserved) - held;
                    let k = due
                        .min(spec_max("trainees.intake") - per_year["trainees.intake"][t])
                        .floor()
                        .max(0.0);
                    if k > 0.0 {
                        per_year.get_mut("trainees.intake").expect("bought lever")[t] += k;
                        trainees_bought.push((t, k));
                        buy.trainees = k;
                        buy.new += k * f.trainee_subsidy.value;
                    }
                }
                _ => {}
            }
        }
        committed = lasting.committed;
        purchases.push(buy);
    }
    // late rises count: the engine sums rises over the first `funds.step_years`
    // years, so the derived scenario spells out every rise and extends that span
    let senior: Vec<f64> = (0..=n)
        .map(|t| {
            if t <= step_years {
                res.at("funds.step.senior", t)
            } else {
                0.0
            }
        })
        .collect();
    per_year.insert("funds.step.senior", senior);
    q.levers
        .insert("funds.step_years".into(), LeverValue::Constant(rise_span as f64));
    apply(&mut q, &per_year);
    (q, purchases)
}

/// The purchases as CSV (yuan and counts; one row per year).
pub fn purchases_csv(purchases: &[Purchase]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // writing to a Vec cannot fail
    let _ = w.write_record(std::iter::once("year").chain(Purchase::COLUMNS.iter().map(|c| c.0)));
    for b in purchases {
        let mut rec = vec![b.year.to_string()];
        rec.extend(b.values().iter().map(|x| format!("{}", (x * 100.0).round() / 100.0)));
        let _ = w.write_record(rec);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Projects a budget-mode scenario: the plan's quantities through the engine.
pub fn project_budget(ds: &Dataset, sc: &Scenario, horizon: Year) -> (Projection, Scenario, Vec<Purchase>) {
    let (q, purchases) = plan(ds, sc, horizon);
    (project_to(ds, &q, horizon), q, purchases)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(extra: f64) -> Scenario {
        let mut s = Scenario::default();
        s.set("budget.mode", LeverValue::Constant(1.0)).unwrap();
        s.set("budget.extra", LeverValue::Constant(extra)).unwrap();
        s
    }

    #[test]
    fn order_codes() {
        assert_eq!(order_of(12345.0), Some([1, 2, 3, 4, 5]));
        assert_eq!(order_of(32154.0), Some([3, 2, 1, 5, 4]));
        assert_eq!(order_of(11345.0), None);
        assert_eq!(order_of(12346.0), None);
        assert_eq!(order_of(1234.0), None);
    }

    #[test]
    fn faster_budget_growth_is_money_to_spend() {
        let ds = Dataset::default_dataset().unwrap();
        let mut s = budget(0.0);
        s.set(
            "budget.growth",
            LeverValue::Constant(default_value(crate::catalogue::lever_spec("budget.growth").unwrap(), &ds) + 0.02),
        )
        .unwrap();
        let (_, purchases) = plan(&ds, &s, ds.horizon);
        // 2 points more growth on the envelope, compounding
        let first = ds.finance.budget.value * 0.02;
        assert!(
            (purchases[0].available - first).abs() < 1e-6 * first,
            "{}",
            purchases[0].available
        );
        assert!(purchases.windows(2).all(|w| w[1].available > w[0].available));
        assert!(purchases.iter().any(|b| b.new > 0.0));
        // slower growth is not negative money
        s.set("budget.growth", LeverValue::Constant(0.0)).unwrap();
        let (_, purchases) = plan(&ds, &s, ds.horizon);
        assert!(purchases.iter().all(|b| b.available == 0.0));
    }

    #[test]
    fn no_money_buys_nothing() {
        let ds = Dataset::default_dataset().unwrap();
        let (_, purchases) = plan(&ds, &budget(0.0), ds.horizon);
        assert!(purchases.iter().all(|p| p.spent() == 0.0));
    }
}
