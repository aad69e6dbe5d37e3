//! EduPlan's browser app: a thin Yew front end over `eduplan-model`.
//!
//! One scenario state lives in a reducer ([`state`]); the projection is
//! derived from it and memoised ([`app`]); small components read both through
//! one context ([`context`]). Nothing is computed here that the model could
//! compute.

pub mod app;
pub mod briefing;
pub mod browser;
pub mod charts;
pub mod components;
pub mod context;
pub mod data_files;
pub mod data_ops;
pub mod datasets;
pub mod exports;
pub mod i18n;
pub mod library;
pub mod modal;
pub mod monte_carlo;
pub mod offline;
pub mod panic_banner;
pub mod persist;
pub mod qr;
pub mod root;
pub mod state;
pub mod units;
pub mod workers;

use std::rc::Rc;

use eduplan_model::Dataset;

/// Entry point: installs the panic banner, loads the bundled dataset and
/// mounts the root (which chooses the dataset to plan on) on `<body>`.
pub fn start() {
    panic_banner::install();
    match Dataset::default_dataset() {
        Ok(ds) => {
            yew::Renderer::<root::Root>::with_props(root::RootProps { builtin: Rc::new(ds) }).render();
        }
        Err(e) => {
            yew::Renderer::<components::dataset_error::DatasetError>::with_props(
                components::dataset_error::DatasetErrorProps { message: e.to_string() },
            )
            .render();
        }
    }
}
