//! What one year's money bought in budget mode: a row of the budget table,
//! carried by the projection ([`crate::projection::Projection::purchases`])
//! and filled by [`crate::budget`].

use serde::Serialize;

use crate::units::Year;

/// What one year's money bought.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Purchase {
    pub year: Year,
    /// Extra funding available this year: `budget.extra` plus what budget
    /// growth above the baseline rate adds to the envelope.
    pub available: f64,
    /// Paid for earlier purchases (pay, subsidies, per-pupil rises).
    pub recurring: f64,
    /// Paid for this year's new purchases.
    pub new: f64,
    /// Per-pupil rise bought this year, yuan.
    pub funds_step: f64,
    pub classrooms: f64,
    pub seats: f64,
    pub hires: f64,
    pub trainees: f64,
}

impl Purchase {
    /// The table columns after the year: (CSV key, Chinese heading, English heading).
    pub const COLUMNS: [(&'static str, &'static str, &'static str); 10] = [
        ("available", "可用经费（元）", "available (yuan)"),
        (
            "recurring",
            "以前年度形成的经常性支出（元）",
            "recurring, earlier purchases (yuan)",
        ),
        ("new", "本年新增安排（元）", "new this year (yuan)"),
        ("spent", "已用（元）", "spent (yuan)"),
        ("unspent", "未使用（元）", "unspent (yuan)"),
        ("funds_step", "生均公用经费提高（元）", "per-pupil rise (yuan)"),
        ("classrooms", "教室（间）", "classrooms"),
        ("seats", "公办学位（个）", "public seats"),
        ("hires", "教师（名）", "teachers"),
        ("trainees", "公费定向师范生（名）", "funded trainees"),
    ];

    /// The values in the order of [`Purchase::COLUMNS`].
    pub fn values(&self) -> [f64; 10] {
        [
            self.available,
            self.recurring,
            self.new,
            self.spent(),
            self.unspent(),
            self.funds_step,
            self.classrooms,
            self.seats,
            self.hires,
            self.trainees,
        ]
    }

    pub fn spent(&self) -> f64 {
        self.recurring + self.new
    }

    pub fn unspent(&self) -> f64 {
        (self.available - self.spent()).max(0.0)
    }
}
