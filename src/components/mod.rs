//! Small components, one per file; each reads the shared context.

pub mod brief;
pub mod budget_panel;
pub mod chart;
pub mod chart_panel;
pub mod compare_table;
pub mod data_dialog;
pub mod data_panel;
pub mod dataset_error;
pub mod footer;
pub mod goal_seek;
pub mod header;
pub mod import_preview;
pub mod lever_control;
pub mod levers_panel;
pub mod missing_dataset;
pub mod notice_bar;
pub mod presentation;
pub mod programme_order;
pub mod saved_panel;
pub mod scenario_bar;
pub mod schools_panel;
pub mod target_board;
pub mod update_notice;
pub mod wechat_guide;
pub mod year_editor;
