//! Small components, one per file; each reads the shared context.

pub mod chart;
pub mod chart_panel;
pub mod data_panel;
pub mod dataset_error;
pub mod footer;
pub mod header;
pub mod lever_control;
pub mod levers_panel;
pub mod target_board;
pub mod year_editor;
