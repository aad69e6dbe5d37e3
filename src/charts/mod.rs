//! Chart definitions and the pure scale/tick math behind the SVG charts.

pub mod scale;
pub mod specs;
