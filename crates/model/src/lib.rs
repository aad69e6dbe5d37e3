//! EduPlan's model core.
//!
//! Layers, each using only those above it in this list:
//! - [`units`], [`level`]: value types;
//! - [`dataset`]: a county's base-year data (JSON, validated), [`catalogue`]:
//!   lever and indicator specs with stable ids;
//! - [`scenario`]: lever values by id, resolved per year;
//! - [`engine`]: a quantity scenario's projection (its yearly [`record`]s);
//!   [`budget`] buys quantities with money above it; [`project`] chooses;
//! - [`targets`] and [`projection`]: plan targets evaluated on the projection;
//! - [`summary`]: a dataset in a few figures and its content hash;
//!   [`import_report`]: what an import found (shared by the importer and the app).
//!
//! No web dependency: the crate builds and tests natively and in wasm alike.

pub mod briefing;
pub mod budget;
pub mod catalogue;
pub mod codec;
pub mod dataset;
pub mod engine;
pub mod error;
pub mod export;
pub mod flags;
pub mod format;
pub mod import_report;
pub mod level;
pub mod link_digits;
pub mod names;
pub mod network;
pub mod project;
pub mod projection;
pub mod purchase;
pub mod record;
pub mod rows;
pub mod scenario;
pub mod schools;
pub mod seek;
pub mod summary;
pub mod targets;
pub mod text;
pub mod uncertainty;
pub mod units;
pub mod wording;

pub use dataset::Dataset;
pub use error::{DataError, ScenarioError};
pub use project::{project, project_to};
pub use projection::Projection;
pub use scenario::{LeverValue, Scenario};
