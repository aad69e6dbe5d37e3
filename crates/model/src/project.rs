//! The projection of a scenario, whichever mode it is in: a quantity scenario
//! runs the engine; in budget mode the money first buys quantities
//! ([`crate::budget`]) and those run. The engine knows nothing of budget mode.

use crate::dataset::Dataset;
use crate::projection::Projection;
use crate::scenario::Scenario;
use crate::units::Year;

/// Runs the scenario to the dataset's default horizon.
pub fn project(ds: &Dataset, sc: &Scenario) -> Projection {
    project_to(ds, sc, ds.horizon)
}

/// Runs the scenario to `horizon` (clamped to the dataset's allowed span).
/// Budget mode: the projection of the bought quantities, with the purchases
/// (`Projection::purchases`) and the quantity scenario (`derived`).
pub fn project_to(ds: &Dataset, sc: &Scenario, horizon: Year) -> Projection {
    let horizon = horizon.clamp(ds.base_year + 1, ds.max_horizon);
    if crate::budget::is_budget_mode(sc) {
        let (mut p, q, purchases) = crate::budget::project_budget(ds, sc, horizon);
        p.purchases = purchases;
        p.derived = Some(q);
        return p;
    }
    crate::engine::project_quantities(ds, sc, horizon)
}
