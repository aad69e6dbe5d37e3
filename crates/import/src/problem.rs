//! Collecting what an import reports (the values themselves live in
//! `eduplan_model::import_report`): problems (errors block, warnings do not) and notes,
//! each with the file, sheet, row and column it concerns, in Chinese and English.

pub use eduplan_model::import_report::{
    col_letters, ImportErrors, Location, Part, PartSource, Problem, Report, Severity,
};

/// Collects problems while an import runs.
#[derive(Debug, Default)]
pub struct Sink {
    pub problems: Vec<Problem>,
}

impl Sink {
    pub fn error(&mut self, at: Location, seen: Option<String>, zh: impl Into<String>, en: impl Into<String>) {
        self.problems
            .push(Problem::new(Severity::Error, at, seen, zh.into(), en.into()));
    }

    pub fn warn(&mut self, at: Location, seen: Option<String>, zh: impl Into<String>, en: impl Into<String>) {
        self.problems
            .push(Problem::new(Severity::Warning, at, seen, zh.into(), en.into()));
    }

    pub fn note(&mut self, at: Location, zh: impl Into<String>, en: impl Into<String>) {
        self.problems
            .push(Problem::new(Severity::Note, at, None, zh.into(), en.into()));
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.severity == Severity::Error).count()
    }

    /// Splits into the failure value (when there are errors) or the report's lists.
    pub fn finish(self) -> Result<(Vec<Problem>, Vec<Problem>), ImportErrors> {
        let (mut errors, mut warnings, mut notes) = (Vec::new(), Vec::new(), Vec::new());
        for p in self.problems {
            match p.severity {
                Severity::Error => errors.push(p),
                Severity::Warning => warnings.push(p),
                Severity::Note => notes.push(p),
            }
        }
        let warnings = cap(warnings);
        if !errors.is_empty() {
            return Err(ImportErrors {
                errors: cap(errors),
                warnings,
            });
        }
        Ok((warnings, notes))
    }
}

/// Most problems of one severity listed; the rest are counted in a last line.
pub const MAX_LISTED: usize = 200;

fn cap(mut v: Vec<Problem>) -> Vec<Problem> {
    if v.len() > MAX_LISTED {
        let more = v.len() - MAX_LISTED;
        let (sev, file) = (v[0].severity, v[0].at.file.clone());
        v.truncate(MAX_LISTED);
        v.push(Problem::new(
            sev,
            Location::file(&file),
            None,
            format!("另有{more}条同类问题未列出，请先改正以上各条"),
            format!("{more} more not listed; correct the ones above first"),
        ));
    }
    v
}
