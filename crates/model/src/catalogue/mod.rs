//! Specs shared by every front end: levers (inputs) and indicators (outputs),
//! each with a stable id, unit, range and bilingual labels.

pub mod indicators;
pub mod levers;

pub use indicators::{indicator_index, indicator_spec, indicators, IndicatorSpec, IndicatorUnit};
pub use levers::{lever_spec, levers, LeverGroup, LeverKind, LeverSpec, LeverUnit};
