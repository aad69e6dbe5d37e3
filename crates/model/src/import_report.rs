//! What an import reports, as plain data shared by the importer, its web
//! worker and the app: problems (errors block, warnings do not) and notes,
//! each with the file, sheet, row and column it concerns, in Chinese and
//! English, and the parts of the dataset an import replaced.
//!
//! The importer (`eduplan-import`) produces these values; the app receives
//! them from the import worker as JSON and shows them, so both sides share
//! one definition.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::dataset::{Dataset, Text};
use crate::summary::{content_hash, SchoolChanges, Summary};

/// Where in the files a problem or note lives. Rows are 1-based as a
/// spreadsheet shows them; `col` is 0-based and printed as a letter (A, B, …, AA).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub col: Option<u32>,
}

impl Location {
    pub fn file(file: &str) -> Location {
        Location {
            file: file.to_string(),
            ..Location::default()
        }
    }

    pub fn sheet(file: &str, sheet: &str) -> Location {
        Location {
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            ..Location::default()
        }
    }

    pub fn cell(file: &str, sheet: &str, row: u32, col: u32) -> Location {
        Location {
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            row: Some(row),
            col: Some(col),
        }
    }

    pub fn row(file: &str, sheet: &str, row: u32) -> Location {
        Location {
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            row: Some(row),
            col: None,
        }
    }

    /// The cell in A1 style (`C5`), the row (`5`) or nothing.
    pub fn a1(&self) -> Option<String> {
        match (self.row, self.col) {
            (Some(r), Some(c)) => Some(format!("{}{r}", col_letters(c))),
            (Some(r), None) => Some(r.to_string()),
            (None, Some(c)) => Some(col_letters(c)),
            (None, None) => None,
        }
    }

    /// "文件 a.xlsx，工作表“学校名册”，单元格 C5" / "a.xlsx, sheet 学校名册, cell C5".
    pub fn describe(&self) -> Text {
        let mut zh = format!("文件{}", self.file);
        let mut en = self.file.clone();
        if let Some(s) = &self.sheet {
            zh += &format!("，工作表“{s}”");
            en += &format!(", sheet {s}");
        }
        match (self.row, self.col) {
            (Some(_), Some(_)) => {
                let a = self.a1().unwrap_or_default();
                zh += &format!("，单元格{a}");
                en += &format!(", cell {a}");
            }
            (Some(r), None) => {
                zh += &format!("，第{r}行");
                en += &format!(", row {r}");
            }
            (None, Some(c)) => {
                zh += &format!("，第{}列", col_letters(c));
                en += &format!(", column {}", col_letters(c));
            }
            (None, None) => {}
        }
        Text { zh, en }
    }
}

/// Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA.
pub fn col_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The import cannot go on: no dataset is produced.
    Error,
    /// The dataset is produced; the planner should look.
    Warning,
    /// Something was skipped or ignored on purpose (a totals row, a hidden sheet).
    Note,
}

/// One finding: where, what was seen, and the message in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub severity: Severity,
    pub at: Location,
    /// The value as it appeared in the cell, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<String>,
    /// What was expected or what happened, in Chinese and English.
    pub message: Text,
}

impl Problem {
    pub fn new(severity: Severity, at: Location, seen: Option<String>, zh: String, en: String) -> Problem {
        Problem {
            severity,
            at,
            seen,
            message: Text { zh, en },
        }
    }

    /// The whole problem as one line in the language asked for.
    pub fn line(&self, zh: bool) -> String {
        let at = self.at.describe();
        let seen = self.seen.as_deref().map(|s| s.chars().take(60).collect::<String>());
        if zh {
            let kind = match self.severity {
                Severity::Error => "错误",
                Severity::Warning => "提示",
                Severity::Note => "说明",
            };
            match seen {
                Some(s) => format!("{kind}：{}：{}（读到“{s}”）", at.zh, self.message.zh),
                None => format!("{kind}：{}：{}", at.zh, self.message.zh),
            }
        } else {
            let kind = match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            };
            match seen {
                Some(s) => format!("{kind}: {}: {} (found \"{s}\")", at.en, self.message.en),
                None => format!("{kind}: {}: {}", at.en, self.message.en),
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.line(false))
    }
}

/// A part of the dataset that an import can replace, one per template sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The whole dataset, from a dataset JSON file.
    Whole,
    Meta,
    Sources,
    Zones,
    Population,
    Births,
    AgeRates,
    Schools,
    Enrollment,
    Flows,
    Norms,
    Money,
    Params,
    Trainees,
    Targets,
    LeverDefaults,
}

/// One part and the file and sheet it was read from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartSource {
    pub part: Part,
    pub file: String,
    pub sheet: String,
    /// Data rows read (after skipping totals, subsets and blank rows).
    pub rows: usize,
}

/// What a successful import did: the parts replaced (each with its file and
/// sheet), the warnings and the notes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub parts: Vec<PartSource>,
    pub warnings: Vec<Problem>,
    pub notes: Vec<Problem>,
}

/// A failed import: at least one error (each with its place), and the
/// warnings found on the way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportErrors {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            writeln!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}

/// The import worker's answer: the imported dataset (as its JSON text, with
/// its content hash) and everything its preview shows, or the errors; `ms` is
/// the time the worker spent reading and checking the files. The app parses
/// the dataset only when the planner applies it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportReply {
    Imported(Box<Imported>),
    Failed { errors: ImportErrors, ms: f64 },
}

/// A successful import, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    /// The dataset's JSON (`serde_json::to_string`, so its hash is [`content_hash`] of it).
    pub dataset: String,
    pub hash: String,
    pub id: String,
    /// The dataset the files were applied onto, and the result, in figures.
    pub before: Summary,
    pub after: Summary,
    pub schools: SchoolChanges,
    pub report: Report,
    pub ms: f64,
}

impl Imported {
    /// Everything the preview needs about an import of `after` onto `before`.
    pub fn new(before: &Dataset, after: &Dataset, report: Report, ms: f64) -> Imported {
        Imported {
            dataset: serde_json::to_string(after).unwrap_or_default(),
            hash: content_hash(after),
            id: after.id.clone(),
            before: Summary::of(before),
            after: Summary::of(after),
            schools: SchoolChanges::between(before, after),
            report,
            ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(col_letters(0), "A");
        assert_eq!(col_letters(25), "Z");
        assert_eq!(col_letters(26), "AA");
        assert_eq!(col_letters(701), "ZZ");
        assert_eq!(col_letters(702), "AAA");
    }

    #[test]
    fn location_lines() {
        let p = Problem::new(
            Severity::Error,
            Location::cell("a.xlsx", "学校名册", 5, 2),
            Some("abc".into()),
            "应为数字".into(),
            "expected a number".into(),
        );
        assert_eq!(
            p.line(true),
            "错误：文件a.xlsx，工作表“学校名册”，单元格C5：应为数字（读到“abc”）"
        );
        assert_eq!(
            p.line(false),
            "error: a.xlsx, sheet 学校名册, cell C5: expected a number (found \"abc\")"
        );
    }
}
