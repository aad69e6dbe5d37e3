//! Budget mode: what each year's money bought ("¥X万 → N 间教室, …") and the
//! budget meter, spent against available, from the projection's purchases.

use eduplan_model::budget::Purchase;
use eduplan_model::format::{self, Locale};
use yew::prelude::*;

use crate::context::use_ctx;
use crate::i18n::{fill, Strings};

/// "6 classrooms, 320 public seats, 108 teachers" (or "nothing new").
pub fn bought_list(b: &Purchase, t: &Strings, loc: Locale) -> String {
    // counts as the interface language writes them (3031 in Chinese, 3,031 in English)
    let n = |x: f64| format::count(x, loc);
    let parts: Vec<String> = [
        (b.funds_step, t.bought_step),
        (b.classrooms, t.bought_rooms),
        (b.seats, t.bought_seats),
        (b.hires, t.bought_hires),
        (b.trainees, t.bought_trainees),
    ]
    .into_iter()
    .filter(|(x, _)| x.round() > 0.0)
    .map(|(x, s)| fill(s, &[("n", &n(x))]))
    .collect();
    if parts.is_empty() {
        t.bought_nothing.to_string()
    } else {
        parts.join(t.list_sep)
    }
}

/// "¥46.7 m → per-pupil funds +100 yuan, 60 classrooms, 108 teachers".
pub fn purchase_line(b: &Purchase, t: &Strings, loc: Locale) -> String {
    format!("{} → {}", format::yuan(b.new, loc), bought_list(b, t, loc))
}

/// "¥51.4 m / ¥60.0 m": spent of available.
pub fn spent_of_available(b: &Purchase, loc: Locale) -> String {
    format!("{} / {}", format::yuan(b.spent(), loc), format::yuan(b.available, loc))
}

#[function_component]
pub fn BudgetPanel() -> Html {
    let ctx = use_ctx();
    let t = ctx.t();
    let loc = ctx.lang().locale();
    let purchases = &ctx.current.purchases;
    if ctx.current.derived.is_none() {
        return html! {};
    }
    let available: f64 = purchases.iter().map(|b| b.available).sum();
    let spent: f64 = purchases.iter().map(Purchase::spent).sum();
    let meter = fill(
        t.budget_meter,
        &[
            ("spent", &format::yuan(spent, loc)),
            ("available", &format::yuan(available, loc)),
            ("years", &purchases.len().to_string()),
        ],
    );
    let share = |b: &Purchase| {
        if b.available > 0.0 {
            b.spent() / b.available
        } else {
            0.0
        }
    };
    html! {
        <section class="budget-panel" aria-labelledby="budget-title">
            <h2 id="budget-title">{ t.budget_title }</h2>
            <div class="budget-meter">
                <meter min="0" max={available.max(1.0).to_string()} value={spent.to_string()} aria-label={meter.clone()} />
                <span class="budget-meter-text">{ meter }</span>
            </div>
            <table class="purchases">
                <thead><tr>
                    <th scope="col">{ t.col_budget_year }</th>
                    <th scope="col">{ t.col_available }</th>
                    <th scope="col">{ t.col_recurring }</th>
                    <th scope="col">{ t.col_new }</th>
                    <th scope="col">{ t.col_bought }</th>
                    <th scope="col">{ t.col_used }</th>
                </tr></thead>
                <tbody>
                    { for purchases.iter().map(|b| html! {
                        <tr data-year={b.year.to_string()}>
                            <th scope="row">{ b.year }</th>
                            <td class="num">{ format::yuan(b.available, loc) }</td>
                            <td class="num">{ format::yuan(b.recurring, loc) }</td>
                            <td class="num">{ format::yuan(b.new, loc) }</td>
                            <td class="bought">{ purchase_line(b, t, loc) }</td>
                            <td class="used">
                                <span class="used-text">{ format::percent(share(b)) }</span>
                                <span class="used-track" aria-hidden="true">
                                    <span class="used-bar" style={format!("width:{:.0}%", 100.0 * share(b).clamp(0.0, 1.0))}></span>
                                </span>
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="budget-note">{ t.budget_recurring_note }</p>
        </section>
    }
}
