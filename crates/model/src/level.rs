//! Education levels, the grades each runs, and the school kinds that teach them.

use serde::{Deserialize, Serialize};

/// A level of the system. Grade-flow levels (primary to vocational) move pupils
/// grade by grade; kindergarten is filled from demand and seats; special
/// education is a placement count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Kindergarten,
    Primary,
    Junior,
    Senior,
    Vocational,
    Special,
}

impl Level {
    /// The four grade-flow levels, in the order pupils pass through them.
    pub const FLOW: [Level; 4] = [Level::Primary, Level::Junior, Level::Senior, Level::Vocational];

    /// Number of grades (for kindergarten: the three age groups 3, 4, 5).
    pub fn grades(self) -> usize {
        match self {
            Level::Kindergarten => 3,
            Level::Primary => 6,
            Level::Junior | Level::Senior | Level::Vocational => 3,
            Level::Special => 1,
        }
    }

    /// Age of a pupil of the first grade at the autumn headcount.
    pub fn entry_age(self) -> usize {
        match self {
            Level::Kindergarten => 3,
            Level::Primary | Level::Special => 6,
            Level::Junior => 12,
            Level::Senior | Level::Vocational => 15,
        }
    }

    /// Stable short key used in indicator and lever ids.
    pub fn key(self) -> &'static str {
        match self {
            Level::Kindergarten => "kg",
            Level::Primary => "primary",
            Level::Junior => "junior",
            Level::Senior => "senior",
            Level::Vocational => "vocational",
            Level::Special => "special",
        }
    }

    /// Index of a grade-flow level in [`Level::FLOW`].
    pub fn flow_index(self) -> Option<usize> {
        Level::FLOW.iter().position(|l| *l == self)
    }
}

/// Who runs a kindergarten: decides the fill order and whether its teachers
/// are paid from the education budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// 公办园
    Public,
    /// 普惠性民办园 (accredited, fee-capped, subsidised)
    Inclusive,
    /// 其他民办园
    Private,
}

impl Provider {
    pub const ALL: [Provider; 3] = [Provider::Public, Provider::Inclusive, Provider::Private];
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The kinds of school in the register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolKind {
    Kindergarten(Provider),
    /// 完全小学 / 中心小学
    Primary,
    /// 教学点: a small rural site teaching the lower primary grades.
    TeachingPoint,
    /// 九年一贯制学校: primary and junior grades on one site.
    NineYear,
    /// 初级中学
    Junior,
    /// 普通高中
    SeniorGeneral,
    /// 中等职业学校
    Vocational,
    /// 特殊教育学校
    Special,
}

/// One (level, grade) slot a school teaches; a school's enrollment vector lists
/// its slots in this order.
pub type Slot = (Level, usize);

impl SchoolKind {
    /// The (level, grade index) slots this kind of school teaches.
    pub fn slots(self) -> &'static [Slot] {
        use Level::*;
        // written out: a borrowed constant costs no allocation (the engine
        // reads it for every school of every run)
        const KG: [Slot; 3] = [(Kindergarten, 0), (Kindergarten, 1), (Kindergarten, 2)];
        // primary's slots, then junior's: a nine-year school teaches both
        static NINE_YEAR: [Slot; 9] = [
            (Primary, 0),
            (Primary, 1),
            (Primary, 2),
            (Primary, 3),
            (Primary, 4),
            (Primary, 5),
            (Junior, 0),
            (Junior, 1),
            (Junior, 2),
        ];
        const SENIOR: [Slot; 3] = [(Senior, 0), (Senior, 1), (Senior, 2)];
        const VOCATIONAL: [Slot; 3] = [(Vocational, 0), (Vocational, 1), (Vocational, 2)];
        const SPECIAL: [Slot; 1] = [(Special, 0)];
        match self {
            SchoolKind::Kindergarten(_) => &KG,
            SchoolKind::Primary | SchoolKind::TeachingPoint => &NINE_YEAR[..6],
            SchoolKind::NineYear => &NINE_YEAR,
            SchoolKind::Junior => &NINE_YEAR[6..],
            SchoolKind::SeniorGeneral => &SENIOR,
            SchoolKind::Vocational => &VOCATIONAL,
            SchoolKind::Special => &SPECIAL,
        }
    }

    pub fn teaches(self, level: Level) -> bool {
        self.slots().iter().any(|(l, _)| *l == level)
    }

    pub fn provider(self) -> Option<Provider> {
        match self {
            SchoolKind::Kindergarten(p) => Some(p),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_year_school_teaches_nine_grades() {
        let s = SchoolKind::NineYear.slots();
        assert_eq!(s.len(), 9);
        assert_eq!(s[0], (Level::Primary, 0));
        assert_eq!(s[8], (Level::Junior, 2));
    }

    #[test]
    fn kind_serialises_with_provider() {
        let k = SchoolKind::Kindergarten(Provider::Inclusive);
        let j = serde_json::to_string(&k).unwrap();
        assert_eq!(j, r#"{"kindergarten":"inclusive"}"#);
        assert_eq!(serde_json::to_string(&SchoolKind::NineYear).unwrap(), r#""nine_year""#);
    }

    #[test]
    fn each_kind_lists_its_levels_grades_in_order_once() {
        use std::collections::BTreeSet;
        let levels = |k: SchoolKind| -> Vec<Level> {
            match k {
                SchoolKind::Kindergarten(_) => vec![Level::Kindergarten],
                SchoolKind::Primary | SchoolKind::TeachingPoint => vec![Level::Primary],
                SchoolKind::NineYear => vec![Level::Primary, Level::Junior],
                SchoolKind::Junior => vec![Level::Junior],
                SchoolKind::SeniorGeneral => vec![Level::Senior],
                SchoolKind::Vocational => vec![Level::Vocational],
                SchoolKind::Special => vec![Level::Special],
            }
        };
        let kinds = [
            SchoolKind::Kindergarten(Provider::Public),
            SchoolKind::Primary,
            SchoolKind::TeachingPoint,
            SchoolKind::NineYear,
            SchoolKind::Junior,
            SchoolKind::SeniorGeneral,
            SchoolKind::Vocational,
            SchoolKind::Special,
        ];
        for k in kinds {
            let want: Vec<Slot> = levels(k)
                .into_iter()
                .flat_map(|l| (0..l.grades()).map(move |g| (l, g)))
                .collect();
            assert_eq!(k.slots(), want.as_slice(), "{k:?}");
            // the engine counts a school once per slot (prepared.rs)
            assert_eq!(k.slots().iter().collect::<BTreeSet<_>>().len(), k.slots().len());
        }
    }
}
