//! The briefing points for the app (issue 19): the model's rules
//! (`eduplan_model::briefing`) run on what the workspace holds — the current
//! scenario and its projection, the baseline, the bands when uncertainty is
//! on and settled, and the pinned scenarios when comparing. The panel, the
//! printed brief, the slide and the workbook all read this one result.

use eduplan_model::briefing::{self, Compared, Inputs};
use eduplan_model::format::Locale;

use crate::context::Ctx;

/// The points of the current scenario and, when comparing, how the pinned
/// scenarios differ (from the first pinned).
#[derive(Clone, Debug, PartialEq)]
pub struct Briefing {
    pub points: Vec<String>,
    pub compare: Vec<String>,
    pub locale: Locale,
}

impl Briefing {
    /// The text 复制 puts on the clipboard: the points, then the comparison.
    pub fn text(&self) -> String {
        let mut out = briefing::as_text(&self.points, self.locale);
        if !self.compare.is_empty() {
            out.push('\n');
            out.push_str(&briefing::as_text_titled(
                briefing::compare_title(self.locale),
                &self.compare,
                self.locale,
            ));
        }
        out
    }

    /// The heading of the points and of the comparison, in the locale.
    pub fn titles(&self) -> (&'static str, &'static str) {
        let s = eduplan_model::catalogue::sentences::sentences(self.locale);
        (s.title, s.compare_title)
    }
}

/// Computes the briefing (goal seeking included: a few dozen engine runs, so
/// callers compute it on demand, not on every lever step).
pub fn compute(ctx: &Ctx) -> Briefing {
    let loc = ctx.lang().locale();
    let ds = &ctx.dataset;
    let sc = &ctx.state.scenario;
    let sought = briefing::seek_widest(ds, sc, &ctx.current);
    // bands of another scenario (still computing) would misstate the odds
    let bands = ctx.bands.as_deref().filter(|_| !ctx.mc_running);
    let points = briefing::points(
        &Inputs {
            ds,
            sc,
            current: &ctx.current,
            baseline: &ctx.baseline,
            bands,
            sought: sought.as_ref(),
        },
        loc,
    );
    let pinned = ctx.state.pinned_scenarios();
    let compare = if ctx.compare.len() >= 2 && pinned.len() == ctx.compare.len() {
        let scenarios: Vec<_> = pinned
            .iter()
            .map(|s| eduplan_model::codec::adapt(&s.scenario, ds).0)
            .collect();
        let items: Vec<Compared> = ctx
            .compare
            .iter()
            .zip(&scenarios)
            .map(|((name, p), s)| Compared {
                name,
                scenario: s,
                projection: p,
            })
            .collect();
        briefing::compare(ds, &items, loc)
    } else {
        Vec::new()
    };
    Briefing {
        points,
        compare,
        locale: loc,
    }
}
