//! Kindergartens: demand against seats by provider, zone by zone.
//!
//! Each projection year, in this order:
//! 1. private seats whose utilisation last year fell below the closure
//!    threshold θ close at rate c of the seats in excess of enrollment/θ;
//! 2. conversions take other-private seats first, then inclusive ones, in
//!    proportion to each zone's seats of that provider;
//! 3. accreditations turn other-private seats into inclusive ones, likewise;
//! 4. new public seats go first to zones whose demand exceeded their seats in
//!    the base year (in proportion to that shortfall), the rest in proportion
//!    to base-year demand. The key is fixed for the run so that where a seat
//!    goes depends only on how many were built before it, never on the year it
//!    is built: more seats, sooner or later, never leave a zone with fewer;
//! 5. fill: the privately-minded share ψ of demand takes other-private seats
//!    first; the rest fills public, then inclusive, then other-private seats.
//!    Enrollment = min(demand, seats) in every zone.

use super::classes;
use super::num;
use super::state::{Ctx, State, YearStep};
use super::warnings::SchoolYears;
use crate::level::Provider;
use crate::record::SchoolRec;

/// Seats and enrollment of one zone by provider (public, inclusive, private).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneKg {
    pub seats: [f64; 3],
    pub enrollment: [f64; 3],
}

/// What the year's seat changes did, county totals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeatChanges {
    pub built: f64,
    pub converted: f64,
    pub accredited: f64,
    pub closed: f64,
}

/// Spreads `amount` over zones in proportion to `weights`, each capped at
/// `cap[z]`; returns what each zone gets (may total less than `amount` when
/// caps bind).
pub fn spread(amount: f64, weights: &[f64], cap: Option<&[f64]>) -> Vec<f64> {
    let mut out = Vec::new();
    spread_into(amount, weights, cap, &mut out);
    out
}

/// [`spread`] into `out` (resized to `weights`' length).
pub fn spread_into(amount: f64, weights: &[f64], cap: Option<&[f64]>, out: &mut Vec<f64>) {
    let n = weights.len();
    out.clear();
    out.resize(n, 0.0);
    let mut left = num::max(amount, 0.0);
    // a few rounds redistribute what capped zones could not take
    for _ in 0..n.max(1) {
        let room = |z: usize, out: &[f64]| cap.map_or(f64::INFINITY, |c| num::max(c[z] - out[z], 0.0));
        let w: f64 = (0..n)
            .filter(|&z| room(z, out) > 0.0)
            .map(|z| num::max(weights[z], 0.0))
            .sum();
        if left <= 1e-9 || w <= 0.0 {
            break;
        }
        let mut given = 0.0;
        for z in 0..n {
            let r = room(z, out);
            if r <= 0.0 {
                continue;
            }
            let g = num::min(left * num::max(weights[z], 0.0) / w, r);
            out[z] += g;
            given += g;
        }
        left -= given;
    }
}

/// Working space of the seat rules (kept across years and runs).
#[derive(Default)]
pub(super) struct SeatBuffers {
    closed: Vec<[f64; 3]>,
    moved: Vec<f64>,
    seats: Vec<f64>,
    got: Vec<f64>,
    shortfall: Vec<f64>,
    first: Vec<f64>,
    second: Vec<f64>,
    ones: Vec<f64>,
    after: Vec<f64>,
    new: Vec<f64>,
}

/// Step 1: closures of under-used private seats. Returns seats closed per zone
/// and provider index (inclusive = 1, private = 2).
pub fn close_underused(zones: &mut [ZoneKg], threshold: f64, rate: f64) -> Vec<[f64; 3]> {
    let mut out = Vec::new();
    close_underused_into(zones, threshold, rate, &mut out);
    out
}

fn close_underused_into(zones: &mut [ZoneKg], threshold: f64, rate: f64, out: &mut Vec<[f64; 3]>) {
    out.clear();
    out.extend(zones.iter_mut().map(|z| {
        let mut closed = [0.0; 3];
        for p in [Provider::Inclusive, Provider::Private] {
            let i = p.index();
            let (s, e) = (z.seats[i], z.enrollment[i]);
            if threshold > 0.0 && s > 0.0 && e / s < threshold {
                let c = rate * (s - e / threshold);
                z.seats[i] = num::max(s - c, 0.0);
                closed[i] = s - z.seats[i];
            }
        }
        closed
    }));
}

/// Moves up to `amount` seats from provider `from` (in order) to `to`, spread
/// over zones by their seats of the source provider. Returns moved per zone.
pub fn move_seats(zones: &mut [ZoneKg], amount: f64, from: &[Provider], to: Provider) -> Vec<f64> {
    let mut b = SeatBuffers::default();
    move_seats_into(zones, amount, from, to, &mut b);
    b.moved
}

/// [`move_seats`] into `b.moved`.
fn move_seats_into(zones: &mut [ZoneKg], amount: f64, from: &[Provider], to: Provider, b: &mut SeatBuffers) {
    b.moved.clear();
    b.moved.resize(zones.len(), 0.0);
    let mut left = amount.max(0.0);
    for p in from {
        let i = p.index();
        b.seats.clear();
        b.seats.extend(zones.iter().map(|z| z.seats[i]));
        spread_into(left, &b.seats, Some(&b.seats), &mut b.got);
        for (z, g) in b.got.iter().enumerate() {
            zones[z].seats[i] -= g;
            zones[z].seats[to.index()] += g;
            b.moved[z] += g;
            left -= g;
        }
    }
}

/// Step 4: where the first `amount` new public seats go, by zone, given the
/// base year's demand and seats. Linear in `amount` within each stage, so the
/// seats built in a year are `place_new_seats(before + now) − place_new_seats(before)`,
/// never negative in any zone.
pub fn place_new_seats(amount: f64, demand: &[f64], seats: &[f64]) -> Vec<f64> {
    let mut b = SeatBuffers::default();
    place_new_seats_into(amount, demand, seats, &mut b);
    b.after
}

/// [`place_new_seats`] into `b.after`.
fn place_new_seats_into(amount: f64, demand: &[f64], seats: &[f64], b: &mut SeatBuffers) {
    b.shortfall.clear();
    b.shortfall
        .extend(demand.iter().zip(seats).map(|(d, s)| num::max(d - s, 0.0)));
    let total_shortfall: f64 = b.shortfall.iter().sum();
    spread_into(
        amount.min(total_shortfall),
        &b.shortfall,
        Some(&b.shortfall),
        &mut b.first,
    );
    let rest = amount - b.first.iter().sum::<f64>();
    if demand.iter().sum::<f64>() > 0.0 {
        spread_into(rest, demand, None, &mut b.second);
    } else {
        b.ones.clear();
        b.ones.resize(demand.len(), 1.0);
        spread_into(rest, &b.ones, None, &mut b.second);
    }
    b.after.clear();
    b.after.extend(b.first.iter().zip(&b.second).map(|(a, x)| a + x));
}

/// Step 5: fills one zone's seats from its demand.
pub fn fill(seats: [f64; 3], demand: f64, private_preference: f64) -> [f64; 3] {
    let (pu, inc, pr) = (
        Provider::Public.index(),
        Provider::Inclusive.index(),
        Provider::Private.index(),
    );
    let mut e = [0.0; 3];
    let mut left = num::max(demand, 0.0);
    e[pr] = num::min(left * private_preference, seats[pr]);
    left -= e[pr];
    e[pu] = num::min(left, seats[pu]);
    left -= e[pu];
    e[inc] = num::min(left, seats[inc]);
    left -= e[inc];
    let extra = num::min(left, seats[pr] - e[pr]);
    e[pr] += num::max(extra, 0.0);
    e
}

/// Stage 2, kindergartens: demand by zone (participation, its trend and the
/// draw's shift, times children aged 3–5), then — after the base year —
/// closures, conversions, accreditations, new public seats and the fill
/// (steps 1–5 above), teachers, and the record's seats, children and classes.
#[cfg_attr(target_arch = "wasm32", inline(never))] // see engine/mod.rs: a function per stage
pub(super) fn stage(cx: &Ctx, st: &mut State, y: &mut YearStep) {
    let (ds, t, nz) = (cx.ds, y.t, cx.p.nz);
    let kgp = &ds.kindergarten;
    let trend = cx.lv.participation_trend.whole_run();
    let demand = &mut st.buf.demand;
    demand.clear();
    demand.extend((0..nz).map(|z| {
        let shift = if t > 0 { cx.pert.participation } else { 0.0 };
        let phi = (kgp.participation.value[z] + trend * t as f64 + shift)
            .min(kgp.participation_max.value.get().max(kgp.participation.value[z]))
            .clamp(0.0, 1.0);
        phi * st.pop.zone_ages(z, 3, 5)
    }));
    let changes = &mut y.seat_changes;
    let rec = &mut y.rec;
    if t == 0 {
        st.seat_key.0.clone_from(demand);
        st.seat_key.1.clear();
        st.seat_key.1.extend(st.kg.iter().map(|z| z.seats.iter().sum::<f64>()));
    } else {
        let (kg, b) = (&mut st.kg, &mut st.buf.seats);
        close_underused_into(
            kg,
            kgp.closure_threshold.value.get(),
            kgp.closure_rate.value.get(),
            &mut b.closed,
        );
        changes.closed = b.closed.iter().flatten().sum();
        let from = [Provider::Private, Provider::Inclusive];
        move_seats_into(kg, cx.lv.kg_convert.at(t), &from, Provider::Public, b);
        changes.converted = b.moved.iter().sum();
        move_seats_into(
            kg,
            cx.lv.kg_accredit.at(t),
            &[Provider::Private],
            Provider::Inclusive,
            b,
        );
        changes.accredited = b.moved.iter().sum();
        st.seats_built += cx.lv.kg_public_seats.at(t).max(0.0);
        place_new_seats_into(st.seats_built, &st.seat_key.0, &st.seat_key.1, b);
        b.new.clear();
        b.new
            .extend(b.after.iter().zip(&st.seats_placed).map(|(a, p)| num::max(a - p, 0.0)));
        std::mem::swap(&mut st.seats_placed, &mut b.after);
        for (z, s) in b.new.iter().enumerate() {
            kg[z].seats[Provider::Public.index()] += s;
        }
        changes.built = b.new.iter().sum();
        for (z, zk) in kg.iter_mut().enumerate() {
            zk.enrollment = fill(zk.seats, demand[z], kgp.private_preference.value.get());
        }
        let hires = cx.lv.hires_kg.at(t);
        st.kg_teachers = st.kg_teachers * (1.0 - cx.lv.attrition.at(t)) + hires;
        rec.kg.hires = hires;
    }
    rec.kg.demand = demand.iter().sum();
    for zk in &st.kg {
        for i in 0..3 {
            rec.kg.seats[i] += zk.seats[i];
            rec.kg.enrollment[i] += zk.enrollment[i];
        }
    }
    rec.kg.seats_built = changes.built;
    rec.kg.seats_converted = changes.converted;
    rec.kg.seats_accredited = changes.accredited;
    rec.kg.seats_closed = changes.closed;
    rec.kg.teachers = st.kg_teachers;
    rec.kg.classes = classes(cx, st, t, &mut y.schools);
}

/// Kindergarten classes: each zone-provider's children are spread over its
/// kindergartens in proportion to seats (seats beyond the base-year ones form a
/// new kindergarten), each age group in classes of 25/30/35. When a stage
/// wants the school records (the schools view, the warnings), each dataset
/// kindergarten's year goes to `schools`.
fn classes(cx: &Ctx, st: &State, t: usize, schools: &mut SchoolYears) -> f64 {
    let size = cx.ds.kindergarten.class_size.value;
    let class_count = |e: [f64; 3]| -> f64 {
        (0..3)
            .map(|a| classes::classes_for(classes::whole(e[a]), size[a]) as f64)
            .sum()
    };
    if t == 0 {
        if schools.wanted() {
            for (i, s) in cx.ds.schools.iter().enumerate() {
                if s.kind.provider().is_some() {
                    let e = [0, 1, 2].map(|a| s.enrollment.get(a).copied().unwrap_or(0.0));
                    schools.put(i, None, kg_record(e, s.seats.unwrap_or(0.0), size));
                }
            }
        }
        return cx.p.kg_ages0.iter().map(|e| class_count(*e)).sum();
    }
    let mut total = 0.0;
    for (z, zk) in st.kg.iter().enumerate() {
        let by_age = &st.pop.by_zone[z];
        let ages = [by_age[3], by_age[4], by_age[5]];
        let sum_ages: f64 = ages.iter().sum();
        let age_share = |a: usize| {
            if sum_ages > 0.0 {
                ages[a] / sum_ages
            } else {
                1.0 / 3.0
            }
        };
        for (k, prov) in Provider::ALL.into_iter().enumerate() {
            let enrolled = zk.enrollment[prov.index()];
            let base = &cx.p.kg_base[z][k];
            let base_total: f64 = base.iter().map(|(_, s)| s).sum();
            let now = zk.seats[prov.index()];
            // the base kindergartens (shrunk in proportion if seats closed), then the new one
            let grown = (now > base_total).then_some((None, now - base_total));
            let scale = if base_total > 0.0 {
                num::min(now / base_total, 1.0)
            } else {
                0.0
            };
            let kept = base
                .iter()
                .filter(|_| base_total > 0.0)
                .map(|(i, s)| (Some(*i), s * scale));
            let cap: f64 = kept.clone().chain(grown).map(|(_, u)| u).sum();
            for (index, u) in kept.chain(grown) {
                let e = if cap > 0.0 && enrolled > 0.0 {
                    enrolled * u / cap
                } else {
                    0.0
                };
                let by_age = [e * age_share(0), e * age_share(1), e * age_share(2)];
                // a wanted record has counted the classes already
                let record = index
                    .filter(|_| schools.wanted())
                    .map(|i| (i, kg_record(by_age, u, size)));
                if enrolled > 0.0 {
                    total += record
                        .as_ref()
                        .map_or_else(|| class_count(by_age), |(_, r)| r.classes as f64);
                }
                if let Some((i, r)) = record {
                    schools.put(i, None, r);
                }
            }
        }
    }
    total
}

/// A kindergarten's year from its children by age group, seats and the class sizes.
fn kg_record(children: [f64; 3], seats: f64, size: [f64; 3]) -> SchoolRec {
    let mut r = SchoolRec {
        open: true,
        pupils: children.iter().sum(),
        classes: 0,
        largest_class: 0,
        classes_56_65: 0,
        classes_66: 0,
        grades: 0,
        rooms_needed: 0,
        rooms: 0,
        teachers: crate::units::UNDEFINED,
        teachers_needed: crate::units::UNDEFINED,
        places: seats,
        boarders: 0.0,
    };
    for (e, size) in children.iter().zip(size) {
        let whole = classes::whole(*e);
        let c = classes::classes_for(whole, size);
        r.classes += c;
        if whole > 0 {
            r.grades += 1;
            r.largest_class = r.largest_class.max(whole.div_ceil(c.max(1)));
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_order_is_preference_then_public_inclusive_private() {
        // 100 demand, 10% prefer private: 10 private, then 50 public, 30 inclusive, 10 more private
        let e = fill([50.0, 30.0, 40.0], 100.0, 0.1);
        assert_eq!(e, [50.0, 30.0, 20.0]);
        // demand above seats: everything full
        assert_eq!(fill([10.0, 10.0, 10.0], 100.0, 0.1), [10.0, 10.0, 10.0]);
        // low demand: public first
        assert_eq!(fill([50.0, 30.0, 40.0], 40.0, 0.0), [40.0, 0.0, 0.0]);
    }

    #[test]
    fn closure_cuts_half_the_excess() {
        let mut z = vec![ZoneKg {
            seats: [100.0, 100.0, 100.0],
            enrollment: [100.0, 40.0, 90.0],
        }];
        let c = close_underused(&mut z, 0.8, 0.5);
        // inclusive: 40/100 < 0.8 → excess over 50 is 50, half closes
        assert!((z[0].seats[1] - 75.0).abs() < 1e-9);
        assert!((c[0][1] - 25.0).abs() < 1e-9);
        assert_eq!(z[0].seats[2], 100.0, "90% used: nothing closes");
        assert_eq!(z[0].seats[0], 100.0, "public seats never close");
    }

    #[test]
    fn new_seats_go_to_shortfalls_first() {
        let got = place_new_seats(100.0, &[200.0, 100.0], &[150.0, 150.0]);
        let total: f64 = got.iter().sum();
        assert!((total - 100.0).abs() < 1e-9);
        // the shortfall of 50 in zone 0 is covered first, the other 50 by demand 2:1
        assert!((got[0] - (50.0 + 50.0 * 2.0 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn placement_does_not_depend_on_timing() {
        let (d, s) = ([200.0, 100.0, 50.0], [150.0, 150.0, 0.0]);
        let at_once = place_new_seats(300.0, &d, &s);
        for first in [0.0, 30.0, 99.0, 100.0, 101.0, 250.0] {
            let before = place_new_seats(first, &d, &s);
            for z in 0..3 {
                let now = at_once[z] - before[z];
                assert!(
                    now >= -1e-9,
                    "a later year's seats never take any away ({first}, zone {z})"
                );
            }
        }
        let total: f64 = at_once.iter().sum();
        assert!((total - 300.0).abs() < 1e-9);
    }

    #[test]
    fn conversions_take_private_first() {
        let mut z = vec![
            ZoneKg {
                seats: [0.0, 100.0, 30.0],
                ..Default::default()
            },
            ZoneKg {
                seats: [0.0, 0.0, 10.0],
                ..Default::default()
            },
        ];
        let moved = move_seats(
            &mut z,
            60.0,
            &[Provider::Private, Provider::Inclusive],
            Provider::Public,
        );
        assert!((moved.iter().sum::<f64>() - 60.0).abs() < 1e-9);
        assert_eq!(z[0].seats[2], 0.0);
        assert_eq!(z[1].seats[2], 0.0);
        assert!((z[0].seats[1] - 80.0).abs() < 1e-9);
    }
}
